// plan.json: ordered steps, refusals and counts, with the three hashes that bind a reviewed plan to
// what is applied.
import type { Sha256 } from '../canonical.js';
import type { HostOperation } from './operations.js';

export type StepAction =
  | 'create'
  | 'start'
  | 'stop'
  | 'set-cpus'
  | 'set-memory'
  | 'set-secure-boot'
  | 'connect-switch'
  | 'set-mac'
  | 'set-notes'
  | 'grow-disk'
  | 'checkpoint'
  | 'remove'
  | 'add-adapter'
  | 'remove-adapter'
  | 'set-adapter'
  | 'add-disk'
  | 'detach-disk'
  | 'add-dvd'
  | 'set-dvd'
  | 'write-seed'
  | 'set-settings'
  | 'set-integration-services'
  | 'create-switch'
  | 'set-switch-nat'
  | 'remove-switch';

/** benign: no interruption; disruptive: the guest stops or restarts; destructive: something is deleted. */
export type Disruption = 'benign' | 'disruptive' | 'destructive';

export interface Step {
  /** Stable within a plan: `<vm>/<index within the VM>`. */
  id: string;
  vm: string;
  /** The VM's GUID when it exists; null for a VM this plan creates. */
  vmId: string | null;
  action: StepAction;
  from: unknown;
  to: unknown;
  reason: string;
  disruption: Disruption;
  /**
   * Steps that stand or fall together (a stop → change → start sequence): safety refusing one
   * removes the whole group. Equal to the step's own id when it stands alone.
   */
  group: string;
  /** The exact host operation apply will send. */
  operation: HostOperation;
}

export type RefusalKind = 'blocked' | 'refused';

export type RefusalCode =
  | 'observation-incomplete' // nothing is acted on
  | 'unmanaged' // VM exists without this project's ownership marker
  | 'owned-by-other' // marker of another project
  | 'needs-restart' // change needs the VM off, restarts not allowed
  | 'generation-change' // immutable: would mean a new VM
  | 'transitional-state' // VM is mid-transition
  | 'saved-or-paused' // VM in Saved/Paused needs an explicit decision
  | 'protected' // safety: protected name pattern
  | 'disk-below-image' // the disk size is below the base image's size
  | 'max-disruptive' // safety: over the per-run limit
  | 'destroy-not-owned' // safety: destroy of a VM this project does not own
  | 'disk-shrink' // VHDX cannot shrink
  | 'missing-image' // base image not present on the host
  | 'missing-switch' // switch not present on the host
  | 'missing-file' // an ISO or existing data disk the file names is not on the host
  | 'disk-conflict' // another disk sits at a data disk's position
  | 'seed-unavailable' // the seed names environment variables that are not set
  | 'switch-in-use' // a switch to remove still has VMs connected
  | 'switch-type' // a declared switch exists with another type
  | 'unknown-integration-service'; // the VM has no integration service with that id

export interface Refusal {
  vm: string;
  kind: RefusalKind;
  code: RefusalCode;
  message: string;
  /** The steps that were not planned or were removed, for review. */
  steps: Step[];
}

export interface PlanCounts {
  create: number;
  change: number;
  destroy: number;
  refused: number;
  unchanged: number;
}

export interface Plan {
  schemaVersion: 1;
  project: string;
  backend: string;
  /** False when the observation was incomplete: then steps is empty and a refusal says why. */
  actionable: boolean;
  steps: Step[];
  refusals: Refusal[];
  counts: PlanCounts;
  /** VMs named in the config that need nothing. */
  unchanged: string[];
  configHash: Sha256;
  /** The observed facts the plan compared, for the VMs it concerns (hashes.ts basisOf). */
  basisHash: Sha256;
  /** The whole observation, every VM on the host: information, not covered by planHash. */
  observedHash: Sha256;
  /** Set when the plan was limited to some VMs (`--target`), lower-cased and sorted. */
  targets?: string[];
  /** Over everything above except backend, observedHash, itself and generatedAt. */
  planHash: Sha256;
  generatedAt?: string;
}
