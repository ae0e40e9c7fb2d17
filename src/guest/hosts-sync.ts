// /etc/hosts sync over SSH (ssh2, pure JS): per guest, read the hosts file, merge the managed block,
// and replace the file atomically only when the block changed. Host keys are verified (pinned, or
// recorded on first contact and enforced afterwards). One guest failing never stops the others.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ClientChannel, Client as SshClient, ConnectConfig, ServerHostKeyAlgorithm } from 'ssh2';
import { isHvcError } from '../core/errors.js';
import { diffText, mergeBlock, readBlock, type HostsEntry } from './hosts-block.js';
import { fingerprint, hostKeyAlgorithms, keyBlobType, KnownHosts, KnownHostsDamaged, parsePublicKey, type PublicKey } from './known-hosts.js';

// Loaded on first use: most runs never open an SSH connection, and ssh2 is a large part of the bundle.
type Ssh2 = typeof import('ssh2');
let ssh2Loading: Promise<Ssh2> | null = null;
const loadSsh2 = (): Promise<Ssh2> => (ssh2Loading ??= import('ssh2').then((m) => ((m as { default?: Ssh2 }).default ?? m) as Ssh2));

export interface SyncTarget {
  vm: string;
  host: string;
  port: number;
  user: string;
  /** Pinned host key (`ssh-ed25519 AAAA…`); null: the known-hosts file decides. */
  hostKey: string | null;
}

export interface SyncOptions {
  /** The private key text (OpenSSH or PEM). Never logged or reported. */
  privateKey: string;
  /** Where first-contact host keys are recorded and then enforced; '' disables recording. */
  knownHostsFile: string;
  /** Guest-side path of the hosts file. Default /etc/hosts. */
  hostsPath?: string;
  dryRun: boolean;
  /** Bound for the connection (handshake + auth) and for each remote command. */
  timeoutMs: number;
  /** Guests worked on at once. Default 4. */
  concurrency?: number;
  /**
   * When to write through `sudo -n`: 'auto' (default) when the login is not root and cannot write the
   * file and its folder itself; 'always'; 'never'.
   */
  sudo?: 'auto' | 'always' | 'never';
  /** The run is cancelled: no guest is started and no remote command is sent after it. */
  signal?: AbortSignal;
  /** The run's grace is over: open connections are dropped now and no host key is recorded. */
  abandon?: AbortSignal;
}

export type GuestSyncStatus = 'synced' | 'unchanged' | 'would-change' | 'failed';

export type GuestSyncReason =
  | 'unreachable' // no TCP connection / no SSH handshake within the bound
  | 'auth-failed' // the guest refused the key (or the key could not be parsed)
  | 'host-key-mismatch' // the guest's host key differs from the pinned or recorded one
  | 'host-key-unknown' // no pinned key and no known-hosts file to record it in
  | 'key-missing' // the private key environment variable is not set
  | 'sudo-denied' // not root, and `sudo -n` refused
  | 'hosts-malformed' // the hosts file holds a broken managed block (BEGIN without END, two blocks…)
  | 'known-hosts-damaged' // the known-hosts file holds a line this tool cannot read: trust undecidable
  | 'output-unframed' // a remote command's answer did not arrive inside its frame
  | 'cancelled' // the run was cancelled before this guest's sync ended; the hosts file was not written
  | 'io-error'; // reading or writing the file failed, or a command timed out

export interface GuestSyncReport {
  vm: string;
  host: string;
  port: number;
  status: GuestSyncStatus;
  reason: GuestSyncReason | null;
  message: string;
  /** Dry run: the unified diff the sync would apply; null otherwise. */
  diff: string | null;
  /** The host key the guest presented; null when the handshake did not get that far. */
  hostKey: { fingerprint: string; firstContact: boolean; recorded: boolean } | null;
  /** Entries the block lists after this run (or would list, in a dry run). */
  entries: number;
}

/** Private keys pasted into CI secrets often arrive with literal `\n` or CRLF line ends. */
export function normalizePrivateKey(raw: string): string {
  let key = raw.trim();
  if (!key.includes('\n') && key.includes('\\n')) key = key.replace(/\\n/g, '\n');
  return key.replace(/\r\n/g, '\n') + '\n';
}

