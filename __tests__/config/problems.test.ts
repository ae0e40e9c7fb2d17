// Every rule of the configuration has a failing case here, asserting where the problem is reported
// (file, line, column, path) and what it says. Positions are computed from the fixture text itself.
import { describe, expect, it } from '@jest/globals';
import { HvcError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/core/config/load.js';
import { SECRET_MESSAGE } from '../../src/core/config/rules.js';
import { after, at, doc, fixture, problemsOf, where } from './helpers.js';

describe('all problems at once', () => {
  it('a document with 4 mistakes yields exactly 4 located problems, in file order', () => {
    const text = fixture('four-mistakes.yaml');
    let error: unknown;
    try {
      parseConfig(text, 'four-mistakes.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HvcError);
    const e = error as HvcError;
    expect(e.reason).toBe('invalid-config');
    expect(e.problems).toHaveLength(4);
    expect(e.message).toMatch(/four-mistakes\.yaml is not a valid configuration: 4 problems/);
    expect(e.problems.map((p) => p.path)).toEqual(['/vms/0/memroy', '/vms/1/cpus', '/vms/2/state', '/vms/3/memory/minimum']);
    expect(e.problems.every((p) => p.file === 'four-mistakes.yaml')).toBe(true);

    expect(e.problems[0]).toMatchObject({ ...where(text, 'memroy'), hint: "did you mean 'memory'?" });
    expect(e.problems[0]!.message).toContain("unknown key 'memroy'");
    expect(e.problems[1]).toMatchObject({ ...after(text, 'cpus: ', 1), expected: 'an integer from 1 to 240' });
    expect(e.problems[1]!.message).toContain('0 is out of range');
    expect(e.problems[2]).toMatchObject({ ...where(text, 'runing'), hint: "did you mean 'running'?", expected: 'one of running, stopped, absent' });
    expect(e.problems[3]).toMatchObject(where(text, '2GB }'));
    expect(e.problems[3]!.message).toMatch(/minimum 2GB is above startup 1GB/);
  });

  it('problems from the YAML layer (duplicate keys), the schema and the rules come together', () => {
    const text = fixture('duplicate-keys.yaml');
    const problems = problemsOf(text, 'duplicate-keys.yaml');
    expect(problems).toHaveLength(3);
    const cpus = at(problems, '/vms/0/cpus');
    expect(cpus).toMatchObject({ file: 'duplicate-keys.yaml', ...where(text, 'cpus', 2) });
    expect(cpus.message).toBe("duplicate key 'cpus' (first written at line 9); YAML keys must be unique");
    const project = at(problems, '/project');
    expect(project).toMatchObject({ line: 14, column: 1 });
    expect(project.message).toContain('first written at line 2');
    expect(at(problems, '/vms/1/polcy')).toMatchObject({ ...where(text, 'polcy') });
  });
});

describe('YAML syntax', () => {
  it('a syntax error is located from js-yaml’s mark, and is the only problem reported', () => {
    const problems = problemsOf(fixture('syntax-error.yaml'), 'syntax-error.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'syntax-error.yaml', line: 6, column: 3 });
    expect(problems[0]!.message).toMatch(/^YAML syntax error: /);
  });

  it('a tab used for indentation is located', () => {
    const p = problemsOf('version: 1\nproject: lab\nvms:\n\t- name: a\n');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 4, column: 1 });
  });

  it('an empty file, a comment-only file and a bare null say the file holds no configuration', () => {
    for (const text of ['', '# nothing here\n', '~\n']) {
      const p = problemsOf(text);
      expect(p).toEqual([expect.objectContaining({ line: 1, column: 1, message: 'the file holds no configuration' })]);
    }
  });

  it('a second YAML document is refused at its first line', () => {
    const text = 'version: 1\nproject: lab\nvms: []\n---\nversion: 1\n';
    const p = problemsOf(text);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 5, column: 1 });
    expect(p[0]!.message).toContain('more than one YAML document');
  });

  it('a document that is not a mapping is a type problem at the top', () => {
    const p = problemsOf('- a\n- b\n');
    expect(at(p, '')).toMatchObject({ line: 1, column: 1 });
    expect(at(p, '').message).toContain('has the wrong type: a list');
  });
});

