// The files a user's run reads, for a synthetic fleet of N VMs: vms.yaml, the simulated host holding
// the observed side (host.json, the sim backend's state file) and the same observation recorded as
// current.json (the replay backend's input, written as a run records it: the artifact writer's
// canonical text). The whole-command benchmarks start the shipped bundles on these.
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeArtifact } from '../src/artifacts/write.js';
import { join } from 'node:path';
import { buildSimState, writeSimState, type SimKnobs } from '../src/backends/sim/state.js';
import { fleetConfig, fleetObservation, fleetYaml } from './fleet.js';

export interface FleetFiles {
  dir: string;
  config: string;
  simState: string;
  replay: string;
  /** VMs the host holds (the file's minus those to create, plus hand-made ones). */
  observedVms: number;
}

export function writeFleetFiles(dir: string, n: number, knobs: Partial<SimKnobs> = {}): FleetFiles {
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'vms.yaml');
  writeFileSync(config, fleetYaml(n));
  const obs = fleetObservation(fleetConfig(n));
  const state = buildSimState({
    computerName: obs.host.computerName,
    switches: obs.host.switches,
    folders: obs.host.paths.filter((p) => !p.path.endsWith('.vhdx')).map((p) => p.path),
    files: Object.fromEntries(obs.host.paths.filter((p) => p.path.endsWith('.vhdx')).map((p) => [p.path, { sizeBytes: 20 * 1024 ** 3 }])),
    vms: obs.vms.map((v) => ({ ...v, guest: { ips: [] } })),
    knobs,
  });
  const simState = join(dir, 'host.json');
  writeSimState(simState, state);
  // A recording is a current.json a run wrote (`--replay out/current.json`): the same writer.
  const replay = writeArtifact(dir, 'current.json', { ...obs, observedAt: '2026-01-01T00:00:00.000Z' });
  return { dir, config, simState, replay, observedVms: obs.vms.length };
}
