// `reconcile` writes guests' /etc/hosts and durable state (known_hosts-<host>, the remembered report):
// it takes the host lock as apply does (a dry run stays lock-free, like plan), and it honours the
// first SIGINT/SIGTERM — no new guest operation, result.json `cancelled`, exit 130, lock released.
// `doctor` honours it too. Through the built CLI as its own process; the guest is a real OpenSSH sshd
// in its own mount namespace (its /etc is a copy: this machine's /etc/hosts is never touched), the
// slow guest a TCP peer that accepts and never answers (a held-open connection).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimState } from '../../src/backends/sim/state.js';
import { acquireHostLock } from '../../src/engine/apply/lock.js';
import { hostKeyOf } from '../../src/engine/state-location.js';
import { CLI, readJson, runCli } from '../support/run-cli.js';
import { generateKeyPair, privateHostsUnavailable, sshdUnavailable, startSshd, type KeyPair, type Sshd } from '../support/sshd.js';

const skipWhy = sshdUnavailable() ?? privateHostsUnavailable();
if (skipWhy) console.warn(`SKIPPED: reconcile lock and cancellation tests against a real sshd: ${skipWhy}`);
const describeSshd = skipWhy ? describe.skip : describe;
const GiB = 1024 ** 3;
const HOSTS = '127.0.0.1 localhost\n';
const SIM = ['--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--out', 'out', '--json'];

interface Proc {
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  stderr: () => string;
  kill: (sig: NodeJS.Signals) => void;
  exited: () => boolean;
}

/** The built CLI as its own process (cwd = dir), its output collected. */
function start(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir, HVC_STATE_DIR: join(dir, '.state'), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      resolve({ code, stdout, stderr });
    }),
  );
  return { done, stderr: () => stderr, kill: (sig) => child.kill(sig), exited: () => exited };
}

