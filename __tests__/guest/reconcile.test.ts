// reconcileGuests end to end: a scripted host behind the Backend port answers observe and
// guest.addresses; the one guest with an SSH-reachable address is a real sshd on loopback.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config, DesiredVm, VmSsh } from '../../src/core/config/types.js';
import type { GuestAddressReport } from '../../src/core/model/guest.js';
import type { Observation, ObservedVm } from '../../src/core/model/observed.js';
import type { QueryOperation } from '../../src/core/plan/operations.js';
import type { Backend, OperationOutcome } from '../../src/core/ports.js';
import { BEGIN_MARKER, END_MARKER } from '../../src/guest/hosts-block.js';
import { reconcileGuests, type GuestReconcileReport } from '../../src/guest/reconcile.js';
import { generateKeyPair, sshdUnavailable, startSshd, type KeyPair, type Sshd } from '../support/sshd.js';

const skipWhy = sshdUnavailable();
if (skipWhy) console.warn(`SKIPPED: reconcile tests against a real sshd: ${skipWhy}`);
const describeSshd = skipWhy ? describe.skip : describe;

function desired(name: string, state: DesiredVm['state'], ssh: VmSsh | null): DesiredVm {
  return {
    name,
    state,
    generation: 2,
    cpus: 2,
    memory: { dynamic: false, startupBytes: 2 ** 31 },
    secureBoot: true,
    switch: 'Default Switch',
    mac: null,
    disk: { strategy: 'differencing', image: null, sizeBytes: null, deleteOnDestroy: false },
    path: 'D:\\Hyper-V\\lab',
    notes: '',
    ssh,
  };
}

function observed(name: string, id: string, state: string): ObservedVm {
  return {
    id,
    name,
    state,
    generation: 2,
    cpus: 2,
    memory: { dynamic: false, startupBytes: 2 ** 31, minimumBytes: 2 ** 31, maximumBytes: 2 ** 31 },
    secureBoot: true,
    notes: '',
    path: 'D:\\Hyper-V\\lab',
    adapters: [],
    disks: [],
    checkpoints: [],
    integrationServices: [],
  };
}

/** A scripted host behind the Backend port: counts observe and query calls. */
function scriptedBackend(observation: Observation, answer: (ids: string[]) => OperationOutcome) {
  const calls = { observe: 0, query: [] as QueryOperation[] };
  const backend: Backend = {
    kind: 'sim',
    mutable: true,
    observe: async () => {
      calls.observe++;
      return observation;
    },
    runner: async () => {
      throw new Error('reconcile must not ask for the apply pool');
    },
    query: async (op) => {
      calls.query.push(op);
      return answer(op.op === 'guest.addresses' ? op.args.ids : []);
    },
    stats: () => ({ launches: 0, operations: calls.observe + calls.query.length }),
    close: async () => undefined,
  };
  return { backend, calls };
}

const ids = { web: 'aaaaaaaa-0000-0000-0000-000000000001', db: 'aaaaaaaa-0000-0000-0000-000000000002', dupA: 'aaaaaaaa-0000-0000-0000-000000000003', dupB: 'aaaaaaaa-0000-0000-0000-000000000004', off: 'aaaaaaaa-0000-0000-0000-000000000005' };

