// Outside attack on configHash taken over the YAML document as written (6dcccbd): through the exported
// parseConfig / loadConfig / configHash only. The invariant attacked: two configurations that resolve
// to different content never share a configHash (a reviewed plan must not be applied from another
// configuration), and the document hash is exactly what the docs say it is. A test that fails here is
// a finding; the rest are guards.
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { canonicalPartWithout, sha256Of } from '../../src/core/canonical.js';
import { loadConfig, parseConfig } from '../../src/core/config/load.js';
import type { Config } from '../../src/core/config/types.js';
import { counters } from '../../src/core/counters.js';
import { isHvcError } from '../../src/core/errors.js';
import { configHash } from '../../src/core/plan/hashes.js';

const dirs: string[] = [];
const work = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'hvc-att17-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** What the config resolves to: the canonical hash of the resolved content (configHash before 6dcccbd). */
const resolvedHash = (c: Config): string => sha256Of({ ...c, vms: c.vms.map((vm) => canonicalPartWithout(vm, 'source')) });
const parse = (text: string): Config => parseConfig(text, 'vms.yaml');

const BASE = `version: 1
project: lab
defaults: { cpus: 2, memory: 2GB, path: 'D:\\vms', switch: lab-net }
policy: { allowRestart: true, maxDisruptive: 5 }
ssh: { user: ubuntu, privateKeyEnv: KEY, hostKeys: { web-1: ssh-ed25519 AAAApin1 } }
vms:
  - name: web-1
    cpus: 4
    notes: hello
    cloudInit: { userData: "#cloud-config\\nhostname: web-1\\n" }
  - name: db-1
    state: stopped
`;

/** Other spellings of BASE: the same values, so the same document after parsing. */
const SAME: Record<string, string> = {
  'block style, comments and another key order': `# the lab
project: lab   # namespace
version: 1
vms:
  - cpus: 4
    name: web-1
    notes: hello
    cloudInit:
      userData: |
        #cloud-config
        hostname: web-1
  - state: stopped
    name: db-1
ssh:
  privateKeyEnv: KEY
  user: ubuntu
  hostKeys:
    web-1: ssh-ed25519 AAAApin1
policy:
  maxDisruptive: 5
  allowRestart: true
defaults:
  switch: lab-net
  path: D:\\vms
  memory: 2GB
  cpus: 2
`,
  'quoting and !!str tags': BASE.replace('project: lab', "project: 'lab'").replace('notes: hello', 'notes: !!str hello').replace('name: db-1', 'name: "db-1"'),
  'numbers spelled otherwise (0x4, 4.0, !!int "4", 5e0)': BASE.replace('cpus: 4', 'cpus: 0x4').replace('maxDisruptive: 5', 'maxDisruptive: 5e0').replace('cpus: 2,', 'cpus: !!int "2",'),
  'integer written as 4.0': BASE.replace('cpus: 4', 'cpus: 4.0'),
  'anchors and aliases': BASE.replace('project: lab', 'project: &p lab').replace('notes: hello', 'notes: &n hello'),
  'a byte-order mark': '\ufeff' + BASE,
  'CRLF line ends': BASE.replace(/\n/g, '\r\n'),
};

describe('configHash: the same document written otherwise is the same version (docs/artifacts.md)', () => {
  const base = parse(BASE);
  for (const [name, text] of Object.entries(SAME)) {
    it(name, () => {
      const c = parse(text);
      expect(resolvedHash(c)).toBe(resolvedHash(base));
      expect(configHash(c)).toBe(configHash(base));
    });
  }
  it('configHash is sha256 over the canonical JSON of the document as js-yaml reads it', () => {
    expect(configHash(base)).toBe(sha256Of(load(BASE)));
  });
});

