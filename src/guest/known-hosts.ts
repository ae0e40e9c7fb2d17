// Guest host keys: parsing `<type> <base64>` lines, fingerprints, and the known-hosts file where
// first-contact keys are recorded and then enforced. Entries are keyed by VM name, not address,
// because a guest's DHCP address may change while its identity does not. The file uses OpenSSH's
// known_hosts line format, so `ssh -o HostKeyAlias=<vm>` can use it too.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface PublicKey {
  type: string;
  blob: Buffer;
}

/** Reads the key type out of an SSH public key blob (uint32 length + name). */
export function keyBlobType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('ascii');
}

/** `ssh-ed25519 AAAA… [comment]` → its type and blob; null when it is not such a line. */
export function parsePublicKey(line: string): PublicKey | null {
  const fields = line.trim().split(/\s+/);
  if (fields.length < 2) return null;
  const [type, b64] = fields as [string, string];
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const blob = Buffer.from(b64, 'base64');
  if (keyBlobType(blob) !== type) return null;
  return { type, blob };
}

/** OpenSSH's fingerprint notation: `SHA256:<unpadded base64>`. */
export function fingerprint(blob: Buffer): string {
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

/** The host key algorithms that make a server present a key of these types. */
export function hostKeyAlgorithms(keys: PublicKey[]): string[] {
  const algos = keys.flatMap((k) => (k.type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [k.type]));
  return [...new Set(algos)];
}

type ReadFileFn = (path: string, encoding: 'utf8') => Promise<string>;

export class KnownHosts {
  private readonly byName = new Map<string, PublicKey[]>();
  // Records from guests synced concurrently are appended one at a time.
  private writing: Promise<void> = Promise.resolve();

  private constructor(readonly path: string) {}

  /** Loads the file ('' for none); a missing file is an empty one. */
  static async load(path: string, read: ReadFileFn): Promise<KnownHosts> {
    const known = new KnownHosts(path);
    if (!path) return known;
    let text = '';
    try {
      text = await read(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      // Comments, hashed names and @cert-authority/@revoked markers are not ours to interpret.
      if (!line || line.startsWith('#') || line.startsWith('|') || line.startsWith('@')) continue;
      const [names, ...rest] = line.split(/\s+/);
      const key = parsePublicKey(rest.join(' '));
      if (!names || !key) continue;
      for (const name of names.split(',')) known.byName.set(name, [...(known.byName.get(name) ?? []), key]);
    }
    return known;
  }

  lookup(vm: string): PublicKey[] {
    return this.byName.get(vm) ?? [];
  }

  /** Appends `<vm> <type> <base64>` to the file and remembers it for this run. */
  record(vm: string, type: string, blob: Buffer): Promise<void> {
    const line = `${vm} ${type} ${blob.toString('base64')}\n`;
    const step = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const current = await readFile(this.path, 'utf8').catch(() => '');
      const sep = current && !current.endsWith('\n') ? '\n' : '';
      await appendFile(this.path, sep + line, { encoding: 'utf8', mode: 0o644 });
      this.byName.set(vm, [...this.lookup(vm), { type, blob }]);
    });
    this.writing = step.catch(() => undefined);
    return step;
  }
}
