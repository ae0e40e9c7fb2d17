// The cloud-init NoCloud seed: `user-data`, `meta-data` and optional `network-config` on an ISO 9660
// volume labelled `cidata` (cloud-init's NoCloud datasource looks for that label:
// https://docs.cloud-init.io/en/latest/reference/datasources/nocloud.html). Secrets never sit in the
// file: the texts name environment variables as `${{ env.NAME }}` and the values are put in only here,
// when the bytes are built; only the image's sha256 ever reaches the plan.
import { createHash } from 'node:crypto';
import { buildIso } from './iso9660.js';

export const SEED_VOLUME_ID = 'cidata';
/** The seed's file name in the VM's folder on the host. */
export const SEED_FILE_NAME = 'cidata.iso';

/** `${{ env.NAME }}`: `${{` is a shell syntax error and not Jinja, so it cannot mean anything else. */
export const SECRET_REF_RE = /\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Anything that starts like a reference but is not a well-formed one. */
const LOOSE_REF_RE = /\$\{\{/g;

export interface SeedTexts {
  userData: string;
  metaData: string;
  networkConfig: string | null;
}

/** Environment variable names the texts refer to, sorted, unique. */
export function secretRefs(t: SeedTexts): string[] {
  const names = new Set<string>();
  for (const text of [t.userData, t.metaData, t.networkConfig ?? '']) for (const m of text.matchAll(SECRET_REF_RE)) names.add(m[1]!);
  return [...names].sort();
}

/** Count of `${{` that are not well-formed references (a typo would otherwise reach the guest verbatim). */
export function malformedRefs(text: string): number {
  const all = [...text.matchAll(LOOSE_REF_RE)].length;
  const good = [...text.matchAll(SECRET_REF_RE)].length;
  return all - good;
}

export type SeedBuild =
  /** sha256: 64 lower-case hex digits of the image; secrets: the values put in, for masking. */
  | { ok: true; bytes: Uint8Array; sha256: string; sizeBytes: number; secrets: string[] }
  | { ok: false; missing: string[] };

/** Builds the seed image, the references replaced by the environment's values. */
export function buildSeed(t: SeedTexts, env: Readonly<Record<string, string | undefined>>): SeedBuild {
  const refs = secretRefs(t);
  const missing = refs.filter((n) => env[n] === undefined || env[n] === '');
  if (missing.length > 0) return { ok: false, missing };
  const fill = (text: string): Uint8Array => new TextEncoder().encode(text.replace(SECRET_REF_RE, (_m, n: string) => env[n]!));
  const files = [
    { name: 'meta-data', data: fill(t.metaData) },
    { name: 'user-data', data: fill(t.userData) },
    ...(t.networkConfig !== null ? [{ name: 'network-config', data: fill(t.networkConfig) }] : []),
  ];
  const bytes = buildIso({ volumeId: SEED_VOLUME_ID, files });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, bytes, sha256, sizeBytes: bytes.length, secrets: refs.map((n) => env[n]!) };
}

/** meta-data when the file gives none: the VM's name as instance id and host name. */
export function defaultMetaData(vmName: string): string {
  const q = JSON.stringify(vmName); // a JSON string is a valid YAML scalar for any name
  return `instance-id: ${q}\nlocal-hostname: ${q}\n`;
}
