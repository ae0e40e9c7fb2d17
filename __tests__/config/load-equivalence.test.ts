// Making the config load path faster must not move a byte: for the bench fleet, a fleet that uses the
// whole VM surface (with values inherited from defaults and overridden per VM), both examples and the
// valid fixtures, the resolved config (its content in resolve's key order, each VM's source
// position, and the sha256 of its canonical JSON, which was its configHash until configHash was
// taken over the document as written) are pinned to what the code gave before the load path was
// made faster (main b93e47b). The whole commands print the same artifacts: __tests__/cli/config-equivalence.test.ts.
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fleetYaml } from '../../bench/fleet.js';
import { loadConfig, parseConfig } from '../../src/core/config/load.js';
import type { Config } from '../../src/core/config/types.js';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { canonicalPartWithout, sha256Of } from '../../src/core/canonical.js';
import { configHash } from '../../src/core/plan/hashes.js';
import { FIXTURES, fixture } from './helpers.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** What a resolved config is, as three digests: content (resolve's own key order), sources, canonical content. */
function digests(config: Config): { content: string; sources: string; resolvedHash: string } {
  // Rest destructuring copies only enumerable keys: the same content whether source is one or not.
  const content = JSON.stringify({ ...config, vms: config.vms.map(({ source: _s, ...vm }) => vm) });
  const resolvedHash = sha256Of({ ...config, vms: config.vms.map((vm) => canonicalPartWithout(vm, 'source')) });
  return { content: sha(content), sources: sha(JSON.stringify(config.vms.map((v) => v.source ?? null))), resolvedHash };
}

/**
 * A fleet over the wider surface: defaults set most fields (adapters, disks, settings, ssh, seed),
 * and VM i overrides a different subset by i mod 12, so both the inherited and the own path of every
 * field are taken, with generation 1 and 2.
 */
export function richFleetYaml(n: number): string {
  const lines = [
    'version: 1',
    'project: rich',
    'defaults:',
    '  generation: 2',
    '  cpus: 2',
    '  memory: { startup: 2GB, minimum: 1GB, maximum: 4GB }',
    '  path: D:\\Hyper-V\\rich',
    "  image: 'D:\\images\\base.vhdx'",
    '  disk: { strategy: copy, size: 40GB }',
    '  notes: "from defaults\\r\\nsecond line"',
    '  networkAdapters:',
    '    - { name: lan, switch: lab-net, dhcpGuard: true }',
    '    - { name: storage, switch: lab-net, vlan: 20, macSpoofing: false }',
    '  dataDisks: [{ size: 10GB }, { path: D:\\shared\\data.vhdx }]',
    '  dvdDrives: [{ path: D:\\iso\\tools.iso }]',
    '  cloudInit: { userData: "#cloud-config\\nhostname: x\\n" }',
    '  checkpointType: Production',
    '  automaticStartAction: StartIfRunning',
    '  automaticStartDelay: 30',
    '  memoryBuffer: 20',
    '  tpm: false',
    '  integrationServices: { "{84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47}": true }',
    '  ssh: { user: admin, port: 2200 }',
    'ssh:',
    '  user: ubuntu',
    '  privateKeyEnv: KEY',
    '  hostKeys: { r-00003: ssh-ed25519 AAAApinned3, R-00015: ssh-ed25519 AAAApinned15 }',
    'vms:',
  ];
  const pad = (i: number) => String(i).padStart(5, '0');
  for (let i = 0; i < n; i++) {
    lines.push(`  - name: r-${pad(i)}`);
    switch (i % 12) {
      case 0:
        break; // everything from defaults
      case 1:
        lines.push('    memory: { startup: 4GB, maximum: 6GB }', '    memoryBuffer: 50');
        break;
      case 2:
        lines.push('    generation: 1', '    dvdDrives: [{ path: D:\\iso\\a.iso }]', '    memory: { startup: 3GB, minimum: 1GB }', '    memoryBuffer: 10');
        break;
      case 3:
        lines.push(`    mac: 00-15-5D-00-${pad(i).slice(1, 3)}-${pad(i).slice(3)}`, '    switch: other-net');
        break;
      case 4:
        lines.push('    networkAdapters:', `      - { name: only, switch: lab-net, mac: '00:15:5d:01:${pad(i).slice(1, 3)}:${pad(i).slice(3)}', routerGuard: true }`);
        break;
      case 5:
        lines.push('    dataDisks: []', '    cloudInit: { userData: "#cloud-config\\nhostname: five\\n", metaData: "instance-id: five\\n", networkConfig: "version: 2\\n" }');
        break;
      case 6:
        lines.push('    ssh: false', '    notes: own notes', '    state: stopped');
        break;
      case 7:
        lines.push('    ssh: { hostKey: ssh-rsa AAAAown, sync: false }', '    disk: { strategy: differencing, deleteOnDestroy: true }');
        break;
      case 8:
        lines.push('    checkpointType: Disabled', '    automaticStopAction: ShutDown', '    nestedVirtualization: true', '    memoryWeight: 5000', '    firstBootDevice: NetworkAdapter', '    secureBootTemplate: MicrosoftUEFICertificateAuthority');
        break;
      case 9:
        lines.push('    integrationServices: { "84eaae65-2f2e-45f5-9bb5-0e857dc8eb47": false, "{2A34B1C2-FD73-4043-8A5B-DD2159BC743F}": true }', '    compatibilityForMigration: true', '    tpm: true', '    secureBootTemplate: OpenSourceShieldedVM');
        break;
      case 10:
        lines.push('    memory: { startup: 512MB, dynamic: true }', '    cpus: 8', '    state: absent');
        break;
      default:
        lines.push('    image: null', '    disk: { size: null }', '    generation: 1', '    dvdDrives: [{ path: null }]');
        break;
    }
  }
  return lines.join('\n') + '\n';
}