describe('errors deep inside vms[3].memory and friends', () => {
  const text = fixture('deep-errors.yaml');
  const problems = problemsOf(text, 'deep-errors.yaml');

  it('reports exactly the planted problems', () => {
    expect(problems.map((p) => p.path).sort()).toEqual(['/vms/3/memory/maximum', '/vms/3/memory/minimum', '/vms/4/memory/minimun', '/vms/5/memory'].sort());
  });

  it('each violated dynamic-memory bound is located at its own value and names both values', () => {
    const min = at(problems, '/vms/3/memory/minimum');
    expect(min).toMatchObject({ file: 'deep-errors.yaml', ...where(text, '3GB') });
    expect(min.message).toBe('memory minimum 3GB is above startup 2GB: dynamic memory needs minimum ≤ startup ≤ maximum');
    const max = at(problems, '/vms/3/memory/maximum');
    expect(max).toMatchObject(where(text, '1GB'));
    expect(max.message).toBe('memory maximum 1GB is below startup 2GB: dynamic memory needs minimum ≤ startup ≤ maximum');
    expect(max.expected).toBe('at least 2GB');
  });

  it('a misspelt key in a flow mapping is located at the key, with did-you-mean', () => {
    const p = at(problems, '/vms/4/memory/minimun');
    expect(p).toMatchObject({ ...where(text, 'minimun'), hint: "did you mean 'minimum'?" });
    expect(p.message).toBe("unknown key 'minimun' in 'memory'");
  });

  it('a number where a size is expected: located at the value, says what is expected, suggests a unit', () => {
    const p = at(problems, '/vms/5/memory');
    expect(p).toMatchObject(where(text, '4096'));
    expect(p.message).toBe("'memory' has the wrong type: 4096");
    expect(p.expected).toContain('a size with a unit');
    expect(p.expected).toContain('a mapping with keys startup, minimum, maximum, dynamic');
    expect(p.hint).toBe("sizes need a unit, such as '4096MB' or '4096GB'");
  });
});

describe('unknown keys and did-you-mean', () => {
  it('suggests the closest allowed key at each level, case-insensitively, with transpositions', () => {
    const text = [
      'version: 1',
      'projct: lab',
      'host: { concurency: 3 }',
      'policy:',
      '  alowRestart: true',
      'ssh: { user: u, privateKeyEnv: K, hosts: { snyc: true } }',
      'defaults: { SecureBoot: false, cpus: 1, memory: 1GB, path: C:\\v }',
      'vms:',
      '  - name: a',
      '    swtich: External',
      '    disk: { stratgy: copy }',
      '    zzz: 1',
    ].join('\n');
    const p = problemsOf(text);
    const hints = Object.fromEntries(p.map((x) => [x.path, x.hint]));
    expect(hints).toEqual({
      '/projct': "did you mean 'project'?",
      '/project': "Ownership namespace, written into each VM's Notes; only VMs carrying it are ever changed or removed.", // missing: hint from the schema
      '/host/concurency': "did you mean 'concurrency'?",
      '/policy/alowRestart': "did you mean 'allowRestart'?",
      '/ssh/hosts/snyc': "did you mean 'sync'?",
      '/defaults/SecureBoot': "did you mean 'secureBoot'?",
      '/vms/0/swtich': "did you mean 'switch'?",
      '/vms/0/disk/stratgy': "did you mean 'strategy'?",
      '/vms/0/zzz': undefined,
    });
    expect(at(p, '/host/concurency')).toMatchObject(where(text, 'concurency'));
    expect(at(p, '/vms/0/zzz').expected).toContain('one of name, state, generation, cpus, memory');
    expect(at(p, '/project').message).toBe("missing required key 'project' at the top level");
  });

  it('a key written at the wrong level says where it belongs', () => {
    const p = problemsOf(doc('  - name: a\n', 'allowRestart: true\n'));
    expect(at(p, '/allowRestart').hint).toBe("'allowRestart' is a key of 'policy'");
  });

  it('name in defaults is refused with its own reason', () => {
    const text = 'version: 1\nproject: lab\ndefaults: { name: x }\nvms: []\n';
    const p = at(problemsOf(text), '/defaults/name');
    expect(p).toMatchObject(where(text, 'name'));
    expect(p.message).toBe("'name' cannot have a default: every VM names itself");
  });

  it('YAML merge keys are not read (and say so)', () => {
    const p = problemsOf(doc('  - &base\n    name: a\n  - <<: *base\n    name: b\n'));
    expect(at(p, '/vms/1/<<').hint).toContain('merge keys are not supported');
  });
});

