// /etc/hosts sync against a real OpenSSH sshd on a loopback port (the hosts path points at a file the
// test controls). Skipped, with a warning saying why, where sshd is not installed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, lstatSync, mkdirSync, symlinkSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEGIN_MARKER, END_MARKER } from '../../src/guest/hosts-block.js';
import { normalizePrivateKey, syncHosts, writeScript, type SyncOptions, type SyncTarget } from '../../src/guest/hosts-sync.js';
import { closedPort, generateKeyPair, sshdUnavailable, startSshd, type KeyPair, type Sshd } from '../support/sshd.js';

const skipWhy = sshdUnavailable();
if (skipWhy) console.warn(`SKIPPED: hosts sync tests against a real sshd: ${skipWhy}`);
const describeSshd = skipWhy ? describe.skip : describe;

describeSshd('syncHosts against a real sshd', () => {
  let client: KeyPair;
  let sshd: Sshd;
  let work: string;
  let n = 0;

  beforeAll(async () => {
    client = generateKeyPair('hvc-client');
    sshd = await startSshd({ authorizedKeys: [client.publicKey] });
    work = mkdtempSync(join(tmpdir(), 'hvc-sync-'));
  });
  afterAll(async () => {
    await sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A fresh folder with a hosts file (or none) and a known-hosts path. */
  function fixture(content: string | null) {
    const dir = join(work, `case-${++n}`);
    mkdirSync(dir);
    const hostsPath = join(dir, 'hosts');
    if (content !== null) writeFileSync(hostsPath, Buffer.from(content, 'latin1'));
    return { dir, hostsPath, knownHostsFile: join(dir, 'state', 'known_hosts') };
  }
  const target = (over: Partial<SyncTarget> = {}): SyncTarget => ({ vm: 'web-1', host: '127.0.0.1', port: sshd.port, user: sshd.user, hostKey: sshd.hostKey, ...over });
  const opts = (f: { hostsPath: string; knownHostsFile: string }, over: Partial<SyncOptions> = {}): SyncOptions => ({
    privateKey: client.privateKey,
    knownHostsFile: f.knownHostsFile,
    hostsPath: f.hostsPath,
    dryRun: false,
    timeoutMs: 15_000,
    ...over,
  });
  const read = (p: string) => readFileSync(p).toString('latin1');
  const entries = [
    { name: 'web-1', address: '10.0.0.5' },
    { name: 'db-1', address: '10.0.0.9' },
  ];
  const block = (eol: string, lines: string[]) => [BEGIN_MARKER, ...lines, END_MARKER].join(eol);

  it('first insert; a second run writes nothing (same inode and mtime); update removes stale entries; other lines kept byte for byte', async () => {
    const original = '127.0.0.1 localhost\r\n# Comment: keep me ÿ\r\n\r\n10.9.9.9\thand-written   # trailing';
    const f = fixture(original);
    chmodSync(f.hostsPath, 0o640);

    const [first] = await syncHosts([target()], entries, opts(f));
    expect(first).toMatchObject({ vm: 'web-1', status: 'synced', reason: null, entries: 2 });
    const inserted = read(f.hostsPath);
    expect(inserted).toBe(original + '\r\n' + block('\r\n', ['10.0.0.9\tdb-1', '10.0.0.5\tweb-1']));
    expect(statSync(f.hostsPath).mode & 0o777).toBe(0o640); // replaced file keeps its mode
    // No temp file left beside it.
    expect(readdirSync(f.dir).filter((x) => x.startsWith('.hosts'))).toEqual([]);

    const st1 = statSync(f.hostsPath);
    const [second] = await syncHosts([target()], [...entries].reverse(), opts(f));
    expect(second).toMatchObject({ status: 'unchanged', reason: null });
    const st2 = statSync(f.hostsPath);
    expect([st2.ino, st2.mtimeMs]).toEqual([st1.ino, st1.mtimeMs]);

    const [third] = await syncHosts([target()], [{ name: 'web-1', address: '10.0.0.7' }, { name: 'cache-1', address: '10.0.0.8' }], opts(f));
    expect(third!.status).toBe('synced');
    const updated = read(f.hostsPath);
    expect(updated).toBe(original + '\r\n' + block('\r\n', ['10.0.0.8\tcache-1', '10.0.0.7\tweb-1']));
    expect(updated).not.toContain('db-1');
    // Atomic replacement: a new inode (written beside, then renamed over).
    expect(statSync(f.hostsPath).ino).not.toBe(st2.ino);
  });

  it('replaces a block in the middle of the file, keeping LF lines before and after', async () => {
    const before = '127.0.0.1 localhost\n# comment\n';
    const after = '\n::1 ip6-localhost\n# last line without newline';
    const f = fixture(before + block('\n', ['10.0.0.1\told-vm']) + after);
    const [r] = await syncHosts([target()], entries, opts(f));
    expect(r!.status).toBe('synced');
    expect(read(f.hostsPath)).toBe(before + block('\n', ['10.0.0.9\tdb-1', '10.0.0.5\tweb-1']) + after);
  });

  it('creates the hosts file when it does not exist', async () => {
    const f = fixture(null);
    const [r] = await syncHosts([target()], entries, opts(f));
    expect(r!.status).toBe('synced');
    expect(read(f.hostsPath)).toBe(block('\n', ['10.0.0.9\tdb-1', '10.0.0.5\tweb-1']) + '\n');
  });

  it('dry run: reports the diff per guest and writes nothing', async () => {
    const original = '127.0.0.1 localhost\n';
    const f = fixture(original);
    const st = statSync(f.hostsPath);
    const [r] = await syncHosts([target({ hostKey: null })], entries, opts(f, { dryRun: true }));
    expect(r!.status).toBe('would-change');
    // First contact in a dry run is reported but not recorded: a dry run writes nothing.
    expect(r!.hostKey).toMatchObject({ firstContact: true, recorded: false });
    expect(existsSync(f.knownHostsFile)).toBe(false);
    expect(r!.diff).toContain('+10.0.0.5\tweb-1');
    expect(r!.diff).toContain(`+${BEGIN_MARKER}`);
    expect(read(f.hostsPath)).toBe(original);
    const st2 = statSync(f.hostsPath);
    expect([st2.ino, st2.mtimeMs]).toEqual([st.ino, st.mtimeMs]);
  });

  it('first contact: records the host key, then enforces it; a changed key is refused', async () => {
    const f = fixture('');
    const [first] = await syncHosts([target({ hostKey: null })], entries, opts(f));
    expect(first!.status).toBe('synced');
    expect(first!.hostKey).toMatchObject({ firstContact: true, recorded: true });
    expect(read(f.knownHostsFile)).toBe(`hvc-vm.web-1 ${sshd.hostKey}\n`);

    const [again] = await syncHosts([target({ hostKey: null })], entries, opts(f));
    expect(again!.status).toBe('unchanged');
    expect(again!.hostKey).toMatchObject({ firstContact: false, recorded: false, fingerprint: first!.hostKey!.fingerprint });
    expect(read(f.knownHostsFile)).toBe(`hvc-vm.web-1 ${sshd.hostKey}\n`);

    // The guest "was reinstalled": the recorded key no longer matches.
    const other = generateKeyPair('other-host').publicKey.split(' ').slice(0, 2).join(' ');
    writeFileSync(f.knownHostsFile, `# comment\nhvc-vm.web-1 ${other}\n`);
    const before = read(f.hostsPath);
    const [refused] = await syncHosts([target({ hostKey: null })], [{ name: 'web-1', address: '10.0.0.99' }], opts(f));
    expect(refused).toMatchObject({ status: 'failed', reason: 'host-key-mismatch' });
    expect(refused!.message).toContain(f.knownHostsFile);
    expect(read(f.hostsPath)).toBe(before);
    expect(read(f.knownHostsFile)).toBe(`# comment\nhvc-vm.web-1 ${other}\n`);
  });

  it('a pinned host key that differs is refused before anything is read or written', async () => {
    const f = fixture('127.0.0.1 localhost\n');
    const wrongPin = generateKeyPair('impostor').publicKey;
    const [r] = await syncHosts([target({ hostKey: wrongPin })], entries, opts(f));
    expect(r).toMatchObject({ status: 'failed', reason: 'host-key-mismatch' });
    expect(r!.message).toContain('pinned');
    expect(read(f.hostsPath)).toBe('127.0.0.1 localhost\n');
  });

  it('no pinned key and no known-hosts file: host-key-unknown, never accepted silently', async () => {
    const f = fixture('x y\n');
    const [r] = await syncHosts([target({ hostKey: null })], entries, opts(f, { knownHostsFile: '' }));
    expect(r).toMatchObject({ status: 'failed', reason: 'host-key-unknown', hostKey: null });
    expect(read(f.hostsPath)).toBe('x y\n');
  });

  it('a key the guest does not accept: auth-failed; the key never shows up in the report', async () => {
    const f = fixture('x y\n');
    const stranger = generateKeyPair('stranger');
    const reports = await syncHosts([target()], entries, opts(f, { privateKey: stranger.privateKey }));
    expect(reports[0]).toMatchObject({ status: 'failed', reason: 'auth-failed' });
    const json = JSON.stringify(reports);
    for (const line of stranger.privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) expect(json).not.toContain(line);
    expect(read(f.hostsPath)).toBe('x y\n');
  });

  it('an unparseable key fails every guest with auth-failed, without echoing it', async () => {
    const f = fixture('x y\n');
    const garbage = '-----BEGIN OPENSSH PRIVATE KEY-----\nSECRETSECRETSECRETSECRETSECRET\n-----END OPENSSH PRIVATE KEY-----\n';
    const reports = await syncHosts([target(), target({ vm: 'db-1' })], entries, opts(f, { privateKey: garbage }));
    expect(reports.map((r) => [r.vm, r.reason])).toEqual([
      ['web-1', 'auth-failed'],
      ['db-1', 'auth-failed'],
    ]);
    expect(JSON.stringify(reports)).not.toContain('SECRETSECRET');
  });

  it('one guest unreachable does not stop the others; the report says which were synced', async () => {
    const f = fixture('127.0.0.1 localhost\n');
    const closed = await closedPort();
    const reports = await syncHosts([target({ vm: 'gone-1', port: closed }), target()], entries, opts(f, { concurrency: 2 }));
    expect(reports.map((r) => [r.vm, r.status, r.reason])).toEqual([
      ['gone-1', 'failed', 'unreachable'],
      ['web-1', 'synced', null],
    ]);
    expect(reports[0]!.message).toContain(`127.0.0.1:${closed}`);
    expect(read(f.hostsPath)).toContain('10.0.0.5\tweb-1');
  });

  it('a symlinked hosts file with multi-byte UTF-8 content: its target is replaced byte for byte (the length check counts bytes), the link kept', async () => {
    const f = fixture(null);
    mkdirSync(join(f.dir, 'real'));
    const original = Buffer.from('127.0.0.1 localhost\n# Grüße, ✓ 日本 🙂\n', 'utf8');
    writeFileSync(join(f.dir, 'real', 'hosts'), original);
    symlinkSync(join(f.dir, 'real', 'hosts'), f.hostsPath);
    const [r] = await syncHosts([target()], entries, opts(f));
    expect(r).toMatchObject({ status: 'synced', reason: null });
    expect(lstatSync(f.hostsPath).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(f.dir, 'real', 'hosts')).equals(Buffer.concat([original, Buffer.from(block('\n', ['10.0.0.9\tdb-1', '10.0.0.5\tweb-1']) + '\n', 'latin1')]))).toBe(true);
    expect(readdirSync(join(f.dir, 'real'))).toEqual(['hosts']);
  });

  it('a signal stops the sync between reading and writing: the guest is reported cancelled and its file is not replaced', async () => {
    // The hosts "file" is a FIFO: the read command blocks on it until the test writes, so the signal
    // fires exactly while the read is in flight. A write would rename a regular file over the FIFO.
    const f = fixture(null);
    expect(spawnSync('mkfifo', [f.hostsPath]).status).toBe(0);
    const cancel = new AbortController();
    const syncing = syncHosts([target(), target({ vm: 'web-2' })], entries, opts(f, { signal: cancel.signal, concurrency: 1 }));
    const writer = await open(f.hostsPath, 'w'); // resolves once the guest's cat opened it for reading
    cancel.abort();
    await writer.writeFile('127.0.0.1 localhost\n');
    await writer.close();
    const reports = await syncing;
    expect(reports).toEqual([expect.objectContaining({ vm: 'web-1', status: 'failed', reason: 'cancelled' })]); // web-2 never started
    expect(reports[0]!.message).toContain(`the run was cancelled before writing ${f.hostsPath}`);
    expect(statSync(f.hostsPath).isFIFO()).toBe(true);
  });

  it('a signal before the sync starts no guest at all', async () => {
    const f = fixture('127.0.0.1 localhost\n');
    const accepted = (sshd.log().match(/Connection from/g) ?? []).length;
    expect(await syncHosts([target()], entries, opts(f, { signal: AbortSignal.abort() }))).toEqual([]);
    expect(read(f.hostsPath)).toBe('127.0.0.1 localhost\n');
    expect((sshd.log().match(/Connection from/g) ?? []).length).toBe(accepted);
  });

  it('a broken managed block is reported (hosts-malformed) and left alone', async () => {
    const text = `127.0.0.1 localhost\n${BEGIN_MARKER}\n10.0.0.1 a\n`;
    const f = fixture(text);
    const [r] = await syncHosts([target()], entries, opts(f));
    expect(r).toMatchObject({ status: 'failed', reason: 'hosts-malformed' });
    expect(read(f.hostsPath)).toBe(text);
  });

  it('accepts a key pasted with literal \\n escapes (as CI secrets often hold it)', async () => {
    const f = fixture('');
    const escaped = client.privateKey.trim().split('\n').join('\\n');
    expect(normalizePrivateKey(escaped)).toBe(client.privateKey.trim() + '\n');
    const [r] = await syncHosts([target()], entries, opts(f, { privateKey: escaped }));
    expect(r!.status).toBe('synced');
  });
});

describeSshd('syncHosts through sudo (sshd sessions with a stand-in sudo first on PATH)', () => {
  // The test login is whoever runs the tests (often root), so real sudo refusal cannot be provoked
  // here; a stand-in `sudo` on the session PATH plays the refusing and the permitting sudo, and the
  // sync is told to write through sudo.
  let client: KeyPair;
  let work: string;
  const started: Sshd[] = [];

  beforeAll(() => {
    client = generateKeyPair('hvc-client');
    work = mkdtempSync(join(tmpdir(), 'hvc-sudo-'));
    for (const kind of ['deny', 'allow']) {
      const bin = join(work, kind, 'bin');
      mkdirSync(bin, { recursive: true });
      const script =
        kind === 'deny'
          ? '#!/bin/sh\necho "sudo: a password is required" >&2\nexit 1\n'
          : '#!/bin/sh\n[ "$1" = "-n" ] || { echo "sudo: expected -n" >&2; exit 2; }\nshift\necho used >> "$(dirname "$0")/../calls"\nexec "$@"\n';
      writeFileSync(join(bin, 'sudo'), script, { mode: 0o755 });
    }
  });
  afterAll(async () => {
    for (const s of started) await s.stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function sudoSshd(kind: 'deny' | 'allow') {
    const s = await startSshd({ authorizedKeys: [client.publicKey], setEnv: { PATH: `${join(work, kind, 'bin')}:/usr/local/bin:/usr/bin:/bin` } });
    started.push(s);
    return s;
  }

  it('sudo denied is a typed per-guest failure and nothing is written', async () => {
    const s = await sudoSshd('deny');
    const hostsPath = join(work, 'deny', 'hosts');
    writeFileSync(hostsPath, 'x y\n');
    const [r] = await syncHosts([{ vm: 'web-1', host: '127.0.0.1', port: s.port, user: s.user, hostKey: s.hostKey }], [{ name: 'web-1', address: '10.0.0.5' }], {
      privateKey: client.privateKey,
      knownHostsFile: '',
      hostsPath,
      dryRun: false,
      timeoutMs: 15_000,
      sudo: 'always',
    });
    expect(r).toMatchObject({ status: 'failed', reason: 'sudo-denied' });
    expect(r!.message).toContain('a password is required');
    expect(readFileSync(hostsPath, 'utf8')).toBe('x y\n');
  });

  it('with sudo permitted, the write goes through `sudo -n`', async () => {
    const s = await sudoSshd('allow');
    const hostsPath = join(work, 'allow', 'hosts');
    writeFileSync(hostsPath, 'x y\n');
    const [r] = await syncHosts([{ vm: 'web-1', host: '127.0.0.1', port: s.port, user: s.user, hostKey: s.hostKey }], [{ name: 'web-1', address: '10.0.0.5' }], {
      privateKey: client.privateKey,
      knownHostsFile: '',
      hostsPath,
      dryRun: false,
      timeoutMs: 15_000,
      sudo: 'always',
    });
    expect(r!.status).toBe('synced');
    expect(readFileSync(hostsPath, 'utf8')).toBe(`x y\n${BEGIN_MARKER}\n10.0.0.5\tweb-1\n${END_MARKER}\n`);
    // `sudo -n true` (the check) and the write itself.
    expect(readFileSync(join(work, 'allow', 'calls'), 'utf8')).toBe('used\nused\n');
  });
});

describeSshd('syncHosts: a guest slow to run the write (a stand-in `sh` first on the session PATH holds it)', () => {
  let client: KeyPair;
  let sshd: Sshd;
  let work: string;
  const mark = () => join(work, 'mark');
  beforeAll(async () => {
    client = generateKeyPair('hvc-client');
    work = mkdtempSync(join(tmpdir(), 'hvc-slow-write-'));
    mkdirSync(join(work, 'bin'));
    mkdirSync(mark());
    writeFileSync(join(work, 'bin', 'sh'), `#!/bin/sh
M=${mark()}
[ -e "$M/refuse" ] && { echo "refused at once" >&2; exit 9; }
touch "$M/write-started"
i=0; while [ ! -e "$M/go" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done
/bin/sh "$@"; rc=$?
echo $rc > "$M/write-ended"
exit $rc
`, { mode: 0o755 });
    sshd = await startSshd({ authorizedKeys: [client.publicKey], setEnv: { PATH: `${join(work, 'bin')}:/usr/local/bin:/usr/bin:/bin` } });
  });
  afterAll(async () => {
    writeFileSync(join(mark(), 'go'), '');
    await sshd?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('a write the guest ends at once, before reading any of its (many) bytes, is a typed failure and the file is kept', async () => {
    const hostsPath = join(work, 'hosts-big');
    const big = '127.0.0.1 localhost\n' + `# ${'x'.repeat(98)}\n`.repeat(40_000);
    writeFileSync(hostsPath, big);
    writeFileSync(join(mark(), 'refuse'), '');
    try {
      const [r] = await syncHosts([{ vm: 'web-1', host: '127.0.0.1', port: sshd.port, user: sshd.user, hostKey: sshd.hostKey }], [{ name: 'web-1', address: '10.0.0.5' }], {
        privateKey: client.privateKey, knownHostsFile: '', hostsPath, dryRun: false, timeoutMs: 15_000,
      });
      expect(r).toMatchObject({ status: 'failed', reason: 'io-error', message: expect.stringContaining('refused at once') });
      expect(readFileSync(hostsPath, 'utf8') === big).toBe(true);
    } finally {
      rmSync(join(mark(), 'refuse'));
    }
  }, 60_000);

  it('a write that outlasts its time bound is reported io-error and never completed by the guest afterwards', async () => {
    const hostsPath = join(work, 'hosts');
    writeFileSync(hostsPath, '127.0.0.1 localhost\n');
    const [r] = await syncHosts([{ vm: 'web-1', host: '127.0.0.1', port: sshd.port, user: sshd.user, hostKey: sshd.hostKey }], [{ name: 'web-1', address: '10.0.0.5' }], {
      privateKey: client.privateKey, knownHostsFile: '', hostsPath, dryRun: false, timeoutMs: 2000,
    });
    expect(r).toMatchObject({ status: 'failed', reason: 'io-error', message: expect.stringContaining('did not finish within 2000 ms') });
    expect(existsSync(join(mark(), 'write-started'))).toBe(true);
    // The run has reported the failure (and would release its lock): now the guest gets to the write.
    writeFileSync(join(mark(), 'go'), '');
    const end = Date.now() + 30_000;
    while (!existsSync(join(mark(), 'write-ended')) && Date.now() < end) await new Promise((res) => setTimeout(res, 20));
    expect(existsSync(join(mark(), 'write-ended'))).toBe(true);
    expect(readFileSync(hostsPath, 'utf8')).toBe('127.0.0.1 localhost\n');
    expect(readdirSync(work).filter((f) => f.startsWith('.hosts.'))).toEqual([]);
  }, 60_000);
});

/**
 * Runs the write script as syncHosts does: the content, then (once the script says it staged it and
 * only if `commit`) the commit line; else stdin just ends, as a dropped connection's does.
 */
function driveWrite(shell: string, script: string, content: Buffer, commitLine: string | null, env?: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(shell, ['-c', script], { env: env ?? process.env });
    let stdout = '';
    let stderr = '';
    let answered = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('latin1');
      if (answered || !/ STAGED\n/.test(stdout)) return;
      answered = true;
      child.stdin.end(commitLine ?? undefined);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.on('error', () => undefined);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.write(content);
    // A cut write: stdin ends before every byte (the script never gets to STAGED).
    if (commitLine === CUT) child.stdin.end();
  });
}
const CUT = '(cut)';

describe('the write script (no sshd needed)', () => {
  it('replaces the file only when every byte arrived and the run then confirmed it: a write cut short or never confirmed leaves it as it was, and no copy', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvc-write-'));
    try {
      const file = join(dir, 'hosts');
      writeFileSync(file, 'old\n');
      const whole = '127.0.0.1 localhost\n10.0.0.5 web-1\n';
      const nonce = 'hvc-0123456789abcdef01234567';
      const script = writeScript(file, whole.length, nonce);
      // A dropped connection: stdin ends early.
      const cut = await driveWrite('sh', script, Buffer.from(whole.slice(0, 12)), CUT);
      expect({ status: cut.status, stderr: cut.stderr }).toEqual({ status: 6, stderr: expect.stringContaining('arrived incomplete') });
      expect(readFileSync(file, 'utf8')).toBe('old\n');
      expect(readdirSync(dir)).toEqual(['hosts']); // the temp copy is removed
      // Every byte, but the run never confirmed (abandoned, timed out): its connection ended instead.
      const unconfirmed = await driveWrite('sh', script, Buffer.from(whole), null);
      expect({ status: unconfirmed.status, stdout: unconfirmed.stdout, stderr: unconfirmed.stderr }).toEqual({ status: 7, stdout: `\n${nonce} STAGED\n`, stderr: expect.stringContaining('did not confirm') });
      expect(readFileSync(file, 'utf8')).toBe('old\n');
      expect(readdirSync(dir)).toEqual(['hosts']);
      // A commit line of another write is no commit.
      expect((await driveWrite('sh', script, Buffer.from(whole), 'hvc-ffffffffffffffffffffffff COMMIT\n')).status).toBe(7);
      expect(readFileSync(file, 'utf8')).toBe('old\n');
      const ok = await driveWrite('sh', script, Buffer.from(whole), `${nonce} COMMIT\n`);
      expect(ok.status).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(whole);
      expect(readdirSync(dir)).toEqual(['hosts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the write script on other guests (no sshd needed)', () => {
  const nonce = 'hvc-0123456789abcdef01234567';
  const whole = '127.0.0.1 localhost\n# Grüße ✓\n10.0.0.5 web-1\n';
  const length = Buffer.byteLength(whole, 'utf8');
  /** Runs the script with `bin` first on PATH (`shell` from it when given), as a guest's sshd session would. */
  async function check(bin: string, shell: string) {
    const dir = mkdtempSync(join(tmpdir(), 'hvc-write-other-'));
    try {
      const file = join(dir, 'hosts');
      writeFileSync(file, 'old\n');
      const env = { PATH: `${bin}:/usr/bin:/bin` };
      const script = writeScript(file, length, nonce);
      const cut = await driveWrite(shell, script, Buffer.from(whole, 'utf8').subarray(0, length - 1), CUT, env);
      expect({ status: cut.status, stderr: cut.stderr }).toEqual({ status: 6, stderr: expect.stringContaining('arrived incomplete') });
      expect(readFileSync(file, 'utf8')).toBe('old\n');
      const ok = await driveWrite(shell, script, Buffer.from(whole, 'utf8'), `${nonce} COMMIT\n`, env);
      expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
      expect(readFileSync(file, 'utf8')).toBe(whole);
      expect(readdirSync(dir)).toEqual(['hosts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('a wc that pads its count with blanks and a tab (as some do) neither fails a complete write nor passes a cut one', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'hvc-wc-'));
    try {
      writeFileSync(join(bin, 'wc'), '#!/bin/sh\nprintf \'   %s\\t\\n\' "$(/usr/bin/wc "$@" | tr -d \' \')"\n', { mode: 0o755 });
      await check(bin, 'sh');
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((b) => existsSync(b));
  // CI installs it (.ci/run): there a missing busybox fails this test instead of skipping it.
  const inCi = process.env.CI === 'true';
  if (!busybox && !inCi) console.warn('SKIPPED: the write script under BusyBox: busybox is not installed (apt-get install -y busybox)');
  (busybox || inCi ? it : it.skip)('under BusyBox (its sh, head, wc, mktemp, cp, mv…): the same', async () => {
    if (!busybox) throw new Error('busybox is required in CI and was not found: .ci/run installs it (apt-get install -y busybox)');
    const bin = mkdtempSync(join(tmpdir(), 'hvc-busybox-'));
    try {
      for (const a of ['sh', 'head', 'wc', 'tr', 'mktemp', 'mv', 'cp', 'chmod', 'readlink', 'dirname', 'rm', 'cat']) symlinkSync(busybox!, join(bin, a));
      await check(bin, join(bin, 'sh'));
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});

describe('syncHosts bounds (no sshd needed)', () => {
  it('a guest that accepts TCP but never speaks SSH is unreachable within the bound', async () => {
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as import('node:net').AddressInfo).port;
    try {
      const [r] = await syncHosts([{ vm: 'mute-1', host: '127.0.0.1', port, user: 'x', hostKey: generateKeyPair().publicKey }], [], {
        privateKey: generateKeyPair().privateKey,
        knownHostsFile: '',
        dryRun: false,
        timeoutMs: 300,
      });
      expect(r).toMatchObject({ vm: 'mute-1', status: 'failed', reason: 'unreachable' });
      expect(sockets.length).toBe(1);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});
