import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/entry/dirname-shim.ts
// ssh2's bundled poly1305 (emscripten) reads __dirname, which ESM lacks. This module must be the
// first import of every bundled entry so the globals exist before any dependency evaluates.


const here = (0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url);
const g = globalThis;
g.__filename ??= here;
g.__dirname ??= (0,external_node_path_namespaceObject.dirname)(here);

;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
;// CONCATENATED MODULE: ./src/agent/protocol.ts
const PROTOCOL_VERSION = 1;
/** A response line longer than this is a protocol error (a runaway agent must not exhaust memory). */
const MAX_LINE_BYTES = (/* unused pure expression or super */ null && (64 * 1024 * 1024));
/** What one VM may add to an observe answer on top of MAX_LINE_BYTES (a real VM's entry is ~1 KiB). */
const OBSERVE_BYTES_PER_VM = (/* unused pure expression or super */ null && (16 * 1024));
/** The observe answer's hard bound, whatever the VM count: a JavaScript string holds at most ~512 Mi characters. */
const MAX_OBSERVE_LINE_BYTES = (/* unused pure expression or super */ null && (512 * 1024 * 1024 - 1024 * 1024));
/**
 * The longest observe answer accepted for a host expected to hold `vms` VMs (the file's count, or
 * the last observation's, whichever is larger): a 100,000-VM host answers ~100 MiB in one line, more
 * than any other request, and still bounded.
 */
