// A real OpenSSH sshd for tests: unprivileged config on a free loopback port, generated host key,
// an authorized_keys file the test controls. Tests that need it call sshdUnavailable() first and skip
// (with a console.warn saying why) when it returns a reason.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';

export const SSHD = '/usr/sbin/sshd';

/** Why sshd cannot run here, or null when it can. */
export function sshdUnavailable(): string | null {
  if (process.platform === 'win32') return 'sshd tests need a POSIX host';
  if (!existsSync(SSHD)) return `${SSHD} is not installed (Debian/Ubuntu: apt-get install -y openssh-server)`;
  return null;
}

export interface KeyPair {
  /** OpenSSH private key text. */
  privateKey: string;
  /** `ssh-ed25519 AAAA… comment` */
  publicKey: string;
}

/**
 * A fresh ed25519 key pair. ssh2's generator writes a malformed key about once in 250 (a 31-byte
 * public key, its leading zero byte dropped: 77 of 20,000 here), which ssh2's own parser — and so the
 * tool — rightly refuses; a suite drawing dozens of keys then failed now and then with "the private
 * key could not be parsed". Such a key is drawn again.
 */
export function generateKeyPair(comment = 'hvc-test'): KeyPair {
  for (;;) {
    const k = ssh2.utils.generateKeyPairSync('ed25519', { comment });
    const parsed = ssh2.utils.parseKey(k.private);
    if (!(parsed instanceof Error) && !(Array.isArray(parsed) && parsed.length === 0)) return { privateKey: k.private, publicKey: k.public };
  }
}

/** `type base64` of a public key line, without its comment. */
export function keyLine(publicKey: string): string {
  return publicKey.trim().split(/\s+/).slice(0, 2).join(' ');
}

/**
 * A port nothing listens on, for "unreachable" (connection refused). Not freePort(): its port is only
 * free until another suite's sshd, started at the same time, binds it (a run saw auth-failed there).
 * Port 1 (tcpmux) is privileged and unused, and no test binds it; checked refused before it is used.
 */
export async function closedPort(): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const c = createConnection(1, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      reject(new Error('something listens on 127.0.0.1:1; the test needs a port where nothing does'));
    });
    c.once('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNREFUSED' ? resolve() : reject(e)));
  });
  return 1;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Sshd {
  port: number;
  /** The login sshd accepts: the user running the tests. */
  user: string;
  /** The server's host public key, `ssh-ed25519 AAAA…` (to pin). */
  hostKey: string;
  dir: string;
  /** sshd's stderr so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
}

export interface SshdOptions {
  authorizedKeys: string[];
  /** Extra environment for sessions (sshd_config SetEnv), e.g. PATH with a fake sudo first. */
  setEnv?: Record<string, string>;
  /** Root only: sshd runs in its own mount namespace with a copy of /etc made in this (empty)
   *  folder bound over /etc, so a guest sync through it writes <folder>/hosts, never the machine's
   *  own /etc/hosts (a whole folder, because the sync renames a temp file over the hosts file). */
  privateEtc?: string;
}

/** Why a private /etc for sshd (startSshd's privateEtc) is not possible here, or null. */
export function privateHostsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'binding a file over /etc/hosts needs root';
  const r = spawnSync('unshare', ['-m', 'true']);
  return r.status === 0 ? null : `unshare -m is not available: ${r.stderr?.toString().trim() || r.error?.message}`;
}

function bannerArrives(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.once('error', () => done(false));
    sock.once('data', (d) => done(d.toString('latin1').startsWith('SSH-')));
  });
}

export async function startSshd(opts: SshdOptions): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'hvc-sshd-'));
  const host = ssh2.utils.generateKeyPairSync('ed25519', { comment: 'hvc-test-host' });
  const hostKeyFile = join(dir, 'ssh_host_ed25519_key');
  writeFileSync(hostKeyFile, host.private, { mode: 0o600 });
  const authorized = join(dir, 'authorized_keys');
  writeFileSync(authorized, opts.authorizedKeys.map((k) => k.trim() + '\n').join(''), { mode: 0o600 });
  if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const port = await freePort();
  const lines = [
    'ListenAddress 127.0.0.1',
    `Port ${port}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `HostKey ${hostKeyFile}`,
    `AuthorizedKeysFile ${authorized}`,
    'UsePAM no',
    'StrictModes no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PubkeyAuthentication yes',
    'PermitRootLogin prohibit-password',
    'LogLevel VERBOSE',
    ...Object.entries(opts.setEnv ?? {}).map(([k, v]) => `SetEnv ${k}=${v}`),
  ];
  const config = join(dir, 'sshd_config');
  writeFileSync(config, lines.join('\n') + '\n');

  let stderr = '';
  if (opts.privateEtc) cpSync('/etc', opts.privateEtc, { recursive: true, verbatimSymlinks: true });
  const child: ChildProcess = opts.privateEtc
    ? spawn('unshare', ['-m', 'sh', '-c', 'mount --bind "$1" /etc && exec "$2" -D -e -f "$3"', 'sh', opts.privateEtc, SSHD, config], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  let exited = false;
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (!exited && child.pid) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };

  // Bounded wait for the banner (at most 100 attempts).
  for (let attempt = 0; attempt < 100; attempt++) {
    if (exited) break;
    if (await bannerArrives(port)) {
      return { port, user: userInfo().username, hostKey: keyLine(host.public), dir, log: () => stderr, stop };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`sshd did not start on 127.0.0.1:${port}: ${stderr.trim() || 'no output'}`);
}