/** Variants that may resolve differently from BASE (or not: then a second hash is allowed, by design). */
const VARIANTS: Record<string, string> = {
  base: BASE,
  'cpus 3': BASE.replace('cpus: 4', 'cpus: 3'),
  'notes with a trailing space': BASE.replace('notes: hello', 'notes: "hello "'),
  'notes with CRLF': BASE.replace('notes: hello', 'notes: "hello\\r\\n"'),
  'notes with LF': BASE.replace('notes: hello', 'notes: "hello\\n"'),
  'notes as the number-like text 1': BASE.replace('notes: hello', 'notes: "1"'),
  'notes as text 1.0': BASE.replace('notes: hello', 'notes: "1.0"'),
  'userData with CRLF': BASE.replace('hostname: web-1\\n', 'hostname: web-1\\r\\n'),
  'notes with a lone surrogate escape': BASE.replace('notes: hello', 'notes: "hello\\ud800"'),
  'notes with the text of that escape': BASE.replace('notes: hello', 'notes: "hello\\\\ud800"'),
  'state running': BASE.replace('state: stopped', 'state: running'),
  'state moved into defaults': BASE.replace('defaults: {', 'defaults: { state: stopped,').replace('    state: stopped\n', '    state: stopped\n').replace('  - name: web-1\n', '  - name: web-1\n    state: running\n'),
  'maxDisruptive -0': BASE.replace('maxDisruptive: 5', 'maxDisruptive: -0'),
  'maxDisruptive 0': BASE.replace('maxDisruptive: 5', 'maxDisruptive: 0'),
  'maxDisruptive 2^53': BASE.replace('maxDisruptive: 5', 'maxDisruptive: 9007199254740992'),
  'maxDisruptive 2^53+1 (the same double)': BASE.replace('maxDisruptive: 5', 'maxDisruptive: 9007199254740993'),
  'allowTurnOff written as its default': BASE.replace('allowRestart: true', 'allowRestart: true, allowTurnOff: false'),
  'another pinned key': BASE.replace('AAAApin1', 'AAAApin2'),
  'pinned key for WEB-1 (one VM, case-insensitively)': BASE.replace('hostKeys: { web-1:', 'hostKeys: { WEB-1:'),
  'VM order swapped': BASE.replace(/  - name: web-1\n([\s\S]*?)  - name: db-1\n    state: stopped\n/, '  - name: db-1\n    state: stopped\n  - name: web-1\n$1'),
  'switch null on db-1': BASE.replace('    state: stopped\n', '    state: stopped\n    switch: null\n'),
  'switch text "null" on db-1': BASE.replace('    state: stopped\n', '    state: stopped\n    switch: "null"\n'),
  'integration service by braced GUID': BASE.replace('    state: stopped\n', '    state: stopped\n    integrationServices: { "{84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47}": false }\n'),
  'integration service by bare lower-case GUID': BASE.replace('    state: stopped\n', '    state: stopped\n    integrationServices: { "84eaae65-2f2e-45f5-9bb5-0e857dc8eb47": false }\n'),
  'memory 2048MB in defaults': BASE.replace('memory: 2GB', 'memory: 2048MB'),
  'memory mapping with startup only': BASE.replace('memory: 2GB', 'memory: { startup: 2GB }'),
};