function observeLineCap(vms) {
    const n = Number.isFinite(vms) && vms > 0 ? Math.floor(vms) : 0;
    return Math.min(MAX_OBSERVE_LINE_BYTES, MAX_LINE_BYTES + OBSERVE_BYTES_PER_VM * n);
}
/** Codes an agent may report for one request (the rest are the client's own). */
const AGENT_SIDE_CODES = (/* unused pure expression or super */ null && ([
    'invalid-request',
    'unsupported',
    'not-found',
    'invalid-state',
    'invalid-argument',
    'permission-denied',
    'timeout',
    'hyperv-error',
]));
function encodeRequest(req) {
    return JSON.stringify(req) + '\n';
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Parses the first line; a string result is the reason it is not a valid hello. */
function parseHello(line) {
    let v;
    try {
        v = JSON.parse(line);
    }
    catch {
        return `first line is not JSON: ${preview(line)}`;
    }
    if (!isObject(v) || v.type !== 'hello')
        return `first line is not a hello: ${preview(line)}`;
    if (v.agent !== 'hyperv' && v.agent !== 'sim')
        return `hello names an unknown agent: ${preview(line)}`;
    if (v.protocol !== PROTOCOL_VERSION)
        return `agent speaks protocol ${String(v.protocol)}, this client speaks ${PROTOCOL_VERSION}`;
    if (typeof v.pid !== 'number')
        return `hello carries no pid: ${preview(line)}`;
    return { type: 'hello', agent: v.agent, protocol: v.protocol, pid: v.pid };
}
/** Parses one response line; a string result says why it is not a valid response. */
function parseResponse(line) {
    let v;
    try {
        v = JSON.parse(line);
    }
    catch {
        return `response is not JSON: ${preview(line)}`;
    }
    if (!isObject(v) || typeof v.id !== 'number')
        return `response carries no id: ${preview(line)}`;
    if (v.ok === true) {
        if (!('result' in v))
            return `response ${v.id} has ok=true but no result`;
        return { id: v.id, ok: true, result: v.result };
    }
    if (v.ok === false) {
        const e = v.error;
        if (!isObject(e) || typeof e.code !== 'string' || typeof e.message !== 'string')
            return `response ${v.id} has ok=false but no {code, message} error`;
        const code = AGENT_SIDE_CODES.includes(e.code) ? e.code : 'hyperv-error';
        const message = code === e.code ? e.message : `${e.code}: ${e.message}`;
        return { id: v.id, ok: false, error: { code, message } };
    }
    return `response ${v.id} has no boolean ok`;
}
function preview(s, max = 200) {
    return s.length > max ? `${s.slice(0, max)}… (${s.length} chars)` : s;
}
/** Every operation an agent must answer (checked exhaustive against the core's union below). */
const AGENT_OPS = (/* unused pure expression or super */ null && ([
    'observe',
    'doctor',
    'guest.addresses',
    'vm.create',
    'vm.start',
    'vm.stop',
    'vm.setCpus',
    'vm.setMemory',
    'vm.setSecureBoot',
    'vm.connectSwitch',
    'vm.setMac',
    'vm.setNotes',
    'vm.checkpoint',
    'vm.remove',
    'disk.grow',
    'vm.addAdapter',
    'vm.removeAdapter',
    'vm.setAdapter',
    'disk.add',
    'disk.detach',
    'dvd.add',
    'dvd.set',
    'seed.write',
    'vm.setSettings',
    'vm.setIntegrationServices',
    'switch.create',
    'switch.setNat',
    'switch.remove',
]));
/**
 * The largest seed image seed.write accepts (both agents; the script's $SeedMaxBytes): a NoCloud seed
 * holds at most three files of MAX_FILE_BYTES (1 MiB) each, so anything near this is a mistake, and
 * the bound keeps a request's decoding bounded in memory.
 */
const MAX_SEED_IMAGE_BYTES = 8 * 1024 * 1024;
/**
 * Every VM settings key (vm.create `settings`, vm.setSettings); checked exhaustive below. Both agents
 * apply all of them: the script test holds hyperv-agent.ps1's $SettingsKeys equal to this list.
 */
const SETTINGS_KEYS = ['tpm', 'secureBootTemplate', 'nestedVirtualization', 'checkpointType', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'compatibilityForMigration', 'memoryWeight', 'memoryBuffer', 'firstBootDevice'];
const _allSettings = true;
void _allSettings;
// Fails to compile when operations.ts gains an op this list lacks.
const _exhaustive = true;
void _exhaustive;

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/core/model/guest.ts
/** Well-known component GUID of the Key-Value Pair Exchange integration service (names are localized). */
const KVP_SERVICE_GUID = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F';

;// CONCATENATED MODULE: ./examples/lab/host.json
const host_namespaceObject = {};
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/backends/sim/state.ts
// The simulated host's state file (format `hyperv-converge-sim`, version 1): host facts, VMs with
// every observed field plus guest behaviour, test knobs and counters. Several sim agent processes
// (an apply pool) share one file, so every read-modify-write holds a lock file (O_EXCL) and writes
// through a temp file + rename.



const SIM_FORMAT = 'hyperv-converge-sim';
const SIM_VERSION = 1;
const KVP_SERVICE_NAME = 'Key-Value Pair Exchange';
const INTEGRATION_SERVICES = [
    { id: '84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47', name: 'Heartbeat' },
    { id: '2A34B1C2-FD73-4043-8A5B-DD2159BC743F', name: KVP_SERVICE_NAME },
    { id: '9F8233AC-BE49-4C79-8EE3-E7E1985B2077', name: 'Shutdown' },
    { id: '2497F4DE-E9FA-4204-80E4-4B75C46419C0', name: 'Time Synchronization' },
    { id: '5DED3ABA-20AC-4BE3-8B5F-C0CE1C2E6F72', name: 'VSS' },
];
function defaultIntegrationServices() {
    return INTEGRATION_SERVICES.map((s) => ({ id: s.id, name: s.name, enabled: true, status: 'OK' }));
}
const DEFAULT_KNOBS = { launchDelayMs: 0, opLatencyMs: {}, observePerVmMs: 0, failAt: null, crashAt: null, hangAt: null, failLaunch: false };
let macCounter = 0;
/** A dynamic MAC from Hyper-V's 00-15-5D range. */
function newMac() {
    const n = (Date.now() ^ (process.pid << 8)) + macCounter++ * 7919;
    return ('00155D' + (n & 0xffffff).toString(16).padStart(6, '0')).toUpperCase();
}
const GiB = (/* unused pure expression or super */ null && (1024 ** 3));
function seedVm(s, now) {
    const generation = s.generation ?? 2;
    const state = s.state ?? 'Off';
    const startupBytes = s.memory?.startupBytes ?? 2 * GiB;
    const dynamic = s.memory?.dynamic ?? false;
    return {
        id: (s.id ?? randomUUID()).toLowerCase(),
        name: s.name,
        state,
        generation,
        cpus: s.cpus ?? 2,
        memory: {
            dynamic,
            startupBytes,
            minimumBytes: s.memory?.minimumBytes ?? (dynamic ? 512 * 1024 ** 2 : startupBytes),
            maximumBytes: s.memory?.maximumBytes ?? (dynamic ? 1024 * GiB : startupBytes),
        },
        secureBoot: s.secureBoot === undefined ? (generation === 2 ? true : null) : s.secureBoot,
        notes: s.notes ?? '',
        path: s.path ?? `C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\${s.name}`,
        adapters: s.adapters ?? [{ name: 'Network Adapter', switch: null, mac: newMac(), dynamicMac: true, ips: [] }],
        disks: s.disks ?? [],
        checkpoints: s.checkpoints ?? [],
        integrationServices: s.integrationServices ?? defaultIntegrationServices(),
        guest: { ips: [], ipDelayMs: 0, via: 'kvp', noise: false, ignoreShutdown: false, ...(s.guest ?? {}) },
        startedAt: s.startedAt ?? (state === 'Running' ? now - 3_600_000 : null),
        settlesAt: s.settleAfterMs !== undefined ? now + s.settleAfterMs : (s.settlesAt ?? null),
        settlesTo: s.settlesTo ?? (state === 'Starting' ? 'Running' : state === 'Stopping' ? 'Off' : null),
        // A seeded VM keeps its secure boot template (the lab's Linux VMs carry MicrosoftUEFICertificateAuthority).
        ...(s.secureBootTemplate !== undefined ? { secureBootTemplate: s.secureBootTemplate } : {}),
        // So are DVD drives a seed lists (a VM holding an image in use).
        ...(s.dvdDrives !== undefined ? { dvdDrives: s.dvdDrives.map((d) => ({ ...d })) } : {}),
    };
}
/** Builds a complete state from a seed (pure; write it with writeSimState). */
function buildSimState(seed = {}, now = Date.now()) {
    const files = {};
    for (const [p, f] of Object.entries(seed.files ?? {}))
        files[p] = { sizeBytes: f.sizeBytes, parentPath: f.parentPath ?? null };
    const vms = (seed.vms ?? []).map((v) => seedVm(v, now));
    for (const v of vms)
        for (const d of v.disks)
            files[d.path] ??= { sizeBytes: d.sizeBytes, parentPath: d.parentPath };
    return {
        format: SIM_FORMAT,
        version: SIM_VERSION,
        host: {
            computerName: seed.computerName ?? 'SIM-HV01',
            switches: (seed.switches ?? [{ name: 'Default Switch', type: 'Internal' }]).map((s) => ({ name: s.name, type: s.type ?? 'Internal', ...(s.notes !== undefined ? { notes: s.notes } : {}), ...(s.nat !== undefined ? { nat: s.nat } : {}) })),
            folders: seed.folders ?? [],
            files,
            neighbors: seed.neighbors ?? [],
            userIsHyperVAdmin: seed.userIsHyperVAdmin ?? true,
        },
        vms,
        knobs: { ...DEFAULT_KNOBS, ...(seed.knobs ?? {}) },
        stats: { launches: 0, operations: 0 },
    };
}
/** Writes a new state file from a seed (replacing any), returning the state. */
function createSimState(file, seed = {}) {
    const state = buildSimState(seed);
    writeSimState(file, state);
    return state;
}
/** Structural counts of this process's state-file reads (tests hold the read-ahead to them). */
const simStateReads = { parsed: 0 };
/**
 * A parse of the state file made before a request needed it (the agent reads its host at start,
 * while its client still works: at 100,000 VMs that parse is most of an observe). It is handed out
 * once, and only to a read that finds the file holding the very bytes parsed, so a request never
 * sees a state older than itself (every writer replaces the file; a write in place is caught too).
 */
let ahead = null;
/** Reads and parses the state file now, for the next read of it (a failure is left for that read to report). */
function readSimStateAhead(file) {
    ahead = null;
    try {
        const bytes = (0,external_node_fs_namespaceObject.readFileSync)(file);
        simStateReads.parsed++;
        ahead = { file, bytes, parsed: JSON.parse(bytes.toString('utf8')) };
    }
    catch {
        ahead = null;
    }
}
/**
 * True when the file holds exactly these bytes now. Read through one buffer of at most `chunkBytes`
 * and compared piece by piece: the whole-file copy it replaces was a second state-sized buffer on
 * the observe's path (8 MiB at 10,000 VMs), freshly mapped page by page. A file that grew past the
 * bytes (a read after their length returns more) is not the same.
 */
function fileHoldsBytes(file, bytes, chunkBytes = 1024 * 1024) {
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    }
    catch {
        return false;
    }
    try {
        if ((0,external_node_fs_namespaceObject.fstatSync)(fd).size !== bytes.length)
            return false;
        const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, bytes.length)));
        let at = 0;
        for (;;) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, chunk, 0, chunk.length, at);
            if (n === 0)
                return at === bytes.length;
            if (at + n > bytes.length || chunk.compare(bytes, at, at + n, 0, n) !== 0)
                return false;
            at += n;
        }
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** The state read ahead, as readSimState would give it, left for that read (null: none, or unreadable). */
function peekSimStateAhead(file) {
    if (ahead === null || ahead.file !== file)
        return null;
    const s = ahead.parsed;
    if (s === null || typeof s !== 'object' || s.format !== SIM_FORMAT || s.version !== SIM_VERSION || !Array.isArray(s.vms))
        return null;
    return s;
}
/** The knobs now, read without writing anything (the counters file's, else the state file's). */
function readSimKnobs(file) {
    const counters = readCounters(file);
    if (counters)
        return counters.knobs;
    return { ...DEFAULT_KNOBS, ...(peekSimStateAhead(file) ?? readSimState(file)).knobs };
}
function parseStateFile(file) {
    const kept = ahead;
    ahead = null;
    if (kept !== null && kept.file === file && fileHoldsBytes(file, kept.bytes))
        return kept.parsed;
    const bytes = (0,external_node_fs_namespaceObject.readFileSync)(file);
    simStateReads.parsed++;
    return JSON.parse(bytes.toString('utf8'));
}
function readSimState(file) {
    let v;
    try {
        v = parseStateFile(file);
    }
    catch (e) {
        throw new Error(`cannot read sim state ${file}: ${e.message}`);
    }
    const s = v;
    if (s === null || typeof s !== 'object' || s.format !== SIM_FORMAT || s.version !== SIM_VERSION)
        throw new Error(`${file} is not a ${SIM_FORMAT} v${SIM_VERSION} state file`);
    const counters = readCounters(file);
    s.knobs = { ...DEFAULT_KNOBS, ...(counters?.knobs ?? s.knobs ?? {}) };
    s.stats = counters?.stats ?? s.stats ?? { launches: 0, operations: 0 };
    return s;
}
const countersFile = (file) => `${file}.counters`;
function readCounters(file) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(countersFile(file), 'utf8');
    }
    catch {
        return null;
    }
    const c = JSON.parse(text);
    return { knobs: { ...DEFAULT_KNOBS, ...c.knobs }, stats: c.stats };
}
function writeAtomic(file, text) {
    const tmp = `${file}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomUUID)().slice(0, 8)}.tmp`;
    (0,external_node_fs_namespaceObject.writeFileSync)(tmp, text);
    (0,external_node_fs_namespaceObject.renameSync)(tmp, file);
}
/** Atomic replace: temp file in the same folder, then rename (the counters file too). */
function writeSimState(file, state) {
    // Indented for a host a person reads; compact past 1,000 VMs, where every agent start parses it.
    writeAtomic(file, JSON.stringify(state, null, state.vms.length > 1000 ? undefined : 1));
    writeAtomic(countersFile(file), JSON.stringify({ knobs: state.knobs, stats: state.stats }));
}
// Short retries: a pool of agents contends for the lock on every request, and each holds it for a
// read and a write of a small file.
const LOCK_RETRY_MS = 1;
const LOCK_WAIT_MS = 30_000;
/** A lock older than this is from a crashed holder. */
const LOCK_STALE_MS = 60_000;
/** True when the lock names a pid that no longer runs on this machine (an empty lock is being written). */
function holderDead(lockFile) {
    const text = (0,external_node_fs_namespaceObject.readFileSync)(lockFile, 'utf8').trim();
    // The holder writes its pid right after creating the lock: an empty lock older than a moment is
    // from a holder killed in between.
    if (text === '')
        return Date.now() - (0,external_node_fs_namespaceObject.statSync)(lockFile).mtimeMs > 2_000;
    const pid = Number(text);
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return false;
    }
    catch (e) {
        return e.code === 'ESRCH';
    }
}
/**
 * Removes the lock when its holder is gone. Breakers take turns under a second lock and look again
 * under it: without that, two waiters that both read the dead holder's lock could each unlink "it",
 * and the second would unlink the fresh lock the first had just taken (two holders; an update lost,
 * as seen with 8 agents breaking one lock). A breaker holds the guard for a read and an unlink; a
 * guard older than a few seconds is from a breaker that died there.
 */