async function until(cond: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`not reached within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The run's end, or 'still running' once `ms` passed (then it is killed, so the suite goes on). */
async function endOf(p: Proc, ms: number): Promise<{ code: number | null; stdout: string; stderr: string } | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'still running'>((r) => (timer = setTimeout(() => r('still running'), ms)));
  const r = await Promise.race([p.done, bound]);
  clearTimeout(timer);
  if (r === 'still running') p.kill('SIGKILL');
  return r;
}

const vm = (name: string, n: number, ip: string) => ({
  name, id: `00000000-0000-4000-8000-00000000000${n}`, state: 'Running', cpus: 1, path: 'D:\\vms', notes: 'hyperv-converge: project=t',
  memory: { dynamic: false, startupBytes: GiB, minimumBytes: GiB, maximumBytes: GiB }, guest: { ips: [ip], via: 'kvp' as const },
});

describeSshd('reconcile and the host lock', () => {
  let work: string;
  let client: KeyPair;
  let sshd: Sshd;
  const hostsFile = () => join(work, 'etc', 'hosts');

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hvc-reconcile-guard-'));
    client = generateKeyPair('hvc-reconcile');
    sshd = await startSshd({ authorizedKeys: [client.publicKey], privateEtc: join(work, 'etc') });
  });
  afterAll(async () => {
    await sshd?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  /** One guest, web-1, reached through the real sshd; the hosts file reset. */
  function lab(): { dir: string; hostKey: string; env: NodeJS.ProcessEnv } {
    const dir = mkdtempSync(join(work, 'lab-'));
    writeFileSync(hostsFile(), HOSTS);
    writeFileSync(join(dir, 'vms.yaml'), `version: 1
project: t
defaults: { memory: 1GB, cpus: 1, path: 'D:\\vms' }
ssh: { user: ${sshd.user}, privateKeyEnv: T_KEY, port: ${sshd.port}, discoveryTimeout: 5 }
vms:
  - name: web-1
`);
    createSimState(join(dir, 'host.json'), { computerName: 'HV-T', switches: [], folders: ['D:\\vms'], files: {}, vms: [vm('web-1', 1, '127.0.0.1')] });
    return { dir, hostKey: hostKeyOf({ kind: 'sim', stateFile: join(dir, 'host.json') }), env: { T_KEY: client.privateKey } };
  }
  const holdLock = (dir: string, hostKey: string) =>
    acquireHostLock(join(dir, '.state'), hostKey, { holder: { runId: 'run-4711', pid: process.pid, hostname: hostname(), startedAt: '2026-11-22T11:00:00.000Z' }, waitMs: 0 });
  const stateFiles = (dir: string) => (existsSync(join(dir, '.state')) ? readdirSync(join(dir, '.state')).sort() : []);

  it('a reconcile while another run holds the host lock is refused `locked`, naming the holder; no guest, hosts file or state file is written', async () => {
    const { dir, hostKey, env } = lab();
    const held = await holdLock(dir, hostKey);
    try {
      const before = stateFiles(dir);
      const r = await runCli(['reconcile', ...SIM, '--lock-wait', '1'], { cwd: dir, env });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: expect.stringContaining('reconcile: locked:') });
      expect(r.stderr).toContain(`waiting up to 1 s for the host lock of '${hostKey}', held by run run-4711 (pid ${process.pid} on ${hostname()}, since 2026-11-22T11:00:00.000Z)`);
      expect(r.stderr).toContain('hyperv-converge unlock run-4711');
      expect(JSON.parse(r.stdout)).toMatchObject({ command: 'reconcile', status: 'refused', failureReason: 'locked' });
      expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ mode: 'reconcile', status: 'refused', failureReason: 'locked' });
      expect(readFileSync(hostsFile(), 'utf8')).toBe(HOSTS);
      expect(stateFiles(dir)).toEqual(before); // no known_hosts-<host>, no guests-<host>.json
      expect(sshd.log()).not.toContain(`Accepted publickey for ${sshd.user}`);
    } finally {
      await held.release();
    }
  });

  it('without --lock-wait it waits for the lock (saying so) and syncs only once the holder released it', async () => {
    const { dir, hostKey, env } = lab();
    const held = await holdLock(dir, hostKey);
    let p: Proc;
    try {
      p = start(dir, ['reconcile', ...SIM], env);
      await until(() => p.exited() || p.stderr().includes('waiting up to 10 min for the host lock'), 'the run ends or says it waits');
      expect(p.exited()).toBe(false);
      expect(readFileSync(hostsFile(), 'utf8')).toBe(HOSTS);
    } finally {
      await held.release();
    }
    const r = await p.done;
    expect(r.code).toBe(0);
    expect(readFileSync(hostsFile(), 'utf8')).toMatch(/127\.0\.0\.1\s+web-1/);
    expect(stateFiles(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('reconcile --dry-run takes no lock: it runs while the lock is held and changes nothing', async () => {
    const { dir, hostKey, env } = lab();
    const held = await holdLock(dir, hostKey);
    try {
      const r = await runCli(['reconcile', ...SIM, '--dry-run'], { cwd: dir, env });
      expect(r.code).toBe(2); // the hosts file would change
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'changes', failureReason: null });
      expect(readFileSync(hostsFile(), 'utf8')).toBe(HOSTS);
    } finally {
      await held.release();
    }
  });

  it("reconcile leaves none of an earlier run's artifacts beside its own", async () => {
    const { dir, env } = lab();
    expect((await runCli(['plan', ...SIM], { cwd: dir })).code).toBe(0); // the host is as the config says
    expect(existsSync(join(dir, 'out', 'plan.json'))).toBe(true);
    const r = await runCli(['reconcile', ...SIM], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.json')).sort()).toEqual(['current.json', 'result.json']);
  });

  it('SIGINT while it waits for a guest address: it ends without waiting out the discovery bound; no guest, no state written', async () => {
    const { dir, env } = lab();
    writeFileSync(join(dir, 'vms.yaml'), readFileSync(join(dir, 'vms.yaml'), 'utf8').replace('discoveryTimeout: 5', 'discoveryTimeout: 600'));
    createSimState(join(dir, 'host.json'), { computerName: 'HV-T', switches: [], folders: ['D:\\vms'], files: {}, vms: [{ ...vm('web-1', 1, '127.0.0.1'), guest: { ips: [], via: 'kvp' as const } }] });
    const accepted = (sshd.log().match(/Connection from/g) ?? []).length;
    const p = start(dir, ['reconcile', ...SIM], env);
    await until(() => p.exited() || p.stderr().includes('discovering addresses'), 'discovery starts');
    p.kill('SIGINT');
    const r = await endOf(p, 15_000); // far below the 600 s bound
    expect(r).not.toBe('still running');
    if (r === 'still running') return;
    expect(r.code).toBe(130);
    expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
    expect((sshd.log().match(/Connection from/g) ?? []).length).toBe(accepted);
    expect(readFileSync(hostsFile(), 'utf8')).toBe(HOSTS);
    expect(stateFiles(dir)).toEqual([]);
  }, 60_000);

  it('two reconciles and an apply at once on one host (own output folders, one state folder): each runs in turn, all succeed, one managed block', async () => {
    const { dir, env } = lab();
    const runs = [
      start(dir, ['reconcile', ...SIM.map((a) => (a === 'out' ? 'out-a' : a))], env),
      start(dir, ['reconcile', ...SIM.map((a) => (a === 'out' ? 'out-b' : a))], env),
      start(dir, ['apply', ...SIM.map((a) => (a === 'out' ? 'out-c' : a)), '--auto-approve'], env),
    ];
    const ends = await Promise.all(runs.map((p) => p.done));
    expect(ends.map((e) => e.code)).toEqual([0, 0, 0]);
    const hosts = readFileSync(hostsFile(), 'utf8');
    expect(hosts.match(/# BEGIN hyperv-converge/g)).toHaveLength(1);
    expect(hosts).toMatch(/127\.0\.0\.1\s+web-1/);
    expect(stateFiles(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
    // known_hosts-<host> holds the guest's key once: the second run found it recorded.
    const known = stateFiles(dir).filter((f) => f.startsWith('known_hosts-'));
    expect(known).toHaveLength(1);
    expect(readFileSync(join(dir, '.state', known[0]!), 'utf8').trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('reconcile --dry-run refuses --lock-wait (it takes no lock)', async () => {
    const { dir, env } = lab();
    const r = await runCli(['reconcile', ...SIM, '--dry-run', '--lock-wait', '5'], { cwd: dir, env });
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('--lock-wait');
  });

  describe('with a slow guest first (a connection accepted and never answered)', () => {
    let slow: Server;
    let connections = 0;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      slow = createServer((s) => {
        connections++;
        sockets.push(s);
        s.on('error', () => undefined);
      });
      await new Promise<void>((r) => slow.listen(0, '127.0.0.2', () => r()));
    });
    afterAll(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => slow.close(r));
    });

    /** slow-1 (127.0.0.2, the held-open connection) is synced first, then web-1 (the real sshd). */
    function slowLab() {
      const l = lab();
      const port = (slow.address() as { port: number }).port;
      writeFileSync(join(l.dir, 'vms.yaml'), `version: 1
project: t
host: { concurrency: 1 }
defaults: { memory: 1GB, cpus: 1, path: 'D:\\vms' }
ssh: { user: ${sshd.user}, privateKeyEnv: T_KEY, port: ${sshd.port}, discoveryTimeout: 5 }
vms:
  - name: slow-1
    ssh: { port: ${port} }
  - name: web-1
`);
      createSimState(join(l.dir, 'host.json'), { computerName: 'HV-T', switches: [], folders: ['D:\\vms'], files: {}, vms: [vm('slow-1', 2, '127.0.0.2'), vm('web-1', 1, '127.0.0.1')] });
      return l;
    }

    it('holds the lock while it runs: an apply meanwhile is refused `locked`, naming the reconcile', async () => {
      const { dir, env } = slowLab();
      const seen = connections;
      const p = start(dir, ['reconcile', ...SIM], env);
      try {
        await until(() => p.exited() || connections > seen, 'the reconcile reaches the slow guest');
        const apply = await runCli(['apply', ...SIM, '--auto-approve', '--lock-wait', '0', '-o', 'out-apply'], { cwd: dir });
        expect(apply.stderr).toContain('apply: locked:');
        expect(apply.stderr).toMatch(/is locked by run [0-9a-f-]+ \(pid \d+/);
      } finally {
        p.kill('SIGKILL');
        await p.done;
      }
    });

    it('a second run into the output folder of a running reconcile is refused and writes nothing there', async () => {
      const { dir, env } = slowLab();
      const seen = connections;
      const p = start(dir, ['reconcile', ...SIM], env);
      try {
        await until(() => p.exited() || connections > seen, 'the reconcile reaches the slow guest');
        // A dry run takes no host lock, but the folder is the running reconcile's.
        const dry = await runCli(['reconcile', ...SIM, '--dry-run'], { cwd: dir, env });
        expect({ code: dry.code, stderr: dry.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(/locked: .*output folder/) });
        const plan = await runCli(['plan', ...SIM], { cwd: dir });
        expect({ code: plan.code, stderr: plan.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(/locked: .*output folder/) });
        expect(p.exited()).toBe(false);
        expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.json'))).toEqual([]);
      } finally {
        p.kill('SIGKILL');
        await p.done;
      }
    });

    it('a reconcile killed outright (SIGKILL) leaves locks of a dead process: the next one takes both over and syncs', async () => {
      const { dir, env } = slowLab();
      const seen = connections;
      const p = start(dir, ['reconcile', ...SIM], env);
      await until(() => p.exited() || connections > seen, 'the reconcile reaches the slow guest');
      p.kill('SIGKILL');
      await p.done;
      expect(stateFiles(dir).filter((f) => f.endsWith('.lock'))).toHaveLength(1);
      expect(existsSync(join(dir, 'out', '.hyperv-converge-out.lock'))).toBe(true);
      // The same folder and state, now without the slow guest.
      writeFileSync(join(dir, 'vms.yaml'), readFileSync(join(dir, 'vms.yaml'), 'utf8').replace(/  - name: slow-1\n    ssh: \{ port: \d+ \}\n/, ''));
      const r = await runCli(['reconcile', ...SIM, '--lock-wait', '0'], { cwd: dir, env });
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.stringMatching(/took over|stale/i) });
      expect(readFileSync(hostsFile(), 'utf8')).toMatch(/127\.0\.0\.1\s+web-1/);
      expect(stateFiles(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
    }, 60_000);

    it('SIGINT while it waits for the host lock: exit 130, result.json cancelled, the holder\'s lock kept, no guest contacted', async () => {
      const { dir, hostKey, env } = slowLab();
      const held = await holdLock(dir, hostKey);
      try {
        const accepted = (sshd.log().match(/Connection from/g) ?? []).length;
        const seen = connections;
        const p = start(dir, ['reconcile', ...SIM], env);
        await until(() => p.exited() || p.stderr().includes('waiting up to 10 min for the host lock'), 'the run says it waits');
        p.kill('SIGINT');
        const r = await endOf(p, 10_000);
        expect(r).not.toBe('still running');
        if (r === 'still running') return;
        expect(r.code).toBe(130);
        expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
        expect(stateFiles(dir).filter((f) => f.endsWith('.lock'))).toHaveLength(1); // the holder's
        expect(connections).toBe(seen);
        expect((sshd.log().match(/Connection from/g) ?? []).length).toBe(accepted);
      } finally {
        await held.release();
      }
    }, 60_000);

    it('SIGINT once while a guest operation hangs: no further guest is started, result.json says cancelled, exit 130, no lock left', async () => {
      const { dir, env } = slowLab();
      const seen = connections;
      const accepted = (sshd.log().match(/Connection from/g) ?? []).length;
      const p = start(dir, ['reconcile', ...SIM], env);
      await until(() => p.exited() || connections > seen, 'the reconcile reaches the slow guest');
      expect(p.exited()).toBe(false);
      p.kill('SIGINT');
      // Bound: the cancel grace (5 s) and far less than the handshake bound (15 s) plus the next guest.
      const r = await endOf(p, 12_000);
      expect(r).not.toBe('still running');
      if (r === 'still running') return;
      expect(r.stderr).toContain('SIGINT: cancelling');
      expect(r.code).toBe(130);
      // The hanging handshake outlived the grace: it was abandoned (its connection dropped).
      expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ mode: 'reconcile', status: 'cancelled', failureReason: 'cancelled', message: expect.stringContaining('abandoned') });
      expect(r.stderr).toContain('reconcile: cancelled:');
      expect(JSON.parse(r.stdout.trim().split('\n').pop()!)).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
      // web-1 was never contacted: its hosts file is as it was.
      expect((sshd.log().match(/Connection from/g) ?? []).length).toBe(accepted);
      expect(readFileSync(hostsFile(), 'utf8')).toBe(HOSTS);
      expect(stateFiles(dir).filter((f) => /\.lock|guests-/.test(f))).toEqual([]);
    }, 60_000);

    it('a second SIGINT abandons the hanging guest at once: exit 130, result.json cancelled', async () => {
      const { dir, env } = slowLab();
      const seen = connections;
      const p = start(dir, ['reconcile', ...SIM], env);
      await until(() => p.exited() || connections > seen, 'the reconcile reaches the slow guest');
      p.kill('SIGINT');
      await until(() => p.exited() || p.stderr().includes('SIGINT: cancelling'), 'the first signal is taken');
      p.kill('SIGINT');
      const r = await endOf(p, 12_000);
      expect(r).not.toBe('still running');
      if (r === 'still running') return;
      expect(r.code).toBe(130);
      expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ status: 'cancelled', failureReason: 'cancelled' });
      expect(readFileSync(hostsFile(), 'utf8')).toBe(HOSTS);
      expect(stateFiles(dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
    }, 60_000);
  });
});

describeSshd('a guest slow to run the write (a stand-in `sh` first on the session PATH holds it)', () => {
  // The guest accepted the write command and its bytes, but has not run it yet when the grace ends
  // (a loaded guest): the run abandons it and exits. Whatever the guest does once it gets to it, the
  // hosts file must not be replaced after the run has ended and released its lock (the next run may
  // be writing it by then), and no temp copy may be left beside it.
  let work: string;
  let client: KeyPair;
  let sshd: Sshd;
  const etc = () => join(work, 'etc');
  const mark = () => join(work, 'mark');

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'hvc-reconcile-slow-write-'));
    client = generateKeyPair('hvc-reconcile');
    const bin = join(work, 'bin');
    mkdirSync(bin);
    mkdirSync(mark());
    // Only the write runs through `sh -c`: it waits for the test's go, then runs as it would have.
    writeFileSync(join(bin, 'sh'), `#!/bin/sh
M=${mark()}
touch "$M/write-started"
i=0; while [ ! -e "$M/go" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
/bin/sh "$@"; rc=$?
echo $rc > "$M/write-ended"
exit $rc
`, { mode: 0o755 });
    sshd = await startSshd({ authorizedKeys: [client.publicKey], privateEtc: etc(), setEnv: { PATH: `${bin}:/usr/local/bin:/usr/bin:/bin` } });
  });
  afterAll(async () => {
    writeFileSync(join(mark(), 'go'), '');
    await sshd?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function abandonedWrite(hosts: string): Promise<void> {
    for (const f of readdirSync(mark())) rmSync(join(mark(), f));
    writeFileSync(join(etc(), 'hosts'), hosts);
    const dir = mkdtempSync(join(work, 'lab-'));
    writeFileSync(join(dir, 'vms.yaml'), `version: 1
project: t
defaults: { memory: 1GB, cpus: 1, path: 'D:\\vms' }
ssh: { user: ${sshd.user}, privateKeyEnv: T_KEY, port: ${sshd.port}, discoveryTimeout: 5 }
vms:
  - name: web-1
`);
    createSimState(join(dir, 'host.json'), { computerName: 'HV-T', switches: [], folders: ['D:\\vms'], files: {}, vms: [vm('web-1', 1, '127.0.0.1')] });
    const p = start(dir, ['reconcile', ...SIM], { T_KEY: client.privateKey });
    await until(() => p.exited() || existsSync(join(mark(), 'write-started')), 'the guest got the write command');
    expect(p.exited()).toBe(false);
    p.kill('SIGINT');
    const r = await endOf(p, 20_000);
    expect(r).not.toBe('still running');
    if (r === 'still running') return;
    expect(r.code).toBe(130);
    expect(readJson(join(dir, 'out', 'result.json'))).toMatchObject({ status: 'cancelled', failureReason: 'cancelled', message: expect.stringContaining('abandoned') });
    expect(readdirSync(join(dir, '.state')).filter((f) => f.endsWith('.lock'))).toEqual([]);
    // The run is over and its lock released: now the guest gets to the write.
    writeFileSync(join(mark(), 'go'), '');
    await until(() => existsSync(join(mark(), 'write-ended')), 'the guest ran the write');
  }

  it('a write the grace abandoned is not completed by the guest afterwards', async () => {
    await abandonedWrite(HOSTS);
    expect(readFileSync(join(etc(), 'hosts'), 'utf8')).toBe(HOSTS);
    expect(readdirSync(etc()).filter((f) => f.startsWith('.hosts.hyperv-converge.'))).toEqual([]);
  }, 60_000);

  it('a write the grace abandoned before all its bytes arrived leaves the file as it was and no temp copy beside it', async () => {
    // More than the SSH window and the pipe hold: the bytes still on their way are lost with the connection.
    const big = HOSTS + `# ${'x'.repeat(98)}\n`.repeat(40_000);
    await abandonedWrite(big);
    expect(readFileSync(join(etc(), 'hosts'), 'utf8') === big).toBe(true);
    expect(readdirSync(etc()).filter((f) => f.startsWith('.hosts.hyperv-converge.'))).toEqual([]);
  }, 60_000);
});

