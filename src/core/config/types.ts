// The resolved configuration: what the YAML means after validation and defaults merging. Everything
// downstream (plan, safety, engine, integrations) reads this, never the raw document.
import type { Problem } from '../errors.js';

export type DesiredState = 'running' | 'stopped' | 'absent';
export type DiskStrategy = 'differencing' | 'copy';

export type DesiredMemory =
  | { dynamic: false; startupBytes: number }
  | { dynamic: true; startupBytes: number; minimumBytes: number; maximumBytes: number };

export interface DesiredDisk {
  strategy: DiskStrategy;
  /** Base VHDX the VM's disk derives from (differencing parent or copy source); null: no disk. */
  image: string | null;
  /** Virtual size to grow the VM's disk to; null keeps the image's size. */
  sizeBytes: number | null;
  /** Destroying the VM also deletes its disk files. Default false: disks are kept. */
  deleteOnDestroy: boolean;
}

/** One network adapter. Settings left null are not managed (the host keeps what it has). */
export interface DesiredAdapter {
  /** Adapter name; null in the single `switch`/`mac` form: the VM's first adapter, whatever its name. */
  name: string | null;
  switch: string | null;
  /** Static MAC as 12 upper-case hex digits; null: dynamic. */
  mac: string | null;
  /** Access-mode VLAN id 1..4094; null: untagged. Unmanaged (undefined) in the single form. */
  vlan?: number | null;
  macSpoofing?: boolean;
  dhcpGuard?: boolean;
  routerGuard?: boolean;
}

export type ControllerType = 'SCSI' | 'IDE';

/** A disk or DVD position: kept stable so the guest sees the same device across applies. */
export interface Slot {
  controllerType: ControllerType;
  controllerNumber: number;
  controllerLocation: number;
}

export interface DesiredDataDisk extends Slot {
  /** The VHDX: a new empty one in the VM's folder, or an existing file the file names. */
  path: string;
  /** New disks: their size (grow only). Existing files: null (their size is kept). */
  sizeBytes: number | null;
  existing: boolean;
}

export interface DesiredDvd extends Slot {
  /** ISO on the host; null: an empty drive. */
  path: string | null;
}

/** The cloud-init NoCloud seed: texts with `${{ env.NAME }}` references (values are never here). */
export interface DesiredSeed {
  userData: string;
  metaData: string;
  networkConfig: string | null;
  /** Where the agent writes the image: the VM's folder. */
  path: string;
  /** The DVD position the seed is inserted at. */
  slot: Slot;
}

export type CheckpointType = 'Standard' | 'Production' | 'ProductionOnly' | 'Disabled';
export type AutomaticStartAction = 'Nothing' | 'StartIfRunning' | 'Start';
export type AutomaticStopAction = 'TurnOff' | 'Save' | 'ShutDown';
export type SecureBootTemplate = 'MicrosoftWindows' | 'MicrosoftUEFICertificateAuthority' | 'OpenSourceShieldedVM';

/** Settings whose null means "not managed": the file leaves the host's value alone. */
export interface DesiredSettings {
  /** Virtual TPM (generation 2). */
  tpm: boolean | null;
  /** Secure boot template (generation 2). */
  secureBootTemplate: SecureBootTemplate | null;
  /** Nested virtualization: Set-VMProcessor -ExposeVirtualizationExtensions. */
  nestedVirtualization: boolean | null;
  checkpointType: CheckpointType | null;
  automaticStartAction: AutomaticStartAction | null;
  automaticStartDelaySec: number | null;
  automaticStopAction: AutomaticStopAction | null;
  /** Set-VMProcessor -CompatibilityForMigrationEnabled (live migration between CPU generations). */
  compatibilityForMigration: boolean | null;
  /** Set-VMMemory -Priority, 0..10000 (memory weight). */
  memoryWeight: number | null;
  /** Set-VMMemory -Buffer, percent 5..2000; dynamic memory only. */
  memoryBuffer: number | null;
  /** Set-VMFirmware -FirstBootDevice (generation 2) / Set-VMBios -StartupOrder (generation 1). */
  firstBootDevice: 'HardDisk' | 'DvdDrive' | 'NetworkAdapter' | null;
}

