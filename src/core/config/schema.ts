// The JSON Schema of the configuration file. It is the single description of the document's shape:
// ajv validates against it, schemas/config.schema.json is this object printed (a test keeps them
// equal), and editors (yaml-language-server) use that file for completion and hover text. Rules a
// schema cannot state well (memory bounds, duplicate names, merged defaults…) live in rules.ts and
// resolve.ts. Draft-07: the draft every YAML editor understands.
import { SIZE_PATTERN } from '../sizes.js';

export const PROJECT_PATTERN = '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$';
export const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';
export const HOST_NAME_PATTERN =
  '^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$';
export const MAC_PATTERN = '^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$';
export const HOST_KEY_PATTERN = '^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$';
export const SSH_USER_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.-]*$';
/** Characters a VM name may not hold, and no surrounding whitespace or trailing dot (see vm-name.ts). */
export const VM_NAME_PATTERN = '^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$';
/** `C:\…` (either slash) or `\\server\share\…`. */
export const WINDOWS_PATH_PATTERN = '^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+)';
export const ISO_PATH_PATTERN = '^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[iI][sS][oO]$';
/** A file next to the configuration: relative, forward or back slashes, never leaving its folder. */
export const RELATIVE_FILE_PATTERN = '^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$';
export const CIDR_PATTERN = '^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([89]|[12][0-9]|30)$';
export const GUID_PATTERN = '^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$';
export const VHD_PATH_PATTERN = '^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$';
export { SIZE_PATTERN };

/** How each pattern reads to a person, for `expected` in problems. */
export const PATTERN_TEXT: Record<string, string> = {
  [PROJECT_PATTERN]: "1 to 40 lower-case letters, digits or '-', starting and ending with a letter or digit",
  [ENV_NAME_PATTERN]: 'the name of an environment variable (letters, digits and _, not starting with a digit)',
  [HOST_NAME_PATTERN]: 'a host name or FQDN such as hv01 or hv01.corp.example',
  [MAC_PATTERN]: 'a MAC address such as 00-15-5D-01-02-03, 00:15:5D:01:02:03 or 00155D010203',
  [HOST_KEY_PATTERN]: "an SSH public host key '<type> <base64>' with type ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256/384/521",
  [SSH_USER_PATTERN]: 'a user name (letters, digits, _, . and -)',
  [VM_NAME_PATTERN]: 'a VM name without * ? [ ] ` \\ / : " < > |, control characters, surrounding spaces or a trailing dot',
  [WINDOWS_PATH_PATTERN]: 'an absolute Windows path such as D:\\Hyper-V\\lab or \\\\server\\share\\lab',
  [VHD_PATH_PATTERN]: 'an absolute Windows path to a .vhdx or .vhd file, such as D:\\images\\ubuntu.vhdx',
  [ISO_PATH_PATTERN]: 'an absolute Windows path to an .iso file, such as D:\\isos\\tools.iso',
  [RELATIVE_FILE_PATTERN]: 'a path relative to the configuration file, inside its folder (no leading / or drive, no ..)',
  [CIDR_PATTERN]: 'an IPv4 subnet with a prefix of 8 to 30 bits, such as 192.168.77.0/24',
  [GUID_PATTERN]: 'an integration service id (GUID) such as 84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47',
  [SIZE_PATTERN]: 'a size with a unit (B, KB, MB, GB, TB), such as 512MB or 4GB',
};

type JsonSchema = { [k: string]: unknown };

const size = (description: string): JsonSchema => ({ type: 'string', pattern: SIZE_PATTERN, description, examples: ['2GB'] });
const seconds = (description: string, minimum: number, maximum: number, dflt: number): JsonSchema => ({
  type: 'integer',
  minimum,
  maximum,
  default: dflt,
  description: `${description} Seconds, ${minimum} to ${maximum}; default ${dflt}.`,
});
const port = (description: string): JsonSchema => ({ type: 'integer', minimum: 1, maximum: 65535, default: 22, description });

const MEMORY: JsonSchema = {
  description:
    'Memory of the VM. A size (`2GB`) is static memory. A mapping `{ startup, minimum, maximum }` is dynamic memory when ' +
    'minimum or maximum is given or `dynamic: true`; with only `startup` it is static. Hyper-V needs multiples of 2MB, at ' +
    'least 32MB, and minimum ≤ startup ≤ maximum. In defaults, memory is replaced whole by a VM’s own memory, never merged.',
  anyOf: [
    size('Static memory size, such as 2GB.'),
    {
      type: 'object',
      description: 'Memory as a mapping; dynamic when minimum/maximum is given or `dynamic: true`.',
      additionalProperties: false,
      required: ['startup'],
      properties: {
        startup: size('Memory at start (and the static size when not dynamic).'),
        minimum: size('Dynamic memory: the least the VM is shrunk to. Default when dynamic: 512MB, or startup if smaller.'),
        maximum: size('Dynamic memory: the most the VM may grow to. Default when dynamic: 1TB (Hyper-V’s own default).'),
        dynamic: { type: 'boolean', description: 'Force dynamic (true) or static (false) memory. Default: dynamic when minimum or maximum is given.' },
      },
    },
  ],
};

