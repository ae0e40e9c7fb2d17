// Guest host keys: parsing `<type> <base64>` lines, fingerprints, and the known-hosts file where
// first-contact keys are recorded and then enforced. Entries are keyed by VM name, not address,
// because a guest's DHCP address may change while its identity does not. A VM name is written as a
// safe alias (knownHostsAlias): raw, a name such as 'evil,g1' would pin a key for 'g1', and names with
// a space or a leading '#' would never be read back. The file uses OpenSSH's known_hosts line format,
// so `ssh -o HostKeyAlias=<alias>` can use it too. A line this tool cannot read fails every guest
// loudly: silently skipping it would reset trust to first use.
import { createHash } from 'node:crypto';
import { vmNameKey } from '../core/config/vm-name.js';
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

const ALIAS_PREFIX = 'hvc-vm.';

/**
 * The known_hosts name for a VM: 'hvc-vm.' + the VM name under the one name rule (vmNameKey, so
 * 'WEB-1' and 'web-1' share a key as they share a VM on Hyper-V), lower-cased ASCII, every byte
 * outside [a-z0-9._-] percent-encoded (UTF-8). Injective, and free of everything known_hosts reads
 * specially (',', whitespace, '#', '|', '@', '!', '*', '?', '[', ']').
 */
export function knownHostsAlias(vm: string): string {
  let out = ALIAS_PREFIX;
  for (const byte of Buffer.from(vmNameKey(vm), 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Z]/.test(c)) out += c.toLowerCase();
    else if (/[a-z0-9._-]/.test(c)) out += c;
    else out += '%' + byte.toString(16).padStart(2, '0');
  }
  return out;
}

/** The known-hosts file holds a line this tool cannot read: trust cannot be decided. */
export class KnownHostsDamaged extends Error {}

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
    const lines = text.split('\n');
    lines.forEach((raw, i) => {
      const line = raw.replace(/\r$/, '').trim();
      if (!line || line.startsWith('#')) return;
      const fields = line.split(/\s+/);
      const [alias] = fields;
      const key = fields.length === 3 ? parsePublicKey(fields.slice(1).join(' ')) : null;
      // Exactly what record() writes: one alias, a type, a key. Anything else is damage (or a line
      // of another tool's file): refuse to guess rather than forget a recorded key.
      if (!alias || !key || !alias.startsWith(ALIAS_PREFIX) || !/^[a-z0-9._%-]+$/.test(alias)) {
        throw new KnownHostsDamaged(
          `${path}:${i + 1} is not a line this tool wrote ('hvc-vm.<name> <type> <base64>'); fix or delete that line (deleting it means the guest's key is trusted anew on first contact)`,
        );
      }
      known.byName.set(alias, [...(known.byName.get(alias) ?? []), key]);
    });
    return known;
  }

  lookup(vm: string): PublicKey[] {
    return this.byName.get(knownHostsAlias(vm)) ?? [];
  }

  /** Appends `<alias> <type> <base64>` to the file and remembers it for this run. */
  record(vm: string, type: string, blob: Buffer): Promise<void> {
    const alias = knownHostsAlias(vm);
    const line = `${alias} ${type} ${blob.toString('base64')}\n`;
    const step = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      const current = await readFile(this.path, 'utf8').catch(() => '');
      const sep = current && !current.endsWith('\n') ? '\n' : '';
      await appendFile(this.path, sep + line, { encoding: 'utf8', mode: 0o644 });
      this.byName.set(alias, [...this.lookup(vm), { type, blob }]);
    });
    this.writing = step.catch(() => undefined);
    return step;
  }
}