describe('configHash: configurations that resolve differently never share a hash', () => {
  const loaded = Object.entries(VARIANTS).map(([name, text]) => ({ name, c: parse(text) }));
  it('every pair of the variants (a different resolution is a different configHash)', () => {
    const collisions: string[] = [];
    for (let i = 0; i < loaded.length; i++) {
      for (let j = i + 1; j < loaded.length; j++) {
        const a = loaded[i]!;
        const b = loaded[j]!;
        if (resolvedHash(a.c) !== resolvedHash(b.c) && configHash(a.c) === configHash(b.c)) collisions.push(`${a.name} ~ ${b.name}`);
      }
    }
    expect(collisions).toEqual([]);
  });
  it('the variants meant as changes are each a version of their own', () => {
    const hashes = new Map<string, string>();
    for (const { name, c } of loaded) {
      // The same number as another variant once read: 2^53+1 is 2^53, -0 is 0 (JSON and === agree).
      if (name === 'maxDisruptive 2^53+1 (the same double)' || name === 'maxDisruptive -0') continue;
      const h = configHash(c);
      expect([name, hashes.get(h) ?? null]).toEqual([name, null]);
      hashes.set(h, name);
    }
  });

  // Random documents over values that spell alike (numbers, texts that look like numbers, -0, GUID
  // spellings, CR/LF, keys in any order): equal configHash must mean equal resolution.
  it('random documents: equal configHash implies equal resolved content', () => {
    const cpus = fc.constantFrom('2', '2.0', '0x2', '!!int "2"', '3', '02');
    const notes = fc.constantFrom('a', '"a"', "'a'", '"a "', '"a\\r\\n"', '"a\\n"', '"1"', '"1.0"', '"01"', '!!str 1', '"-0"', '"0"', 'null');
    const maxD = fc.constantFrom('0', '-0', '0.0', '5', '5.0', '1e0', '1', '9007199254740993', '9007199254740992');
    const sw = fc.constantFrom('lab-net', '"lab-net"', 'null', '"null"', '~', "'~'");
    const order = fc.boolean();
    const where = fc.constantFrom('vm', 'defaults');
    const seen = new Map<string, string>();
    fc.assert(
      fc.property(cpus, notes, maxD, sw, order, where, (cp, nt, md, s, swap, place) => {
        const vmLines = [`    notes: ${nt}`, `    switch: ${s}`];
        const vmField = `    cpus: ${cp}`;
        const defaults = place === 'defaults' ? `defaults: { path: 'D:\\vms', memory: 1GB, cpus: ${cp} }` : "defaults: { path: 'D:\\vms', memory: 1GB }";
        const vm = ['  - name: v', ...(place === 'vm' ? [vmField] : []), ...(swap ? vmLines.reverse() : vmLines)];
        const text = ['version: 1', 'project: p', defaults, `policy: { maxDisruptive: ${md} }`, 'vms:', ...vm, ''].join('\n');
        let c: Config;
        try {
          c = parse(text);
        } catch (e) {
          if (isHvcError(e) && e.reason === 'invalid-config') return true; // e.g. notes: null
          throw e;
        }
        const h = configHash(c);
        const r = resolvedHash(c);
        const before = seen.get(h);
        if (before !== undefined) expect(r).toBe(before);
        else seen.set(h, r);
        return true;
      }),
      { numRuns: 400, seed: 17 },
    );
  });
});

describe('ssh.hostKeys keyed __proto__ (a VM may be named __proto__)', () => {
  const doc = (key: string) => `version: 1
project: lab
defaults: { cpus: 2, memory: 2GB, path: 'D:\\vms' }
ssh: { user: ubuntu, privateKeyEnv: KEY, hostKeys: { __proto__: "${key}" } }
vms:
  - name: __proto__
`;
  const accepted = (key: string): Config | null => {
    try {
      return parse(doc(key));
    } catch (e) {
      if (isHvcError(e) && e.reason === 'invalid-config') return null;
      throw e;
    }
  };
  it('a pinned key written for VM __proto__ is pinned (or the file is refused), never dropped silently', () => {
    const c = accepted('ssh-ed25519 AAAApinned');
    if (c === null) return; // refusing the name is fine
    expect(c.vms[0]!.ssh?.hostKey ?? null).toBe('ssh-ed25519 AAAApinned');
  });
  it('changing that pinned key changes configHash ("every value written does" count)', () => {
    const a = accepted('ssh-ed25519 AAAAkeyA');
    const b = accepted('ssh-ed25519 AAAAkeyB');
    if (a === null || b === null) return;
    expect(configHash(a)).not.toBe(configHash(b));
  });
});