describe('wrong types and ranges', () => {
  const text = [
    'version: 1',
    'project: lab',
    'host: { concurrency: 2.5, operationTimeout: 5 }',
    'policy: { protect: "prod-*", allowRestart: yes, maxDisruptive: -1, stopTimeout: 4000 }',
    'defaults: { cpus: 1, memory: 1GB, path: C:\\v }',
    'vms:',
    '  - name: a',
    '    cpus: "4"',
    '    generation: 3',
    '    switch: 42',
    '    ssh: true',
    '  - just a string',
  ].join('\n');
  const p = problemsOf(text);

  it('each is located at the value with what was expected', () => {
    expect(at(p, '/host/concurrency')).toMatchObject({ ...where(text, '2.5'), expected: 'an integer from 1 to 32' });
    expect(at(p, '/host/operationTimeout')).toMatchObject({ ...after(text, 'operationTimeout: '), expected: 'an integer from 10 to 7200' });
    expect(at(p, '/policy/protect')).toMatchObject({ ...where(text, '"prod-*"'), expected: 'a list' });
    expect(at(p, '/policy/allowRestart')).toMatchObject({ ...where(text, 'yes'), expected: 'true or false' });
    expect(at(p, '/policy/allowRestart').hint).toBe("YAML 1.2 reads 'yes' as text, not a boolean: write true or false");
    expect(at(p, '/policy/maxDisruptive')).toMatchObject({ ...where(text, '-1'), expected: 'an integer of at least 0' });
    expect(at(p, '/policy/stopTimeout')).toMatchObject({ ...where(text, '4000'), expected: 'an integer from 5 to 3600' });
    expect(at(p, '/vms/0/cpus')).toMatchObject({ ...where(text, '"4"'), message: "'cpus' has the wrong type: '4'" });
    expect(at(p, '/vms/0/generation')).toMatchObject({ ...after(text, 'generation: '), expected: 'one of 1, 2' });
    expect(at(p, '/vms/0/switch')).toMatchObject({ ...where(text, '42'), hint: 'YAML read this as a number or boolean: put it in quotes to keep it text' });
    expect(at(p, '/vms/0/ssh')).toMatchObject({ ...after(text, 'ssh: '), expected: 'false, or a mapping with keys user, port, hostKey, sync', message: "'ssh' true is not allowed" });
    expect(at(p, '/vms/1')).toMatchObject({ ...where(text, 'just a string') });
    expect(p).toHaveLength(11);
  });

  it('a key written without a value points at the key and says so', () => {
    const text2 = 'version: 1\nproject: lab\nhost:\nvms: []\n';
    const q = at(problemsOf(text2), '/host');
    expect(q).toMatchObject({ line: 3, column: 1 });
    expect(q.hint).toBe('the key is written without a value; give it one or remove the key');
  });

  it('version and project', () => {
    const text2 = 'version: 2\nproject: My_Lab\nvms: []\n';
    const q = problemsOf(text2);
    expect(at(q, '/version')).toMatchObject({ line: 1, column: 10, expected: '1' });
    expect(at(q, '/project')).toMatchObject({ line: 2, column: 10 });
    expect(at(q, '/project').expected).toContain('lower-case letters');
    const long = 'a'.repeat(41);
    expect(at(problemsOf(`version: 1\nproject: ${long}\nvms: []\n`), '/project').message).toContain(long);
  });

  it('missing required keys: at the top, and in ssh', () => {
    const q = problemsOf('project: lab\nssh: { user: ubuntu }\n');
    expect(at(q, '/version')).toMatchObject({ line: 1, column: 1, message: "missing required key 'version' at the top level" });
    expect(at(q, '/vms')).toMatchObject({ line: 1, column: 1 });
    expect(at(q, '/ssh/privateKeyEnv')).toMatchObject({ ...where('project: lab\nssh: { user: ubuntu }\n', '{'), message: "missing required key 'privateKeyEnv' in 'ssh'" });
  });
});

