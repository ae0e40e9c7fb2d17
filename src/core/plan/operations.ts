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
}

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
  | { op: 'disk.grow'; args: { id: string; name: string; path: string; sizeBytes: number } };

export type HostOpName = HostOperation['op'];

/** Read-only agent requests (not plan steps). */
export type QueryOperation =
  | { op: 'observe'; args: { paths: string[]; neighbors: boolean } }
  | { op: 'doctor'; args: { paths: string[]; images: string[]; switches: string[] } }
  | { op: 'guest.addresses'; args: { ids: string[]; neighbors: boolean } };

export type AgentOperation = HostOperation | QueryOperation;
