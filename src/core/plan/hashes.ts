// configHash and observedHash: sha256 over canonical JSON of content only (no source positions, no
// timestamps, no backend name), so a plan made from a replayed current.json equals the one made live.
import { sha256Of, type Sha256 } from '../canonical.js';
import type { Config } from '../config/types.js';
import type { Observation } from '../model/observed.js';

export function configHash(config: Config): Sha256 {
  return sha256Of({ ...config, vms: config.vms.map(({ source: _s, ...vm }) => vm) });
}

export function observedHash(obs: Observation): Sha256 {
  return sha256Of({ host: obs.host, vms: obs.vms, complete: obs.complete, incomplete: obs.incomplete });
}