describe('sizes and Hyper-V memory', () => {
  it('memory must be a multiple of 2MB and at least 32MB; sizes need an upper-case unit', () => {
    const text = doc(
      [
        '  - name: a',
        '    memory: 1025MB',
        '  - name: b',
        '    memory: 16MB',
        '  - name: c',
        '    memory: 2gb',
        '  - name: d',
        '    memory: lots',
        '  - name: e',
        '    memory: { startup: 1.5GB }', // 1536MB: fine
        '  - name: f',
        '    memory: { startup: 3MB, maximum: 31MB }',
        '',
      ].join('\n'),
    );
    const p = problemsOf(text);
    expect(at(p, '/vms/0/memory')).toMatchObject({ ...where(text, '1025MB'), hint: "did you mean '1024MB' or '1026MB'?", expected: 'a multiple of 2MB' });
    expect(at(p, '/vms/0/memory').message).toBe('memory 1025MB is not a multiple of 2MB (Hyper-V allocates memory in 2MB units)');
    expect(at(p, '/vms/1/memory').message).toBe("memory 16MB is below Hyper-V's minimum of 32MB");
    expect(at(p, '/vms/2/memory')).toMatchObject({ ...where(text, '2gb'), message: "memory '2gb' is not a size", hint: "did you mean '2GB'?" });
    expect(at(p, '/vms/3/memory').message).toBe("memory 'lots' is not a size");
    expect(at(p, '/vms/5/memory/startup').message).toBe("memory startup 3MB is below Hyper-V's minimum of 32MB");
    expect(at(p, '/vms/5/memory/maximum').message).toBe('memory maximum 31MB is below Hyper-V\'s minimum of 32MB');
    expect(p).toHaveLength(6);
  });

  it('dynamic: false with bounds is contradictory', () => {
    const text = doc('  - name: a\n    memory: { startup: 2GB, minimum: 1GB, dynamic: false }\n');
    const p = at(problemsOf(text), '/vms/0/memory/dynamic');
    expect(p).toMatchObject(where(text, 'false'));
    expect(p.message).toContain('dynamic: false, but minimum is given');
  });

  it('disk sizes: positive, at most 64TB, a size', () => {
    const text = doc('  - name: a\n    disk: { size: 0GB }\n  - name: b\n    disk: { size: 65TB }\n  - name: c\n    disk: { size: 40 }\n');
    const p = problemsOf(text);
    expect(at(p, '/vms/0/disk/size').message).toBe('disk size 0GB must be greater than 0');
    expect(at(p, '/vms/1/disk/size').message).toBe('disk size 65TB is above the 64TB a VHDX can hold');
    expect(at(p, '/vms/2/disk/size')).toMatchObject({ ...where(text, '40 }'), hint: "sizes need a unit, such as '40MB' or '40GB'" });
  });
});