describeSshd('reconcileGuests', () => {
  let client: KeyPair;
  let sshd: Sshd;
  let work: string;
  let n = 0;

  beforeAll(async () => {
    client = generateKeyPair('hvc-client');
    sshd = await startSshd({ authorizedKeys: [client.publicKey] });
    work = mkdtempSync(join(tmpdir(), 'hvc-reconcile-'));
  });
  afterAll(async () => {
    await sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  function setup() {
    const dir = mkdtempSync(join(work, `case-${++n}-`));
    const hostsPath = join(dir, 'hosts');
    writeFileSync(hostsPath, '127.0.0.1 localhost\n# keep\n');
    const vmSsh: VmSsh = { user: sshd.user, port: sshd.port, hostKey: null, syncHosts: true };
    const config: Config = {
      version: 1,
      project: 'lab',
      host: { computerName: null, concurrency: 2, operationTimeoutSec: 30 },
      policy: { protect: [], allowRestart: false, allowTurnOff: false, maxDisruptive: 5, prune: false, checkpointBeforeDisruptive: false, stopTimeoutSec: 60 },
      ssh: {
        user: sshd.user,
        port: sshd.port,
        privateKeyEnv: 'LAB_SSH_KEY',
        hostKeys: { 'web-1': sshd.hostKey },
        knownHostsFile: join(dir, 'known_hosts'),
        syncHosts: true,
        ipv6: false,
        discoveryTimeoutSec: 9,
      },
      vms: [
        desired('web-1', 'running', vmSsh),
        desired('db-1', 'running', null),
        desired('dup-a', 'running', vmSsh),
        desired('dup-b', 'running', vmSsh),
        desired('off-1', 'running', vmSsh),
        desired('parked-1', 'stopped', vmSsh),
      ],
    };
    const observation: Observation = {
      schemaVersion: 1,
      backend: 'sim',
      host: { computerName: 'hv01', switches: [], paths: [], neighbors: [] },
      complete: true,
      incomplete: [],
      vms: [observed('db-1', ids.db, 'Running'), observed('dup-a', ids.dupA, 'Running'), observed('dup-b', ids.dupB, 'Running'), observed('off-1', ids.off, 'Off'), observed('web-1', ids.web, 'Running')],
    };
    const report: GuestAddressReport = {
      vms: [
        { id: ids.web, name: 'web-1', state: 'Running', adapters: [{ name: 'eth', mac: '00155D000001', ips: ['127.0.0.1', 'fe80::1'] }], kvp: { enabled: true, status: 'OK' } },
        { id: ids.db, name: 'db-1', state: 'Running', adapters: [{ name: 'eth', mac: '00155D000002', ips: [] }], kvp: { enabled: true, status: 'No Contact' } },
        { id: ids.dupA, name: 'dup-a', state: 'Running', adapters: [{ name: 'eth', mac: '00155D000003', ips: ['10.0.0.50'] }], kvp: { enabled: true, status: 'OK' } },
        { id: ids.dupB, name: 'dup-b', state: 'Running', adapters: [{ name: 'eth', mac: '00155D000004', ips: ['10.0.0.50'] }], kvp: { enabled: true, status: 'OK' } },
      ],
      neighbors: [{ ip: '10.0.0.9', mac: '00155D000002', state: 'Reachable' }],
    };
    const answer = (want: string[]): OperationOutcome => ({ ok: true, durationMs: 1, result: { vms: report.vms.filter((v) => want.includes(v.id)), neighbors: report.neighbors } });
    return { dir, hostsPath, config, observation, answer };
  }

  const env = () => ({ LAB_SSH_KEY: client.privateKey });

  it('discovers, warns about duplicates, and syncs the managed block on the reachable guest', async () => {
    const s = setup();
    const { backend, calls } = scriptedBackend(s.observation, s.answer);
    const logs: string[] = [];
    const report = await reconcileGuests(s.config, backend, { dryRun: false, env: env(), hostsPath: s.hostsPath, log: (m) => logs.push(m) });

    expect(calls.observe).toBe(1);
    expect(calls.query).toEqual([{ op: 'guest.addresses', args: { ids: [ids.web, ids.db, ids.dupA, ids.dupB], neighbors: true } }]);
    expect(report.addresses.map((a) => [a.vm, a.address, a.tier])).toEqual([
      ['web-1', '127.0.0.1', 'kvp'],
      ['db-1', '10.0.0.9', 'arp'],
      ['dup-a', '10.0.0.50', 'kvp'],
      ['dup-b', '10.0.0.50', 'kvp'],
    ]);
    expect(report.skipped).toEqual([{ vm: 'off-1', reason: 'it is Off, not Running' }]);
    expect(report.duplicates).toEqual([{ address: '10.0.0.50', vms: ['dup-a', 'dup-b'] }]);
    expect(report.warnings.join('\n')).toContain('10.0.0.50');
    expect(report.hosts.entries).toEqual([
      { name: 'db-1', address: '10.0.0.9' },
      { name: 'web-1', address: '127.0.0.1' },
    ]);
    expect(report.hosts.synced).toEqual(['web-1']);
    expect(report.hosts.failed).toEqual([]);
    expect(report.hosts.notAttempted.map((x) => x.vm)).toEqual(['dup-a', 'dup-b', 'off-1']);
    expect(report.ok).toBe(false); // duplicates are not a clean run
    expect(readFileSync(s.hostsPath, 'utf8')).toBe(`127.0.0.1 localhost\n# keep\n${BEGIN_MARKER}\n10.0.0.9\tdb-1\n127.0.0.1\tweb-1\n${END_MARKER}\n`);

    // JSON-serializable (it goes into result.json) and never holds the key.
    const json = JSON.stringify(report);
    expect(JSON.parse(json)).toEqual(report);
    for (const line of client.privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) {
      expect(json).not.toContain(line);
      expect(logs.join('\n')).not.toContain(line);
    }

    // The next run, with this report as the previous one: same addresses, nothing to write.
    const st = statSync(s.hostsPath);
    const again = await reconcileGuests(s.config, backend, { dryRun: false, env: env(), hostsPath: s.hostsPath, previous: report, observation: s.observation });
    expect(again.hosts.unchanged).toEqual(['web-1']);
    expect(again.addresses.every((a) => a.previous === a.address && !a.changed)).toBe(true);
    expect(statSync(s.hostsPath).mtimeMs).toBe(st.mtimeMs);
    expect(calls.observe).toBe(1); // the given observation was used
  });

  it('dry run: reports the diff it would make and writes nothing', async () => {
    const s = setup();
    const { backend } = scriptedBackend(s.observation, s.answer);
    const before = readFileSync(s.hostsPath, 'utf8');
    const report = await reconcileGuests(s.config, backend, { dryRun: true, env: env(), hostsPath: s.hostsPath });
    expect(report.dryRun).toBe(true);
    expect(report.hosts.wouldChange).toEqual(['web-1']);
    expect(report.hosts.guests[0]!.diff).toContain('+10.0.0.9\tdb-1');
    expect(readFileSync(s.hostsPath, 'utf8')).toBe(before);
  });

  it('a missing private key variable is a typed failure for every guest, not a crash', async () => {
    const s = setup();
    const { backend } = scriptedBackend(s.observation, s.answer);
    const report = await reconcileGuests(s.config, backend, { dryRun: false, env: {}, hostsPath: s.hostsPath });
    expect(report.hosts.guests.map((g) => [g.vm, g.status, g.reason])).toEqual([['web-1', 'failed', 'key-missing']]);
    expect(report.hosts.guests[0]!.message).toContain('LAB_SSH_KEY');
    expect(report.addresses).toHaveLength(4); // discovery still reported
    expect(readFileSync(s.hostsPath, 'utf8')).toBe('127.0.0.1 localhost\n# keep\n');
  });

  it('a signal during discovery: no further query, no guest started (listed as not attempted), nothing written', async () => {
    const s = setup();
    const cancel = new AbortController();
    const { backend, calls } = scriptedBackend(s.observation, (want) => {
      cancel.abort(); // the signal arrives while the host answers the first query
      return s.answer(want);
    });
    const report = await reconcileGuests(s.config, backend, { dryRun: false, env: env(), hostsPath: s.hostsPath, signal: cancel.signal });
    expect(calls.query).toHaveLength(1);
    expect(report.hosts.guests).toEqual([]);
    expect(report.hosts.notAttempted).toContainEqual({ vm: 'web-1', reason: 'the run was cancelled before this guest was started' });
    expect(readFileSync(s.hostsPath, 'utf8')).toBe('127.0.0.1 localhost\n# keep\n');
  });

  it('a changed address is flagged against the previous run', async () => {
    const s = setup();
    const { backend } = scriptedBackend(s.observation, s.answer);
    const report = await reconcileGuests(s.config, backend, { dryRun: true, env: env(), hostsPath: s.hostsPath, previous: { [ids.db]: '10.0.0.8' } });
    const db = report.addresses.find((a) => a.vm === 'db-1')!;
    expect([db.address, db.previous, db.changed]).toEqual(['10.0.0.9', '10.0.0.8', true]);
  });
});

describe('reconcileGuests without a host answer', () => {
  it('a failing guest.addresses query is bounded and explained; nothing is synced', async () => {
    const observation: Observation = {
      schemaVersion: 1,
      backend: 'sim',
      host: { computerName: 'hv01', switches: [], paths: [], neighbors: [] },
      complete: true,
      incomplete: [],
      vms: [observed('web-1', ids.web, 'Running')],
    };
    const { backend, calls } = scriptedBackend(observation, () => ({ ok: false, durationMs: 1, error: { code: 'agent-crashed', message: 'agent exited' } }));
    const config: Config = {
      version: 1,
      project: 'lab',
      host: { computerName: null, concurrency: 1, operationTimeoutSec: 30 },
      policy: { protect: [], allowRestart: false, allowTurnOff: false, maxDisruptive: 5, prune: false, checkpointBeforeDisruptive: false, stopTimeoutSec: 60 },
      ssh: { user: 'ubuntu', port: 22, privateKeyEnv: 'K', hostKeys: {}, knownHostsFile: '', syncHosts: true, ipv6: false, discoveryTimeoutSec: 6 },
      vms: [desired('web-1', 'running', { user: 'ubuntu', port: 22, hostKey: null, syncHosts: true })],
    };
    let t = 0;
    const report: GuestReconcileReport = await reconcileGuests(config, backend, { dryRun: false, env: { K: 'x' }, pollMs: 2000, now: () => t, sleep: async (ms) => void (t += ms) });
    expect(calls.query).toHaveLength(4); // 6 s bound, 2 s interval: 0, 2, 4, 6
    expect(report.addresses[0]!.reason).toContain('agent-crashed');
    expect(report.hosts.notAttempted).toEqual([{ vm: 'web-1', reason: expect.stringContaining('no address') }]);
    expect(report.hosts.guests).toEqual([]);
    expect(report.ok).toBe(false);
  });
});