describe('seed files (cloudInit: { file }) count by content', () => {
  const cfg = (userData: string, n = 1) =>
    `version: 1\nproject: lab\ndefaults: { cpus: 2, memory: 2GB, path: 'D:\\vms' }\nvms:\n` +
    Array.from({ length: n }, (_, i) => `  - name: v${i}\n    cloudInit: { userData: ${userData} }\n`).join('');

  it('a seed file changed on disk between two loads gives another configHash and the new content', () => {
    const dir = work();
    writeFileSync(join(dir, 'vms.yaml'), cfg('{ file: user.yaml }'));
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\nhostname: one\n');
    const a = loadConfig(join(dir, 'vms.yaml')).config;
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\nhostname: two\n');
    const b = loadConfig(join(dir, 'vms.yaml')).config;
    expect(b.vms[0]!.cloudInit!.userData).toBe('#cloud-config\nhostname: two\n');
    expect(configHash(a)).not.toBe(configHash(b));
    // CRLF in the file is content too.
    writeFileSync(join(dir, 'user.yaml'), '#cloud-config\r\nhostname: two\r\n');
    const c = loadConfig(join(dir, 'vms.yaml')).config;
    expect(c.vms[0]!.cloudInit!.userData).toBe('#cloud-config\r\nhostname: two\r\n');
    expect(configHash(c)).not.toBe(configHash(b));
  });

  it('a file referenced by two VMs counts for both; the file and its text written inline are one version', () => {
    const dir = work();
    const text = '#cloud-config\nhostname: same\n';
    writeFileSync(join(dir, 'user.yaml'), text);
    writeFileSync(join(dir, 'vms.yaml'), cfg('{ file: user.yaml }', 2));
    writeFileSync(join(dir, 'inline.yaml'), cfg(JSON.stringify(text), 2));
    const byFile = loadConfig(join(dir, 'vms.yaml')).config;
    const inline = loadConfig(join(dir, 'inline.yaml')).config;
    expect(byFile.vms.map((v) => v.cloudInit!.userData)).toEqual([text, text]);
    expect(configHash(byFile)).toBe(configHash(inline));
    expect(resolvedHash(byFile)).toBe(resolvedHash(inline));
  });

  it('the same document read through a symbolic link to the file: the hash follows the seed it reads', () => {
    const dir = work();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'real', 'vms.yaml'), cfg('{ file: user.yaml }'));
    writeFileSync(join(dir, 'real', 'user.yaml'), '#cloud-config\nhostname: real\n');
    writeFileSync(join(dir, 'other', 'user.yaml'), '#cloud-config\nhostname: other\n');
    symlinkSync(join(dir, 'real', 'vms.yaml'), join(dir, 'other', 'vms.yaml'));
    const real = loadConfig(join(dir, 'real', 'vms.yaml')).config;
    const linked = loadConfig(join(dir, 'other', 'vms.yaml')).config;
    // Whichever seed a load reads, the hash is that content's: equal hash iff equal resolution.
    expect(configHash(real) === configHash(linked)).toBe(resolvedHash(real) === resolvedHash(linked));
  });

  it('a configuration in a folder reached through a symbolic link loads its seed file next to it', () => {
    const dir = work();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'vms.yaml'), cfg('{ file: user.yaml }'));
    writeFileSync(join(dir, 'real', 'user.yaml'), '#cloud-config\nhostname: real\n');
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const direct = loadConfig(join(dir, 'real', 'vms.yaml')).config;
    // The same folder, the same files: the symbolic link is in the path to the folder, not to the seed.
    const viaLink = loadConfig(join(dir, 'link', 'vms.yaml')).config;
    expect(configHash(viaLink)).toBe(configHash(direct));
  });
});