describe('VM names', () => {
  const text = fixture('names.yaml');
  const problems = problemsOf(text, 'names.yaml');
  const reason = (i: number): string => at(problems, `/vms/${i}/name`).message;

  it('refuses wildcard, escape, path and control characters, surrounding whitespace and a trailing dot, each with its reason', () => {
    expect(reason(0)).toMatch(/^VM name 'web\*' is not allowed: '\*' is a wildcard character: Get-VM -Name would treat the name as a pattern/);
    expect(reason(1)).toContain("'?' is a wildcard character");
    expect(reason(2)).toContain("'[' is a wildcard character");
    expect(reason(3)).toContain("'`' is PowerShell's wildcard escape character");
    for (const [i, ch] of [[4, '\\'], [5, '/'], [6, ':'], [7, '"'], [8, '<'], [9, '|']] as const) {
      expect(reason(i)).toContain(`'${ch}' cannot appear in a Windows file or folder name`);
    }
    expect(reason(10)).toContain('control character U+000A');
    expect(reason(10)).toContain("'line\\u000abreak'"); // printed escaped, not as a raw newline
    expect(reason(11)).toContain('control character U+0009');
    expect(reason(12)).toContain('cannot start or end with whitespace');
    expect(reason(13)).toContain('cannot start or end with whitespace');
    expect(reason(14)).toContain('cannot end with a dot');
    expect(reason(15)).toContain('cannot be empty');
  });

  it('locates each at the name’s value, and reports nothing else for them', () => {
    expect(at(problems, '/vms/0/name')).toMatchObject({ file: 'names.yaml', ...where(text, '"web*"') });
    expect(at(problems, '/vms/4/name')).toMatchObject(where(text, "'back\\slash'"));
    expect(at(problems, '/vms/10/name')).toMatchObject(where(text, '"line\\nbreak"'));
    expect(problems.filter((p) => p.path !== '/vms/19/name')).toHaveLength(16);
  });

  it('allows $(), ;, quotes and non-ASCII letters: they are data', () => {
    expect(problems.some((p) => p.path === '/vms/16/name' || p.path === '/vms/17/name' || p.path === '/vms/18/name')).toBe(false);
  });

  it('duplicate names compare case-insensitively: reported at the later one, naming the first’s line', () => {
    const dup = at(problems, '/vms/19/name');
    expect(dup).toMatchObject(where(text, 'WEB-1'));
    expect(dup.message).toBe(`duplicate VM name 'WEB-1': 'Web-1' is already declared at line ${where(text, 'Web-1').line} (Hyper-V compares names case-insensitively)`);
  });

  it('names longer than 100 characters are refused; 100 is fine', () => {
    const p = problemsOf(doc(`  - name: ${'a'.repeat(101)}\n  - name: ${'b'.repeat(100)}\n`));
    expect(p).toHaveLength(1);
    expect(at(p, '/vms/0/name').message).toContain('at most 100 characters');
  });

  it('a number as a name says to quote it', () => {
    expect(at(problemsOf(doc('  - name: 007\n')), '/vms/0/name').hint).toBe('YAML read this as a number or boolean: put it in quotes to keep it text');
  });
});

describe('secrets are never inline', () => {
  it('any key named privateKey, password, passphrase, token or secret is refused at the key, wherever it is', () => {
    const text = fixture('secrets.yaml');
    const p = problemsOf(text, 'secrets.yaml');
    const paths = ['/token', '/defaults/secret', '/ssh/privateKey', '/vms/0/password', '/vms/0/ssh/passphrase'];
    expect(p.map((x) => x.path).sort()).toEqual([...paths].sort()); // no extra "unknown key" for the same places
    for (const path of paths) {
      expect(at(p, path).message).toBe(SECRET_MESSAGE);
      expect(SECRET_MESSAGE).toBe('secrets are never written in the file; put the key in an environment variable and name it in privateKeyEnv');
    }
    expect(at(p, '/token')).toMatchObject(where(text, 'token'));
    expect(at(p, '/ssh/privateKey')).toMatchObject(where(text, 'privateKey:'));
    expect(at(p, '/vms/0/ssh/passphrase')).toMatchObject(where(text, 'passphrase'));
    expect(p.every((x) => !JSON.stringify(x).includes('hunter2') && !JSON.stringify(x).includes('s3cr3t'))).toBe(true);
  });

  it('case does not hide a secret; a VM named like one may still be pinned in hostKeys', () => {
    const text = doc('  - name: token\n    PassWord: x\n', 'ssh:\n  user: u\n  privateKeyEnv: K\n  hostKeys: { token: ssh-ed25519 AAAA }\n');
    const p = problemsOf(text);
    expect(p.map((x) => x.path)).toEqual(['/vms/0/PassWord']);
  });
});