export interface DesiredVm {
  name: string;
  state: DesiredState;
  generation: 1 | 2;
  cpus: number;
  memory: DesiredMemory;
  /** Gen 2 only; null on generation 1. */
  secureBoot: boolean | null;
  /** Virtual switch for the first network adapter; null: not connected. */
  switch: string | null;
  /** Static MAC as 12 upper-case hex digits (no separators); null: dynamic. */
  mac: string | null;
  disk: DesiredDisk;
  // The wider VM surface. resolve always fills these; absent (hand-built configs in tests, benchmarks)
  // means the single switch/mac form and nothing else managed.
  /** Network adapters in order; the single form is one entry with name null. */
  adapters?: DesiredAdapter[];
  /** True when the file lists networkAdapters: adapters it does not list are removed. */
  adaptersListed?: boolean;
  dataDisks?: DesiredDataDisk[];
  dvdDrives?: DesiredDvd[];
  cloudInit?: DesiredSeed | null;
  settings?: DesiredSettings;
  /** Integration services to enable (true) or disable (false), by GUID (upper case): names are localized. */
  integrationServices?: Record<string, boolean>;
  /** Folder the VM's configuration and disk live under (Hyper-V `-Path`). */
  path: string;
  /** User notes; the ownership marker is added by the tool, never written by hand. */
  notes: string;
  /** Guest SSH/hosts-sync participation (effective, after defaults). */
  ssh: VmSsh | null;
  /** Where the VM is declared, for located messages. Not part of configHash: resolve sets it not
   *  enumerable, so JSON and the canonical form leave it out. */
  source?: { line: number; column: number };
}

export interface VmSsh {
  user: string;
  port: number;
  /** Pinned host key (`ssh-ed25519 AAAA…`), or null to record on first contact. */
  hostKey: string | null;
  syncHosts: boolean;
}

export interface HostConfig {
  /** Remote Hyper-V host driven through the cmdlets' own remoting; null: the local machine. */
  computerName: string | null;
  /** Apply pool size: long-lived agents, and VMs worked on at once. */
  concurrency: number;
  /** Bound for one host operation, seconds. */
  operationTimeoutSec: number;
}

export interface Policy {
  /** Name patterns (`*` and `?` wildcards) whose disruptive/destructive steps are refused. */
  protect: string[];
  /** Changes that need the VM off may be planned as stop → change → start. */
  allowRestart: boolean;
  /** After a graceful stop times out, the VM may be turned off (power cut). */
  allowTurnOff: boolean;
  /** At most this many disruptive or destructive steps per run; the rest are refused. */
  maxDisruptive: number;
  /** Owned VMs that the file no longer names are destroyed. Off unless asked for. */
  prune: boolean;
  /** Take a checkpoint before the first disruptive step of a VM. */
  checkpointBeforeDisruptive: boolean;
  /** Graceful shutdown bound, seconds. */
  stopTimeoutSec: number;
}

export interface SshConfig {
  user: string;
  port: number;
  /** Name of the environment variable holding the private key (never the key itself). */
  privateKeyEnv: string;
  /** Pinned host keys by VM name. */
  hostKeys: Record<string, string>;
  /** Where first-contact host keys are recorded and then enforced; null: in the durable state
   * directory (known_hosts-<host>), which outlives the workspace a checkout cleans. */
  knownHostsFile: string | null;
  syncHosts: boolean;
  /** Include IPv6 addresses in discovery. */
  ipv6: boolean;
  /** Bound for IP discovery per run, seconds. */
  discoveryTimeoutSec: number;
}

/** A virtual switch the file declares. External switches are only referenced, never made or removed. */
export interface DesiredSwitch {
  name: string;
  type: 'Internal' | 'Private' | 'External';
  /** Internal only: NAT for this IPv4 subnet (the host takes its first address as the gateway). */
  nat: { subnet: string; gateway: string; prefixLength: number } | null;
  state: 'present' | 'absent';
}

export interface Config {
  version: 1;
  /** Ownership namespace written into each VM's Notes. */
  project: string;
  host: HostConfig;
  policy: Policy;
  ssh: SshConfig | null;
  /** In file order; names unique. */
  vms: DesiredVm[];
  /** Virtual switches the file declares (absent in hand-built configs: none). */
  switches?: DesiredSwitch[];
  /**
   * configHash of a config read from a file: sha256 over the canonical JSON of the document as
   * written (seed files read in). Set by parseConfig, not enumerable (JSON and the canonical form
   * leave it out, a copy loses it); a config built in memory has none and is hashed resolved.
   */
  readonly documentHash?: `sha256:${string}`;
}

/** A loaded config with where it came from. */
export interface LoadedConfig {
  file: string;
  config: Config;
}

export type ConfigProblems = Problem[];