const DISK: JsonSchema = {
  type: 'object',
  description: 'How the VM’s disk is made from `image`. In defaults, disk is merged key by key with a VM’s own disk.',
  additionalProperties: false,
  properties: {
    strategy: {
      type: 'string',
      enum: ['differencing', 'copy'],
      default: 'differencing',
      description: '`differencing`: a child disk whose parent is the image (fast, the image must stay); `copy`: a full copy. Default differencing.',
    },
    size: {
      type: ['string', 'null'],
      pattern: SIZE_PATTERN,
      description: 'Virtual size to grow the VM’s disk to, such as 40GB; null (default) keeps the image’s size. Only used when the VM has an image.',
    },
    deleteOnDestroy: {
      type: 'boolean',
      default: false,
      description: 'Destroying the VM (state: absent, or prune) also deletes its disk files. Default false: disks are kept.',
    },
  },
};

const VM_SSH: JsonSchema = {
  description:
    'This VM’s part in guest SSH (IP discovery, /etc/hosts sync): `false` leaves it out; a mapping overrides the top-level ssh settings. ' +
    'Needs the top-level ssh block. In defaults, ssh is merged key by key with a VM’s own ssh.',
  anyOf: [
    { type: 'boolean', const: false, description: 'Leave this VM out of guest SSH.' },
    {
      type: 'object',
      description: 'Overrides of the top-level ssh settings for this VM.',
      additionalProperties: false,
      properties: {
        user: { type: 'string', pattern: SSH_USER_PATTERN, maxLength: 32, description: 'SSH user in this guest. Default: ssh.user.' },
        port: port('SSH port of this guest. Default: ssh.port.'),
        hostKey: {
          type: ['string', 'null'],
          pattern: HOST_KEY_PATTERN,
          description: 'Pinned host key of this guest (`ssh-ed25519 AAAA…`). Default: ssh.hostKeys[name], else recorded on first contact.',
        },
        sync: { type: 'boolean', description: 'Write the other VMs into this guest’s /etc/hosts. Default: ssh.hosts.sync.' },
      },
    },
  ],
};

const TEXT_OR_FILE = (what: string): JsonSchema => ({
  description: `${what}: the text itself, or \`{ file: path }\` relative to the configuration file. \`\${{ env.NAME }}\` is replaced by that environment variable when the seed is built (secrets never sit in the file).`,
  anyOf: [
    { type: 'string', maxLength: 1048576, description: `${what} as text.` },
    {
      type: 'object',
      additionalProperties: false,
      required: ['file'],
      description: `${what} read from a file next to the configuration.`,
      properties: { file: { type: 'string', pattern: RELATIVE_FILE_PATTERN, description: 'Path relative to the configuration file (inside its folder).' } },
    },
  ],
});

const NETWORK_ADAPTER: JsonSchema = {
  type: 'object',
  description: 'One virtual network adapter. Settings left out are not managed (the host keeps its value).',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, description: 'Adapter name, unique in the VM (Add-VMNetworkAdapter -Name).' },
    switch: { type: ['string', 'null'], minLength: 1, description: 'Virtual switch to connect to; null: not connected.' },
    mac: { type: ['string', 'null'], pattern: MAC_PATTERN, description: 'Static MAC address (unicast); null or omitted: dynamic.' },
    vlan: { type: ['integer', 'null'], minimum: 1, maximum: 4094, description: 'Access-mode VLAN id (Set-VMNetworkAdapterVlan -Access -VlanId); null: untagged.' },
    macSpoofing: { type: 'boolean', description: 'Allow MAC address spoofing (needed by nested VMs and some routers).' },
    dhcpGuard: { type: 'boolean', description: 'Drop DHCP server messages from this VM.' },
    routerGuard: { type: 'boolean', description: 'Drop router advertisements and redirects from this VM.' },
  },
};