describe('notes, MACs, paths, generation', () => {
  it('notes may not contain the ownership marker prefix', () => {
    const text = doc('  - name: a\n    notes: "copied from hyperv-converge:lab:abc"\n');
    const p = at(problemsOf(text), '/vms/0/notes');
    expect(p).toMatchObject(where(text, '"copied'));
    expect(p.message).toContain("notes may not contain 'hyperv-converge:'");
  });

  it('MACs: malformed, multicast, all zeros, duplicated (after normalizing)', () => {
    const text = doc(
      [
        '  - name: a',
        '    mac: 00-15-5D-01-02',
        '  - name: b',
        '    mac: 01:00:5E:00:00:FB',
        '  - name: c',
        '    mac: "000000000000"',
        '  - name: d',
        '    mac: 00-15-5d-aa-bb-cc',
        '  - name: e',
        '    mac: 00155DAABBCC',
        '  - name: f',
        '    mac: 00-15:5D-01-02-03',
        '',
      ].join('\n'),
    );
    const p = problemsOf(text);
    expect(at(p, '/vms/0/mac').message).toBe("'00-15-5D-01-02' is not a MAC address");
    expect(at(p, '/vms/1/mac').message).toContain('is a multicast address');
    expect(at(p, '/vms/2/mac').message).toContain('all zeros');
    expect(at(p, '/vms/4/mac')).toMatchObject(where(text, '00155DAABBCC'));
    expect(at(p, '/vms/4/mac').message).toBe(`MAC 00155DAABBCC is already used by VM 'd' (line ${where(text, '00-15-5d-aa').line}); two adapters with one address break the network`);
    expect(at(p, '/vms/5/mac').message).toBe("'00-15:5D-01-02-03' is not a MAC address");
    expect(p).toHaveLength(5);
  });

  it('a MAC of digits only is read by YAML as a number: the hint says to quote it', () => {
    const p = at(problemsOf(doc('  - name: a\n    mac: 001500000001\n')), '/vms/0/mac');
    expect(p.hint).toBe('YAML read this as a number or boolean: put it in quotes to keep it text');
  });

  it('a MAC in defaults shared by several VMs is reported once, at defaults', () => {
    const text = 'version: 1\nproject: lab\ndefaults: { cpus: 1, memory: 1GB, path: C:\\v, mac: 00155D000001 }\nvms:\n  - name: a\n  - name: b\n  - name: c\n';
    const p = problemsOf(text);
    expect(p).toHaveLength(1);
    expect(at(p, '/defaults/mac')).toMatchObject(where(text, '00155D000001'));
  });

  it('paths must be absolute Windows paths; images .vhdx/.vhd', () => {
    const text = doc('  - name: a\n    path: /srv/vms\n    image: D:\\iso\\ubuntu.iso\n  - name: b\n    path: vms\\lab\n    image: images\\x.vhdx\n  - name: c\n    path: C:\\vms\\a|b\n');
    const p = problemsOf(text);
    expect(at(p, '/vms/0/path')).toMatchObject({ ...where(text, '/srv/vms'), message: "path '/srv/vms' is not an absolute Windows path" });
    expect(at(p, '/vms/0/path').hint).toContain('not on the runner');
    expect(at(p, '/vms/0/image').message).toBe("image 'D:\\iso\\ubuntu.iso' is not a .vhdx or .vhd file");
    expect(at(p, '/vms/1/path').message).toBe("path 'vms\\lab' is not an absolute Windows path");
    expect(at(p, '/vms/1/image').message).toBe("image 'images\\x.vhdx' is not an absolute Windows path");
    expect(at(p, '/vms/2/path').message).toContain("contains '|'");
    expect(p).toHaveLength(5);
  });

  it('secureBoot: true on generation 1 is refused where it is written, naming where the other half comes from', () => {
    const text = 'version: 1\nproject: lab\ndefaults: { cpus: 1, memory: 1GB, path: C:\\v, secureBoot: true }\nvms:\n  - name: own\n    generation: 1\n    secureBoot: true\n  - name: inherits\n    generation: 1\n  - name: fine\n    generation: 1\n    secureBoot: false\n';
    const p = problemsOf(text);
    expect(p).toHaveLength(2);
    expect(at(p, '/vms/0/secureBoot')).toMatchObject(where(text, 'true', 1));
    expect(at(p, '/vms/0/secureBoot').message).toBe("secure boot exists only on generation 2 VMs, but VM 'own' is generation 1 with secureBoot: true");
    expect(at(p, '/vms/1/generation')).toMatchObject(after(text, 'generation: ', 1));
    expect(at(p, '/vms/1/generation').message).toContain('(from defaults, line 3)');
    expect(at(p, '/vms/1/generation').hint).toBe('set secureBoot: false on this VM, or use generation 2');
  });
});

describe('remote host and UNC images (Kerberos second hop)', () => {
  it('a UNC image in defaults is reported once, at defaults; a drive-letter image is fine', () => {
    const text = "version: 1\nproject: lab\nhost: { computerName: HV01 }\ndefaults: { cpus: 1, memory: 1GB, path: 'D:\\vms', image: '\\\\srv\\img\\b.vhdx' }\nvms:\n  - name: a\n  - name: b\n  - name: c\n    image: 'D:\\img\\c.vhdx'\n";
    const p = problemsOf(text);
    expect(p.map((x) => x.path)).toEqual(['/defaults/image']);
    expect(at(p, '/defaults/image').hint).toMatch(/^copy the image to a local path on HV01 .*CredSSP/);
  });
});

