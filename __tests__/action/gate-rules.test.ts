// The approval count and the fork / workflow-path reading, as pure rules (the end-to-end cases are
// in gate.test.ts).
import { describe, expect, it } from '@jest/globals';
import { countApprovals, isFork } from '../../src/action/gate.js';
import { pullRequestOf, workflowPathOf, type RunContext } from '../../src/action/event.js';
import { pullRequestFromFork, pullRequestOpened } from '../support/payloads.js';

const HEAD = 'a'.repeat(40);
const SINCE = '2026-11-22T18:00:00Z';
const perms: Record<string, string> = { alice: 'write', bob: 'admin', carol: 'read', dave: 'maintain' };
const permission = async (u: string) => perms[u] ?? 'none';
const review = (user: string, state: string, at: string, commitId = HEAD) => ({ user, state, commitId, submittedAt: at });

describe('countApprovals', () => {
  it("takes each reviewer's latest decisive review; comments do not undo an approval", async () => {
    const c = await countApprovals(
      [
        review('alice', 'APPROVED', '2026-11-22T18:01:00Z'),
        review('alice', 'COMMENTED', '2026-11-22T18:05:00Z'),
        review('bob', 'APPROVED', '2026-11-22T18:01:00Z'),
        review('bob', 'CHANGES_REQUESTED', '2026-11-22T18:02:00Z'),
        review('dave', 'APPROVED', '2026-11-22T18:03:00Z'),
        review('dave', 'DISMISSED', '2026-11-22T18:04:00Z'),
      ],
      HEAD,
      SINCE,
      permission,
    );
    expect(c.counted).toEqual(['alice']);
  });

  it('says why an approval is not counted', async () => {
    const c = await countApprovals(
      [
        review('alice', 'APPROVED', '2026-11-22T18:01:00Z', 'b'.repeat(40)),
        review('bob', 'APPROVED', '2026-11-22T17:59:59Z'),
        review('carol', 'APPROVED', '2026-11-22T18:01:00Z'),
        review('erin', 'APPROVED', '2026-11-22T18:01:00Z'),
        review('dave', 'APPROVED', '2026-11-22T18:00:00Z'), // the same second as the plan: not after it
      ],
      HEAD,
      SINCE,
      permission,
    );
    expect(c.counted).toEqual([]);
    expect(c.discounted).toEqual([
      { user: 'alice', why: 'approved commit bbbbbbb, not the head aaaaaaa' },
      { user: 'bob', why: 'approved before the current plan was posted' },
      { user: 'carol', why: 'has read access, not write' },
      { user: 'dave', why: 'approved before the current plan was posted' },
      { user: 'erin', why: 'has no access, not write' },
    ]);
  });

  it("does not count the approval of whoever pushed the head, nor a bot's", async () => {
    const c = await countApprovals(
      [
        review('alice', 'APPROVED', '2026-11-22T18:01:00Z'),
        review('bob', 'APPROVED', '2026-11-22T18:01:00Z'),
        { ...review('renovate[bot]', 'APPROVED', '2026-11-22T18:01:00Z'), userType: 'Bot' },
      ],
      HEAD,
      SINCE,
      async () => 'write',
      'Alice',
    );
    expect(c.counted).toEqual(['bob']);
    expect(c.discounted).toEqual([
      { user: 'alice', why: 'pushed the head aaaaaaa' },
      { user: 'renovate[bot]', why: 'is a bot' },
    ]);
  });
});

describe('event facts', () => {
  const ctx = (payload: Record<string, unknown>) => ({ pullRequest: pullRequestOf(payload) }) as RunContext;

  it('tells a fork by the head repository, and treats a missing head repository as a fork', () => {
    expect(isFork(ctx(pullRequestOpened().payload))).toBe(false);
    expect(isFork(ctx(pullRequestFromFork().payload))).toBe(true);
    const gone = pullRequestOpened().payload;
    gone.pull_request.head.repo = null;
    expect(isFork(ctx(gone))).toBe(true);
  });

  it('reads the running workflow path from GITHUB_WORKFLOW_REF', () => {
    expect(workflowPathOf('octo/repo/.github/workflows/apply.yml@refs/pull/2/merge', 'octo/repo')).toBe('.github/workflows/apply.yml');
    expect(workflowPathOf('octo/repo/.github/workflows/a@b.yml@refs/heads/main', 'octo/repo')).toBe('.github/workflows/a@b.yml');
    expect(workflowPathOf(undefined, 'octo/repo')).toBeNull();
  });
});