const DATA_DISK: JsonSchema = {
  type: 'object',
  description: 'A data disk: `size` makes a new empty VHDX in the VM folder (grow only); `path` attaches an existing VHDX. Position n in the list is a fixed controller position.',
  additionalProperties: false,
  properties: {
    size: { type: 'string', pattern: SIZE_PATTERN, description: 'Size of a new empty dynamic VHDX, such as 20GB. Grow only.', examples: ['20GB'] },
    path: { type: 'string', pattern: VHD_PATH_PATTERN, description: 'An existing .vhdx/.vhd on the host to attach (never created or deleted).' },
  },
  // Exactly one of size and path (additionalProperties is false).
  minProperties: 1,
  maxProperties: 1,
};

const DVD_DRIVE: JsonSchema = {
  type: 'object',
  description: 'A DVD drive: an ISO on the host, or empty.',
  additionalProperties: false,
  required: ['path'],
  properties: { path: { type: ['string', 'null'], pattern: ISO_PATH_PATTERN, description: 'ISO on the host (absolute Windows path); null: empty drive.' } },
};

const CLOUD_INIT: JsonSchema = {
  type: 'object',
  description:
    'First-boot seed (cloud-init NoCloud): an ISO labelled cidata with user-data, meta-data and network-config, built byte-for-byte deterministically, written to the VM folder by the agent and inserted as a DVD.',
  additionalProperties: false,
  required: ['userData'],
  properties: {
    userData: TEXT_OR_FILE('user-data (usually starting with #cloud-config)'),
    metaData: TEXT_OR_FILE('meta-data (default: instance-id and local-hostname set to the VM name)'),
    networkConfig: TEXT_OR_FILE('network-config (optional; cloud-init network config version 1 or 2)'),
  },
};

