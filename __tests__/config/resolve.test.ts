// What a valid file resolves to: the full example field by field, the built-in defaults, and how
// defaults merge (disk and ssh key by key, memory and everything else replaced whole).
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHvcError, type HvcError } from '../../src/core/errors.js';
import { loadConfig, parseConfig } from '../../src/core/config/load.js';
import type { Config, DesiredVm } from '../../src/core/config/types.js';
import { FIXTURES, fixture, where } from './helpers.js';

/** The wider surface left unmanaged: what every VM resolves to when the file does not use it. */
const NO_SETTINGS = { tpm: null, secureBootTemplate: null, nestedVirtualization: null, checkpointType: null, automaticStartAction: null, automaticStartDelaySec: null, automaticStopAction: null, compatibilityForMigration: null, memoryWeight: null, memoryBuffer: null, firstBootDevice: null };

const GB = 2 ** 30;
const MB = 2 ** 20;

describe('the full example', () => {
  const text = fixture('full.yaml');
  const config = parseConfig(text, 'full.yaml');

  it('resolves every top-level section', () => {
    expect(config.version).toBe(1);
    expect(config.project).toBe('lab');
    expect(config.host).toEqual({ computerName: 'hv01.corp.example', concurrency: 4, operationTimeoutSec: 900 });
    expect(config.policy).toEqual({
      protect: ['prod-*', 'db-?'],
      allowRestart: true,
      allowTurnOff: false,
      maxDisruptive: 3,
      prune: false,
      checkpointBeforeDisruptive: true,
      stopTimeoutSec: 300,
    });
    expect(config.ssh).toEqual({
      user: 'ubuntu',
      port: 2222,
      privateKeyEnv: 'LAB_SSH_KEY',
      hostKeys: { 'web-1': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl' },
      knownHostsFile: '.hvc/lab_known_hosts',
      syncHosts: false,
      ipv6: true,
      discoveryTimeoutSec: 60,
    });
  });

  it('keeps the VM order of the file, with each VM’s source at its `- name` item', () => {
    expect(config.vms.map((v) => v.name)).toEqual(['web-1', 'db-1', 'legacy-1', 'old-1']);
    expect(config.vms.map((v) => v.source)).toEqual([where(text, 'name: web-1'), where(text, 'name: db-1'), where(text, 'name: legacy-1'), where(text, 'name: old-1')]);
  });

  it('resolves each VM completely (sizes in bytes, MAC normalized, defaults merged)', () => {
    const [web, db, legacy, old] = config.vms as [DesiredVm, DesiredVm, DesiredVm, DesiredVm];
    expect(web).toEqual({
      name: 'web-1',
      state: 'running',
      generation: 2,
      cpus: 4,
      memory: { dynamic: true, startupBytes: 2 * GB, minimumBytes: 1 * GB, maximumBytes: 4 * GB },
      secureBoot: true,
      switch: 'Default Switch',
      mac: '00155D010203',
      disk: { strategy: 'differencing', image: 'D:\\images\\ubuntu-24.04.vhdx', sizeBytes: 40 * GB, deleteOnDestroy: false },
      path: 'D:\\Hyper-V\\lab',
      notes: 'front end; owner: team-a',
      ssh: { user: 'ubuntu', port: 2222, hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl', syncHosts: true },
      adapters: [{ name: null, switch: 'Default Switch', mac: '00155D010203' }],
      adaptersListed: false, dataDisks: [], dvdDrives: [], cloudInit: null, integrationServices: {}, settings: NO_SETTINGS,
    });
    expect(db).toMatchObject({
      state: 'stopped',
      cpus: 2,
      memory: { dynamic: false, startupBytes: 4 * GB },
      disk: { strategy: 'copy', image: 'D:\\images\\ubuntu-24.04.vhdx', sizeBytes: 40 * GB, deleteOnDestroy: true },
      ssh: { user: 'postgres', port: 22, hostKey: null, syncHosts: true },
    });
    expect(legacy).toMatchObject({
      generation: 1,
      secureBoot: null,
      switch: null,
      disk: { strategy: 'differencing', image: 'E:\\images\\legacy.vhd', sizeBytes: null, deleteOnDestroy: false },
      path: '\\\\nas\\vms\\lab',
      ssh: null,
    });
    expect(old).toMatchObject({ state: 'absent', cpus: 2, memory: { dynamic: false, startupBytes: 2 * GB }, mac: null, notes: '' });
  });

  it('is plain data: survives a JSON round trip unchanged (what artifacts and hashes see)', () => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it('keeps each VM’s source out of its content: readable, but not a key JSON or the hash sees', () => {
    for (const vm of config.vms) {
      expect(vm.source).toEqual(expect.objectContaining({ line: expect.any(Number), column: expect.any(Number) }));
      expect(Object.keys(vm)).not.toContain('source');
      expect(JSON.stringify(vm)).not.toContain('"source"');
    }
  });

  it('parses the same with Windows line endings and a byte-order mark', () => {
    const crlf = '\uFEFF' + text.replace(/\n/g, '\r\n');
    expect(parseConfig(crlf, 'full.yaml')).toEqual(config);
  });
});

describe('built-in defaults', () => {
  it('fill every field the file leaves out', () => {
    const config = parseConfig(fixture('minimal.yaml'), 'minimal.yaml');
    const expected: Config = {
      version: 1,
      project: 'lab',
      host: { computerName: null, concurrency: 2, operationTimeoutSec: 600 },
      policy: {
        protect: ['prod-*'],
        allowRestart: false,
        allowTurnOff: false,
        maxDisruptive: 5,
        prune: false,
        checkpointBeforeDisruptive: false,
        stopTimeoutSec: 120,
      },
      ssh: null,
      switches: [],
      vms: [
        {
          name: 'web-1',
          state: 'running',
          generation: 2,
          cpus: 2,
          memory: { dynamic: false, startupBytes: 2 * GB },
          secureBoot: true,
          switch: null,
          mac: null,
          disk: { strategy: 'differencing', image: null, sizeBytes: null, deleteOnDestroy: false },
          path: 'D:\\Hyper-V\\lab',
          notes: '',
          ssh: null,
          adapters: [{ name: null, switch: null, mac: null }],
          adaptersListed: false, dataDisks: [], dvdDrives: [], cloudInit: null, integrationServices: {}, settings: NO_SETTINGS,
        },
      ],
    };
    expect(config).toEqual(expected);
    expect(config.vms[0]!.source).toEqual({ line: 4, column: 5 });
  });

  it('ssh defaults: port 22, known_hosts file, hosts sync on, no IPv6, 120 s discovery', () => {
    const c = parseConfig('version: 1\nproject: p\nssh: { user: ubuntu, privateKeyEnv: KEY }\nvms: []\n', 'x.yaml');
    expect(c.ssh).toEqual({ user: 'ubuntu', port: 22, privateKeyEnv: 'KEY', hostKeys: {}, knownHostsFile: null, syncHosts: true, ipv6: false, discoveryTimeoutSec: 120 });
    expect(c.vms).toEqual([]);
  });

  it('policy.protect: [] protects nothing (not the default)', () => {
    expect(parseConfig('version: 1\nproject: p\npolicy: { protect: [] }\nvms: []\n', 'x.yaml').policy.protect).toEqual([]);
  });
});

describe('defaults merging', () => {
  const config = parseConfig(fixture('merge.yaml'), 'merge.yaml');
  const vm = (name: string): DesiredVm => config.vms.find((v) => v.name === name)!;

  it('a VM that sets nothing inherits every default', () => {
    expect(vm('inherit')).toMatchObject({
      cpus: 2,
      memory: { dynamic: true, startupBytes: 2 * GB, minimumBytes: 1 * GB, maximumBytes: 4 * GB },
      disk: { strategy: 'copy', image: 'D:\\images\\base.vhdx', sizeBytes: 40 * GB, deleteOnDestroy: false },
      path: 'D:\\vms',
      notes: 'from defaults',
      ssh: { user: 'admin', port: 22, hostKey: null, syncHosts: false },
    });
  });

  it('memory is replaced whole: a VM’s static size does not keep the defaults’ dynamic bounds', () => {
    expect(vm('overrides').memory).toEqual({ dynamic: false, startupBytes: 8 * GB });
    expect(vm('static-startup').memory).toEqual({ dynamic: false, startupBytes: 1 * GB });
  });

  it('disk merges key by key: own keys win, the others come from defaults; null overrides too', () => {
    expect(vm('overrides').disk).toEqual({ strategy: 'copy', image: 'D:\\images\\base.vhdx', sizeBytes: 40 * GB, deleteOnDestroy: true });
    expect(vm('static-startup').disk).toEqual({ strategy: 'differencing', image: null, sizeBytes: null, deleteOnDestroy: false });
  });

  it('ssh merges key by key over defaults.ssh and then the top-level ssh; ssh: false leaves the VM out', () => {
    expect(vm('overrides').ssh).toEqual({ user: 'admin', port: 2200, hostKey: null, syncHosts: false });
    expect(vm('dyn-defaults').ssh).toBeNull();
  });

  it('other fields are replaced: notes "" on the VM wins over the default', () => {
    expect(vm('overrides').notes).toBe('');
  });

  it('dynamic: true without bounds takes Hyper-V’s defaults (512MB, or startup if smaller; 1TB)', () => {
    expect(vm('dyn-defaults').memory).toEqual({ dynamic: true, startupBytes: 2 * GB, minimumBytes: 512 * MB, maximumBytes: 1024 * GB });
    expect(vm('dyn-small').memory).toEqual({ dynamic: true, startupBytes: 256 * MB, minimumBytes: 256 * MB, maximumBytes: 1024 * GB });
  });

  it('host keys: the VM’s own, else ssh.hostKeys by name (case-insensitively), else none', () => {
    expect(vm('pinned').ssh?.hostKey).toBe('ssh-ed25519 AAAApinned');
    expect(vm('own-key').ssh?.hostKey).toBe('ssh-rsa AAAAown');
    expect(vm('inherit').ssh?.hostKey).toBeNull();
  });

  it('generation 1 has no secure boot (null); generation 2 defaults to true', () => {
    expect(vm('gen1').secureBoot).toBeNull();
    expect(vm('inherit').secureBoot).toBe(true);
  });

  it('without a top-level ssh block every VM has ssh null', () => {
    const c = parseConfig('version: 1\nproject: p\ndefaults: { cpus: 1, memory: 1GB, path: C:\\v }\nvms:\n  - name: a\n  - name: b\n    ssh: false\n', 'x.yaml');
    expect(c.vms.map((v) => v.ssh)).toEqual([null, null]);
  });

  it('a secureBoot: false in defaults applies to generation 2 VMs too', () => {
    const c = parseConfig('version: 1\nproject: p\ndefaults: { cpus: 1, memory: 1GB, path: C:\\v, secureBoot: false }\nvms:\n  - name: a\n  - name: b\n    generation: 1\n', 'x.yaml');
    expect(c.vms.map((v) => v.secureBoot)).toEqual([false, null]);
  });
});

describe('names carried as data', () => {
  it('keeps $(), ;, quotes and non-ASCII letters exactly as written', () => {
    const names = ["$(whoami); 'x'", 'ünïcødé-名前', 'a b', 'we$t', '#hash', 'pct%20'];
    const vms = names.map((n) => `  - name: ${JSON.stringify(n)}\n`).join('');
    const c = parseConfig(`version: 1\nproject: p\ndefaults: { cpus: 1, memory: 1GB, path: C:\\v }\nvms:\n${vms}`, 'x.yaml');
    expect(c.vms.map((v) => v.name)).toEqual(names);
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hvc-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file and returns it with its name', () => {
    const loaded = loadConfig(FIXTURES + 'full.yaml');
    expect(loaded.file).toBe(FIXTURES + 'full.yaml');
    expect(loaded.config.vms).toHaveLength(4);
  });

  it('a missing file is an invalid-config problem naming the file', () => {
    const missing = join(dir, 'nope.yaml');
    const e = catchError(() => loadConfig(missing));
    expect(e.reason).toBe('invalid-config');
    expect(e.problems).toEqual([{ file: missing, message: `cannot read configuration file ${missing}: the file does not exist` }]);
  });

  it('a directory is an invalid-config problem naming it', () => {
    const sub = join(dir, 'sub.yaml');
    mkdirSync(sub);
    expect(catchError(() => loadConfig(sub)).problems[0]!.message).toBe(`cannot read configuration file ${sub}: it is a directory`);
  });

  it('a UTF-16 file (what Windows PowerShell 5.1 redirection writes) is named as such', () => {
    const f = join(dir, 'utf16.yaml');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]));
    expect(catchError(() => loadConfig(f)).problems[0]!.message).toBe('the file is UTF-16 text; configuration files are UTF-8');
  });

  it('invalid UTF-8 is refused rather than silently replaced', () => {
    const f = join(dir, 'latin1.yaml');
    writeFileSync(f, Buffer.from('version: 1\nproject: lab\nvms:\n  - name: caf\xe9\n', 'latin1'));
    expect(catchError(() => loadConfig(f)).problems[0]!.message).toBe('the file is not valid UTF-8 text');
  });

  it('problems carry the file name given', () => {
    const f = join(dir, 'bad.yaml');
    writeFileSync(f, 'version: 1\nproject: lab\nvms:\n  - name: a\n');
    const e = catchError(() => loadConfig(f));
    expect(e.problems.every((p) => p.file === f)).toBe(true);
    expect(e.message.split('\n')[0]).toBe(`${f} is not a valid configuration: 3 problems`);
    expect(e.message).toContain(`${f}:4:5: VM 'a' has no cpus: set it on the VM or in defaults (at /vms/0/cpus)`);
  });
});

function catchError(fn: () => unknown): HvcError {
  try {
    fn();
  } catch (e) {
    if (isHvcError(e)) return e;
    throw e;
  }
  throw new Error('expected an error');
}