/**
 * Makes a message safe to report: the key's text lines, and every run of 6 or more bytes of the
 * decoded key material (ssh2's parse errors can quote decoded key bytes), are replaced; what remains
 * is cut to printable ASCII and 300 characters. A safety net: messages should not carry them at all.
 */
export function redact(message: string, privateKey: string): string {
  let out = message;
  const material: Buffer[] = [];
  for (const line of privateKey.split('\n')) {
    const l = line.trim();
    if (l.length >= 16 && !l.startsWith('-----')) out = out.split(l).join('[redacted]');
    if (/^[A-Za-z0-9+/=]+$/.test(l)) material.push(Buffer.from(l, 'base64'));
  }
  const decoded = Buffer.concat(material).toString('latin1');
  if (decoded.length >= 6) {
    // Any 6-byte window of the message that occurs in the decoded key is key material.
    let cleaned = '';
    let i = 0;
    while (i < out.length) {
      const w = out.slice(i, i + 6);
      if (w.length === 6 && decoded.includes(w)) {
        let j = i + 6;
        while (j < out.length && decoded.includes(out.slice(i, j + 1))) j++;
        cleaned += '[redacted]';
        i = j;
      } else {
        cleaned += out[i];
        i++;
      }
    }
    out = cleaned;
  }
  out = out.replace(/[^\x20-\x7e]/g, '?');
  return out.length > 300 ? `${out.slice(0, 297)}...` : out;
}

/** Single-quotes a value for POSIX sh. */
function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

class GuestFailure extends Error {
  constructor(
    readonly reason: GuestSyncReason,
    message: string,
  ) {
    super(message);
  }
}

interface ExecResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs one remote command within `timeoutMs`: `start` feeds its stdin (and may watch its stdout, all of
 * it so far, as it arrives, and whether the command is already given up on); the result is its exit
 * code, stdout and stderr once it closes.
 */
function runRemote(
  client: SshClient,
  command: string,
  timeoutMs: number,
  timeoutMessage: string,
  what: string,
  start: (stream: ClientChannel, run: { stdout: () => Buffer; settled: () => boolean }) => void,
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new GuestFailure('io-error', timeoutMessage));
    }, timeoutMs);
    client.exec(command, (err, stream) => {
      if (err) {
        clearTimeout(timer);
        if (!settled) reject(new GuestFailure('io-error', `${what}: could not start a remote command: ${err.message}`));
        settled = true;
        return;
      }
      const out: Buffer[] = [];
      const errOut: Buffer[] = [];
      const stdout = (): Buffer => (out.length === 1 ? out[0]! : Buffer.concat(out));
      stream.on('data', (d: Buffer) => out.push(d));
      stream.stderr.on('data', (d: Buffer) => errOut.push(d));
      stream.on('close', (code: number | null) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        resolve({ code: code ?? null, stdout: stdout(), stderr: Buffer.concat(errOut).toString('utf8').trim() });
      });
      start(stream, { stdout, settled: () => settled });
    });
  });
}

function execRemote(client: SshClient, command: string, stdin: Buffer | null, timeoutMs: number, what: string): Promise<ExecResult> {
  return runRemote(client, command, timeoutMs, `${what} did not finish within ${timeoutMs} ms`, what, (stream) => stream.end(stdin ?? undefined));
}

/**
 * Frames a remote command's answer: the guest user's shell start-up files (.bashrc, BASH_ENV,
 * /etc/profile.d…) may print anything before or after it, and none of that may be taken for the
 * answer (it would end up in /etc/hosts). The command prints `<nonce> BEGIN <length>`, exactly
 * <length> bytes, then `<nonce> END`; only those bytes are the answer (a fresh random nonce per
 * command, so the file's own content cannot forge a frame).
 *
 * The bytes between the frame's markers, or null when the frame is missing or broken. */
