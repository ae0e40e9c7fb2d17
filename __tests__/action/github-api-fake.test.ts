// The loopback API itself must be strict, or the action's tests prove nothing: an unknown route, a
// malformed request body and a response that breaks the OpenAPI description are all reported.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubApi, type GitHubApiFake } from '../support/github-api.js';
import { createGitHubApi } from '../../src/action/github.js';

let gh: GitHubApiFake;
beforeAll(async () => {
  gh = await startGitHubApi({ owner: 'Codertocat', repo: 'Hello-World', defaultBranch: 'master', identity: 'actions-bot', token: 't0ken' });
});
afterAll(() => gh.close());

const call = (method: string, path: string, body?: unknown) =>
  fetch(`${gh.url}${path}`, { method, headers: { authorization: 'token t0ken', 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });

async function clientRoundTrip(): Promise<void> {
  const api = createGitHubApi('t0ken', 'Codertocat', 'Hello-World', { baseUrl: gh.url });
  expect(await api.identity()).toEqual({ login: 'github-actions[bot]', learned: false });
  gh.pulls.set(2, { number: 2, headSha: 'a'.repeat(40), headRepo: 'Codertocat/Hello-World', state: 'open', files: [{ filename: 'vms.yaml' }, { filename: 'b.yml', previousFilename: 'a.yml' }], reviews: [] });
  expect(await api.pull(2)).toMatchObject({ headSha: 'a'.repeat(40), headRepo: 'Codertocat/Hello-World', baseRepo: 'Codertocat/Hello-World' });
  expect(await api.pullFiles(2)).toEqual([
    { filename: 'vms.yaml', previousFilename: null },
    { filename: 'b.yml', previousFilename: 'a.yml' },
  ]);
  const c = await api.createComment(2, 'hello');
  expect(c.user).toEqual({ login: 'github-actions[bot]', type: 'Bot' });
  for (let i = 0; i < 120; i++) gh.addComment(2, `filler ${i}`, { login: 'someone', type: 'User' });
  const listed = await api.issueComments(2);
  expect(listed.comments).toHaveLength(121); // paginated over two pages
  expect(listed.serverTime).toBeInstanceOf(Date);
  await api.updateComment(c.id, 'edited');
  expect(gh.comments.find((x) => x.id === c.id)!.body).toBe('edited');
  const issue = await api.createIssue('t', 'b', ['drift']);
  expect((await api.openIssues()).map((i) => i.number)).toEqual([issue.number]);
  await api.updateIssue(issue.number, { state: 'closed' });
  expect(await api.openIssues()).toEqual([]);
  gh.permissions['alice'] = 'maintain';
  expect(await api.permission('alice')).toBe('write');
  gh.commitPulls['b'.repeat(40)] = [2];
  expect(await api.pullsForCommit('b'.repeat(40))).toEqual([2]);
  expect(await api.defaultBranch()).toBe('master');
  // The gate's reads: who pushed the head, the branch's rules, GitHub's review decision, edit history.
  const pr = gh.pulls.get(2)!;
  pr.headRef = 'changes';
  pr.pushes = [{ actor: 'carol', sha: pr.headSha }];
  expect(await api.pusherOf('refs/heads/changes', pr.headSha)).toBe('carol');
  expect(await api.pusherOf('refs/heads/changes', 'f'.repeat(40))).toBeNull();
  gh.rulesets['master'] = { requiredApprovals: 2, codeOwners: true, lastPushApproval: true };
  gh.protection['master'] = { requiredApprovals: 3, codeOwners: false, lastPushApproval: false };
  const rules = await api.branchRules('master');
  expect(rules).toMatchObject({ requiredApprovals: 2, codeOwners: true });
  expect(rules.notes.join('\n')).toContain('branch protection of master: not readable with this token (403)');
  gh.protectionReadable = true;
  expect((await api.branchRules('master')).requiredApprovals).toBe(3);
  pr.reviewDecision = 'APPROVED';
  expect(await api.reviewDecision(2)).toBe('APPROVED');
  expect(await api.commentEdits(c.nodeId)).toEqual([{ editor: { login: 'github-actions', type: 'Bot' }, editedAt: expect.any(String) }]);
  gh.editAs(gh.comments.find((x) => x.id === c.id)!, { login: 'mallory', type: 'User' }, 'forged');
  expect((await api.commentEdits(c.nodeId)).map((e) => e.editor?.login)).toEqual(['mallory', 'github-actions']);
  await api.deleteComment(c.id);
  expect(gh.comments.some((x) => x.id === c.id)).toBe(false);
}

describe('loopback GitHub API', () => {
  it('serves the action client with responses that validate, and records its requests', async () => {
    await clientRoundTrip().catch((e: unknown) => {
      throw new Error(`${String(e)}\n${gh.violations.join('\n')}`);
    });
    expect(gh.violations).toEqual([]);
    expect(gh.requests.map((r) => r.route)).toContain('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}');
  });

  it('reports an unknown route, a bad request body and a non-conforming response', async () => {
    const before = gh.violations.length;
    await call('GET', '/repos/Codertocat/Hello-World/no-such-thing');
    await call('POST', '/repos/Codertocat/Hello-World/issues/2/comments', { body: 42 });
    gh.pulls.set(3, { number: 'three' as never, headSha: 'c'.repeat(40), headRepo: 'Codertocat/Hello-World', state: 'open', files: [], reviews: [] });
    await call('GET', '/repos/Codertocat/Hello-World/pulls/3');
    const got = gh.violations.slice(before);
    expect(got.join('\n')).toMatch(/unknown route GET/);
    expect(got.join('\n')).toMatch(/comments request/);
    expect(got.join('\n')).toMatch(/pulls\/\{pull_number\} response 200: .*number/);
    // GraphQL is checked against GitHub's published schema: an unknown field is a violation.
    await call('POST', '/graphql', { query: 'query { viewer { loginName } }' });
    expect(gh.violations.slice(before).join('\n')).toMatch(/POST \/graphql: Cannot query field "loginName"/);
    gh.violations.splice(before);
  });
});