describe('required after merge, host keys, VM ssh', () => {
  it('cpus, memory and path missing from both the VM and defaults are reported at the VM item', () => {
    const text = 'version: 1\nproject: lab\ndefaults: { memory: 1GB }\nvms:\n  - name: a\n    cpus: 1\n  - name: b\n';
    const p = problemsOf(text);
    expect(p.map((x) => x.path)).toEqual(['/vms/0/path', '/vms/1/cpus', '/vms/1/path']);
    expect(at(p, '/vms/1/cpus')).toMatchObject({ line: 7, column: 5, message: "VM 'b' has no cpus: set it on the VM or in defaults" });
  });

  it('hostKeys must name VMs of this file (case-insensitively), with did-you-mean', () => {
    const text = doc('  - name: web-1\n  - name: db-1\n', 'ssh:\n  user: u\n  privateKeyEnv: K\n  hostKeys:\n    WEB-1: ssh-ed25519 AAAA\n    web-2: ssh-ed25519 AAAA\n    cache: ssh-rsa AAAA\n');
    const p = problemsOf(text);
    expect(p).toHaveLength(2);
    expect(at(p, '/ssh/hostKeys/web-2')).toMatchObject({ ...where(text, 'web-2'), hint: "did you mean 'web-1'?" });
    expect(at(p, '/ssh/hostKeys/web-2').message).toBe("ssh.hostKeys pins a key for 'web-2', which is not a VM of this file");
    expect(at(p, '/ssh/hostKeys/cache').hint).toBeUndefined();
  });

  it('one VM pinned twice under names differing in case is refused at the later', () => {
    const text = doc('  - name: web-1\n', 'ssh:\n  user: u\n  privateKeyEnv: K\n  hostKeys:\n    web-1: ssh-ed25519 AAAA\n    Web-1: ssh-ed25519 BBBB\n');
    const p = problemsOf(text);
    expect(p).toHaveLength(1);
    expect(at(p, '/ssh/hostKeys/Web-1')).toMatchObject({ ...where(text, 'Web-1'), message: "ssh.hostKeys names 'Web-1' and 'web-1', which are one VM (names are case-insensitive)" });
  });

  it('host key values must look like SSH public keys', () => {
    const text = doc('  - name: a\n', 'ssh:\n  user: u\n  privateKeyEnv: K\n  hostKeys: { a: "ssh-dss AAAA" }\n');
    const p = at(problemsOf(text), '/ssh/hostKeys/a');
    expect(p).toMatchObject(where(text, '"ssh-dss'));
    expect(p.expected).toContain('ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256/384/521');
  });

  it('two different pinned keys for one VM are a conflict', () => {
    const text = doc('  - name: a\n    ssh: { hostKey: ssh-rsa BBBB }\n', 'ssh:\n  user: u\n  privateKeyEnv: K\n  hostKeys: { a: ssh-ed25519 AAAA }\n');
    expect(at(problemsOf(text), '/vms/0/ssh/hostKey').message).toContain('different one in ssh.hostKeys');
  });

  it('VM-level ssh settings without the top-level ssh block are refused (ssh: false is fine)', () => {
    const text = 'version: 1\nproject: lab\ndefaults: { cpus: 1, memory: 1GB, path: C:\\v, ssh: { user: x } }\nvms:\n  - name: a\n    ssh: { port: 2 }\n  - name: b\n    ssh: false\n';
    const p = problemsOf(text);
    expect(p.map((x) => x.path)).toEqual(['/defaults/ssh', '/vms/0/ssh']);
    expect(at(p, '/vms/0/ssh')).toMatchObject(where(text, 'ssh', 1));
  });

  it('ssh needs privateKeyEnv to be an environment variable NAME', () => {
    const text = doc('  - name: a\n', 'ssh:\n  user: u\n  privateKeyEnv: "-----BEGIN KEY"\n');
    expect(at(problemsOf(text), '/ssh/privateKeyEnv').expected).toBe('the name of an environment variable (letters, digits and _, not starting with a digit)');
  });
});