export function unframe(out: Buffer, nonce: string): Buffer | null {
  const begin = Buffer.from(`\n${nonce} BEGIN `, 'latin1');
  const padded = Buffer.concat([Buffer.from('\n'), out]);
  const at = padded.indexOf(begin);
  if (at < 0) return null;
  const lenStart = at + begin.length;
  const nl = padded.indexOf(0x0a, lenStart);
  if (nl < 0) return null;
  const lenText = padded.subarray(lenStart, nl).toString('latin1');
  if (!/^\d{1,12}$/.test(lenText)) return null;
  const len = Number(lenText);
  const body = padded.subarray(nl + 1, nl + 1 + len);
  if (body.length !== len) return null;
  const end = Buffer.from(`\n${nonce} END\n`, 'latin1');
  if (!padded.subarray(nl + 1 + len, nl + 1 + len + end.length).equals(end)) return null;
  return body;
}

const newNonce = () => `hvc-${randomBytes(12).toString('hex')}`;

// Resolves a symlinked hosts file to its target, so that the rename replaces the file, not the link.
const resolvePath = (path: string) => `P=${shq(path)}; R=$(readlink -f -- "$P" 2>/dev/null) && [ -n "$R" ] && P=$R`;

// The file is copied first, so its length and its bytes are of one and the same version.
function readCommand(path: string, nonce: string): string {
  return (
    `${resolvePath(path)}; [ -e "$P" ] || exit 3; t=$(mktemp) || exit 4; trap 'rm -f -- "$t"' EXIT; cat -- "$P" > "$t" || exit 5; ` +
    `n=$(wc -c < "$t" | tr -d ' '); printf '\\n%s BEGIN %s\\n' ${nonce} "$n"; cat -- "$t"; printf '\\n%s END\\n' ${nonce}`
  );
}

function needsSudoCommand(path: string, nonce: string): string {
  return (
    `${resolvePath(path)}; d=$(dirname -- "$P"); ` +
    `if [ "$(id -u)" = 0 ] || { [ -w "$d" ] && { [ ! -e "$P" ] || [ -w "$P" ]; }; }; then a=direct; else a=sudo; fi; ` +
    `printf '\\n%s BEGIN %s\\n%s\\n%s END\\n' ${nonce} "$(printf %s "$a" | wc -c | tr -d ' ')" "$a" ${nonce}`
  );
}

// Write beside (same folder, so the rename is atomic), keep mode and owner, then rename over, in two
// steps the client drives: the copy is staged (exactly `length` bytes read: a connection dropped
// mid-write ends stdin early, and a cut-off copy is never renamed), the guest says so, and only
// when the run then sends the commit line is it renamed. A run abandoned or timed out meanwhile
// sends none (its connection ends: the read finds no line), so a guest slow to run the write never
// replaces the file after the run has ended and released its lock. SIGPIPE is ignored: a write to
// the dropped connection must fail (and the EXIT trap remove the copy), not kill the shell.
export function writeScript(path: string, length: number, nonce: string): string {
  return [
    'set -e',
    "trap '' PIPE",
    resolvePath(path) + ' || true',
    'd=$(dirname -- "$P")',
    't=$(mktemp "$d/.hosts.hyperv-converge.XXXXXX")',
    `trap 'rm -f -- "$t"' EXIT`,
    'if [ -e "$P" ]; then cp -p -- "$P" "$t"; else chmod 644 "$t"; fi',
    `head -c ${length} > "$t"`,
    `[ "$(($(wc -c < "$t")))" = ${length} ] || { echo "the new content arrived incomplete: not written" >&2 || true; exit 6; }`,
    `printf '\\n%s STAGED\\n' ${nonce}`,
    'IFS= read -r go || go=',
    `[ "$go" = "${nonce} COMMIT" ] || { echo "the run did not confirm the write (its connection ended): not written" >&2 || true; exit 7; }`,
    'mv -f -- "$t" "$P"',
    'trap - EXIT',
  ].join('\n');
}

/**
 * Runs writeScript: sends the content, and the commit line once the guest has staged it — unless
 * `commit()` says no by then (the run was abandoned) or the bound passed.
 */
