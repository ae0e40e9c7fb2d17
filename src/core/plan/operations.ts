// The vocabulary of host operations: what a plan step will ask the host agent to do, as data. The
// plan carries these verbatim for review; the agent protocol sends them unchanged. No PowerShell here:
// the agent script maps each op to cmdlets.

export interface CreateVmArgs {
  name: string;
  generation: 1 | 2;
  cpus: number;
  memory: { dynamic: boolean; startupBytes: number; minimumBytes: number; maximumBytes: number };
  /** Folder for the VM (`New-VM -Path`). */
  path: string;
  switch: string | null;
  mac: string | null;
  secureBoot: boolean | null;
  notes: string;
  /** The VM's own disk: created from `image` by `strategy` at `path`, grown to sizeBytes if set. */
  disk: { strategy: 'differencing' | 'copy'; image: string; path: string; sizeBytes: number | null } | null;
  // The wider surface; absent when the file does not use it (older plans stay as they were).
  /** Every adapter when the file lists them (the first replaces switch/mac). */
  adapters?: AdapterSpec[];
  dataDisks?: DataDiskSpec[];
  /** DVD drives, the seed's included (its image is written by a seed.write step before). */
  dvdDrives?: DvdSpec[];
  settings?: SettingsSpec;
  integrationServices?: { id: string; enabled: boolean }[];
}

export interface SlotSpec {
  controllerType: 'SCSI' | 'IDE';
  controllerNumber: number;
  controllerLocation: number;
}
export interface AdapterSpec {
  name: string;
  switch: string | null;
  mac: string | null;
  vlan?: number | null;
  macSpoofing?: boolean;
  dhcpGuard?: boolean;
  routerGuard?: boolean;
}
/** sizeBytes: a new empty dynamic VHDX of that size; null: attach the existing file at path. */
export interface DataDiskSpec extends SlotSpec {
  path: string;
  sizeBytes: number | null;
}
export interface DvdSpec extends SlotSpec {
  path: string | null;
}
/** Only the settings the file manages. */
export interface SettingsSpec {
  tpm?: boolean;
  secureBootTemplate?: string;
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

type VmRef = { id: string; name: string };

export type HostOperation =
  | { op: 'vm.create'; args: CreateVmArgs }
  | { op: 'vm.start'; args: { id: string; name: string } }
  | { op: 'vm.stop'; args: { id: string; name: string; timeoutSec: number; turnOffAfterTimeout: boolean } }
  | { op: 'vm.setCpus'; args: { id: string; name: string; count: number } }
  | {
      op: 'vm.setMemory';
      args: { id: string; name: string; dynamic: boolean; startupBytes: number; minimumBytes: number; maximumBytes: number };
    }
  | { op: 'vm.setSecureBoot'; args: { id: string; name: string; enabled: boolean } }
  | { op: 'vm.connectSwitch'; args: { id: string; name: string; adapter: string | null; switch: string | null } }
  | { op: 'vm.setMac'; args: { id: string; name: string; adapter: string | null; mac: string | null } }
  | { op: 'vm.setNotes'; args: { id: string; name: string; notes: string } }
  | { op: 'vm.checkpoint'; args: { id: string; name: string; checkpointName: string } }
  | { op: 'vm.remove'; args: { id: string; name: string; deleteDisks: boolean } }
  | { op: 'disk.grow'; args: { id: string; name: string; path: string; sizeBytes: number } }
  | { op: 'vm.addAdapter'; args: VmRef & { adapter: AdapterSpec } }
  | { op: 'vm.removeAdapter'; args: VmRef & { adapter: string } }
  | { op: 'vm.setAdapter'; args: VmRef & { adapter: string | null; vlan?: number | null; macSpoofing?: boolean; dhcpGuard?: boolean; routerGuard?: boolean } }
  | { op: 'disk.add'; args: VmRef & DataDiskSpec }
  | { op: 'disk.detach'; args: VmRef & SlotSpec & { path: string } }
  | { op: 'dvd.add'; args: VmRef & DvdSpec }
  | { op: 'dvd.set'; args: VmRef & DvdSpec }
  /** The seed image's bytes travel only in the request to the agent (contentBase64, added at apply); the plan holds its hash. */
  | { op: 'seed.write'; args: VmRef & { path: string; sha256: string; sizeBytes: number } }
  | { op: 'vm.setSettings'; args: VmRef & { settings: SettingsSpec } }
  /** Enable-/Disable-VMIntegrationService, services selected by id (names are localized). */
  | { op: 'vm.setIntegrationServices'; args: VmRef & { services: { id: string; enabled: boolean }[] } }
  /** New-VMSwitch (Internal/Private) with the ownership marker in its Notes, then the NAT if asked. */
  | { op: 'switch.create'; args: { name: string; type: 'Internal' | 'Private'; notes: string; nat: NatSpec | null } }
  | { op: 'switch.setNat'; args: { name: string; nat: NatSpec } }
  | { op: 'switch.remove'; args: { name: string } };

export interface NatSpec {
  subnet: string;
  gateway: string;
  prefixLength: number;
}

export type HostOpName = HostOperation['op'];

/** Read-only agent requests (not plan steps). */
export type QueryOperation =
  | { op: 'observe'; args: { paths: string[]; neighbors: boolean; hashes?: string[] } }
  | { op: 'doctor'; args: { paths: string[]; images: string[]; switches: string[] } }
  | { op: 'guest.addresses'; args: { ids: string[]; neighbors: boolean } };

export type AgentOperation = HostOperation | QueryOperation;
