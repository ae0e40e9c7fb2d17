// What people read on the PR and in the job summary: the top always whole, detail cut with a note,
// under GitHub's limits even for a 5,000-VM plan; the reviewed-plan record survives the round trip.
import { describe, expect, it } from '@jest/globals';
import { COMMENT_BUDGET, renderReport, SUMMARY_BUDGET, withStatus, type ReportInput } from '../../src/action/report.js';
import { diffPlans, parseReviewedData, reviewedPlanOf } from '../../src/action/reviewed-plan.js';
import { stickyBody, stickyMarker } from '../../src/action/sticky-comment.js';
import { syntheticPlan, vmName } from '../support/plans.js';

const report = (plan: ReturnType<typeof syntheticPlan>, over: Partial<ReportInput> = {}): ReportInput => ({
  config: 'infra/lab/vms.yaml',
  status: 'Planned',
  message: `${plan.steps.length} step(s) planned`,
  failureReason: null,
  plan,
  result: null,
  problems: [],
  difference: null,
  reviewedHash: null,
  runUrl: 'https://github.com/o/r/actions/runs/42',
  artifactUrl: 'https://github.com/o/r/actions/runs/42/artifacts/4001',
  ...over,
});
const id = (s: string) => s;

describe('sticky comment body', () => {
  it('keeps a 5,000-VM plan under 65,536 characters with the top intact and the detail cut', () => {
    const plan = syntheticPlan(5000);
    const reviewed = reviewedPlanOf(plan, 'infra/lab/vms.yaml', 'a'.repeat(40), '2026-11-22T18:00:00Z');
    const body = stickyBody(report(plan), reviewed, id);
    expect(body.length).toBeLessThan(65_536);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(body.startsWith(stickyMarker('infra/lab/vms.yaml'))).toBe(true);
    expect(body).toContain('**📋 Planned** — 4900 step(s) planned');
    expect(body).toContain(`| ${plan.counts.create} | ${plan.counts.change} | 0 | 100 | 0 |`);
    expect(body).toContain(`Plan hash \`${plan.planHash}\``);
    expect(body).toContain('[Run](https://github.com/o/r/actions/runs/42)');
    expect(body).toContain('[Artifact](https://github.com/o/r/actions/runs/42/artifacts/4001)');
    // Refusals come before per-VM detail and are all kept here (100 fit); the detail is cut.
    expect(body).toContain(`\`${vmName(49)}\` **refused** (\`protected\`)`);
    expect(body).toContain(`\`${vmName(4999)}\` **refused**`);
    expect(body).toMatch(/_… [\d,]+ more VMs not shown here: the full plan is in the artifact \(plan\.json\)\._/);
    expect(body).toContain(`<details><summary>\`${vmName(0)}\` — 1 step (create)</summary>`);
    expect(body).not.toContain(`<summary>\`${vmName(4998)}\``);
    // Every <details> that was opened is closed (cut between items, never inside one).
    expect(body.split('<details>').length).toBe(body.split('</details>').length);
    // The hidden record reads back with the hash (detail reduced to fit).
    const back = parseReviewedData(body)!;
    expect(back.planHash).toBe(plan.planHash);
    expect(back.config).toBe('infra/lab/vms.yaml');
    expect(back.vms === null).toBe(true);
  });

  it('keeps step lines for a small plan, so a changed plan shows what changed per VM', () => {
    const reviewedPlan = syntheticPlan(30);
    const body = stickyBody(report(reviewedPlan), reviewedPlanOf(reviewedPlan, 'vms.yaml', 'a'.repeat(40), '2026-11-22T18:00:00Z'), id);
    const back = parseReviewedData(body)!;
    expect(back.vms![vmName(9)]).toEqual([expect.stringMatching(/^web-0009\/0 set-cpus [0-9a-f]{6}$/)]);
    const now = syntheticPlan(30, { cpuTo: 8 });
    const d = diffPlans(back, now);
    expect(d.detail).toBe('steps');
    expect(d.changes.map((c) => c.vm)).toEqual([vmName(9), vmName(19), vmName(29)]);
    expect(diffPlans(back, reviewedPlan).changes).toEqual([]);
  });

  it('still names the changed VMs of a large plan through per-VM digests', () => {
    const big = syntheticPlan(3000);
    const rec = reviewedPlanOf(big, 'vms.yaml', null, '2026-11-22T18:00:00Z');
    expect(rec.vms === null).toBe(true);
    expect(rec.vmDigests === null).toBe(false);
    const d = diffPlans(rec, syntheticPlan(3000, { cpuTo: 6 }));
    expect(d.detail).toBe('digests');
    expect(d.changes).toHaveLength(240); // every 10th VM, less the protected ones
    expect(d.changes[0]!.vm).toBe(vmName(9));
  });

  it('replaces only the status line for Applying / Refused', () => {
    const plan = syntheticPlan(3);
    const body = stickyBody(report(plan), null, id);
    const applying = withStatus(body, 'Applying', 'approved by alice');
    expect(applying).toContain('**⏳ Applying** — approved by alice');
    expect(applying).not.toContain('Planned');
    expect(applying.replace('**⏳ Applying** — approved by alice', '')).toBe(body.replace('**📋 Planned** — 3 step(s) planned', ''));
  });

  it('masks secrets in what it writes', () => {
    const plan = syntheticPlan(3);
    const body = stickyBody(report(plan, { message: 'key -----BEGIN KEY----- s3cr3t-value' }), null, (s) => s.split('s3cr3t-value').join('***'));
    expect(body).not.toContain('s3cr3t-value');
    expect(body).toContain('***');
  });
});