describe('values JSON cannot hold: a located invalid-config, never an internal error', () => {
  const head = "version: 1\nproject: lab\ndefaults: { cpus: 2, memory: 2GB, path: 'D:\\vms' }\n";
  const cases: Record<string, string> = {
    'version: .nan': 'version: .nan\nproject: lab\nvms: []\n',
    'the document itself .inf': '.inf\n',
    'cpus: .nan': head + 'vms:\n  - name: a\n    cpus: .nan\n',
    'cpus: -.inf': head + 'vms:\n  - name: a\n    cpus: -.inf\n',
    'maxDisruptive: .inf': head + 'policy: { maxDisruptive: .inf }\nvms: []\n',
    'a VM that is .nan': head + 'vms: [.nan]\n',
    'hostKeys value .nan': head + 'ssh: { user: u, privateKeyEnv: K, hostKeys: { a: .nan } }\nvms:\n  - name: a\n',
    'integrationServices value .inf': head + 'vms:\n  - name: a\n    integrationServices: { "84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47": .inf }\n',
    'memory mapping startup .nan': head + 'vms:\n  - name: a\n    memory: { startup: .nan }\n',
    'disk size .inf': head + 'vms:\n  - name: a\n    disk: { size: .inf }\n',
    'userData .nan': head + 'vms:\n  - name: a\n    cloudInit: { userData: .nan }\n',
    'seed file name .nan': head + 'vms:\n  - name: a\n    cloudInit: { userData: { file: .nan } }\n',
    'nat subnet .nan': head + 'switches: [{ name: s, type: Internal, nat: { subnet: .nan } }]\nvms: []\n',
    'a NaN key in hostKeys': head + 'ssh: { user: u, privateKeyEnv: K, hostKeys: { .nan: "ssh-ed25519 AAAA" } }\nvms:\n  - name: a\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      let thrown: unknown = null;
      try {
        parse(text);
      } catch (e) {
        thrown = e;
      }
      expect(isHvcError(thrown)).toBe(true);
      const e = thrown as { reason: string; problems: Array<{ line?: number; message: string }> };
      expect(e.reason).toBe('invalid-config');
      expect(e.problems.length).toBeGreaterThan(0);
      for (const p of e.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    });
  }
});

describe('the document hash is bounded by the document (input-limits.ts: never gigabytes)', () => {
  // One 1 MiB seed text, anchored once and aliased by every other VM: a 1 MiB file. A scalar alias
  // counts as one value toward MAX_CONFIG_VALUES, but the document hash prints the text once per VM.
  const aliased = (n: number): string => {
    const big = '#cloud-config\nhostname: a\n# ' + 'x'.repeat(1_048_000) + '\n';
    let s = "version: 1\nproject: lab\ndefaults: { cpus: 2, memory: 2GB, path: 'D:\\vms' }\nvms:\n";
    s += `  - name: v0\n    cloudInit: &ci { userData: ${JSON.stringify(big)} }\n`;
    for (let i = 1; i < n; i++) s += `  - name: v${i}\n    cloudInit: *ci\n`;
    return s;
  };
  it('reading a 1 MiB file of 60 VMs sharing one aliased seed prints at most a few times the file', () => {
    const text = aliased(60);
    const before = counters.printedChars;
    const c = parse(text);
    expect(c.vms).toHaveLength(60);
    // 64d6ffd's parseConfig printed nothing here; the document hash prints the seed 60 times (63 MB).
    expect(counters.printedChars - before).toBeLessThanOrEqual(4 * text.length);
  });
  it('reading a 4 KB file whose 60 VMs each name one 1 MiB seed file prints at most a few times what was read', () => {
    const dir = work();
    const seed = '#cloud-config\nhostname: a\n# ' + 'x'.repeat(1_048_000) + '\n';
    writeFileSync(join(dir, 'user.yaml'), seed);
    let s = "version: 1\nproject: lab\ndefaults: { cpus: 2, memory: 2GB, path: 'D:\\vms' }\nvms:\n";
    for (let i = 0; i < 60; i++) s += `  - name: v${i}\n    cloudInit: { userData: { file: user.yaml } }\n`;
    writeFileSync(join(dir, 'vms.yaml'), s);
    const before = counters.printedChars;
    expect(loadConfig(join(dir, 'vms.yaml')).config.vms).toHaveLength(60);
    // The distinct input is the file and one seed file: 1 MiB. The document hash prints 60 MiB.
    expect(counters.printedChars - before).toBeLessThanOrEqual(4 * (s.length + seed.length));
  });
});

describe('a Config from parseConfig used as a value (docs/config.md shows parseConfig as an API)', () => {
  it('a copy loses the document hash and is hashed resolved (types.ts: "a copy loses it")', () => {
    const c = parse(BASE);
    expect(configHash({ ...c })).toBe(resolvedHash(c));
    expect(configHash(structuredClone(c))).toBe(resolvedHash(c));
  });
});