function execWrite(client: SshClient, command: string, content: Buffer, nonce: string, commit: () => boolean, timeoutMs: number, what: string): Promise<ExecResult> {
  return runRemote(client, command, timeoutMs, `${what} did not finish within ${timeoutMs} ms; the file was not replaced`, what, (stream, run) => {
    // The nonce alone marks it (no line ends: a terminal between would turn them into CRLF).
    const staged = Buffer.from(`${nonce} STAGED`, 'latin1');
    let answered = false;
    stream.on('data', () => {
      if (answered || run.stdout().indexOf(staged) < 0) return;
      answered = true;
      // No commit line after the bound or an abandon: the guest removes its copy.
      if (!run.settled() && commit()) stream.end(`${nonce} COMMIT\n`);
      else stream.end();
    });
    stream.write(content);
  });
}

interface Session {
  client: SshClient;
  hostKey: GuestSyncReport['hostKey'];
}

async function connect(target: SyncTarget, opts: SyncOptions, privateKey: string, known: KnownHosts, onClient: (c: SshClient) => void): Promise<Session> {
  let expected: PublicKey[];
  if (target.hostKey !== null) {
    const pinned = parsePublicKey(target.hostKey);
    if (!pinned) throw new GuestFailure('host-key-mismatch', `the pinned host key for ${target.vm} is not a public key line ('<type> <base64>')`);
    expected = [pinned];
  } else {
    expected = known.lookup(target.vm);
    if (expected.length === 0 && !known.path) {
      throw new GuestFailure('host-key-unknown', `no host key is pinned for ${target.vm} and no knownHostsFile is configured to record one`);
    }
  }

  const { Client } = await loadSsh2();
  const client = new Client();
  // A connection lost mid-command surfaces through the command's own close or timeout; this keeps a
  // late 'error' event from crashing the process.
  client.on('error', () => undefined);
  onClient(client);
  let verdict: { failure: GuestFailure } | null = null;
  let seen: GuestSyncReport['hostKey'] = null;

  const hostVerifier = (key: Buffer, verify: (ok: boolean) => void) => {
    const fp = fingerprint(key);
    const type = keyBlobType(key);
    if (opts.abandon?.aborted) {
      // Abandoned runs write nothing more, not even a first-contact key.
      verdict = { failure: new GuestFailure('cancelled', `the run was cancelled during the SSH handshake with ${target.vm}; nothing was recorded or written`) };
      verify(false);
      return;
    }
    if (expected.length > 0) {
      const ok = expected.some((k) => k.blob.equals(key));
      seen = { fingerprint: fp, firstContact: false, recorded: false };
      if (!ok) {
        const was = expected.map((k) => fingerprint(k.blob)).join(', ');
        const where = target.hostKey !== null ? 'the pinned key in the config' : `the key recorded in ${known.path}`;
        const fix =
          target.hostKey !== null
            ? 'if the guest was reinstalled, update ssh.hostKeys / the VM\'s hostKey'
            : `if the guest was reinstalled, delete the line for '${target.vm}' from ${known.path}`;
        verdict = { failure: new GuestFailure('host-key-mismatch', `host key of ${target.vm} (${target.host}:${target.port}) is ${fp}, but ${where} is ${was}: refused; ${fix}`) };
      }
      verify(ok);
      return;
    }
    // First contact: record it (not in a dry run) and say so in the report; never silently.
    seen = { fingerprint: fp, firstContact: true, recorded: false };
    if (opts.dryRun) {
      verify(true);
      return;
    }
    known.record(target.vm, type, key).then(
      () => {
        seen = { fingerprint: fp, firstContact: true, recorded: true };
        verify(true);
      },
      (e: unknown) => {
        verdict = { failure: new GuestFailure('io-error', `could not record the host key of ${target.vm} in ${known.path}: ${(e as Error).message}`) };
        verify(false);
      },
    );
  };

  const config: ConnectConfig = {
    host: target.host,
    port: target.port,
    username: target.user,
    privateKey,
    readyTimeout: opts.timeoutMs,
    hostVerifier,
    // Offer only the pinned/recorded key types, so the guest presents the key we can check.
    ...(expected.length > 0 ? { algorithms: { serverHostKey: hostKeyAlgorithms(expected) as ServerHostKeyAlgorithm[] } } : {}),
  };

  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('close', () => reject(verdict?.failure ?? new GuestFailure(opts.abandon?.aborted ? 'cancelled' : 'unreachable', `the connection to ${target.vm} closed during the SSH handshake${opts.abandon?.aborted ? ': the run was cancelled' : ''}`)));
    client.once('error', (err: Error & { level?: string; code?: string }) => {
      client.end();
      if (verdict) return reject(verdict.failure);
      const where = `${target.host}:${target.port}`;
      if (err.level === 'client-authentication') {
        return reject(new GuestFailure('auth-failed', `the guest ${target.vm} (${where}) refused the key for user '${target.user}': add its public key to ~${target.user}/.ssh/authorized_keys`));
      }
      if (err.level === 'client-socket' || err.level === 'client-timeout') {
        return reject(new GuestFailure('unreachable', `cannot reach ${target.vm} at ${where}: ${err.message}; check that the guest runs sshd on port ${target.port} and that the runner can route to it`));
      }
      if (expected.length > 0 && seen === null && /host key/i.test(err.message)) {
        return reject(new GuestFailure('host-key-mismatch', `the guest ${target.vm} (${where}) offers no host key of the pinned/recorded type (${expected.map((k) => k.type).join(', ')}): ${err.message}`));
      }
      reject(new GuestFailure('unreachable', `SSH handshake with ${target.vm} (${where}) failed: ${err.message}`));
    });
    client.connect(config);
  });
  return { client, hostKey: seen };
}

