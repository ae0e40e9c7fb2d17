// The project's own model of what a host looks like. Adapters (hyperv, sim, replay) produce it;
// everything after observe reads only this. `current.json` is this object.

/** Hyper-V's VMState by name (`"$($vm.State)"`), e.g. Running, Off, Saved, Paused, Starting. */
export type VmStateName = string;

export interface ObservedMemory {
  dynamic: boolean;
  startupBytes: number;
  minimumBytes: number;
  maximumBytes: number;
}

export interface ObservedAdapter {
  name: string;
  switch: string | null;
  /** 12 upper-case hex digits, no separators. */
  mac: string;
  dynamicMac: boolean;
  /** Addresses Hyper-V reports for the adapter (KVP; empty without the guest's integration service). */
  ips: string[];
  /** Access VLAN id; null: untagged. Absent: the backend does not report it. */
  vlan?: number | null;
  macSpoofing?: boolean;
  dhcpGuard?: boolean;
  routerGuard?: boolean;
}

export interface ObservedSlot {
  controllerType: 'SCSI' | 'IDE';
  controllerNumber: number;
  controllerLocation: number;
}

export interface ObservedDvd extends ObservedSlot {
  /** The inserted ISO; null: empty. */
  path: string | null;
}

export interface ObservedDisk extends Partial<ObservedSlot> {
  path: string;
  sizeBytes: number;
  parentPath: string | null;
}

export interface ObservedCheckpoint {
  id: string;
  name: string;
}

export interface ObservedIntegrationService {
  /** The service's GUID: names are localized, ids are not. */
  id: string;
  name: string;
  enabled: boolean;
  /** PrimaryStatusDescription as the host reports it ("OK", "No Contact", …). */
  status: string;
}

export interface ObservedVm {
  id: string; // GUID, lower case
  name: string;
  state: VmStateName;
  generation: 1 | 2;
  cpus: number;
  memory: ObservedMemory;
  /** null on generation 1. */
  secureBoot: boolean | null;
  /** Raw Notes, including the ownership marker line if present. */
  notes: string;
  path: string;
  adapters: ObservedAdapter[];
  disks: ObservedDisk[];
  checkpoints: ObservedCheckpoint[];
  integrationServices: ObservedIntegrationService[];
  /** The settings below are absent when the backend does not report them (older agents, recordings). */
  dvdDrives?: ObservedDvd[];
  tpm?: boolean | null;
  secureBootTemplate?: string | null;
  nestedVirtualization?: boolean;
  checkpointType?: string;
  automaticStartAction?: string;
  automaticStartDelaySec?: number;
  automaticStopAction?: string;
  compatibilityForMigration?: boolean;
  memoryWeight?: number;
  memoryBuffer?: number;
  firstBootDevice?: string;
}

export interface ObservedSwitch {
  name: string;
  type: string; // External | Internal | Private
  /** The switch's Notes (ownership marker); absent when the backend does not report it. */
  notes?: string;
  /** The NetNat subnet on this internal switch's host interface; null: none. */
  nat?: string | null;
}

export interface ObservedPath {
  path: string;
  exists: boolean;
  /** For an existing virtual disk (.vhd/.vhdx, e.g. a base image): its virtual size in bytes
   * (Get-VHD .Size). Absent or null when it is not a disk or could not be read: unknown. */
  sizeBytes?: number | null;
  /** sha256 (64 lower-case hex) of the file, for paths observe was asked to hash (seed images). */
  sha256?: string | null;
}

export interface ObservedNeighbor {
  ip: string;
  /** 12 upper-case hex digits. */
  mac: string;
  state: string;
}

export interface HostFacts {
  computerName: string;
  switches: ObservedSwitch[];
  /** The configured VM folders and base images the config refers to, and whether they exist. */
  paths: ObservedPath[];
  /** Host ARP/neighbor table (tier-2 IP discovery); empty when not asked for. */
  neighbors: ObservedNeighbor[];
}

export type IncompleteCode =
  | 'host-unreachable'
  | 'agent-failed'
  | 'unparseable'
  | 'transitional-state'
  | 'unknown-state'
  | 'duplicate-name'
  | 'duplicate-id' // two VMs report one id: impossible on a real host
  | 'identity-changed' // a name's id changed between two observations of one run
  | 'query-failed'
  | 'permission-denied'; // the account may not manage Hyper-V, so an empty VM list proves nothing

export interface IncompleteReason {
  code: IncompleteCode;
  message: string;
  vm?: string;
}

export type BackendKind = 'hyperv' | 'sim' | 'replay';

export interface Observation {
  schemaVersion: 1;
  backend: BackendKind;
  host: HostFacts;
  /** False when anything could not be vouched for; then no plan is acted on. */
  complete: boolean;
  incomplete: IncompleteReason[];
  /** Sorted by name, then id. */
  vms: ObservedVm[];
  /** When observed (ISO 8601). Outside observedHash. */
  observedAt?: string;
}