/** Processes whose command line names `dir` (the sim agents of a run on a host file in it). Linux. */
function processesIn(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((f) => /^\d+$/.test(f))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmd.includes(dir) && pid !== String(process.pid)) found.push(`${pid}: ${cmd.trim()}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe('a run cancelled while the host agent is inside a read leaves no agent behind', () => {
  // doctor, status and reconcile only read the host: nothing is left half-done by ending the agent,
  // and nothing would ever wait for or report one left running (apply records its own).
  const cases: { name: string; args: string[]; knob: string; ssh: boolean }[] = [
    { name: 'doctor', args: ['doctor', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'], knob: 'doctor', ssh: false },
    { name: 'status', args: ['status', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json'], knob: 'observe', ssh: false },
    { name: 'reconcile (observing)', args: ['reconcile', ...SIM], knob: 'observe', ssh: true },
  ];
  for (const c of cases) {
    it(`${c.name}: SIGINT once, exit 130, and no agent process outlives the CLI`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hvc-orphan-'));
      try {
        writeFileSync(join(dir, 'vms.yaml'), `version: 1
project: t
defaults: { memory: 1GB, cpus: 1, path: 'D:\\vms' }
${c.ssh ? 'ssh: { user: root, privateKeyEnv: T_KEY, discoveryTimeout: 5 }\n' : ''}vms:
  - name: web-1
`);
        createSimState(join(dir, 'host.json'), { computerName: 'HV-T', switches: [], folders: ['D:\\vms'], files: {}, vms: [], knobs: { opLatencyMs: { [c.knob]: 120_000 } } });
        const p = start(dir, c.args, { T_KEY: 'unused' });
        // The read is under way once an agent runs on this host file.
        await until(() => p.exited() || processesIn(dir).some((l) => l.includes('sim-agent')), 'an agent is started');
        await new Promise((r) => setTimeout(r, 500)); // asked, not only launched
        expect(p.exited()).toBe(false);
        p.kill('SIGINT');
        const r = await endOf(p, 15_000);
        expect(r).not.toBe('still running');
        if (r === 'still running') return;
        expect(r.code).toBe(130);
        expect(processesIn(dir)).toEqual([]);
      } finally {
        for (const l of processesIn(dir)) process.kill(Number(l.split(':')[0]), 'SIGKILL');
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  }
});

describe('doctor and a signal', () => {
  it('SIGINT once while the host check is slow: doctor stops, says it was cancelled, exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvc-doctor-sig-'));
    try {
      writeFileSync(join(dir, 'vms.yaml'), `version: 1
project: t
defaults: { memory: 1GB, cpus: 1, path: 'D:\\vms' }
vms:
  - name: web-1
`);
      createSimState(join(dir, 'host.json'), { computerName: 'HV-T', switches: [], folders: ['D:\\vms'], files: {}, vms: [], knobs: { opLatencyMs: { doctor: 120_000 } } });
      const p = start(dir, ['doctor', '--config', 'vms.yaml', '--backend', 'sim', '--sim-state', 'host.json', '--json']);
      // The check is under way once the agent has been launched and asked (it answers after 120 s).
      await new Promise((r) => setTimeout(r, 1500));
      expect(p.exited()).toBe(false);
      p.kill('SIGINT');
      const r = await endOf(p, 15_000);
      expect(r).not.toBe('still running');
      if (r === 'still running') return;
      expect(r.code).toBe(130);
      expect(r.stderr).toContain('doctor: cancelled');
      expect(JSON.parse(r.stdout)).toMatchObject({ command: 'doctor', status: 'cancelled', failureReason: 'cancelled' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