/** Every VM field except `name`: the keys a VM and `defaults` share. */
const VM_FIELDS: Record<string, JsonSchema> = {
  state: {
    type: 'string',
    enum: ['running', 'stopped', 'absent'],
    default: 'running',
    description: 'Desired power state; `absent` destroys the VM (only if this project owns it). Default running.',
  },
  generation: {
    type: 'integer',
    enum: [1, 2],
    default: 2,
    description: 'Hyper-V VM generation, 1 or 2. Fixed at creation: changing it means a new VM. Default 2.',
  },
  cpus: { type: 'integer', minimum: 1, maximum: 240, description: 'Virtual processors, 1 to 240. Required (on the VM or in defaults).' },
  memory: MEMORY,
  secureBoot: {
    type: 'boolean',
    description: 'UEFI secure boot; generation 2 only (true on generation 1 is an error). Default true on generation 2.',
  },
  switch: {
    type: ['string', 'null'],
    minLength: 1,
    description: 'Virtual switch the VM’s network adapter connects to, such as `Default Switch`. Default null: not connected.',
  },
  mac: {
    type: ['string', 'null'],
    pattern: MAC_PATTERN,
    description: 'Static MAC address (00-15-5D-01-02-03, 00:15:5D:01:02:03 or 00155D010203); must be unicast. Default null: dynamic.',
  },
  image: {
    type: ['string', 'null'],
    pattern: VHD_PATH_PATTERN,
    description: 'Base disk (.vhdx or .vhd, absolute Windows path on the host) the VM’s disk is made from. Default null: a VM without a disk.',
  },
  disk: DISK,
  networkAdapters: {
    type: 'array',
    maxItems: 12,
    items: NETWORK_ADAPTER,
    description: 'Network adapters, replacing the single `switch`/`mac` form (use one or the other). Adapters the VM has that are not listed are removed.',
  },
  dataDisks: { type: 'array', maxItems: 31, items: DATA_DISK, description: 'Data disks after the boot disk, at fixed positions (SCSI controller 0, locations 1…). Removed entries are detached, files kept.' },
  dvdDrives: { type: 'array', maxItems: 2, items: DVD_DRIVE, description: 'DVD drives at fixed positions (generation 2: SCSI 0 from location 32; generation 1: IDE 1). The seed, if any, comes after them.' },
  cloudInit: CLOUD_INIT,
  tpm: { type: 'boolean', description: 'Virtual TPM (generation 2; Windows 11 needs it). Changing it needs the VM off. Omitted: not managed.' },
  secureBootTemplate: {
    type: 'string',
    enum: ['MicrosoftWindows', 'MicrosoftUEFICertificateAuthority', 'OpenSourceShieldedVM'],
    description: 'Secure boot template (generation 2): MicrosoftWindows for Windows guests, MicrosoftUEFICertificateAuthority for most Linux. Needs the VM off. Omitted: not managed.',
  },
  nestedVirtualization: { type: 'boolean', description: 'Expose virtualization extensions to the guest (nested Hyper-V, WSL2, K8s in VMs). Needs the VM off. Omitted: not managed.' },
  checkpointType: { type: 'string', enum: ['Standard', 'Production', 'ProductionOnly', 'Disabled'], description: 'Checkpoint type (Set-VM -CheckpointType). Omitted: not managed.' },
  automaticStartAction: { type: 'string', enum: ['Nothing', 'StartIfRunning', 'Start'], description: 'What the VM does when the host starts. Needs the VM off. Omitted: not managed.' },
  automaticStartDelay: { type: 'integer', minimum: 0, maximum: 86400, description: 'Seconds to wait before the automatic start. Needs the VM off. Omitted: not managed.' },
  automaticStopAction: { type: 'string', enum: ['TurnOff', 'Save', 'ShutDown'], description: 'What the VM does when the host shuts down. Needs the VM off. Omitted: not managed.' },
  compatibilityForMigration: { type: 'boolean', description: 'Processor compatibility for migration to hosts with another CPU generation. Needs the VM off. Omitted: not managed.' },
  memoryWeight: { type: 'integer', minimum: 0, maximum: 10000, multipleOf: 100, description: 'Memory weight 0 to 10000 in steps of 100 against other VMs (Hyper-V sets it as Set-VMMemory -Priority 0 to 100). Changes online. Omitted: not managed.' },
  memoryBuffer: { type: 'integer', minimum: 5, maximum: 2000, description: 'Dynamic memory buffer, percent 5 to 2000; dynamic memory only. Changes online. Omitted: not managed.' },
  firstBootDevice: { type: 'string', enum: ['HardDisk', 'DvdDrive', 'NetworkAdapter'], description: 'The device the VM boots from first. Needs the VM off. Omitted: not managed.' },
  integrationServices: {
    type: 'object',
    description: 'Integration services to enable (true) or disable (false), keyed by the service GUID (names are localized; ids are not). Changes online. Omitted services are not managed.',
    propertyNames: { pattern: GUID_PATTERN },
    additionalProperties: { type: 'boolean', description: 'true: enabled; false: disabled.' },
  },
  path: {
    type: 'string',
    pattern: WINDOWS_PATH_PATTERN,
    description: 'Folder on the host the VM’s configuration and disk live under (absolute: C:\\… or \\\\server\\share\\…). Required (on the VM or in defaults).',
  },
  notes: {
    type: 'string',
    default: '',
    description: 'Free text kept in the VM’s Notes. The tool adds its ownership marker itself; `hyperv-converge:` may not appear here.',
  },
  ssh: VM_SSH,
};

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:hyperv-converge:config:1',
  title: 'hyperv-converge configuration',
  description: 'Hyper-V VMs a repository keeps in the described state (hyperv-converge, version 1). See docs/config.md.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'project', 'vms'],
  properties: {
    version: { const: 1, description: 'Format version of this file; must be 1.' },
    project: {
      type: 'string',
      pattern: PROJECT_PATTERN,
      description:
        "Ownership namespace, written into each VM's Notes; only VMs carrying it are ever changed or removed. 1 to 40 of a-z, 0-9 and '-'.",
      examples: ['lab'],
    },
    host: {
      type: 'object',
      description: 'The Hyper-V host. Omitted: the local machine with default settings.',
      additionalProperties: false,
      properties: {
        computerName: {
          type: ['string', 'null'],
          pattern: HOST_NAME_PATTERN,
          description: 'Remote Hyper-V host (host name or FQDN) driven through PowerShell remoting. Omitted or null: the local machine.',
        },
        concurrency: {
          type: 'integer',
          minimum: 1,
          maximum: 32,
          default: 2,
          description: 'Apply pool size: long-lived agents, and VMs worked on at once. 1 to 32; default 2.',
        },
        operationTimeout: seconds('Bound for one host operation.', 10, 7200, 600),
      },
    },
    defaults: {
      type: 'object',
      description:
        'Values every VM gets unless it sets them itself: any VM field except name. disk and ssh merge key by key; every other field (memory too) is replaced whole.',
      additionalProperties: false,
      properties: VM_FIELDS,
    },
    policy: {
      type: 'object',
      description: 'What the tool may do on its own. Omitted: the safe defaults below.',
      additionalProperties: false,
      properties: {
        protect: {
          type: 'array',
          items: { type: 'string', minLength: 1, description: 'VM name pattern; `*` matches any run of characters, `?` one character.' },
          default: ['prod-*'],
          description: 'VM name patterns whose disruptive or destructive steps are always refused. Default ["prod-*"]; [] protects nothing.',
        },
        allowRestart: {
          type: 'boolean',
          default: false,
          description: 'Changes that need the VM off (CPU count, static memory, secure boot) may be planned as stop → change → start. Default false.',
        },
        allowTurnOff: {
          type: 'boolean',
          default: false,
          description: 'After a graceful stop times out, the VM may be turned off (a power cut). Default false.',
        },
        maxDisruptive: {
          type: 'integer',
          minimum: 0,
          default: 5,
          description: 'At most this many disruptive or destructive steps per run; the rest are refused. Default 5.',
        },
        prune: {
          type: 'boolean',
          default: false,
          description: 'Destroy VMs this project owns that the file no longer names. Default false.',
        },
        checkpointBeforeDisruptive: {
          type: 'boolean',
          default: false,
          description: 'Take a checkpoint before the first disruptive step of a VM. Default false.',
        },
        stopTimeout: seconds('Bound for a graceful shutdown.', 5, 3600, 120),
      },
    },
    ssh: {
      type: 'object',
      description: 'Guest SSH: enables guest IP discovery checks and /etc/hosts sync in Linux guests. Omitted: no guest SSH.',
      additionalProperties: false,
      required: ['user', 'privateKeyEnv'],
      properties: {
        user: { type: 'string', pattern: SSH_USER_PATTERN, maxLength: 32, description: 'SSH user in the guests, such as ubuntu. Required.' },
        port: port('SSH port of the guests. Default 22.'),
        privateKeyEnv: {
          type: 'string',
          pattern: ENV_NAME_PATTERN,
          description: 'NAME of the environment variable that holds the private key (never the key itself), such as LAB_SSH_KEY. Required.',
          examples: ['LAB_SSH_KEY'],
        },
        hostKeys: {
          type: 'object',
          description: 'Pinned host keys by VM name (names of VMs in this file). VMs not listed are recorded on first contact.',
          additionalProperties: { type: 'string', pattern: HOST_KEY_PATTERN, description: 'Host key `<type> <base64>`.' },
          default: {},
        },
        knownHostsFile: {
          type: 'string',
          minLength: 1,
          description:
            'Where first-contact host keys are recorded and then enforced (relative to the working directory). Default: known_hosts-<host> in the state directory ($HVC_STATE_DIR or ~/.hyperv-converge), which outlives the workspace that checkout cleans.',
        },
        hosts: {
          type: 'object',
          description: '/etc/hosts sync in the guests.',
          additionalProperties: false,
          properties: {
            sync: { type: 'boolean', default: true, description: 'Write every VM’s address into each guest’s /etc/hosts. Default true.' },
          },
        },
        ipv6: { type: 'boolean', default: false, description: 'Include IPv6 addresses in discovery. Default false.' },
        discoveryTimeout: seconds('Bound for guest IP discovery per run.', 5, 3600, 120),
      },
    },
    switches: {
      type: 'array',
      maxItems: 64,
      description:
        'Virtual switches the file declares, made before the VMs. Internal and Private switches are created (and removed with state: absent) when this project owns them; External switches are only referenced: never created or removed, since that interrupts the host’s own network.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'type'],
        description: 'One virtual switch.',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 100, pattern: VM_NAME_PATTERN, description: 'Switch name on the host, unique in this file.' },
          type: { type: 'string', enum: ['Internal', 'Private', 'External'], description: 'Internal (host + VMs), Private (VMs only), or External (referenced only; must exist).' },
          nat: {
            type: 'object',
            additionalProperties: false,
            required: ['subnet'],
            description: 'Internal switches: NAT for the VMs on this subnet (New-NetIPAddress on the switch’s host interface + New-NetNat).',
            properties: { subnet: { type: 'string', pattern: CIDR_PATTERN, description: 'IPv4 subnet such as 192.168.77.0/24; the host takes its first address as the gateway.' } },
          },
          state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'present (default) or absent: remove the switch if this project owns it and no VM uses it.' },
        },
      },
    },
    vms: {
      type: 'array',
      description: 'The VMs, in the order they are worked on. May be empty.',
      items: {
        type: 'object',
        description: 'One VM. Fields it does not set come from defaults, then from the built-in defaults.',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: {
            type: 'string',
            minLength: 1,
            maxLength: 100,
            pattern: VM_NAME_PATTERN,
            description:
              'VM name on the host, unique in this file (case-insensitively). 1 to 100 characters; no * ? [ ] ` \\ / : " < > | or control characters, no surrounding spaces, no trailing dot.',
          },
          ...VM_FIELDS,
        },
      },
    },
  },
} as const satisfies JsonSchema;