describe('job summary', () => {
  it('stays under 1 MiB for 5,000 VMs and shows more of the plan than the comment', () => {
    const plan = syntheticPlan(5000);
    const summary = renderReport(report(plan), SUMMARY_BUDGET);
    const comment = renderReport(report(plan), COMMENT_BUDGET);
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    const shown = (s: string) => s.split('<details>').length - 1;
    expect(shown(summary)).toBeGreaterThan(shown(comment) * 5);
    expect(summary).toContain(`Plan hash \`${plan.planHash}\``);
  });
});

describe('guest network in the report', () => {
  it('lists each guest with its address, /etc/hosts outcome and first-contact fingerprint; a failed sync is named at the top', () => {
    const plan = syntheticPlan(1);
    const guests = {
      schemaVersion: 1, dryRun: false, skipped: [{ vm: 'db-9', reason: 'the file wants it stopped' }], duplicates: [], warnings: [], ok: false,
      addresses: [
        { vm: 'web-1', id: 'i1', address: '10.0.0.5', mac: '00155D000001', tier: 'kvp', at: null, previous: null, changed: false, reason: null, fix: null },
        { vm: 'web-2', id: 'i2', address: null, mac: null, tier: null, at: null, previous: null, changed: false, reason: 'KVP: no contact', fix: 'install the KVP daemon' },
      ],
      hosts: {
        enabled: true, entries: [], synced: ['web-1'], unchanged: [], wouldChange: [], failed: [],
        notAttempted: [{ vm: 'web-2', reason: 'no address' }],
        guests: [{ vm: 'web-1', host: '10.0.0.5', port: 22, status: 'synced', reason: null, message: '', diff: null, hostKey: { fingerprint: 'SHA256:abc', firstContact: true, recorded: true }, entries: 1 }],
      },
    };
    const result = { schemaVersion: 1 as const, mode: 'apply' as const, status: 'applied' as const, failureReason: null, message: 'ok', planHash: plan.planHash, steps: [], postObservation: null, converged: true, remaining: [], extra: { guests } };
    const body = renderReport(report(plan, { status: 'Applied', result }), COMMENT_BUDGET);
    expect(body).toContain('#### Guest network');
    expect(body).toContain('| `web-1` | `10.0.0.5` (kvp) | synced | first contact: `SHA256:abc` recorded |');
    expect(body).toContain('| `web-2` | none: KVP: no contact | no address | – |');
    expect(body).toContain('| `db-9` | skipped: the file wants it stopped | – | – |');
    expect(body).not.toContain('sync failed on');
    const failed = { ...guests, hosts: { ...guests.hosts, synced: [], failed: ['web-1'], guests: [{ ...guests.hosts.guests[0]!, status: 'failed', reason: 'auth-failed' }] } };
    const top = renderReport(report(plan, { status: 'Applied', result: { ...result, extra: { guests: failed } } }), COMMENT_BUDGET).split('####')[0]!;
    expect(top).toContain('> **Guest network:** /etc/hosts sync failed on `web-1`');
  });
});