function breakIfStale(lockFile) {
    const guard = `${lockFile}.break`;
    try {
        (0,external_node_fs_namespaceObject.closeSync)((0,external_node_fs_namespaceObject.openSync)(guard, 'wx'));
    }
    catch {
        try {
            if (Date.now() - (0,external_node_fs_namespaceObject.statSync)(guard).mtimeMs > 5_000)
                (0,external_node_fs_namespaceObject.unlinkSync)(guard);
        }
        catch {
            /* released meanwhile */
        }
        return; // another waiter is breaking it: try the lock again
    }
    try {
        if (Date.now() - (0,external_node_fs_namespaceObject.statSync)(lockFile).mtimeMs > LOCK_STALE_MS || holderDead(lockFile))
            (0,external_node_fs_namespaceObject.unlinkSync)(lockFile);
    }
    catch {
        /* released meanwhile */
    }
    finally {
        try {
            (0,external_node_fs_namespaceObject.unlinkSync)(guard);
        }
        catch {
            /* already gone */
        }
    }
}
async function lock(file) {
    const lockFile = `${file}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
        try {
            // The holder's pid in the lock: an agent killed while holding it (a client ending its pool
            // kills agents mid-request) leaves a lock nobody will release; a dead holder's lock is stale.
            const fd = (0,external_node_fs_namespaceObject.openSync)(lockFile, 'wx');
            try {
                (0,external_node_fs_namespaceObject.writeSync)(fd, String(process.pid));
            }
            finally {
                (0,external_node_fs_namespaceObject.closeSync)(fd);
            }
            return lockFile;
        }
        catch (e) {
            if (e.code !== 'EEXIST')
                throw e;
            breakIfStale(lockFile);
            if (Date.now() > deadline)
                throw new Error(`sim state ${file} stayed locked for ${LOCK_WAIT_MS} ms (remove ${lockFile} if no sim agent runs)`);
            await new Promise((r) => setTimeout(r, LOCK_RETRY_MS + Math.random() * LOCK_RETRY_MS));
        }
    }
}
/** Runs fn on the current state under the lock; the state fn leaves is written back. */
async function updateSimState(file, fn) {
    const lockFile = await lock(file);
    try {
        const s = readSimState(file);
        const out = fn(s);
        writeSimState(file, s);
        return out;
    }
    finally {
        try {
            (0,external_node_fs_namespaceObject.unlinkSync)(lockFile);
        }
        catch {
            /* already gone */
        }
    }
}
/** Runs fn on the knobs and counters only, under the state's lock: the VMs are not read or written. */
async function updateSimCounters(file, fn) {
    const lockFile = await lock(file);
    try {
        let c = readCounters(file);
        if (!c) {
            const s = readSimState(file);
            c = { knobs: s.knobs, stats: s.stats };
        }
        const out = fn(c);
        writeAtomic(countersFile(file), JSON.stringify(c));
        return out;
    }
    finally {
        try {
            (0,external_node_fs_namespaceObject.unlinkSync)(lockFile);
        }
        catch {
            /* already gone */
        }
    }
}
/**
 * The lab host: the recorded examples/lab/host.json that the CLI's embedded example plans against.
 * The action's sim backend seeds the very same host when its state file is missing.
 */
function labSeed() {
    return structuredClone(labHost);
}
function ensureSimState(file) {
    if (!existsSync(file))
        createSimState(file, labSeed());
}

;// CONCATENATED MODULE: ./src/backends/sim/host.ts
// What the simulated host does for each protocol operation, on the in-memory state. Pure apart from
// the clock passed in: the agent loop handles the file, the lock, knobs and latency. Behaves as
// Hyper-V does where the plan depends on it: power-state rules, memory bounds, disk files.




class SimError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
const MiB = 1024 ** 2;
/** Ends transitional states whose time has come. */
function settle(s, now) {
    for (const vm of s.vms) {
        if (vm.settlesAt !== null && vm.settlesTo && now >= vm.settlesAt) {
            vm.state = vm.settlesTo;
            if (vm.state === 'Running')
                vm.startedAt ??= vm.settlesAt;
            if (vm.state === 'Off')
                vm.startedAt = null;
            vm.settlesAt = null;
            vm.settlesTo = null;
        }
    }
}
function ipsUp(vm, now) {
    return vm.state === 'Running' && vm.startedAt !== null && now - vm.startedAt >= vm.guest.ipDelayMs;
}
/** Addresses Hyper-V would report on the VM's first adapter (KVP tier). */
function kvpIps(vm, now) {
    if (!ipsUp(vm, now) || vm.guest.via !== 'kvp')
        return [];
    const kvp = vm.integrationServices.find((x) => x.id.toUpperCase() === KVP_SERVICE_GUID);
    if (!kvp || !kvp.enabled)
        return [];
    return vm.guest.noise ? ['0.0.0.0', ...vm.guest.ips, '169.254.12.34', 'fe80::215:5dff:fe00:1'] : [...vm.guest.ips];
}
function hostNeighbors(s, now) {
    const out = [...s.host.neighbors];
    for (const vm of s.vms) {
        const a = vm.adapters[0];
        if (!a || !ipsUp(vm, now) || vm.guest.via === 'none')
            continue;
        for (const ip of vm.guest.ips)
            out.push({ ip, mac: a.mac, state: 'Reachable' });
        if (vm.guest.noise)
            out.push({ ip: '169.254.7.7', mac: a.mac, state: 'Stale' });
    }
    return out;
}
/**
 * A VM as observe reports it. The answer shares the state's own objects (memory, disks, adapters
 * whose reported addresses are the stored ones, …) instead of copying them: a query answers from a
 * snapshot read for it alone, serialized before anything else runs, so nothing changes them while
 * they are shared. Copies were most of observe's allocations (eight objects per VM).
 */
function observedVm(vm, now) {
    const ips = kvpIps(vm, now);
    const out = {
        id: vm.id,
        name: vm.name,
        state: vm.state,
        generation: vm.generation,
        cpus: vm.cpus,
        memory: vm.memory,
        secureBoot: vm.secureBoot,
        notes: vm.notes,
        path: vm.path,
        adapters: reportedAdapters(vm.adapters, ips),
        disks: vm.disks,
        checkpoints: vm.checkpoints,
        integrationServices: vm.integrationServices,
    };
    // The wider surface, as far as this VM's state records it (older state files lack it). Set key
    // by key: an Object.fromEntries spread allocated two arrays and an object for every VM.
    if (vm.dvdDrives !== undefined)
        out.dvdDrives = vm.dvdDrives;
    for (const k of SETTINGS_KEYS)
        if (vm[k] !== undefined)
            out[k] = vm[k];
    return out;
}
/** observe's host part: what it reports of the host and of the paths it is asked about. */
function observedHost(s, args, now) {
    if (typeof args !== 'object' || args === null || Array.isArray(args))
        throw new SimError('invalid-request', 'observe: args must be an object');
    const a = args;
    const paths = strings(a, 'paths');
    const hashes = a.hashes === undefined ? [] : strings(a, 'hashes');
    settle(s, now);
    return {
        computerName: s.host.computerName,
        switches: s.host.switches.map((w) => ({ ...w })),
        // A virtual disk (.vhd/.vhdx) reports its virtual size, as the Hyper-V agent reports Get-VHD's
        // Size; other files (an ISO) report none.
        paths: paths.map((p) => ({
            path: p,
            exists: s.host.folders.includes(p) || p in s.host.files,
            ...(p in s.host.files && /\.vhdx?$/i.test(p) ? { sizeBytes: s.host.files[p].sizeBytes } : {}),
            // Get-FileHash of the file when asked; a file the sim did not write has no known content.
            ...(hashes.includes(p) ? { sha256: s.host.files[p]?.sha256 ?? null } : {}),
        })),
        neighbors: a.neighbors === true ? hostNeighbors(s, now) : [],
    };
}
/**
 * observe's VM part as of `now`, when no VM's part can change at a later time unless the state does:
 * no VM has a transition still to settle (settle; one due already is not settled here, since the
 * state is shared with the request, which settles by its own clock), and no running VM's guest
 * addresses are still to come up (ipsUp). Then the answer at any later time, from the same state,
 * is this one. null when some VM's part still depends on the time. Reads the state, changes nothing.
 */
function observedVmsSettled(s, now) {
    for (const vm of s.vms) {
        if (vm.settlesAt !== null)
            return null;
        if (vm.state === 'Running' && vm.startedAt !== null && !ipsUp(vm, now))
            return null;
    }
    return s.vms.map((vm) => observedVm(vm, now));
}
/** The adapters with the addresses Hyper-V reports (the KVP tier's on the first, none on others). */
function reportedAdapters(adapters, ips) {
    for (let i = 0; i < adapters.length; i++) {
        const a = adapters[i];
        // (A seed may leave an adapter's addresses out: reported as none.)
        if (!(Array.isArray(a.ips) && a.ips.length === 0) || (i === 0 && ips.length !== 0))
            return adapters.map((x, j) => ({ ...x, ips: j === 0 ? ips : [] }));
    }
    return adapters; // every adapter already holds what is reported: none
}
function str(a, k) {
    const v = a[k];
    if (typeof v !== 'string')
        throw new SimError('invalid-request', `argument ${k} must be a string`);
    return v;
}
function host_int(a, k) {
    const v = a[k];
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
        throw new SimError('invalid-request', `argument ${k} must be an integer`);
    return v;
}
function bool(a, k) {
    const v = a[k];
    if (typeof v !== 'boolean')
        throw new SimError('invalid-request', `argument ${k} must be a boolean`);
    return v;
}
function strings(a, k) {
    const v = a[k];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        throw new SimError('invalid-request', `argument ${k} must be an array of strings`);
    return v;
}
function findVm(s, a) {
    const id = str(a, 'id').toLowerCase();
    const vm = s.vms.find((v) => v.id === id);
    if (!vm)
        throw new SimError('not-found', `Hyper-V was unable to find a virtual machine with id "${id}" (${String(a.name)}).`);
    return vm;
}
function requireOff(vm, what) {
    if (vm.state !== 'Off')
        throw new SimError('invalid-state', `'${vm.name}' failed to modify ${what}: the operation cannot be performed while the virtual machine is in its current state (${vm.state}).`);
}
function checkMemory(m) {
    for (const [k, v] of Object.entries(m)) {
        if (k === 'dynamic')
            continue;
        if (typeof v !== 'number' || v < 32 * MiB || v % (2 * MiB) !== 0)
            throw new SimError('invalid-argument', `memory ${k} ${String(v)} is invalid: it must be at least 32 MB and a multiple of 2 MB.`);
    }
    if (m.dynamic && !(m.minimumBytes <= m.startupBytes && m.startupBytes <= m.maximumBytes))
        throw new SimError('invalid-argument', `dynamic memory needs minimum ≤ startup ≤ maximum (got ${m.minimumBytes} / ${m.startupBytes} / ${m.maximumBytes}).`);
}
function normalizeMacArg(v) {
    const m = v.replace(/[-:]/g, '').toUpperCase();
    if (!/^[0-9A-F]{12}$/.test(m))
        throw new SimError('invalid-argument', `'${v}' is not a valid MAC address.`);
    return m;
}
function create(s, a, now) {
    if (typeof a?.name !== 'string' || a.name === '')
        throw new SimError('invalid-request', 'vm.create needs a name');
    if (a.generation !== 1 && a.generation !== 2)
        throw new SimError('invalid-argument', `generation ${String(a.generation)} is not 1 or 2`);
    if (!Number.isSafeInteger(a.cpus) || a.cpus < 1 || a.cpus > 240)
        throw new SimError('invalid-argument', `processor count ${a.cpus} is out of range 1..240`);
    const memory = a.memory.dynamic ? { ...a.memory } : { ...a.memory, minimumBytes: a.memory.startupBytes, maximumBytes: a.memory.startupBytes };
    checkMemory(memory);
    if (a.switch !== null && !s.host.switches.some((w) => w.name === a.switch))
        throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${a.switch}".`);
    if (a.generation === 1 && a.secureBoot)
        throw new SimError('invalid-argument', 'secure boot needs a generation 2 VM');
    const disks = [];
    if (a.disk) {
        const image = s.host.files[a.disk.image];
        if (!image)
            throw new SimError('not-found', `The base image '${a.disk.image}' does not exist.`);
        if (s.host.files[a.disk.path])
            throw new SimError('invalid-argument', `The file '${a.disk.path}' already exists.`);
        const size = a.disk.sizeBytes ?? image.sizeBytes;
        if (size < image.sizeBytes)
            throw new SimError('invalid-argument', `disk size ${size} is smaller than the image (${image.sizeBytes}); disks only grow`);
        const parentPath = a.disk.strategy === 'differencing' ? a.disk.image : null;
        s.host.files[a.disk.path] = { sizeBytes: size, parentPath };
        disks.push({ path: a.disk.path, sizeBytes: size, parentPath });
    }
    // New-VM -Path P keeps the VM's files in P\<name>, and that folder is the VM's Path (Learn: New-VM -Path).
    const folder = `${a.path.replace(/[\\/]+$/, '')}\\${a.name}`;
    for (const f of [a.path, folder])
        if (!s.host.folders.includes(f))
            s.host.folders.push(f);
    if (disks[0])
        Object.assign(disks[0], a.generation === 2 ? { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 0 } : { controllerType: 'IDE', controllerNumber: 0, controllerLocation: 0 });
    const adapters = a.adapters
        ? a.adapters.map((x) => newAdapter(s, x))
        : [{ name: 'Network Adapter', switch: a.switch, mac: a.mac ? normalizeMacArg(a.mac) : newMac(), dynamicMac: !a.mac, ips: [], vlan: null, macSpoofing: false, dhcpGuard: false, routerGuard: false }];
    const vm = {
        id: (0,external_node_crypto_namespaceObject.randomUUID)(),
        name: a.name,
        state: 'Off',
        generation: a.generation,
        cpus: a.cpus,
        memory,
        secureBoot: a.generation === 2 ? (a.secureBoot ?? true) : null,
        notes: a.notes,
        path: folder,
        adapters,
        disks,
        checkpoints: [],
        integrationServices: defaultIntegrationServices(),
        guest: { ips: [], ipDelayMs: 0, via: 'kvp', noise: false, ignoreShutdown: false },
        startedAt: null,
        settlesAt: null,
        settlesTo: null,
        // Hyper-V's defaults for a new VM (New-VM): no TPM, Windows template, production checkpoints,
        // start if it was running, save on host shutdown.
        dvdDrives: [],
        tpm: a.generation === 2 ? false : null,
        secureBootTemplate: a.generation === 2 ? 'MicrosoftWindows' : null,
        nestedVirtualization: false,
        checkpointType: 'Production',
        automaticStartAction: 'StartIfRunning',
        automaticStartDelaySec: 0,
        automaticStopAction: 'Save',
        compatibilityForMigration: false,
        memoryWeight: 5000,
        memoryBuffer: 20,
        firstBootDevice: a.generation === 2 ? 'HardDisk' : 'DvdDrive',
    };
    void now;
    for (const d of a.dataDisks ?? [])
        addDisk(s, vm, d);
    for (const d of a.dvdDrives ?? [])
        addDvd(s, vm, d);
    if (a.settings)
        applySettings(vm, a.settings);
    if (a.integrationServices)
        setServices(vm, a.integrationServices);
    s.vms.push(vm);
    return { id: vm.id, name: vm.name };
}
const slotKey = (x) => `${x.controllerType}:${x.controllerNumber}:${x.controllerLocation}`;
function slotArg(a) {
    const t = str(a, 'controllerType');
    if (t !== 'SCSI' && t !== 'IDE')
        throw new SimError('invalid-argument', `controller type '${t}' is not SCSI or IDE`);
    return { controllerType: t, controllerNumber: host_int(a, 'controllerNumber'), controllerLocation: host_int(a, 'controllerLocation') };
}
function checkSlot(vm, slot) {
    if (slot.controllerType === 'IDE' && vm.generation === 2)
        throw new SimError('invalid-argument', `'${vm.name}' is generation 2: it has no IDE controller.`);
    if (slot.controllerType === 'IDE' && (slot.controllerNumber > 1 || slot.controllerLocation > 1))
        throw new SimError('invalid-argument', `IDE ${slot.controllerNumber}:${slot.controllerLocation} does not exist (IDE has controllers 0-1, locations 0-1).`);
    if (slot.controllerType === 'SCSI' && (slot.controllerNumber > 3 || slot.controllerLocation > 63))
        throw new SimError('invalid-argument', `SCSI ${slot.controllerNumber}:${slot.controllerLocation} does not exist.`);
    const taken = [...vm.disks, ...(vm.dvdDrives ?? [])].some((x) => slotKey(x) === slotKey(slot));
    if (taken)
        throw new SimError('invalid-argument', `'${vm.name}' already has a drive at ${slot.controllerType} ${slot.controllerNumber}:${slot.controllerLocation}.`);
}
function newAdapter(s, x) {
    if (x.switch !== null && !s.host.switches.some((w) => w.name === x.switch))
        throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${x.switch}".`);
    return {
        name: x.name,
        switch: x.switch,
        mac: x.mac ? normalizeMacArg(x.mac) : newMac(),
        dynamicMac: !x.mac,
        ips: [],
        vlan: x.vlan ?? null,
        macSpoofing: x.macSpoofing ?? false,
        dhcpGuard: x.dhcpGuard ?? false,
        routerGuard: x.routerGuard ?? false,
    };
}
/** Add-VMHardDiskDrive (after New-VHD -Dynamic for a new disk): the file must exist or be made. */
function addDisk(s, vm, d) {
    const slot = slotArg(d);
    checkSlot(vm, slot);
    if (d.sizeBytes === null) {
        const f = s.host.files[d.path];
        if (!f)
            throw new SimError('not-found', `The file '${d.path}' does not exist.`);
        vm.disks.push({ path: d.path, sizeBytes: f.sizeBytes, parentPath: f.parentPath, ...slot });
        return;
    }
    if (!Number.isSafeInteger(d.sizeBytes) || d.sizeBytes <= 0)
        throw new SimError('invalid-argument', `disk size ${d.sizeBytes} is invalid`);
    if (s.host.files[d.path])
        throw new SimError('invalid-argument', `The file '${d.path}' already exists.`);
    s.host.files[d.path] = { sizeBytes: d.sizeBytes, parentPath: null };
    vm.disks.push({ path: d.path, sizeBytes: d.sizeBytes, parentPath: null, ...slot });
}
function addDvd(s, vm, d) {
    const slot = slotArg(d);
    checkSlot(vm, slot);
    if (d.path !== null && !s.host.files[d.path])
        throw new SimError('not-found', `The file '${d.path}' does not exist.`);
    (vm.dvdDrives ??= []).push({ ...slot, path: d.path });
}
const OFFLINE_SETTINGS = ['tpm', 'secureBootTemplate', 'nestedVirtualization', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'compatibilityForMigration', 'firstBootDevice'];
const SETTING_VALUES = {
    tpm: 'bool',
    secureBootTemplate: ['MicrosoftWindows', 'MicrosoftUEFICertificateAuthority', 'OpenSourceShieldedVM'],
    nestedVirtualization: 'bool',
    checkpointType: ['Standard', 'Production', 'ProductionOnly', 'Disabled'],
    automaticStartAction: ['Nothing', 'StartIfRunning', 'Start'],
    automaticStartDelaySec: 'seconds',
    automaticStopAction: ['TurnOff', 'Save', 'ShutDown'],
    compatibilityForMigration: 'bool',
    memoryWeight: 'weight',
    memoryBuffer: 'buffer',
    firstBootDevice: ['HardDisk', 'DvdDrive', 'NetworkAdapter'],
};
/** Enable-/Disable-VMIntegrationService by id; an unknown id is not-found (never matched by name). */
function setServices(vm, services) {
    let changed = false;
    for (const x of services) {
        if (typeof x?.id !== 'string' || typeof x.enabled !== 'boolean')
            throw new SimError('invalid-request', 'services must be [{ id, enabled }]');
        const svc = vm.integrationServices.find((s) => s.id.toUpperCase() === x.id.toUpperCase());
        if (!svc)
            throw new SimError('not-found', `'${vm.name}' has no integration service with id ${x.id}.`);
        if (svc.enabled !== x.enabled)
            changed = true;
        svc.enabled = x.enabled;
    }
    return changed;
}
function applySettings(vm, settings) {
    for (const [k, v] of Object.entries(settings)) {
        const allowed = SETTING_VALUES[k];
        if (allowed === undefined)
            throw new SimError('invalid-request', `unknown setting '${k}'`);
        const int = (lo, hi) => Number.isSafeInteger(v) && v >= lo && v <= hi;
        const ok = allowed === 'bool' ? typeof v === 'boolean' : allowed === 'seconds' ? int(0, 86400) : allowed === 'weight' ? int(0, 10000) && v % 100 === 0 /* Set-VMMemory -Priority 0..100 (Learn) */ : allowed === 'buffer' ? int(5, 2000) : allowed.includes(v);
        if (!ok)
            throw new SimError('invalid-argument', `${k} cannot be ${JSON.stringify(v)}`);
        if ((k === 'tpm' || k === 'secureBootTemplate') && vm.generation !== 2)
            throw new SimError('invalid-argument', `'${vm.name}' is generation 1: ${k} needs generation 2.`);
        if (k === 'memoryBuffer' && !vm.memory.dynamic)
            throw new SimError('invalid-argument', `'${vm.name}' has static memory: the memory buffer applies to dynamic memory only.`);
    }
    for (const [k, v] of Object.entries(settings))
        vm[k] = v;
}
/** Applies one operation to the state. Throws SimError with the code Hyper-V's failure maps to. */
function simOperation(s, op, args, now) {
    if (typeof args !== 'object' || args === null || Array.isArray(args))
        throw new SimError('invalid-request', `${op}: args must be an object`);
    const a = args;
    settle(s, now);
    switch (op) {
        case 'observe':
            return { host: observedHost(s, a, now), vms: s.vms.map((vm) => observedVm(vm, now)) };
        case 'guest.addresses': {
            const ids = strings(a, 'ids').map((x) => x.toLowerCase());
            return {
                vms: s.vms
                    .filter((vm) => ids.includes(vm.id))
                    .map((vm) => {
                    const kvp = vm.integrationServices.find((x) => x.id.toUpperCase() === KVP_SERVICE_GUID);
                    const ips = kvpIps(vm, now);
                    return {
                        id: vm.id,
                        name: vm.name,
                        state: vm.state,
                        adapters: vm.adapters.map((ad, i) => ({ name: ad.name, mac: ad.mac, ips: i === 0 ? ips : [] })),
                        kvp: kvp ? { enabled: kvp.enabled, status: vm.state === 'Running' && vm.guest.via === 'kvp' ? kvp.status : 'No Contact' } : null,
                    };
                }),
                neighbors: a.neighbors === true ? hostNeighbors(s, now) : [],
            };
        }
        case 'doctor': {
            const paths = strings(a, 'paths');
            const images = strings(a, 'images');
            const switches = strings(a, 'switches');
            const checks = [
                { id: 'hyperv-module', ok: true, message: 'Hyper-V PowerShell module is available (simulated)', fix: null },
                { id: 'vmms', ok: true, message: 'Hyper-V Virtual Machine Management service is running (simulated)', fix: null },
                {
                    id: 'permission',
                    ok: s.host.userIsHyperVAdmin,
                    message: s.host.userIsHyperVAdmin ? 'user may manage Hyper-V' : 'user is neither an administrator nor in Hyper-V Administrators',
                    fix: s.host.userIsHyperVAdmin ? null : 'Add-LocalGroupMember -SID S-1-5-32-578 -Member <user>, then sign in again',
                },
                ...switches.map((w) => {
                    const ok = s.host.switches.some((x) => x.name === w);
                    return { id: `switch:${w}`, ok, message: ok ? `switch '${w}' exists` : `switch '${w}' does not exist`, fix: ok ? null : `New-VMSwitch -Name '${w}' -SwitchType Internal (or fix the switch name in the config)` };
                }),
                ...images.map((p) => {
                    const ok = p in s.host.files;
                    return { id: `image:${p}`, ok, message: ok ? `base image '${p}' exists` : `base image '${p}' does not exist`, fix: ok ? null : `copy the base image to '${p}' (or fix the image path in the config)` };
                }),
                ...paths.map((p) => {
                    const ok = s.host.folders.includes(p);
                    return { id: `path:${p}`, ok, message: ok ? `'${p}' exists and is writable` : `'${p}' does not exist`, fix: ok ? null : `New-Item -ItemType Directory -Path '${p}'` };
                }),
            ];
            return { checks };
        }
        case 'vm.create':
            return create(s, a, now);
        case 'vm.start': {
            const vm = findVm(s, a);
            if (vm.state === 'Running')
                return { state: vm.state, changed: false };
            if (vm.state !== 'Off' && vm.state !== 'Saved' && vm.state !== 'Paused')
                throw new SimError('invalid-state', `'${vm.name}' cannot start while ${vm.state}.`);
            if (vm.state === 'Off')
                vm.startedAt = now;
            vm.state = 'Running';
            return { state: vm.state, changed: true };
        }
        case 'vm.stop': {
            const vm = findVm(s, a);
            const timeoutSec = host_int(a, 'timeoutSec');
            const turnOff = bool(a, 'turnOffAfterTimeout');
            if (vm.state === 'Off')
                return { state: 'Off', changed: false, turnedOff: false };
            if (vm.state === 'Saved' || vm.state === 'Paused') {
                if (!turnOff)
                    throw new SimError('invalid-state', `'${vm.name}' is ${vm.state}: reaching Off discards its memory state, which needs turning off to be allowed.`);
                vm.state = 'Off';
                vm.startedAt = null;
                return { state: 'Off', changed: true, turnedOff: true };
            }
            if (vm.state !== 'Running')
                throw new SimError('invalid-state', `'${vm.name}' is ${vm.state}, not Running: a graceful stop is not possible.`);
            if (vm.guest.ignoreShutdown) {
                if (!turnOff)
                    throw new SimError('timeout', `'${vm.name}' did not shut down within ${timeoutSec} s and turning it off is not allowed.`);
                vm.state = 'Off';
                vm.startedAt = null;
                return { state: 'Off', changed: true, turnedOff: true };
            }
            vm.state = 'Off';
            vm.startedAt = null;
            return { state: 'Off', changed: true, turnedOff: false };
        }
        case 'vm.setCpus': {
            const vm = findVm(s, a);
            const count = host_int(a, 'count');
            if (count < 1 || count > 240)
                throw new SimError('invalid-argument', `processor count ${count} is out of range 1..240`);
            if (count === vm.cpus)
                return { changed: false };
            requireOff(vm, 'processor count');
            vm.cpus = count;
            return { changed: true };
        }
        case 'vm.setMemory': {
            const vm = findVm(s, a);
            const m = { dynamic: bool(a, 'dynamic'), startupBytes: host_int(a, 'startupBytes'), minimumBytes: host_int(a, 'minimumBytes'), maximumBytes: host_int(a, 'maximumBytes') };
            if (!m.dynamic)
                m.minimumBytes = m.maximumBytes = m.startupBytes;
            checkMemory(m);
            const cur = vm.memory;
            if (m.dynamic === cur.dynamic && m.startupBytes === cur.startupBytes && (!m.dynamic || (m.minimumBytes === cur.minimumBytes && m.maximumBytes === cur.maximumBytes)))
                return { changed: false };
            if (vm.state !== 'Off' && vm.state !== 'Running')
                throw new SimError('invalid-state', `'${vm.name}' is ${vm.state}: memory changes need it Off (or Running, for the dynamic range only).`);
            if (vm.state !== 'Off') {
                if (m.dynamic !== vm.memory.dynamic)
                    requireOff(vm, m.dynamic ? 'memory (enable dynamic memory)' : 'memory (disable dynamic memory)');
                if (m.startupBytes !== vm.memory.startupBytes)
                    requireOff(vm, 'memory (startup size)');
                // Online, a running VM's dynamic range may only widen (Hyper-V: raise maximum, lower minimum).
                if (m.minimumBytes > vm.memory.minimumBytes || m.maximumBytes < vm.memory.maximumBytes)
                    throw new SimError('invalid-state', `'${vm.name}': the dynamic memory range can only be widened while the virtual machine is running.`);
            }
            vm.memory = m;
            return { changed: true };
        }
        case 'vm.setSecureBoot': {
            const vm = findVm(s, a);
            const enabled = bool(a, 'enabled');
            if (vm.generation !== 2)
                throw new SimError('invalid-argument', `'${vm.name}' is generation 1: secure boot needs generation 2.`);
            if (vm.secureBoot === enabled)
                return { changed: false };
            requireOff(vm, 'firmware (secure boot)');
            vm.secureBoot = enabled;
            return { changed: true };
        }
        case 'vm.connectSwitch': {
            const vm = findVm(s, a);
            const sw = a.switch === null ? null : str(a, 'switch');
            const ad = a.adapter === null || a.adapter === undefined ? vm.adapters[0] : vm.adapters.find((x) => x.name === a.adapter);
            if (!ad)
                throw new SimError('not-found', `'${vm.name}' has no network adapter${a.adapter ? ` named '${String(a.adapter)}'` : ''}.`);
            if (sw !== null && !s.host.switches.some((w) => w.name === sw))
                throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${sw}".`);
            ad.switch = sw;
            return { changed: true };
        }
        case 'vm.setMac': {
            const vm = findVm(s, a);
            const ad = a.adapter === null || a.adapter === undefined ? vm.adapters[0] : vm.adapters.find((x) => x.name === a.adapter);
            if (!ad)
                throw new SimError('not-found', `'${vm.name}' has no network adapter${a.adapter ? ` named '${String(a.adapter)}'` : ''}.`);
            requireOff(vm, 'network adapter (MAC address)');
            if (a.mac === null)
                ad.dynamicMac = true;
            else {
                ad.mac = normalizeMacArg(str(a, 'mac'));
                ad.dynamicMac = false;
            }
            return { changed: true };
        }
        case 'vm.setNotes': {
            const vm = findVm(s, a);
            vm.notes = str(a, 'notes');
            return { changed: true };
        }
        case 'vm.checkpoint': {
            const vm = findVm(s, a);
            const c = { id: (0,external_node_crypto_namespaceObject.randomUUID)(), name: str(a, 'checkpointName') };
            vm.checkpoints.push(c);
            return c;
        }
        case 'vm.remove': {
            const vm = findVm(s, a);
            const deleteDisks = bool(a, 'deleteDisks');
            if (vm.state !== 'Off')
                requireOff(vm, 'configuration (remove)');
            s.vms = s.vms.filter((v) => v !== vm);
            const paths = vm.disks.map((d) => d.path);
            if (deleteDisks)
                for (const p of paths)
                    delete s.host.files[p];
            return { deletedDisks: deleteDisks ? paths : [], keptDisks: deleteDisks ? [] : paths };
        }
        case 'disk.grow': {
            const vm = findVm(s, a);
            const path = str(a, 'path');
            const size = host_int(a, 'sizeBytes');
            const f = s.host.files[path];
            const d = vm.disks.find((x) => x.path === path);
            if (!f || !d)
                throw new SimError('not-found', `The disk '${path}' of '${vm.name}' does not exist.`);
            if (size < f.sizeBytes)
                throw new SimError('invalid-argument', `disk '${path}' is ${f.sizeBytes} bytes: disks only grow (asked ${size}).`);
            f.sizeBytes = size;
            d.sizeBytes = size;
            return { sizeBytes: size, changed: true };
        }
        case 'vm.addAdapter': {
            const vm = findVm(s, a);
            const spec = a.adapter;
            if (typeof spec?.name !== 'string')
                throw new SimError('invalid-request', 'adapter.name must be a string');
            // Hot add works on generation 2 only (Windows Server 2016 and later).
            if (vm.generation === 1)
                requireOff(vm, 'network adapters (add)');
            if (vm.adapters.some((x) => x.name.toLowerCase() === spec.name.toLowerCase()))
                throw new SimError('invalid-argument', `'${vm.name}' already has an adapter named '${spec.name}'.`);
            vm.adapters.push(newAdapter(s, spec));
            return { changed: true };
        }
        case 'vm.removeAdapter': {
            const vm = findVm(s, a);
            const name = str(a, 'adapter');
            if (vm.generation === 1)
                requireOff(vm, 'network adapters (remove)');
            const before = vm.adapters.length;
            vm.adapters = vm.adapters.filter((x) => x.name !== name);
            if (vm.adapters.length === before)
                throw new SimError('not-found', `'${vm.name}' has no network adapter named '${name}'.`);
            return { changed: true };
        }
        case 'vm.setAdapter': {
            const vm = findVm(s, a);
            const ad = a.adapter === null || a.adapter === undefined ? vm.adapters[0] : vm.adapters.find((x) => x.name === a.adapter);
            if (!ad)
                throw new SimError('not-found', `'${vm.name}' has no network adapter${a.adapter ? ` named '${String(a.adapter)}'` : ''}.`);
            if (a.vlan !== undefined) {
                if (a.vlan !== null && (typeof a.vlan !== 'number' || !Number.isInteger(a.vlan) || a.vlan < 1 || a.vlan > 4094))
                    throw new SimError('invalid-argument', `VLAN id ${String(a.vlan)} is out of range 1..4094`);
                ad.vlan = a.vlan;
            }
            for (const k of ['macSpoofing', 'dhcpGuard', 'routerGuard'])
                if (a[k] !== undefined)
                    ad[k] = bool(a, k);
            return { changed: true };
        }
        case 'disk.add': {
            const vm = findVm(s, a);
            const slot = slotArg(a);
            // SCSI disks attach to a running VM; IDE only when it is off (and generation 2 has none at all).
            if (slot.controllerType === 'IDE' && vm.generation === 2)
                throw new SimError('invalid-argument', `'${vm.name}' is generation 2: it has no IDE controller.`);
            if (slot.controllerType === 'IDE')
                requireOff(vm, 'IDE controller (add disk)');
            addDisk(s, vm, { ...slot, path: str(a, 'path'), sizeBytes: a.sizeBytes === null ? null : host_int(a, 'sizeBytes') });
            return { changed: true };
        }
        case 'disk.detach': {
            const vm = findVm(s, a);
            const slot = slotArg(a);
            if (slot.controllerType === 'IDE')
                requireOff(vm, 'IDE controller (remove disk)');
            const before = vm.disks.length;
            vm.disks = vm.disks.filter((x) => slotKey(x) !== slotKey(slot));
            if (vm.disks.length === before)
                throw new SimError('not-found', `'${vm.name}' has no disk at ${slotKey(slot)}.`);
            return { changed: true, keptFile: str(a, 'path') };
        }
        case 'dvd.add': {
            const vm = findVm(s, a);
            requireOff(vm, 'DVD drives (add)');
            addDvd(s, vm, { ...slotArg(a), path: a.path === null ? null : str(a, 'path') });
            return { changed: true };
        }
        case 'dvd.set': {
            const vm = findVm(s, a);
            const slot = slotArg(a);
            const drive = (vm.dvdDrives ?? []).find((x) => slotKey(x) === slotKey(slot));
            if (!drive)
                throw new SimError('not-found', `'${vm.name}' has no DVD drive at ${slotKey(slot)}.`);
            const path = a.path === null ? null : str(a, 'path');
            if (path !== null && !s.host.files[path])
                throw new SimError('not-found', `The file '${path}' does not exist.`);
            drive.path = path; // a media change is online
            return { changed: true };
        }
        case 'seed.write': {
            const path = str(a, 'path');
            const sha = str(a, 'sha256');
            const size = host_int(a, 'sizeBytes');
            const b64 = str(a, 'contentBase64');
            if (size < 0 || size > MAX_SEED_IMAGE_BYTES || b64.length > 4 * Math.ceil(MAX_SEED_IMAGE_BYTES / 3))
                throw new SimError('invalid-argument', `a seed image may hold at most ${MAX_SEED_IMAGE_BYTES} bytes (asked ${size})`);
            const content = Buffer.from(b64, 'base64');
            if (content.length !== size)
                throw new SimError('invalid-argument', `the seed content is ${content.length} bytes, not ${size}`);
            if ((0,external_node_crypto_namespaceObject.createHash)('sha256').update(content).digest('hex') !== sha)
                throw new SimError('invalid-argument', `the seed content does not match sha256 ${sha}`);
            // A running VM holds its inserted image open: writing over it fails as on a real host.
            const user = s.vms.find((v) => v.state !== 'Off' && (v.dvdDrives ?? []).some((x) => x.path !== null && x.path.toLowerCase() === path.toLowerCase()));
            if (user)
                throw new SimError('invalid-state', `The process cannot access the file '${path}' because it is being used by another process (VM '${user.name}').`);
            const folder = path.slice(0, path.lastIndexOf('\\'));
            if (folder && !s.host.folders.includes(folder))
                s.host.folders.push(folder);
            s.host.files[path] = { sizeBytes: content.length, parentPath: null, sha256: sha };
            return { changed: true, sizeBytes: content.length };
        }
        case 'vm.setSettings': {
            const vm = findVm(s, a);
            const settings = a.settings;
            if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
                throw new SimError('invalid-request', 'settings must be an object');
            const cur = vm;
            const changing = Object.entries(settings).filter(([k, v]) => cur[k] !== v).map(([k]) => k);
            const offline = changing.filter((k) => OFFLINE_SETTINGS.includes(k));
            if (offline.length)
                requireOff(vm, offline.join(', '));
            applySettings(vm, settings);
            return { changed: changing.length > 0 };
        }
        case 'vm.setIntegrationServices': {
            const vm = findVm(s, a);
            if (!Array.isArray(a.services))
                throw new SimError('invalid-request', 'services must be an array');
            return { changed: setServices(vm, a.services) };
        }
        case 'switch.create': {
            const name = str(a, 'name');
            const type = str(a, 'type');
            // External switches bind a physical adapter and interrupt the host's network: never made here.
            if (type !== 'Internal' && type !== 'Private')
                throw new SimError('invalid-argument', `switch type '${type}' is not Internal or Private`);
            if (s.host.switches.some((w) => w.name.toLowerCase() === name.toLowerCase()))
                throw new SimError('invalid-argument', `A virtual switch named '${name}' already exists.`);
            const nat = a.nat === null || a.nat === undefined ? null : a.nat;
            if (nat && type !== 'Internal')
                throw new SimError('invalid-argument', 'NAT needs an internal switch');
            if (nat && typeof nat.subnet !== 'string')
                throw new SimError('invalid-request', 'nat.subnet must be a string');
            if (nat && s.host.switches.some((w) => w.nat === nat.subnet))
                throw new SimError('invalid-argument', `a NetNat for ${String(nat.subnet)} already exists`);
            s.host.switches.push({ name, type, notes: str(a, 'notes'), nat: nat ? nat.subnet : null });
            return { changed: true };
        }
        case 'switch.setNat': {
            const name = str(a, 'name');
            const w = s.host.switches.find((x) => x.name === name);
            if (!w)
                throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${name}".`);
            if (w.type !== 'Internal')
                throw new SimError('invalid-argument', 'NAT needs an internal switch');
            const nat = a.nat;
            if (!nat || typeof nat.subnet !== 'string')
                throw new SimError('invalid-request', 'nat.subnet must be a string');
            w.nat = nat.subnet;
            return { changed: true };
        }
        case 'switch.remove': {
            const name = str(a, 'name');
            const w = s.host.switches.find((x) => x.name === name);
            if (!w)
                throw new SimError('not-found', `Hyper-V was unable to find a virtual switch with name "${name}".`);
            if (w.type === 'External')
                throw new SimError('invalid-argument', `'${name}' is an external switch; this agent never removes one`);
            const users = s.vms.filter((v) => v.adapters.some((x) => x.switch === name)).map((v) => v.name);
            if (users.length)
                throw new SimError('invalid-state', `switch '${name}' is in use by ${users.join(', ')}`);
            s.host.switches = s.host.switches.filter((x) => x !== w);
            return { changed: true };
        }
        default:
            throw new SimError('unsupported', `operation '${op}' is not supported by the sim agent`);
    }
}