async function syncOne(target: SyncTarget, entries: HostsEntry[], opts: SyncOptions, privateKey: string, known: KnownHosts): Promise<GuestSyncReport> {
  const path = opts.hostsPath ?? '/etc/hosts';
  const base = { vm: target.vm, host: target.host, port: target.port };
  let session: Session | null = null;
  // Abandoned (the grace after a signal is over): the connection is dropped, whatever it is doing.
  let open: SshClient | null = null;
  const drop = (): void => void open?.destroy();
  opts.abandon?.addEventListener('abort', drop, { once: true });
  // Cancelled: no further remote command; a read without its write leaves the guest as it was.
  const unlessCancelled = (next: string): void => {
    if (opts.signal?.aborted) throw new GuestFailure('cancelled', `the run was cancelled before ${next} on ${target.vm}; ${path} was not written`);
  };
  try {
    session = await connect(target, opts, privateKey, known, (c) => {
      open = c;
      if (opts.abandon?.aborted) drop();
    });
    const { client } = session;

    unlessCancelled(`reading ${path}`);
    const readNonce = newNonce();
    const read = await execRemote(client, readCommand(path, readNonce), null, opts.timeoutMs, `reading ${path}`);
    if (read.code !== 0 && read.code !== 3) throw new GuestFailure('io-error', `cannot read ${path} on ${target.vm}: ${read.stderr || `exit ${read.code}`}`);
    let before = '';
    if (read.code === 0) {
      const bytes = unframe(read.stdout, readNonce);
      if (bytes === null) throw new GuestFailure('output-unframed', `reading ${path} on ${target.vm}: the answer did not arrive inside its frame (${read.stdout.length} bytes of output); nothing was written`);
      before = bytes.toString('latin1');
    }

    let after: string;
    try {
      after = mergeBlock(before, entries);
    } catch (e) {
      if (isHvcError(e)) throw new GuestFailure('hosts-malformed', `${path} on ${target.vm}: ${e.message}`);
      throw e;
    }
    const count = readBlock(after).length;
    if (after === before) {
      return { ...base, status: 'unchanged', reason: null, message: `${path} already lists the ${count} managed entries`, diff: opts.dryRun ? '' : null, hostKey: session.hostKey, entries: count };
    }
    if (opts.dryRun) {
      return { ...base, status: 'would-change', reason: null, message: `would update the managed block in ${path} (${count} entries)`, diff: diffText(before, after, path), hostKey: session.hostKey, entries: count };
    }

    const mode = opts.sudo ?? 'auto';
    let sudo = mode === 'always';
    unlessCancelled(`writing ${path}`);
    if (mode === 'auto') {
      const probeNonce = newNonce();
      const probe = await execRemote(client, needsSudoCommand(path, probeNonce), null, opts.timeoutMs, 'checking write access');
      const answer = unframe(probe.stdout, probeNonce)?.toString('latin1');
      if (answer !== 'direct' && answer !== 'sudo') throw new GuestFailure('output-unframed', `checking write access to ${path} on ${target.vm}: no framed answer; nothing was written`);
      sudo = answer === 'sudo';
    }
    if (sudo) {
      unlessCancelled(`writing ${path}`);
      const check = await execRemote(client, 'sudo -n true', null, opts.timeoutMs, 'checking sudo');
      if (check.code !== 0) {
        throw new GuestFailure('sudo-denied', `user '${target.user}' on ${target.vm} cannot write ${path} and \`sudo -n\` was refused (${check.stderr || `exit ${check.code}`}); allow passwordless sudo for it or log in as root`);
      }
    }
    unlessCancelled(`writing ${path}`);
    const writeNonce = newNonce();
    const script = writeScript(path, Buffer.byteLength(after, 'latin1'), writeNonce);
    const command = (sudo ? 'sudo -n ' : '') + `sh -c ${shq(script)}`;
    const write = await execWrite(client, command, Buffer.from(after, 'latin1'), writeNonce, () => !opts.abandon?.aborted, opts.timeoutMs, `writing ${path}`);
    if (write.code !== 0) throw new GuestFailure('io-error', `cannot write ${path} on ${target.vm}: ${write.stderr || `exit ${write.code}`}`);
    return { ...base, status: 'synced', reason: null, message: `updated the managed block in ${path} (${count} entries)`, diff: null, hostKey: session.hostKey, entries: count };
  } catch (e) {
    const failure = e instanceof GuestFailure ? e : new GuestFailure('io-error', e instanceof Error ? e.message : String(e));
    return { ...base, status: 'failed', reason: failure.reason, message: redact(failure.message, privateKey), diff: null, hostKey: session?.hostKey ?? null, entries: 0 };
  } finally {
    opts.abandon?.removeEventListener('abort', drop);
    session?.client.end();
  }
}