/** Every case: its name → the config it loads. */
function cases(): Record<string, () => Config> {
  const root = join(FIXTURES, '..', '..', '..');
  return {
    'bench fleet 1,000': () => parseConfig(fleetYaml(1000), 'fleet-1000.yaml'),
    'bench fleet 10,000': () => parseConfig(fleetYaml(10000), 'fleet-10000.yaml'),
    'rich fleet 1,200': () => parseConfig(richFleetYaml(1200), 'rich.yaml'),
    'examples/lab': () => loadConfig(join(root, 'examples', 'lab', 'vms.yaml')).config,
    'examples/k3s': () => loadConfig(join(root, 'examples', 'k3s', 'vms.yaml')).config,
    'full.yaml': () => parseConfig(fixture('full.yaml'), 'full.yaml'),
    'merge.yaml': () => parseConfig(fixture('merge.yaml'), 'merge.yaml'),
    'minimal.yaml': () => parseConfig(fixture('minimal.yaml'), 'minimal.yaml'),
  };
}

// Recorded with the code of main b93e47b.
const PINNED: Record<string, ReturnType<typeof digests>> = {
  'bench fleet 1,000': {
    resolvedHash: 'sha256:0e3247b2b8b21785ed8a1c83aee37255b6f95d4a84ce79a5b00117790e41aa22',
    content: '73c7b680d9d424535fc13cf0d1d1038011a0469c74eb544bbc9be0199e99febd',
    sources: '508db036a529b2e6d4b18d9f361d84cd95e87544bd93fa6247c16c01278d9a8d',
  },
  'bench fleet 10,000': {
    resolvedHash: 'sha256:c15be993b539a1a78cd9573a10ee7921ee980ae6edb6c0dfa67700308e9647c4',
    content: '56343919ee3f10a816b80d0a575c151f26077780c6a962997e131e716f217d0a',
    sources: 'e41ac3cb9d8f71835de949ff2399df85538470fc9f91f4cab90a418e442d79e5',
  },
  'rich fleet 1,200': {
    resolvedHash: 'sha256:05040e627e7b32efff4a6b1ef0427c80e91fc0b9dfb05bf0232783ae40d457de',
    content: 'fa997a77b6b0786f57ecf809019464b3fa996d4dbda65e6af139be293e16f7d6',
    sources: '72ff6183dc29b2357dc155755af0e68b3d0fa5786db204b5d9caaa615e170bee',
  },
  'examples/lab': {
    resolvedHash: 'sha256:1c21b1124c0a255d38a9a713dd59c663e11cbe546c7edb82abc03bba20f13ff1',
    content: '025e40fab63c51343bdbe9c01dbda803cc3049cdbbfa4e12a1ed1b9a3e467bd0',
    sources: '081d4301ebba4e628bbc42f1a66cda171291a0fc1b80e28c7d0e86a0d2029b5d',
  },
  'examples/k3s': {
    resolvedHash: 'sha256:e175dfcbe7151d3f4df478f8de1d667c12de8aedc2cdc9e984fd6e8597e5563e',
    content: '02fad1b6a9263a9aa1870b6f170eb6760b417a70fa386ecf57f8e419cfa4cd68',
    sources: '156d5e1eda284af20b92ab6bb258c9649a7b4e02570cd654cd43920265df2738',
  },
  'full.yaml': {
    resolvedHash: 'sha256:880829275af752aadbdf0c9fccdb8dde993edd230b116083a4c8432fb3746ca9',
    content: '8955e8a6ab9bb8d566f3a5dc55f75820200c82ef6394959455aafa24ba8a6be8',
    sources: '0a8f72d1d12c9c3e5d2615f248c05e69ea0b619313d49b727327c294adefdd53',
  },
  'merge.yaml': {
    resolvedHash: 'sha256:3deeed03fd065152aa568ab277013ff94e121d275263e7cc0acdf176ae430acd',
    content: 'f34102a242c902c199c4e6081e4467cb5f3915c82f333812f5122eb5d4e28a57',
    sources: 'b69b4df7a08deb2aa45629f22e7cd74e79c93651ed935a3a2003ee7f8b0d382c',
  },
  'minimal.yaml': {
    resolvedHash: 'sha256:df8c5f3ceb6e7b708332a3c7b69875cc66bf0398431752cac44781dd9bb85b8f',
    content: 'd05ba792e1c79a5f27a17502380012bfacdfffece7c30dedf756a2c81f5b4be1',
    sources: '1755bc01888a797b2b0aacdbabdb5ed4a223fb7789496642f0cc1ccce07470ff',
  },
};

