// The cloud-init seed image against real readers from Debian's packages: genisoimage's isoinfo,
// xorriso, util-linux's blkid (what cloud-init uses to find the `cidata` volume), cloud-init's own
// NoCloud seed reader and its schema check. .ci/run installs them; a missing tool fails the test.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/run-cli.js';
import { buildIso, MAX_FILE_BYTES } from '../../src/core/seed/iso9660.js';
import { buildSeed, malformedRefs, secretRefs, type SeedTexts } from '../../src/core/seed/nocloud.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'hvc-seed-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (cmd: string, args: string[]): string => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw new Error(`${cmd} cannot run (${(r.error as NodeJS.ErrnoException).code}); install it (.ci/run does: xorriso genisoimage cloud-init)`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout + r.stderr;
};

const K3S_USER_DATA = readFileSync(join(ROOT, 'examples/k3s/cloud-init/user-data.yaml'), 'utf8');
const TEXTS: SeedTexts = {
  userData: K3S_USER_DATA,
  metaData: 'instance-id: k3s-dev\nlocal-hostname: k3s-dev\n',
  networkConfig: 'version: 2\nethernets:\n  eth0:\n    dhcp4: true\n',
};
const ENV = { K3S_SSH_PUBLIC_KEY: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB1 dev@example', K3S_TOKEN: 'tok-SECRET-3f9a1c' };

function seedFile(texts = TEXTS, env: Record<string, string> = ENV): { path: string; bytes: Uint8Array } {
  const b = buildSeed(texts, env);
  if (!b.ok) throw new Error(`missing ${b.missing.join(',')}`);
  const path = join(tmp(), 'cidata.iso');
  writeFileSync(path, b.bytes);
  return { path, bytes: b.bytes };
}

describe('seed image: deterministic', () => {
  it('same input → the same bytes and hash; the hash is pinned, so it is equal across machines and versions', () => {
    const a = buildSeed(TEXTS, ENV);
    const b = buildSeed({ ...TEXTS }, { ...ENV, UNRELATED: 'x' });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes))).toBe(0);
    expect(a.sha256).toBe(createHash('sha256').update(a.bytes).digest('hex'));
    // Pinned: a change to the writer that changes bytes must be deliberate (it changes every plan).
    const fixed = buildIso({ volumeId: 'cidata', files: [{ name: 'user-data', data: Buffer.from('#cloud-config\n') }, { name: 'meta-data', data: Buffer.from('instance-id: a\n') }] });
    expect(createHash('sha256').update(fixed).digest('hex')).toBe(PINNED_SHA256);
  });

  it('file order in the input does not matter; content does', () => {
    const one = buildIso({ volumeId: 'cidata', files: [{ name: 'b', data: Buffer.from('1') }, { name: 'a', data: Buffer.from('2') }] });
    const two = buildIso({ volumeId: 'cidata', files: [{ name: 'a', data: Buffer.from('2') }, { name: 'b', data: Buffer.from('1') }] });
    const three = buildIso({ volumeId: 'cidata', files: [{ name: 'a', data: Buffer.from('3') }, { name: 'b', data: Buffer.from('1') }] });
    expect(Buffer.compare(Buffer.from(one), Buffer.from(two))).toBe(0);
    expect(Buffer.compare(Buffer.from(one), Buffer.from(three))).not.toBe(0);
  });

  it('bad names and oversize files are refused with the reason', () => {
    expect(() => buildIso({ volumeId: 'cidata', files: [{ name: 'a/b', data: Buffer.alloc(1) }] })).toThrow(/not allowed/);
    expect(() => buildIso({ volumeId: 'ci data', files: [] })).toThrow(/volume id/);
    expect(() => buildIso({ volumeId: 'cidata', files: [{ name: 'big', data: Buffer.alloc(MAX_FILE_BYTES + 1) }] })).toThrow(/at most/);
    expect(() => buildIso({ volumeId: 'cidata', files: [{ name: 'a', data: Buffer.alloc(1) }, { name: 'A', data: Buffer.alloc(1) }] })).toThrow(/collides/);
  });
});