;// CONCATENATED MODULE: ./src/backends/sim/agent.ts
// The sim agent process: the same JSON-lines protocol as hyperv-agent.ps1 over stdin/stdout, with
// the host held in a state file shared by every sim agent of a pool. Counters and knobs (latency,
// fail/crash/hang at the Nth operation, slow launch) live in that file too.




const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const CLIENT_PID = Number(process.env.HVC_CLIENT_PID);
const FIRST_PPID = process.ppid;
/** The client that launched us is gone: reparented (POSIX), or its pid no longer runs. */
function clientGone() {
    if (process.platform !== 'win32' && process.ppid !== FIRST_PPID)
        return true;
    if (!Number.isInteger(CLIENT_PID) || CLIENT_PID <= 0)
        return false;
    try {
        process.kill(CLIENT_PID, 0);
        return false;
    }
    catch (e) {
        return e.code !== 'EPERM';
    }
}
/**
 * Runs the agent until stdin ends. `readAhead`: the agent that will observe (its client asks for that
 * one: HVC_SIM_READ_AHEAD) reads the host and prepares its VM list before the hello, while the client
 * still works, and writes nothing until it is asked: a client may start it before it has read its
 * config, and a run whose config is refused then ends it unasked, having changed nothing. Its launch
 * is counted with its first request. A pool's other agents count their launch at once and read
 * nothing ahead: their first request is a change, made under the lock on a fresh read.
 */
