// Attacks on the guest SSH phase against a real OpenSSH sshd on loopback: VM names that rewrite the
// known-hosts file's meaning, a damaged known-hosts line, names differing only in case, a guest
// whose shell start-up files print text, and an ssh2 error that quotes decoded key bytes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEGIN_MARKER, END_MARKER } from '../../src/guest/hosts-block.js';
import { syncHosts, type SyncOptions, type SyncTarget } from '../../src/guest/hosts-sync.js';
import { knownHostsAlias } from '../../src/guest/known-hosts.js';
import { generateKeyPair, sshdUnavailable, startSshd, type KeyPair, type Sshd } from '../support/sshd.js';

const skipWhy = sshdUnavailable();
if (skipWhy) console.warn(`SKIPPED: guest SSH attacks against a real sshd: ${skipWhy}`);
const describeSshd = skipWhy ? describe.skip : describe;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hvc-guest-attack-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describeSshd('known_hosts keyed safely by VM name (real sshd)', () => {
  let client: KeyPair;
  let a: Sshd; // two guests with different host keys
  let b: Sshd;
  let n = 0;
  beforeAll(async () => {
    client = generateKeyPair('hvc-client');
    [a, b] = await Promise.all([startSshd({ authorizedKeys: [client.publicKey] }), startSshd({ authorizedKeys: [client.publicKey] })]);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  function fixture() {
    const dir = join(work, `kh-${++n}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'hosts'), '127.0.0.1 localhost\n');
    return { hostsPath: join(dir, 'hosts'), knownHostsFile: join(dir, 'known_hosts') };
  }
  const to = (s: Sshd, vm: string): SyncTarget => ({ vm, host: '127.0.0.1', port: s.port, user: s.user, hostKey: null });
  const opts = (f: { hostsPath: string; knownHostsFile: string }): SyncOptions => ({ privateKey: client.privateKey, knownHostsFile: f.knownHostsFile, hostsPath: f.hostsPath, dryRun: false, timeoutMs: 15_000 });
  const entries = [{ name: 'g1', address: '10.0.0.5' }];

  it("a VM named 'evil,g1' records a key for itself only, never for 'g1'", async () => {
    const f = fixture();
    const [evil] = await syncHosts([to(a, 'evil,g1')], entries, opts(f));
    expect(evil!.message).toMatch(/updated/);
    expect(evil).toMatchObject({ status: 'synced', hostKey: { firstContact: true, recorded: true } });
    expect(readFileSync(f.knownHostsFile, 'utf8')).toBe(`hvc-vm.evil%2cg1 ${a.hostKey}\n`);
    // The real g1 answers with its own key: first contact for g1, not a mismatch against evil's key.
    const [g1] = await syncHosts([to(b, 'g1')], entries, opts(f));
    expect(g1).toMatchObject({ reason: null, hostKey: { firstContact: true, recorded: true } });
  });

  it.each([['my vm'], ['#lab'], ['Web-1\u00e9']])('a recorded key for %j is enforced on the next run', async (vm) => {
    const f = fixture();
    const [first] = await syncHosts([to(a, vm)], entries, opts(f));
    expect(first).toMatchObject({ status: 'synced', hostKey: { firstContact: true, recorded: true } });
    const [impostor] = await syncHosts([to(b, vm)], entries, opts(f));
    expect(impostor).toMatchObject({ status: 'failed', reason: 'host-key-mismatch' });
  });

  it('names are one VM the way Hyper-V compares them: WEB-1 is held to the key recorded for web-1', async () => {
    const f = fixture();
    await syncHosts([to(a, 'web-1')], entries, opts(f));
    const [upper] = await syncHosts([to(b, 'WEB-1')], entries, opts(f));
    expect(upper).toMatchObject({ status: 'failed', reason: 'host-key-mismatch' });
    expect(knownHostsAlias('WEB-1')).toBe(knownHostsAlias('web-1'));
    expect(knownHostsAlias('\u212a')).not.toBe(knownHostsAlias('k'));
  });

  it('a damaged line fails every guest loudly, naming the file and line; nothing is recorded or written', async () => {
    const f = fixture();
    await syncHosts([to(a, 'web-1')], entries, opts(f));
    const recorded = readFileSync(f.knownHostsFile, 'utf8');
    const damaged = recorded.replace(/AAAA/, 'AA!A'); // one byte changed in the key
    writeFileSync(f.knownHostsFile, `# kept\n${damaged}`);
    const hostsBefore = readFileSync(f.hostsPath, 'utf8');
    const reports = await syncHosts([to(b, 'web-1'), to(b, 'db-1')], [...entries, { name: 'db-1', address: '10.0.0.6' }], opts(f));
    expect(reports.map((r) => [r.status, r.reason])).toEqual([['failed', 'known-hosts-damaged'], ['failed', 'known-hosts-damaged']]);
    expect(reports[0]!.message).toContain(`${f.knownHostsFile}:2 is not a line this tool wrote`);
    expect(readFileSync(f.knownHostsFile, 'utf8')).toBe(`# kept\n${damaged}`);
    expect(readFileSync(f.hostsPath, 'utf8')).toBe(hostsBefore);
  });
});

describeSshd("output of the guest user's shell start-up files never reaches /etc/hosts (real sshd)", () => {
  let client: KeyPair;
  let s: Sshd;
  beforeAll(async () => {
    client = generateKeyPair('hvc-client');
    // bash reads BASH_ENV for every non-interactive shell, as sshd's `bash -c <command>` is: the same
    // effect as an echo in ~/.bashrc, without touching this machine's real start-up files.
    const noise = join(work, 'noisy-env.sh');
    writeFileSync(noise, 'echo "Welcome to guest $(hostname)!"\nprintf "motd without newline"\n');
    s = await startSshd({ authorizedKeys: [client.publicKey], setEnv: { BASH_ENV: noise } });
  });
  afterAll(async () => s?.stop());

  it('the hosts file gains the managed block and nothing else, and a second run changes nothing', async () => {
    const dir = join(work, 'noise');
    mkdirSync(dir);
    const hostsPath = join(dir, 'hosts');
    writeFileSync(hostsPath, '127.0.0.1 localhost\n');
    // The shell really prints: proof that the attack is live in this sshd (OpenSSH's own client).
    const id = join(dir, 'id');
    writeFileSync(id, client.privateKey, { mode: 0o600 });
    const probe = execFileSync('ssh', ['-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-i', id, '-p', String(s.port), `${s.user}@127.0.0.1`, 'true'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { PATH: process.env.PATH } });
    expect(probe).toContain('Welcome to guest');
    const opts: SyncOptions = { privateKey: client.privateKey, knownHostsFile: '', hostsPath, dryRun: false, timeoutMs: 15_000 };
    const target: SyncTarget = { vm: 'web-1', host: '127.0.0.1', port: s.port, user: s.user, hostKey: s.hostKey };
    const [r] = await syncHosts([target], [{ name: 'web-1', address: '10.0.0.5' }], opts);
    expect(r!.status).toBe('synced');
    expect(readFileSync(hostsPath, 'utf8')).toBe(`127.0.0.1 localhost\n${BEGIN_MARKER}\n10.0.0.5\tweb-1\n${END_MARKER}\n`);
    const [again] = await syncHosts([target], [{ name: 'web-1', address: '10.0.0.5' }], opts);
    expect(again!.status).toBe('unchanged');
  });
});

describe('a private key that makes ssh2 quote decoded key bytes (no sshd needed)', () => {
  it('the report says what is wrong without any of the key material', async () => {
    const kp = generateKeyPair('victim');
    const lines = kp.privateKey.trim().split('\n');
    const body = Buffer.from(lines.slice(1, -1).join(''), 'base64');
    // The cipher-name length now spans the rest of the key: ssh2 answers "Unsupported cipher for
    // OpenSSH key: <those bytes, decoded>" — private key bytes included.
    const b = Buffer.from(body);
    b.writeUInt32BE(b.length - 19, 15);
    const crafted = `${lines[0]}\n${b.toString('base64').match(/.{1,70}/g)!.join('\n')}\n${lines[lines.length - 1]}\n`;
    const [r] = await syncHosts([{ vm: 'web-1', host: '127.0.0.1', port: 1, user: 'x', hostKey: null }], [], { privateKey: crafted, knownHostsFile: '', dryRun: true, timeoutMs: 1000 });
    expect(r).toMatchObject({ status: 'failed', reason: 'auth-failed' });
    const message = Buffer.from(r!.message, 'latin1');
    const secret = body.subarray(body.length - 120); // the private section: seed and public key
    for (let i = 0; i + 8 <= secret.length; i++) expect(message.includes(secret.subarray(i, i + 8))).toBe(false);
    expect(r!.message).toMatch(/^[\x20-\x7e]+$/);
  });
});