describe('seed image: real readers', () => {
  it('isoinfo (genisoimage): volume CIDATA with Joliet; lists and extracts every file exactly', () => {
    const { path } = seedFile();
    const info = run('isoinfo', ['-d', '-i', path]);
    expect(info).toMatch(/Volume id: CIDATA/);
    expect(info).toMatch(/Joliet with UCS level 3 found/);
    const listing = run('isoinfo', ['-J', '-l', '-i', path]);
    for (const n of ['meta-data', 'network-config', 'user-data']) expect(listing).toContain(` ${n}`);
    const b = buildSeed(TEXTS, ENV);
    if (!b.ok) throw new Error('unreachable');
    const out = execFileSync('isoinfo', ['-J', '-x', '/user-data', '-i', path]).toString('utf8');
    expect(out).toBe(K3S_USER_DATA.replace('${{ env.K3S_SSH_PUBLIC_KEY }}', ENV.K3S_SSH_PUBLIC_KEY).replace('${{ env.K3S_TOKEN }}', ENV.K3S_TOKEN));
  });

  it('xorriso extracts the tree with the exact names and contents, multi-sector files included', () => {
    const big = 'x'.repeat(5000) + '\n';
    const { path } = seedFile({ ...TEXTS, networkConfig: `# ${big}version: 2\n` });
    const dest = join(tmp(), 'out');
    run('xorriso', ['-osirrox', 'on', '-indev', path, '-extract', '/', dest]);
    expect(readdirSync(dest).sort()).toEqual(['meta-data', 'network-config', 'user-data']);
    expect(readFileSync(join(dest, 'network-config'), 'utf8')).toBe(`# ${big}version: 2\n`);
    expect(readFileSync(join(dest, 'meta-data'), 'utf8')).toBe(TEXTS.metaData);
    expect(run('xorriso', ['-indev', path, '-pvd_info'])).toMatch(/Volume Id\s*:\s*CIDATA/);
  });

  it('blkid sees TYPE=iso9660 LABEL=cidata, which is how cloud-init finds a NoCloud seed', () => {
    const { path } = seedFile();
    const out = run('blkid', ['-p', '-o', 'export', path]);
    expect(out).toMatch(/^TYPE=iso9660$/m);
    expect(out).toMatch(/^LABEL=cidata$/m);
  });

  it("cloud-init's own NoCloud seed reader reads the extracted files", () => {
    const { path } = seedFile();
    const dest = join(tmp(), 'out');
    run('xorriso', ['-osirrox', 'on', '-indev', path, '-extract', '/', dest]);
    const py = `
import json, sys
from cloudinit import util
d = util.pathprefix2dict(sys.argv[1], required=['user-data', 'meta-data'], optional=['vendor-data', 'network-config'])
print(json.dumps({'keys': sorted(d), 'meta': util.load_yaml(d['meta-data'])}))`;
    const out = JSON.parse(run('/usr/bin/python3', ['-c', py, dest])) as { keys: string[]; meta: Record<string, string> };
    expect(out.keys).toEqual(['meta-data', 'network-config', 'user-data']);
    expect(out.meta['instance-id']).toBe('k3s-dev');
  });

  it('cloud-init schema validates the example user data, before and after the secrets are put in, and rejects a broken one', () => {
    const dir = tmp();
    const b = buildSeed(TEXTS, ENV);
    if (!b.ok) throw new Error('unreachable');
    writeFileSync(join(dir, 'template'), K3S_USER_DATA);
    expect(run('cloud-init', ['schema', '--config-file', join(dir, 'template')])).toMatch(/Valid cloud-config/);
    const dest = join(dir, 'out');
    writeFileSync(join(dir, 'seed.iso'), b.bytes);
    run('xorriso', ['-osirrox', 'on', '-indev', join(dir, 'seed.iso'), '-extract', '/', dest]);
    expect(run('cloud-init', ['schema', '--config-file', join(dest, 'user-data')])).toMatch(/Valid cloud-config/);
    writeFileSync(join(dir, 'broken'), '#cloud-config\npackages: 5\n');
    const r = spawnSync('cloud-init', ['schema', '--config-file', join(dir, 'broken')], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/packages: 5 is not of type 'array'/);
  });
});

describe('seed secrets', () => {
  it('references name environment variables; missing ones are reported by name, never guessed', () => {
    expect(secretRefs(TEXTS)).toEqual(['K3S_SSH_PUBLIC_KEY', 'K3S_TOKEN']);
    expect(buildSeed(TEXTS, { K3S_TOKEN: 'x' })).toEqual({ ok: false, missing: ['K3S_SSH_PUBLIC_KEY'] });
    expect(buildSeed(TEXTS, { K3S_TOKEN: 'x', K3S_SSH_PUBLIC_KEY: '' })).toEqual({ ok: false, missing: ['K3S_SSH_PUBLIC_KEY'] });
    expect(malformedRefs('a ${{ env.X }} b ${{env.Y}} c ${{ env.1X }} ${{ secrets.Z }}')).toBe(2);
  });

  it('a different secret value gives a different image hash (drift in a secret is seen), the value is in the image only', () => {
    const a = buildSeed(TEXTS, ENV);
    const b = buildSeed(TEXTS, { ...ENV, K3S_TOKEN: 'other' });
    if (!a.ok || !b.ok) throw new Error('unreachable');
    expect(a.sha256).not.toBe(b.sha256);
    expect(a.secrets).toContain(ENV.K3S_TOKEN);
    expect(Buffer.from(a.bytes).includes(Buffer.from(ENV.K3S_TOKEN))).toBe(true);
  });
});

const PINNED_SHA256 = '71f6166b47e0f095356452f77d1c1be62f5c6646d1226992b0e9817d147b12e6';