describe('configHash is the sha256 of the canonical JSON of the document as written', () => {
  // The reference: js-yaml's own load of the text (not our reader), keys sorted by canonicalJson,
  // seed files put in place of their { file } references as the loader documents.
  const root = join(FIXTURES, '..', '..', '..');
  const texts: Record<string, () => { text: string; seeds?: Record<string, string> }> = {
    'bench fleet 1,000': () => ({ text: fleetYaml(1000) }),
    'rich fleet 1,200': () => ({ text: richFleetYaml(1200) }),
    'examples/lab': () => ({ text: readFileSync(join(root, 'examples', 'lab', 'vms.yaml'), 'utf8') }),
    'examples/k3s': () => ({ text: readFileSync(join(root, 'examples', 'k3s', 'vms.yaml'), 'utf8'), seeds: { 'cloud-init/user-data.yaml': readFileSync(join(root, 'examples', 'k3s', 'cloud-init', 'user-data.yaml'), 'utf8') } }),
    'full.yaml': () => ({ text: fixture('full.yaml') }),
    'merge.yaml': () => ({ text: fixture('merge.yaml') }),
    'minimal.yaml': () => ({ text: fixture('minimal.yaml') }),
  };
  const inline = (v: unknown, seeds: Record<string, string>): unknown => {
    if (Array.isArray(v)) return v.map((x) => inline(x, seeds));
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (typeof o.file === 'string' && Object.keys(o).length === 1 && o.file in seeds) return seeds[o.file];
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, inline(x, seeds)]));
  };
  it.each(Object.keys(texts))('%s', (name) => {
    const { text, seeds } = texts[name]!();
    const config = cases()[name]!();
    expect(configHash(config)).toBe(sha256Of(inline(load(text), seeds ?? {})));
    // Not the resolved content's hash: a file is its own version, whatever it resolves to.
    expect(configHash(config)).not.toBe(digests(config).resolvedHash);
  });

  it('two files that resolve the same but say it in other words are two versions; layout and comments are not', () => {
    const d = "defaults: { memory: 1GB, path: 'D:\\vms' }\n";
    const a = parseConfig(`version: 1\nproject: p\n${d}vms:\n  - name: a\n    cpus: 2\n  - name: b\n    cpus: 2\n`, 'a.yaml');
    const moved = parseConfig("version: 1\nproject: p\ndefaults: { memory: 1GB, path: 'D:\\vms', cpus: 2 }\nvms:\n  - name: a\n  - name: b\n", 'b.yaml');
    const relaid = parseConfig(`# a comment\nproject: "p"\n${d}version: 1\nvms: [ { cpus: 2, name: a }, { name: b, cpus: 2 } ]  # two\n`, 'c.yaml');
    expect(digests(moved).resolvedHash).toBe(digests(a).resolvedHash);
    expect(configHash(moved)).not.toBe(configHash(a));
    expect(configHash(relaid)).toBe(configHash(a));
  });
});

describe('the resolved config and its hash are the values the code gave before the load path was made faster', () => {
  it('for the bench fleet, a fleet over the whole VM surface, both examples and the valid fixtures', () => {
    const got = Object.fromEntries(Object.entries(cases()).map(([name, load]) => [name, digests(load())]));
    expect(got).toEqual(PINNED);
  });
});