/**
 * Brings the managed block of every target's hosts file to `entries`. Returns one report per target
 * it started, in target order (all of them unless opts.signal fired: after it, none is started);
 * never throws for a guest's trouble.
 */
export async function syncHosts(targets: SyncTarget[], entries: HostsEntry[], opts: SyncOptions): Promise<GuestSyncReport[]> {
  // Bad entries are the caller's bug: fail before touching any guest.
  mergeBlock('', entries);
  const fail = (t: SyncTarget, reason: GuestSyncReason, message: string): GuestSyncReport => ({
    vm: t.vm,
    host: t.host,
    port: t.port,
    status: 'failed',
    reason,
    message,
    diff: null,
    hostKey: null,
    entries: 0,
  });
  if (!opts.privateKey.trim()) return targets.map((t) => fail(t, 'key-missing', 'no private key was given'));
  const privateKey = normalizePrivateKey(opts.privateKey);
  const { utils } = await loadSsh2();
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error || (Array.isArray(parsed) && parsed.length === 0)) {
    // ssh2's parse error can quote decoded key bytes: it is not repeated, only its kind.
    const why = parsed instanceof Error ? 'not a supported key format, or encrypted' : 'no key found';
    return targets.map((t) => fail(t, 'auth-failed', `the private key could not be parsed (${why}); give an unencrypted OpenSSH or PEM private key`));
  }

  let known: KnownHosts;
  try {
    known = await KnownHosts.load(opts.knownHostsFile, readFile);
  } catch (e) {
    if (e instanceof KnownHostsDamaged) return targets.map((t) => fail(t, 'known-hosts-damaged', e.message));
    return targets.map((t) => fail(t, 'io-error', `cannot read the known-hosts file ${opts.knownHostsFile}: ${(e as Error).message}`));
  }

  const reports: GuestSyncReport[] = new Array(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length && !opts.signal?.aborted) {
      const i = next++;
      reports[i] = await syncOne(targets[i]!, entries, opts, privateKey, known);
    }
  };
  const width = Math.max(1, Math.min(opts.concurrency ?? 4, targets.length));
  await Promise.all(Array.from({ length: width }, worker));
  return reports.filter((r) => r !== undefined);
}