async function runSimAgent(stateFile, io, opts = {}) {
    let launchToCount = false;
    let knobs;
    if (opts.readAhead) {
        readSimStateAhead(stateFile);
        knobs = readSimKnobs(stateFile);
        launchToCount = true;
    }
    else {
        knobs = await updateSimCounters(stateFile, (s) => {
            s.stats.launches++;
            return s.knobs;
        });
    }
    if (knobs.launchDelayMs > 0)
        await sleepUnlessOrphaned(knobs.launchDelayMs, io);
    if (knobs.failLaunch) {
        // A failed launch is counted by an agent that counts at once; one that reads ahead was never
        // asked, and writes nothing.
        io.stderr.write('sim: injected launch failure (knobs.failLaunch)\n');
        return io.exit(2);
    }
    // The request takes this parse, and this VM list, if the file still holds the same bytes then.
    if (opts.readAhead)
        prepareObserve(stateFile);
    // A client killed while this agent started (a plan killed while it read its config) asks nothing:
    // end here rather than wait on a pipe nobody writes.
    if (opts.readAhead && clientGone())
        return io.exit(0);
    io.stdout.write(JSON.stringify({ type: 'hello', agent: 'sim', protocol: PROTOCOL_VERSION, pid: process.pid }) + '\n');
    const rl = (0,external_node_readline_namespaceObject.createInterface)({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of rl) {
        if (line.trim() === '')
            continue;
        const countLaunch = launchToCount;
        launchToCount = false;
        const reply = await handleLine(stateFile, line, io, countLaunch);
        if (reply !== null)
            io.stdout.write((typeof reply === 'string' ? reply : JSON.stringify(reply)) + '\n');
    }
    io.exit(0);
}
/**
 * observe's VM part prepared ahead, by the snapshot it was made from: the request's snapshot is that
 * very object only when the file held the same bytes then (readSimState), and the part is kept only
 * when no VM's part changes with time alone (observedVmsSettled), so it is the answer the request
 * would have made. Printed once, here, instead of on the request's path.
 */
const preparedVms = new WeakMap();
function prepareObserve(stateFile) {
    try {
        const s = peekSimStateAhead(stateFile);
        if (s === null)
            return;
        const at = Date.now();
        const vms = observedVmsSettled(s, at);
        if (vms !== null)
            preparedVms.set(s, { text: JSON.stringify(vms), at });
    }
    catch {
        /* the request reads the file again and reports what is wrong with it */
    }
}
/** The prepared VM part, while the clock has not gone back past the moment it was made at. */
function preparedFor(snapshot, now) {
    const p = preparedVms.get(snapshot);
    return p !== undefined && now >= p.at ? p.text : undefined;
}
/** Sleeps, ending the process early (writing nothing) if its client goes away meanwhile. */
async function sleepUnlessOrphaned(ms, io) {
    const until = Date.now() + ms;
    for (let left = ms; left > 0; left = until - Date.now()) {
        await sleep(Math.min(left, 50));
        if (clientGone()) {
            io.exit(0);
            return new Promise(() => undefined);
        }
    }
}
async function handleLine(stateFile, line, io, countLaunch = false) {
    let req;
    try {
        req = JSON.parse(line);
    }
    catch {
        req = undefined; // not JSON: answered below
    }
    const id = typeof req?.id === 'number' ? req.id : -1;
    if (typeof req?.op !== 'string' || id < 0) {
        // A line that is no request still ends the wait for the first one: its launch counts now.
        if (countLaunch)
            await updateSimCounters(stateFile, (s) => void s.stats.launches++);
        return { id, ok: false, error: { code: 'invalid-request', message: req === undefined ? 'request is not JSON' : 'request needs a numeric id and an op' } };
    }
    const op = req.op;
    if (clientGone()) {
        // The client died after writing this request: nobody would learn the outcome, and its next run
        // plans from a fresh observation. Start nothing.
        io.stderr.write(`sim: client gone; ${op} not started\n`);
        io.exit(0);
        return new Promise(() => undefined);
    }
    // Count the operation (globally, across processes) and read the knobs in one locked step.
    const { index, knobs } = await updateSimCounters(stateFile, (s) => {
        if (countLaunch)
            s.stats.launches++;
        return { index: ++s.stats.operations, knobs: s.knobs };
    });
    if (knobs.crashAt === index) {
        io.stderr.write(`sim: injected crash at operation ${index} (${op})\n`);
        io.exit(3);
        return new Promise(() => undefined);
    }
    if (knobs.hangAt === index) {
        io.stderr.write(`sim: injected hang at operation ${index} (${op})\n`);
        io.stdin.once('end', () => io.exit(0)); // an orphaned hung agent still ends with its client
        return new Promise(() => undefined); // never answers; the client's timeout kills us
    }
    const readOnly = op === 'observe' || op === 'guest.addresses' || op === 'doctor';
    // Only the per-VM observe cost needs the VM count before the latency (one extra read then).
    const perVm = op === 'observe' && knobs.observePerVmMs > 0 ? knobs.observePerVmMs * readSimState(stateFile).vms.length : 0;
    const latency = (knobs.opLatencyMs[op] ?? knobs.opLatencyMs.default ?? 0) + perVm;
    if (latency > 0)
        await sleep(latency);
    if (knobs.failAt === index)
        return { id, ok: false, error: { code: 'hyperv-error', message: `sim: injected failure at operation ${index} (${op})` } };
    try {
        // A query reads the state once; a change is applied under the lock.
        const snapshot = readOnly ? readSimState(stateFile) : null;
        const now = Date.now();
        const vmsText = snapshot !== null && op === 'observe' ? preparedFor(snapshot, now) : undefined;
        if (vmsText !== undefined) {
            // The reply JSON.stringify would print of { id, ok, result: { host, vms } }, its VM part printed ahead.
            return `{"id":${id},"ok":true,"result":{"host":${JSON.stringify(observedHost(snapshot, req.args, now))},"vms":${vmsText}}}`;
        }
        const result = snapshot ? simOperation(snapshot, op, req.args, Date.now()) : await updateSimState(stateFile, (s) => simOperation(s, op, req.args, Date.now()));
        return { id, ok: true, result };
    }
    catch (e) {
        if (e instanceof SimError)
            return { id, ok: false, error: { code: e.code, message: e.message } };
        return { id, ok: false, error: { code: 'hyperv-error', message: `sim: ${e.message}` } };
    }
}

;// CONCATENATED MODULE: ./src/entry/sim-agent.ts

// Bundled to dist/sim-agent/index.js: `node dist/sim-agent/index.js --state <file>` (or env
// HVC_SIM_STATE). Speaks the agent protocol on stdin/stdout; see docs/agent.md.

const i = process.argv.indexOf('--state');
const stateFile = i >= 0 ? process.argv[i + 1] : process.env.HVC_SIM_STATE;
if (!stateFile) {
    process.stderr.write('usage: sim-agent --state <state.json>\n');
    process.exit(2);
}
runSimAgent(stateFile, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, exit: (code) => process.exit(code) }, 
// Set by the client for the agent that will observe (simAgentCommand's firstEnv).
{ readAhead: process.env.HVC_SIM_READ_AHEAD === '1' }).catch((e) => {
    process.stderr.write(`sim agent failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
});

