// The simulated host a CLI run uses. A missing state file is seeded once: by default from the
// host.json beside the config when there is one (the recorded lab of the embedded example), else as an empty host
// holding exactly the switches, folders and base images the config refers to, so trying one's own
// file on the simulator plans creates instead of failing.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildSimState, writeSimState, type SimSeed } from '../backends/sim/state.js';
import { loadConfig } from '../core/config/load.js';
import type { Config } from '../core/config/types.js';

const GiB = 1024 ** 3;

/** An empty host with the config's switches, VM folders and base images (images sized to fit every disk that uses them). */
export function seedFromConfig(config: Config): SimSeed {
  const switches = new Map<string, string>();
  const folders = new Set<string>();
  const images = new Map<string, number>();
  for (const vm of config.vms) {
    if (vm.switch) switches.set(vm.switch.toLowerCase(), vm.switch);
    folders.add(vm.path);
    if (vm.disk.image) {
      const want = vm.disk.sizeBytes ?? 20 * GiB;
      images.set(vm.disk.image, Math.min(images.get(vm.disk.image) ?? want, want));
    }
  }
  return {
    computerName: config.host.computerName ?? 'SIM-HOST',
    switches: [...switches.values()].sort().map((name) => ({ name, type: 'External' })),
    folders: [...folders].sort(),
    files: Object.fromEntries([...images].sort().map(([path, sizeBytes]) => [path, { sizeBytes }])),
    vms: [],
  };
}

/**
 * Seeds stateFile when missing; returns the line to tell the user, or null when it existed. A
 * recorded host.json beside the config is used only for the default state file (the embedded lab);
 * a --sim-state FILE the user names starts as an empty host fitting their config.
 */
export function ensureSimHost(stateFile: string, configPath: string, useRecorded: boolean): string | null {
  if (existsSync(stateFile)) return null;
  const recorded = join(dirname(configPath), 'host.json');
  let seed: SimSeed;
  let from: string;
  if (useRecorded && existsSync(recorded)) {
    seed = JSON.parse(readFileSync(recorded, 'utf8')) as SimSeed;
    from = `from ${recorded}`;
  } else {
    seed = seedFromConfig(loadConfig(configPath).config); // an invalid config throws, located
    const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    from = `as an empty host with the config's ${n(seed.switches!.length, 'switch', 'switches')}, ${n(seed.folders!.length, 'folder', 'folders')} and ${n(Object.keys(seed.files!).length, 'base image', 'base images')}`;
  }
  mkdirSync(dirname(stateFile), { recursive: true });
  writeSimState(stateFile, buildSimState(seed));
  return `seeded the simulated host ${stateFile} ${from}`;
}
