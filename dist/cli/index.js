#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6214:
/***/ ((__unused_webpack_module, exports) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports.A = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 7900:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TS: () => (/* binding */ OUT_LOCK),
/* harmony export */   Wv: () => (/* binding */ writeArtifactTree),
/* harmony export */   w6: () => (/* binding */ writeArtifact),
/* harmony export */   zh: () => (/* binding */ clearArtifacts)
/* harmony export */ });
/* unused harmony exports ONE_LINE_OVER, artifactText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_canonical_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(457);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4296);
// Writes the three artifacts into the output folder: key-sorted JSON so equal content gives equal
// bytes, indented for a person up to ONE_LINE_OVER characters and on one line past that (a host of
// thousands of VMs: `jq .` shows it indented). Nothing is written anywhere else.




/**
 * An artifact whose JSON is longer than this many characters is written on one line: indenting a
 * 10,000-VM observation prints it a second time and makes the file half as large again, for a file
 * no one reads without a tool. About 1,700 VMs of current.json fit under it.
 */
const ONE_LINE_OVER = 1 << 20;
function writeArtifact(outDir, name, value) {
    return writeArtifactTree(outDir, name, (0,_core_canonical_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalTree */ .DZ)(value));
}
/**
 * writeArtifact of a value canonicalTree already normalized (no second pass over it). With the
 * run's `texts`, members already printed (for a hash) are not printed again.
 */
function writeArtifactTree(outDir, name, tree, texts = new _core_canonical_js__WEBPACK_IMPORTED_MODULE_2__/* .CanonicalTexts */ .TK()) {
    return writeText(outDir, name, () => artifactText(tree, texts));
}
/**
 * The artifact's text in parts (written in turn, never joined): the compact canonical JSON composed
 * from printed members, or the indented text when it is short.
 */
function artifactText(tree, texts = new _core_canonical_js__WEBPACK_IMPORTED_MODULE_2__/* .CanonicalTexts */ .TK()) {
    const parts = tree !== null && typeof tree === 'object' && !Array.isArray(tree) ? texts.objectParts(tree) : [texts.of(tree)];
    let length = 0;
    for (const p of parts)
        length += p.length;
    if (length <= ONE_LINE_OVER)
        return [(0,_core_canonical_js__WEBPACK_IMPORTED_MODULE_2__/* .prettyTree */ .HX)(tree)];
    parts.push('\n');
    return parts;
}
function writeText(outDir, name, text) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, name);
    const tmp = `${file}.tmp-${process.pid}`;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(outDir, { recursive: true });
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(tmp, 'w');
        try {
            for (const part of text())
                if (part.length > 0)
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(fd, part); // whole, at the file's position
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, file); // a reader never sees half a file
        return file;
    }
    catch (e) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(tmp, { force: true, recursive: true });
        const code = e.code;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HvcError */ .Iy('output-failed', `${name} cannot be written in ${outDir}${code ? ` (${code})` : ''}: ${e.message}`, { cause: e });
    }
}
/** The name of the output folder's own lock file (never an artifact): one run per folder. */
const OUT_LOCK = '.hyperv-converge-out.lock';
/** Removes an earlier run's artifacts from the output folder, so it never mixes two runs. */
function clearArtifacts(outDir) {
    for (const name of ['current.json', 'plan.json', 'result.json']) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(outDir, name), { force: true });
        }
        catch (e) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HvcError */ .Iy('output-failed', `the earlier ${name} in ${outDir} cannot be removed: ${e.message}`, { cause: e });
        }
    }
}


/***/ }),

/***/ 9111:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  n0: () => (/* binding */ createBackend),
  qd: () => (/* binding */ createBackendEarly)
});

// UNUSED EXPORTS: AgentBackend

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/agent/protocol.ts
const PROTOCOL_VERSION = 1;
/** A response line longer than this is a protocol error (a runaway agent must not exhaust memory). */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** What one VM may add to an observe answer on top of MAX_LINE_BYTES (a real VM's entry is ~1 KiB). */
const OBSERVE_BYTES_PER_VM = 16 * 1024;
/** The observe answer's hard bound, whatever the VM count: a JavaScript string holds at most ~512 Mi characters. */
const MAX_OBSERVE_LINE_BYTES = 512 * 1024 * 1024 - 1024 * 1024;
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
const AGENT_SIDE_CODES = [
    'invalid-request',
    'unsupported',
    'not-found',
    'invalid-state',
    'invalid-argument',
    'permission-denied',
    'timeout',
    'hyperv-error',
];
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
const MAX_SEED_IMAGE_BYTES = (/* unused pure expression or super */ null && (8 * 1024 * 1024));
/**
 * Every VM settings key (vm.create `settings`, vm.setSettings); checked exhaustive below. Both agents
 * apply all of them: the script test holds hyperv-agent.ps1's $SettingsKeys equal to this list.
 */
const SETTINGS_KEYS = (/* unused pure expression or super */ null && (['tpm', 'secureBootTemplate', 'nestedVirtualization', 'checkpointType', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'compatibilityForMigration', 'memoryWeight', 'memoryBuffer', 'firstBootDevice']));
const _allSettings = true;
void _allSettings;
// Fails to compile when operations.ts gains an op this list lacks.
const _exhaustive = true;
void _exhaustive;

;// CONCATENATED MODULE: ./src/agent/client.ts
// One long-lived agent process: start it, wait for its hello, send one request at a time and read
// the matching response. Every way the process can misbehave (no start, exit, silence, garbage,
// oversize output) becomes a typed AgentError; it is never mistaken for a success.


const DEFAULT_LAUNCH_TIMEOUT_MS = 60_000;
const STDERR_TAIL_BYTES = 8 * 1024;
const EXIT_GRACE_MS = 2_000;
/** Thrown by start() only; request() never throws. */
class AgentStartError extends Error {
    error;
    constructor(error) {
        super(error.message);
        this.error = error;
        this.name = 'AgentStartError';
    }
}
/** The line's text is only whitespace (as String.prototype.trim sees it), judged from its first bytes. */
function isBlank(bytes) {
    for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (b === 32 || (b >= 9 && b <= 13))
            continue;
        // Not ASCII whitespace: a line (JSON starts with '{'), unless it is Unicode whitespace.
        return b < 0x80 ? false : bytes.toString('utf8').trim() === '';
    }
    return true;
}
class AgentProcess {
    child;
    buf = [];
    bufLen = 0;
    lines = [];
    waiter = null;
    stderrTail = '';
    deadReason = null;
    exited;
    nextId = 1;
    busy = false;
    maxLineBytes;
    /** The bound for the line being read now: maxLineBytes, or a request's own (observe). */
    lineCap;
    hello = null;
    constructor(spec, opts) {
        this.maxLineBytes = opts.maxLineBytes ?? MAX_LINE_BYTES;
        this.lineCap = this.maxLineBytes;
        this.child = (0,external_node_child_process_namespaceObject.spawn)(spec.command, spec.args, {
            cwd: spec.cwd,
            // HVC_CLIENT_PID: the agent checks it before each operation and starts none once we are gone.
            // replaceEnv: the PowerShell agent gets only the environment its launcher built (no secrets).
            env: { ...(spec.replaceEnv ? {} : process.env), ...(spec.env ?? {}), HVC_CLIENT_PID: String(process.pid) },
            stdio: ['pipe', 'pipe', 'pipe'],
            windowsHide: true,
        });
        this.exited = new Promise((resolve) => {
            this.child.once('close', (code, signal) => {
                this.die('agent-crashed', `agent exited (${signal ? `signal ${signal}` : `code ${code}`})`);
                resolve();
            });
            this.child.once('error', (err) => {
                // spawn failure (ENOENT, EACCES): 'close' may not follow.
                this.die('agent-launch-failed', `cannot start ${spec.command}: ${err.message}`);
                resolve();
            });
        });
        this.child.stdin?.on('error', () => undefined); // EPIPE when the agent is gone: reported via close
        this.child.stdout?.on('data', (chunk) => this.onStdout(chunk));
        this.child.stderr?.on('data', (chunk) => {
            this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
        });
    }
    /** Starts the agent and waits for a valid hello line. */
    static async start(spec, opts = {}, signal) {
        const agent = new AgentProcess(spec, opts);
        // A launch nobody needs any more (a prestarted pool agent when the run ends early) is killed
        // at once, not waited for.
        const abort = () => void agent.kill();
        if (signal?.aborted)
            abort();
        signal?.addEventListener('abort', abort, { once: true });
        try {
            return await AgentProcess.handshake(agent, opts);
        }
        finally {
            signal?.removeEventListener('abort', abort);
        }
    }
    static async handshake(agent, opts) {
        const timeoutMs = opts.launchTimeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS;
        const got = await agent.nextLine(timeoutMs);
        if (got.failure) {
            const code = got.failure.code === 'agent-protocol' ? 'agent-protocol' : 'agent-launch-failed';
            const message = got.failure.code === 'agent-timeout' ? `agent did not say hello within ${timeoutMs} ms` : `agent failed to start: ${got.failure.message}`;
            await agent.kill();
            throw new AgentStartError({ code, message, ...(agent.stderr() ? { stderr: agent.stderr() } : {}) });
        }
        const hello = parseHello(got.line);
        if (typeof hello === 'string') {
            await agent.kill();
            throw new AgentStartError({ code: 'agent-protocol', message: hello, ...(agent.stderr() ? { stderr: agent.stderr() } : {}) });
        }
        agent.hello = hello;
        agent.setIdle(true);
        return agent;
    }
    get alive() {
        return this.deadReason === null;
    }
    get pid() {
        return this.child.pid;
    }
    stderr() {
        return this.stderrTail.trim();
    }
    /**
     * Sends one request and waits for its response. Never throws. `maxLineBytes` raises the bound for
     * this response only (observe of a large host); other responses keep the agent's own.
     */
    async request(op, timeoutMs, opts = {}) {
        const started = Date.now();
        const fail = (error) => ({ ok: false, error, durationMs: Date.now() - started });
        if (this.busy)
            return fail({ code: 'agent-protocol', message: 'agent is busy: one request at a time per agent' });
        if (this.deadReason)
            return fail(this.withStderr(this.deadReason));
        this.busy = true;
        this.setIdle(false);
        try {
            const id = this.nextId++;
            this.lineCap = Math.max(this.maxLineBytes, opts.maxLineBytes ?? 0);
            this.child.stdin?.write(encodeRequest({ id, op: op.op, args: op.args }));
            const got = await this.nextLine(timeoutMs);
            if (got.failure) {
                if (got.failure.code === 'agent-timeout') {
                    const err = { code: 'agent-timeout', message: `${op.op}: no answer within ${timeoutMs} ms; agent killed` };
                    this.deadReason = err;
                    await this.kill();
                    return fail(this.withStderr(err));
                }
                if (got.failure.code === 'agent-protocol')
                    await this.kill();
                return fail(this.withStderr({ ...got.failure, message: `${op.op}: ${got.failure.message}` }));
            }
            const res = parseResponse(got.line);
            if (typeof res === 'string' || res.id !== id) {
                const message = typeof res === 'string' ? res : `response id ${res.id} does not match request id ${id}`;
                this.deadReason = { code: 'agent-protocol', message };
                await this.kill();
                return fail(this.withStderr({ code: 'agent-protocol', message: `${op.op}: ${message}` }));
            }
            if (res.ok)
                return { ok: true, result: res.result, durationMs: Date.now() - started };
            return fail({ code: res.error.code, message: res.error.message });
        }
        finally {
            this.lineCap = this.maxLineBytes;
            this.busy = false;
            if (this.alive)
                this.setIdle(true);
        }
    }
    /** True while a request is outstanding. */
    get inFlight() {
        return this.busy;
    }
    /**
     * Leaves a busy agent to finish its operation on its own (a cancelled run): stdin is closed so it
     * starts nothing more, and it is neither killed nor waited for. The next apply waits for it.
     */
    detach() {
        this.setIdle(true);
        this.child.stdin?.end();
    }
    /** Closes stdin (the agent exits 0 on EOF), then kills it if it lingers. */
    async close() {
        if (this.child.exitCode !== null || this.child.signalCode !== null)
            return this.exited;
        this.setIdle(false);
        if (!this.deadReason)
            this.deadReason = { code: 'agent-crashed', message: 'agent closed' };
        this.child.stdin?.end();
        const t = setTimeout(() => this.child.kill('SIGKILL'), EXIT_GRACE_MS);
        await this.exited;
        clearTimeout(t);
    }
    async kill() {
        if (this.child.exitCode === null && this.child.signalCode === null)
            this.child.kill('SIGKILL');
        if (this.child.pid === undefined)
            return; // never started: 'error' resolves exited
        await this.exited;
    }
    // An idle agent must not keep the caller's process alive; a busy one must.
    setIdle(idle) {
        const streams = [this.child.stdin, this.child.stdout, this.child.stderr];
        if (idle) {
            this.child.unref();
            for (const s of streams)
                s?.unref?.();
        }
        else {
            this.child.ref();
            for (const s of streams)
                s?.ref?.();
        }
    }
    withStderr(e) {
        const tail = this.stderr();
        return tail && !e.stderr ? { ...e, stderr: tail, message: `${e.message}; stderr: ${tail.slice(-500)}` } : e;
    }
    die(code, message) {
        if (!this.deadReason)
            this.deadReason = { code, message };
        const w = this.waiter;
        this.waiter = null;
        w?.(null, this.deadReason);
    }
    onStdout(chunk) {
        let start = 0;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
            const part = chunk.subarray(start, i);
            this.buf.push(part);
            // One CR before the LF is dropped and blank lines skipped on the bytes: an observe answer is one
            // line of many MB, and string passes over it (a regex, trim) would each walk all of it.
            let bytes = this.buf.length === 1 ? part : Buffer.concat(this.buf, this.bufLen + part.length);
            if (bytes.length > 0 && bytes[bytes.length - 1] === 13)
                bytes = bytes.subarray(0, bytes.length - 1);
            this.buf = [];
            this.bufLen = 0;
            start = i + 1;
            if (isBlank(bytes))
                continue;
            this.lines.push(bytes.toString('utf8'));
        }
        if (start < chunk.length) {
            const rest = chunk.subarray(start);
            this.buf.push(rest);
            this.bufLen += rest.length;
        }
        if (this.bufLen > this.lineCap) {
            this.buf = [];
            this.bufLen = 0;
            this.deadReason = { code: 'agent-protocol', message: `agent wrote a line longer than ${this.lineCap} bytes`, detail: { maxLineBytes: this.lineCap } };
            const w = this.waiter;
            this.waiter = null;
            w?.(null, this.deadReason);
            this.child.kill('SIGKILL');
            return;
        }
        this.flush();
    }
    flush() {
        if (this.waiter && this.lines.length > 0) {
            const w = this.waiter;
            this.waiter = null;
            w(this.lines.shift());
        }
    }
    nextLine(timeoutMs) {
        return new Promise((resolve) => {
            if (this.lines.length > 0)
                return resolve({ line: this.lines.shift() });
            if (this.deadReason)
                return resolve({ failure: this.deadReason });
            const t = setTimeout(() => {
                this.waiter = null;
                resolve({ failure: { code: 'agent-timeout', message: `no answer within ${timeoutMs} ms` } });
            }, timeoutMs);
            this.waiter = (line, failure) => {
                clearTimeout(t);
                resolve(line === null ? { failure: failure } : { line });
            };
        });
    }
}

;// CONCATENATED MODULE: ./src/agent/observation.ts
class ShapeError extends Error {
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAC12 = /^[0-9A-F]{12}$/;
// Every check takes the path of the value's parent and its key: the path string is built only for
// the message of a value that fails.
const at2 = (at, k) => (k === undefined ? at : `${at}/${k}`);
function obj(v, at, k) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new ShapeError(`${at2(at, k)}: expected an object`);
    return v;
}
function arr(v, at, k) {
    if (!Array.isArray(v))
        throw new ShapeError(`${at2(at, k)}: expected an array`);
    return v;
}
function str(v, at, k) {
    if (typeof v !== 'string')
        throw new ShapeError(`${at2(at, k)}: expected a string`);
    return v;
}
function strOrNull(v, at, k) {
    return v === null || v === undefined ? null : str(v, at, k);
}
function bool(v, at, k) {
    if (typeof v !== 'boolean')
        throw new ShapeError(`${at2(at, k)}: expected a boolean`);
    return v;
}
function nat(v, at, k) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
        throw new ShapeError(`${at2(at, k)}: expected a non-negative integer`);
    return v;
}
function guid(v, at, k) {
    // Already in canonical form (as agents report ids): taken as it is, no lower-cased copy made.
    if (typeof v === 'string' && v.length === 36 && GUID.test(v))
        return v;
    const s = str(v, at, k).toLowerCase().replace(/^\{|\}$/g, '');
    if (!GUID.test(s))
        throw new ShapeError(`${at2(at, k)}: expected a GUID, got ${JSON.stringify(v)}`);
    return s;
}
/** Accepts 00155D010203, 00-15-5D-01-02-03 or 00:15:5d:01:02:03; yields 12 upper-case hex. */
function normalizeMac(v, at, k) {
    if (typeof v === 'string' && v.length === 12 && MAC12.test(v))
        return v; // already 12 upper-case hex
    const s = str(v, at, k).replace(/[-:.]/g, '').toUpperCase();
    if (!MAC12.test(s))
        throw new ShapeError(`${at2(at, k)}: expected a MAC address, got ${JSON.stringify(v)}`);
    return s;
}
function strings(v, at, k) {
    const a = arr(v, at, k);
    for (let i = 0; i < a.length; i++)
        if (typeof a[i] !== 'string')
            str(a[i], at2(at, k), i);
    return a.slice();
}
/** Optional fields: undefined when absent (the key is then left out), else checked. */
function optBool(o, k, at) {
    return o[k] === undefined ? undefined : bool(o[k], at, k);
}
function optStr(o, k, at) {
    return o[k] === undefined ? undefined : str(o[k], at, k);
}
// The objects below are built with their keys in sorted order and without undefined values: the
// canonical form current.json and the observed hash are printed from, so canonicalizing the
// observation walks it instead of copying it. The checks still run in the order of the fields'
// meaning (which one a malformed answer is reported at does not change).
function adapter(v, at) {
    const a = obj(v, at);
    const name = str(a.name, at, 'name');
    const sw = strOrNull(a.switch, at, 'switch');
    const mac = normalizeMac(a.mac, at, 'mac');
    const dynamicMac = bool(a.dynamicMac, at, 'dynamicMac');
    const ips = strings(a.ips, at, 'ips');
    // Reported by agents that know the VM surface; absent otherwise (never guessed).
    const vlan = a.vlan === undefined ? undefined : a.vlan === null ? null : nat(a.vlan, at, 'vlan');
    const macSpoofing = optBool(a, 'macSpoofing', at);
    const dhcpGuard = optBool(a, 'dhcpGuard', at);
    const routerGuard = optBool(a, 'routerGuard', at);
    const out = {};
    if (dhcpGuard !== undefined)
        out.dhcpGuard = dhcpGuard;
    out.dynamicMac = dynamicMac;
    out.ips = ips;
    out.mac = mac;
    if (macSpoofing !== undefined)
        out.macSpoofing = macSpoofing;
    out.name = name;
    if (routerGuard !== undefined)
        out.routerGuard = routerGuard;
    out.switch = sw;
    if (vlan !== undefined)
        out.vlan = vlan;
    return out;
}
function slot(o, at) {
    const t = str(o.controllerType, at, 'controllerType');
    if (t !== 'SCSI' && t !== 'IDE')
        throw new ShapeError(`${at}/controllerType: expected SCSI or IDE`);
    const controllerNumber = nat(o.controllerNumber, at, 'controllerNumber');
    return { controllerLocation: nat(o.controllerLocation, at, 'controllerLocation'), controllerNumber, controllerType: t };
}
function vm(v, at) {
    const o = obj(v, at);
    const gen = o.generation;
    if (gen !== 1 && gen !== 2)
        throw new ShapeError(`${at}/generation: expected 1 or 2`);
    const m = obj(o.memory, at, 'memory');
    const secureBoot = o.secureBoot === null || o.secureBoot === undefined ? null : bool(o.secureBoot, at, 'secureBoot');
    const state = str(o.state, at, 'state');
    if (/^\d+$/.test(state))
        throw new ShapeError(`${at}/state: a number (${state}); states must be reported by name`);
    const id = guid(o.id, at, 'id');
    const name = str(o.name, at, 'name');
    const cpus = nat(o.cpus, at, 'cpus');
    const mat = `${at}/memory`;
    const dynamic = bool(m.dynamic, mat, 'dynamic');
    const startupBytes = nat(m.startupBytes, mat, 'startupBytes');
    const minimumBytes = nat(m.minimumBytes, mat, 'minimumBytes');
    const maximumBytes = nat(m.maximumBytes, mat, 'maximumBytes');
    const notes = o.notes === null || o.notes === undefined ? '' : str(o.notes, at, 'notes');
    const path = o.path === null || o.path === undefined ? '' : str(o.path, at, 'path');
    const adapters = arr(o.adapters, at, 'adapters').map((x, i) => adapter(x, `${at}/adapters/${i}`));
    const disks = arr(o.disks, at, 'disks').map((x, i) => {
        const dat = `${at}/disks/${i}`;
        const d = obj(x, dat);
        const diskPath = str(d.path, dat, 'path');
        const sizeBytes = nat(d.sizeBytes, dat, 'sizeBytes');
        const parentPath = strOrNull(d.parentPath, dat, 'parentPath') || null;
        const where = d.controllerType !== undefined ? slot(d, dat) : null;
        return where ? { ...where, parentPath, path: diskPath, sizeBytes } : { parentPath, path: diskPath, sizeBytes };
    });
    const checkpoints = arr(o.checkpoints, at, 'checkpoints').map((x, i) => {
        const cat = `${at}/checkpoints/${i}`;
        const c = obj(x, cat);
        return { id: guid(c.id, cat, 'id'), name: str(c.name, cat, 'name') };
    });
    const integrationServices = arr(o.integrationServices, at, 'integrationServices').map((x, i) => {
        const p = `${at}/integrationServices/${i}`;
        const s = obj(x, p);
        const sid = str(s.id, p, 'id').toUpperCase();
        const sname = str(s.name, p, 'name');
        return { enabled: bool(s.enabled, p, 'enabled'), id: sid, name: sname, status: str(s.status ?? '', p, 'status') };
    });
    // The VM settings of the wider surface (DVDs, TPM, processor, lifecycle), when the agent reports them.
    const dvdDrives = o.dvdDrives === undefined
        ? undefined
        : arr(o.dvdDrives, at, 'dvdDrives').map((x, i) => {
            const dat = `${at}/dvdDrives/${i}`;
            const d = obj(x, dat);
            return { ...slot(d, dat), path: strOrNull(d.path, dat, 'path') || null };
        });
    const tpm = o.tpm === undefined ? undefined : o.tpm === null ? null : bool(o.tpm, at, 'tpm');
    const secureBootTemplate = o.secureBootTemplate === undefined ? undefined : strOrNull(o.secureBootTemplate, at, 'secureBootTemplate');
    const automaticStartDelaySec = o.automaticStartDelaySec === undefined ? undefined : nat(o.automaticStartDelaySec, at, 'automaticStartDelaySec');
    const memoryWeight = o.memoryWeight === undefined ? undefined : nat(o.memoryWeight, at, 'memoryWeight');
    const memoryBuffer = o.memoryBuffer === undefined ? undefined : nat(o.memoryBuffer, at, 'memoryBuffer');
    const nestedVirtualization = optBool(o, 'nestedVirtualization', at);
    const checkpointType = optStr(o, 'checkpointType', at);
    const automaticStartAction = optStr(o, 'automaticStartAction', at);
    const automaticStopAction = optStr(o, 'automaticStopAction', at);
    const compatibilityForMigration = optBool(o, 'compatibilityForMigration', at);
    const firstBootDevice = optStr(o, 'firstBootDevice', at);
    const out = {};
    out.adapters = adapters;
    if (automaticStartAction !== undefined)
        out.automaticStartAction = automaticStartAction;
    if (automaticStartDelaySec !== undefined)
        out.automaticStartDelaySec = automaticStartDelaySec;
    if (automaticStopAction !== undefined)
        out.automaticStopAction = automaticStopAction;
    if (checkpointType !== undefined)
        out.checkpointType = checkpointType;
    out.checkpoints = checkpoints;
    if (compatibilityForMigration !== undefined)
        out.compatibilityForMigration = compatibilityForMigration;
    out.cpus = cpus;
    out.disks = disks;
    if (dvdDrives !== undefined)
        out.dvdDrives = dvdDrives;
    if (firstBootDevice !== undefined)
        out.firstBootDevice = firstBootDevice;
    out.generation = gen;
    out.id = id;
    out.integrationServices = integrationServices;
    out.memory = { dynamic, maximumBytes, minimumBytes, startupBytes };
    if (memoryBuffer !== undefined)
        out.memoryBuffer = memoryBuffer;
    if (memoryWeight !== undefined)
        out.memoryWeight = memoryWeight;
    out.name = name;
    if (nestedVirtualization !== undefined)
        out.nestedVirtualization = nestedVirtualization;
    out.notes = notes;
    out.path = path;
    out.secureBoot = secureBoot;
    if (secureBootTemplate !== undefined)
        out.secureBootTemplate = secureBootTemplate;
    out.state = state;
    if (tpm !== undefined)
        out.tpm = tpm;
    return out;
}
function neighbor(v, at) {
    const n = obj(v, at);
    return { ip: str(n.ip, at, 'ip'), mac: normalizeMac(n.mac, at, 'mac'), state: str(n.state, at, 'state') };
}
function hostFacts(v) {
    const h = obj(v, '/host');
    const computerName = str(h.computerName, '/host', 'computerName');
    const switches = arr(h.switches, '/host', 'switches').map((x, i) => {
        const sat = `/host/switches/${i}`;
        const s = obj(x, sat);
        const name = str(s.name, sat, 'name');
        const type = str(s.type, sat, 'type');
        const notes = s.notes === undefined ? undefined : s.notes === null ? '' : str(s.notes, sat, 'notes');
        const nat = s.nat === undefined ? undefined : strOrNull(s.nat, sat, 'nat');
        const out = { name };
        if (nat !== undefined)
            out.nat = nat;
        if (notes !== undefined)
            out.notes = notes;
        out.type = type;
        return out;
    });
    const paths = arr(h.paths, '/host', 'paths').map((x, i) => {
        const pat = `/host/paths/${i}`;
        const p = obj(x, pat);
        const sha = p.sha256 === undefined ? undefined : p.sha256 === null ? null : str(p.sha256, pat, 'sha256').toLowerCase();
        const path = str(p.path, pat, 'path');
        const exists = bool(p.exists, pat, 'exists');
        const size = p.sizeBytes !== undefined && p.sizeBytes !== null ? nat(p.sizeBytes, pat, 'sizeBytes') : undefined;
        const fact = { exists, path };
        if (sha !== undefined)
            fact.sha256 = sha;
        if (size !== undefined)
            fact.sizeBytes = size;
        return fact;
    });
    const neighbors = h.neighbors === undefined ? [] : arr(h.neighbors, '/host', 'neighbors').map((x, i) => neighbor(x, `/host/neighbors/${i}`));
    return { computerName, neighbors, paths, switches };
}
const byNameThenId = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
function emptyHost(computerName) {
    return { computerName, switches: [], paths: [], neighbors: [] };
}
/** An observation that vouches for nothing. */
function failedObservation(backend, computerName, reason) {
    return { schemaVersion: 1, backend, host: emptyHost(computerName), complete: false, incomplete: [reason], vms: [], observedAt: new Date().toISOString() };
}
/** Maps a raw observe result; malformed → complete=false with an `unparseable` reason. Never throws. */
function toObservation(backend, raw, fallbackComputerName) {
    try {
        const r = obj(raw, '');
        const host = hostFacts(r.host);
        const vms = arr(r.vms, '', 'vms').map((x, i) => vm(x, `/vms/${i}`));
        vms.sort(byNameThenId);
        // What the agent could not read about one VM (a broken disk): that VM is not vouched for.
        const incomplete = r.incomplete === undefined ? [] : arr(r.incomplete, '/incomplete').map((x, i) => {
            const iat = `/incomplete/${i}`;
            const o = obj(x, iat);
            if (o.code !== 'query-failed')
                throw new ShapeError(`${iat}/code: expected query-failed`);
            const vmName = str(o.vm, iat, 'vm');
            return { code: 'query-failed', message: str(o.message, iat, 'message'), vm: vmName };
        });
        return { backend, complete: incomplete.length === 0, host, incomplete, observedAt: new Date().toISOString(), schemaVersion: 1, vms };
    }
    catch (e) {
        if (!(e instanceof ShapeError))
            throw e;
        return failedObservation(backend, fallbackComputerName, { code: 'unparseable', message: `observe result is malformed at ${e.message}` });
    }
}
/** Validates a `guest.addresses` result; a string is why it is malformed. */
function toGuestAddressReport(raw) {
    try {
        const r = obj(raw, '');
        const vms = arr(r.vms, '/vms').map((x, i) => {
            const v = obj(x, `/vms/${i}`);
            const kvp = v.kvp === null || v.kvp === undefined ? null : obj(v.kvp, `/vms/${i}/kvp`);
            return {
                id: guid(v.id, `/vms/${i}/id`),
                name: str(v.name, `/vms/${i}/name`),
                state: str(v.state, `/vms/${i}/state`),
                adapters: arr(v.adapters, `/vms/${i}/adapters`).map((y, j) => {
                    const a = obj(y, `/vms/${i}/adapters/${j}`);
                    return { name: str(a.name, `/vms/${i}/adapters/${j}/name`), mac: normalizeMac(a.mac, `/vms/${i}/adapters/${j}/mac`), ips: strings(a.ips, `/vms/${i}/adapters/${j}/ips`) };
                }),
                kvp: kvp === null ? null : { enabled: bool(kvp.enabled, `/vms/${i}/kvp/enabled`), status: str(kvp.status, `/vms/${i}/kvp/status`) },
            };
        });
        const neighbors = r.neighbors === undefined ? [] : arr(r.neighbors, '/neighbors').map((x, i) => neighbor(x, `/neighbors/${i}`));
        vms.sort(byNameThenId);
        return { vms, neighbors };
    }
    catch (e) {
        if (!(e instanceof ShapeError))
            throw e;
        return `guest.addresses result is malformed at ${e.message}`;
    }
}

// EXTERNAL MODULE: ./src/core/counters.ts
var counters = __nccwpck_require__(6286);
;// CONCATENATED MODULE: ./src/agent/pool.ts


class AgentSet {
    launch;
    unavailable;
    idle = [];
    all = new Set();
    /** Launches started ahead of need (prestart), taken by acquire() in order. */
    pending = [];
    aborter = new AbortController();
    closed = false;
    launches = 0;
    operations = 0;
    /**
     * unavailable: the launch could not be built, so every acquire fails with this error at once and
     * nothing is started or counted as a launch.
     */
    constructor(launch, unavailable = null) {
        this.launch = launch;
        this.unavailable = unavailable;
    }
    /**
     * Starts agents now, in parallel, so that `total` are live or starting: an apply's pool starts
     * while observe and plan run, and pays one launch time instead of two. A prestarted launch that
     * fails is forgotten (acquire() launches again and reports that failure).
     */
    prestart(total) {
        if (this.closed || this.unavailable)
            return;
        const have = [...this.all].filter((a) => a.alive).length + this.pending.length;
        for (let i = have; i < total; i++) {
            this.launches++;
            counters/* counters */.O.agentLaunches++;
            const p = this.launch(this.aborter.signal).then((a) => {
                if (this.closed) {
                    void a.kill();
                    return null;
                }
                this.all.add(a);
                return a;
            }, () => null);
            this.pending.push(p);
        }
    }
    /** An idle live agent, a prestarted one, or a new one. Throws AgentStartError when the launch fails. */
    async acquire() {
        if (this.closed)
            throw new AgentStartError({ code: 'agent-launch-failed', message: 'backend is closed' });
        while (this.idle.length > 0) {
            const a = this.idle.pop();
            if (a.alive)
                return a;
            this.all.delete(a);
        }
        while (this.pending.length > 0) {
            const a = await this.pending.shift();
            if (a?.alive)
                return a;
            if (a)
                this.all.delete(a);
        }
        if (this.closed)
            throw new AgentStartError({ code: 'agent-launch-failed', message: 'backend is closed' });
        if (this.unavailable)
            throw new AgentStartError(this.unavailable);
        this.launches++;
        counters/* counters */.O.agentLaunches++;
        const a = await this.launch(this.aborter.signal);
        this.all.add(a);
        return a;
    }
    release(a) {
        if (a.alive && !this.closed)
            this.idle.push(a);
        else {
            this.all.delete(a);
            if (this.closed)
                void a.close();
        }
    }
    /** Borrows an agent for one request. Never throws: launch trouble is a typed outcome. */
    async run(op, timeoutMs, opts = {}) {
        const started = Date.now();
        let agent;
        try {
            agent = await this.acquire();
        }
        catch (e) {
            const error = e instanceof AgentStartError ? e.error : { code: 'agent-launch-failed', message: String(e) };
            return { ok: false, error, durationMs: Date.now() - started };
        }
        try {
            this.operations++;
            counters/* counters */.O.agentRequests++;
            return await agent.request(op, timeoutMs, opts);
        }
        finally {
            this.release(agent);
        }
    }
    liveCount() {
        return [...this.all].filter((a) => a.alive).length;
    }
    /**
     * Ends every agent; with leaveBusy, one inside an operation is detached to finish it instead; with
     * killBusy (a read nobody waits for any more), it is killed rather than waited for.
     * Launches still under way (prestarted, unused) are killed.
     */
    async closeAll(leaveBusy = false, killBusy = false) {
        this.closed = true;
        this.aborter.abort();
        const pending = this.pending;
        this.pending = [];
        const agents = [...this.all];
        this.all.clear();
        this.idle = [];
        const busy = leaveBusy ? agents.filter((a) => a.alive && a.inFlight) : [];
        for (const a of busy)
            a.detach();
        await Promise.all([...agents.filter((a) => !busy.includes(a)).map((a) => (killBusy && a.alive && a.inFlight ? a.kill() : a.close())), ...pending]);
    }
}
/** A counting semaphore: at most `size` holders at once, FIFO. */
class Semaphore {
    size;
    holders = 0;
    queue = [];
    constructor(size) {
        this.size = size;
    }
    async take() {
        if (this.holders < this.size) {
            this.holders++;
            return;
        }
        await new Promise((resolve) => this.queue.push(resolve));
    }
    give() {
        const next = this.queue.shift();
        if (next)
            next();
        else
            this.holders--;
    }
}
/**
 * The apply pool: at most `concurrency` requests in flight, each on its own agent, so it never
 * needs more than `concurrency` live agents. close() waits for in-flight requests and hands the
 * agents back to the set (the backend's close() ends them).
 */
class PoolRunner {
    agents;
    concurrency;
    sem;
    inFlight = new Set();
    closed = false;
    constructor(agents, concurrency) {
        this.agents = agents;
        this.concurrency = concurrency;
        if (!Number.isInteger(concurrency) || concurrency < 1)
            throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
        this.sem = new Semaphore(concurrency);
    }
    async run(op, timeoutMs) {
        if (this.closed)
            return { ok: false, error: { code: 'agent-launch-failed', message: 'runner is closed' }, durationMs: 0 };
        await this.sem.take();
        const p = this.agents.run(op, timeoutMs);
        this.inFlight.add(p);
        try {
            return await p;
        }
        finally {
            this.inFlight.delete(p);
            this.sem.give();
        }
    }
    async close() {
        this.closed = true;
        await Promise.allSettled([...this.inFlight]);
    }
}

;// CONCATENATED MODULE: ./src/backends/agent-backend.ts
// A Backend over agent processes speaking the JSON-lines protocol (the real PowerShell agent or the
// simulator). observe() costs one launch and keeps that agent as the first member of the apply
// pool, so plan + apply in one run launch at most `concurrency` agents in total.





const DEFAULT_OBSERVE_TIMEOUT_MS = 10 * 60_000;
class AgentBackend {
    opts;
    kind;
    mutable = true;
    agents;
    /** VMs the last complete observe saw: a re-observe (verify) is bounded by at least that. */
    lastVms = 0;
    constructor(opts) {
        this.opts = opts;
        this.kind = opts.kind;
        const spec = opts.launch;
        if ('unavailable' in spec) {
            const { reason, fix } = spec.unavailable;
            const error = { code: 'agent-launch-failed', message: `cannot start the ${opts.kind} agent: ${reason}: ${fix}`, detail: { reason, fix } };
            this.agents = new AgentSet(() => Promise.reject(new AgentStartError(error)), error);
            return;
        }
        // The first launch serves observe (plan's only agent; apply's first prestarted one).
        let first = true;
        this.agents = new AgentSet(async (signal) => {
            const { firstEnv, ...launch } = spec;
            if (first && firstEnv)
                launch.env = { ...launch.env, ...firstEnv };
            first = false;
            const agent = await AgentProcess.start(launch, { launchTimeoutMs: opts.launchTimeoutMs }, signal);
            try {
                if (agent.pid !== undefined)
                    opts.onLaunch?.(agent.pid);
            }
            catch (e) {
                // An agent nobody could wait for after a crash must not be sent an operation.
                await agent.close();
                throw new AgentStartError({ code: 'agent-launch-failed', message: `agent started but could not be recorded: ${e.message}` });
            }
            return agent;
        });
    }
    async observe(req) {
        const vms = Math.max(req.expectedVms ?? 0, this.lastVms);
        const maxLineBytes = observeLineCap(vms);
        const out = await this.agents.run({ op: 'observe', args: { paths: req.paths, neighbors: req.neighbors, ...(req.hashes?.length ? { hashes: req.hashes } : {}) } }, this.opts.observeTimeoutMs ?? DEFAULT_OBSERVE_TIMEOUT_MS, { maxLineBytes });
        if (out.ok) {
            const obs = toObservation(this.kind, out.result, this.opts.computerName);
            this.lastVms = Math.max(this.lastVms, obs.vms.length);
            return obs;
        }
        const e = out.error;
        if (e.code === 'agent-protocol' && e.detail?.maxLineBytes !== undefined) {
            const mib = (b) => `${Math.round(b / 1024 / 1024)} MiB`;
            return failedObservation(this.kind, this.opts.computerName, {
                code: 'unparseable',
                message: `observe failed (answer too large): the host's answer is longer than ${mib(maxLineBytes)}, the bound for ${vms} VM(s) (${mib(MAX_LINE_BYTES)} + ${OBSERVE_BYTES_PER_VM / 1024} KiB per VM the file names); nothing was planned from it`,
            });
        }
        // The process failed → agent-failed; the account may not manage Hyper-V → permission-denied;
        // the host could not be queried (remoting, the service) → host-unreachable; the host answered
        // but something it holds could not be read (e.g. a VM's disk file is gone) → query-failed.
        const code = e.code === 'agent-protocol'
            ? 'unparseable'
            : e.code.startsWith('agent-')
                ? 'agent-failed'
                : e.code === 'permission-denied'
                    ? 'permission-denied'
                    : e.code === 'hyperv-error' || e.code === 'timeout'
                        ? 'host-unreachable'
                        : 'query-failed';
        return failedObservation(this.kind, this.opts.computerName, { code, message: `observe failed (${e.code}): ${e.message}` });
    }
    prestart(agents) {
        this.agents.prestart(agents);
    }
    async runner(concurrency) {
        if (!Number.isInteger(concurrency) || concurrency < 1)
            throw new errors/* HvcError */.Iy('usage', `concurrency must be a positive integer, got ${concurrency}`);
        return new PoolRunner(this.agents, concurrency);
    }
    async query(op, timeoutMs) {
        if (op.op === 'observe') {
            // Allowed, but observe() is the way: it validates and maps the result.
            return this.agents.run(op, timeoutMs);
        }
        const out = await this.agents.run(op, timeoutMs);
        if (out.ok && op.op === 'guest.addresses') {
            const report = toGuestAddressReport(out.result);
            if (typeof report === 'string')
                return { ok: false, error: { code: 'agent-protocol', message: report }, durationMs: out.durationMs };
            return { ...out, result: report };
        }
        return out;
    }
    stats() {
        return { launches: this.agents.launches, operations: this.agents.operations };
    }
    /** Agents alive now (for tests and diagnostics). */
    liveAgents() {
        return this.agents.liveCount();
    }
    async close(opts = {}) {
        await this.agents.closeAll(opts.leaveBusy ?? false, opts.killBusy ?? false);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./src/backends/hyperv/launch.ts
// How to start the PowerShell agent: the static script shipped at dist/agent/hyperv-agent.ps1,
// with the remote computer name as a process argument (bound to the script's param block, never
// spliced into script text). The executable is started by FULL path (Windows looks for a bare
// `powershell.exe` in the working directory first, and the workspace is the repository: a committed
// powershell.exe would run), from the agent's own folder, with an environment that carries no token,
// action input or key the agent does not need.



/** The launch cannot be built: what was not found, and how to fix it. */
class AgentLaunchUnavailable extends Error {
    reason;
    fix;
    constructor(reason, fix) {
        super(`${reason}: ${fix}`);
        this.reason = reason;
        this.fix = fix;
        this.name = 'AgentLaunchUnavailable';
    }
}
function here() {
    return (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
}
function hypervAgentCandidates(from = here()) {
    return [
        (0,external_node_path_.join)(from, 'agent', 'hyperv-agent.ps1'), // dist/index.js
        (0,external_node_path_.join)(from, '..', 'agent', 'hyperv-agent.ps1'), // dist/cli/index.js
        (0,external_node_path_.join)(from, 'hyperv-agent.ps1'), // src/backends/hyperv/ (tests, sources)
        (0,external_node_path_.resolve)(from, '..', '..', '..', 'dist', 'agent', 'hyperv-agent.ps1'),
    ];
}
function hypervAgentPath() {
    const c = hypervAgentCandidates();
    const found = c.find((p) => (0,external_node_fs_.existsSync)(p));
    if (!found)
        throw new AgentLaunchUnavailable(`hyperv-agent.ps1 was not found (looked at ${c.join(', ')})`, 'reinstall hyperv-converge: the agent script ships in dist/agent/ beside the bundle');
    return found;
}
function executable(p) {
    try {
        (0,external_node_fs_.accessSync)(p, external_node_fs_.constants.X_OK);
        return (0,external_node_fs_.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
/**
 * Windows: Windows PowerShell 5.1 at its fixed place under %SystemRoot%. Elsewhere: `pwsh` from the
 * absolute entries of PATH only (an empty or relative entry would mean the working directory).
 */
function defaultPowerShell(env = process.env, platform = process.platform) {
    if (platform === 'win32') {
        const root = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir ?? 'C:\\Windows';
        return `${root.replace(/[\\/]+$/, '')}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
    }
    for (const dir of (env.PATH ?? '').split(external_node_path_.delimiter)) {
        if (!dir || !(0,external_node_path_.isAbsolute)(dir))
            continue;
        const p = (0,external_node_path_.join)(dir, 'pwsh');
        if (executable(p))
            return p;
    }
    throw new AgentLaunchUnavailable('PowerShell 7 (pwsh) was not found on PATH (absolute entries only)', 'install PowerShell 7 (pwsh) or pass --powershell PATH');
}
/** Variables the agent never needs and must never see: tokens, action inputs, keys, secrets. */
const SECRET_NAME = /^(INPUT_|ACTIONS_)|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_?KEY|API_?KEY|_KEY$/i;
/** The parent's environment without secrets (and without the named extras, e.g. the SSH key variable). */
function agentEnvironment(env, alsoStrip = []) {
    const drop = new Set(alsoStrip.map((n) => n.toUpperCase()));
    const out = {};
    for (const [k, v] of Object.entries(env)) {
        if (v === undefined || SECRET_NAME.test(k) || drop.has(k.toUpperCase()))
            continue;
        out[k] = v;
    }
    return out;
}
function hypervAgentCommand(computerName, opts = {}) {
    const env = opts.env ?? process.env;
    const script = hypervAgentPath();
    const powershell = opts.powershell ?? defaultPowerShell(env);
    if (!(0,external_node_path_.isAbsolute)(powershell)) {
        throw new AgentLaunchUnavailable(`the PowerShell executable must be an absolute path, not '${powershell}' (a bare name could run a file from the working directory)`, 'pass --powershell with a full path');
    }
    const args = ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script];
    if (computerName)
        args.push('-ComputerName', computerName);
    return { command: powershell, args, cwd: (0,external_node_path_.dirname)(script), env: agentEnvironment(env, opts.stripEnv), replaceEnv: true };
}
/**
 * The launch a backend uses: hypervAgentCommand, and the PowerShell it names is an executable file
 * now. When it cannot be built the reason and fix are returned, never a process to start (a
 * stand-in that "crashes" would count as an agent launch and hide the reason in its stderr).
 */
function hypervAgentLaunch(computerName, opts = {}) {
    try {
        const spec = hypervAgentCommand(computerName, opts);
        if (!executable(spec.command)) {
            throw opts.powershell
                ? new AgentLaunchUnavailable(`the PowerShell executable '${spec.command}' (--powershell) does not exist or is not an executable file`, 'pass --powershell with the full path of pwsh or powershell.exe, or leave it out to use pwsh from PATH')
                : new AgentLaunchUnavailable(`Windows PowerShell 5.1 was not found at ${spec.command}`, 'pass --powershell with the full path of powershell.exe or pwsh.exe');
        }
        return spec;
    }
    catch (e) {
        if (e instanceof AgentLaunchUnavailable)
            return { unavailable: { reason: e.reason, fix: e.fix } };
        throw e;
    }
}

// EXTERNAL MODULE: ./src/core/input-limits.ts
var input_limits = __nccwpck_require__(9620);
;// CONCATENATED MODULE: ./src/backends/replay.ts
// The replay backend: a saved current.json stands in for the host. Read-only by nature: apply is
// refused, and a file that is missing or does not match the schema is an incomplete observation.



function unreadable(file, code, message) {
    return {
        schemaVersion: 1,
        backend: 'replay',
        host: { computerName: file, switches: [], paths: [], neighbors: [] },
        complete: false,
        incomplete: [{ code, message }],
        vms: [],
    };
}
function createReplayBackend(file) {
    const stats = { launches: 0, operations: 0 };
    return {
        kind: 'replay',
        mutable: false,
        async observe() {
            stats.operations++;
            let text;
            try {
                const size = (0,external_node_fs_.statSync)(file).size;
                if (size > input_limits/* MAX_RECORDING_BYTES */.Ze)
                    return unreadable(file, 'unparseable', `recording ${file} is too large (${size} bytes; at most ${input_limits/* MAX_RECORDING_BYTES */.Ze})`);
                text = (0,external_node_fs_.readFileSync)(file, 'utf8');
            }
            catch (e) {
                return unreadable(file, 'host-unreachable', `cannot read recording ${file}: ${e.message}`);
            }
            let data;
            try {
                data = JSON.parse(text);
            }
            catch (e) {
                return unreadable(file, 'unparseable', `recording ${file} is not JSON: ${e.message}`);
            }
            // The artifact validators (a few hundred KB of generated code) load only for a recording.
            const { artifactProblems } = await __nccwpck_require__.e(/* import() */ 586).then(__nccwpck_require__.bind(__nccwpck_require__, 586));
            const problems = artifactProblems('current', data);
            if (problems.length)
                return unreadable(file, 'unparseable', `recording ${file} does not match current.schema.json: ${problems.slice(0, 5).join('; ')}`);
            const { observedAt: _t, guests: _g, ...obs } = data;
            return { ...obs, backend: 'replay' };
        },
        async runner() {
            throw new errors/* HvcError */.Iy('usage', 'the replay backend is a recording and cannot be changed: apply needs --backend sim or hyperv');
        },
        async query() {
            return { ok: false, durationMs: 0, error: { code: 'unsupported', message: 'the replay backend answers no live queries' } };
        },
        stats: () => ({ ...stats }),
        async close() { },
    };
}

;// CONCATENATED MODULE: ./src/backends/sim/locate.ts
// Where the bundled sim agent is. A bundle (dist/index.js, dist/cli/index.js) finds
// dist/sim-agent/index.js beside itself; sources run by the tests (src/backends/sim/) fall back to
// the repository's dist/ (build it with `npx ncc build src/entry/sim-agent.ts -o dist/sim-agent`).



function locate_here() {
    return (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
}
/** Candidate paths, most specific first. */
function simAgentCandidates(from = locate_here()) {
    return [(0,external_node_path_.join)(from, 'sim-agent', 'index.js'), (0,external_node_path_.join)(from, '..', 'sim-agent', 'index.js'), (0,external_node_path_.resolve)(from, '..', '..', '..', 'dist', 'sim-agent', 'index.js')];
}
function simAgentPath() {
    const c = simAgentCandidates();
    const found = c.find((p) => (0,external_node_fs_.existsSync)(p));
    if (!found)
        throw new Error(`sim agent bundle not found (looked at ${c.join(', ')}); build it: npx ncc build src/entry/sim-agent.ts -o dist/sim-agent`);
    return found;
}
const MiB = 1024 * 1024;
/** Largest state file whose parse is given a young generation to fit in (see simAgentHeapFlags). */
const SIM_YOUNG_STATE_BYTES = 10 * MiB;
/**
 * V8 flags for the agent's heap, from its state file's size. An agent parses the whole state, and
 * that parse lives until the process ends: in V8's default young generation (semi-spaces starting
 * at 1 MiB) the parse of the 10,000-VM bench state went through 8 scavenges, each copying what was
 * parsed so far (~75 ms of a ~300 ms launch-to-answer). A young generation the parse fits in (about
 * three times the file's bytes) is reserved at start instead, and none runs. Past 10 MiB of state
 * the default stays: at 100,000 VMs a 32 or 64 MiB one measured no fewer GC milliseconds, and more
 * memory.
 */
function simAgentHeapFlags(stateFile) {
    let bytes;
    try {
        bytes = (0,external_node_fs_.statSync)(stateFile).size;
    }
    catch {
        return []; // no file yet: the agent reports that itself
    }
    if (bytes <= MiB || bytes > SIM_YOUNG_STATE_BYTES)
        return [];
    const semi = Math.ceil((3 * bytes) / MiB);
    return [`--min-semi-space-size=${semi}`, `--max-semi-space-size=${semi}`];
}
/**
 * How to start a sim agent on a state file: this very Node running the bundled agent. The first
 * agent (it observes) parses the state file at start, while the client still works.
 */
function simAgentCommand(stateFile) {
    return { command: process.execPath, args: [...simAgentHeapFlags(stateFile), simAgentPath(), '--state', stateFile], firstEnv: { HVC_SIM_READ_AHEAD: '1' } };
}

// EXTERNAL MODULE: ./src/backends/sim/state.ts + 1 modules
var state = __nccwpck_require__(4855);
;// CONCATENATED MODULE: ./src/backends/index.ts






function createBackend(spec, opts = {}) {
    switch (spec.kind) {
        case 'sim':
            // A missing state file becomes the built-in lab host, so a first run works on any machine.
            (0,state/* ensureSimState */.ri)(spec.stateFile);
            return new AgentBackend({ kind: 'sim', launch: simAgentCommand(spec.stateFile), computerName: 'sim', launchTimeoutMs: opts.launchTimeoutMs, onLaunch: opts.onLaunch });
        case 'hyperv':
            // A launch that cannot be built (no PowerShell found) still yields a backend: it starts nothing
            // and fails each request as agent-launch-failed with the reason and fix, so observe reports an
            // incomplete observation and doctor a failed check instead of throwing.
            return new AgentBackend({
                kind: 'hyperv',
                launch: hypervAgentLaunch(spec.computerName, { ...(spec.powershell ? { powershell: spec.powershell } : {}), ...(spec.stripEnv ? { stripEnv: spec.stripEnv } : {}) }),
                computerName: spec.computerName ?? 'localhost',
                launchTimeoutMs: opts.launchTimeoutMs,
                onLaunch: opts.onLaunch,
            });
        case 'replay':
            return createReplayBackend(spec.file);
    }
}
/**
 * plan and drift on the simulator: the backend whose observe agent starts now, before the config is
 * read, so its start and its read of the host overlap the config's loading. It writes nothing until it
 * is asked (its launch is counted with its first request), so a run whose config is refused ends it
 * unasked, having changed nothing. null where the backend is made after the config as before: a
 * replay (nothing to start), a sim state file still to be made (a write), and a Hyper-V host (the
 * config names the computer and the variables kept from the agent).
 */
function createBackendEarly(spec) {
    if (spec.kind !== 'sim' || !(0,external_node_fs_.existsSync)(spec.stateFile))
        return null;
    const be = createBackend(spec);
    be.prestart?.(1);
    return be;
}



/***/ }),

/***/ 4855:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  BN: () => (/* binding */ buildSimState),
  ri: () => (/* binding */ ensureSimState),
  Al: () => (/* binding */ writeSimState)
});

// UNUSED EXPORTS: DEFAULT_KNOBS, KVP_SERVICE_NAME, SIM_FORMAT, SIM_VERSION, createSimState, defaultIntegrationServices, fileHoldsBytes, labSeed, newMac, peekSimStateAhead, readSimKnobs, readSimState, readSimStateAhead, simStateReads, updateSimCounters, updateSimState

;// CONCATENATED MODULE: ./examples/lab/host.json
const host_namespaceObject = /*#__PURE__*/JSON.parse('{"computerName":"HV-LAB01","switches":[{"name":"Default Switch","type":"Internal"},{"name":"lab-net","type":"External"}],"folders":["D:\\\\Hyper-V\\\\lab"],"files":{"D:\\\\images\\\\ubuntu-24.04.vhdx":{"sizeBytes":68719476736}},"vms":[{"id":"0b3c5a10-0000-4000-8000-000000000001","name":"web-1","state":"Running","generation":2,"secureBootTemplate":"MicrosoftUEFICertificateAuthority","cpus":2,"memory":{"dynamic":true,"startupBytes":2147483648,"minimumBytes":1073741824,"maximumBytes":4294967296},"notes":"hyperv-converge: project=lab","path":"D:\\\\Hyper-V\\\\lab","adapters":[{"name":"Network Adapter","switch":"lab-net","mac":"00155D010101","dynamicMac":true,"ips":[]}],"disks":[{"path":"D:\\\\Hyper-V\\\\lab\\\\web-1\\\\Virtual Hard Disks\\\\web-1.vhdx","sizeBytes":68719476736,"parentPath":"D:\\\\images\\\\ubuntu-24.04.vhdx"}],"checkpoints":[],"startedAt":1700000000000,"guest":{"ips":["10.20.0.11"],"ipDelayMs":0,"via":"kvp","noise":false,"ignoreShutdown":false}},{"id":"0b3c5a10-0000-4000-8000-000000000002","name":"db-1","state":"Running","generation":2,"secureBootTemplate":"MicrosoftUEFICertificateAuthority","cpus":4,"memory":{"dynamic":false,"startupBytes":8589934592,"minimumBytes":8589934592,"maximumBytes":8589934592},"notes":"hyperv-converge: project=lab","path":"D:\\\\Hyper-V\\\\lab","adapters":[{"name":"Network Adapter","switch":"lab-net","mac":"00155D010102","dynamicMac":true,"ips":[]}],"disks":[{"path":"D:\\\\Hyper-V\\\\lab\\\\db-1\\\\Virtual Hard Disks\\\\db-1.vhdx","sizeBytes":85899345920,"parentPath":"D:\\\\images\\\\ubuntu-24.04.vhdx"}],"checkpoints":[],"startedAt":1700000000000,"guest":{"ips":["10.20.0.21"],"ipDelayMs":0,"via":"kvp","noise":false,"ignoreShutdown":false}},{"id":"0b3c5a10-0000-4000-8000-000000000003","name":"cache-1","state":"Running","generation":2,"secureBootTemplate":"MicrosoftUEFICertificateAuthority","cpus":2,"memory":{"dynamic":true,"startupBytes":1073741824,"minimumBytes":536870912,"maximumBytes":2147483648},"notes":"redis\\nhyperv-converge: project=lab","path":"D:\\\\Hyper-V\\\\lab","adapters":[{"name":"Network Adapter","switch":"lab-net","mac":"00155D010103","dynamicMac":true,"ips":[]}],"disks":[{"path":"D:\\\\Hyper-V\\\\lab\\\\cache-1\\\\Virtual Hard Disks\\\\cache-1.vhdx","sizeBytes":68719476736,"parentPath":"D:\\\\images\\\\ubuntu-24.04.vhdx"}],"checkpoints":[],"startedAt":1700000000000,"guest":{"ips":["10.20.0.31"],"ipDelayMs":0,"via":"kvp","noise":false,"ignoreShutdown":false}},{"id":"0b3c5a10-0000-4000-8000-000000000004","name":"old-1","state":"Running","generation":2,"secureBootTemplate":"MicrosoftUEFICertificateAuthority","cpus":2,"memory":{"dynamic":false,"startupBytes":2147483648,"minimumBytes":2147483648,"maximumBytes":2147483648},"notes":"hyperv-converge: project=lab","path":"D:\\\\Hyper-V\\\\lab","adapters":[{"name":"Network Adapter","switch":"lab-net","mac":"00155D010104","dynamicMac":true,"ips":[]}],"disks":[{"path":"D:\\\\Hyper-V\\\\lab\\\\old-1\\\\Virtual Hard Disks\\\\old-1.vhdx","sizeBytes":68719476736,"parentPath":"D:\\\\images\\\\ubuntu-24.04.vhdx"}],"checkpoints":[],"startedAt":1700000000000,"guest":{"ips":["10.20.0.41"],"ipDelayMs":0,"via":"kvp","noise":false,"ignoreShutdown":false}},{"id":"0b3c5a10-0000-4000-8000-000000000005","name":"legacy-app","state":"Running","generation":2,"cpus":2,"memory":{"dynamic":false,"startupBytes":2147483648,"minimumBytes":2147483648,"maximumBytes":2147483648},"notes":"hand-built in 2019, do not touch","path":"D:\\\\Hyper-V\\\\lab","adapters":[{"name":"Network Adapter","switch":"lab-net","mac":"00155D010105","dynamicMac":true,"ips":[]}],"disks":[{"path":"D:\\\\Hyper-V\\\\lab\\\\legacy-app\\\\Virtual Hard Disks\\\\legacy-app.vhdx","sizeBytes":68719476736,"parentPath":"D:\\\\images\\\\ubuntu-24.04.vhdx"}],"checkpoints":[],"startedAt":1700000000000,"guest":{"ips":[],"ipDelayMs":0,"via":"kvp","noise":false,"ignoreShutdown":false}},{"id":"0b3c5a10-0000-4000-8000-000000000006","name":"prod-db-1","state":"Running","generation":2,"secureBootTemplate":"MicrosoftUEFICertificateAuthority","cpus":2,"memory":{"dynamic":false,"startupBytes":17179869184,"minimumBytes":17179869184,"maximumBytes":17179869184},"notes":"hyperv-converge: project=lab","path":"D:\\\\Hyper-V\\\\lab","adapters":[{"name":"Network Adapter","switch":"lab-net","mac":"00155D010106","dynamicMac":true,"ips":[]}],"disks":[{"path":"D:\\\\Hyper-V\\\\lab\\\\prod-db-1\\\\Virtual Hard Disks\\\\prod-db-1.vhdx","sizeBytes":68719476736,"parentPath":"D:\\\\images\\\\ubuntu-24.04.vhdx"}],"checkpoints":[],"startedAt":1700000000000,"guest":{"ips":[],"ipDelayMs":0,"via":"kvp","noise":false,"ignoreShutdown":false}},{"id":"0b3c5a10-0000-4000-8000-000000000007","name":"dev-sandbox","state":"Off","generation":2,"cpus":2,"memory":{"dynamic":false,"startupBytes":2147483648,"minimumBytes":2147483648,"maximumBytes":2147483648},"notes":"someone\'s experiment","path":"D:\\\\Hyper-V\\\\lab","adapters":[{"name":"Network Adapter","switch":"Default Switch","mac":"00155D010107","dynamicMac":true,"ips":[]}],"disks":[{"path":"D:\\\\Hyper-V\\\\lab\\\\dev-sandbox\\\\Virtual Hard Disks\\\\dev-sandbox.vhdx","sizeBytes":68719476736,"parentPath":"D:\\\\images\\\\ubuntu-24.04.vhdx"}],"checkpoints":[],"startedAt":null,"guest":{"ips":[],"ipDelayMs":0,"via":"kvp","noise":false,"ignoreShutdown":false}}]}');
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
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
const GiB = 1024 ** 3;
function seedVm(s, now) {
    const generation = s.generation ?? 2;
    const state = s.state ?? 'Off';
    const startupBytes = s.memory?.startupBytes ?? 2 * GiB;
    const dynamic = s.memory?.dynamic ?? false;
    return {
        id: (s.id ?? (0,external_node_crypto_.randomUUID)()).toLowerCase(),
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
        const bytes = readFileSync(file);
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
        fd = openSync(file, 'r');
    }
    catch {
        return false;
    }
    try {
        if (fstatSync(fd).size !== bytes.length)
            return false;
        const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, bytes.length)));
        let at = 0;
        for (;;) {
            const n = readSync(fd, chunk, 0, chunk.length, at);
            if (n === 0)
                return at === bytes.length;
            if (at + n > bytes.length || chunk.compare(bytes, at, at + n, 0, n) !== 0)
                return false;
            at += n;
        }
    }
    finally {
        closeSync(fd);
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
    const bytes = readFileSync(file);
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
        text = readFileSync(countersFile(file), 'utf8');
    }
    catch {
        return null;
    }
    const c = JSON.parse(text);
    return { knobs: { ...DEFAULT_KNOBS, ...c.knobs }, stats: c.stats };
}
function writeAtomic(file, text) {
    const tmp = `${file}.${process.pid}.${(0,external_node_crypto_.randomUUID)().slice(0, 8)}.tmp`;
    (0,external_node_fs_.writeFileSync)(tmp, text);
    (0,external_node_fs_.renameSync)(tmp, file);
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
    const text = readFileSync(lockFile, 'utf8').trim();
    // The holder writes its pid right after creating the lock: an empty lock older than a moment is
    // from a holder killed in between.
    if (text === '')
        return Date.now() - statSync(lockFile).mtimeMs > 2_000;
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
        closeSync(openSync(guard, 'wx'));
    }
    catch {
        try {
            if (Date.now() - statSync(guard).mtimeMs > 5_000)
                unlinkSync(guard);
        }
        catch {
            /* released meanwhile */
        }
        return; // another waiter is breaking it: try the lock again
    }
    try {
        if (Date.now() - statSync(lockFile).mtimeMs > LOCK_STALE_MS || holderDead(lockFile))
            unlinkSync(lockFile);
    }
    catch {
        /* released meanwhile */
    }
    finally {
        try {
            unlinkSync(guard);
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
            const fd = openSync(lockFile, 'wx');
            try {
                writeSync(fd, String(process.pid));
            }
            finally {
                closeSync(fd);
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
            unlinkSync(lockFile);
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
            unlinkSync(lockFile);
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
    return structuredClone(host_namespaceObject);
}
function ensureSimState(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        createSimState(file, labSeed());
}


/***/ }),

/***/ 457:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bj: () => (/* binding */ sha256Of),
/* harmony export */   DZ: () => (/* binding */ canonicalTree),
/* harmony export */   GG: () => (/* binding */ canonicalPartWithout),
/* harmony export */   HX: () => (/* binding */ prettyTree),
/* harmony export */   Nf: () => (/* binding */ sha256OfTree),
/* harmony export */   TK: () => (/* binding */ CanonicalTexts),
/* harmony export */   _c: () => (/* binding */ sha256OfCanonicalBounded),
/* harmony export */   dp: () => (/* binding */ sha256OfParts)
/* harmony export */ });
/* unused harmony export canonicalJson */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _counters_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6286);
// Canonical JSON (sorted keys, no insignificant whitespace, no undefined) and its sha256, so that
// configHash / observedHash / planHash are equal across runs, machines and key orders.


/**
 * The normalized value (keys sorted, undefined dropped): canonicalize once, print and hash it many ways.
 * A part of the value already in canonical form (plain objects whose keys are in sorted order, no
 * undefined, arrays without holes) is shared, not copied: the tree is a snapshot only as long as the
 * value is not changed, so use it before changing the value.
 */
function canonicalTree(value) {
    _counters_js__WEBPACK_IMPORTED_MODULE_1__/* .counters */ .O.canonicalizations++; // a structural figure: tests hold a run to its count
    inheritedKeys = enumerableOnPrototype();
    return normalize(value);
}
function canonicalJson(value) {
    return printed(JSON.stringify(canonicalTree(value)));
}
/** Every canonical text printed passes here: a structural figure (tests hold a run to it). */
function printed(text) {
    _counters_js__WEBPACK_IMPORTED_MODULE_1__/* .counters */ .O.printedChars += text.length;
    return text;
}
const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;
// Copy-on-write: a part that needs no change comes back as itself (JSON.stringify prints it exactly
// as it would print the sorted copy), so canonical input is walked, not rebuilt.
function normalize(v) {
    if (v === null || v === undefined)
        return null;
    switch (typeof v) {
        case 'number':
            if (!Number.isFinite(v))
                throw new TypeError(`canonical JSON cannot hold ${v}`);
            return v;
        case 'string':
        case 'boolean':
            return v;
        case 'object':
            return Array.isArray(v) ? normalizeArray(v) : normalizeObject(v);
        default:
            throw new TypeError(`canonical JSON cannot hold a ${typeof v}`);
    }
}
function normalizeArray(v) {
    let out = null;
    // Shared only when JSON.stringify prints it element by element: not a subclass, no toJSON of its own.
    if (Object.getPrototypeOf(v) !== ARRAY_PROTO || typeof v.toJSON === 'function') {
        _counters_js__WEBPACK_IMPORTED_MODULE_1__/* .counters */ .O.canonicalCopies++;
        out = [];
    }
    for (let i = 0; i < v.length; i++) {
        const x = v[i];
        // A hole or an undefined reads as undefined and normalizes to null: a change, so it is copied.
        const y = normalize(x);
        if (out !== null)
            out.push(y);
        else if (y !== x) {
            _counters_js__WEBPACK_IMPORTED_MODULE_1__/* .counters */ .O.canonicalCopies++;
            out = v.slice(0, i);
            out.push(y);
        }
    }
    return out ?? v;
}
const shapes = new Map();
let shapeCount = 0;
const MAX_SHAPES = 4096; // a bound for hostile input (every object its own keys), not a cache policy
function sortedKeys(keys) {
    const first = keys.length === 0 ? '' : keys[0];
    let list = shapes.get(first);
    if (list !== undefined) {
        for (let j = 0; j < list.length; j++) {
            const s = list[j];
            if (s.keys.length !== keys.length)
                continue;
            let i = 0;
            while (i < keys.length && s.keys[i] === keys[i])
                i++;
            if (i === keys.length)
                return s.sorted;
        }
    }
    const sorted = [...keys].sort();
    if (shapeCount >= MAX_SHAPES) {
        shapes.clear();
        shapeCount = 0;
        list = undefined;
    }
    if (list === undefined)
        shapes.set(first, (list = []));
    list.push({ keys, sorted });
    shapeCount++;
    return sorted;
}
function sortedCopy(v, keys) {
    _counters_js__WEBPACK_IMPORTED_MODULE_1__/* .counters */ .O.canonicalCopies++;
    const out = {};
    for (const k of sortedKeys(keys)) {
        if (k === '__proto__')
            continue;
        const x = v[k];
        if (x !== undefined)
            out[k] = normalize(x);
    }
    return out;
}
/**
 * Copy-on-write walk of an object. Shared as itself only when it is a plain object whose own keys are
 * listed in sorted order (the sorted copy would list them the same way: array-index keys, which every
 * object lists first, included — a copy would list them first too), with no undefined member and no
 * own `__proto__`. The keys are walked with for…in, which allocates no key list (Object.keys did, for
 * every object of the config and the observation, and the garbage was a good part of a run's GC).
 * (With an enumerable key on Object.prototype, or a toJSON method, it is copied: see below.)
 */
function normalizeObject(v) {
    const proto = Object.getPrototypeOf(v);
    // Walked with for…in only when it lists exactly the own keys JSON.stringify prints (no enumerable
    // key on Object.prototype) and JSON.stringify prints the members (no toJSON method, which it
    // would call instead, an own non-enumerable one included).
    if ((proto !== OBJECT_PROTO && proto !== null) || inheritedKeys || typeof v.toJSON === 'function')
        return sortedCopy(v, Object.keys(v));
    let prev = null;
    let changedAt = null;
    let changed;
    for (const k in v) {
        if ((prev !== null && !(prev < k)) || k === '__proto__')
            return sortedCopy(v, Object.keys(v));
        prev = k;
        const x = v[k];
        if (x === undefined) {
            changedAt = k;
            break;
        }
        const y = normalize(x);
        if (y !== x) {
            changedAt = k;
            changed = y;
            break;
        }
    }
    if (changedAt === null)
        return v;
    // From the first key that changes on, a copy (the keys before it are already normal); the keys
    // after it must still be in order, and the key still listed (a getter may have hidden it), or the
    // whole object is copied sorted.
    const keys = Object.keys(v);
    for (let j = 1; j < keys.length; j++)
        if (!(keys[j - 1] < keys[j]) || keys[j] === '__proto__')
            return sortedCopy(v, keys);
    let at = 0;
    while (at < keys.length && keys[at] !== changedAt)
        at++;
    if (at === keys.length)
        return sortedCopy(v, keys);
    _counters_js__WEBPACK_IMPORTED_MODULE_1__/* .counters */ .O.canonicalCopies++;
    const out = {};
    // The members before it read again (a getter may answer differently): normalized, so the text is
    // canonical whatever they answer.
    for (let j = 0; j < at; j++) {
        const x = v[keys[j]];
        if (x !== undefined)
            out[keys[j]] = normalize(x);
    }
    if (changed !== undefined)
        out[changedAt] = changed;
    for (let j = at + 1; j < keys.length; j++) {
        const x = v[keys[j]];
        if (x !== undefined)
            out[keys[j]] = normalize(x);
    }
    return out;
}
/**
 * Whether Object.prototype has an enumerable key (prototype pollution): for…in would list it for
 * every object, and walk into it. Looked at once per walk; then the walk lists own keys instead.
 */
function enumerableOnPrototype() {
    for (const _ in OBJECT_PROTO)
        return true;
    return false;
}
let inheritedKeys = false;
/**
 * The normalized form of an object with one of its own keys left out, without copying it first: a
 * part of a whole value whose canonicalization the caller counts (configHash: each VM without its
 * source position).
 */
function canonicalPartWithout(value, omit) {
    inheritedKeys = enumerableOnPrototype();
    const keys = Object.keys(value);
    if (!keys.includes(omit))
        return normalize(value);
    const kept = keys.filter((k) => k !== omit);
    const out = {};
    for (const k of sortedKeys(kept)) {
        if (k === '__proto__')
            continue;
        const x = value[k];
        if (x !== undefined)
            out[k] = normalize(x);
    }
    return out;
}
function sha256Of(value) {
    return sha256OfTree(canonicalTree(value));
}
/** sha256 of a value canonicalTree already normalized (or built only of such values, keys in order). */
function sha256OfTree(tree) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(printed(JSON.stringify(tree)), 'utf8').digest('hex')}`;
}
/** Strings this long are escaped once per text, however often a value repeats them. */
const LONG_STRING = 4096;
/** Below this (estimated) size a text is printed whole: one JSON.stringify is the fastest printer. */
const PRINT_WHOLE_BELOW = 4 * 1024 * 1024;
/** Pieces of about this many characters are handed to the hash. */
const PIECE = 1024 * 1024;
/**
 * sha256 of canonicalJson(value), for a value whose text may be far larger than the memory it holds:
 * a YAML alias repeats a value, a seed file named by many VMs is one string used many times. The
 * text is not held whole: it is hashed in pieces of about 1 MiB, and a string of 4 KiB or more is
 * escaped once however often it recurs. null when the text would be longer than `maxChars`
 * (estimated from the strings' lengths before anything is printed).
 */
function sha256OfCanonicalBounded(value, maxChars, printWholeBelow = PRINT_WHOLE_BELOW) {
    const tree = canonicalTree(value);
    const size = textSize(tree, maxChars);
    if (size > maxChars)
        return null;
    if (size < printWholeBelow)
        return sha256OfTree(tree);
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const escaped = new Map();
    let out = '';
    const flush = () => {
        if (out.length > 0)
            h.update(printed(out), 'utf8');
        out = '';
    };
    const print = (v) => {
        if (typeof v === 'string') {
            if (v.length < LONG_STRING)
                out += JSON.stringify(v);
            else {
                let text = escaped.get(v);
                if (text === undefined)
                    escaped.set(v, (text = printed(JSON.stringify(v))));
                if (out.length > 0) {
                    h.update(printed(out), 'utf8');
                    out = '';
                }
                h.update(text, 'utf8');
            }
        }
        else if (v === null || typeof v !== 'object')
            out += JSON.stringify(v);
        else if (Array.isArray(v)) {
            out += '[';
            for (let i = 0; i < v.length; i++) {
                if (i > 0)
                    out += ',';
                print(v[i]);
            }
            out += ']';
        }
        else {
            out += '{';
            let first = true;
            for (const k of Object.keys(v)) {
                out += (first ? '' : ',') + JSON.stringify(k) + ':';
                first = false;
                print(v[k]);
            }
            out += '}';
        }
        if (out.length >= PIECE)
            flush();
    };
    print(tree);
    flush();
    return `sha256:${h.digest('hex')}`;
}
/** About how many characters JSON.stringify(tree) prints: at least `limit` + 1 once past `limit`. */
function textSize(tree, limit) {
    let n = 0;
    const walk = (v) => {
        if (n > limit)
            return;
        if (typeof v === 'string')
            n += v.length + 2;
        else if (v === null || typeof v !== 'object')
            n += 24;
        else if (Array.isArray(v)) {
            n += 2 + v.length;
            for (let i = 0; i < v.length && n <= limit; i++)
                walk(v[i]);
        }
        else {
            for (const k in v) {
                if (!Object.hasOwn(v, k))
                    continue; // a key Object.prototype was given is not printed
                n += k.length + 4;
                walk(v[k]);
                if (n > limit)
                    return;
            }
            n += 2;
        }
    };
    walk(tree);
    return n;
}
/** sha256 of a text given in parts (the parts are hashed in turn, never joined). */
function sha256OfParts(parts) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    for (const p of parts)
        h.update(p, 'utf8');
    return `sha256:${h.digest('hex')}`;
}
/**
 * Canonical texts printed once. JSON.stringify prints an object member by member, so the text of an
 * object whose members are canonical trees is composed of its members' texts: the observation
 * printed for its hash is not printed again for current.json, nor the plan body for plan.json. A
 * member's text is remembered by the member itself (its identity): a value must not change after it
 * is printed (a run prints its observation and its plan once they are made, and never changes them).
 */
class CanonicalTexts {
    memo = new WeakMap();
    /** The compact canonical text of a canonical tree, printed at most once. */
    of(tree) {
        if (tree === null || typeof tree !== 'object')
            return JSON.stringify(tree);
        let text = this.memo.get(tree);
        if (text === undefined) {
            text = printed(JSON.stringify(tree));
            this.memo.set(tree, text);
        }
        return text;
    }
    /**
     * The parts of JSON.stringify(object) for an object whose keys are in canonical order and whose
     * members are canonical trees: joined they are exactly that text; each member is printed once.
     */
    objectParts(object) {
        const parts = ['{'];
        for (const k of Object.keys(object)) {
            const v = object[k];
            if (v === undefined)
                continue;
            parts.push(parts.length > 1 ? ',' : '', JSON.stringify(k), ':', this.of(v));
        }
        parts.push('}');
        return parts;
    }
}
/** Pretty, key-sorted JSON of a value canonicalTree already normalized: equal content, equal bytes. */
function prettyTree(tree) {
    return printed(JSON.stringify(tree, null, 2)) + '\n';
}


/***/ }),

/***/ 1487:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ loadConfig)
});

// UNUSED EXPORTS: parseConfig

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/core/seed/iso9660.ts
var iso9660 = __nccwpck_require__(9497);
// EXTERNAL MODULE: ./src/core/canonical.ts
var canonical = __nccwpck_require__(457);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/input-limits.ts
var input_limits = __nccwpck_require__(9620);
;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
// EXTERNAL MODULE: ./src/core/seed/nocloud.ts
var nocloud = __nccwpck_require__(4693);
// EXTERNAL MODULE: ./src/core/sizes.ts
var sizes = __nccwpck_require__(9013);
;// CONCATENATED MODULE: ./src/core/config/rules.ts
// Value rules the schema cannot say well, each returning why a value is wrong (or null): sizes and
// Hyper-V's memory granularity, MAC addresses, Windows paths, the reserved Notes marker, secrets.

const MB = 2 ** 20;
/** Hyper-V allocates VM memory in 2MB units and refuses less than 32MB. */
const MEMORY_STEP_BYTES = 2 * MB;
const MEMORY_MIN_BYTES = 32 * MB;
/** Hyper-V's own defaults when dynamic memory is enabled without bounds. */
const DYNAMIC_MINIMUM_DEFAULT_BYTES = 512 * MB;
const DYNAMIC_MAXIMUM_DEFAULT_BYTES = 2 ** 40;
/** The largest VHDX Hyper-V creates. */
const VHDX_MAX_BYTES = 64 * 2 ** 40;
/** The prefix of the ownership marker the tool writes into Notes; users may not write it. */
const OWNERSHIP_MARKER_PREFIX = 'hyperv-converge:';
const SECRET_KEYS = ['privateKey', 'password', 'passphrase', 'token', 'secret'];
const SECRET_MESSAGE = 'secrets are never written in the file; put the key in an environment variable and name it in privateKeyEnv';
const SIZE_RE = new RegExp(sizes/* SIZE_PATTERN */.bv);
/** `2GB` → bytes, or why not. Units are upper-case, the way the schema (and editors) check them. */
/** Sizes already read: a fleet repeats a few (every VM that inherits `memory: 2GB`). Bounded. */
const sizesRead = new Map();
function readSize(text, what) {
    const known = sizesRead.get(text);
    if (known !== undefined)
        return { bytes: known };
    const r = readSizeOnce(text, what);
    if ('bytes' in r && sizesRead.size < 1024)
        sizesRead.set(text, r.bytes);
    return r;
}
function readSizeOnce(text, what) {
    const expected = 'a size with a unit (B, KB, MB, GB, TB), such as 512MB or 4GB';
    const lenient = (0,sizes/* parseSize */.DB)(text);
    if (!SIZE_RE.test(text)) {
        const hint = lenient !== null ? `did you mean '${text.trim().replace(/[a-z]+$/i, (u) => u.toUpperCase())}'?` : undefined;
        return { message: `${what} '${text}' is not a size`, expected, hint };
    }
    if (lenient === null)
        return { message: `${what} '${text}' is not a whole number of bytes, or too large`, expected };
    return { bytes: lenient };
}
function memoryBytesProblem(bytes, what, text) {
    if (bytes < MEMORY_MIN_BYTES) {
        return { message: `${what} ${text} is below Hyper-V's minimum of 32MB`, expected: 'at least 32MB, in multiples of 2MB' };
    }
    if (bytes % MEMORY_STEP_BYTES !== 0) {
        const down = Math.floor(bytes / MEMORY_STEP_BYTES) * MEMORY_STEP_BYTES;
        return {
            message: `${what} ${text} is not a multiple of 2MB (Hyper-V allocates memory in 2MB units)`,
            expected: 'a multiple of 2MB',
            hint: `did you mean '${down / MB}MB' or '${(down + MEMORY_STEP_BYTES) / MB}MB'?`,
        };
    }
    return null;
}
/** `00-15-5D-01-02-03`, `00:15:5d:01:02:03`, `00155D010203` → `00155D010203`; null when not a MAC. */
function normalizeMac(text) {
    const m = /^([0-9A-Fa-f]{2})([-:]?)([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})\2([0-9A-Fa-f]{2})$/.exec(text.trim());
    if (!m)
        return null;
    return [m[1], m[3], m[4], m[5], m[6], m[7]].join('').toUpperCase();
}
function macProblem(text) {
    const mac = normalizeMac(text);
    const expected = 'a unicast MAC address such as 00-15-5D-01-02-03, 00:15:5D:01:02:03 or 00155D010203';
    if (mac === null)
        return { message: `'${text}' is not a MAC address`, expected };
    if (/^0+$/.test(mac))
        return { message: `MAC ${text} is all zeros, which Hyper-V reads as "dynamic"`, expected, hint: 'omit mac (or write null) for a dynamic address' };
    if (parseInt(mac.slice(0, 2), 16) & 1) {
        return { message: `MAC ${text} is a multicast address (the lowest bit of its first octet is set); a network adapter needs a unicast one`, expected };
    }
    return null;
}
const BAD_PATH_CHARS = /[<>"|?*\u0000-\u001f]/u;
function windowsPathProblem(text, what) {
    const expected = 'an absolute Windows path such as D:\\Hyper-V\\lab or \\\\server\\share\\lab';
    if (!/^([A-Za-z]:[\\/]|\\\\[^\\/]+\\[^\\/]+)/.test(text)) {
        const hint = text.startsWith('/') || text.startsWith('~') ? 'this is a path on the host running Hyper-V (Windows), not on the runner' : undefined;
        return { message: `${what} '${text}' is not an absolute Windows path`, expected, hint };
    }
    const bad = BAD_PATH_CHARS.exec(text.slice(2));
    if (bad)
        return { message: `${what} '${text}' contains '${bad[0]}', which a Windows path cannot hold`, expected };
    return null;
}
function imagePathProblem(text) {
    const p = windowsPathProblem(text, 'image');
    if (p)
        return { ...p, expected: 'an absolute Windows path to a .vhdx or .vhd file, such as D:\\images\\ubuntu.vhdx' };
    if (!/\.vhdx?$/i.test(text)) {
        return { message: `image '${text}' is not a .vhdx or .vhd file`, expected: 'an absolute Windows path to a .vhdx or .vhd file, such as D:\\images\\ubuntu.vhdx' };
    }
    return null;
}
function notesProblem(text) {
    if (text.toLowerCase().includes(OWNERSHIP_MARKER_PREFIX)) {
        return {
            message: `notes may not contain '${OWNERSHIP_MARKER_PREFIX}': the tool writes its ownership marker with that prefix and must be the only one to`,
            hint: `remove '${OWNERSHIP_MARKER_PREFIX}' from the notes; ownership comes from 'project'`,
        };
    }
    return null;
}
const SECRET_KEYS_LOWER = new Set(SECRET_KEYS.map((k) => k.toLowerCase()));
function isSecretKey(key) {
    return SECRET_KEYS_LOWER.has(key.toLowerCase());
}

;// CONCATENATED MODULE: ./src/core/config/surface.ts
// The wider VM surface in the file: network adapters, data disks, DVD drives, the cloud-init seed, and
// the firmware/processor/lifecycle settings. Value checks (run where a value is written, in defaults
// or on a VM) and the resolution into DesiredVm fields with fixed device positions.



const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/** Keys of cloud-config whose literal values are passwords: they must come from the environment. */
const PASSWORD_KEYS = new Set(['password', 'passwd', 'hashed_passwd', 'plain_text_passwd']);
/** Positions: generation 2 puts data disks on SCSI 0 from location 1 (the boot disk is 0:0) and
 *  DVDs from location 32; generation 1 boots from IDE 0:0, so data disks go on SCSI 0 (hot-pluggable)
 *  and DVDs on IDE 1 (a generation 1 DVD drive is always IDE). */
function dataDiskSlot(generation, i) {
    return generation === 2 ? { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: i + 1 } : { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: i };
}
function dvdSlot(generation, j) {
    return generation === 2 ? { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: 32 + j } : { controllerType: 'IDE', controllerNumber: 1, controllerLocation: j };
}
function vmFolder(vm) {
    return `${vm.path.replace(/[\\/]+$/, '')}\\${vm.name}`;
}
/** Checks that need nothing but the value (defaults and each VM). */
function checkSurfaceValues(o, base, add, diskSize) {
    if (Array.isArray(o.networkAdapters)) {
        const names = new Map();
        o.networkAdapters.forEach((a, i) => {
            if (!isObj(a))
                return;
            const at = `${base}/networkAdapters/${i}`;
            if (typeof a.mac === 'string') {
                const p = macProblem(a.mac);
                if (p)
                    add(`${at}/mac`, p);
            }
            if (typeof a.name === 'string') {
                const k = a.name.toLowerCase();
                const first = names.get(k);
                if (first !== undefined)
                    add(`${at}/name`, { message: `adapter name '${a.name}' is already used by adapter ${first + 1} of this VM (names are case-insensitive)`, hint: 'give every adapter its own name' });
                else
                    names.set(k, i);
            }
        });
    }
    if (Array.isArray(o.dataDisks)) {
        o.dataDisks.forEach((d, i) => {
            if (isObj(d) && typeof d.size === 'string')
                diskSize(d.size, `${base}/dataDisks/${i}/size`, add);
        });
    }
    if (isObj(o.cloudInit))
        checkSeedTexts(o.cloudInit, `${base}/cloudInit`, add);
}
function checkSeedTexts(ci, base, add) {
    for (const k of ['userData', 'metaData', 'networkConfig']) {
        const text = ci[k];
        if (typeof text !== 'string')
            continue;
        const bad = (0,nocloud/* malformedRefs */.Yt)(text);
        if (bad > 0) {
            add(`${base}/${k}`, {
                message: `${k} has ${bad} '\${{' that ${bad === 1 ? 'is' : 'are'} not a well-formed environment reference`,
                expected: '${{ env.NAME }} with NAME an environment variable name',
                hint: 'write ${{ env.NAME }}; anything else would reach the guest verbatim',
            });
        }
    }
    const ud = ci.userData;
    if (typeof ud === 'string' && /^#cloud-config\s*$/m.test(ud.split('\n', 1)[0] ?? '')) {
        let doc;
        try {
            doc = load(ud);
        }
        catch (e) {
            add(`${base}/userData`, { message: `userData is #cloud-config but not valid YAML: ${e.message.split('\n')[0]}`, hint: 'cloud-init would ignore it; check it with: cloud-init schema --config-file <file>' });
            return;
        }
        if (doc !== null && doc !== undefined && !isObj(doc)) {
            add(`${base}/userData`, { message: 'userData is #cloud-config but its YAML is not a mapping', expected: 'a mapping of cloud-config keys such as hostname, users, packages' });
            return;
        }
        const literal = literalPasswords(doc, '');
        if (literal.length > 0) {
            add(`${base}/userData`, {
                message: `userData writes a password in the file (${literal.join(', ')}); secrets are never written in the file`,
                hint: 'put it in an environment variable and write ${{ env.NAME }} instead',
            });
        }
    }
}
/** Where a cloud-config holds a password as a literal value (not a `${{ env.NAME }}` reference). */
function literalPasswords(v, at) {
    if (Array.isArray(v))
        return v.flatMap((x, i) => literalPasswords(x, `${at}[${i}]`));
    if (!isObj(v))
        return [];
    const out = [];
    for (const [k, x] of Object.entries(v)) {
        const here = at ? `${at}.${k}` : k;
        if (PASSWORD_KEYS.has(k.toLowerCase()) && typeof x === 'string' && x.replace(nocloud/* SECRET_REF_RE */.X1, '').trim() !== '')
            out.push(here);
        else
            out.push(...literalPasswords(x, here));
    }
    return out;
}
function enumOf(pick, k, allowed) {
    const p = pick(k);
    return p && typeof p.value === 'string' && allowed.includes(p.value) ? p.value : null;
}
function intOf(pick, k) {
    const p = pick(k);
    return p && typeof p.value === 'number' && Number.isInteger(p.value) ? p.value : null;
}
function boolOf(pick, k) {
    const p = pick(k);
    return p && typeof p.value === 'boolean' ? p.value : null;
}
const START_ACTIONS = ['Nothing', 'StartIfRunning', 'Start'];
const STOP_ACTIONS = ['TurnOff', 'Save', 'ShutDown'];
const CHECKPOINT_TYPES = ['Standard', 'Production', 'ProductionOnly', 'Disabled'];
const BOOT_DEVICES = ['HardDisk', 'DvdDrive', 'NetworkAdapter'];
const SECURE_BOOT_TEMPLATES = ['MicrosoftWindows', 'MicrosoftUEFICertificateAuthority', 'OpenSourceShieldedVM'];
/**
 * Fills in the surface fields of one VM (adapters, adaptersListed, dataDisks, dvdDrives, cloudInit,
 * settings, integrationServices; switch and mac from an adapter list); problems that need the
 * merged VM (generation, counts) are added. Run once per VM of a fleet: a VM that names no device
 * list pays for no list copies, and its folder is made only for a data disk or seed placed in it.
 */
function resolveSurface(vm, pick, base, add) {
    const own = (k) => pick(k)?.from.startsWith(base) ?? false;
    const gen = vm.generation;
    // Network adapters: the list, or the single switch/mac form.
    const listP = pick('networkAdapters');
    let adapters;
    let adaptersListed = false;
    if (listP && Array.isArray(listP.value)) {
        adaptersListed = true;
        for (const k of ['switch', 'mac']) {
            if (own(k) && listP.from.startsWith(base))
                add(`${base}/${k}`, { message: `VM '${vm.name}' sets both ${k} and networkAdapters; use one form`, hint: `move ${k} into an entry of networkAdapters` });
        }
        // Keys in canonical (sorted) order, as the rest of a resolved VM: the guards that are set slot in
        // between (dhcpGuard, mac, macSpoofing, name, routerGuard, switch, vlan).
        adapters = listP.value.filter(isObj).map((a) => {
            const out = {};
            if (typeof a.dhcpGuard === 'boolean')
                out.dhcpGuard = a.dhcpGuard;
            out.mac = typeof a.mac === 'string' ? normalizeMac(a.mac) : null;
            if (typeof a.macSpoofing === 'boolean')
                out.macSpoofing = a.macSpoofing;
            out.name = typeof a.name === 'string' ? a.name : '';
            if (typeof a.routerGuard === 'boolean')
                out.routerGuard = a.routerGuard;
            out.switch = typeof a.switch === 'string' ? a.switch : null;
            out.vlan = typeof a.vlan === 'number' ? a.vlan : null;
            return out;
        });
        vm.switch = adapters[0]?.switch ?? null;
        vm.mac = adapters[0]?.mac ?? null;
    }
    else {
        adapters = [{ mac: vm.mac, name: null, switch: vm.switch }];
    }
    let folder;
    const disksP = pick('dataDisks');
    const dataDisks = !(disksP && Array.isArray(disksP.value) && disksP.value.length > 0) ? [] : disksP.value.filter(isObj).map((d, i) => {
        // Keys in canonical (sorted) order, as the rest of a resolved VM.
        const { controllerLocation, controllerNumber, controllerType } = dataDiskSlot(gen, i);
        if (typeof d.path === 'string')
            return { controllerLocation, controllerNumber, controllerType, existing: true, path: d.path, sizeBytes: null };
        const r = typeof d.size === 'string' ? readSize(d.size, 'disk size') : null;
        folder ??= vmFolder(vm);
        return { controllerLocation, controllerNumber, controllerType, existing: false, path: `${folder}\\Virtual Hard Disks\\${vm.name}-data${i + 1}.vhdx`, sizeBytes: r && 'bytes' in r ? r.bytes : 0 };
    });
    const dvdP = pick('dvdDrives');
    const dvdDrives = !(dvdP && Array.isArray(dvdP.value) && dvdP.value.length > 0) ? [] : dvdP.value.filter(isObj).map((d, j) => {
        const { controllerLocation, controllerNumber, controllerType } = dvdSlot(gen, j);
        return { controllerLocation, controllerNumber, controllerType, path: typeof d.path === 'string' ? d.path : null };
    });
    const ciP = pick('cloudInit');
    let cloudInit = null;
    if (ciP && isObj(ciP.value)) {
        const ci = ciP.value;
        const text = (k) => (typeof ci[k] === 'string' ? ci[k] : null);
        for (const k of ['userData', 'metaData', 'networkConfig']) {
            if (isObj(ci[k]))
                add(`${ciP.from}/${k}`, { message: `${k}.file was not read: files are read when the configuration is loaded from a file`, hint: 'load the configuration with its file path' });
        }
        // Keys in canonical (sorted) order, as the rest of a resolved VM.
        const seedSlot = dvdSlot(gen, dvdDrives.length);
        cloudInit = {
            metaData: text('metaData') ?? (0,nocloud/* defaultMetaData */.B5)(vm.name),
            networkConfig: text('networkConfig'),
            path: `${folder ?? vmFolder(vm)}\\${nocloud/* SEED_FILE_NAME */.Zz}`,
            slot: { controllerLocation: seedSlot.controllerLocation, controllerNumber: seedSlot.controllerNumber, controllerType: seedSlot.controllerType },
            userData: text('userData') ?? '',
        };
        if (gen === 1 && dvdDrives.length >= 2) {
            add(ciP.from, { message: `VM '${vm.name}' is generation 1 with ${dvdDrives.length} DVD drives: its IDE controller 1 has no place left for the seed's drive`, hint: 'use one DVD drive at most next to cloudInit' });
        }
    }
    // Keys in sorted order: the canonical form the config hash is taken over.
    const settings = {
        automaticStartAction: enumOf(pick, 'automaticStartAction', START_ACTIONS),
        automaticStartDelaySec: intOf(pick, 'automaticStartDelay'),
        automaticStopAction: enumOf(pick, 'automaticStopAction', STOP_ACTIONS),
        checkpointType: enumOf(pick, 'checkpointType', CHECKPOINT_TYPES),
        compatibilityForMigration: boolOf(pick, 'compatibilityForMigration'),
        firstBootDevice: enumOf(pick, 'firstBootDevice', BOOT_DEVICES),
        memoryBuffer: intOf(pick, 'memoryBuffer'),
        memoryWeight: intOf(pick, 'memoryWeight'),
        nestedVirtualization: boolOf(pick, 'nestedVirtualization'),
        secureBootTemplate: enumOf(pick, 'secureBootTemplate', SECURE_BOOT_TEMPLATES),
        tpm: boolOf(pick, 'tpm'),
    };
    const bufferP = pick('memoryBuffer');
    if (bufferP && settings.memoryBuffer !== null && !vm.memory.dynamic) {
        add(bufferP.from, { message: `memoryBuffer applies to dynamic memory, but VM '${vm.name}' has static memory`, hint: 'remove memoryBuffer, or give memory a minimum/maximum' });
    }
    const isP = pick('integrationServices');
    const integrationServices = {};
    if (isP && isObj(isP.value))
        for (const [k, v] of Object.entries(isP.value))
            if (typeof v === 'boolean')
                integrationServices[k.replace(/[{}]/g, '').toUpperCase()] = v;
    if (gen === 1) {
        for (const k of ['tpm', 'secureBootTemplate']) {
            const p = pick(k);
            if (p && settings[k] !== null && (k !== 'tpm' || settings.tpm === true)) {
                add(p.from, { message: `${k} exists only on generation 2 VMs, but VM '${vm.name}' is generation 1`, hint: `remove ${k}, or use generation 2` });
            }
        }
        settings.secureBootTemplate = null;
        if (settings.tpm === false)
            settings.tpm = null;
    }
    vm.adapters = adapters;
    vm.adaptersListed = adaptersListed;
    vm.cloudInit = cloudInit;
    vm.dataDisks = dataDisks;
    vm.dvdDrives = dvdDrives;
    vm.integrationServices = integrationServices;
    vm.settings = settings;
}

;// CONCATENATED MODULE: ./src/core/config/switches.ts
const switches_isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
function parseCidr(text) {
    const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(text);
    if (!m)
        return 'not an IPv4 subnet';
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix < 8 || prefix > 30)
        return 'not an IPv4 subnet with a prefix of 8 to 30 bits';
    const addr = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    const net = (addr & mask) >>> 0;
    const dotted = (n) => [24, 16, 8, 0].map((sh) => (n >>> sh) & 255).join('.');
    if (net !== addr)
        return `not a network address (the network of ${text} is ${dotted(net)}/${prefix})`;
    return { subnet: `${dotted(net)}/${prefix}`, gateway: dotted(net + 1), prefixLength: prefix };
}
function resolveSwitches(raw, add) {
    if (!Array.isArray(raw))
        return [];
    const out = [];
    const seen = new Map();
    raw.forEach((x, i) => {
        if (!switches_isObj(x) || typeof x.name !== 'string')
            return; // the schema reports it
        const at = `/switches/${i}`;
        const type = x.type === 'Internal' || x.type === 'Private' || x.type === 'External' ? x.type : 'Internal';
        const first = seen.get(x.name.toLowerCase());
        if (first !== undefined)
            add(`${at}/name`, { message: `switch '${x.name}' is already declared as switch ${first + 1} (names are case-insensitive)` });
        else
            seen.set(x.name.toLowerCase(), i);
        let nat = null;
        if (switches_isObj(x.nat) && typeof x.nat.subnet === 'string') {
            if (type !== 'Internal')
                add(`${at}/nat`, { message: `NAT needs an internal switch; '${x.name}' is ${type}`, hint: 'use type: Internal, or remove nat' });
            const r = parseCidr(x.nat.subnet);
            if (typeof r === 'string')
                add(`${at}/nat/subnet`, { message: `subnet '${x.nat.subnet}' is ${r}`, expected: 'an IPv4 network such as 192.168.77.0/24' });
            else
                nat = r;
        }
        const state = x.state === 'absent' ? 'absent' : 'present';
        if (type === 'External' && state === 'absent') {
            add(`${at}/state`, { message: `external switch '${x.name}' is never removed: removing it cuts the host's own network`, hint: 'remove it by hand, or drop it from the file' });
        }
        out.push({ name: x.name, type, nat, state });
    });
    return out;
}

// EXTERNAL MODULE: ./src/core/config/suggest.ts
var suggest = __nccwpck_require__(6732);
// EXTERNAL MODULE: ./src/core/model/ownership.ts
var ownership = __nccwpck_require__(4504);
// EXTERNAL MODULE: ./src/core/config/vm-name.ts
var vm_name = __nccwpck_require__(5561);
// EXTERNAL MODULE: ./src/core/counters.ts
var counters = __nccwpck_require__(6286);
;// CONCATENATED MODULE: ./src/core/config/yaml-fast.ts
// A reader for the block-style subset of YAML configurations are written in, tried before js-yaml
// because it runs fast in a cold process: a CLI reads its config once, before V8's JIT has warmed up
// js-yaml's character-by-character scanner (about 80 ms for a 10,000-VM file, against ~25 ms warm).
// It works a line at a time with sticky regular expressions (native code from the first call) and
// `slice`, and builds the same value js-yaml's default schema would: plain scalars go through js-yaml's
// own resolver (CORE_SCHEMA), mappings are plain objects filled in document order.
//
// It is only an accelerator: on any text outside the subset, or any doubt, it declines (returns
// null) and the js-yaml path reads the text exactly as before, reporting whatever is wrong with it.
// So the subset must only ever hold documents js-yaml reads without a problem, to the same value.
// __tests__/config/yaml-fast*.test.ts compares the two on every config in the repository and on
// generated near-subset documents.
//
// The subset: one document whose root is a block mapping at column 0; block mappings and block
// sequences nested by spaces (a sequence may sit at its key's indentation); keys plain
// (`[A-Za-z0-9_][A-Za-z0-9_./~-]*`) or quoted on one line; values plain, single- or double-quoted on
// one line (double quotes with the escapes \\ \" \/ \n \t only), a flow collection closed on its
// line (`{ a: 1, b: [x, y] }`, plain scalars there without `:` or `#`), or a literal block scalar
// `|` or `|-` (cloud-init user data); `# comments` on their own line or after a value; blank lines;
// LF or CRLF line ends. Declined, among others: tabs, a lone CR, a BOM or control characters
// anywhere; `---`/`...`, directives, anchors, aliases, tags, folded block scalars (`>`), `|+` and
// indentation indicators, other multi-line scalars or flow collections, `? ` keys, empty sequence
// items, duplicate keys, `__proto__`.


// Anything but LF, CR before LF, printable ASCII and the BMP's printable rest (no NEL, C1 controls,
// U+2028/2029, surrogates, BOM, U+FFFE/FFFF): one native scan that rules out tabs, a lone CR and what
// js-yaml refuses. CRLF files are common: Git for Windows checks text out with CRLF by default.
const OUTSIDE = /[^\n\r\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|\r(?!\n)/;
const SQ = String.raw `'(?:[^'\r\n]|'')*'`;
const DQ = String.raw `"(?:[^"\\\r\n]|\\["\\/nt])*"`;
/** Indentation, an optional `- `, an optional `key:` followed by a space or the line's end. */
const LINE = new RegExp(String.raw `( *)(- +)?(?:([A-Za-z0-9_][\w./~-]*|${SQ}|${DQ}):(?: +|(?=\r?\n|$)))?`, 'y');
const SINGLE = new RegExp(SQ, 'y');
const DOUBLE = new RegExp(DQ, 'y');
// A plain scalar in block context: it starts with no indicator (`-` only before a letter, digit or
// dot), holds no `: ` and no `#` (so ` #` can only start a comment), and ends before trailing spaces.
const PLAIN = /(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[0-9A-Za-z.]))(?:[^\s:#]|:(?=[^\s:#]))*(?: +(?:[^\s:#]|:(?=[^\s:#]))+)*/y;
// A plain scalar inside a flow collection: no `:`, `#` or flow indicator at all.
const FLOW_PLAIN = /(?:[^\s\-?:,[\]{}#&*!|>'"%@`]|-(?=[0-9A-Za-z.]))[^\s:#,[\]{}]*(?: +[^\s:#,[\]{}]+)*/y;
/** What may follow a value on its line: spaces, then a comment after at least one space. */
const TAIL = /(?: +#[^\r\n]*| *)(?=\r?\n|$)/y;
const SPACES = / */y;
/** A literal block scalar's header: `|` or `|-`, then only spaces or a comment, then a line break. */
const LITERAL = /\|(-?)(?: +#[^\r\n]*| *)(?=\r?\n)/y;
const MAX_DEPTH = 50;
class Decline extends Error {
}
const decline = () => {
    throw new Decline();
};
/** The document as js-yaml would read it, or null when the text is outside the subset. */
function readFastYaml(text) {
    if (text.length === 0 || OUTSIDE.test(text))
        return null;
    try {
        return read(text);
    }
    catch (e) {
        if (e instanceof Decline)
            return null;
        throw e;
    }
}
function read(text) {
    const end = text.length;
    const root = {};
    const items = new Map();
    const stack = [];
    let values = 1;
    // A key written with nothing after it: its value is the block that follows, or null.
    let pending = null;
    const open = (kind, indent, owner) => {
        const value = kind === 'map' ? {} : [];
        const depth = owner === null ? 0 : owner.frame.depth + 1;
        if (depth > MAX_DEPTH)
            decline();
        let track = null;
        if (owner !== null) {
            setKey(owner.frame, owner.key, value);
            // The pointer as yaml-source.ts's pointerSegment spells it (RFC 6901).
            if (kind === 'seq' && depth === 1)
                items.set('/' + owner.key.replace(/~/g, '~0').replace(/\//g, '~1'), (track = []));
        }
        const f = { kind, indent, value: owner === null ? root : value, depth, items: track };
        stack.push(f);
        values++;
        return f;
    };
    const setKey = (frame, key, value) => {
        const map = frame.value;
        // A duplicate is js-yaml's to report; `__proto__` it defines as an own property.
        if (key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key))
            decline();
        map[key] = value;
    };
    let pos = 0; // the start of the line being read
    let p = 0; // the reading position in it
    while (pos < end) {
        LINE.lastIndex = pos;
        const m = LINE.exec(text); // matches at least the empty string
        const indent = m[1].length;
        const dash = m[2];
        const rawKey = m[3];
        p = LINE.lastIndex;
        const c = p < end ? text.charCodeAt(p) : 10;
        if (dash === undefined && rawKey === undefined && (c === 10 || c === 13 || c === 0x23)) {
            pos = lineEnd(); // a blank line or a comment
            continue;
        }
        const key = rawKey === undefined ? undefined : keyOf(rawKey);
        if (stack.length === 0) {
            // The root: a block mapping at column 0.
            if (indent !== 0 || dash !== undefined || key === undefined)
                decline();
            open('map', 0, null);
        }
        else if (pending !== null) {
            const owner = pending;
            pending = null;
            if (indent > owner.indent) {
                open(dash !== undefined ? 'seq' : 'map', indent, owner);
            }
            else if (indent === owner.indent && dash !== undefined) {
                open('seq', indent, owner); // a sequence at its key's indentation
            }
            else {
                setKey(owner.frame, owner.key, null);
                values++;
            }
        }
        // Close what this line's indentation ends; a sequence at its key's indentation ends at a line
        // of that indentation without a dash.
        let top = stack[stack.length - 1];
        while (top.indent > indent || (top.kind === 'seq' && top.indent === indent && dash === undefined)) {
            stack.pop();
            if (stack.length === 0)
                decline();
            top = stack[stack.length - 1];
        }
        if (top.indent !== indent)
            decline();
        let frame = top;
        if (dash !== undefined) {
            if (top.kind !== 'seq')
                decline();
            // Where js-yaml starts the item: its first key, its value, its opening quote or bracket; a
            // literal block scalar's text, which starts on the line after its `|`.
            top.items?.push(key === undefined && c === 0x7c ? text.indexOf('\n', p) + 1 : pos + indent + dash.length);
            if (key === undefined) {
                top.value.push(value(top.indent));
                continue;
            }
            // `- key: ...`: a mapping item whose keys sit where this one does.
            const map = { kind: 'map', indent: indent + dash.length, value: {}, depth: top.depth + 1, items: null };
            if (map.depth > MAX_DEPTH)
                decline();
            top.value.push(map.value);
            stack.push(map);
            values++;
            frame = map;
        }
        else if (top.kind !== 'map' || key === undefined) {
            decline();
        }
        values++; // the key
        if (c === 10 || c === 13 || c === 0x23) {
            pending = { frame, key: key, indent: frame.indent };
            pos = lineEnd();
            continue;
        }
        setKey(frame, key, value(frame.indent));
    }
    if (pending !== null) {
        setKey(pending.frame, pending.key, null);
        values++;
    }
    if (stack.length === 0 || values > input_limits/* MAX_CONFIG_VALUES */.RZ - 1)
        decline();
    return { value: root, items };
    /** The start of the line after the one `p` is in. */
    function lineEnd() {
        const nl = text.indexOf('\n', p);
        return nl === -1 ? end : nl + 1;
    }
    /**
     * The value starting at `p` on this line, then the rest of the line; moves `pos` to the next.
     * `parent`: the indentation of the mapping or sequence it belongs to.
     */
    function value(parent) {
        if (p < end && text.charCodeAt(p) === 0x7c /* | */)
            return literal(parent);
        const v = scalarOrFlow(false);
        TAIL.lastIndex = p;
        if (!TAIL.test(text))
            decline();
        pos = TAIL.lastIndex + (text.charCodeAt(TAIL.lastIndex) === 13 ? 2 : 1); // past LF or CRLF
        return v;
    }
    /**
     * A literal block scalar, `|` (one final line break kept) or `|-` (none), whose lines are indented
     * like its first, more than `parent`: the lines without that indentation, joined by line breaks.
     * Declined: an indentation indicator, `|+`, a blank or whitespace-only line deeper than the text, a
     * blank first line, an end without a line break, and a line after it indented between the two.
     */
    function literal(parent) {
        LITERAL.lastIndex = p;
        const header = LITERAL.exec(text);
        if (header === null)
            decline();
        const strip = header[1] === '-';
        let q = text.indexOf('\n', LITERAL.lastIndex) + 1;
        const indentAt = (at) => {
            SPACES.lastIndex = at;
            SPACES.test(text);
            return SPACES.lastIndex - at;
        };
        const m = indentAt(q);
        const first = text.charCodeAt(q + m);
        if (m <= parent || q + m >= end || first === 10 || first === 13)
            decline();
        const lines = [];
        while (q < end) {
            const k = indentAt(q);
            const c = q + k < end ? text.charCodeAt(q + k) : -1;
            if (c === -1)
                decline(); // spaces, then the end of the text
            if (c === 10 || c === 13) {
                if (k > m)
                    decline();
                lines.push('');
                q = text.indexOf('\n', q) + 1;
                continue;
            }
            if (k < m) {
                if (k > parent)
                    decline();
                break;
            }
            const nl = text.indexOf('\n', q);
            if (nl === -1)
                decline();
            lines.push(text.slice(q + m, text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
            q = nl + 1;
        }
        while (lines.length > 0 && lines[lines.length - 1] === '')
            lines.pop();
        values++;
        pos = q;
        return lines.join('\n') + (strip ? '' : '\n');
    }
    function scalarOrFlow(flow, depth = 0) {
        values++;
        const c = p < end ? text.charCodeAt(p) : 10;
        if (c === 0x27 /* ' */)
            return sq(sticky(SINGLE));
        if (c === 0x22 /* " */)
            return dq(sticky(DOUBLE));
        if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
            if (depth > MAX_DEPTH)
                decline();
            return c === 0x5b ? flowSeq(depth) : flowMap(depth);
        }
        return resolvePlain(sticky(flow ? FLOW_PLAIN : PLAIN));
    }
    /** The match of `re` at `p` (declining when there is none); moves `p` past it. */
    function sticky(re) {
        re.lastIndex = p;
        const m = re.exec(text);
        if (m === null)
            decline();
        p = re.lastIndex;
        return m[0];
    }
    function skipSpaces() {
        SPACES.lastIndex = p;
        SPACES.test(text);
        p = SPACES.lastIndex;
    }
    function flowSeq(depth) {
        const out = [];
        p++;
        skipSpaces();
        if (text.charCodeAt(p) === 0x5d /* ] */) {
            p++;
            return out;
        }
        for (;;) {
            out.push(scalarOrFlow(true, depth + 1));
            skipSpaces();
            const c = text.charCodeAt(p++);
            if (c === 0x5d)
                return out;
            if (c !== 0x2c /* , */)
                decline();
            skipSpaces();
        }
    }
    function flowMap(depth) {
        const out = {};
        p++;
        skipSpaces();
        if (text.charCodeAt(p) === 0x7d /* } */) {
            p++;
            return out;
        }
        for (;;) {
            const c = text.charCodeAt(p);
            const k = c === 0x27 ? sq(sticky(SINGLE)) : c === 0x22 ? dq(sticky(DOUBLE)) : String(resolvePlain(sticky(FLOW_PLAIN)));
            // `key: value` with a space after the colon; anything else (`a:1`, `a :`, `{a}`) declines.
            if (text.charCodeAt(p) !== 0x3a || text.charCodeAt(p + 1) !== 0x20)
                decline();
            p += 2;
            skipSpaces();
            if (k === '__proto__' || Object.prototype.hasOwnProperty.call(out, k))
                decline();
            values++;
            out[k] = scalarOrFlow(true, depth + 1);
            skipSpaces();
            const d = text.charCodeAt(p++);
            if (d === 0x7d)
                return out;
            if (d !== 0x2c)
                decline();
            skipSpaces();
        }
    }
}
/** A mapping key as js-yaml names its member: quoted text as written, plain text resolved, then String(). */
function keyOf(raw) {
    const c = raw.charCodeAt(0);
    if (c === 0x27)
        return sq(raw);
    if (c === 0x22)
        return dq(raw);
    return String(resolvePlain(raw));
}
function sq(raw) {
    const s = raw.slice(1, -1);
    return s.includes("''") ? s.replace(/''/g, "'") : s;
}
function dq(raw) {
    const s = raw.slice(1, -1);
    return s.includes('\\') ? s.replace(/\\(.)/g, (_, e) => (e === 'n' ? '\n' : e === 't' ? '\t' : e)) : s;
}
// The first characters for which js-yaml's default schema may resolve a plain scalar to something
// other than a string, read from the schema's own tags (null: none listed, so any may).
const IMPLICIT = CORE_SCHEMA.tags.filter((t) => t.nodeKind === 'scalar' && t.implicit);
const MAY_RESOLVE = IMPLICIT.some((t) => t.implicitFirstChars === null) ? null : new Set(IMPLICIT.flatMap((t) => t.implicitFirstChars ?? []));
/** Resolved scalars by text: a fleet repeats the same few numbers, sizes and keys thousands of times. */
const resolved = new Map();
/** js-yaml's own resolution of a plain scalar under its default schema (null, bool, int, float, str). */
function resolvePlain(s) {
    if (MAY_RESOLVE !== null && !MAY_RESOLVE.has(s.charAt(0)))
        return s; // `vm-00042`, `stopped`: a string
    let v = resolved.get(s);
    if (v === undefined) {
        v = CORE_SCHEMA.resolveImplicitScalarTag(s).value;
        if (resolved.size < 4096)
            resolved.set(s, v);
    }
    return v;
}

;// CONCATENATED MODULE: ./src/core/config/yaml-source.ts
// Reads YAML text into a plain value plus a map from JSON pointers to source positions. js-yaml 5
// constructs values without positions, so the map is built from its event stream (which carries
// source offsets) walked alongside: every later problem — schema, semantic, merge — is then located at
// the key or value it is about.




/** Escapes one JSON pointer segment (RFC 6901), the way ajv's instancePath does. */
function pointerSegment(s) {
    if (typeof s === 'number')
        return String(s);
    const t = s;
    return t.includes('~') || t.includes('/') ? t.replace(/~/g, '~0').replace(/\//g, '~1') : t;
}
function joinPointer(base, ...segments) {
    let out = base;
    for (const s of segments)
        out += '/' + pointerSegment(s);
    return out;
}
class PositionMap {
    entries = new Map();
    /**
     * Items of a sequence the walk does not go into (`/vms/3` when reading shallow): their start
     * offsets by the sequence's pointer (-1: none), turned into a position when asked for. A fleet's
     * VMs cost a number each, not a pointer string, an entry and a position.
     */
    items = new Map();
    /** Fills in the pointers deeper than `shallow` segments, once, when one is first asked for. */
    deeper = null;
    shallow = Infinity;
    set(pointer, entry) {
        this.entries.set(pointer, entry);
    }
    setItems(pointer, offsets, lines) {
        this.items.set(pointer, { offsets, lines });
    }
    /** An item recorded by setItems: `pointer` is a sequence's pointer and an index. */
    item(pointer) {
        if (this.items.size === 0)
            return undefined;
        const cut = pointer.lastIndexOf('/');
        if (cut < 0)
            return undefined;
        const seq = this.items.get(pointer.slice(0, cut));
        if (seq === undefined)
            return undefined;
        const segment = pointer.slice(cut + 1);
        if (!/^(?:0|[1-9][0-9]*)$/.test(segment))
            return undefined;
        const offset = seq.offsets[Number(segment)];
        return offset !== undefined && offset >= 0 ? seq.lines.at(offset) : undefined;
    }
    /**
     * A map that holds every pointer of at most `depth` segments now and builds the rest on first use:
     * a valid file never asks for them (its VMs' own positions are two segments deep), a file with a
     * problem to locate pays for them then.
     */
    static lazy(depth, deeper) {
        const m = new PositionMap();
        m.shallow = depth;
        m.deeper = deeper;
        return m;
    }
    complete(pointer) {
        if (this.deeper === null)
            return;
        let depth = 0;
        for (let i = pointer.indexOf('/'); i !== -1 && depth <= this.shallow; i = pointer.indexOf('/', i + 1))
            depth++;
        if (depth <= this.shallow)
            return;
        const build = this.deeper;
        this.deeper = null;
        build(this);
    }
    /**
     * Where to point for `pointer`: the key (for "unknown key"-like problems) or the value. Paths the
     * document does not spell out (inside an alias, or a missing key) fall back to the nearest
     * ancestor that it does.
     */
    locate(pointer, at = 'value') {
        this.complete(pointer);
        let p = pointer;
        for (;;) {
            const e = this.entries.get(p);
            if (e)
                return (at === 'key' ? e.key : undefined) ?? e.value;
            const item = this.item(p);
            if (item)
                return item; // an item has no key
            if (p === '')
                return { line: 1, column: 1 };
            p = p.slice(0, p.lastIndexOf('/'));
            at = 'value';
        }
    }
    /**
     * locate(`${pointer}/${index}`) for an item of a sequence, without building its pointer when the
     * item was recorded by setItems (the deeper walk, if it ran, recorded the same position for it).
     */
    locateItem(pointer, index) {
        const seq = this.items.get(pointer);
        const offset = seq?.offsets[index];
        if (seq !== undefined && offset !== undefined && offset >= 0)
            return seq.lines.at(offset);
        return this.locate(joinPointer(pointer, index));
    }
    has(pointer) {
        this.complete(pointer);
        return this.entries.has(pointer) || this.item(pointer) !== undefined;
    }
}
/** Offsets → 1-based line/column, counting columns in UTF-16 code units like editors' LSP default. */
class LineIndex {
    starts = [0];
    constructor(text) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    at(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, column: offset - this.starts[lo] + 1 };
    }
}
/** Pointers this deep are recorded while reading: the root, its keys and their members (`/vms/3`). */
const SHALLOW_DEPTH = 2;
function readYaml(input, file) {
    // A byte-order mark is not part of line 1 for anyone who reads the file in an editor.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    const lines = new LineIndex(text);
    // The subset configurations are written in, read fast (yaml-fast.ts); it declines anything else,
    // which js-yaml reads below. Its value is js-yaml's; every position but the root's sequence
    // items comes from js-yaml's event walk, the first time one is asked for.
    const fast = readFastYaml(text);
    if (fast !== null) {
        counters/* counters */.O.configsFast++;
        const positions = PositionMap.lazy(-1, (map) => walkDocuments(parseEvents(text, { filename: file }), text, lines, file, map, Infinity, null));
        for (const [pointer, offsets] of fast.items)
            positions.setItems(pointer, offsets, lines);
        return { value: fast.value, positions, problems: [], more: 0 };
    }
    counters/* counters */.O.configsDeclined++;
    return readWithJsYaml(text, lines, file);
}
/** readYaml through js-yaml alone, as it read every text before yaml-fast.ts (its tests compare the two). */
function readYamlWithJsYaml(input, file) {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return readWithJsYaml(text, new LineIndex(text), file);
}
function readWithJsYaml(text, lines, file) {
    let events;
    try {
        events = parseEvents(text, { filename: file });
    }
    catch (e) {
        return { value: undefined, positions: new PositionMap(), problems: [yamlExceptionProblem(e, file)] };
    }
    // One look at the event types: how many documents, and whether any alias is there at all.
    let documents = 0;
    let aliases = false;
    for (let i = 0; i < events.length; i++) {
        const type = events[i].type;
        if (type === EVENT_ID.DOCUMENT)
            documents++;
        else if (type === EVENT_ID.ALIAS)
            aliases = true;
    }
    // Without an alias every value is one event, so a stream of at most MAX_CONFIG_VALUES events
    // cannot pass the bound: the count that expands aliases is needed only when one is written.
    if (aliases || events.length > input_limits/* MAX_CONFIG_VALUES */.RZ) {
        const bomb = aliasExpansionProblem(events, text, lines, file);
        if (bomb)
            return { value: undefined, positions: new PositionMap(), problems: [bomb] };
    }
    // The common case, a single document without duplicate keys: the constructor proves both (outside
    // json mode it throws on a duplicate key), the shallow positions are recorded now and the rest
    // only when a problem needs them. Anything else takes the careful way below, which finds and
    // locates every duplicate key and extra document.
    let refused = null; // why the constructor refused the document, outside json mode
    if (documents <= 1) {
        let values = null;
        try {
            values = constructFromEvents(events, { source: text, filename: file, json: false });
        }
        catch (e) {
            values = null;
            refused = e;
        }
        if (values !== null) {
            const positions = PositionMap.lazy(SHALLOW_DEPTH, (map) => walkDocuments(events, text, lines, file, map, Infinity, null));
            walkDocuments(events, text, lines, file, positions, SHALLOW_DEPTH, null);
            return { value: values[0], positions, problems: [], more: 0 };
        }
    }
    const positions = new PositionMap();
    const dups = { problems: [], more: 0 };
    walkDocuments(events, text, lines, file, positions, Infinity, dups);
    try {
        // json: duplicate keys overwrite instead of throwing; they were reported above, all of them.
        const values = constructFromEvents(events, { source: text, filename: file, json: true });
        // What the constructor refused outside json mode is never accepted: when the walk found nothing
        // to say of it (a duplicate key spelled in a way the walk does not resolve, a tagged one), the
        // constructor's own message says it.
        if (refused !== null && dups.problems.length === 0 && dups.more === 0)
            dups.problems.push(yamlExceptionProblem(refused, file));
        return { value: values[0], positions, problems: dups.problems, more: dups.more };
    }
    catch (e) {
        dups.problems.push(yamlExceptionProblem(e, file));
        return { value: undefined, positions, problems: dups.problems };
    }
}
/**
 * Walks the events the way the constructor will, recording where each pointer of at most `maxDepth`
 * segments is written; with `dups`, reports every duplicate key and every document after the first.
 */
function walkDocuments(events, text, lines, file, positions, maxDepth, dups) {
    let i = 0;
    let documents = 0;
    const nodeStart = (ev) => {
        switch (ev.type) {
            case EVENT_ID.SCALAR: {
                // Point at the opening quote of a quoted scalar, at the first character otherwise.
                // An empty value (`key:` and nothing) has no offset at all: -1, placed at its key below.
                const quoted = ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED;
                const start = quoted ? ev.valueStart - 1 : ev.valueStart;
                return firstNonNegative(ev.tagStart, ev.anchorStart >= 0 ? ev.anchorStart - 1 : -1, start);
            }
            case EVENT_ID.ALIAS:
                return ev.anchorStart - 1; // the `*`
            case EVENT_ID.SEQUENCE:
            case EVENT_ID.MAPPING:
                return ev.start;
            default:
                return -1;
        }
    };
    const at = (offset) => (offset >= 0 ? lines.at(offset) : undefined);
    // A node with no pointer (past maxDepth, under a complex key, in a later document) is only
    // skipped: its events up to the POP that closes it, without a call per node inside.
    const skip = () => {
        let open = 0;
        do {
            const type = events[i++].type;
            if (type === EVENT_ID.SEQUENCE || type === EVENT_ID.MAPPING)
                open++;
            else if (type === EVENT_ID.POP)
                open--;
        } while (open > 0 && i < events.length);
    };
    const walk = (pointer, depth, key) => {
        if (pointer === null)
            return skip();
        const ev = events[i++];
        const value = at(nodeStart(ev)) ?? key;
        if (value)
            positions.set(pointer, { key, value });
        const inner = depth < maxDepth;
        if (ev.type === EVENT_ID.SEQUENCE) {
            if (inner && depth + 1 === maxDepth) {
                // Its items are the walk's last level: their offsets, by index, without a pointer each.
                const offsets = [];
                while (events[i] && events[i].type !== EVENT_ID.POP) {
                    offsets.push(nodeStart(events[i]));
                    walk(null, depth + 1);
                }
                positions.setItems(pointer, offsets, lines);
            }
            else {
                let n = 0;
                while (events[i] && events[i].type !== EVENT_ID.POP)
                    walk(inner ? `${pointer}/${n++}` : null, depth + 1);
            }
            i++;
        }
        else if (ev.type === EVENT_ID.MAPPING) {
            const seen = inner ? new Map() : null;
            while (events[i] && events[i].type !== EVENT_ID.POP) {
                const keyEv = events[i];
                if (keyEv.type !== EVENT_ID.SCALAR) {
                    // A sequence/mapping used as a key: the constructor rejects it; skip both nodes here.
                    walk(null, depth + 1);
                    walk(null, depth + 1);
                    continue;
                }
                i++;
                if (!inner) {
                    walk(null, depth + 1);
                    continue;
                }
                const keyPos = at(nodeStart(keyEv)) ?? positions.locate(pointer);
                // The member's name as the constructor makes it: a plain key resolved (`True` is 'true',
                // `0x1` is '1'), so duplicates are the constructor's and pointers are the value's.
                const written = getScalarValue(text, keyEv);
                const name = keyEv.style === SCALAR_STYLE.PLAIN && keyEv.tagStart < 0 ? String(resolvePlain(written)) : written;
                const first = seen.get(name);
                if (first && dups && dups.problems.length >= 2 * input_limits/* MAX_PROBLEMS */.aZ) {
                    dups.more++;
                }
                else if (first && dups) {
                    dups.problems.push({
                        file,
                        ...keyPos,
                        path: joinPointer(pointer, name),
                        message: `duplicate key '${(0,input_limits/* quoted */.TL)(name)}' (first written at line ${first.line}); YAML keys must be unique`,
                        hint: 'remove one of them or merge their values',
                    });
                }
                else if (!first) {
                    seen.set(name, keyPos);
                }
                // With duplicates, the later value wins in the constructed value (json mode); map it.
                walk(joinPointer(pointer, name), depth + 1, keyPos);
            }
            i++;
        }
    };
    while (i < events.length) {
        const ev = events[i++];
        if (ev.type !== EVENT_ID.DOCUMENT)
            continue;
        documents++;
        if (documents === 2 && dups) {
            const next = events[i];
            const where = (next && at(nodeStart(next))) ?? { line: 1, column: 1 };
            dups.problems.push({
                file,
                ...where,
                message: 'the file holds more than one YAML document; a configuration is exactly one document',
                hint: "remove the '---' separator and the documents after the first",
            });
        }
        if (events[i] && events[i].type !== EVENT_ID.POP)
            walk(documents === 1 ? '' : null, 0);
        i++; // the document's POP
    }
}
/**
 * Counts the values the document holds once every alias is expanded, without expanding anything:
 * an anchored node's size is remembered, an alias adds it again. Everything after parsing (schema
 * validation, resolving) walks the expanded tree, so past the bound the file is refused here.
 */
function aliasExpansionProblem(events, text, lines, file) {
    const sizes = new Map();
    // One frame per open collection: its size so far and its anchor.
    const stack = [];
    let total = 0; // values so far, expanded, open collections included
    let aliases = 0;
    const anchorOf = (ev) => (ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : null);
    const add = (n) => {
        if (stack.length > 0)
            stack[stack.length - 1].size += n;
        total += n;
    };
    for (const ev of events) {
        switch (ev.type) {
            case EVENT_ID.SCALAR: {
                const a = anchorOf(ev);
                if (a !== null)
                    sizes.set(a, 1);
                add(1);
                break;
            }
            case EVENT_ID.ALIAS:
                aliases++;
                add(sizes.get(text.slice(ev.anchorStart, ev.anchorEnd)) ?? 1);
                break;
            case EVENT_ID.SEQUENCE:
            case EVENT_ID.MAPPING:
                total += 1;
                stack.push({ size: 1, anchor: anchorOf(ev) });
                break;
            case EVENT_ID.POP: {
                const f = stack.pop();
                if (!f)
                    break; // a document's end
                if (f.anchor !== null)
                    sizes.set(f.anchor, f.size);
                if (stack.length > 0)
                    stack[stack.length - 1].size += f.size;
                break;
            }
            default:
                break;
        }
        if (total > input_limits/* MAX_CONFIG_VALUES */.RZ) {
            const offset = ev.type === EVENT_ID.ALIAS ? ev.anchorStart - 1 : -1;
            return {
                file,
                ...(offset >= 0 ? lines.at(offset) : { line: 1, column: 1 }),
                message: aliases > 0
                    ? `the document expands to more than ${input_limits/* MAX_CONFIG_VALUES */.RZ.toLocaleString('en-US')} values through YAML aliases (*name); a configuration is refused past that bound`
                    : `the document holds more than ${input_limits/* MAX_CONFIG_VALUES */.RZ.toLocaleString('en-US')} values; a configuration is refused past that bound`,
                hint: aliases > 0 ? 'write the values out, or put shared VM settings under defaults' : 'put shared VM settings under defaults, or split the fleet into several files',
            };
        }
    }
    return undefined;
}
function firstNonNegative(...xs) {
    return xs.find((x) => x >= 0) ?? -1;
}
function yamlExceptionProblem(e, file) {
    if (e instanceof YAMLException) {
        const m = e.mark;
        return {
            file,
            ...(m ? { line: m.line + 1, column: m.column + 1 } : {}),
            message: `YAML syntax error: ${e.reason}`,
        };
    }
    return { file, message: `YAML could not be read: ${e instanceof Error ? e.message : String(e)}` };
}

;// CONCATENATED MODULE: ./src/core/config/resolve.ts








const resolve_isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isInt = (v) => typeof v === 'number' && Number.isInteger(v);
const BUILTIN = {
    host: { concurrency: 2, operationTimeoutSec: 600 },
    policy: {
        protect: ['prod-*'],
        allowRestart: false,
        allowTurnOff: false,
        maxDisruptive: 5,
        prune: false,
        checkpointBeforeDisruptive: false,
        stopTimeoutSec: 120,
    },
    ssh: { port: 22, knownHostsFile: null, syncHosts: true, ipv6: false, discoveryTimeoutSec: 120 },
    vm: { state: 'running', generation: 2, diskStrategy: 'differencing', deleteOnDestroy: false, notes: '' },
};
class Collector {
    file;
    positions;
    limit;
    problems = [];
    more = 0;
    /** add as a plain function, made once for the callees that take one (not once per VM). */
    addFn = (path, p) => this.add(path, p);
    constructor(file, positions, limit) {
        this.file = file;
        this.positions = positions;
        this.limit = limit;
    }
    add(path, p, at = 'value') {
        if (this.problems.length >= this.limit) {
            this.more++;
            return;
        }
        this.problems.push({ file: this.file, ...this.positions.locate(path, at), path, ...definedOnly(p) });
    }
    lineOf(path, at = 'value') {
        return this.positions.locate(path, at).line;
    }
    positionOf(path) {
        return this.positions.locate(path, 'value');
    }
    /** Where item `index` of the sequence at `pointer` is written (positionOf its pointer). */
    itemPositionOf(pointer, index) {
        return this.positions.locateItem(pointer, index);
    }
}
function definedOnly(p) {
    const out = { message: p.message };
    if (p.expected !== undefined)
        out.expected = p.expected;
    if (p.hint !== undefined)
        out.hint = p.hint;
    return out;
}
/**
 * A VM field's effective raw value: the VM's own, else the one in defaults, with where it was
 * written (a path built only when a problem or a rule asks: a fleet picks twenty fields per VM).
 */
class Picked {
    value;
    base;
    key;
    constructor(value, 
    /** The VM's pointer, or '' for a value from defaults. */
    base, key) {
        this.value = value;
        this.base = base;
        this.key = key;
    }
    get from() {
        return this.base === '' ? `/defaults/${this.key}` : `${this.base}/${this.key}`;
    }
}
function resolveConfig(raw, positions, file, limit = Infinity) {
    const c = new Collector(file, positions, limit);
    const root = resolve_isObj(raw) ? raw : {};
    checkSecrets(raw, c);
    const host = resolveHost(root.host);
    const policy = resolvePolicy(root.policy);
    const ssh = resolveSsh(root.ssh);
    const defaults = resolve_isObj(root.defaults) ? root.defaults : {};
    const rawVms = Array.isArray(root.vms) ? root.vms : [];
    // Values in defaults are checked once, where they are written, not once per VM inheriting them.
    checkVmFieldValues(defaults, '/defaults', c);
    if (defaults.generation === 1 && defaults.secureBoot === true) {
        c.add('/defaults/secureBoot', {
            message: 'secure boot exists only on generation 2 VMs, but defaults sets generation: 1 and secureBoot: true',
            hint: 'remove secureBoot, or use generation 2',
        });
    }
    if (resolve_isObj(defaults.ssh) && !ssh) {
        c.add('/defaults/ssh', { message: 'ssh settings in defaults need the top-level ssh block (user, privateKeyEnv)', hint: 'add a top-level ssh block, or remove this one' }, 'key');
    }
    const inherited = new Inherited(defaults, ssh);
    const vms = [];
    // The first VM of each name key, by its index in vms: the rest of it is looked up only for a duplicate.
    const byName = new Map();
    const macs = new Map();
    const vmNames = [];
    for (let i = 0; i < rawVms.length; i++) {
        const item = rawVms[i];
        if (!resolve_isObj(item))
            continue; // the schema reports it
        const base = '/vms/' + i; // joinPointer('/vms', i): an index needs no escaping (once a VM, and it showed)
        checkVmFieldValues(item, base, c);
        const vm = resolveVm(item, i, base, inherited, ssh, c);
        if (!vm)
            continue;
        vmNames.push(vm.name);
        const key = (0,vm_name/* vmNameKey */.q3)(vm.name);
        const firstIndex = byName.get(key);
        if (firstIndex !== undefined) {
            const first = { name: rawVms[firstIndex].name, path: joinPointer('/vms', firstIndex) };
            const namePath = `${base}/name`;
            c.add(namePath, {
                message: `duplicate VM name '${vm.name}': '${first.name}' is already declared at line ${c.lineOf(`${first.path}/name`)} (Hyper-V compares names case-insensitively)`,
                hint: 'give every VM its own name',
            });
        }
        else {
            byName.set(key, i);
        }
        const adapters = vm.adapters ?? [];
        for (let j = 0; j < adapters.length; j++) {
            const a = adapters[j];
            if (a.name === null || a.mac === null)
                continue; // the single form is checked below
            const from = `${base}/networkAdapters/${j}/mac`;
            const prev = macs.get(a.mac);
            if (prev)
                c.add(from, { message: `MAC ${a.mac} is already used by VM '${prev.vm}' (line ${c.lineOf(prev.from)}); two adapters with one address break the network` });
            else
                macs.set(a.mac, { vm: vm.name, from });
        }
        if (vm.mac !== null && !vm.adaptersListed) {
            const from = has(item, 'mac') ? `${base}/mac` : '/defaults/mac';
            const prev = macs.get(vm.mac);
            if (prev) {
                c.add(from, {
                    message: from === '/defaults/mac'
                        ? 'mac in defaults gives every VM without its own mac the same address; two adapters with one address break the network'
                        : `MAC ${vm.mac} is already used by VM '${prev.vm}' (line ${c.lineOf(prev.from)}); two adapters with one address break the network`,
                    hint: from === '/defaults/mac' ? 'set mac on each VM instead of in defaults' : undefined,
                });
            }
            else {
                macs.set(vm.mac, { vm: vm.name, from });
            }
        }
        vms.push(vm);
    }
    if (ssh && resolve_isObj(root.ssh) && resolve_isObj(root.ssh.hostKeys)) {
        const known = new Map(vmNames.map((n) => [(0,vm_name/* vmNameKey */.q3)(n), n]));
        const pinnedAs = new Map();
        for (const k of Object.keys(root.ssh.hostKeys)) {
            const first = pinnedAs.get((0,vm_name/* vmNameKey */.q3)(k));
            if (first !== undefined) {
                c.add(joinPointer('/ssh/hostKeys', k), { message: `ssh.hostKeys names '${k}' and '${first}', which are one VM (names are case-insensitive)`, hint: 'keep one of them' }, 'key');
                continue;
            }
            pinnedAs.set((0,vm_name/* vmNameKey */.q3)(k), k);
            if (!known.has((0,vm_name/* vmNameKey */.q3)(k))) {
                c.add(joinPointer('/ssh/hostKeys', k), { message: `ssh.hostKeys pins a key for '${k}', which is not a VM of this file`, expected: 'the name of a VM in vms', hint: (0,suggest/* didYouMean */.au)(k, vmNames) }, 'key');
            }
        }
    }
    // A remote host opens the image with the caller's credentials only through a second hop, which
    // Kerberos refuses by default (Learn: "Making the second hop in PowerShell Remoting").
    if (host.computerName !== null) {
        const unc = (v) => typeof v === 'string' && v.startsWith('\\\\');
        const at = rawVms.map((item, i) => (resolve_isObj(item) && unc(item.image) ? { from: `${joinPointer('/vms', i)}/image`, image: item.image } : null));
        if (unc(defaults.image))
            at.push({ from: '/defaults/image', image: defaults.image });
        for (const a of at)
            if (a)
                c.add(a.from, uncImageOnRemoteHost(a.image, host.computerName));
    }
    const config = {
        version: 1,
        project: typeof root.project === 'string' ? root.project : '',
        host,
        policy,
        ssh,
        vms,
        switches: resolveSwitches(root.switches, (path, p) => c.add(path, p)),
    };
    return { config, problems: c.problems, more: c.more };
}
function uncImageOnRemoteHost(image, computerName) {
    const local = `D:\\images\\${image.split('\\').pop()}`;
    return {
        message: `image '${image}' is on a network share, which remote host '${computerName}' cannot read with your credentials: Kerberos refuses the second hop`,
        hint: `copy the image to a local path on ${computerName} (such as ${local}), or set up resource-based Kerberos constrained delegation or CredSSP for ${computerName} (https://learn.microsoft.com/en-us/powershell/scripting/security/remoting/ps-remoting-second-hop)`,
    };
}
function resolveHost(v) {
    const h = resolve_isObj(v) ? v : {};
    return {
        computerName: typeof h.computerName === 'string' ? h.computerName : null,
        concurrency: isInt(h.concurrency) ? h.concurrency : BUILTIN.host.concurrency,
        operationTimeoutSec: isInt(h.operationTimeout) ? h.operationTimeout : BUILTIN.host.operationTimeoutSec,
    };
}
function resolvePolicy(v) {
    const p = resolve_isObj(v) ? v : {};
    const d = BUILTIN.policy;
    const bool = (k, dflt) => (typeof p[k] === 'boolean' ? p[k] : dflt);
    return {
        protect: Array.isArray(p.protect) ? p.protect.filter((x) => typeof x === 'string') : [...d.protect],
        allowRestart: bool('allowRestart', d.allowRestart),
        allowTurnOff: bool('allowTurnOff', d.allowTurnOff),
        maxDisruptive: isInt(p.maxDisruptive) ? p.maxDisruptive : d.maxDisruptive,
        prune: bool('prune', d.prune),
        checkpointBeforeDisruptive: bool('checkpointBeforeDisruptive', d.checkpointBeforeDisruptive),
        stopTimeoutSec: isInt(p.stopTimeout) ? p.stopTimeout : d.stopTimeoutSec,
    };
}
function resolveSsh(v) {
    if (!resolve_isObj(v))
        return null;
    const d = BUILTIN.ssh;
    const hostKeys = {};
    if (resolve_isObj(v.hostKeys))
        for (const [k, key] of Object.entries(v.hostKeys))
            if (typeof key === 'string')
                hostKeys[k] = key;
    const hosts = resolve_isObj(v.hosts) ? v.hosts : {};
    return {
        user: typeof v.user === 'string' ? v.user : '',
        port: isInt(v.port) ? v.port : d.port,
        privateKeyEnv: typeof v.privateKeyEnv === 'string' ? v.privateKeyEnv : '',
        hostKeys,
        knownHostsFile: typeof v.knownHostsFile === 'string' ? v.knownHostsFile : d.knownHostsFile,
        syncHosts: typeof hosts.sync === 'boolean' ? hosts.sync : d.syncHosts,
        ipv6: typeof v.ipv6 === 'boolean' ? v.ipv6 : d.ipv6,
        discoveryTimeoutSec: isInt(v.discoveryTimeout) ? v.discoveryTimeout : d.discoveryTimeoutSec,
    };
}
/**
 * Anywhere in the document, a key that names a secret is refused (the key is the mistake, not its
 * value). The walk keeps the path as a stack and builds a pointer only for a key it reports: a fleet
 * has a few distinct keys and many objects, so each key is judged once.
 */
function checkSecrets(root, c) {
    const path = [];
    const judged = new Map();
    const isSecret = (k) => {
        let yes = judged.get(k);
        if (yes === undefined)
            judged.set(k, (yes = isSecretKey(k)));
        return yes;
    };
    const walk = (v) => {
        if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++) {
                const x = v[i];
                if (x === null || typeof x !== 'object')
                    continue;
                path.push(i);
                walk(x);
                path.pop();
            }
            return;
        }
        if (!resolve_isObj(v))
            return;
        // ssh.hostKeys is keyed by VM names, which may be any word.
        const vmNames = path.length === 2 && path[0] === 'ssh' && path[1] === 'hostKeys';
        // for-in with the own-key check: the keys Object.keys lists, without a list made per object
        // of the fleet (a key something gave Object.prototype is not the document's).
        for (const k in v) {
            if (!has(v, k))
                continue;
            if (!vmNames && isSecret(k)) {
                c.add(joinPointer('', ...path, k), { message: SECRET_MESSAGE, hint: `remove '${k}'; the tool reads the secret from the environment variable privateKeyEnv names` }, 'key');
                continue;
            }
            const x = v[k];
            if (x === null || typeof x !== 'object')
                continue;
            path.push(k);
            walk(x);
            path.pop();
        }
    };
    walk(root);
}
/** Checks of VM fields that need nothing but the value itself (run on defaults and on each VM). */
function checkVmFieldValues(o, base, c) {
    if (has(o, 'memory'))
        readMemory(o.memory, `${base}/memory`, c);
    if (typeof o.mac === 'string') {
        const p = macProblem(o.mac);
        if (p)
            c.add(`${base}/mac`, p);
    }
    if (typeof o.path === 'string') {
        const p = windowsPathProblem(o.path, 'path');
        if (p)
            c.add(`${base}/path`, p);
    }
    if (typeof o.image === 'string') {
        const p = imagePathProblem(o.image);
        if (p)
            c.add(`${base}/image`, p);
    }
    if (typeof o.notes === 'string') {
        const p = notesProblem(o.notes);
        if (p)
            c.add(`${base}/notes`, p);
    }
    if (resolve_isObj(o.disk) && typeof o.disk.size === 'string')
        readDiskSize(o.disk.size, `${base}/disk/size`, c);
    checkSurfaceValues(o, base, c.addFn, readDiskSize);
}
function readDiskSize(text, path, c) {
    const add = (at, p) => (typeof c === 'function' ? c(at, p) : c.add(at, p));
    const r = readSize(text, 'disk size');
    if (!('bytes' in r)) {
        add(path, r);
        return undefined;
    }
    if (r.bytes <= 0) {
        add(path, { message: `disk size ${text} must be greater than 0`, expected: 'a size such as 40GB' });
        return undefined;
    }
    if (r.bytes > VHDX_MAX_BYTES) {
        add(path, { message: `disk size ${text} is above the 64TB a VHDX can hold`, expected: 'at most 64TB' });
        return undefined;
    }
    return r.bytes;
}
/** Memory as written (a size or a mapping) → DesiredMemory, adding a problem for each broken rule. */
function readMemory(v, path, c) {
    const add = (p, f) => c?.add(p, f);
    const bytes = (text, p, what) => {
        if (typeof text !== 'string')
            return undefined;
        const r = readSize(text, what);
        if (!('bytes' in r)) {
            add(p, r);
            return undefined;
        }
        const bad = memoryBytesProblem(r.bytes, what, text);
        if (bad) {
            add(p, bad);
            return undefined;
        }
        return r.bytes;
    };
    if (typeof v === 'string') {
        const b = bytes(v, path, 'memory');
        return b === undefined ? undefined : { dynamic: false, startupBytes: b };
    }
    if (!resolve_isObj(v))
        return undefined;
    const startup = bytes(v.startup, `${path}/startup`, 'memory startup');
    const hasMin = has(v, 'minimum');
    const hasMax = has(v, 'maximum');
    const minimum = bytes(v.minimum, `${path}/minimum`, 'memory minimum');
    const maximum = bytes(v.maximum, `${path}/maximum`, 'memory maximum');
    if (v.dynamic === false && (hasMin || hasMax)) {
        add(`${path}/dynamic`, {
            message: `dynamic: false, but ${hasMin && hasMax ? 'minimum and maximum are' : hasMin ? 'minimum is' : 'maximum is'} given; they only apply to dynamic memory`,
            hint: 'remove minimum/maximum for static memory, or set dynamic: true',
        });
        return undefined;
    }
    const dynamic = v.dynamic === true || ((hasMin || hasMax) && v.dynamic !== false);
    if (startup === undefined)
        return undefined;
    if (!dynamic)
        return { dynamic: false, startupBytes: startup };
    if ((hasMin && minimum === undefined) || (hasMax && maximum === undefined))
        return undefined;
    const min = minimum ?? Math.min(DYNAMIC_MINIMUM_DEFAULT_BYTES, startup);
    const max = maximum ?? Math.max(DYNAMIC_MAXIMUM_DEFAULT_BYTES, startup);
    let ok = true;
    const order = 'dynamic memory needs minimum ≤ startup ≤ maximum';
    if (min > startup) {
        add(`${path}/minimum`, { message: `memory minimum ${(0,sizes/* formatSize */.Xq)(min)} is above startup ${(0,sizes/* formatSize */.Xq)(startup)}: ${order}`, expected: `at most ${(0,sizes/* formatSize */.Xq)(startup)}` });
        ok = false;
    }
    if (max < startup) {
        add(`${path}/maximum`, { message: `memory maximum ${(0,sizes/* formatSize */.Xq)(max)} is below startup ${(0,sizes/* formatSize */.Xq)(startup)}: ${order}`, expected: `at least ${(0,sizes/* formatSize */.Xq)(startup)}` });
        ok = false;
    }
    return ok ? { dynamic: true, maximumBytes: max, minimumBytes: min, startupBytes: startup } : undefined;
}
/**
 * What every VM without a value of its own inherits from defaults, worked out once for the whole
 * fleet instead of once per VM: the picked values and the memory read from them. Values from
 * defaults are checked where they are written (checkVmFieldValues on /defaults), so reading them
 * here reports nothing and gives the same for every VM.
 */
class Inherited {
    defaults;
    picked = new Map();
    memoryRead = false;
    memoryValue;
    /** ssh.hostKeys by VM name key; the first of names that are one VM (the others are reported). */
    pinnedKeys = new Map();
    constructor(defaults, topSsh) {
        this.defaults = defaults;
        if (topSsh)
            for (const [k, key] of Object.entries(topSsh.hostKeys))
                if (!this.pinnedKeys.has((0,vm_name/* vmNameKey */.q3)(k)))
                    this.pinnedKeys.set((0,vm_name/* vmNameKey */.q3)(k), key);
    }
    pick(k) {
        let p = this.picked.get(k);
        if (p === undefined)
            this.picked.set(k, (p = has(this.defaults, k) ? new Picked(this.defaults[k], '', k) : null));
        return p ?? undefined;
    }
    /** readMemory of defaults.memory, as a VM's own copy. */
    memory() {
        if (!this.memoryRead) {
            this.memoryRead = true;
            const p = this.pick('memory');
            this.memoryValue = p ? readMemory(p.value, p.from, null) : undefined;
        }
        return this.memoryValue === undefined ? undefined : { ...this.memoryValue };
    }
}
// Placeholders a resolved VM is made with, replaced by resolveSurface before anyone sees the VM.
const NO_ADAPTERS = [];
const NO_DISKS = [];
const NO_DVDS = [];
const NO_SERVICES = {};
const NO_SETTINGS = null;
function resolveVm(item, index, base, inherited, topSsh, c) {
    const defaults = inherited.defaults;
    if (typeof item.name !== 'string')
        return undefined; // missing or not text: the schema says so
    const name = item.name;
    const why = (0,vm_name/* vmNameProblem */.O7)(name);
    if (why)
        c.add(`${base}/name`, { message: `VM name '${printable(name)}' is not allowed: ${why}` });
    const pick = (k) => (has(item, k) ? new Picked(item[k], base, k) : inherited.pick(k));
    const missing = (k, what) => c.add(`${base}/${k}`, { message: `VM '${name}' has no ${k}: set it on the VM or in defaults`, expected: what }, 'value');
    const state = pick('state');
    const generation = pick('generation');
    const gen = generation?.value === 1 ? 1 : 2;
    const cpusP = pick('cpus');
    if (!cpusP)
        missing('cpus', 'an integer from 1 to 240');
    const memP = pick('memory');
    if (!memP)
        missing('memory', 'a size such as 2GB, or { startup, minimum, maximum }');
    const pathP = pick('path');
    if (!pathP)
        missing('path', 'an absolute Windows path such as D:\\Hyper-V\\lab');
    const sb = pick('secureBoot');
    let secureBoot = gen === 2 ? true : null;
    if (sb && typeof sb.value === 'boolean') {
        if (gen === 1 && sb.value) {
            const sbOwn = sb.from.startsWith(base);
            const genOwn = generation?.from.startsWith(base) ?? false;
            if (sbOwn || genOwn) {
                const other = sbOwn ? generation : sb;
                const otherWhere = other.from.startsWith('/defaults') ? ` (from defaults, line ${c.lineOf(other.from)})` : '';
                c.add(sbOwn ? sb.from : generation.from, {
                    message: `secure boot exists only on generation 2 VMs, but VM '${name}' is generation 1 with secureBoot: true${otherWhere}`,
                    hint: sbOwn ? 'remove secureBoot, or use generation 2' : 'set secureBoot: false on this VM, or use generation 2',
                });
            } // both from defaults: reported once, at defaults
        }
        else {
            secureBoot = gen === 2 ? sb.value : null;
        }
    }
    // Only read: the defaults' own object serves a VM that has no disk of its own.
    const disk = resolve_isObj(item.disk) ? mergedObject(item.disk, defaults.disk) : resolve_isObj(defaults.disk) ? defaults.disk : {};
    const image = pick('image');
    // Generation 2 boots only from VHDX (Learn: "Should I create a generation 1 or 2 virtual machine in
    // Hyper-V?"), and a disk made from a .vhd image is a .vhd (a differencing child has its parent's format).
    if (gen === 2 && image && typeof image.value === 'string' && /\.vhd$/i.test(image.value)) {
        c.add(image.from.startsWith(base) ? image.from : generation?.from.startsWith(base) ? generation.from : image.from, {
            message: `VM '${name}' is generation 2, which cannot boot from a .vhd image ('${image.value}')`,
            hint: 'convert the image to .vhdx (Convert-VHD), or use generation: 1',
        });
    }
    const mac = pick('mac');
    const notes = pick('notes');
    const sw = pick('switch');
    // Every key in sorted order (the canonical form the config hash is taken over: canonicalizing the
    // config walks it, not copies it); the surface fields are filled in by resolveSurface, which may
    // also set switch and mac from an adapter list.
    const out = {
        adapters: NO_ADAPTERS,
        adaptersListed: false,
        cloudInit: null,
        cpus: cpusP && isInt(cpusP.value) ? cpusP.value : 0,
        dataDisks: NO_DISKS,
        disk: {
            deleteOnDestroy: disk.deleteOnDestroy === true,
            image: image && typeof image.value === 'string' ? image.value : null,
            sizeBytes: typeof disk.size === 'string' ? (readSizeQuiet(disk.size) ?? null) : null,
            strategy: disk.strategy === 'copy' ? 'copy' : 'differencing',
        },
        dvdDrives: NO_DVDS,
        generation: gen,
        integrationServices: NO_SERVICES,
        mac: mac && typeof mac.value === 'string' ? normalizeMac(mac.value) : null,
        memory: (memP && (has(item, 'memory') ? readMemory(memP.value, memP.from, null) : inherited.memory())) ?? { dynamic: false, startupBytes: 0 },
        name,
        // Line ends as one \n: a note ending in '\r' would otherwise merge with the '\n' before the
        // ownership marker and never read back the same (the VM re-planned on every run).
        notes: notes && typeof notes.value === 'string' ? (0,ownership/* sameLineEnds */.Dq)(notes.value) : BUILTIN.vm.notes,
        path: pathP && typeof pathP.value === 'string' ? pathP.value : '',
        secureBoot,
        settings: NO_SETTINGS,
        ssh: resolveVmSsh(item, base, inherited, topSsh, name, c),
        state: state && (state.value === 'running' || state.value === 'stopped' || state.value === 'absent') ? state.value : BUILTIN.vm.state,
        switch: sw && typeof sw.value === 'string' ? sw.value : null,
    };
    resolveSurface(out, pick, base, c.addFn);
    Object.defineProperty(out, 'source', { value: c.itemPositionOf('/vms', index), enumerable: false, writable: true, configurable: true });
    return out;
}
function readSizeQuiet(text) {
    const r = readSize(text, '');
    return 'bytes' in r ? r.bytes : undefined;
}
/** disk and ssh merge key by key: the VM's keys over the defaults' keys. */
function mergedObject(own, inherited) {
    return { ...(resolve_isObj(inherited) ? inherited : {}), ...(resolve_isObj(own) ? own : {}) };
}
function resolveVmSsh(item, base, inherited, top, name, c) {
    const defaults = inherited.defaults;
    const own = item.ssh;
    if (!top) {
        if (resolve_isObj(own)) {
            c.add(`${base}/ssh`, { message: `ssh settings on VM '${name}' need the top-level ssh block (user, privateKeyEnv)`, hint: 'add a top-level ssh block, or remove this one' }, 'key');
        }
        return null;
    }
    if (own === false)
        return null;
    if (own === undefined && defaults.ssh === false)
        return null;
    const merged = mergedObject(own, defaults.ssh);
    const pinned = inherited.pinnedKeys.get((0,vm_name/* vmNameKey */.q3)(name)) ?? null;
    let hostKey = pinned;
    if (resolve_isObj(own) && has(own, 'hostKey')) {
        hostKey = typeof own.hostKey === 'string' ? own.hostKey : null;
        if (pinned !== null && hostKey !== null && pinned !== hostKey) {
            c.add(`${base}/ssh/hostKey`, {
                message: `VM '${name}' pins a host key here and a different one in ssh.hostKeys`,
                hint: 'keep one of the two',
            });
        }
    }
    else if (pinned === null && typeof merged.hostKey === 'string') {
        hostKey = merged.hostKey;
    }
    // Keys in canonical (sorted) order, as the rest of a resolved VM.
    return {
        hostKey,
        port: isInt(merged.port) ? merged.port : top.port,
        syncHosts: typeof merged.sync === 'boolean' ? merged.sync : top.syncHosts,
        user: typeof merged.user === 'string' ? merged.user : top.user,
    };
}
/** Names with control characters would garble the message they appear in. */
function printable(s) {
    return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, (ch) => `\\u${ch.codePointAt(0).toString(16).padStart(4, '0')}`);
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __nccwpck_require__(6214);
;// CONCATENATED MODULE: ./src/generated/config-validator.ts

const validateConfig_fn = validate21;
const schema6 = { "$schema": "http://json-schema.org/draft-07/schema#", "$id": "urn:hyperv-converge:config:1", "title": "hyperv-converge configuration", "description": "Hyper-V VMs a repository keeps in the described state (hyperv-converge, version 1). See docs/config.md.", "type": "object", "additionalProperties": false, "required": ["version", "project", "vms"], "properties": { "version": { "const": 1, "description": "Format version of this file; must be 1." }, "project": { "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", "description": "Ownership namespace, written into each VM's Notes; only VMs carrying it are ever changed or removed. 1 to 40 of a-z, 0-9 and '-'.", "examples": ["lab"] }, "host": { "type": "object", "description": "The Hyper-V host. Omitted: the local machine with default settings.", "additionalProperties": false, "properties": { "computerName": { "type": ["string", "null"], "pattern": "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$", "description": "Remote Hyper-V host (host name or FQDN) driven through PowerShell remoting. Omitted or null: the local machine." }, "concurrency": { "type": "integer", "minimum": 1, "maximum": 32, "default": 2, "description": "Apply pool size: long-lived agents, and VMs worked on at once. 1 to 32; default 2." }, "operationTimeout": { "type": "integer", "minimum": 10, "maximum": 7200, "default": 600, "description": "Bound for one host operation. Seconds, 10 to 7200; default 600." } } }, "defaults": { "type": "object", "description": "Values every VM gets unless it sets them itself: any VM field except name. disk and ssh merge key by key; every other field (memory too) is replaced whole.", "additionalProperties": false, "properties": { "state": { "$ref": "urn:hyperv-converge:config:vm-field:state" }, "generation": { "$ref": "urn:hyperv-converge:config:vm-field:generation" }, "cpus": { "$ref": "urn:hyperv-converge:config:vm-field:cpus" }, "memory": { "$ref": "urn:hyperv-converge:config:vm-field:memory" }, "secureBoot": { "$ref": "urn:hyperv-converge:config:vm-field:secureBoot" }, "switch": { "$ref": "urn:hyperv-converge:config:vm-field:switch" }, "mac": { "$ref": "urn:hyperv-converge:config:vm-field:mac" }, "image": { "$ref": "urn:hyperv-converge:config:vm-field:image" }, "disk": { "$ref": "urn:hyperv-converge:config:vm-field:disk" }, "networkAdapters": { "$ref": "urn:hyperv-converge:config:vm-field:networkAdapters" }, "dataDisks": { "$ref": "urn:hyperv-converge:config:vm-field:dataDisks" }, "dvdDrives": { "$ref": "urn:hyperv-converge:config:vm-field:dvdDrives" }, "cloudInit": { "$ref": "urn:hyperv-converge:config:vm-field:cloudInit" }, "tpm": { "$ref": "urn:hyperv-converge:config:vm-field:tpm" }, "secureBootTemplate": { "$ref": "urn:hyperv-converge:config:vm-field:secureBootTemplate" }, "nestedVirtualization": { "$ref": "urn:hyperv-converge:config:vm-field:nestedVirtualization" }, "checkpointType": { "$ref": "urn:hyperv-converge:config:vm-field:checkpointType" }, "automaticStartAction": { "$ref": "urn:hyperv-converge:config:vm-field:automaticStartAction" }, "automaticStartDelay": { "$ref": "urn:hyperv-converge:config:vm-field:automaticStartDelay" }, "automaticStopAction": { "$ref": "urn:hyperv-converge:config:vm-field:automaticStopAction" }, "compatibilityForMigration": { "$ref": "urn:hyperv-converge:config:vm-field:compatibilityForMigration" }, "memoryWeight": { "$ref": "urn:hyperv-converge:config:vm-field:memoryWeight" }, "memoryBuffer": { "$ref": "urn:hyperv-converge:config:vm-field:memoryBuffer" }, "firstBootDevice": { "$ref": "urn:hyperv-converge:config:vm-field:firstBootDevice" }, "integrationServices": { "$ref": "urn:hyperv-converge:config:vm-field:integrationServices" }, "path": { "$ref": "urn:hyperv-converge:config:vm-field:path" }, "notes": { "$ref": "urn:hyperv-converge:config:vm-field:notes" }, "ssh": { "$ref": "urn:hyperv-converge:config:vm-field:ssh" } } }, "policy": { "type": "object", "description": "What the tool may do on its own. Omitted: the safe defaults below.", "additionalProperties": false, "properties": { "protect": { "type": "array", "items": { "type": "string", "minLength": 1, "description": "VM name pattern; `*` matches any run of characters, `?` one character." }, "default": ["prod-*"], "description": "VM name patterns whose disruptive or destructive steps are always refused. Default [\"prod-*\"]; [] protects nothing." }, "allowRestart": { "type": "boolean", "default": false, "description": "Changes that need the VM off (CPU count, static memory, secure boot) may be planned as stop → change → start. Default false." }, "allowTurnOff": { "type": "boolean", "default": false, "description": "After a graceful stop times out, the VM may be turned off (a power cut). Default false." }, "maxDisruptive": { "type": "integer", "minimum": 0, "default": 5, "description": "At most this many disruptive or destructive steps per run; the rest are refused. Default 5." }, "prune": { "type": "boolean", "default": false, "description": "Destroy VMs this project owns that the file no longer names. Default false." }, "checkpointBeforeDisruptive": { "type": "boolean", "default": false, "description": "Take a checkpoint before the first disruptive step of a VM. Default false." }, "stopTimeout": { "type": "integer", "minimum": 5, "maximum": 3600, "default": 120, "description": "Bound for a graceful shutdown. Seconds, 5 to 3600; default 120." } } }, "ssh": { "type": "object", "description": "Guest SSH: enables guest IP discovery checks and /etc/hosts sync in Linux guests. Omitted: no guest SSH.", "additionalProperties": false, "required": ["user", "privateKeyEnv"], "properties": { "user": { "type": "string", "pattern": "^[A-Za-z0-9_][A-Za-z0-9_.-]*$", "maxLength": 32, "description": "SSH user in the guests, such as ubuntu. Required." }, "port": { "type": "integer", "minimum": 1, "maximum": 65535, "default": 22, "description": "SSH port of the guests. Default 22." }, "privateKeyEnv": { "type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$", "description": "NAME of the environment variable that holds the private key (never the key itself), such as LAB_SSH_KEY. Required.", "examples": ["LAB_SSH_KEY"] }, "hostKeys": { "type": "object", "description": "Pinned host keys by VM name (names of VMs in this file). VMs not listed are recorded on first contact.", "additionalProperties": { "type": "string", "pattern": "^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$", "description": "Host key `<type> <base64>`." }, "default": {} }, "knownHostsFile": { "type": "string", "minLength": 1, "description": "Where first-contact host keys are recorded and then enforced (relative to the working directory). Default: known_hosts-<host> in the state directory ($HVC_STATE_DIR or ~/.hyperv-converge), which outlives the workspace that checkout cleans." }, "hosts": { "type": "object", "description": "/etc/hosts sync in the guests.", "additionalProperties": false, "properties": { "sync": { "type": "boolean", "default": true, "description": "Write every VM’s address into each guest’s /etc/hosts. Default true." } } }, "ipv6": { "type": "boolean", "default": false, "description": "Include IPv6 addresses in discovery. Default false." }, "discoveryTimeout": { "type": "integer", "minimum": 5, "maximum": 3600, "default": 120, "description": "Bound for guest IP discovery per run. Seconds, 5 to 3600; default 120." } } }, "switches": { "type": "array", "maxItems": 64, "description": "Virtual switches the file declares, made before the VMs. Internal and Private switches are created (and removed with state: absent) when this project owns them; External switches are only referenced: never created or removed, since that interrupts the host’s own network.", "items": { "type": "object", "additionalProperties": false, "required": ["name", "type"], "description": "One virtual switch.", "properties": { "name": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$", "description": "Switch name on the host, unique in this file." }, "type": { "type": "string", "enum": ["Internal", "Private", "External"], "description": "Internal (host + VMs), Private (VMs only), or External (referenced only; must exist)." }, "nat": { "type": "object", "additionalProperties": false, "required": ["subnet"], "description": "Internal switches: NAT for the VMs on this subnet (New-NetIPAddress on the switch’s host interface + New-NetNat).", "properties": { "subnet": { "type": "string", "pattern": "^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([89]|[12][0-9]|30)$", "description": "IPv4 subnet such as 192.168.77.0/24; the host takes its first address as the gateway." } } }, "state": { "type": "string", "enum": ["present", "absent"], "default": "present", "description": "present (default) or absent: remove the switch if this project owns it and no VM uses it." } } } }, "vms": { "type": "array", "description": "The VMs, in the order they are worked on. May be empty." } } };
const pattern0 = new RegExp("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", "u");
const pattern1 = new RegExp("^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$", "u");
const pattern18 = new RegExp("^[A-Za-z0-9_][A-Za-z0-9_.-]*$", "u");
const pattern21 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern19 = new RegExp("^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$", "u");
const pattern23 = new RegExp("^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$", "u");
const pattern24 = new RegExp("^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([89]|[12][0-9]|30)$", "u");
const func2 = Object.prototype.hasOwnProperty;
const func3 = (typeof ucs2length/* default */.A === 'function' ? ucs2length/* default */.A : ucs2length/* default.default */.A["default"]);
const schema7 = { "$id": "urn:hyperv-converge:config:vm-field:state", "type": "string", "enum": ["running", "stopped", "absent"], "default": "running", "description": "Desired power state; `absent` destroys the VM (only if this project owns it). Default running." };
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:state" */ ; let vErrors = null; let errors = 0; if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema7.type, parentSchema: schema7, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (!(((data === "running") || (data === "stopped")) || (data === "absent"))) {
    const err1 = { instancePath, schemaPath: "#/enum", keyword: "enum", params: { allowedValues: schema7.enum }, message: "must be equal to one of the allowed values", schema: schema7.enum, parentSchema: schema7, data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} validate22.errors = vErrors; return errors === 0; }
const schema8 = { "$id": "urn:hyperv-converge:config:vm-field:generation", "type": "integer", "enum": [1, 2], "default": 2, "description": "Hyper-V VM generation, 1 or 2. Fixed at creation: changing it means a new VM. Default 2." };
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:generation" */ ; let vErrors = null; let errors = 0; if (!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema8.type, parentSchema: schema8, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (!((data === 1) || (data === 2))) {
    const err1 = { instancePath, schemaPath: "#/enum", keyword: "enum", params: { allowedValues: schema8.enum }, message: "must be equal to one of the allowed values", schema: schema8.enum, parentSchema: schema8, data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} validate24.errors = vErrors; return errors === 0; }
const schema9 = { "$id": "urn:hyperv-converge:config:vm-field:cpus", "type": "integer", "minimum": 1, "maximum": 240, "description": "Virtual processors, 1 to 240. Required (on the VM or in defaults)." };
function validate26(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:cpus" */ ; let vErrors = null; let errors = 0; if (!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema9.type, parentSchema: schema9, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if ((typeof data == "number") && (isFinite(data))) {
    if (data > 240 || isNaN(data)) {
        const err1 = { instancePath, schemaPath: "#/maximum", keyword: "maximum", params: { comparison: "<=", limit: 240 }, message: "must be <= 240", schema: 240, parentSchema: schema9, data };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data < 1 || isNaN(data)) {
        const err2 = { instancePath, schemaPath: "#/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema9, data };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
} validate26.errors = vErrors; return errors === 0; }
const schema10 = { "$id": "urn:hyperv-converge:config:vm-field:memory", "description": "Memory of the VM. A size (`2GB`) is static memory. A mapping `{ startup, minimum, maximum }` is dynamic memory when minimum or maximum is given or `dynamic: true`; with only `startup` it is static. Hyper-V needs multiples of 2MB, at least 32MB, and minimum ≤ startup ≤ maximum. In defaults, memory is replaced whole by a VM’s own memory, never merged.", "anyOf": [{ "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", "description": "Static memory size, such as 2GB.", "examples": ["2GB"] }, { "type": "object", "description": "Memory as a mapping; dynamic when minimum/maximum is given or `dynamic: true`.", "additionalProperties": false, "required": ["startup"], "properties": { "startup": { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", "description": "Memory at start (and the static size when not dynamic).", "examples": ["2GB"] }, "minimum": { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", "description": "Dynamic memory: the least the VM is shrunk to. Default when dynamic: 512MB, or startup if smaller.", "examples": ["2GB"] }, "maximum": { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", "description": "Dynamic memory: the most the VM may grow to. Default when dynamic: 1TB (Hyper-V’s own default).", "examples": ["2GB"] }, "dynamic": { "type": "boolean", "description": "Force dynamic (true) or static (false) memory. Default: dynamic when minimum or maximum is given." } } }] };
const pattern2 = new RegExp("^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", "u");
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:memory" */ ; let vErrors = null; let errors = 0; const _errs0 = errors; let valid0 = false; const _errs1 = errors; if (typeof data === "string") {
    if (!pattern2.test(data)) {
        const err0 = { instancePath, schemaPath: "#/anyOf/0/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" }, message: "must match pattern \"" + "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" + "\"", schema: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", parentSchema: schema10.anyOf[0], data };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
}
else {
    const err1 = { instancePath, schemaPath: "#/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema10.anyOf[0].type, parentSchema: schema10.anyOf[0], data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} var _valid0 = _errs1 === errors; valid0 = valid0 || _valid0; if (!valid0) {
    const _errs3 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.startup === undefined) {
            const err2 = { instancePath, schemaPath: "#/anyOf/1/required", keyword: "required", params: { missingProperty: "startup" }, message: "must have required property '" + "startup" + "'", schema: schema10.anyOf[1].required, parentSchema: schema10.anyOf[1], data };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
        for (const key0 in data) {
            if (!((((key0 === "startup") || (key0 === "minimum")) || (key0 === "maximum")) || (key0 === "dynamic"))) {
                const err3 = { instancePath, schemaPath: "#/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema10.anyOf[1], data };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
        }
        if (data.startup !== undefined) {
            let data0 = data.startup;
            if (typeof data0 === "string") {
                if (!pattern2.test(data0)) {
                    const err4 = { instancePath: instancePath + "/startup", schemaPath: "#/anyOf/1/properties/startup/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" }, message: "must match pattern \"" + "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" + "\"", schema: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", parentSchema: schema10.anyOf[1].properties.startup, data: data0 };
                    if (vErrors === null) {
                        vErrors = [err4];
                    }
                    else {
                        vErrors.push(err4);
                    }
                    errors++;
                }
            }
            else {
                const err5 = { instancePath: instancePath + "/startup", schemaPath: "#/anyOf/1/properties/startup/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema10.anyOf[1].properties.startup.type, parentSchema: schema10.anyOf[1].properties.startup, data: data0 };
                if (vErrors === null) {
                    vErrors = [err5];
                }
                else {
                    vErrors.push(err5);
                }
                errors++;
            }
        }
        if (data.minimum !== undefined) {
            let data1 = data.minimum;
            if (typeof data1 === "string") {
                if (!pattern2.test(data1)) {
                    const err6 = { instancePath: instancePath + "/minimum", schemaPath: "#/anyOf/1/properties/minimum/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" }, message: "must match pattern \"" + "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" + "\"", schema: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", parentSchema: schema10.anyOf[1].properties.minimum, data: data1 };
                    if (vErrors === null) {
                        vErrors = [err6];
                    }
                    else {
                        vErrors.push(err6);
                    }
                    errors++;
                }
            }
            else {
                const err7 = { instancePath: instancePath + "/minimum", schemaPath: "#/anyOf/1/properties/minimum/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema10.anyOf[1].properties.minimum.type, parentSchema: schema10.anyOf[1].properties.minimum, data: data1 };
                if (vErrors === null) {
                    vErrors = [err7];
                }
                else {
                    vErrors.push(err7);
                }
                errors++;
            }
        }
        if (data.maximum !== undefined) {
            let data2 = data.maximum;
            if (typeof data2 === "string") {
                if (!pattern2.test(data2)) {
                    const err8 = { instancePath: instancePath + "/maximum", schemaPath: "#/anyOf/1/properties/maximum/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" }, message: "must match pattern \"" + "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" + "\"", schema: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", parentSchema: schema10.anyOf[1].properties.maximum, data: data2 };
                    if (vErrors === null) {
                        vErrors = [err8];
                    }
                    else {
                        vErrors.push(err8);
                    }
                    errors++;
                }
            }
            else {
                const err9 = { instancePath: instancePath + "/maximum", schemaPath: "#/anyOf/1/properties/maximum/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema10.anyOf[1].properties.maximum.type, parentSchema: schema10.anyOf[1].properties.maximum, data: data2 };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
        }
        if (data.dynamic !== undefined) {
            let data3 = data.dynamic;
            if (typeof data3 !== "boolean") {
                const err10 = { instancePath: instancePath + "/dynamic", schemaPath: "#/anyOf/1/properties/dynamic/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema10.anyOf[1].properties.dynamic.type, parentSchema: schema10.anyOf[1].properties.dynamic, data: data3 };
                if (vErrors === null) {
                    vErrors = [err10];
                }
                else {
                    vErrors.push(err10);
                }
                errors++;
            }
        }
    }
    else {
        const err11 = { instancePath, schemaPath: "#/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema10.anyOf[1].type, parentSchema: schema10.anyOf[1], data };
        if (vErrors === null) {
            vErrors = [err11];
        }
        else {
            vErrors.push(err11);
        }
        errors++;
    }
    var _valid0 = _errs3 === errors;
    valid0 = valid0 || _valid0;
} if (!valid0) {
    const err12 = { instancePath, schemaPath: "#/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema10.anyOf, parentSchema: schema10, data };
    if (vErrors === null) {
        vErrors = [err12];
    }
    else {
        vErrors.push(err12);
    }
    errors++;
}
else {
    errors = _errs0;
    if (vErrors !== null) {
        if (_errs0) {
            vErrors.length = _errs0;
        }
        else {
            vErrors = null;
        }
    }
} validate28.errors = vErrors; return errors === 0; }
const schema11 = { "$id": "urn:hyperv-converge:config:vm-field:secureBoot", "type": "boolean", "description": "UEFI secure boot; generation 2 only (true on generation 1 is an error). Default true on generation 2." };
function validate30(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:secureBoot" */ ; let vErrors = null; let errors = 0; if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} validate30.errors = vErrors; return errors === 0; }
const schema12 = { "$id": "urn:hyperv-converge:config:vm-field:switch", "type": ["string", "null"], "minLength": 1, "description": "Virtual switch the VM’s network adapter connects to, such as `Default Switch`. Default null: not connected." };
function validate32(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:switch" */ ; let vErrors = null; let errors = 0; if ((typeof data !== "string") && (data !== null)) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: schema12.type }, message: "must be string,null", schema: schema12.type, parentSchema: schema12, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (typeof data === "string") {
    if (func3(data) < 1) {
        const err1 = { instancePath, schemaPath: "#/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12, data };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
} validate32.errors = vErrors; return errors === 0; }
const schema13 = { "$id": "urn:hyperv-converge:config:vm-field:mac", "type": ["string", "null"], "pattern": "^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$", "description": "Static MAC address (00-15-5D-01-02-03, 00:15:5D:01:02:03 or 00155D010203); must be unicast. Default null: dynamic." };
const pattern6 = new RegExp("^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$", "u");
function validate34(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:mac" */ ; let vErrors = null; let errors = 0; if ((typeof data !== "string") && (data !== null)) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: schema13.type }, message: "must be string,null", schema: schema13.type, parentSchema: schema13, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (typeof data === "string") {
    if (!pattern6.test(data)) {
        const err1 = { instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$" }, message: "must match pattern \"" + "^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$" + "\"", schema: "^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$", parentSchema: schema13, data };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
} validate34.errors = vErrors; return errors === 0; }
const schema14 = { "$id": "urn:hyperv-converge:config:vm-field:image", "type": ["string", "null"], "pattern": "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$", "description": "Base disk (.vhdx or .vhd, absolute Windows path on the host) the VM’s disk is made from. Default null: a VM without a disk." };
const pattern7 = new RegExp("^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$", "u");
function validate36(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:image" */ ; let vErrors = null; let errors = 0; if ((typeof data !== "string") && (data !== null)) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: schema14.type }, message: "must be string,null", schema: schema14.type, parentSchema: schema14, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (typeof data === "string") {
    if (!pattern7.test(data)) {
        const err1 = { instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$" }, message: "must match pattern \"" + "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$" + "\"", schema: "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$", parentSchema: schema14, data };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
} validate36.errors = vErrors; return errors === 0; }
const schema15 = { "$id": "urn:hyperv-converge:config:vm-field:disk", "type": "object", "description": "How the VM’s disk is made from `image`. In defaults, disk is merged key by key with a VM’s own disk.", "additionalProperties": false, "properties": { "strategy": { "type": "string", "enum": ["differencing", "copy"], "default": "differencing", "description": "`differencing`: a child disk whose parent is the image (fast, the image must stay); `copy`: a full copy. Default differencing." }, "size": { "type": ["string", "null"], "pattern": "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", "description": "Virtual size to grow the VM’s disk to, such as 40GB; null (default) keeps the image’s size. Only used when the VM has an image." }, "deleteOnDestroy": { "type": "boolean", "default": false, "description": "Destroying the VM (state: absent, or prune) also deletes its disk files. Default false: disks are kept." } } };
function validate38(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:disk" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
        if (!(((key0 === "strategy") || (key0 === "size")) || (key0 === "deleteOnDestroy"))) {
            const err0 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data };
            if (vErrors === null) {
                vErrors = [err0];
            }
            else {
                vErrors.push(err0);
            }
            errors++;
        }
    }
    if (data.strategy !== undefined) {
        let data0 = data.strategy;
        if (typeof data0 !== "string") {
            const err1 = { instancePath: instancePath + "/strategy", schemaPath: "#/properties/strategy/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.strategy.type, parentSchema: schema15.properties.strategy, data: data0 };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
        if (!((data0 === "differencing") || (data0 === "copy"))) {
            const err2 = { instancePath: instancePath + "/strategy", schemaPath: "#/properties/strategy/enum", keyword: "enum", params: { allowedValues: schema15.properties.strategy.enum }, message: "must be equal to one of the allowed values", schema: schema15.properties.strategy.enum, parentSchema: schema15.properties.strategy, data: data0 };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
    if (data.size !== undefined) {
        let data1 = data.size;
        if ((typeof data1 !== "string") && (data1 !== null)) {
            const err3 = { instancePath: instancePath + "/size", schemaPath: "#/properties/size/type", keyword: "type", params: { type: schema15.properties.size.type }, message: "must be string,null", schema: schema15.properties.size.type, parentSchema: schema15.properties.size, data: data1 };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
        if (typeof data1 === "string") {
            if (!pattern2.test(data1)) {
                const err4 = { instancePath: instancePath + "/size", schemaPath: "#/properties/size/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" }, message: "must match pattern \"" + "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" + "\"", schema: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", parentSchema: schema15.properties.size, data: data1 };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
        }
    }
    if (data.deleteOnDestroy !== undefined) {
        let data2 = data.deleteOnDestroy;
        if (typeof data2 !== "boolean") {
            const err5 = { instancePath: instancePath + "/deleteOnDestroy", schemaPath: "#/properties/deleteOnDestroy/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema15.properties.deleteOnDestroy.type, parentSchema: schema15.properties.deleteOnDestroy, data: data2 };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
}
else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data };
    if (vErrors === null) {
        vErrors = [err6];
    }
    else {
        vErrors.push(err6);
    }
    errors++;
} validate38.errors = vErrors; return errors === 0; }
const schema16 = { "$id": "urn:hyperv-converge:config:vm-field:networkAdapters", "type": "array", "maxItems": 12, "items": { "type": "object", "description": "One virtual network adapter. Settings left out are not managed (the host keeps its value).", "additionalProperties": false, "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1, "maxLength": 100, "description": "Adapter name, unique in the VM (Add-VMNetworkAdapter -Name)." }, "switch": { "type": ["string", "null"], "minLength": 1, "description": "Virtual switch to connect to; null: not connected." }, "mac": { "type": ["string", "null"], "pattern": "^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$", "description": "Static MAC address (unicast); null or omitted: dynamic." }, "vlan": { "type": ["integer", "null"], "minimum": 1, "maximum": 4094, "description": "Access-mode VLAN id (Set-VMNetworkAdapterVlan -Access -VlanId); null: untagged." }, "macSpoofing": { "type": "boolean", "description": "Allow MAC address spoofing (needed by nested VMs and some routers)." }, "dhcpGuard": { "type": "boolean", "description": "Drop DHCP server messages from this VM." }, "routerGuard": { "type": "boolean", "description": "Drop router advertisements and redirects from this VM." } } }, "description": "Network adapters, replacing the single `switch`/`mac` form (use one or the other). Adapters the VM has that are not listed are removed." };
function validate40(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:networkAdapters" */ ; let vErrors = null; let errors = 0; if (Array.isArray(data)) {
    if (data.length > 12) {
        const err0 = { instancePath, schemaPath: "#/maxItems", keyword: "maxItems", params: { limit: 12 }, message: "must NOT have more than 12 items", schema: 12, parentSchema: schema16, data };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (data0.name === undefined) {
                const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'", schema: schema16.items.required, parentSchema: schema16.items, data: data0 };
                if (vErrors === null) {
                    vErrors = [err1];
                }
                else {
                    vErrors.push(err1);
                }
                errors++;
            }
            for (const key0 in data0) {
                if (!(((((((key0 === "name") || (key0 === "switch")) || (key0 === "mac")) || (key0 === "vlan")) || (key0 === "macSpoofing")) || (key0 === "dhcpGuard")) || (key0 === "routerGuard"))) {
                    const err2 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16.items, data: data0 };
                    if (vErrors === null) {
                        vErrors = [err2];
                    }
                    else {
                        vErrors.push(err2);
                    }
                    errors++;
                }
            }
            if (data0.name !== undefined) {
                let data1 = data0.name;
                if (typeof data1 === "string") {
                    if (func3(data1) > 100) {
                        const err3 = { instancePath: instancePath + "/" + i0 + "/name", schemaPath: "#/items/properties/name/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema16.items.properties.name, data: data1 };
                        if (vErrors === null) {
                            vErrors = [err3];
                        }
                        else {
                            vErrors.push(err3);
                        }
                        errors++;
                    }
                    if (func3(data1) < 1) {
                        const err4 = { instancePath: instancePath + "/" + i0 + "/name", schemaPath: "#/items/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema16.items.properties.name, data: data1 };
                        if (vErrors === null) {
                            vErrors = [err4];
                        }
                        else {
                            vErrors.push(err4);
                        }
                        errors++;
                    }
                }
                else {
                    const err5 = { instancePath: instancePath + "/" + i0 + "/name", schemaPath: "#/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.items.properties.name.type, parentSchema: schema16.items.properties.name, data: data1 };
                    if (vErrors === null) {
                        vErrors = [err5];
                    }
                    else {
                        vErrors.push(err5);
                    }
                    errors++;
                }
            }
            if (data0.switch !== undefined) {
                let data2 = data0.switch;
                if ((typeof data2 !== "string") && (data2 !== null)) {
                    const err6 = { instancePath: instancePath + "/" + i0 + "/switch", schemaPath: "#/items/properties/switch/type", keyword: "type", params: { type: schema16.items.properties.switch.type }, message: "must be string,null", schema: schema16.items.properties.switch.type, parentSchema: schema16.items.properties.switch, data: data2 };
                    if (vErrors === null) {
                        vErrors = [err6];
                    }
                    else {
                        vErrors.push(err6);
                    }
                    errors++;
                }
                if (typeof data2 === "string") {
                    if (func3(data2) < 1) {
                        const err7 = { instancePath: instancePath + "/" + i0 + "/switch", schemaPath: "#/items/properties/switch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema16.items.properties.switch, data: data2 };
                        if (vErrors === null) {
                            vErrors = [err7];
                        }
                        else {
                            vErrors.push(err7);
                        }
                        errors++;
                    }
                }
            }
            if (data0.mac !== undefined) {
                let data3 = data0.mac;
                if ((typeof data3 !== "string") && (data3 !== null)) {
                    const err8 = { instancePath: instancePath + "/" + i0 + "/mac", schemaPath: "#/items/properties/mac/type", keyword: "type", params: { type: schema16.items.properties.mac.type }, message: "must be string,null", schema: schema16.items.properties.mac.type, parentSchema: schema16.items.properties.mac, data: data3 };
                    if (vErrors === null) {
                        vErrors = [err8];
                    }
                    else {
                        vErrors.push(err8);
                    }
                    errors++;
                }
                if (typeof data3 === "string") {
                    if (!pattern6.test(data3)) {
                        const err9 = { instancePath: instancePath + "/" + i0 + "/mac", schemaPath: "#/items/properties/mac/pattern", keyword: "pattern", params: { pattern: "^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$" }, message: "must match pattern \"" + "^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$" + "\"", schema: "^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$", parentSchema: schema16.items.properties.mac, data: data3 };
                        if (vErrors === null) {
                            vErrors = [err9];
                        }
                        else {
                            vErrors.push(err9);
                        }
                        errors++;
                    }
                }
            }
            if (data0.vlan !== undefined) {
                let data4 = data0.vlan;
                if ((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)) {
                    const err10 = { instancePath: instancePath + "/" + i0 + "/vlan", schemaPath: "#/items/properties/vlan/type", keyword: "type", params: { type: schema16.items.properties.vlan.type }, message: "must be integer,null", schema: schema16.items.properties.vlan.type, parentSchema: schema16.items.properties.vlan, data: data4 };
                    if (vErrors === null) {
                        vErrors = [err10];
                    }
                    else {
                        vErrors.push(err10);
                    }
                    errors++;
                }
                if ((typeof data4 == "number") && (isFinite(data4))) {
                    if (data4 > 4094 || isNaN(data4)) {
                        const err11 = { instancePath: instancePath + "/" + i0 + "/vlan", schemaPath: "#/items/properties/vlan/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4094 }, message: "must be <= 4094", schema: 4094, parentSchema: schema16.items.properties.vlan, data: data4 };
                        if (vErrors === null) {
                            vErrors = [err11];
                        }
                        else {
                            vErrors.push(err11);
                        }
                        errors++;
                    }
                    if (data4 < 1 || isNaN(data4)) {
                        const err12 = { instancePath: instancePath + "/" + i0 + "/vlan", schemaPath: "#/items/properties/vlan/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema16.items.properties.vlan, data: data4 };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                }
            }
            if (data0.macSpoofing !== undefined) {
                let data5 = data0.macSpoofing;
                if (typeof data5 !== "boolean") {
                    const err13 = { instancePath: instancePath + "/" + i0 + "/macSpoofing", schemaPath: "#/items/properties/macSpoofing/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema16.items.properties.macSpoofing.type, parentSchema: schema16.items.properties.macSpoofing, data: data5 };
                    if (vErrors === null) {
                        vErrors = [err13];
                    }
                    else {
                        vErrors.push(err13);
                    }
                    errors++;
                }
            }
            if (data0.dhcpGuard !== undefined) {
                let data6 = data0.dhcpGuard;
                if (typeof data6 !== "boolean") {
                    const err14 = { instancePath: instancePath + "/" + i0 + "/dhcpGuard", schemaPath: "#/items/properties/dhcpGuard/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema16.items.properties.dhcpGuard.type, parentSchema: schema16.items.properties.dhcpGuard, data: data6 };
                    if (vErrors === null) {
                        vErrors = [err14];
                    }
                    else {
                        vErrors.push(err14);
                    }
                    errors++;
                }
            }
            if (data0.routerGuard !== undefined) {
                let data7 = data0.routerGuard;
                if (typeof data7 !== "boolean") {
                    const err15 = { instancePath: instancePath + "/" + i0 + "/routerGuard", schemaPath: "#/items/properties/routerGuard/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema16.items.properties.routerGuard.type, parentSchema: schema16.items.properties.routerGuard, data: data7 };
                    if (vErrors === null) {
                        vErrors = [err15];
                    }
                    else {
                        vErrors.push(err15);
                    }
                    errors++;
                }
            }
        }
        else {
            const err16 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.items.type, parentSchema: schema16.items, data: data0 };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
}
else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema16.type, parentSchema: schema16, data };
    if (vErrors === null) {
        vErrors = [err17];
    }
    else {
        vErrors.push(err17);
    }
    errors++;
} validate40.errors = vErrors; return errors === 0; }
const schema17 = { "$id": "urn:hyperv-converge:config:vm-field:dataDisks", "type": "array", "maxItems": 31, "items": { "type": "object", "description": "A data disk: `size` makes a new empty VHDX in the VM folder (grow only); `path` attaches an existing VHDX. Position n in the list is a fixed controller position.", "additionalProperties": false, "properties": { "size": { "type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", "description": "Size of a new empty dynamic VHDX, such as 20GB. Grow only.", "examples": ["20GB"] }, "path": { "type": "string", "pattern": "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$", "description": "An existing .vhdx/.vhd on the host to attach (never created or deleted)." } }, "minProperties": 1, "maxProperties": 1 }, "description": "Data disks after the boot disk, at fixed positions (SCSI controller 0, locations 1…). Removed entries are detached, files kept." };
function validate42(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:dataDisks" */ ; let vErrors = null; let errors = 0; if (Array.isArray(data)) {
    if (data.length > 31) {
        const err0 = { instancePath, schemaPath: "#/maxItems", keyword: "maxItems", params: { limit: 31 }, message: "must NOT have more than 31 items", schema: 31, parentSchema: schema17, data };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (Object.keys(data0).length > 1) {
                const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/maxProperties", keyword: "maxProperties", params: { limit: 1 }, message: "must NOT have more than 1 properties", schema: 1, parentSchema: schema17.items, data: data0 };
                if (vErrors === null) {
                    vErrors = [err1];
                }
                else {
                    vErrors.push(err1);
                }
                errors++;
            }
            if (Object.keys(data0).length < 1) {
                const err2 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties", schema: 1, parentSchema: schema17.items, data: data0 };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
            for (const key0 in data0) {
                if (!((key0 === "size") || (key0 === "path"))) {
                    const err3 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17.items, data: data0 };
                    if (vErrors === null) {
                        vErrors = [err3];
                    }
                    else {
                        vErrors.push(err3);
                    }
                    errors++;
                }
            }
            if (data0.size !== undefined) {
                let data1 = data0.size;
                if (typeof data1 === "string") {
                    if (!pattern2.test(data1)) {
                        const err4 = { instancePath: instancePath + "/" + i0 + "/size", schemaPath: "#/items/properties/size/pattern", keyword: "pattern", params: { pattern: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" }, message: "must match pattern \"" + "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$" + "\"", schema: "^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$", parentSchema: schema17.items.properties.size, data: data1 };
                        if (vErrors === null) {
                            vErrors = [err4];
                        }
                        else {
                            vErrors.push(err4);
                        }
                        errors++;
                    }
                }
                else {
                    const err5 = { instancePath: instancePath + "/" + i0 + "/size", schemaPath: "#/items/properties/size/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.items.properties.size.type, parentSchema: schema17.items.properties.size, data: data1 };
                    if (vErrors === null) {
                        vErrors = [err5];
                    }
                    else {
                        vErrors.push(err5);
                    }
                    errors++;
                }
            }
            if (data0.path !== undefined) {
                let data2 = data0.path;
                if (typeof data2 === "string") {
                    if (!pattern7.test(data2)) {
                        const err6 = { instancePath: instancePath + "/" + i0 + "/path", schemaPath: "#/items/properties/path/pattern", keyword: "pattern", params: { pattern: "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$" }, message: "must match pattern \"" + "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$" + "\"", schema: "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$", parentSchema: schema17.items.properties.path, data: data2 };
                        if (vErrors === null) {
                            vErrors = [err6];
                        }
                        else {
                            vErrors.push(err6);
                        }
                        errors++;
                    }
                }
                else {
                    const err7 = { instancePath: instancePath + "/" + i0 + "/path", schemaPath: "#/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.items.properties.path.type, parentSchema: schema17.items.properties.path, data: data2 };
                    if (vErrors === null) {
                        vErrors = [err7];
                    }
                    else {
                        vErrors.push(err7);
                    }
                    errors++;
                }
            }
        }
        else {
            const err8 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.items.type, parentSchema: schema17.items, data: data0 };
            if (vErrors === null) {
                vErrors = [err8];
            }
            else {
                vErrors.push(err8);
            }
            errors++;
        }
    }
}
else {
    const err9 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema17.type, parentSchema: schema17, data };
    if (vErrors === null) {
        vErrors = [err9];
    }
    else {
        vErrors.push(err9);
    }
    errors++;
} validate42.errors = vErrors; return errors === 0; }
const schema18 = { "$id": "urn:hyperv-converge:config:vm-field:dvdDrives", "type": "array", "maxItems": 2, "items": { "type": "object", "description": "A DVD drive: an ISO on the host, or empty.", "additionalProperties": false, "required": ["path"], "properties": { "path": { "type": ["string", "null"], "pattern": "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[iI][sS][oO]$", "description": "ISO on the host (absolute Windows path); null: empty drive." } } }, "description": "DVD drives at fixed positions (generation 2: SCSI 0 from location 32; generation 1: IDE 1). The seed, if any, comes after them." };
const pattern12 = new RegExp("^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[iI][sS][oO]$", "u");
function validate44(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:dvdDrives" */ ; let vErrors = null; let errors = 0; if (Array.isArray(data)) {
    if (data.length > 2) {
        const err0 = { instancePath, schemaPath: "#/maxItems", keyword: "maxItems", params: { limit: 2 }, message: "must NOT have more than 2 items", schema: 2, parentSchema: schema18, data };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (data0.path === undefined) {
                const err1 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property '" + "path" + "'", schema: schema18.items.required, parentSchema: schema18.items, data: data0 };
                if (vErrors === null) {
                    vErrors = [err1];
                }
                else {
                    vErrors.push(err1);
                }
                errors++;
            }
            for (const key0 in data0) {
                if (!(key0 === "path")) {
                    const err2 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema18.items, data: data0 };
                    if (vErrors === null) {
                        vErrors = [err2];
                    }
                    else {
                        vErrors.push(err2);
                    }
                    errors++;
                }
            }
            if (data0.path !== undefined) {
                let data1 = data0.path;
                if ((typeof data1 !== "string") && (data1 !== null)) {
                    const err3 = { instancePath: instancePath + "/" + i0 + "/path", schemaPath: "#/items/properties/path/type", keyword: "type", params: { type: schema18.items.properties.path.type }, message: "must be string,null", schema: schema18.items.properties.path.type, parentSchema: schema18.items.properties.path, data: data1 };
                    if (vErrors === null) {
                        vErrors = [err3];
                    }
                    else {
                        vErrors.push(err3);
                    }
                    errors++;
                }
                if (typeof data1 === "string") {
                    if (!pattern12.test(data1)) {
                        const err4 = { instancePath: instancePath + "/" + i0 + "/path", schemaPath: "#/items/properties/path/pattern", keyword: "pattern", params: { pattern: "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[iI][sS][oO]$" }, message: "must match pattern \"" + "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[iI][sS][oO]$" + "\"", schema: "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[iI][sS][oO]$", parentSchema: schema18.items.properties.path, data: data1 };
                        if (vErrors === null) {
                            vErrors = [err4];
                        }
                        else {
                            vErrors.push(err4);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err5 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema18.items.type, parentSchema: schema18.items, data: data0 };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
}
else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema18.type, parentSchema: schema18, data };
    if (vErrors === null) {
        vErrors = [err6];
    }
    else {
        vErrors.push(err6);
    }
    errors++;
} validate44.errors = vErrors; return errors === 0; }
const schema19 = { "$id": "urn:hyperv-converge:config:vm-field:cloudInit", "type": "object", "description": "First-boot seed (cloud-init NoCloud): an ISO labelled cidata with user-data, meta-data and network-config, built byte-for-byte deterministically, written to the VM folder by the agent and inserted as a DVD.", "additionalProperties": false, "required": ["userData"], "properties": { "userData": { "description": "user-data (usually starting with #cloud-config): the text itself, or `{ file: path }` relative to the configuration file. `${{ env.NAME }}` is replaced by that environment variable when the seed is built (secrets never sit in the file).", "anyOf": [{ "type": "string", "maxLength": 1048576, "description": "user-data (usually starting with #cloud-config) as text." }, { "type": "object", "additionalProperties": false, "required": ["file"], "description": "user-data (usually starting with #cloud-config) read from a file next to the configuration.", "properties": { "file": { "type": "string", "pattern": "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$", "description": "Path relative to the configuration file (inside its folder)." } } }] }, "metaData": { "description": "meta-data (default: instance-id and local-hostname set to the VM name): the text itself, or `{ file: path }` relative to the configuration file. `${{ env.NAME }}` is replaced by that environment variable when the seed is built (secrets never sit in the file).", "anyOf": [{ "type": "string", "maxLength": 1048576, "description": "meta-data (default: instance-id and local-hostname set to the VM name) as text." }, { "type": "object", "additionalProperties": false, "required": ["file"], "description": "meta-data (default: instance-id and local-hostname set to the VM name) read from a file next to the configuration.", "properties": { "file": { "type": "string", "pattern": "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$", "description": "Path relative to the configuration file (inside its folder)." } } }] }, "networkConfig": { "description": "network-config (optional; cloud-init network config version 1 or 2): the text itself, or `{ file: path }` relative to the configuration file. `${{ env.NAME }}` is replaced by that environment variable when the seed is built (secrets never sit in the file).", "anyOf": [{ "type": "string", "maxLength": 1048576, "description": "network-config (optional; cloud-init network config version 1 or 2) as text." }, { "type": "object", "additionalProperties": false, "required": ["file"], "description": "network-config (optional; cloud-init network config version 1 or 2) read from a file next to the configuration.", "properties": { "file": { "type": "string", "pattern": "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$", "description": "Path relative to the configuration file (inside its folder)." } } }] } } };
const pattern13 = new RegExp("^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$", "u");
function validate46(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:cloudInit" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.userData === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "userData" }, message: "must have required property '" + "userData" + "'", schema: schema19.required, parentSchema: schema19, data };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(((key0 === "userData") || (key0 === "metaData")) || (key0 === "networkConfig"))) {
            const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema19, data };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
    }
    if (data.userData !== undefined) {
        let data0 = data.userData;
        const _errs3 = errors;
        let valid1 = false;
        const _errs4 = errors;
        if (typeof data0 === "string") {
            if (func3(data0) > 1048576) {
                const err2 = { instancePath: instancePath + "/userData", schemaPath: "#/properties/userData/anyOf/0/maxLength", keyword: "maxLength", params: { limit: 1048576 }, message: "must NOT have more than 1048576 characters", schema: 1048576, parentSchema: schema19.properties.userData.anyOf[0], data: data0 };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
        }
        else {
            const err3 = { instancePath: instancePath + "/userData", schemaPath: "#/properties/userData/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.userData.anyOf[0].type, parentSchema: schema19.properties.userData.anyOf[0], data: data0 };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
        var _valid0 = _errs4 === errors;
        valid1 = valid1 || _valid0;
        if (!valid1) {
            const _errs6 = errors;
            if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
                if (data0.file === undefined) {
                    const err4 = { instancePath: instancePath + "/userData", schemaPath: "#/properties/userData/anyOf/1/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property '" + "file" + "'", schema: schema19.properties.userData.anyOf[1].required, parentSchema: schema19.properties.userData.anyOf[1], data: data0 };
                    if (vErrors === null) {
                        vErrors = [err4];
                    }
                    else {
                        vErrors.push(err4);
                    }
                    errors++;
                }
                for (const key1 in data0) {
                    if (!(key1 === "file")) {
                        const err5 = { instancePath: instancePath + "/userData", schemaPath: "#/properties/userData/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema19.properties.userData.anyOf[1], data: data0 };
                        if (vErrors === null) {
                            vErrors = [err5];
                        }
                        else {
                            vErrors.push(err5);
                        }
                        errors++;
                    }
                }
                if (data0.file !== undefined) {
                    let data1 = data0.file;
                    if (typeof data1 === "string") {
                        if (!pattern13.test(data1)) {
                            const err6 = { instancePath: instancePath + "/userData/file", schemaPath: "#/properties/userData/anyOf/1/properties/file/pattern", keyword: "pattern", params: { pattern: "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$" }, message: "must match pattern \"" + "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$" + "\"", schema: "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$", parentSchema: schema19.properties.userData.anyOf[1].properties.file, data: data1 };
                            if (vErrors === null) {
                                vErrors = [err6];
                            }
                            else {
                                vErrors.push(err6);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err7 = { instancePath: instancePath + "/userData/file", schemaPath: "#/properties/userData/anyOf/1/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.userData.anyOf[1].properties.file.type, parentSchema: schema19.properties.userData.anyOf[1].properties.file, data: data1 };
                        if (vErrors === null) {
                            vErrors = [err7];
                        }
                        else {
                            vErrors.push(err7);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err8 = { instancePath: instancePath + "/userData", schemaPath: "#/properties/userData/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.properties.userData.anyOf[1].type, parentSchema: schema19.properties.userData.anyOf[1], data: data0 };
                if (vErrors === null) {
                    vErrors = [err8];
                }
                else {
                    vErrors.push(err8);
                }
                errors++;
            }
            var _valid0 = _errs6 === errors;
            valid1 = valid1 || _valid0;
        }
        if (!valid1) {
            const err9 = { instancePath: instancePath + "/userData", schemaPath: "#/properties/userData/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema19.properties.userData.anyOf, parentSchema: schema19.properties.userData, data: data0 };
            if (vErrors === null) {
                vErrors = [err9];
            }
            else {
                vErrors.push(err9);
            }
            errors++;
        }
        else {
            errors = _errs3;
            if (vErrors !== null) {
                if (_errs3) {
                    vErrors.length = _errs3;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.metaData !== undefined) {
        let data2 = data.metaData;
        const _errs12 = errors;
        let valid3 = false;
        const _errs13 = errors;
        if (typeof data2 === "string") {
            if (func3(data2) > 1048576) {
                const err10 = { instancePath: instancePath + "/metaData", schemaPath: "#/properties/metaData/anyOf/0/maxLength", keyword: "maxLength", params: { limit: 1048576 }, message: "must NOT have more than 1048576 characters", schema: 1048576, parentSchema: schema19.properties.metaData.anyOf[0], data: data2 };
                if (vErrors === null) {
                    vErrors = [err10];
                }
                else {
                    vErrors.push(err10);
                }
                errors++;
            }
        }
        else {
            const err11 = { instancePath: instancePath + "/metaData", schemaPath: "#/properties/metaData/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.metaData.anyOf[0].type, parentSchema: schema19.properties.metaData.anyOf[0], data: data2 };
            if (vErrors === null) {
                vErrors = [err11];
            }
            else {
                vErrors.push(err11);
            }
            errors++;
        }
        var _valid1 = _errs13 === errors;
        valid3 = valid3 || _valid1;
        if (!valid3) {
            const _errs15 = errors;
            if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                if (data2.file === undefined) {
                    const err12 = { instancePath: instancePath + "/metaData", schemaPath: "#/properties/metaData/anyOf/1/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property '" + "file" + "'", schema: schema19.properties.metaData.anyOf[1].required, parentSchema: schema19.properties.metaData.anyOf[1], data: data2 };
                    if (vErrors === null) {
                        vErrors = [err12];
                    }
                    else {
                        vErrors.push(err12);
                    }
                    errors++;
                }
                for (const key2 in data2) {
                    if (!(key2 === "file")) {
                        const err13 = { instancePath: instancePath + "/metaData", schemaPath: "#/properties/metaData/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema19.properties.metaData.anyOf[1], data: data2 };
                        if (vErrors === null) {
                            vErrors = [err13];
                        }
                        else {
                            vErrors.push(err13);
                        }
                        errors++;
                    }
                }
                if (data2.file !== undefined) {
                    let data3 = data2.file;
                    if (typeof data3 === "string") {
                        if (!pattern13.test(data3)) {
                            const err14 = { instancePath: instancePath + "/metaData/file", schemaPath: "#/properties/metaData/anyOf/1/properties/file/pattern", keyword: "pattern", params: { pattern: "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$" }, message: "must match pattern \"" + "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$" + "\"", schema: "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$", parentSchema: schema19.properties.metaData.anyOf[1].properties.file, data: data3 };
                            if (vErrors === null) {
                                vErrors = [err14];
                            }
                            else {
                                vErrors.push(err14);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err15 = { instancePath: instancePath + "/metaData/file", schemaPath: "#/properties/metaData/anyOf/1/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.metaData.anyOf[1].properties.file.type, parentSchema: schema19.properties.metaData.anyOf[1].properties.file, data: data3 };
                        if (vErrors === null) {
                            vErrors = [err15];
                        }
                        else {
                            vErrors.push(err15);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err16 = { instancePath: instancePath + "/metaData", schemaPath: "#/properties/metaData/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.properties.metaData.anyOf[1].type, parentSchema: schema19.properties.metaData.anyOf[1], data: data2 };
                if (vErrors === null) {
                    vErrors = [err16];
                }
                else {
                    vErrors.push(err16);
                }
                errors++;
            }
            var _valid1 = _errs15 === errors;
            valid3 = valid3 || _valid1;
        }
        if (!valid3) {
            const err17 = { instancePath: instancePath + "/metaData", schemaPath: "#/properties/metaData/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema19.properties.metaData.anyOf, parentSchema: schema19.properties.metaData, data: data2 };
            if (vErrors === null) {
                vErrors = [err17];
            }
            else {
                vErrors.push(err17);
            }
            errors++;
        }
        else {
            errors = _errs12;
            if (vErrors !== null) {
                if (_errs12) {
                    vErrors.length = _errs12;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
    if (data.networkConfig !== undefined) {
        let data4 = data.networkConfig;
        const _errs21 = errors;
        let valid5 = false;
        const _errs22 = errors;
        if (typeof data4 === "string") {
            if (func3(data4) > 1048576) {
                const err18 = { instancePath: instancePath + "/networkConfig", schemaPath: "#/properties/networkConfig/anyOf/0/maxLength", keyword: "maxLength", params: { limit: 1048576 }, message: "must NOT have more than 1048576 characters", schema: 1048576, parentSchema: schema19.properties.networkConfig.anyOf[0], data: data4 };
                if (vErrors === null) {
                    vErrors = [err18];
                }
                else {
                    vErrors.push(err18);
                }
                errors++;
            }
        }
        else {
            const err19 = { instancePath: instancePath + "/networkConfig", schemaPath: "#/properties/networkConfig/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.networkConfig.anyOf[0].type, parentSchema: schema19.properties.networkConfig.anyOf[0], data: data4 };
            if (vErrors === null) {
                vErrors = [err19];
            }
            else {
                vErrors.push(err19);
            }
            errors++;
        }
        var _valid2 = _errs22 === errors;
        valid5 = valid5 || _valid2;
        if (!valid5) {
            const _errs24 = errors;
            if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                if (data4.file === undefined) {
                    const err20 = { instancePath: instancePath + "/networkConfig", schemaPath: "#/properties/networkConfig/anyOf/1/required", keyword: "required", params: { missingProperty: "file" }, message: "must have required property '" + "file" + "'", schema: schema19.properties.networkConfig.anyOf[1].required, parentSchema: schema19.properties.networkConfig.anyOf[1], data: data4 };
                    if (vErrors === null) {
                        vErrors = [err20];
                    }
                    else {
                        vErrors.push(err20);
                    }
                    errors++;
                }
                for (const key3 in data4) {
                    if (!(key3 === "file")) {
                        const err21 = { instancePath: instancePath + "/networkConfig", schemaPath: "#/properties/networkConfig/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema19.properties.networkConfig.anyOf[1], data: data4 };
                        if (vErrors === null) {
                            vErrors = [err21];
                        }
                        else {
                            vErrors.push(err21);
                        }
                        errors++;
                    }
                }
                if (data4.file !== undefined) {
                    let data5 = data4.file;
                    if (typeof data5 === "string") {
                        if (!pattern13.test(data5)) {
                            const err22 = { instancePath: instancePath + "/networkConfig/file", schemaPath: "#/properties/networkConfig/anyOf/1/properties/file/pattern", keyword: "pattern", params: { pattern: "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$" }, message: "must match pattern \"" + "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$" + "\"", schema: "^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$", parentSchema: schema19.properties.networkConfig.anyOf[1].properties.file, data: data5 };
                            if (vErrors === null) {
                                vErrors = [err22];
                            }
                            else {
                                vErrors.push(err22);
                            }
                            errors++;
                        }
                    }
                    else {
                        const err23 = { instancePath: instancePath + "/networkConfig/file", schemaPath: "#/properties/networkConfig/anyOf/1/properties/file/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema19.properties.networkConfig.anyOf[1].properties.file.type, parentSchema: schema19.properties.networkConfig.anyOf[1].properties.file, data: data5 };
                        if (vErrors === null) {
                            vErrors = [err23];
                        }
                        else {
                            vErrors.push(err23);
                        }
                        errors++;
                    }
                }
            }
            else {
                const err24 = { instancePath: instancePath + "/networkConfig", schemaPath: "#/properties/networkConfig/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.properties.networkConfig.anyOf[1].type, parentSchema: schema19.properties.networkConfig.anyOf[1], data: data4 };
                if (vErrors === null) {
                    vErrors = [err24];
                }
                else {
                    vErrors.push(err24);
                }
                errors++;
            }
            var _valid2 = _errs24 === errors;
            valid5 = valid5 || _valid2;
        }
        if (!valid5) {
            const err25 = { instancePath: instancePath + "/networkConfig", schemaPath: "#/properties/networkConfig/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema19.properties.networkConfig.anyOf, parentSchema: schema19.properties.networkConfig, data: data4 };
            if (vErrors === null) {
                vErrors = [err25];
            }
            else {
                vErrors.push(err25);
            }
            errors++;
        }
        else {
            errors = _errs21;
            if (vErrors !== null) {
                if (_errs21) {
                    vErrors.length = _errs21;
                }
                else {
                    vErrors = null;
                }
            }
        }
    }
}
else {
    const err26 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema19.type, parentSchema: schema19, data };
    if (vErrors === null) {
        vErrors = [err26];
    }
    else {
        vErrors.push(err26);
    }
    errors++;
} validate46.errors = vErrors; return errors === 0; }
const schema20 = { "$id": "urn:hyperv-converge:config:vm-field:tpm", "type": "boolean", "description": "Virtual TPM (generation 2; Windows 11 needs it). Changing it needs the VM off. Omitted: not managed." };
function validate48(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:tpm" */ ; let vErrors = null; let errors = 0; if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema20.type, parentSchema: schema20, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} validate48.errors = vErrors; return errors === 0; }
const schema21 = { "$id": "urn:hyperv-converge:config:vm-field:secureBootTemplate", "type": "string", "enum": ["MicrosoftWindows", "MicrosoftUEFICertificateAuthority", "OpenSourceShieldedVM"], "description": "Secure boot template (generation 2): MicrosoftWindows for Windows guests, MicrosoftUEFICertificateAuthority for most Linux. Needs the VM off. Omitted: not managed." };
function validate50(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:secureBootTemplate" */ ; let vErrors = null; let errors = 0; if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema21.type, parentSchema: schema21, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (!(((data === "MicrosoftWindows") || (data === "MicrosoftUEFICertificateAuthority")) || (data === "OpenSourceShieldedVM"))) {
    const err1 = { instancePath, schemaPath: "#/enum", keyword: "enum", params: { allowedValues: schema21.enum }, message: "must be equal to one of the allowed values", schema: schema21.enum, parentSchema: schema21, data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} validate50.errors = vErrors; return errors === 0; }
const schema22 = { "$id": "urn:hyperv-converge:config:vm-field:nestedVirtualization", "type": "boolean", "description": "Expose virtualization extensions to the guest (nested Hyper-V, WSL2, K8s in VMs). Needs the VM off. Omitted: not managed." };
function validate52(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:nestedVirtualization" */ ; let vErrors = null; let errors = 0; if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema22.type, parentSchema: schema22, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} validate52.errors = vErrors; return errors === 0; }
const schema23 = { "$id": "urn:hyperv-converge:config:vm-field:checkpointType", "type": "string", "enum": ["Standard", "Production", "ProductionOnly", "Disabled"], "description": "Checkpoint type (Set-VM -CheckpointType). Omitted: not managed." };
function validate54(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:checkpointType" */ ; let vErrors = null; let errors = 0; if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema23.type, parentSchema: schema23, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (!((((data === "Standard") || (data === "Production")) || (data === "ProductionOnly")) || (data === "Disabled"))) {
    const err1 = { instancePath, schemaPath: "#/enum", keyword: "enum", params: { allowedValues: schema23.enum }, message: "must be equal to one of the allowed values", schema: schema23.enum, parentSchema: schema23, data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} validate54.errors = vErrors; return errors === 0; }
const schema24 = { "$id": "urn:hyperv-converge:config:vm-field:automaticStartAction", "type": "string", "enum": ["Nothing", "StartIfRunning", "Start"], "description": "What the VM does when the host starts. Needs the VM off. Omitted: not managed." };
function validate56(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:automaticStartAction" */ ; let vErrors = null; let errors = 0; if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema24.type, parentSchema: schema24, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (!(((data === "Nothing") || (data === "StartIfRunning")) || (data === "Start"))) {
    const err1 = { instancePath, schemaPath: "#/enum", keyword: "enum", params: { allowedValues: schema24.enum }, message: "must be equal to one of the allowed values", schema: schema24.enum, parentSchema: schema24, data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} validate56.errors = vErrors; return errors === 0; }
const schema25 = { "$id": "urn:hyperv-converge:config:vm-field:automaticStartDelay", "type": "integer", "minimum": 0, "maximum": 86400, "description": "Seconds to wait before the automatic start. Needs the VM off. Omitted: not managed." };
function validate58(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:automaticStartDelay" */ ; let vErrors = null; let errors = 0; if (!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema25.type, parentSchema: schema25, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if ((typeof data == "number") && (isFinite(data))) {
    if (data > 86400 || isNaN(data)) {
        const err1 = { instancePath, schemaPath: "#/maximum", keyword: "maximum", params: { comparison: "<=", limit: 86400 }, message: "must be <= 86400", schema: 86400, parentSchema: schema25, data };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data < 0 || isNaN(data)) {
        const err2 = { instancePath, schemaPath: "#/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema25, data };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
} validate58.errors = vErrors; return errors === 0; }
const schema26 = { "$id": "urn:hyperv-converge:config:vm-field:automaticStopAction", "type": "string", "enum": ["TurnOff", "Save", "ShutDown"], "description": "What the VM does when the host shuts down. Needs the VM off. Omitted: not managed." };
function validate60(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:automaticStopAction" */ ; let vErrors = null; let errors = 0; if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema26.type, parentSchema: schema26, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (!(((data === "TurnOff") || (data === "Save")) || (data === "ShutDown"))) {
    const err1 = { instancePath, schemaPath: "#/enum", keyword: "enum", params: { allowedValues: schema26.enum }, message: "must be equal to one of the allowed values", schema: schema26.enum, parentSchema: schema26, data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} validate60.errors = vErrors; return errors === 0; }
const schema27 = { "$id": "urn:hyperv-converge:config:vm-field:compatibilityForMigration", "type": "boolean", "description": "Processor compatibility for migration to hosts with another CPU generation. Needs the VM off. Omitted: not managed." };
function validate62(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:compatibilityForMigration" */ ; let vErrors = null; let errors = 0; if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema27.type, parentSchema: schema27, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} validate62.errors = vErrors; return errors === 0; }
const schema28 = { "$id": "urn:hyperv-converge:config:vm-field:memoryWeight", "type": "integer", "minimum": 0, "maximum": 10000, "multipleOf": 100, "description": "Memory weight 0 to 10000 in steps of 100 against other VMs (Hyper-V sets it as Set-VMMemory -Priority 0 to 100). Changes online. Omitted: not managed." };
function validate64(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:memoryWeight" */ ; let vErrors = null; let errors = 0; if (!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema28.type, parentSchema: schema28, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if ((typeof data == "number") && (isFinite(data))) {
    if (data > 10000 || isNaN(data)) {
        const err1 = { instancePath, schemaPath: "#/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10000 }, message: "must be <= 10000", schema: 10000, parentSchema: schema28, data };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data < 0 || isNaN(data)) {
        const err2 = { instancePath, schemaPath: "#/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema28, data };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    let res0;
    if (( false || (res0 = data / 100, res0 !== parseInt(res0)))) {
        const err3 = { instancePath, schemaPath: "#/multipleOf", keyword: "multipleOf", params: { multipleOf: 100 }, message: "must be multiple of 100", schema: 100, parentSchema: schema28, data };
        if (vErrors === null) {
            vErrors = [err3];
        }
        else {
            vErrors.push(err3);
        }
        errors++;
    }
} validate64.errors = vErrors; return errors === 0; }
const schema29 = { "$id": "urn:hyperv-converge:config:vm-field:memoryBuffer", "type": "integer", "minimum": 5, "maximum": 2000, "description": "Dynamic memory buffer, percent 5 to 2000; dynamic memory only. Changes online. Omitted: not managed." };
function validate66(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:memoryBuffer" */ ; let vErrors = null; let errors = 0; if (!(((typeof data == "number") && (!(data % 1) && !isNaN(data))) && (isFinite(data)))) {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema29.type, parentSchema: schema29, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if ((typeof data == "number") && (isFinite(data))) {
    if (data > 2000 || isNaN(data)) {
        const err1 = { instancePath, schemaPath: "#/maximum", keyword: "maximum", params: { comparison: "<=", limit: 2000 }, message: "must be <= 2000", schema: 2000, parentSchema: schema29, data };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data < 5 || isNaN(data)) {
        const err2 = { instancePath, schemaPath: "#/minimum", keyword: "minimum", params: { comparison: ">=", limit: 5 }, message: "must be >= 5", schema: 5, parentSchema: schema29, data };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
} validate66.errors = vErrors; return errors === 0; }
const schema30 = { "$id": "urn:hyperv-converge:config:vm-field:firstBootDevice", "type": "string", "enum": ["HardDisk", "DvdDrive", "NetworkAdapter"], "description": "The device the VM boots from first. Needs the VM off. Omitted: not managed." };
function validate68(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:firstBootDevice" */ ; let vErrors = null; let errors = 0; if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema30.type, parentSchema: schema30, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (!(((data === "HardDisk") || (data === "DvdDrive")) || (data === "NetworkAdapter"))) {
    const err1 = { instancePath, schemaPath: "#/enum", keyword: "enum", params: { allowedValues: schema30.enum }, message: "must be equal to one of the allowed values", schema: schema30.enum, parentSchema: schema30, data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} validate68.errors = vErrors; return errors === 0; }
const schema31 = { "$id": "urn:hyperv-converge:config:vm-field:integrationServices", "type": "object", "description": "Integration services to enable (true) or disable (false), keyed by the service GUID (names are localized; ids are not). Changes online. Omitted services are not managed.", "propertyNames": { "pattern": "^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$" }, "additionalProperties": { "type": "boolean", "description": "true: enabled; false: disabled." } };
const pattern16 = new RegExp("^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$", "u");
function validate70(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:integrationServices" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
        const _errs1 = errors;
        if (typeof key0 === "string") {
            if (!pattern16.test(key0)) {
                const err0 = { instancePath, schemaPath: "#/propertyNames/pattern", keyword: "pattern", params: { pattern: "^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$" }, message: "must match pattern \"" + "^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$" + "\"", schema: "^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$", parentSchema: schema31.propertyNames, data: key0, propertyName: key0 };
                if (vErrors === null) {
                    vErrors = [err0];
                }
                else {
                    vErrors.push(err0);
                }
                errors++;
            }
        }
        var valid0 = _errs1 === errors;
        if (!valid0) {
            const err1 = { instancePath, schemaPath: "#/propertyNames", keyword: "propertyNames", params: { propertyName: key0 }, message: "property name must be valid", schema: schema31.propertyNames, parentSchema: schema31, data };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
    }
    for (const key1 in data) {
        let data0 = data[key1];
        if (typeof data0 !== "boolean") {
            const err2 = { instancePath: instancePath + "/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/additionalProperties/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.additionalProperties.type, parentSchema: schema31.additionalProperties, data: data0 };
            if (vErrors === null) {
                vErrors = [err2];
            }
            else {
                vErrors.push(err2);
            }
            errors++;
        }
    }
}
else {
    const err3 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
        vErrors = [err3];
    }
    else {
        vErrors.push(err3);
    }
    errors++;
} validate70.errors = vErrors; return errors === 0; }
const schema32 = { "$id": "urn:hyperv-converge:config:vm-field:path", "type": "string", "pattern": "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+)", "description": "Folder on the host the VM’s configuration and disk live under (absolute: C:\\… or \\\\server\\share\\…). Required (on the VM or in defaults)." };
const pattern17 = new RegExp("^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+)", "u");
function validate72(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:path" */ ; let vErrors = null; let errors = 0; if (typeof data === "string") {
    if (!pattern17.test(data)) {
        const err0 = { instancePath, schemaPath: "#/pattern", keyword: "pattern", params: { pattern: "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+)" }, message: "must match pattern \"" + "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+)" + "\"", schema: "^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+)", parentSchema: schema32, data };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
}
else {
    const err1 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} validate72.errors = vErrors; return errors === 0; }
const schema33 = { "$id": "urn:hyperv-converge:config:vm-field:notes", "type": "string", "default": "", "description": "Free text kept in the VM’s Notes. The tool adds its ownership marker itself; `hyperv-converge:` may not appear here." };
function validate74(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:notes" */ ; let vErrors = null; let errors = 0; if (typeof data !== "string") {
    const err0 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} validate74.errors = vErrors; return errors === 0; }
const schema34 = { "$id": "urn:hyperv-converge:config:vm-field:ssh", "description": "This VM’s part in guest SSH (IP discovery, /etc/hosts sync): `false` leaves it out; a mapping overrides the top-level ssh settings. Needs the top-level ssh block. In defaults, ssh is merged key by key with a VM’s own ssh.", "anyOf": [{ "type": "boolean", "const": false, "description": "Leave this VM out of guest SSH." }, { "type": "object", "description": "Overrides of the top-level ssh settings for this VM.", "additionalProperties": false, "properties": { "user": { "type": "string", "pattern": "^[A-Za-z0-9_][A-Za-z0-9_.-]*$", "maxLength": 32, "description": "SSH user in this guest. Default: ssh.user." }, "port": { "type": "integer", "minimum": 1, "maximum": 65535, "default": 22, "description": "SSH port of this guest. Default: ssh.port." }, "hostKey": { "type": ["string", "null"], "pattern": "^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$", "description": "Pinned host key of this guest (`ssh-ed25519 AAAA…`). Default: ssh.hostKeys[name], else recorded on first contact." }, "sync": { "type": "boolean", "description": "Write the other VMs into this guest’s /etc/hosts. Default: ssh.hosts.sync." } } }] };
function validate76(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:vm-field:ssh" */ ; let vErrors = null; let errors = 0; const _errs0 = errors; let valid0 = false; const _errs1 = errors; if (typeof data !== "boolean") {
    const err0 = { instancePath, schemaPath: "#/anyOf/0/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema34.anyOf[0].type, parentSchema: schema34.anyOf[0], data };
    if (vErrors === null) {
        vErrors = [err0];
    }
    else {
        vErrors.push(err0);
    }
    errors++;
} if (false !== data) {
    const err1 = { instancePath, schemaPath: "#/anyOf/0/const", keyword: "const", params: { allowedValue: false }, message: "must be equal to constant", schema: false, parentSchema: schema34.anyOf[0], data };
    if (vErrors === null) {
        vErrors = [err1];
    }
    else {
        vErrors.push(err1);
    }
    errors++;
} var _valid0 = _errs1 === errors; valid0 = valid0 || _valid0; if (!valid0) {
    const _errs3 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
        for (const key0 in data) {
            if (!((((key0 === "user") || (key0 === "port")) || (key0 === "hostKey")) || (key0 === "sync"))) {
                const err2 = { instancePath, schemaPath: "#/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34.anyOf[1], data };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
        }
        if (data.user !== undefined) {
            let data0 = data.user;
            if (typeof data0 === "string") {
                if (func3(data0) > 32) {
                    const err3 = { instancePath: instancePath + "/user", schemaPath: "#/anyOf/1/properties/user/maxLength", keyword: "maxLength", params: { limit: 32 }, message: "must NOT have more than 32 characters", schema: 32, parentSchema: schema34.anyOf[1].properties.user, data: data0 };
                    if (vErrors === null) {
                        vErrors = [err3];
                    }
                    else {
                        vErrors.push(err3);
                    }
                    errors++;
                }
                if (!pattern18.test(data0)) {
                    const err4 = { instancePath: instancePath + "/user", schemaPath: "#/anyOf/1/properties/user/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$" }, message: "must match pattern \"" + "^[A-Za-z0-9_][A-Za-z0-9_.-]*$" + "\"", schema: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$", parentSchema: schema34.anyOf[1].properties.user, data: data0 };
                    if (vErrors === null) {
                        vErrors = [err4];
                    }
                    else {
                        vErrors.push(err4);
                    }
                    errors++;
                }
            }
            else {
                const err5 = { instancePath: instancePath + "/user", schemaPath: "#/anyOf/1/properties/user/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.anyOf[1].properties.user.type, parentSchema: schema34.anyOf[1].properties.user, data: data0 };
                if (vErrors === null) {
                    vErrors = [err5];
                }
                else {
                    vErrors.push(err5);
                }
                errors++;
            }
        }
        if (data.port !== undefined) {
            let data1 = data.port;
            if (!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) {
                const err6 = { instancePath: instancePath + "/port", schemaPath: "#/anyOf/1/properties/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema34.anyOf[1].properties.port.type, parentSchema: schema34.anyOf[1].properties.port, data: data1 };
                if (vErrors === null) {
                    vErrors = [err6];
                }
                else {
                    vErrors.push(err6);
                }
                errors++;
            }
            if ((typeof data1 == "number") && (isFinite(data1))) {
                if (data1 > 65535 || isNaN(data1)) {
                    const err7 = { instancePath: instancePath + "/port", schemaPath: "#/anyOf/1/properties/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema34.anyOf[1].properties.port, data: data1 };
                    if (vErrors === null) {
                        vErrors = [err7];
                    }
                    else {
                        vErrors.push(err7);
                    }
                    errors++;
                }
                if (data1 < 1 || isNaN(data1)) {
                    const err8 = { instancePath: instancePath + "/port", schemaPath: "#/anyOf/1/properties/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema34.anyOf[1].properties.port, data: data1 };
                    if (vErrors === null) {
                        vErrors = [err8];
                    }
                    else {
                        vErrors.push(err8);
                    }
                    errors++;
                }
            }
        }
        if (data.hostKey !== undefined) {
            let data2 = data.hostKey;
            if ((typeof data2 !== "string") && (data2 !== null)) {
                const err9 = { instancePath: instancePath + "/hostKey", schemaPath: "#/anyOf/1/properties/hostKey/type", keyword: "type", params: { type: schema34.anyOf[1].properties.hostKey.type }, message: "must be string,null", schema: schema34.anyOf[1].properties.hostKey.type, parentSchema: schema34.anyOf[1].properties.hostKey, data: data2 };
                if (vErrors === null) {
                    vErrors = [err9];
                }
                else {
                    vErrors.push(err9);
                }
                errors++;
            }
            if (typeof data2 === "string") {
                if (!pattern19.test(data2)) {
                    const err10 = { instancePath: instancePath + "/hostKey", schemaPath: "#/anyOf/1/properties/hostKey/pattern", keyword: "pattern", params: { pattern: "^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$" }, message: "must match pattern \"" + "^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$" + "\"", schema: "^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$", parentSchema: schema34.anyOf[1].properties.hostKey, data: data2 };
                    if (vErrors === null) {
                        vErrors = [err10];
                    }
                    else {
                        vErrors.push(err10);
                    }
                    errors++;
                }
            }
        }
        if (data.sync !== undefined) {
            let data3 = data.sync;
            if (typeof data3 !== "boolean") {
                const err11 = { instancePath: instancePath + "/sync", schemaPath: "#/anyOf/1/properties/sync/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema34.anyOf[1].properties.sync.type, parentSchema: schema34.anyOf[1].properties.sync, data: data3 };
                if (vErrors === null) {
                    vErrors = [err11];
                }
                else {
                    vErrors.push(err11);
                }
                errors++;
            }
        }
    }
    else {
        const err12 = { instancePath, schemaPath: "#/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.anyOf[1].type, parentSchema: schema34.anyOf[1], data };
        if (vErrors === null) {
            vErrors = [err12];
        }
        else {
            vErrors.push(err12);
        }
        errors++;
    }
    var _valid0 = _errs3 === errors;
    valid0 = valid0 || _valid0;
} if (!valid0) {
    const err13 = { instancePath, schemaPath: "#/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf", schema: schema34.anyOf, parentSchema: schema34, data };
    if (vErrors === null) {
        vErrors = [err13];
    }
    else {
        vErrors.push(err13);
    }
    errors++;
}
else {
    errors = _errs0;
    if (vErrors !== null) {
        if (_errs0) {
            vErrors.length = _errs0;
        }
        else {
            vErrors = null;
        }
    }
} validate76.errors = vErrors; return errors === 0; }
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { /*# sourceURL="urn:hyperv-converge:config:1" */ ; let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property '" + "version" + "'", schema: schema6.required, parentSchema: schema6, data };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    if (data.project === undefined) {
        const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "project" }, message: "must have required property '" + "project" + "'", schema: schema6.required, parentSchema: schema6, data };
        if (vErrors === null) {
            vErrors = [err1];
        }
        else {
            vErrors.push(err1);
        }
        errors++;
    }
    if (data.vms === undefined) {
        const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "vms" }, message: "must have required property '" + "vms" + "'", schema: schema6.required, parentSchema: schema6, data };
        if (vErrors === null) {
            vErrors = [err2];
        }
        else {
            vErrors.push(err2);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!((((((((key0 === "version") || (key0 === "project")) || (key0 === "host")) || (key0 === "defaults")) || (key0 === "policy")) || (key0 === "ssh")) || (key0 === "switches")) || (key0 === "vms"))) {
            const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6, data };
            if (vErrors === null) {
                vErrors = [err3];
            }
            else {
                vErrors.push(err3);
            }
            errors++;
        }
    }
    if (data.version !== undefined) {
        let data0 = data.version;
        if (1 !== data0) {
            const err4 = { instancePath: instancePath + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant", schema: 1, parentSchema: schema6.properties.version, data: data0 };
            if (vErrors === null) {
                vErrors = [err4];
            }
            else {
                vErrors.push(err4);
            }
            errors++;
        }
    }
    if (data.project !== undefined) {
        let data1 = data.project;
        if (typeof data1 === "string") {
            if (!pattern0.test(data1)) {
                const err5 = { instancePath: instancePath + "/project", schemaPath: "#/properties/project/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$" }, message: "must match pattern \"" + "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$" + "\"", schema: "^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", parentSchema: schema6.properties.project, data: data1 };
                if (vErrors === null) {
                    vErrors = [err5];
                }
                else {
                    vErrors.push(err5);
                }
                errors++;
            }
        }
        else {
            const err6 = { instancePath: instancePath + "/project", schemaPath: "#/properties/project/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.project.type, parentSchema: schema6.properties.project, data: data1 };
            if (vErrors === null) {
                vErrors = [err6];
            }
            else {
                vErrors.push(err6);
            }
            errors++;
        }
    }
    if (data.host !== undefined) {
        let data2 = data.host;
        if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            for (const key1 in data2) {
                if (!(((key1 === "computerName") || (key1 === "concurrency")) || (key1 === "operationTimeout"))) {
                    const err7 = { instancePath: instancePath + "/host", schemaPath: "#/properties/host/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6.properties.host, data: data2 };
                    if (vErrors === null) {
                        vErrors = [err7];
                    }
                    else {
                        vErrors.push(err7);
                    }
                    errors++;
                }
            }
            if (data2.computerName !== undefined) {
                let data3 = data2.computerName;
                if ((typeof data3 !== "string") && (data3 !== null)) {
                    const err8 = { instancePath: instancePath + "/host/computerName", schemaPath: "#/properties/host/properties/computerName/type", keyword: "type", params: { type: schema6.properties.host.properties.computerName.type }, message: "must be string,null", schema: schema6.properties.host.properties.computerName.type, parentSchema: schema6.properties.host.properties.computerName, data: data3 };
                    if (vErrors === null) {
                        vErrors = [err8];
                    }
                    else {
                        vErrors.push(err8);
                    }
                    errors++;
                }
                if (typeof data3 === "string") {
                    if (!pattern1.test(data3)) {
                        const err9 = { instancePath: instancePath + "/host/computerName", schemaPath: "#/properties/host/properties/computerName/pattern", keyword: "pattern", params: { pattern: "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$" }, message: "must match pattern \"" + "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$" + "\"", schema: "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$", parentSchema: schema6.properties.host.properties.computerName, data: data3 };
                        if (vErrors === null) {
                            vErrors = [err9];
                        }
                        else {
                            vErrors.push(err9);
                        }
                        errors++;
                    }
                }
            }
            if (data2.concurrency !== undefined) {
                let data4 = data2.concurrency;
                if (!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) {
                    const err10 = { instancePath: instancePath + "/host/concurrency", schemaPath: "#/properties/host/properties/concurrency/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema6.properties.host.properties.concurrency.type, parentSchema: schema6.properties.host.properties.concurrency, data: data4 };
                    if (vErrors === null) {
                        vErrors = [err10];
                    }
                    else {
                        vErrors.push(err10);
                    }
                    errors++;
                }
                if ((typeof data4 == "number") && (isFinite(data4))) {
                    if (data4 > 32 || isNaN(data4)) {
                        const err11 = { instancePath: instancePath + "/host/concurrency", schemaPath: "#/properties/host/properties/concurrency/maximum", keyword: "maximum", params: { comparison: "<=", limit: 32 }, message: "must be <= 32", schema: 32, parentSchema: schema6.properties.host.properties.concurrency, data: data4 };
                        if (vErrors === null) {
                            vErrors = [err11];
                        }
                        else {
                            vErrors.push(err11);
                        }
                        errors++;
                    }
                    if (data4 < 1 || isNaN(data4)) {
                        const err12 = { instancePath: instancePath + "/host/concurrency", schemaPath: "#/properties/host/properties/concurrency/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema6.properties.host.properties.concurrency, data: data4 };
                        if (vErrors === null) {
                            vErrors = [err12];
                        }
                        else {
                            vErrors.push(err12);
                        }
                        errors++;
                    }
                }
            }
            if (data2.operationTimeout !== undefined) {
                let data5 = data2.operationTimeout;
                if (!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) {
                    const err13 = { instancePath: instancePath + "/host/operationTimeout", schemaPath: "#/properties/host/properties/operationTimeout/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema6.properties.host.properties.operationTimeout.type, parentSchema: schema6.properties.host.properties.operationTimeout, data: data5 };
                    if (vErrors === null) {
                        vErrors = [err13];
                    }
                    else {
                        vErrors.push(err13);
                    }
                    errors++;
                }
                if ((typeof data5 == "number") && (isFinite(data5))) {
                    if (data5 > 7200 || isNaN(data5)) {
                        const err14 = { instancePath: instancePath + "/host/operationTimeout", schemaPath: "#/properties/host/properties/operationTimeout/maximum", keyword: "maximum", params: { comparison: "<=", limit: 7200 }, message: "must be <= 7200", schema: 7200, parentSchema: schema6.properties.host.properties.operationTimeout, data: data5 };
                        if (vErrors === null) {
                            vErrors = [err14];
                        }
                        else {
                            vErrors.push(err14);
                        }
                        errors++;
                    }
                    if (data5 < 10 || isNaN(data5)) {
                        const err15 = { instancePath: instancePath + "/host/operationTimeout", schemaPath: "#/properties/host/properties/operationTimeout/minimum", keyword: "minimum", params: { comparison: ">=", limit: 10 }, message: "must be >= 10", schema: 10, parentSchema: schema6.properties.host.properties.operationTimeout, data: data5 };
                        if (vErrors === null) {
                            vErrors = [err15];
                        }
                        else {
                            vErrors.push(err15);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err16 = { instancePath: instancePath + "/host", schemaPath: "#/properties/host/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.properties.host.type, parentSchema: schema6.properties.host, data: data2 };
            if (vErrors === null) {
                vErrors = [err16];
            }
            else {
                vErrors.push(err16);
            }
            errors++;
        }
    }
    if (data.defaults !== undefined) {
        let data6 = data.defaults;
        if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            for (const key2 in data6) {
                if (!(func2.call(schema6.properties.defaults.properties, key2))) {
                    const err17 = { instancePath: instancePath + "/defaults", schemaPath: "#/properties/defaults/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6.properties.defaults, data: data6 };
                    if (vErrors === null) {
                        vErrors = [err17];
                    }
                    else {
                        vErrors.push(err17);
                    }
                    errors++;
                }
            }
            if (data6.state !== undefined) {
                if (!(validate22(data6.state, { instancePath: instancePath + "/defaults/state", parentData: data6, parentDataProperty: "state", rootData }))) {
                    vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.generation !== undefined) {
                if (!(validate24(data6.generation, { instancePath: instancePath + "/defaults/generation", parentData: data6, parentDataProperty: "generation", rootData }))) {
                    vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.cpus !== undefined) {
                if (!(validate26(data6.cpus, { instancePath: instancePath + "/defaults/cpus", parentData: data6, parentDataProperty: "cpus", rootData }))) {
                    vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.memory !== undefined) {
                if (!(validate28(data6.memory, { instancePath: instancePath + "/defaults/memory", parentData: data6, parentDataProperty: "memory", rootData }))) {
                    vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.secureBoot !== undefined) {
                if (!(validate30(data6.secureBoot, { instancePath: instancePath + "/defaults/secureBoot", parentData: data6, parentDataProperty: "secureBoot", rootData }))) {
                    vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.switch !== undefined) {
                if (!(validate32(data6.switch, { instancePath: instancePath + "/defaults/switch", parentData: data6, parentDataProperty: "switch", rootData }))) {
                    vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.mac !== undefined) {
                if (!(validate34(data6.mac, { instancePath: instancePath + "/defaults/mac", parentData: data6, parentDataProperty: "mac", rootData }))) {
                    vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.image !== undefined) {
                if (!(validate36(data6.image, { instancePath: instancePath + "/defaults/image", parentData: data6, parentDataProperty: "image", rootData }))) {
                    vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.disk !== undefined) {
                if (!(validate38(data6.disk, { instancePath: instancePath + "/defaults/disk", parentData: data6, parentDataProperty: "disk", rootData }))) {
                    vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.networkAdapters !== undefined) {
                if (!(validate40(data6.networkAdapters, { instancePath: instancePath + "/defaults/networkAdapters", parentData: data6, parentDataProperty: "networkAdapters", rootData }))) {
                    vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.dataDisks !== undefined) {
                if (!(validate42(data6.dataDisks, { instancePath: instancePath + "/defaults/dataDisks", parentData: data6, parentDataProperty: "dataDisks", rootData }))) {
                    vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.dvdDrives !== undefined) {
                if (!(validate44(data6.dvdDrives, { instancePath: instancePath + "/defaults/dvdDrives", parentData: data6, parentDataProperty: "dvdDrives", rootData }))) {
                    vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.cloudInit !== undefined) {
                if (!(validate46(data6.cloudInit, { instancePath: instancePath + "/defaults/cloudInit", parentData: data6, parentDataProperty: "cloudInit", rootData }))) {
                    vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.tpm !== undefined) {
                if (!(validate48(data6.tpm, { instancePath: instancePath + "/defaults/tpm", parentData: data6, parentDataProperty: "tpm", rootData }))) {
                    vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.secureBootTemplate !== undefined) {
                if (!(validate50(data6.secureBootTemplate, { instancePath: instancePath + "/defaults/secureBootTemplate", parentData: data6, parentDataProperty: "secureBootTemplate", rootData }))) {
                    vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.nestedVirtualization !== undefined) {
                if (!(validate52(data6.nestedVirtualization, { instancePath: instancePath + "/defaults/nestedVirtualization", parentData: data6, parentDataProperty: "nestedVirtualization", rootData }))) {
                    vErrors = vErrors === null ? validate52.errors : vErrors.concat(validate52.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.checkpointType !== undefined) {
                if (!(validate54(data6.checkpointType, { instancePath: instancePath + "/defaults/checkpointType", parentData: data6, parentDataProperty: "checkpointType", rootData }))) {
                    vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.automaticStartAction !== undefined) {
                if (!(validate56(data6.automaticStartAction, { instancePath: instancePath + "/defaults/automaticStartAction", parentData: data6, parentDataProperty: "automaticStartAction", rootData }))) {
                    vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.automaticStartDelay !== undefined) {
                if (!(validate58(data6.automaticStartDelay, { instancePath: instancePath + "/defaults/automaticStartDelay", parentData: data6, parentDataProperty: "automaticStartDelay", rootData }))) {
                    vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.automaticStopAction !== undefined) {
                if (!(validate60(data6.automaticStopAction, { instancePath: instancePath + "/defaults/automaticStopAction", parentData: data6, parentDataProperty: "automaticStopAction", rootData }))) {
                    vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.compatibilityForMigration !== undefined) {
                if (!(validate62(data6.compatibilityForMigration, { instancePath: instancePath + "/defaults/compatibilityForMigration", parentData: data6, parentDataProperty: "compatibilityForMigration", rootData }))) {
                    vErrors = vErrors === null ? validate62.errors : vErrors.concat(validate62.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.memoryWeight !== undefined) {
                if (!(validate64(data6.memoryWeight, { instancePath: instancePath + "/defaults/memoryWeight", parentData: data6, parentDataProperty: "memoryWeight", rootData }))) {
                    vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.memoryBuffer !== undefined) {
                if (!(validate66(data6.memoryBuffer, { instancePath: instancePath + "/defaults/memoryBuffer", parentData: data6, parentDataProperty: "memoryBuffer", rootData }))) {
                    vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.firstBootDevice !== undefined) {
                if (!(validate68(data6.firstBootDevice, { instancePath: instancePath + "/defaults/firstBootDevice", parentData: data6, parentDataProperty: "firstBootDevice", rootData }))) {
                    vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.integrationServices !== undefined) {
                if (!(validate70(data6.integrationServices, { instancePath: instancePath + "/defaults/integrationServices", parentData: data6, parentDataProperty: "integrationServices", rootData }))) {
                    vErrors = vErrors === null ? validate70.errors : vErrors.concat(validate70.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.path !== undefined) {
                if (!(validate72(data6.path, { instancePath: instancePath + "/defaults/path", parentData: data6, parentDataProperty: "path", rootData }))) {
                    vErrors = vErrors === null ? validate72.errors : vErrors.concat(validate72.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.notes !== undefined) {
                if (!(validate74(data6.notes, { instancePath: instancePath + "/defaults/notes", parentData: data6, parentDataProperty: "notes", rootData }))) {
                    vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
                    errors = vErrors.length;
                }
            }
            if (data6.ssh !== undefined) {
                if (!(validate76(data6.ssh, { instancePath: instancePath + "/defaults/ssh", parentData: data6, parentDataProperty: "ssh", rootData }))) {
                    vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
                    errors = vErrors.length;
                }
            }
        }
        else {
            const err18 = { instancePath: instancePath + "/defaults", schemaPath: "#/properties/defaults/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.properties.defaults.type, parentSchema: schema6.properties.defaults, data: data6 };
            if (vErrors === null) {
                vErrors = [err18];
            }
            else {
                vErrors.push(err18);
            }
            errors++;
        }
    }
    if (data.policy !== undefined) {
        let data35 = data.policy;
        if (data35 && typeof data35 == "object" && !Array.isArray(data35)) {
            for (const key3 in data35) {
                if (!(((((((key3 === "protect") || (key3 === "allowRestart")) || (key3 === "allowTurnOff")) || (key3 === "maxDisruptive")) || (key3 === "prune")) || (key3 === "checkpointBeforeDisruptive")) || (key3 === "stopTimeout"))) {
                    const err19 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6.properties.policy, data: data35 };
                    if (vErrors === null) {
                        vErrors = [err19];
                    }
                    else {
                        vErrors.push(err19);
                    }
                    errors++;
                }
            }
            if (data35.protect !== undefined) {
                let data36 = data35.protect;
                if (Array.isArray(data36)) {
                    const len0 = data36.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                        let data37 = data36[i0];
                        if (typeof data37 === "string") {
                            if (func3(data37) < 1) {
                                const err20 = { instancePath: instancePath + "/policy/protect/" + i0, schemaPath: "#/properties/policy/properties/protect/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema6.properties.policy.properties.protect.items, data: data37 };
                                if (vErrors === null) {
                                    vErrors = [err20];
                                }
                                else {
                                    vErrors.push(err20);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err21 = { instancePath: instancePath + "/policy/protect/" + i0, schemaPath: "#/properties/policy/properties/protect/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.policy.properties.protect.items.type, parentSchema: schema6.properties.policy.properties.protect.items, data: data37 };
                            if (vErrors === null) {
                                vErrors = [err21];
                            }
                            else {
                                vErrors.push(err21);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err22 = { instancePath: instancePath + "/policy/protect", schemaPath: "#/properties/policy/properties/protect/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema6.properties.policy.properties.protect.type, parentSchema: schema6.properties.policy.properties.protect, data: data36 };
                    if (vErrors === null) {
                        vErrors = [err22];
                    }
                    else {
                        vErrors.push(err22);
                    }
                    errors++;
                }
            }
            if (data35.allowRestart !== undefined) {
                let data38 = data35.allowRestart;
                if (typeof data38 !== "boolean") {
                    const err23 = { instancePath: instancePath + "/policy/allowRestart", schemaPath: "#/properties/policy/properties/allowRestart/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema6.properties.policy.properties.allowRestart.type, parentSchema: schema6.properties.policy.properties.allowRestart, data: data38 };
                    if (vErrors === null) {
                        vErrors = [err23];
                    }
                    else {
                        vErrors.push(err23);
                    }
                    errors++;
                }
            }
            if (data35.allowTurnOff !== undefined) {
                let data39 = data35.allowTurnOff;
                if (typeof data39 !== "boolean") {
                    const err24 = { instancePath: instancePath + "/policy/allowTurnOff", schemaPath: "#/properties/policy/properties/allowTurnOff/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema6.properties.policy.properties.allowTurnOff.type, parentSchema: schema6.properties.policy.properties.allowTurnOff, data: data39 };
                    if (vErrors === null) {
                        vErrors = [err24];
                    }
                    else {
                        vErrors.push(err24);
                    }
                    errors++;
                }
            }
            if (data35.maxDisruptive !== undefined) {
                let data40 = data35.maxDisruptive;
                if (!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))) {
                    const err25 = { instancePath: instancePath + "/policy/maxDisruptive", schemaPath: "#/properties/policy/properties/maxDisruptive/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema6.properties.policy.properties.maxDisruptive.type, parentSchema: schema6.properties.policy.properties.maxDisruptive, data: data40 };
                    if (vErrors === null) {
                        vErrors = [err25];
                    }
                    else {
                        vErrors.push(err25);
                    }
                    errors++;
                }
                if ((typeof data40 == "number") && (isFinite(data40))) {
                    if (data40 < 0 || isNaN(data40)) {
                        const err26 = { instancePath: instancePath + "/policy/maxDisruptive", schemaPath: "#/properties/policy/properties/maxDisruptive/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema6.properties.policy.properties.maxDisruptive, data: data40 };
                        if (vErrors === null) {
                            vErrors = [err26];
                        }
                        else {
                            vErrors.push(err26);
                        }
                        errors++;
                    }
                }
            }
            if (data35.prune !== undefined) {
                let data41 = data35.prune;
                if (typeof data41 !== "boolean") {
                    const err27 = { instancePath: instancePath + "/policy/prune", schemaPath: "#/properties/policy/properties/prune/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema6.properties.policy.properties.prune.type, parentSchema: schema6.properties.policy.properties.prune, data: data41 };
                    if (vErrors === null) {
                        vErrors = [err27];
                    }
                    else {
                        vErrors.push(err27);
                    }
                    errors++;
                }
            }
            if (data35.checkpointBeforeDisruptive !== undefined) {
                let data42 = data35.checkpointBeforeDisruptive;
                if (typeof data42 !== "boolean") {
                    const err28 = { instancePath: instancePath + "/policy/checkpointBeforeDisruptive", schemaPath: "#/properties/policy/properties/checkpointBeforeDisruptive/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema6.properties.policy.properties.checkpointBeforeDisruptive.type, parentSchema: schema6.properties.policy.properties.checkpointBeforeDisruptive, data: data42 };
                    if (vErrors === null) {
                        vErrors = [err28];
                    }
                    else {
                        vErrors.push(err28);
                    }
                    errors++;
                }
            }
            if (data35.stopTimeout !== undefined) {
                let data43 = data35.stopTimeout;
                if (!(((typeof data43 == "number") && (!(data43 % 1) && !isNaN(data43))) && (isFinite(data43)))) {
                    const err29 = { instancePath: instancePath + "/policy/stopTimeout", schemaPath: "#/properties/policy/properties/stopTimeout/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema6.properties.policy.properties.stopTimeout.type, parentSchema: schema6.properties.policy.properties.stopTimeout, data: data43 };
                    if (vErrors === null) {
                        vErrors = [err29];
                    }
                    else {
                        vErrors.push(err29);
                    }
                    errors++;
                }
                if ((typeof data43 == "number") && (isFinite(data43))) {
                    if (data43 > 3600 || isNaN(data43)) {
                        const err30 = { instancePath: instancePath + "/policy/stopTimeout", schemaPath: "#/properties/policy/properties/stopTimeout/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3600 }, message: "must be <= 3600", schema: 3600, parentSchema: schema6.properties.policy.properties.stopTimeout, data: data43 };
                        if (vErrors === null) {
                            vErrors = [err30];
                        }
                        else {
                            vErrors.push(err30);
                        }
                        errors++;
                    }
                    if (data43 < 5 || isNaN(data43)) {
                        const err31 = { instancePath: instancePath + "/policy/stopTimeout", schemaPath: "#/properties/policy/properties/stopTimeout/minimum", keyword: "minimum", params: { comparison: ">=", limit: 5 }, message: "must be >= 5", schema: 5, parentSchema: schema6.properties.policy.properties.stopTimeout, data: data43 };
                        if (vErrors === null) {
                            vErrors = [err31];
                        }
                        else {
                            vErrors.push(err31);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err32 = { instancePath: instancePath + "/policy", schemaPath: "#/properties/policy/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.properties.policy.type, parentSchema: schema6.properties.policy, data: data35 };
            if (vErrors === null) {
                vErrors = [err32];
            }
            else {
                vErrors.push(err32);
            }
            errors++;
        }
    }
    if (data.ssh !== undefined) {
        let data44 = data.ssh;
        if (data44 && typeof data44 == "object" && !Array.isArray(data44)) {
            if (data44.user === undefined) {
                const err33 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/required", keyword: "required", params: { missingProperty: "user" }, message: "must have required property '" + "user" + "'", schema: schema6.properties.ssh.required, parentSchema: schema6.properties.ssh, data: data44 };
                if (vErrors === null) {
                    vErrors = [err33];
                }
                else {
                    vErrors.push(err33);
                }
                errors++;
            }
            if (data44.privateKeyEnv === undefined) {
                const err34 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/required", keyword: "required", params: { missingProperty: "privateKeyEnv" }, message: "must have required property '" + "privateKeyEnv" + "'", schema: schema6.properties.ssh.required, parentSchema: schema6.properties.ssh, data: data44 };
                if (vErrors === null) {
                    vErrors = [err34];
                }
                else {
                    vErrors.push(err34);
                }
                errors++;
            }
            for (const key4 in data44) {
                if (!((((((((key4 === "user") || (key4 === "port")) || (key4 === "privateKeyEnv")) || (key4 === "hostKeys")) || (key4 === "knownHostsFile")) || (key4 === "hosts")) || (key4 === "ipv6")) || (key4 === "discoveryTimeout"))) {
                    const err35 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6.properties.ssh, data: data44 };
                    if (vErrors === null) {
                        vErrors = [err35];
                    }
                    else {
                        vErrors.push(err35);
                    }
                    errors++;
                }
            }
            if (data44.user !== undefined) {
                let data45 = data44.user;
                if (typeof data45 === "string") {
                    if (func3(data45) > 32) {
                        const err36 = { instancePath: instancePath + "/ssh/user", schemaPath: "#/properties/ssh/properties/user/maxLength", keyword: "maxLength", params: { limit: 32 }, message: "must NOT have more than 32 characters", schema: 32, parentSchema: schema6.properties.ssh.properties.user, data: data45 };
                        if (vErrors === null) {
                            vErrors = [err36];
                        }
                        else {
                            vErrors.push(err36);
                        }
                        errors++;
                    }
                    if (!pattern18.test(data45)) {
                        const err37 = { instancePath: instancePath + "/ssh/user", schemaPath: "#/properties/ssh/properties/user/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$" }, message: "must match pattern \"" + "^[A-Za-z0-9_][A-Za-z0-9_.-]*$" + "\"", schema: "^[A-Za-z0-9_][A-Za-z0-9_.-]*$", parentSchema: schema6.properties.ssh.properties.user, data: data45 };
                        if (vErrors === null) {
                            vErrors = [err37];
                        }
                        else {
                            vErrors.push(err37);
                        }
                        errors++;
                    }
                }
                else {
                    const err38 = { instancePath: instancePath + "/ssh/user", schemaPath: "#/properties/ssh/properties/user/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.ssh.properties.user.type, parentSchema: schema6.properties.ssh.properties.user, data: data45 };
                    if (vErrors === null) {
                        vErrors = [err38];
                    }
                    else {
                        vErrors.push(err38);
                    }
                    errors++;
                }
            }
            if (data44.port !== undefined) {
                let data46 = data44.port;
                if (!(((typeof data46 == "number") && (!(data46 % 1) && !isNaN(data46))) && (isFinite(data46)))) {
                    const err39 = { instancePath: instancePath + "/ssh/port", schemaPath: "#/properties/ssh/properties/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema6.properties.ssh.properties.port.type, parentSchema: schema6.properties.ssh.properties.port, data: data46 };
                    if (vErrors === null) {
                        vErrors = [err39];
                    }
                    else {
                        vErrors.push(err39);
                    }
                    errors++;
                }
                if ((typeof data46 == "number") && (isFinite(data46))) {
                    if (data46 > 65535 || isNaN(data46)) {
                        const err40 = { instancePath: instancePath + "/ssh/port", schemaPath: "#/properties/ssh/properties/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535", schema: 65535, parentSchema: schema6.properties.ssh.properties.port, data: data46 };
                        if (vErrors === null) {
                            vErrors = [err40];
                        }
                        else {
                            vErrors.push(err40);
                        }
                        errors++;
                    }
                    if (data46 < 1 || isNaN(data46)) {
                        const err41 = { instancePath: instancePath + "/ssh/port", schemaPath: "#/properties/ssh/properties/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema6.properties.ssh.properties.port, data: data46 };
                        if (vErrors === null) {
                            vErrors = [err41];
                        }
                        else {
                            vErrors.push(err41);
                        }
                        errors++;
                    }
                }
            }
            if (data44.privateKeyEnv !== undefined) {
                let data47 = data44.privateKeyEnv;
                if (typeof data47 === "string") {
                    if (!pattern21.test(data47)) {
                        const err42 = { instancePath: instancePath + "/ssh/privateKeyEnv", schemaPath: "#/properties/ssh/properties/privateKeyEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: "must match pattern \"" + "^[A-Za-z_][A-Za-z0-9_]*$" + "\"", schema: "^[A-Za-z_][A-Za-z0-9_]*$", parentSchema: schema6.properties.ssh.properties.privateKeyEnv, data: data47 };
                        if (vErrors === null) {
                            vErrors = [err42];
                        }
                        else {
                            vErrors.push(err42);
                        }
                        errors++;
                    }
                }
                else {
                    const err43 = { instancePath: instancePath + "/ssh/privateKeyEnv", schemaPath: "#/properties/ssh/properties/privateKeyEnv/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.ssh.properties.privateKeyEnv.type, parentSchema: schema6.properties.ssh.properties.privateKeyEnv, data: data47 };
                    if (vErrors === null) {
                        vErrors = [err43];
                    }
                    else {
                        vErrors.push(err43);
                    }
                    errors++;
                }
            }
            if (data44.hostKeys !== undefined) {
                let data48 = data44.hostKeys;
                if (data48 && typeof data48 == "object" && !Array.isArray(data48)) {
                    for (const key5 in data48) {
                        let data49 = data48[key5];
                        if (typeof data49 === "string") {
                            if (!pattern19.test(data49)) {
                                const err44 = { instancePath: instancePath + "/ssh/hostKeys/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/ssh/properties/hostKeys/additionalProperties/pattern", keyword: "pattern", params: { pattern: "^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$" }, message: "must match pattern \"" + "^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$" + "\"", schema: "^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$", parentSchema: schema6.properties.ssh.properties.hostKeys.additionalProperties, data: data49 };
                                if (vErrors === null) {
                                    vErrors = [err44];
                                }
                                else {
                                    vErrors.push(err44);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err45 = { instancePath: instancePath + "/ssh/hostKeys/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/ssh/properties/hostKeys/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.ssh.properties.hostKeys.additionalProperties.type, parentSchema: schema6.properties.ssh.properties.hostKeys.additionalProperties, data: data49 };
                            if (vErrors === null) {
                                vErrors = [err45];
                            }
                            else {
                                vErrors.push(err45);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err46 = { instancePath: instancePath + "/ssh/hostKeys", schemaPath: "#/properties/ssh/properties/hostKeys/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.properties.ssh.properties.hostKeys.type, parentSchema: schema6.properties.ssh.properties.hostKeys, data: data48 };
                    if (vErrors === null) {
                        vErrors = [err46];
                    }
                    else {
                        vErrors.push(err46);
                    }
                    errors++;
                }
            }
            if (data44.knownHostsFile !== undefined) {
                let data50 = data44.knownHostsFile;
                if (typeof data50 === "string") {
                    if (func3(data50) < 1) {
                        const err47 = { instancePath: instancePath + "/ssh/knownHostsFile", schemaPath: "#/properties/ssh/properties/knownHostsFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema6.properties.ssh.properties.knownHostsFile, data: data50 };
                        if (vErrors === null) {
                            vErrors = [err47];
                        }
                        else {
                            vErrors.push(err47);
                        }
                        errors++;
                    }
                }
                else {
                    const err48 = { instancePath: instancePath + "/ssh/knownHostsFile", schemaPath: "#/properties/ssh/properties/knownHostsFile/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.ssh.properties.knownHostsFile.type, parentSchema: schema6.properties.ssh.properties.knownHostsFile, data: data50 };
                    if (vErrors === null) {
                        vErrors = [err48];
                    }
                    else {
                        vErrors.push(err48);
                    }
                    errors++;
                }
            }
            if (data44.hosts !== undefined) {
                let data51 = data44.hosts;
                if (data51 && typeof data51 == "object" && !Array.isArray(data51)) {
                    for (const key6 in data51) {
                        if (!(key6 === "sync")) {
                            const err49 = { instancePath: instancePath + "/ssh/hosts", schemaPath: "#/properties/ssh/properties/hosts/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6.properties.ssh.properties.hosts, data: data51 };
                            if (vErrors === null) {
                                vErrors = [err49];
                            }
                            else {
                                vErrors.push(err49);
                            }
                            errors++;
                        }
                    }
                    if (data51.sync !== undefined) {
                        let data52 = data51.sync;
                        if (typeof data52 !== "boolean") {
                            const err50 = { instancePath: instancePath + "/ssh/hosts/sync", schemaPath: "#/properties/ssh/properties/hosts/properties/sync/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema6.properties.ssh.properties.hosts.properties.sync.type, parentSchema: schema6.properties.ssh.properties.hosts.properties.sync, data: data52 };
                            if (vErrors === null) {
                                vErrors = [err50];
                            }
                            else {
                                vErrors.push(err50);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err51 = { instancePath: instancePath + "/ssh/hosts", schemaPath: "#/properties/ssh/properties/hosts/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.properties.ssh.properties.hosts.type, parentSchema: schema6.properties.ssh.properties.hosts, data: data51 };
                    if (vErrors === null) {
                        vErrors = [err51];
                    }
                    else {
                        vErrors.push(err51);
                    }
                    errors++;
                }
            }
            if (data44.ipv6 !== undefined) {
                let data53 = data44.ipv6;
                if (typeof data53 !== "boolean") {
                    const err52 = { instancePath: instancePath + "/ssh/ipv6", schemaPath: "#/properties/ssh/properties/ipv6/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema6.properties.ssh.properties.ipv6.type, parentSchema: schema6.properties.ssh.properties.ipv6, data: data53 };
                    if (vErrors === null) {
                        vErrors = [err52];
                    }
                    else {
                        vErrors.push(err52);
                    }
                    errors++;
                }
            }
            if (data44.discoveryTimeout !== undefined) {
                let data54 = data44.discoveryTimeout;
                if (!(((typeof data54 == "number") && (!(data54 % 1) && !isNaN(data54))) && (isFinite(data54)))) {
                    const err53 = { instancePath: instancePath + "/ssh/discoveryTimeout", schemaPath: "#/properties/ssh/properties/discoveryTimeout/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema6.properties.ssh.properties.discoveryTimeout.type, parentSchema: schema6.properties.ssh.properties.discoveryTimeout, data: data54 };
                    if (vErrors === null) {
                        vErrors = [err53];
                    }
                    else {
                        vErrors.push(err53);
                    }
                    errors++;
                }
                if ((typeof data54 == "number") && (isFinite(data54))) {
                    if (data54 > 3600 || isNaN(data54)) {
                        const err54 = { instancePath: instancePath + "/ssh/discoveryTimeout", schemaPath: "#/properties/ssh/properties/discoveryTimeout/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3600 }, message: "must be <= 3600", schema: 3600, parentSchema: schema6.properties.ssh.properties.discoveryTimeout, data: data54 };
                        if (vErrors === null) {
                            vErrors = [err54];
                        }
                        else {
                            vErrors.push(err54);
                        }
                        errors++;
                    }
                    if (data54 < 5 || isNaN(data54)) {
                        const err55 = { instancePath: instancePath + "/ssh/discoveryTimeout", schemaPath: "#/properties/ssh/properties/discoveryTimeout/minimum", keyword: "minimum", params: { comparison: ">=", limit: 5 }, message: "must be >= 5", schema: 5, parentSchema: schema6.properties.ssh.properties.discoveryTimeout, data: data54 };
                        if (vErrors === null) {
                            vErrors = [err55];
                        }
                        else {
                            vErrors.push(err55);
                        }
                        errors++;
                    }
                }
            }
        }
        else {
            const err56 = { instancePath: instancePath + "/ssh", schemaPath: "#/properties/ssh/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.properties.ssh.type, parentSchema: schema6.properties.ssh, data: data44 };
            if (vErrors === null) {
                vErrors = [err56];
            }
            else {
                vErrors.push(err56);
            }
            errors++;
        }
    }
    if (data.switches !== undefined) {
        let data55 = data.switches;
        if (Array.isArray(data55)) {
            if (data55.length > 64) {
                const err57 = { instancePath: instancePath + "/switches", schemaPath: "#/properties/switches/maxItems", keyword: "maxItems", params: { limit: 64 }, message: "must NOT have more than 64 items", schema: 64, parentSchema: schema6.properties.switches, data: data55 };
                if (vErrors === null) {
                    vErrors = [err57];
                }
                else {
                    vErrors.push(err57);
                }
                errors++;
            }
            const len1 = data55.length;
            for (let i1 = 0; i1 < len1; i1++) {
                let data56 = data55[i1];
                if (data56 && typeof data56 == "object" && !Array.isArray(data56)) {
                    if (data56.name === undefined) {
                        const err58 = { instancePath: instancePath + "/switches/" + i1, schemaPath: "#/properties/switches/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'", schema: schema6.properties.switches.items.required, parentSchema: schema6.properties.switches.items, data: data56 };
                        if (vErrors === null) {
                            vErrors = [err58];
                        }
                        else {
                            vErrors.push(err58);
                        }
                        errors++;
                    }
                    if (data56.type === undefined) {
                        const err59 = { instancePath: instancePath + "/switches/" + i1, schemaPath: "#/properties/switches/items/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property '" + "type" + "'", schema: schema6.properties.switches.items.required, parentSchema: schema6.properties.switches.items, data: data56 };
                        if (vErrors === null) {
                            vErrors = [err59];
                        }
                        else {
                            vErrors.push(err59);
                        }
                        errors++;
                    }
                    for (const key7 in data56) {
                        if (!((((key7 === "name") || (key7 === "type")) || (key7 === "nat")) || (key7 === "state"))) {
                            const err60 = { instancePath: instancePath + "/switches/" + i1, schemaPath: "#/properties/switches/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6.properties.switches.items, data: data56 };
                            if (vErrors === null) {
                                vErrors = [err60];
                            }
                            else {
                                vErrors.push(err60);
                            }
                            errors++;
                        }
                    }
                    if (data56.name !== undefined) {
                        let data57 = data56.name;
                        if (typeof data57 === "string") {
                            if (func3(data57) > 100) {
                                const err61 = { instancePath: instancePath + "/switches/" + i1 + "/name", schemaPath: "#/properties/switches/items/properties/name/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema6.properties.switches.items.properties.name, data: data57 };
                                if (vErrors === null) {
                                    vErrors = [err61];
                                }
                                else {
                                    vErrors.push(err61);
                                }
                                errors++;
                            }
                            if (func3(data57) < 1) {
                                const err62 = { instancePath: instancePath + "/switches/" + i1 + "/name", schemaPath: "#/properties/switches/items/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema6.properties.switches.items.properties.name, data: data57 };
                                if (vErrors === null) {
                                    vErrors = [err62];
                                }
                                else {
                                    vErrors.push(err62);
                                }
                                errors++;
                            }
                            if (!pattern23.test(data57)) {
                                const err63 = { instancePath: instancePath + "/switches/" + i1 + "/name", schemaPath: "#/properties/switches/items/properties/name/pattern", keyword: "pattern", params: { pattern: "^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$" }, message: "must match pattern \"" + "^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$" + "\"", schema: "^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$", parentSchema: schema6.properties.switches.items.properties.name, data: data57 };
                                if (vErrors === null) {
                                    vErrors = [err63];
                                }
                                else {
                                    vErrors.push(err63);
                                }
                                errors++;
                            }
                        }
                        else {
                            const err64 = { instancePath: instancePath + "/switches/" + i1 + "/name", schemaPath: "#/properties/switches/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.switches.items.properties.name.type, parentSchema: schema6.properties.switches.items.properties.name, data: data57 };
                            if (vErrors === null) {
                                vErrors = [err64];
                            }
                            else {
                                vErrors.push(err64);
                            }
                            errors++;
                        }
                    }
                    if (data56.type !== undefined) {
                        let data58 = data56.type;
                        if (typeof data58 !== "string") {
                            const err65 = { instancePath: instancePath + "/switches/" + i1 + "/type", schemaPath: "#/properties/switches/items/properties/type/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.switches.items.properties.type.type, parentSchema: schema6.properties.switches.items.properties.type, data: data58 };
                            if (vErrors === null) {
                                vErrors = [err65];
                            }
                            else {
                                vErrors.push(err65);
                            }
                            errors++;
                        }
                        if (!(((data58 === "Internal") || (data58 === "Private")) || (data58 === "External"))) {
                            const err66 = { instancePath: instancePath + "/switches/" + i1 + "/type", schemaPath: "#/properties/switches/items/properties/type/enum", keyword: "enum", params: { allowedValues: schema6.properties.switches.items.properties.type.enum }, message: "must be equal to one of the allowed values", schema: schema6.properties.switches.items.properties.type.enum, parentSchema: schema6.properties.switches.items.properties.type, data: data58 };
                            if (vErrors === null) {
                                vErrors = [err66];
                            }
                            else {
                                vErrors.push(err66);
                            }
                            errors++;
                        }
                    }
                    if (data56.nat !== undefined) {
                        let data59 = data56.nat;
                        if (data59 && typeof data59 == "object" && !Array.isArray(data59)) {
                            if (data59.subnet === undefined) {
                                const err67 = { instancePath: instancePath + "/switches/" + i1 + "/nat", schemaPath: "#/properties/switches/items/properties/nat/required", keyword: "required", params: { missingProperty: "subnet" }, message: "must have required property '" + "subnet" + "'", schema: schema6.properties.switches.items.properties.nat.required, parentSchema: schema6.properties.switches.items.properties.nat, data: data59 };
                                if (vErrors === null) {
                                    vErrors = [err67];
                                }
                                else {
                                    vErrors.push(err67);
                                }
                                errors++;
                            }
                            for (const key8 in data59) {
                                if (!(key8 === "subnet")) {
                                    const err68 = { instancePath: instancePath + "/switches/" + i1 + "/nat", schemaPath: "#/properties/switches/items/properties/nat/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema6.properties.switches.items.properties.nat, data: data59 };
                                    if (vErrors === null) {
                                        vErrors = [err68];
                                    }
                                    else {
                                        vErrors.push(err68);
                                    }
                                    errors++;
                                }
                            }
                            if (data59.subnet !== undefined) {
                                let data60 = data59.subnet;
                                if (typeof data60 === "string") {
                                    if (!pattern24.test(data60)) {
                                        const err69 = { instancePath: instancePath + "/switches/" + i1 + "/nat/subnet", schemaPath: "#/properties/switches/items/properties/nat/properties/subnet/pattern", keyword: "pattern", params: { pattern: "^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([89]|[12][0-9]|30)$" }, message: "must match pattern \"" + "^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([89]|[12][0-9]|30)$" + "\"", schema: "^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([89]|[12][0-9]|30)$", parentSchema: schema6.properties.switches.items.properties.nat.properties.subnet, data: data60 };
                                        if (vErrors === null) {
                                            vErrors = [err69];
                                        }
                                        else {
                                            vErrors.push(err69);
                                        }
                                        errors++;
                                    }
                                }
                                else {
                                    const err70 = { instancePath: instancePath + "/switches/" + i1 + "/nat/subnet", schemaPath: "#/properties/switches/items/properties/nat/properties/subnet/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.switches.items.properties.nat.properties.subnet.type, parentSchema: schema6.properties.switches.items.properties.nat.properties.subnet, data: data60 };
                                    if (vErrors === null) {
                                        vErrors = [err70];
                                    }
                                    else {
                                        vErrors.push(err70);
                                    }
                                    errors++;
                                }
                            }
                        }
                        else {
                            const err71 = { instancePath: instancePath + "/switches/" + i1 + "/nat", schemaPath: "#/properties/switches/items/properties/nat/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.properties.switches.items.properties.nat.type, parentSchema: schema6.properties.switches.items.properties.nat, data: data59 };
                            if (vErrors === null) {
                                vErrors = [err71];
                            }
                            else {
                                vErrors.push(err71);
                            }
                            errors++;
                        }
                    }
                    if (data56.state !== undefined) {
                        let data61 = data56.state;
                        if (typeof data61 !== "string") {
                            const err72 = { instancePath: instancePath + "/switches/" + i1 + "/state", schemaPath: "#/properties/switches/items/properties/state/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema6.properties.switches.items.properties.state.type, parentSchema: schema6.properties.switches.items.properties.state, data: data61 };
                            if (vErrors === null) {
                                vErrors = [err72];
                            }
                            else {
                                vErrors.push(err72);
                            }
                            errors++;
                        }
                        if (!((data61 === "present") || (data61 === "absent"))) {
                            const err73 = { instancePath: instancePath + "/switches/" + i1 + "/state", schemaPath: "#/properties/switches/items/properties/state/enum", keyword: "enum", params: { allowedValues: schema6.properties.switches.items.properties.state.enum }, message: "must be equal to one of the allowed values", schema: schema6.properties.switches.items.properties.state.enum, parentSchema: schema6.properties.switches.items.properties.state, data: data61 };
                            if (vErrors === null) {
                                vErrors = [err73];
                            }
                            else {
                                vErrors.push(err73);
                            }
                            errors++;
                        }
                    }
                }
                else {
                    const err74 = { instancePath: instancePath + "/switches/" + i1, schemaPath: "#/properties/switches/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.properties.switches.items.type, parentSchema: schema6.properties.switches.items, data: data56 };
                    if (vErrors === null) {
                        vErrors = [err74];
                    }
                    else {
                        vErrors.push(err74);
                    }
                    errors++;
                }
            }
        }
        else {
            const err75 = { instancePath: instancePath + "/switches", schemaPath: "#/properties/switches/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema6.properties.switches.type, parentSchema: schema6.properties.switches, data: data55 };
            if (vErrors === null) {
                vErrors = [err75];
            }
            else {
                vErrors.push(err75);
            }
            errors++;
        }
    }
    if (data.vms !== undefined) {
        let data62 = data.vms;
        if (!(Array.isArray(data62))) {
            const err76 = { instancePath: instancePath + "/vms", schemaPath: "#/properties/vms/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema6.properties.vms.type, parentSchema: schema6.properties.vms, data: data62 };
            if (vErrors === null) {
                vErrors = [err76];
            }
            else {
                vErrors.push(err76);
            }
            errors++;
        }
    }
}
else {
    const err77 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema6.type, parentSchema: schema6, data };
    if (vErrors === null) {
        vErrors = [err77];
    }
    else {
        vErrors.push(err77);
    }
    errors++;
} validate21.errors = vErrors; return errors === 0; }
const validateConfigVm_fn = validate78;
const schema35 = { "type": "object", "description": "One VM. Fields it does not set come from defaults, then from the built-in defaults.", "additionalProperties": false, "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$", "description": "VM name on the host, unique in this file (case-insensitively). 1 to 100 characters; no * ? [ ] ` \\ / : \" < > | or control characters, no surrounding spaces, no trailing dot." }, "state": { "$ref": "urn:hyperv-converge:config:vm-field:state" }, "generation": { "$ref": "urn:hyperv-converge:config:vm-field:generation" }, "cpus": { "$ref": "urn:hyperv-converge:config:vm-field:cpus" }, "memory": { "$ref": "urn:hyperv-converge:config:vm-field:memory" }, "secureBoot": { "$ref": "urn:hyperv-converge:config:vm-field:secureBoot" }, "switch": { "$ref": "urn:hyperv-converge:config:vm-field:switch" }, "mac": { "$ref": "urn:hyperv-converge:config:vm-field:mac" }, "image": { "$ref": "urn:hyperv-converge:config:vm-field:image" }, "disk": { "$ref": "urn:hyperv-converge:config:vm-field:disk" }, "networkAdapters": { "$ref": "urn:hyperv-converge:config:vm-field:networkAdapters" }, "dataDisks": { "$ref": "urn:hyperv-converge:config:vm-field:dataDisks" }, "dvdDrives": { "$ref": "urn:hyperv-converge:config:vm-field:dvdDrives" }, "cloudInit": { "$ref": "urn:hyperv-converge:config:vm-field:cloudInit" }, "tpm": { "$ref": "urn:hyperv-converge:config:vm-field:tpm" }, "secureBootTemplate": { "$ref": "urn:hyperv-converge:config:vm-field:secureBootTemplate" }, "nestedVirtualization": { "$ref": "urn:hyperv-converge:config:vm-field:nestedVirtualization" }, "checkpointType": { "$ref": "urn:hyperv-converge:config:vm-field:checkpointType" }, "automaticStartAction": { "$ref": "urn:hyperv-converge:config:vm-field:automaticStartAction" }, "automaticStartDelay": { "$ref": "urn:hyperv-converge:config:vm-field:automaticStartDelay" }, "automaticStopAction": { "$ref": "urn:hyperv-converge:config:vm-field:automaticStopAction" }, "compatibilityForMigration": { "$ref": "urn:hyperv-converge:config:vm-field:compatibilityForMigration" }, "memoryWeight": { "$ref": "urn:hyperv-converge:config:vm-field:memoryWeight" }, "memoryBuffer": { "$ref": "urn:hyperv-converge:config:vm-field:memoryBuffer" }, "firstBootDevice": { "$ref": "urn:hyperv-converge:config:vm-field:firstBootDevice" }, "integrationServices": { "$ref": "urn:hyperv-converge:config:vm-field:integrationServices" }, "path": { "$ref": "urn:hyperv-converge:config:vm-field:path" }, "notes": { "$ref": "urn:hyperv-converge:config:vm-field:notes" }, "ssh": { "$ref": "urn:hyperv-converge:config:vm-field:ssh" } } };
function validate78(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) { let vErrors = null; let errors = 0; if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === undefined) {
        const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property '" + "name" + "'", schema: schema35.required, parentSchema: schema35, data };
        if (vErrors === null) {
            vErrors = [err0];
        }
        else {
            vErrors.push(err0);
        }
        errors++;
    }
    for (const key0 in data) {
        if (!(func2.call(schema35.properties, key0))) {
            const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema35, data };
            if (vErrors === null) {
                vErrors = [err1];
            }
            else {
                vErrors.push(err1);
            }
            errors++;
        }
    }
    if (data.name !== undefined) {
        let data0 = data.name;
        if (typeof data0 === "string") {
            if (func3(data0) > 100) {
                const err2 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema35.properties.name, data: data0 };
                if (vErrors === null) {
                    vErrors = [err2];
                }
                else {
                    vErrors.push(err2);
                }
                errors++;
            }
            if (func3(data0) < 1) {
                const err3 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema35.properties.name, data: data0 };
                if (vErrors === null) {
                    vErrors = [err3];
                }
                else {
                    vErrors.push(err3);
                }
                errors++;
            }
            if (!pattern23.test(data0)) {
                const err4 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/pattern", keyword: "pattern", params: { pattern: "^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$" }, message: "must match pattern \"" + "^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$" + "\"", schema: "^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:\"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$", parentSchema: schema35.properties.name, data: data0 };
                if (vErrors === null) {
                    vErrors = [err4];
                }
                else {
                    vErrors.push(err4);
                }
                errors++;
            }
        }
        else {
            const err5 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.name.type, parentSchema: schema35.properties.name, data: data0 };
            if (vErrors === null) {
                vErrors = [err5];
            }
            else {
                vErrors.push(err5);
            }
            errors++;
        }
    }
    if (data.state !== undefined) {
        if (!(validate22(data.state, { instancePath: instancePath + "/state", parentData: data, parentDataProperty: "state", rootData }))) {
            vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
            errors = vErrors.length;
        }
    }
    if (data.generation !== undefined) {
        if (!(validate24(data.generation, { instancePath: instancePath + "/generation", parentData: data, parentDataProperty: "generation", rootData }))) {
            vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
            errors = vErrors.length;
        }
    }
    if (data.cpus !== undefined) {
        if (!(validate26(data.cpus, { instancePath: instancePath + "/cpus", parentData: data, parentDataProperty: "cpus", rootData }))) {
            vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
            errors = vErrors.length;
        }
    }
    if (data.memory !== undefined) {
        if (!(validate28(data.memory, { instancePath: instancePath + "/memory", parentData: data, parentDataProperty: "memory", rootData }))) {
            vErrors = vErrors === null ? validate28.errors : vErrors.concat(validate28.errors);
            errors = vErrors.length;
        }
    }
    if (data.secureBoot !== undefined) {
        if (!(validate30(data.secureBoot, { instancePath: instancePath + "/secureBoot", parentData: data, parentDataProperty: "secureBoot", rootData }))) {
            vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
            errors = vErrors.length;
        }
    }
    if (data.switch !== undefined) {
        if (!(validate32(data.switch, { instancePath: instancePath + "/switch", parentData: data, parentDataProperty: "switch", rootData }))) {
            vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
            errors = vErrors.length;
        }
    }
    if (data.mac !== undefined) {
        if (!(validate34(data.mac, { instancePath: instancePath + "/mac", parentData: data, parentDataProperty: "mac", rootData }))) {
            vErrors = vErrors === null ? validate34.errors : vErrors.concat(validate34.errors);
            errors = vErrors.length;
        }
    }
    if (data.image !== undefined) {
        if (!(validate36(data.image, { instancePath: instancePath + "/image", parentData: data, parentDataProperty: "image", rootData }))) {
            vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
            errors = vErrors.length;
        }
    }
    if (data.disk !== undefined) {
        if (!(validate38(data.disk, { instancePath: instancePath + "/disk", parentData: data, parentDataProperty: "disk", rootData }))) {
            vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
            errors = vErrors.length;
        }
    }
    if (data.networkAdapters !== undefined) {
        if (!(validate40(data.networkAdapters, { instancePath: instancePath + "/networkAdapters", parentData: data, parentDataProperty: "networkAdapters", rootData }))) {
            vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
            errors = vErrors.length;
        }
    }
    if (data.dataDisks !== undefined) {
        if (!(validate42(data.dataDisks, { instancePath: instancePath + "/dataDisks", parentData: data, parentDataProperty: "dataDisks", rootData }))) {
            vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
            errors = vErrors.length;
        }
    }
    if (data.dvdDrives !== undefined) {
        if (!(validate44(data.dvdDrives, { instancePath: instancePath + "/dvdDrives", parentData: data, parentDataProperty: "dvdDrives", rootData }))) {
            vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
            errors = vErrors.length;
        }
    }
    if (data.cloudInit !== undefined) {
        if (!(validate46(data.cloudInit, { instancePath: instancePath + "/cloudInit", parentData: data, parentDataProperty: "cloudInit", rootData }))) {
            vErrors = vErrors === null ? validate46.errors : vErrors.concat(validate46.errors);
            errors = vErrors.length;
        }
    }
    if (data.tpm !== undefined) {
        if (!(validate48(data.tpm, { instancePath: instancePath + "/tpm", parentData: data, parentDataProperty: "tpm", rootData }))) {
            vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
            errors = vErrors.length;
        }
    }
    if (data.secureBootTemplate !== undefined) {
        if (!(validate50(data.secureBootTemplate, { instancePath: instancePath + "/secureBootTemplate", parentData: data, parentDataProperty: "secureBootTemplate", rootData }))) {
            vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
            errors = vErrors.length;
        }
    }
    if (data.nestedVirtualization !== undefined) {
        if (!(validate52(data.nestedVirtualization, { instancePath: instancePath + "/nestedVirtualization", parentData: data, parentDataProperty: "nestedVirtualization", rootData }))) {
            vErrors = vErrors === null ? validate52.errors : vErrors.concat(validate52.errors);
            errors = vErrors.length;
        }
    }
    if (data.checkpointType !== undefined) {
        if (!(validate54(data.checkpointType, { instancePath: instancePath + "/checkpointType", parentData: data, parentDataProperty: "checkpointType", rootData }))) {
            vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
            errors = vErrors.length;
        }
    }
    if (data.automaticStartAction !== undefined) {
        if (!(validate56(data.automaticStartAction, { instancePath: instancePath + "/automaticStartAction", parentData: data, parentDataProperty: "automaticStartAction", rootData }))) {
            vErrors = vErrors === null ? validate56.errors : vErrors.concat(validate56.errors);
            errors = vErrors.length;
        }
    }
    if (data.automaticStartDelay !== undefined) {
        if (!(validate58(data.automaticStartDelay, { instancePath: instancePath + "/automaticStartDelay", parentData: data, parentDataProperty: "automaticStartDelay", rootData }))) {
            vErrors = vErrors === null ? validate58.errors : vErrors.concat(validate58.errors);
            errors = vErrors.length;
        }
    }
    if (data.automaticStopAction !== undefined) {
        if (!(validate60(data.automaticStopAction, { instancePath: instancePath + "/automaticStopAction", parentData: data, parentDataProperty: "automaticStopAction", rootData }))) {
            vErrors = vErrors === null ? validate60.errors : vErrors.concat(validate60.errors);
            errors = vErrors.length;
        }
    }
    if (data.compatibilityForMigration !== undefined) {
        if (!(validate62(data.compatibilityForMigration, { instancePath: instancePath + "/compatibilityForMigration", parentData: data, parentDataProperty: "compatibilityForMigration", rootData }))) {
            vErrors = vErrors === null ? validate62.errors : vErrors.concat(validate62.errors);
            errors = vErrors.length;
        }
    }
    if (data.memoryWeight !== undefined) {
        if (!(validate64(data.memoryWeight, { instancePath: instancePath + "/memoryWeight", parentData: data, parentDataProperty: "memoryWeight", rootData }))) {
            vErrors = vErrors === null ? validate64.errors : vErrors.concat(validate64.errors);
            errors = vErrors.length;
        }
    }
    if (data.memoryBuffer !== undefined) {
        if (!(validate66(data.memoryBuffer, { instancePath: instancePath + "/memoryBuffer", parentData: data, parentDataProperty: "memoryBuffer", rootData }))) {
            vErrors = vErrors === null ? validate66.errors : vErrors.concat(validate66.errors);
            errors = vErrors.length;
        }
    }
    if (data.firstBootDevice !== undefined) {
        if (!(validate68(data.firstBootDevice, { instancePath: instancePath + "/firstBootDevice", parentData: data, parentDataProperty: "firstBootDevice", rootData }))) {
            vErrors = vErrors === null ? validate68.errors : vErrors.concat(validate68.errors);
            errors = vErrors.length;
        }
    }
    if (data.integrationServices !== undefined) {
        if (!(validate70(data.integrationServices, { instancePath: instancePath + "/integrationServices", parentData: data, parentDataProperty: "integrationServices", rootData }))) {
            vErrors = vErrors === null ? validate70.errors : vErrors.concat(validate70.errors);
            errors = vErrors.length;
        }
    }
    if (data.path !== undefined) {
        if (!(validate72(data.path, { instancePath: instancePath + "/path", parentData: data, parentDataProperty: "path", rootData }))) {
            vErrors = vErrors === null ? validate72.errors : vErrors.concat(validate72.errors);
            errors = vErrors.length;
        }
    }
    if (data.notes !== undefined) {
        if (!(validate74(data.notes, { instancePath: instancePath + "/notes", parentData: data, parentDataProperty: "notes", rootData }))) {
            vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
            errors = vErrors.length;
        }
    }
    if (data.ssh !== undefined) {
        if (!(validate76(data.ssh, { instancePath: instancePath + "/ssh", parentData: data, parentDataProperty: "ssh", rootData }))) {
            vErrors = vErrors === null ? validate76.errors : vErrors.concat(validate76.errors);
            errors = vErrors.length;
        }
    }
}
else {
    const err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema35.type, parentSchema: schema35, data };
    if (vErrors === null) {
        vErrors = [err6];
    }
    else {
        vErrors.push(err6);
    }
    errors++;
} validate78.errors = vErrors; return errors === 0; }
const validateConfig = validateConfig_fn;
const validateConfigVm = validateConfigVm_fn;

;// CONCATENATED MODULE: ./src/core/config/schema.ts
// The JSON Schema of the configuration file. It is the single description of the document's shape:
// ajv validates against it, schemas/config.schema.json is this object printed (a test keeps them
// equal), and editors (yaml-language-server) use that file for completion and hover text. Rules a
// schema cannot state well (memory bounds, duplicate names, merged defaults…) live in rules.ts and
// resolve.ts. Draft-07: the draft every YAML editor understands.

const PROJECT_PATTERN = '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$';
const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';
const HOST_NAME_PATTERN = '^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$';
const MAC_PATTERN = '^[0-9A-Fa-f]{2}([-:]?)[0-9A-Fa-f]{2}(\\1[0-9A-Fa-f]{2}){4}$';
const HOST_KEY_PATTERN = '^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521) [A-Za-z0-9+/]+={0,2}$';
const SSH_USER_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.-]*$';
/** Characters a VM name may not hold, and no surrounding whitespace or trailing dot (see vm-name.ts). */
const VM_NAME_PATTERN = '^(?![\\s])(?!.*[\\s.]$)[^*?\\[\\]`\\\\/:"<>|\\u0000-\\u001f\\u007f\\u0085\\u2028\\u2029]+$';
/** `C:\…` (either slash) or `\\server\share\…`. */
const WINDOWS_PATH_PATTERN = '^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+)';
const ISO_PATH_PATTERN = '^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[iI][sS][oO]$';
/** A file next to the configuration: relative, forward or back slashes, never leaving its folder. */
const RELATIVE_FILE_PATTERN = '^(?![\\\\/])(?![A-Za-z]:)(?!.*(^|[\\\\/])\\.\\.([\\\\/]|$)).+$';
const CIDR_PATTERN = '^(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}/([89]|[12][0-9]|30)$';
const GUID_PATTERN = '^\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}?$';
const VHD_PATH_PATTERN = '^([A-Za-z]:[\\\\/]|\\\\\\\\[^\\\\/]+\\\\[^\\\\/]+).*\\.[vV][hH][dD][xX]?$';

/** How each pattern reads to a person, for `expected` in problems. */
const PATTERN_TEXT = {
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
    [sizes/* SIZE_PATTERN */.bv]: 'a size with a unit (B, KB, MB, GB, TB), such as 512MB or 4GB',
};
const size = (description) => ({ type: 'string', pattern: sizes/* SIZE_PATTERN */.bv, description, examples: ['2GB'] });
const seconds = (description, minimum, maximum, dflt) => ({
    type: 'integer',
    minimum,
    maximum,
    default: dflt,
    description: `${description} Seconds, ${minimum} to ${maximum}; default ${dflt}.`,
});
const port = (description) => ({ type: 'integer', minimum: 1, maximum: 65535, default: 22, description });
const MEMORY = {
    description: 'Memory of the VM. A size (`2GB`) is static memory. A mapping `{ startup, minimum, maximum }` is dynamic memory when ' +
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
const DISK = {
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
            pattern: sizes/* SIZE_PATTERN */.bv,
            description: 'Virtual size to grow the VM’s disk to, such as 40GB; null (default) keeps the image’s size. Only used when the VM has an image.',
        },
        deleteOnDestroy: {
            type: 'boolean',
            default: false,
            description: 'Destroying the VM (state: absent, or prune) also deletes its disk files. Default false: disks are kept.',
        },
    },
};
const VM_SSH = {
    description: 'This VM’s part in guest SSH (IP discovery, /etc/hosts sync): `false` leaves it out; a mapping overrides the top-level ssh settings. ' +
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
const TEXT_OR_FILE = (what) => ({
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
const NETWORK_ADAPTER = {
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
const DATA_DISK = {
    type: 'object',
    description: 'A data disk: `size` makes a new empty VHDX in the VM folder (grow only); `path` attaches an existing VHDX. Position n in the list is a fixed controller position.',
    additionalProperties: false,
    properties: {
        size: { type: 'string', pattern: sizes/* SIZE_PATTERN */.bv, description: 'Size of a new empty dynamic VHDX, such as 20GB. Grow only.', examples: ['20GB'] },
        path: { type: 'string', pattern: VHD_PATH_PATTERN, description: 'An existing .vhdx/.vhd on the host to attach (never created or deleted).' },
    },
    // Exactly one of size and path (additionalProperties is false).
    minProperties: 1,
    maxProperties: 1,
};
const DVD_DRIVE = {
    type: 'object',
    description: 'A DVD drive: an ISO on the host, or empty.',
    additionalProperties: false,
    required: ['path'],
    properties: { path: { type: ['string', 'null'], pattern: ISO_PATH_PATTERN, description: 'ISO on the host (absolute Windows path); null: empty drive.' } },
};
const CLOUD_INIT = {
    type: 'object',
    description: 'First-boot seed (cloud-init NoCloud): an ISO labelled cidata with user-data, meta-data and network-config, built byte-for-byte deterministically, written to the VM folder by the agent and inserted as a DVD.',
    additionalProperties: false,
    required: ['userData'],
    properties: {
        userData: TEXT_OR_FILE('user-data (usually starting with #cloud-config)'),
        metaData: TEXT_OR_FILE('meta-data (default: instance-id and local-hostname set to the VM name)'),
        networkConfig: TEXT_OR_FILE('network-config (optional; cloud-init network config version 1 or 2)'),
    },
};
/** Every VM field except `name`: the keys a VM and `defaults` share. */
const VM_FIELDS = {
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
const CONFIG_SCHEMA = {
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
            description: "Ownership namespace, written into each VM's Notes; only VMs carrying it are ever changed or removed. 1 to 40 of a-z, 0-9 and '-'.",
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
            description: 'Values every VM gets unless it sets them itself: any VM field except name. disk and ssh merge key by key; every other field (memory too) is replaced whole.',
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
                    description: 'Where first-contact host keys are recorded and then enforced (relative to the working directory). Default: known_hosts-<host> in the state directory ($HVC_STATE_DIR or ~/.hyperv-converge), which outlives the workspace that checkout cleans.',
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
            description: 'Virtual switches the file declares, made before the VMs. Internal and Private switches are created (and removed with state: absent) when this project owns them; External switches are only referenced: never created or removed, since that interrupts the host’s own network.',
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
                        description: 'VM name on the host, unique in this file (case-insensitively). 1 to 100 characters; no * ? [ ] ` \\ / : " < > | or control characters, no surrounding spaces, no trailing dot.',
                    },
                    ...VM_FIELDS,
                },
            },
        },
    },
};

;// CONCATENATED MODULE: ./src/core/config/schema-validate.ts






// ajv's standalone code for CONFIG_SCHEMA, generated at build time (scripts/validators.ts): a start
// compiles nothing. `validate` is the schema without the entries of vms (it is always handed the
// document with an empty vms), `validateVm` one entry.
/** Where each key is allowed, for "'allowRestart' belongs under policy". */
const KEY_HOMES = collectKeyHomes(CONFIG_SCHEMA, '');
/**
 * The schema's problems, located. At most `limit` are built (the rest only counted in `uncounted`):
 * each VM is validated on its own, so a file with a hundred thousand broken VMs costs a walk over
 * them, not a hundred thousand messages.
 */
function schemaProblems(value, positions, file, limit = Infinity) {
    const problems = [];
    let more = 0;
    const take = (errors, prefix) => {
        for (const e of collapseAnyOf(errors)) {
            if (problems.length >= limit) {
                more++;
                continue;
            }
            const p = toProblem(prefix === '' ? e : { ...e, instancePath: prefix + e.instancePath });
            if (!p)
                continue;
            const pos = positions.locate(p.path, p.at);
            const problem = { file, ...pos, path: p.path, message: p.message };
            if (p.expected !== undefined)
                problem.expected = p.expected;
            if (p.hint !== undefined)
                problem.hint = p.hint;
            problems.push(problem);
        }
    };
    const doc = value;
    const vms = typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Array.isArray(doc.vms) ? doc.vms : null;
    if (!validateConfig(vms === null ? value : { ...doc, vms: [] }))
        take([...(validateConfig.errors ?? [])], '');
    if (vms !== null) {
        for (let i = 0; i < vms.length; i++) {
            const vm = vms[i];
            if (onlyAGoodName(vm))
                continue;
            if (!validateConfigVm(vm))
                take([...(validateConfigVm.errors ?? [])], `/vms/${i}`);
        }
    }
    return { problems, more };
}
/**
 * A VM written as nothing but a name the name rules accept (most of a fleet: `- name: vm-00042`,
 * everything else from defaults): the schema accepts it, so it is not walked. The rules are
 * stricter than the schema's name (a property test holds validateConfigVm to true for every such
 * VM); resolve still applies them and reports the names they refuse.
 */
function onlyAGoodName(vm) {
    if (vm === null || typeof vm !== 'object' || Array.isArray(vm))
        return false;
    // The schema's own reading: every enumerable key (for-in), and name read through the object.
    for (const k in vm)
        if (k !== 'name')
            return false;
    const name = vm.name;
    return typeof name === 'string' && (0,vm_name/* vmNameProblem */.O7)(name) === null;
}
function toProblem(e) {
    const node = (e.parentSchema ?? {});
    const data = e.data;
    const path = e.instancePath;
    const label = `'${(0,input_limits/* quoted */.TL)(labelOf(path))}'`;
    const expected = describe(node);
    switch (e.keyword) {
        case 'additionalProperties': {
            const key = String(e.params.additionalProperty);
            const keyPath = joinPointer(path, key);
            const allowed = Object.keys((node.properties ?? {}));
            const where = path === '' ? 'at the top level' : `in '${labelOf(path)}'`;
            if (path === '/defaults' && key === 'name') {
                return { path: keyPath, at: 'key', message: "'name' cannot have a default: every VM names itself", hint: 'remove it from defaults' };
            }
            let hint = (0,suggest/* didYouMean */.au)(key, allowed);
            if (!hint && key === '<<')
                hint = 'YAML merge keys are not supported; put shared VM settings under defaults';
            if (!hint) {
                const homes = (KEY_HOMES.get(key) ?? []).filter((h) => h !== schemaPathOf(path));
                if (homes.length > 0)
                    hint = `'${(0,input_limits/* quoted */.TL)(key)}' is a key of ${homes.map((h) => (h === '' ? 'the top level' : `'${h.slice(1).replace(/\//g, '.')}'`)).join(' and ')}`;
            }
            return {
                path: keyPath,
                at: 'key',
                message: `unknown key '${(0,input_limits/* quoted */.TL)(key)}' ${where}`,
                expected: allowed.length ? `one of ${allowed.join(', ')}` : undefined,
                hint,
            };
        }
        case 'required': {
            const key = String(e.params.missingProperty);
            const where = path === '' ? 'at the top level' : `in '${labelOf(path)}'`;
            const child = (node.properties ?? {})[key];
            return {
                path: joinPointer(path, key),
                at: 'value',
                message: `missing required key '${key}' ${where}`,
                expected: child ? describe(child) : undefined,
                hint: typeof child?.description === 'string' ? firstSentence(child.description) : undefined,
            };
        }
        case 'type':
        case 'const':
        case 'enum':
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum': {
            let hint;
            if (e.keyword === 'enum' && typeof data === 'string')
                hint = (0,suggest/* didYouMean */.au)(data, node.enum.map(String));
            if (e.keyword === 'type')
                hint = typeHint(node, data);
            const what = e.keyword === 'type' ? `has the wrong type: ${show(data)}` : e.keyword === 'const' || e.keyword === 'enum' ? `${show(data)} is not allowed` : `${show(data)} is out of range`;
            return { path, at: 'value', message: `${label} ${what}`, expected, hint };
        }
        case 'pattern':
        case 'minLength':
        case 'maxLength':
            return {
                path,
                at: 'value',
                message: e.keyword === 'maxLength' ? `${label} is too long (${String(data).length} characters, at most ${String(node.maxLength)})` : `${label} ${show(data)} is not valid`,
                expected,
            };
        default:
            return { path, at: 'value', message: `${label} ${e.message ?? 'is not valid'}`, expected };
    }
}
/**
 * ajv reports an `anyOf` failure as the errors of every branch plus one summary. Keep only what
 * helps: when exactly one branch accepts the value's type, that branch's nested errors (or one
 * "must be X or Y" if the branch failed on the value itself); otherwise a single "must be X or Y".
 */
function collapseAnyOf(errors) {
    const anyOfs = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => b.schemaPath.length - a.schemaPath.length);
    let out = errors;
    for (const a of anyOfs) {
        const inBranch = (e) => e !== a && e.schemaPath.startsWith(a.schemaPath + '/') && (e.instancePath === a.instancePath || e.instancePath.startsWith(a.instancePath + '/'));
        const branchErrors = out.filter(inBranch);
        const branches = (a.schema ?? []);
        const fitting = branches.map((b, i) => (typeFits(b, a.data) ? i : -1)).filter((i) => i >= 0);
        let keep = [];
        // The value has a type some branch takes but a value it refuses ("not allowed"), or no branch's type.
        const summaryKeyword = fitting.length > 0 ? 'const' : 'type';
        if (fitting.length === 1) {
            const k = fitting[0];
            const own = branchErrors.filter((e) => e.schemaPath.startsWith(`${a.schemaPath}/${k}/`));
            const nested = own.filter((e) => e.instancePath !== a.instancePath || e.keyword === 'additionalProperties' || e.keyword === 'required');
            keep = nested.length > 0 ? nested : [];
        }
        const summary = keep.length > 0 ? [] : [{ ...a, keyword: summaryKeyword }];
        out = out.filter((e) => e !== a && !inBranch(e));
        out.push(...summary, ...keep);
    }
    return out;
}
function typeFits(node, data) {
    const t = node.type;
    const types = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
    if (types.length === 0)
        return true;
    return types.includes(jsonType(data)) || (types.includes('number') && jsonType(data) === 'integer');
}
function jsonType(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'array';
    if (typeof v === 'number')
        return Number.isInteger(v) ? 'integer' : 'number';
    return typeof v === 'object' ? 'object' : typeof v;
}
/** What a schema node accepts, in words: "an integer from 1 to 240", "one of running, stopped, absent". */
function describe(node) {
    if (Array.isArray(node.anyOf))
        return node.anyOf.map(describe).join(', or ');
    if (node.const !== undefined)
        return JSON.stringify(node.const);
    if (Array.isArray(node.enum))
        return `one of ${node.enum.map(String).join(', ')}`;
    const types = Array.isArray(node.type) ? node.type : typeof node.type === 'string' ? [node.type] : [];
    const nullable = types.includes('null');
    const words = types.filter((t) => t !== 'null').map((t) => {
        switch (t) {
            case 'integer': {
                const min = node.minimum;
                const max = node.maximum;
                if (min !== undefined && max !== undefined)
                    return `an integer from ${min} to ${max}`;
                if (min !== undefined)
                    return `an integer of at least ${min}`;
                return 'an integer';
            }
            case 'string':
                if (typeof node.pattern === 'string' && PATTERN_TEXT[node.pattern])
                    return PATTERN_TEXT[node.pattern];
                return node.minLength ? 'a non-empty string' : 'a string';
            case 'boolean':
                return 'true or false';
            case 'object': {
                const keys = Object.keys((node.properties ?? {}));
                return keys.length ? `a mapping with keys ${keys.join(', ')}` : 'a mapping';
            }
            case 'array':
                return 'a list';
            default:
                return `a ${t}`;
        }
    });
    const base = words.join(' or ') || 'a value';
    return nullable ? `${base}, or null` : base;
}
function typeHint(node, data) {
    if (data === null)
        return 'the key is written without a value; give it one or remove the key';
    if (Array.isArray(node.anyOf)) {
        for (const branch of node.anyOf) {
            const h = typeHint(branch, data);
            if (h)
                return h;
        }
        return undefined;
    }
    const wantsString = node.type === 'string' || (Array.isArray(node.type) && node.type.includes('string'));
    if (wantsString && typeof data === 'number' && PATTERN_TEXT[String(node.pattern)]?.startsWith('a size')) {
        return `sizes need a unit, such as '${data}MB' or '${data}GB'`;
    }
    if (wantsString && (typeof data === 'number' || typeof data === 'boolean'))
        return 'YAML read this as a number or boolean: put it in quotes to keep it text';
    if (node.type === 'boolean' && typeof data === 'string' && /^(yes|no|on|off|y|n)$/i.test(data)) {
        return `YAML 1.2 reads '${data}' as text, not a boolean: write true or false`;
    }
    return undefined;
}
function show(v) {
    if (v === null)
        return 'null (no value)';
    if (typeof v === 'string')
        return `'${(0,input_limits/* quoted */.TL)(v)}'`;
    if (Array.isArray(v))
        return 'a list';
    if (typeof v === 'object')
        return 'a mapping';
    return String(v);
}
/** The last named key of a pointer, with list indexes: `/vms/2/memory` → `memory`, `/policy/protect/0` → `protect[0]`. */
function labelOf(pointer) {
    const segs = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let label = '';
    for (let i = segs.length - 1; i >= 0; i--) {
        const s = segs[i];
        if (/^\d+$/.test(s) && i > 0)
            label = `[${s}]${label}`;
        else
            return `${s}${label}`;
    }
    return label || '(document)';
}
function firstSentence(s) {
    const i = s.search(/\.\s/);
    return i < 0 ? s : s.slice(0, i + 1);
}
/** `/vms/3/memory` → the schema-side place `/vms/memory` used in KEY_HOMES. */
function schemaPathOf(pointer) {
    return pointer
        .split('/')
        .filter((s) => !/^\d+$/.test(s))
        .join('/');
}
function collectKeyHomes(node, at, out = new Map()) {
    const props = node.properties;
    if (props) {
        for (const [k, child] of Object.entries(props)) {
            const homes = out.get(k) ?? [];
            if (!homes.includes(at))
                homes.push(at);
            out.set(k, homes);
            collectKeyHomes(child, `${at}/${k}`, out);
        }
    }
    if (node.items && typeof node.items === 'object')
        collectKeyHomes(node.items, at, out);
    for (const b of node.anyOf ?? [])
        collectKeyHomes(b, at, out);
    return out;
}

;// CONCATENATED MODULE: ./src/core/config/load.ts
// The entry points for reading a configuration: text → resolved Config, or every located problem of
// the file at once in one HvcError('invalid-config').









/**
 * Parses and validates the YAML text of a configuration and resolves it (defaults merged, sizes in
 * bytes, MACs normalized, every field filled). `file` is used in problems only.
 * @throws HvcError('invalid-config') listing every problem found, each located (file, line, column, path).
 */
function parseConfig(text, file) {
    if (text.length > input_limits/* MAX_CONFIG_BYTES */.GW && Buffer.byteLength(text) > input_limits/* MAX_CONFIG_BYTES */.GW)
        throw invalid(file, [tooLarge(file, Buffer.byteLength(text))]);
    const src = readYaml(text, file);
    if (src.value === undefined && src.problems.length > 0)
        throw invalid(file, src.problems); // unreadable YAML
    if (src.value === undefined || src.value === null) {
        throw invalid(file, [
            {
                file,
                line: 1,
                column: 1,
                path: '',
                message: 'the file holds no configuration',
                expected: 'a mapping with at least version, project and vms',
                hint: 'start from the example in docs/config.md',
            },
        ]);
    }
    // Each source builds at most a few screens of problems and counts the rest.
    const budget = 2 * input_limits/* MAX_PROBLEMS */.aZ;
    const fileProblems = inlineSeedFiles(src.value, file, src.positions);
    const fromSchema = schemaProblems(src.value, src.positions, file, budget);
    const fromRules = resolveConfig(src.value, src.positions, file, budget);
    // A value the rules explain (names, sizes, MACs, paths, secrets) gets their message, not the
    // schema's generic one for the same place.
    const explained = new Set(fromRules.problems.map((p) => p.path));
    const problems = [...src.problems, ...fileProblems, ...fromSchema.problems.filter((p) => !explained.has(p.path)), ...fromRules.problems];
    const more = (src.more ?? 0) + fromSchema.more + fromRules.more;
    if (problems.length > 0 || more > 0)
        throw invalid(file, problems, more);
    const config = fromRules.config;
    // The config's hash is taken over what the file says (see configHash), here where that is at
    // hand: a few hundred bytes a VM instead of the resolved VM's every field, printed again.
    let documentHash;
    try {
        documentHash = (0,canonical/* sha256OfCanonicalBounded */._c)(src.value, input_limits/* MAX_CONFIG_EXPANDED_CHARS */.Es);
    }
    catch (e) {
        // Only a value JSON cannot hold (a YAML .nan or .inf) where the schema takes any value.
        throw invalid(file, [{ file, line: 1, column: 1, message: `the document holds a value JSON cannot hold: ${e.message}` }]);
    }
    if (documentHash === null) {
        const mib = input_limits/* MAX_CONFIG_EXPANDED_CHARS */.Es / 1024 / 1024;
        throw invalid(file, [
            {
                file,
                line: 1,
                column: 1,
                message: `the configuration is too large once its aliases and seed files are expanded: more than ${mib} MiB of text (each use of an alias or a seed file counts in full); a configuration has at most ${mib} MiB so expanded`,
                hint: 'give large seed texts only to the VMs that need them, or split the fleet over several files',
            },
        ]);
    }
    Object.defineProperty(config, 'documentHash', { value: documentHash, enumerable: false });
    return config;
}
/**
 * Reads and parses a configuration file.
 * @throws HvcError('invalid-config') when the file cannot be read or is not a valid configuration.
 */
function loadConfig(file) {
    return { file, config: parseConfig(readText(file), file) };
}
function readText(file) {
    let bytes;
    try {
        bytes = readBounded(file);
    }
    catch (e) {
        if (e instanceof errors/* HvcError */.Iy)
            throw e;
        const code = e.code;
        const why = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : e.message;
        throw invalid(file, [{ file, message: `cannot read configuration file ${file}: ${why}` }]);
    }
    // Windows PowerShell 5.1 writes UTF-16 by default (Out-File, >): say so instead of failing on NULs.
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw invalid(file, [{ file, line: 1, column: 1, message: 'the file is UTF-16 text; configuration files are UTF-8', hint: 'save it as UTF-8 (Set-Content -Encoding utf8, or your editor\'s "Save with encoding")' }]);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw invalid(file, [{ file, line: 1, column: 1, message: 'the file is not valid UTF-8 text', hint: 'save it as UTF-8' }]);
    }
}
/** Reads at most MAX_CONFIG_BYTES + 1 bytes: a larger file is refused without being read whole. */
function readBounded(file) {
    const fd = (0,external_node_fs_.openSync)(file, 'r');
    try {
        if ((0,external_node_fs_.fstatSync)(fd).isDirectory())
            throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        // Not zero-filled: only the bytes read are ever looked at (the subarray below), and the 8 MiB
        // are then not written (nor resident) for a file of a few kilobytes.
        const buf = Buffer.allocUnsafe(input_limits/* MAX_CONFIG_BYTES */.GW + 1);
        let n = 0;
        for (;;) {
            const r = (0,external_node_fs_.readSync)(fd, buf, n, buf.length - n, null);
            if (r === 0)
                break;
            n += r;
            if (n > input_limits/* MAX_CONFIG_BYTES */.GW)
                throw invalid(file, [tooLarge(file, (0,external_node_fs_.fstatSync)(fd).size)]);
        }
        return buf.subarray(0, n);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function tooLarge(file, size) {
    return {
        file,
        line: 1,
        column: 1,
        message: `the file is too large (${size.toLocaleString('en-US')} bytes); a configuration has at most ${input_limits/* MAX_CONFIG_BYTES */.GW.toLocaleString('en-US')} bytes`,
    };
}
const load_isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
/**
 * cloudInit texts given as `{ file }` are read here, relative to the configuration's folder, and put in
 * place of the reference (so the config hash covers their content). A file must stay inside that
 * folder (a pull request may not make the runner read its own files into a seed) and be small.
 */
function inlineSeedFiles(doc, configFile, positions) {
    if (!load_isObj(doc))
        return [];
    const problems = [];
    const root = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(configFile));
    // The folder as the file system names it: a configuration in a folder reached through a symbolic
    // link still reads the seed files beside it.
    let realRoot = root;
    try {
        realRoot = (0,external_node_fs_.realpathSync)(root);
    }
    catch {
        /* the folder is gone: each seed file's read reports it */
    }
    // A seed file named by many VMs is read once, and is one string in the document.
    const read = new Map();
    const holders = [];
    if (load_isObj(doc.defaults) && load_isObj(doc.defaults.cloudInit))
        holders.push([doc.defaults.cloudInit, '/defaults/cloudInit']);
    if (Array.isArray(doc.vms)) {
        for (let i = 0; i < doc.vms.length; i++) {
            const v = doc.vms[i];
            if (load_isObj(v) && load_isObj(v.cloudInit))
                holders.push([v.cloudInit, `/vms/${i}/cloudInit`]);
        }
    }
    for (const [ci, base] of holders) {
        for (const k of ['userData', 'metaData', 'networkConfig']) {
            const ref = ci[k];
            if (!load_isObj(ref) || typeof ref.file !== 'string')
                continue;
            const path = `${base}/${k}/file`;
            const fail = (message, hint) => {
                problems.push({ file: configFile, ...positions.locate(path, 'value'), path, message, ...(hint ? { hint } : {}) });
                ci[k] = ''; // reported here; nothing more to say about it downstream
            };
            const target = (0,external_node_path_.resolve)(root, ref.file);
            const insideOf = (folder, p) => {
                const rel = (0,external_node_path_.relative)(folder, p);
                return rel !== '' && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel);
            };
            const inside = (p) => insideOf(root, p);
            if ((0,external_node_path_.isAbsolute)(ref.file) || /^[A-Za-z]:/.test(ref.file) || !inside(target)) {
                fail(`${k} file '${ref.file}' is outside the configuration's folder`, 'keep seed files next to the configuration file (a relative path without ..)');
                continue;
            }
            try {
                const real = (0,external_node_fs_.realpathSync)(target);
                if (!insideOf(realRoot, real)) {
                    fail(`${k} file '${ref.file}' leads outside the configuration's folder (a symbolic link)`);
                    continue;
                }
                const st = (0,external_node_fs_.statSync)(real);
                if (!st.isFile()) {
                    fail(`${k} file '${ref.file}' is not a file`);
                    continue;
                }
                if (st.size > iso9660/* MAX_FILE_BYTES */.gZ) {
                    fail(`${k} file '${ref.file}' is ${st.size} bytes; a seed file may hold at most ${iso9660/* MAX_FILE_BYTES */.gZ}`);
                    continue;
                }
                let text = read.get(real);
                if (text === undefined)
                    read.set(real, (text = new TextDecoder('utf-8', { fatal: true }).decode((0,external_node_fs_.readFileSync)(real))));
                ci[k] = text;
            }
            catch (e) {
                const code = e.code;
                fail(code === 'ENOENT' ? `${k} file '${ref.file}' does not exist (relative to ${root})` : code === undefined ? `${k} file '${ref.file}' is not valid UTF-8 text` : `${k} file '${ref.file}' cannot be read (${code})`);
            }
        }
    }
    return problems;
}
function invalid(file, problems, uncounted = 0) {
    const sorted = dedupe(problems).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.path ?? '').localeCompare(b.path ?? '') || a.message.localeCompare(b.message));
    const n = sorted.length + uncounted;
    // The first MAX_PROBLEMS are listed and carried; the rest are counted in one last unlocated
    // problem, so a file with a million mistakes costs a screenful, not hundreds of megabytes.
    const shown = sorted.slice(0, input_limits/* MAX_PROBLEMS */.aZ);
    const more = n - shown.length;
    if (more > 0)
        shown.push({ message: `… ${more.toLocaleString('en-US')} more problems (only the first ${input_limits/* MAX_PROBLEMS */.aZ} are listed)` });
    const summary = `${file} is not a valid configuration: ${n} problem${n === 1 ? '' : 's'}${more > 0 ? ` (the first ${input_limits/* MAX_PROBLEMS */.aZ} listed, and ${more} more)` : ''}\n` +
        shown.map((p) => `  ${(0,errors/* formatProblem */.Vw)(p)}`).join('\n');
    return new errors/* HvcError */.Iy('invalid-config', summary, { problems: shown, detail: { problemCount: n } });
}
/** A value inherited from defaults may be reported once per inheriting VM; keep one of each. */
function dedupe(problems) {
    const seen = new Set();
    return problems.filter((p) => {
        const k = `${p.line}:${p.column}:${p.path}:${p.message}`;
        if (seen.has(k))
            return false;
        seen.add(k);
        return true;
    });
}


/***/ }),

/***/ 6732:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   au: () => (/* binding */ didYouMean)
/* harmony export */ });
/* unused harmony exports editDistance, closest */
/* harmony import */ var _input_limits_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9620);
// "did you mean …?" for misspelt keys and enum values: the closest allowed word by edit distance
// (adjacent transpositions count as one edit, case is ignored), if it is close enough to be a typo.
// The work is bounded: a word far longer than any candidate, or differing in length by more than the
// typo limit, is never compared (the distance is at least the difference in length).

/** Optimal string alignment distance: Levenshtein plus adjacent transposition. */
function editDistance(a, b) {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const d = Array.from({ length: s.length + 1 }, (_, i) => {
        const row = new Array(t.length + 1).fill(0);
        row[0] = i;
        return row;
    });
    for (let j = 0; j <= t.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
                v = Math.min(v, d[i - 2][j - 2] + 1);
            d[i][j] = v;
        }
    }
    return d[s.length][t.length];
}
/** The closest candidate within a typo's reach (about a third of the word), or undefined. */
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    if (word.length > _input_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SUGGEST_CHARS */ .iP)
        return undefined;
    for (const c of candidates) {
        const limit = Math.max(1, Math.min(3, Math.floor(Math.max(word.length, c.length) / 3)));
        if (Math.abs(word.length - c.length) > limit || c.length > _input_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_SUGGEST_CHARS */ .iP)
            continue;
        const dist = editDistance(word, c);
        if (dist <= limit && dist < bestDistance) {
            best = c;
            bestDistance = dist;
        }
    }
    return best;
}
function didYouMean(word, candidates) {
    const c = closest(word, candidates);
    return c === undefined ? undefined : `did you mean '${c}'?`;
}


/***/ }),

/***/ 5561:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O7: () => (/* binding */ vmNameProblem),
/* harmony export */   Tg: () => (/* binding */ protectKey),
/* harmony export */   q: () => (/* binding */ sameName),
/* harmony export */   q3: () => (/* binding */ vmNameKey)
/* harmony export */ });
/* unused harmony export VM_NAME_MAX_LENGTH */
/* harmony import */ var _counters_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6286);
// Which VM names the tool accepts, and why it refuses the others. A name travels as data into
// Hyper-V cmdlets and becomes a folder/file name on the host, so characters that PowerShell reads
// as wildcards, or that Windows paths cannot hold, would make the tool act on the wrong VM or fail
// half-way. Everything else ($, (), ;, quotes, non-ASCII letters) is carried as data end to end.

const VM_NAME_MAX_LENGTH = 100;
const REASONS = [
    [/[*?[\]]/u, (c) => `'${c}' is a wildcard character: Get-VM -Name would treat the name as a pattern and could match other VMs`],
    [/`/u, () => "'`' is PowerShell's wildcard escape character and would change how the name is matched"],
    [/[\\/:"<>|]/u, (c) => `'${c}' cannot appear in a Windows file or folder name, and the VM name becomes one on the host`],
    [/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u, (c) => `control character ${codePoint(c)} (newlines and tabs included) cannot be part of a VM name`],
    // Zero-width and other format characters (Unicode category Cf: U+200B, U+200D, U+FEFF, bidi
    // overrides…) are invisible: 'prod\u200b-db' reads as 'prod-db' to a reviewer and to nobody else.
    [/\p{Cf}/u, (c) => `${codePoint(c)} is an invisible format character: the name would look like another name it is not`],
    [/[\ud800-\udfff]/, (c) => `${codePoint(c)} is half of a UTF-16 surrogate pair, not a character`],
];
function codePoint(c) {
    return `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
/**
 * Windows device names: a folder named CON, NUL, COM1… (with or without an extension, any case,
 * superscript digits included) is the device, not a folder, so the VM's files could not be made.
 * https://learn.microsoft.com/windows/win32/fileio/naming-a-file#naming-conventions
 */
const DEVICE_NAME = /^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9\u00b9\u00b2\u00b3]|LPT[0-9\u00b9\u00b2\u00b3])$/i;
/** Only ASCII letters, digits, '-', '_' and '.'. */
function plainName(name) {
    for (let i = 0; i < name.length; i++) {
        const c = name.charCodeAt(i);
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2e))
            return false;
    }
    return true;
}
/** Why `name` cannot be a VM name, or null when it can. */
function vmNameProblem(name) {
    if (name.length === 0)
        return 'a VM name cannot be empty';
    // The one word a JavaScript object cannot hold as a plain key (ssh.hostKeys is keyed by VM name):
    // a key pinned for it would be dropped without a word, and its value would not count in configHash.
    if (name === '__proto__')
        return "'__proto__' is reserved: it cannot be a key of ssh.hostKeys";
    if (name.length > VM_NAME_MAX_LENGTH)
        return `a VM name has at most ${VM_NAME_MAX_LENGTH} characters (Hyper-V's limit); this one has ${name.length}`;
    // The usual name (letters, digits, '-', '_', '.') holds none of the characters below: only the
    // device names and a trailing dot remain to check.
    if (plainName(name)) {
        const dot = name.indexOf('.');
        const stem = dot === -1 ? name : name.slice(0, dot);
        if (stem.length >= 3 && stem.length <= 6 && DEVICE_NAME.test(stem))
            return `'${stem}' is a Windows device name: a folder named '${name}' cannot be created on the host, and the VM's files live in one`;
        if (name.endsWith('.'))
            return 'a VM name cannot end with a dot (Windows drops trailing dots from folder names)';
        return null;
    }
    for (const [re, why] of REASONS) {
        const m = re.exec(name);
        if (m)
            return why(m[0]);
    }
    const stem = name.split('.')[0].replace(/[ ]+$/, '');
    if (DEVICE_NAME.test(stem))
        return `'${stem}' is a Windows device name: a folder named '${name}' cannot be created on the host, and the VM's files live in one`;
    if (/^\s|\s$/u.test(name))
        return 'a VM name cannot start or end with whitespace (Windows trims it from folder names, and it is invisible in listings)';
    if (name.endsWith('.'))
        return 'a VM name cannot end with a dot (Windows drops trailing dots from folder names)';
    return null;
}
/**
 * THE rule for "are these two names the same" — VM names, switch names and host paths, everywhere
 * this tool compares them (config duplicates, matching the file to the host, ownership, protect
 * patterns, guest host keys): ordinal, ignoring case the way Windows does it. Each UTF-16 code unit is
 * mapped to its simple upper case on its own; no Unicode normalization, no full case folding. That is
 * .NET's StringComparison.OrdinalIgnoreCase, which Hyper-V's name matching and the NTFS upcase table
 * follow: 'web' = 'WEB', but the Kelvin sign K (U+212A) is not 'k', 'ß' is not 'SS', and a non-ASCII
 * letter never equals an ASCII one (dotless ı is not 'i', long ſ is not 's';
 * https://github.com/dotnet/runtime/issues/67873). JavaScript's toLowerCase folds the Kelvin sign
 * into 'k', which is why this is not toLowerCase.
 */
function vmNameKey(name) {
    _counters_js__WEBPACK_IMPORTED_MODULE_0__/* .counters */ .O.nameKeys++; // a structural figure: tests hold a whole command to it
    // All ASCII (nearly every name): toUpperCase maps exactly a-z there, as the loop below does.
    if (ASCII.test(name))
        return name.toUpperCase();
    let out = '';
    for (let i = 0; i < name.length; i++) {
        const c = name[i];
        const code = c.charCodeAt(0);
        if (code < 0x80) {
            out += code >= 0x61 && code <= 0x7a ? String.fromCharCode(code - 32) : c;
            continue;
        }
        if (code >= 0xd800 && code <= 0xdfff) {
            out += c; // surrogates: astral characters are compared as they are
            continue;
        }
        const u = c.toUpperCase();
        out += u.length === 1 && u.charCodeAt(0) >= 0x80 ? u : c;
    }
    return out;
}
const ASCII = /^[\x00-\x7f]*$/;
/** Two names are the same name under vmNameKey's rule. */
function sameName(a, b) {
    return a === b || vmNameKey(a) === vmNameKey(b);
}
/**
 * The key a protect pattern is matched against: vmNameKey with every invisible format character
 * removed. A name on the host is whatever someone typed there; 'prod\u200b-db' is still protected by
 * 'prod-*'. Protection errs towards matching.
 */
function protectKey(name) {
    return vmNameKey(name.replace(/\p{Cf}/gu, ''));
}


/***/ }),

/***/ 6286:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ counters)
/* harmony export */ });
// Structural counters of one process: how often the expensive things happened (whole values
// canonicalized, agent processes launched, requests sent). No clock and no I/O here: tests and the
// bench read them, and a run started with HVC_COUNTERS=<file> writes them there when it exits
// (src/entry/counters.ts), so a test can hold a whole command to its counts.
const counters = {
    /** canonicalTree calls: each walks one whole value (config, observation, plan, result). */
    canonicalizations: 0,
    /** Characters of canonical JSON printed (for hashes and artifacts): a run that prints a value
     *  twice shows it here. */
    printedChars: 0,
    /** Objects and arrays canonicalization had to copy (keys out of order, an undefined member): the
     *  values a run builds itself, and what its agent answers, are built in canonical order, so a run
     *  walks them instead; a count growing with the VM count means one of them is not. */
    canonicalCopies: 0,
    /** Agent processes started (observe, prestarted pool members, replacements). */
    agentLaunches: 0,
    /** Requests sent to agents (observe included). */
    agentRequests: 0,
    /** Names put in comparable form (vmNameKey): linear in the names a run compares, never a scan
     *  of one list per entry of another. */
    nameKeys: 0,
    /** Configurations read by the fast YAML reader (config/yaml-fast.ts), and those it declined to
     *  js-yaml: a fleet written in the usual subset must show up in the first. */
    configsFast: 0,
    configsDeclined: 0,
};


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Iy: () => (/* binding */ HvcError),
/* harmony export */   Vw: () => (/* binding */ formatProblem),
/* harmony export */   _L: () => (/* binding */ isHvcError)
/* harmony export */ });
// Every failure the tool reports carries one of these typed reasons. The action exposes it as the
// `failure-reason` output and the CLI maps it to an exit code, so callers branch on data, not text.
class HvcError extends Error {
    reason;
    problems;
    detail;
    constructor(reason, message, opts = {}) {
        super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
        this.name = 'HvcError';
        this.reason = reason;
        this.problems = opts.problems ?? [];
        this.detail = opts.detail;
    }
}
function isHvcError(e) {
    return e instanceof HvcError;
}
/** Formats a located problem the way compilers do: `file:line:col: message (at /path)`. */
function formatProblem(p) {
    const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':');
    const parts = [where ? `${where}: ` : '', p.message];
    // A path spells out the keys of the document, which may be megabytes long: cut for the reader.
    if (p.path)
        parts.push(` (at ${p.path.length > 200 ? `${p.path.slice(0, 197)}...` : p.path})`);
    if (p.expected)
        parts.push(`; expected ${p.expected}`);
    if (p.hint)
        parts.push(`; ${p.hint}`);
    return parts.join('');
}


/***/ }),

/***/ 9620:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Es: () => (/* binding */ MAX_CONFIG_EXPANDED_CHARS),
/* harmony export */   GW: () => (/* binding */ MAX_CONFIG_BYTES),
/* harmony export */   RZ: () => (/* binding */ MAX_CONFIG_VALUES),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   Ze: () => (/* binding */ MAX_RECORDING_BYTES),
/* harmony export */   aZ: () => (/* binding */ MAX_PROBLEMS),
/* harmony export */   iP: () => (/* binding */ MAX_SUGGEST_CHARS)
/* harmony export */ });
/* unused harmony exports MAX_QUOTED_CHARS, MAX_REVIEWED_RECORD_BYTES */
// Bounds on every input the tool reads from someone else (a pull request's config, a recorded
// current.json, a GitHub comment, an event payload, agent output). A value past a bound is a typed,
// located error that names the bound: never minutes of CPU or gigabytes of memory.
/** A configuration file: a fleet of 10,000 VMs spelled out one by one is about 2 MiB. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
/**
 * Values in a configuration once YAML aliases (`*name`) are expanded: a ~500-byte file of nested
 * aliases expands ninefold per level into billions (the "billion laughs" attack). 10,000 VMs with
 * every setting written out stay under 400,000.
 */
const MAX_CONFIG_VALUES = 1_000_000;
/**
 * Characters of a configuration's document once its aliases and seed files are expanded (its
 * configHash is taken over that text): a 1 MiB text aliased by every VM, or one seed file named by
 * thousands, would otherwise be hashed gigabytes long. 10,000 VMs each with a 16 KiB seed stay under.
 */
const MAX_CONFIG_EXPANDED_CHARS = 256 * 1024 * 1024;
/** Problems listed for one file; the rest are counted ("and N more"). */
const MAX_PROBLEMS = 100;
/** Characters of an offending key or value quoted back in a message. */
const MAX_QUOTED_CHARS = 60;
/** Words longer than this get no "did you mean" (no allowed key or value comes close). */
const MAX_SUGGEST_CHARS = 64;
/** A recorded observation (current.json) for the replay backend; 10,000 VMs are about 20 MiB. */
const MAX_RECORDING_BYTES = 64 * 1024 * 1024;
/** A reviewed-plan record inflated from a PR comment (a comment holds at most 65,536 characters, so a
 * deflate bomb in one could otherwise inflate to tens of megabytes). */
const MAX_REVIEWED_RECORD_BYTES = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
/** Quotes an untrusted string back to the user, cut to a readable length. */
function quoted(s, max = MAX_QUOTED_CHARS) {
    return s.length > max ? `${s.slice(0, max - 3)}... (${s.length} characters)` : s;
}


/***/ }),

/***/ 3023:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fb: () => (/* binding */ vmsByName),
/* harmony export */   N$: () => (/* binding */ assessObservation),
/* harmony export */   PK: () => (/* binding */ blockingReasons),
/* harmony export */   Rc: () => (/* reexport safe */ _config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__.q3),
/* harmony export */   km: () => (/* binding */ assessAgainst),
/* harmony export */   vk: () => (/* binding */ nameKeysOf)
/* harmony export */ });
/* unused harmony exports SETTLED_STATES, TRANSITIONAL_STATES */
/* harmony import */ var _config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5561);
/** States a VM settles in. Anything else is in motion or unknown. */
const SETTLED_STATES = new Set(['Running', 'Off', 'Saved', 'Paused']);
/** Hyper-V's transitional VMState names (by name: numeric values differ across Windows versions). */
const TRANSITIONAL_STATES = new Set([
    'Starting', 'Stopping', 'Saving', 'Pausing', 'Resuming', 'Reset', 'FastSaving',
    'ForceShutdown', 'ForceReboot', 'ComponentServicing',
    'StartingCritical', 'StoppingCritical', 'SavingCritical', 'PausingCritical', 'ResumingCritical',
    'ResetCritical', 'FastSavingCritical',
]);


/** Reason codes assessObservation itself adds per VM (recomputed on every assessment). */
const ASSESSED = ['transitional-state', 'unknown-state', 'duplicate-name', 'duplicate-id'];
/**
 * An observation's VMs by name key, the last VM of each key (what a map built over the list holds).
 * assessObservation makes it while it looks for duplicate names and keeps it for the list of VMs of
 * the observation it returns (a copy of that observation, `{ ...assessed, observedAt }`, has the same
 * list), so planning that observation does not key every VM again. Used only while the list holds
 * the very VMs, under the very names, it was made from (checked element by element: a pointer and a
 * string compare each, against keying every name again); anything else is indexed anew.
 */
function vmsByName(obs) {
    const kept = indexes.get(obs.vms);
    if (kept && unchanged(kept, obs.vms))
        return kept.byName;
    const byName = new Map();
    for (const v of obs.vms)
        byName.set((0,_config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__/* .vmNameKey */ .q3)(v.name), v);
    return byName;
}
const indexes = new WeakMap();
function snapshot(list) {
    return { items: list.slice(), names: list.map((x) => x.name) };
}
/** The list still holds the same items under the same names (an item replaced or renamed in place is not). */
function unchanged(s, list) {
    if (s.items.length !== list.length)
        return false;
    for (let i = 0; i < list.length; i++)
        if (s.items[i] !== list[i] || s.names[i] !== list[i].name)
            return false;
    return true;
}
/**
 * The name keys of a list of named things (a config's VMs, an observation's), in the list's order,
 * made once per list: the plan, its basis and its safety check all compare names, and keying every
 * name again in each was most of a run's name keys. Reused only while the list is unchanged (as above).
 */
function nameKeysOf(list) {
    const kept = keyLists.get(list);
    if (kept && unchanged(kept, list))
        return kept.keys;
    const keys = list.map((x) => (0,_config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__/* .vmNameKey */ .q3)(x.name));
    keyLists.set(list, { ...snapshot(list), keys });
    return keys;
}
const keyLists = new WeakMap();
/** Adds per-VM reasons the adapter could not know of; `complete` is false when any reason exists. */
function assessObservation(obs) {
    const reasons = obs.incomplete.filter((r) => r.vm === undefined || !ASSESSED.includes(r.code));
    // Each name's VM (the name index) and each id's first VM; lists only when a second one turns up
    // (a real host has none): a VM costs two map entries, not two lists.
    const byName = new Map();
    const firstById = new Map();
    let nameTwice; // name key → ids of all VMs of that name
    let idTwice; // first VM's index → names of all VMs of that id
    const vms = obs.vms;
    const keys = new Array(vms.length);
    for (let i = 0; i < vms.length; i++) {
        const vm = vms[i];
        const byId = firstById.get(vm.id);
        if (byId === undefined)
            firstById.set(vm.id, i);
        else {
            idTwice ??= new Map();
            const names = idTwice.get(byId);
            if (names)
                names.push(vm.name);
            else
                idTwice.set(byId, [vms[byId].name, vm.name]);
        }
        const k = (0,_config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__/* .vmNameKey */ .q3)(vm.name);
        keys[i] = k;
        const before = byName.get(k);
        byName.set(k, vm);
        if (before !== undefined) {
            nameTwice ??= new Map();
            const ids = nameTwice.get(k);
            if (ids)
                ids.push(vm.id);
            else
                nameTwice.set(k, [before.id, vm.id]);
        }
        if (SETTLED_STATES.has(vm.state))
            continue; // the two sets share no state: settled is the usual answer
        if (TRANSITIONAL_STATES.has(vm.state)) {
            reasons.push({ code: 'transitional-state', vm: vm.name, message: `VM '${vm.name}' is ${vm.state}; it is observed again once it settles` });
        }
        else {
            reasons.push({ code: 'unknown-state', vm: vm.name, message: `VM '${vm.name}' is in state '${vm.state}', which this tool does not act on` });
        }
    }
    // In the order each name and id was first seen.
    for (const ids of firstSeen(vms, nameTwice)) {
        const name = vms.find((v) => v.id === ids[0]).name;
        reasons.push({ code: 'duplicate-name', vm: name, message: `${ids.length} VMs are named '${name}' (ids ${ids.join(', ')}); rename or remove all but one` });
    }
    for (const [first, names] of [...(idTwice ?? [])].sort(([a], [b]) => a - b)) {
        const id = vms[first].id;
        // Hyper-V gives every VM its own GUID: two VMs with one id is a broken or lying report, and a
        // step sent to that id could land on either VM (an unowned one included).
        for (const name of new Set(names)) {
            reasons.push({ code: 'duplicate-id', vm: name, message: `${names.length} VMs report the same id ${id} (${names.map((n) => `'${n}'`).join(', ')}); a VM id is unique on a host, so this report cannot be trusted` });
        }
    }
    const assessed = { ...obs, incomplete: reasons, complete: reasons.length === 0 };
    const made = snapshot(vms);
    indexes.set(vms, { ...made, byName });
    keyLists.set(vms, { ...made, keys });
    return assessed;
}
/** The lists of names found twice, in the order their names were first seen (rare: keyed again then). */
function firstSeen(vms, twice) {
    if (twice === undefined)
        return [];
    const out = [];
    for (const v of vms) {
        const k = (0,_config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__/* .vmNameKey */ .q3)(v.name);
        const ids = twice.get(k);
        if (ids === undefined)
            continue;
        out.push(ids);
        twice.delete(k);
    }
    return out;
}
/**
 * A later observation of the same run (the verify after apply), judged against the earlier one: a
 * VM that kept its name but not its id was replaced behind this run's back (or the report is wrong).
 * VMs this run created or removed are expected to change: pass their names in `changed`.
 */
function assessAgainst(earlier, later, changed = []) {
    const skip = new Set([...changed].map(_config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__/* .vmNameKey */ .q3));
    const before = new Map(earlier.vms.map((v) => [(0,_config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__/* .vmNameKey */ .q3)(v.name), v.id]));
    const reasons = [];
    for (const vm of later.vms) {
        const k = (0,_config_vm_name_js__WEBPACK_IMPORTED_MODULE_0__/* .vmNameKey */ .q3)(vm.name);
        const was = before.get(k);
        if (was !== undefined && was !== vm.id && !skip.has(k)) {
            reasons.push({ code: 'identity-changed', vm: vm.name, message: `VM '${vm.name}' had id ${was} earlier in this run and now reports ${vm.id}; it is not acted on until an observation is consistent` });
        }
    }
    if (reasons.length === 0)
        return later;
    const incomplete = [...later.incomplete, ...reasons];
    return { ...later, incomplete, complete: false };
}
/** The reasons that block a plan over the given VM names: host-wide ones, and those of these VMs. */
function blockingReasons(obs, relevant) {
    return obs.incomplete.filter((r) => r.vm === undefined || relevant(r.vm));
}


/***/ }),

/***/ 4504:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B_: () => (/* binding */ markerLine),
/* harmony export */   Dq: () => (/* binding */ sameLineEnds),
/* harmony export */   LW: () => (/* binding */ ownedBy),
/* harmony export */   Pe: () => (/* binding */ withMarker),
/* harmony export */   bf: () => (/* binding */ ownerOf),
/* harmony export */   hC: () => (/* binding */ sameUserNotes),
/* harmony export */   x1: () => (/* binding */ userNotes)
/* harmony export */ });
// The ownership marker: one line this tool writes at the end of a VM's Notes. A VM without our
// project's marker is never changed or removed; adopting one means adding the line by hand.
const MARKER_PREFIX = 'hyperv-converge: project=';
/**
 * Where the marker of trimmed notes begins: the project name's first index, or -1 when the last line
 * is not the marker. The rule, as a regular expression over the notes with trailing white space
 * removed: /(?:^|\r?\n)hyperv-converge: project=([a-z0-9-]+)[ \t]*$/ (no m flag: the last line only).
 * Scanned by hand: it runs for every VM of every plan, and a match object per VM is most of its cost.
 */
function projectStart(trimmed) {
    const line = trimmed.lastIndexOf('\n') + 1;
    if (!trimmed.startsWith(MARKER_PREFIX, line))
        return -1;
    const start = line + MARKER_PREFIX.length;
    if (start === trimmed.length)
        return -1;
    for (let i = start; i < trimmed.length; i++) {
        const c = trimmed.charCodeAt(i);
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d))
            return -1;
    }
    return start;
}
/** Where the marker line begins in trimmed notes (its line break included), or -1. */
function markerIndex(trimmed) {
    if (projectStart(trimmed) === -1)
        return -1;
    const nl = trimmed.lastIndexOf('\n');
    return nl <= 0 ? 0 : trimmed.charCodeAt(nl - 1) === 0x0d ? nl - 1 : nl;
}
function markerLine(project) {
    return `${MARKER_PREFIX}${project}`;
}
/** The project named by the marker on the last line of the notes, or null. */
function ownerOf(notes) {
    // trimEnd strips exactly what /\s+$/ matches (WhiteSpace and LineTerminator), without the regex.
    const trimmed = notes.trimEnd();
    const start = projectStart(trimmed);
    return start === -1 ? null : trimmed.slice(start);
}
/** ownerOf(notes) === project, without making the owner's name. */
function ownedBy(notes, project) {
    const trimmed = notes.trimEnd();
    const start = projectStart(trimmed);
    return start !== -1 && trimmed.length - start === project.length && trimmed.startsWith(project, start);
}
/** The user's part of the notes: everything before the marker line. */
function userNotes(notes) {
    const trimmed = notes.trimEnd();
    const at = markerIndex(trimmed);
    return at === -1 ? notes : trimmed.slice(0, at);
}
/** sameLineEnds(userNotes(notes)) === sameLineEnds(want), without making either text when neither holds a CR. */
function sameUserNotes(notes, want) {
    if (notes.includes('\r') || want.includes('\r'))
        return sameLineEnds(userNotes(notes)) === sameLineEnds(want);
    const trimmed = notes.trimEnd();
    const at = markerIndex(trimmed);
    return at === -1 ? notes === want : at === want.length && trimmed.startsWith(want);
}
/** Notes as this tool writes them: the user's text, then the marker line. */
function withMarker(user, project) {
    return user === '' ? markerLine(project) : `${user}\n${markerLine(project)}`;
}
/** Notes' line ends as one \n (CRLF and a lone CR): how notes are compared and written. */
function sameLineEnds(s) {
    return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}


/***/ }),

/***/ 9497:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ buildIso),
/* harmony export */   gZ: () => (/* binding */ MAX_FILE_BYTES)
/* harmony export */ });
/* unused harmony exports SECTOR, isoNameProblem */
// A small ISO 9660 writer for flat, read-only images of a few small files (a cloud-init seed): one
// root directory, a primary volume descriptor with ISO names and a Joliet supplementary descriptor
// with the exact names (Linux, and so cloud-init, reads Joliet when there is no Rock Ridge; Windows
// reads it too). Deterministic by construction: fixed timestamps, entries sorted, no random ids, so
// the same files always give the same bytes (and the same sha256 in the plan).
// Layout per ECMA-119 (ISO 9660) and the Joliet specification (Microsoft, 1995).
const SECTOR = 2048;
/** Bound per file and per image: a seed is a few kilobytes; anything near this is a mistake. */
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 16;
/** 2000-01-01T00:00:00Z: a fixed recording time keeps the image byte-identical across runs. */
const FIXED = { year: 2000, month: 1, day: 1 };
function isoNameProblem(name) {
    if (name.length < 1 || name.length > 64)
        return 'a name of 1 to 64 characters';
    if (/[\u0000-\u001f/\\;*?:]/u.test(name))
        return "a name without '/', '\\', ';', '*', '?', ':' or control characters";
    return null;
}
/** The ISO 9660 (primary descriptor) name: d-characters, a dot, version 1 (`USER_DATA.;1`). */
function primaryName(name) {
    const dot = name.lastIndexOf('.');
    const base = (dot > 0 ? name.slice(0, dot) : name).toUpperCase().replace(/[^A-Z0-9_]/g, '_');
    const ext = (dot > 0 ? name.slice(dot + 1) : '').toUpperCase().replace(/[^A-Z0-9_]/g, '_');
    return `${base.slice(0, 30 - Math.min(ext.length, 8) - 1)}.${ext.slice(0, 8)};1`;
}
function ucs2(text) {
    const b = Buffer.alloc(text.length * 2);
    for (let i = 0; i < text.length; i++)
        b.writeUInt16BE(text.charCodeAt(i), i * 2);
    return b;
}
const both32 = (buf, at, v) => {
    buf.writeUInt32LE(v, at);
    buf.writeUInt32BE(v, at + 4);
};
const both16 = (buf, at, v) => {
    buf.writeUInt16LE(v, at);
    buf.writeUInt16BE(v, at + 2);
};
/** Fills `len` bytes at `at` with `text` padded by spaces (ASCII, or UCS-2 big-endian when joliet). */
function field(buf, at, len, text, joliet) {
    if (joliet) {
        for (let i = 0; i + 1 < len; i += 2)
            buf.writeUInt16BE(0x20, at + i);
        if (len % 2)
            buf[at + len - 1] = 0x20;
        ucs2(text).copy(buf, at, 0, Math.min(len - (len % 2), text.length * 2));
    }
    else {
        buf.fill(0x20, at, at + len);
        buf.write(text.slice(0, len), at, 'ascii');
    }
}
/** 17-byte descriptor date; `zero` writes "not specified". */
function descriptorDate(buf, at, zero) {
    const text = zero ? '0000000000000000' : `${FIXED.year}${String(FIXED.month).padStart(2, '0')}${String(FIXED.day).padStart(2, '0')}00000000`;
    buf.write(text, at, 'ascii');
    buf[at + 16] = 0; // offset from GMT, 15-minute units
}
function dirRecord(e) {
    const len = 33 + e.id.length + (e.id.length % 2 === 0 ? 1 : 0);
    const r = Buffer.alloc(len);
    r[0] = len;
    r[1] = 0;
    both32(r, 2, e.extent);
    both32(r, 10, e.size);
    r[18] = FIXED.year - 1900;
    r[19] = FIXED.month;
    r[20] = FIXED.day;
    // hour, minute, second, GMT offset: 0
    r[25] = e.dir ? 0x02 : 0x00;
    both16(r, 28, 1);
    r[32] = e.id.length;
    e.id.copy(r, 33);
    return r;
}
function directory(self, entries) {
    const sector = Buffer.alloc(SECTOR);
    let at = 0;
    const all = [{ id: Buffer.from([0]), extent: self, size: SECTOR, dir: true }, { id: Buffer.from([1]), extent: self, size: SECTOR, dir: true }, ...entries];
    for (const e of all) {
        const r = dirRecord(e);
        if (at + r.length > SECTOR)
            throw new RangeError('too many files for one directory sector');
        r.copy(sector, at);
        at += r.length;
    }
    return sector;
}
/** One path table (root only): 10 bytes. */
function pathTable(rootExtent, bigEndian) {
    const t = Buffer.alloc(SECTOR);
    t[0] = 1; // identifier length
    t[1] = 0;
    if (bigEndian) {
        t.writeUInt32BE(rootExtent, 2);
        t.writeUInt16BE(1, 6);
    }
    else {
        t.writeUInt32LE(rootExtent, 2);
        t.writeUInt16LE(1, 6);
    }
    t[8] = 0; // root's identifier, then a pad byte
    return t;
}
const PATH_TABLE_SIZE = 10;
function volumeDescriptor(type, volumeId, totalSectors, paths, root) {
    const joliet = type === 2;
    const d = Buffer.alloc(SECTOR);
    d[0] = type;
    d.write('CD001', 1, 'ascii');
    d[6] = 1;
    field(d, 8, 32, '', joliet); // system identifier
    field(d, 40, 32, volumeId, joliet);
    both32(d, 80, totalSectors);
    if (joliet)
        d.write('%/E', 88, 'ascii'); // UCS-2 level 3
    both16(d, 120, 1); // volume set size
    both16(d, 124, 1); // volume sequence number
    both16(d, 128, SECTOR);
    both32(d, 132, PATH_TABLE_SIZE);
    d.writeUInt32LE(paths.l, 140);
    d.writeUInt32BE(paths.m, 148);
    dirRecord({ id: Buffer.from([0]), extent: root, size: SECTOR, dir: true }).copy(d, 156);
    field(d, 190, 128, '', joliet); // volume set
    field(d, 318, 128, '', joliet); // publisher
    field(d, 446, 128, '', joliet); // data preparer
    field(d, 574, 128, 'HYPERV-CONVERGE', joliet); // application
    field(d, 702, 37, '', joliet);
    field(d, 739, 37, '', joliet);
    field(d, 776, 37, '', joliet);
    descriptorDate(d, 813, false); // creation
    descriptorDate(d, 830, false); // modification
    descriptorDate(d, 847, true); // expiration
    descriptorDate(d, 864, true); // effective
    d[881] = 1; // file structure version
    return d;
}
function terminator() {
    const d = Buffer.alloc(SECTOR);
    d[0] = 255;
    d.write('CD001', 1, 'ascii');
    d[6] = 1;
    return d;
}
const cmp = (a, b) => Buffer.compare(a, b);
/** The image's bytes. Throws RangeError for names or sizes outside the bounds above. */
function buildIso(opts) {
    const { files } = opts;
    if (!/^[A-Za-z0-9_]{1,16}$/.test(opts.volumeId))
        throw new RangeError(`volume id '${opts.volumeId}' must be 1 to 16 of A-Z, a-z, 0-9 and _`);
    if (files.length > MAX_FILES)
        throw new RangeError(`at most ${MAX_FILES} files`);
    const seen = new Set();
    for (const f of files) {
        const why = isoNameProblem(f.name);
        if (why)
            throw new RangeError(`file name '${f.name}' is not allowed: expected ${why}`);
        if (f.data.length > MAX_FILE_BYTES)
            throw new RangeError(`file '${f.name}' is ${f.data.length} bytes; at most ${MAX_FILE_BYTES}`);
        const key = primaryName(f.name);
        if (seen.has(key) || seen.has(f.name.toLowerCase()))
            throw new RangeError(`file name '${f.name}' collides with another file`);
        seen.add(key);
        seen.add(f.name.toLowerCase());
    }
    // Sectors: 0-15 system area, 16 PVD, 17 Joliet SVD, 18 terminator, 19-22 path tables (L, M, Joliet
    // L, Joliet M), 23 root, 24 Joliet root, then the files in name order.
    const ROOT = 23;
    const JROOT = 24;
    let next = 25;
    const placed = [...files]
        .sort((a, b) => cmp(Buffer.from(a.name, 'utf8'), Buffer.from(b.name, 'utf8')))
        .map((f) => {
        const extent = next;
        next += Math.ceil(f.data.length / SECTOR);
        return { ...f, extent };
    });
    const total = next;
    const primary = placed
        .map((f) => ({ id: Buffer.from(primaryName(f.name), 'ascii'), extent: f.extent, size: f.data.length, dir: false }))
        .sort((a, b) => cmp(a.id, b.id));
    const joliet = placed.map((f) => ({ id: ucs2(f.name), extent: f.extent, size: f.data.length, dir: false })).sort((a, b) => cmp(a.id, b.id));
    const out = Buffer.alloc(total * SECTOR);
    volumeDescriptor(1, opts.volumeId.toUpperCase(), total, { l: 19, m: 20 }, ROOT).copy(out, 16 * SECTOR);
    volumeDescriptor(2, opts.volumeId, total, { l: 21, m: 22 }, JROOT).copy(out, 17 * SECTOR);
    terminator().copy(out, 18 * SECTOR);
    pathTable(ROOT, false).copy(out, 19 * SECTOR);
    pathTable(ROOT, true).copy(out, 20 * SECTOR);
    pathTable(JROOT, false).copy(out, 21 * SECTOR);
    pathTable(JROOT, true).copy(out, 22 * SECTOR);
    directory(ROOT, primary).copy(out, ROOT * SECTOR);
    directory(JROOT, joliet).copy(out, JROOT * SECTOR);
    for (const f of placed)
        Buffer.from(f.data).copy(out, f.extent * SECTOR);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
}


/***/ }),

/***/ 4693:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ defaultMetaData),
/* harmony export */   X1: () => (/* binding */ SECRET_REF_RE),
/* harmony export */   Yt: () => (/* binding */ malformedRefs),
/* harmony export */   Zz: () => (/* binding */ SEED_FILE_NAME),
/* harmony export */   ki: () => (/* binding */ buildSeed)
/* harmony export */ });
/* unused harmony exports SEED_VOLUME_ID, secretRefs */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _iso9660_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9497);
// The cloud-init NoCloud seed: `user-data`, `meta-data` and optional `network-config` on an ISO 9660
// volume labelled `cidata` (cloud-init's NoCloud datasource looks for that label:
// https://docs.cloud-init.io/en/latest/reference/datasources/nocloud.html). Secrets never sit in the
// file: the texts name environment variables as `${{ env.NAME }}` and the values are put in only here,
// when the bytes are built; only the image's sha256 ever reaches the plan.


const SEED_VOLUME_ID = 'cidata';
/** The seed's file name in the VM's folder on the host. */
const SEED_FILE_NAME = 'cidata.iso';
/** `${{ env.NAME }}`: `${{` is a shell syntax error and not Jinja, so it cannot mean anything else. */
const SECRET_REF_RE = /\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Anything that starts like a reference but is not a well-formed one. */
const LOOSE_REF_RE = /\$\{\{/g;
/** Environment variable names the texts refer to, sorted, unique. */
function secretRefs(t) {
    const names = new Set();
    for (const text of [t.userData, t.metaData, t.networkConfig ?? ''])
        for (const m of text.matchAll(SECRET_REF_RE))
            names.add(m[1]);
    return [...names].sort();
}
/** Count of `${{` that are not well-formed references (a typo would otherwise reach the guest verbatim). */
function malformedRefs(text) {
    const all = [...text.matchAll(LOOSE_REF_RE)].length;
    const good = [...text.matchAll(SECRET_REF_RE)].length;
    return all - good;
}
/** Builds the seed image, the references replaced by the environment's values. */
function buildSeed(t, env) {
    const refs = secretRefs(t);
    const missing = refs.filter((n) => env[n] === undefined || env[n] === '');
    if (missing.length > 0)
        return { ok: false, missing };
    const fill = (text) => new TextEncoder().encode(text.replace(SECRET_REF_RE, (_m, n) => env[n]));
    const files = [
        { name: 'meta-data', data: fill(t.metaData) },
        { name: 'user-data', data: fill(t.userData) },
        ...(t.networkConfig !== null ? [{ name: 'network-config', data: fill(t.networkConfig) }] : []),
    ];
    const bytes = (0,_iso9660_js__WEBPACK_IMPORTED_MODULE_1__/* .buildIso */ .Ep)({ volumeId: SEED_VOLUME_ID, files });
    const sha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
    return { ok: true, bytes, sha256, sizeBytes: bytes.length, secrets: refs.map((n) => env[n]) };
}
/** meta-data when the file gives none: the VM's name as instance id and host name. */
function defaultMetaData(vmName) {
    const q = JSON.stringify(vmName); // a JSON string is a valid YAML scalar for any name
    return `instance-id: ${q}\nlocal-hostname: ${q}\n`;
}


/***/ }),

/***/ 9013:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   bv: () => (/* binding */ SIZE_PATTERN)
/* harmony export */ });
// Sizes as people write them (`512MB`, `4GB`, `1.5TB`) to bytes and back. Binary multiples, the way
// Hyper-V's own `4GB` literals mean them (PowerShell's GB is 2^30).
const UNITS = { B: 1, KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 };
const SIZE_PATTERN = '^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$';
function parseSize(text) {
    const m = /^([0-9]+(?:\.[0-9]+)?)\s*(B|KB|MB|GB|TB)$/i.exec(text.trim());
    if (!m)
        return null;
    const bytes = Number(m[1]) * UNITS[m[2].toUpperCase()];
    return Number.isSafeInteger(bytes) ? bytes : null;
}
const LARGEST_FIRST = ['TB', 'GB', 'MB', 'KB'];
function formatSize(bytes) {
    for (const u of LARGEST_FIRST) {
        const n = bytes / UNITS[u];
        if (n >= 1 && Number.isInteger(n * 100))
            return `${Number.isInteger(n) ? n : +n.toFixed(2)}${u}`; // toFixed only for a fraction
    }
    return `${bytes}B`;
}


/***/ }),

/***/ 8010:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N4: () => (/* binding */ acquireDirLock),
/* harmony export */   QM: () => (/* binding */ acquireHostLock),
/* harmony export */   YS: () => (/* binding */ inspectHostLock),
/* harmony export */   vh: () => (/* binding */ breakHostLock)
/* harmony export */ });
/* unused harmony exports DEFAULT_LOCK_POLL_MS, DEFAULT_LOCK_STALE_MS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(4296);
/* harmony import */ var _printable_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(8433);
/* harmony import */ var _process_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(8679);
/* harmony import */ var _state_files_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(8490);
// One apply per host at a time. The lock is a file in the state directory that names its holder.
//
// Protocol (works across processes and on Windows and POSIX file systems):
// - every change to the lock file (create, replace a stale one, release) happens while holding a
//   short-lived guard file (`<lock>.guard`, created atomically, held for milliseconds). Nobody ever
//   moves a live lock aside, so there is no moment in which two processes can both believe they hold
//   it. (An earlier design moved a stale-looking lock aside to check it; under contention a third
//   process could create a lock in that gap and two processes ended up holding it.)
// - create: the record is written to a private temp file, then hard-linked into place: link() fails
//   with EEXIST when the file exists, and a reader never sees a half-written record. Where hard links
//   are unsupported we fall back to an O_EXCL create.
// - heartbeat: the holder touches the lock's mtime while it holds it, so "stale" means "no sign of
//   life for staleAfterMs", not "an apply that simply runs long".
// - a guard left by a process that died while holding it (its pid gone on this host, or older than
//   GUARD_STALE_MS) is cleared, re-checking after an atomic rename that it is still the one judged.
// - a holder is judged dead by its pid only where that pid means the same process: same host name,
//   same kernel boot, same pid namespace, same start time (process-identity.ts). A holder in another
//   container sharing the state volume is judged by its heartbeat alone.
// - release removes the lock only when it still carries our token.









/** What tells the holder's process apart from another with the same pid. */
function identityFields(pid) {
    const id = (0,_process_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .identityOf */ .cu)(pid);
    return { bootId: id.bootId, pidNs: id.pidNs, startTicks: id.startTicks };
}
const DEFAULT_LOCK_POLL_MS = 500;
const DEFAULT_LOCK_STALE_MS = 10 * 60_000;
/** A takeover guard older than this belongs to a takeover that died midway. */
const GUARD_STALE_MS = 30_000;
async function acquireHostLock(stateDir, hostKey, opts) {
    validateHolder(opts.holder);
    await (0,_state_files_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureStateDir */ .xH)(stateDir);
    return acquireLockAt((0,_state_files_js__WEBPACK_IMPORTED_MODULE_7__/* .lockPath */ .HZ)(stateDir, hostKey), hostKey, opts);
}
/** The same lock on a file of the caller's choosing (e.g. one output folder per run). */
async function acquireDirLock(dir, fileName, label, opts) {
    validateHolder(opts.holder);
    await (0,_state_files_js__WEBPACK_IMPORTED_MODULE_7__/* .ensureStateDir */ .xH)(dir);
    return acquireLockAt((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, fileName), label, opts);
}
async function acquireLockAt(path, hostKey, opts) {
    const waitMs = nonNegative(opts.waitMs, 'waitMs');
    const pollMs = Math.max(1, nonNegative(opts.pollMs ?? DEFAULT_LOCK_POLL_MS, 'pollMs'));
    const staleAfterMs = Math.max(1, nonNegative(opts.staleAfterMs ?? DEFAULT_LOCK_STALE_MS, 'staleAfterMs'));
    const warn = opts.warn ?? (() => undefined);
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    const record = { v: 1, hostKey, token, ...pickHolder(opts.holder), ...identityFields(opts.holder.pid) };
    const deadline = Date.now() + waitMs;
    let tookOver = null;
    let last = null;
    for (;;) {
        if (opts.signal?.aborted)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .HvcError */ .Iy('cancelled', `cancelled while waiting for the lock of '${(0,_printable_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g)(hostKey)}'; nothing was changed`);
        const guard = await takeGuard(path, record);
        if (guard) {
            try {
                const seen = await readLock(path);
                const stale = seen ? staleReason(seen, staleAfterMs) : null;
                if (seen && stale !== null) {
                    // Only guard holders change the file, so the lock we judged is the one we remove.
                    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(path).catch((e) => {
                        if (errCode(e) !== 'ENOENT')
                            throw e;
                    });
                    tookOver = seen.record ? pickHolder(seen.record) : null;
                    warn(`took over a stale host lock for '${hostKey}' (${describe(seen)}): ${stale}`);
                }
                if (!seen || stale !== null) {
                    if (await createExclusive(path, JSON.stringify(record)))
                        break;
                    tookOver = null; // a writer outside the protocol (a hand-made file) got there first
                }
                else {
                    last = seen;
                }
            }
            finally {
                await guard.release();
            }
        }
        const left = deadline - Date.now();
        if (left <= 0)
            throw lockedError(hostKey, path, last ?? (await readLock(path)), waitMs, staleAfterMs);
        await sleep(Math.min(guard ? pollMs : Math.min(pollMs, 5 + Math.floor(Math.random() * 20)), left), opts.signal);
    }
    return holdLock(path, record, hostKey, staleAfterMs, warn, tookOver);
}
function holdLock(path, record, hostKey, staleAfterMs, warn, tookOver) {
    const token = record.token;
    let released = false;
    let lostWarned = false;
    // Heartbeat: keep mtime fresh so that a long apply is never mistaken for a stale one.
    const beat = setInterval(() => {
        void (async () => {
            const seen = await readLock(path);
            if (seen?.record?.token === token) {
                const now = new Date();
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.utimes)(path, now, now).catch(() => undefined);
            }
            else if (!released && !lostWarned) {
                lostWarned = true;
                warn(`the host lock for '${hostKey}' at ${path} is no longer ours (${seen ? describe(seen) : 'removed'})`);
            }
        })().catch(() => undefined);
    }, Math.max(20, Math.floor(staleAfterMs / 4)));
    beat.unref();
    // A process that ends without release (uncaught error, process.exit) still clears its own lock.
    const onExit = () => {
        try {
            const rec = parseRecord((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8'));
            if (rec?.token === token)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(path);
        }
        catch {
            /* nothing to clear */
        }
    };
    process.once('exit', onExit);
    return {
        path,
        tookOver,
        async release() {
            if (released)
                return;
            released = true;
            clearInterval(beat);
            process.removeListener('exit', onExit);
            await removeIfOwned(path, token, record);
        },
    };
}
/** Atomic create: true when we created it, false when it already exists. */
async function createExclusive(path, content) {
    const tmp = `${path}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}.tmp`;
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(tmp, 'wx');
    try {
        await fh.writeFile(content, 'utf8');
        await fh.sync();
    }
    finally {
        await fh.close();
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(tmp, path);
        return true;
    }
    catch (e) {
        const code = errCode(e);
        if (code === 'EEXIST')
            return false;
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV')
            return createWithExcl(path, content);
        throw e;
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(tmp).catch(() => undefined);
    }
}
/** Fallback for file systems without hard links: O_EXCL create, then write. */
async function createWithExcl(path, content) {
    let fh;
    try {
        fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'wx');
    }
    catch (e) {
        if (errCode(e) === 'EEXIST')
            return false;
        throw e;
    }
    try {
        await fh.writeFile(content, 'utf8');
        await fh.sync();
    }
    finally {
        await fh.close();
    }
    return true;
}
async function readLock(path) {
    try {
        const [raw, st] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(path, 'utf8'), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(path)]);
        return { raw, record: parseRecord(raw), mtimeMs: st.mtimeMs };
    }
    catch (e) {
        if (errCode(e) === 'ENOENT')
            return null;
        throw e;
    }
}
function parseRecord(raw) {
    try {
        const r = JSON.parse(raw);
        if (r && typeof r === 'object' && r.v === 1 && typeof r.token === 'string' && typeof r.runId === 'string' &&
            typeof r.pid === 'number' && typeof r.hostname === 'string' && typeof r.startedAt === 'string') {
            return r;
        }
    }
    catch {
        /* unreadable */
    }
    return null;
}
/** Why a seen lock is stale, or null when its holder may still be working. */
function staleReason(seen, staleAfterMs) {
    const r = seen.record;
    if (r && (0,_process_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .liveness */ .QX)(r) === 'dead') {
        return `its holder (pid ${r.pid}) is no longer running on this host`;
    }
    const idle = Date.now() - seen.mtimeMs;
    if (idle > staleAfterMs)
        return `no heartbeat for ${Math.round(idle / 1000)} s (stale after ${Math.round(staleAfterMs / 1000)} s)`;
    return null;
}
/** The guard serializing changes to the lock file; null while another process holds it. */
async function takeGuard(path, record) {
    const guard = `${path}.guard`;
    const mine = JSON.stringify({ v: 1, token: record.token, runId: record.runId, pid: process.pid, hostname: (0,node_os__WEBPACK_IMPORTED_MODULE_3__.hostname)(), startedAt: new Date().toISOString(), ...identityFields(process.pid) });
    if (await createExclusive(guard, mine)) {
        return { release: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(guard).catch(() => undefined) };
    }
    // Held by someone else: clear it only if its holder died while holding it.
    const g = await readLock(guard);
    if (g && staleReason(g, GUARD_STALE_MS) !== null)
        await removeIfSame(guard, g);
    return null;
}
async function removeIfOwned(path, token, record) {
    const guard = record ? await waitForGuard(path, record, 5_000) : null;
    try {
        const seen = await readLock(path);
        if (seen?.record?.token !== token)
            return; // not ours (taken over, or cleared by hand): leave it
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(path).catch((e) => {
            if (errCode(e) !== 'ENOENT')
                throw e;
        });
    }
    finally {
        await guard?.release();
    }
}
async function waitForGuard(path, record, boundMs) {
    const until = Date.now() + boundMs;
    for (;;) {
        const g = await takeGuard(path, record);
        if (g || Date.now() >= until)
            return g;
        await sleep(5 + Math.floor(Math.random() * 10));
    }
}
/** Removes `path` only if it is still the lock we saw; a lock that replaced it meanwhile is restored. */
async function removeIfSame(path, seen) {
    const aside = `${path}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}.release`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(path, aside);
    }
    catch (e) {
        if (errCode(e) === 'ENOENT')
            return;
        throw e;
    }
    const moved = await readLock(aside);
    if (moved && !sameLock(moved, seen))
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.link)(aside, path).catch(() => undefined);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.unlink)(aside).catch(() => undefined);
}
function sameLock(a, b) {
    if (a.record && b.record)
        return a.record.token === b.record.token;
    return a.raw === b.raw;
}
function lockedError(hostKey, path, seen, waitMs, staleAfterMs) {
    const who = seen ? describe(seen) : 'an unknown holder';
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .HvcError */ .Iy('locked', `host '${hostKey}' is locked by ${who}; waited ${waitMs} ms. ` +
        `If that run is no longer active, release the lock with 'hyperv-converge unlock ${seen?.record ? (0,_printable_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g)(seen.record.runId) : 'unreadable'}' (or delete ${path}). ` +
        `It is also taken over automatically once its process is gone (same host) or after ${Math.round(staleAfterMs / 1000)} s without heartbeat.`, { detail: { holder: seen?.record ? pickHolder(seen.record) : null, lockPath: path, waitedMs: waitMs } });
}
function describe(seen) {
    const r = seen.record;
    if (!r)
        return `an unreadable lock file (last modified ${new Date(seen.mtimeMs).toISOString()})`;
    return `run ${(0,_printable_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g)(r.runId)} (pid ${r.pid} on ${(0,_printable_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g)(r.hostname)}, since ${(0,_printable_js__WEBPACK_IMPORTED_MODULE_8__/* .printable */ .g)(r.startedAt)})`;
}
function pickHolder(h) {
    return { runId: h.runId, pid: h.pid, hostname: h.hostname, startedAt: h.startedAt };
}
function validateHolder(h) {
    const ok = h && typeof h.runId === 'string' && h.runId !== '' && Number.isInteger(h.pid) && h.pid > 0 &&
        typeof h.hostname === 'string' && h.hostname !== '' && typeof h.startedAt === 'string' && h.startedAt !== '';
    if (!ok)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .HvcError */ .Iy('usage', 'lock holder needs runId, a positive integer pid, hostname and startedAt');
}
function nonNegative(n, name) {
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .HvcError */ .Iy('usage', `${name} must be a non-negative number of milliseconds`);
    return n;
}
function errCode(e) {
    return e?.code;
}
function sleep(ms, signal) {
    return new Promise((r) => {
        const done = () => {
            clearTimeout(t);
            signal?.removeEventListener('abort', done);
            r();
        };
        const t = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/** Who holds the host lock now (null: nobody), for `unlock` and lock-wait messages. */
async function inspectHostLock(stateDir, hostKey) {
    const path = (0,_state_files_js__WEBPACK_IMPORTED_MODULE_7__/* .lockPath */ .HZ)(stateDir, hostKey);
    const seen = await readLock(path);
    return seen ? { path, holder: seen.record ? pickHolder(seen.record) : null, modifiedAt: new Date(seen.mtimeMs).toISOString() } : null;
}
/**
 * Releases the host lock on purpose (an operator clearing a stale lock), only if it is still the one
 * they were shown: held by `runId`, or unreadable when runId is null. Goes through the guard like
 * every other change to the lock file. Returns the holder released, or null when the lock changed.
 */
async function breakHostLock(stateDir, hostKey, runId) {
    const path = (0,_state_files_js__WEBPACK_IMPORTED_MODULE_7__/* .lockPath */ .HZ)(stateDir, hostKey);
    const me = { v: 1, hostKey, token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(), runId: 'unlock', pid: process.pid, hostname: (0,node_os__WEBPACK_IMPORTED_MODULE_3__.hostname)(), startedAt: new Date().toISOString() };
    const guard = await waitForGuard(path, me, 5_000);
    if (!guard)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .HvcError */ .Iy('locked', `the lock of '${hostKey}' is being changed by another process right now; try again`);
    try {
        const seen = await readLock(path);
        if (!seen)
            return { released: false, holder: null };
        const holder = seen.record ? pickHolder(seen.record) : null;
        if ((holder?.runId ?? null) !== runId)
            return { released: false, holder };
        await removeIfSame(path, seen);
        return { released: true, holder };
    }
    finally {
        await guard.release();
    }
}


/***/ }),

/***/ 8679:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QX: () => (/* binding */ liveness),
/* harmony export */   cu: () => (/* binding */ identityOf)
/* harmony export */ });
/* unused harmony exports startTicksOf, pidRunning */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
// Who a process is, beyond its pid: a pid alone is ambiguous across PID namespaces (containers
// sharing a state volume), across reboots and after the pid is reused. On Linux the kernel's boot id,
// the pid namespace and the process's start time (in clock ticks since boot) pin it down; elsewhere
// (Windows) only the host name and pid are known, and the answer errs towards "alive".


function readText(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8').trim();
    }
    catch {
        return null;
    }
}
function bootId() {
    return readText('/proc/sys/kernel/random/boot_id');
}
function pidNamespace() {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)('/proc/self/ns/pid');
    }
    catch {
        return null;
    }
}
/** Start time of a process in this namespace; null when it is not running or /proc is absent. */
function startTicksOf(pid) {
    const stat = readText(`/proc/${pid}/stat`);
    if (!stat)
        return null;
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null;
}
/** The identity of a process of this host and namespace (this process by default). */
function identityOf(pid = process.pid) {
    return { pid, hostname: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(), bootId: bootId(), pidNs: pidNamespace(), startTicks: startTicksOf(pid) };
}
/** True when `pid` names a running process here (EPERM: it exists but is someone else's). */
function pidRunning(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        return e.code === 'EPERM';
    }
}
/**
 * Whether the process a record names still runs. 'unknown' when it lives where this process cannot
 * look: another host name, another boot of the kernel, another pid namespace.
 */
function liveness(id) {
    if (typeof id.pid !== 'number' || !Number.isInteger(id.pid) || id.pid <= 0)
        return 'unknown';
    if (typeof id.hostname !== 'string' || id.hostname.toLowerCase() !== (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)().toLowerCase())
        return 'unknown';
    // Records written before these fields existed are judged by host name and pid alone.
    if (id.bootId !== undefined && id.bootId !== bootId())
        return 'unknown';
    if (id.pidNs !== undefined && id.pidNs !== pidNamespace())
        return 'unknown';
    if (!pidRunning(id.pid))
        return 'dead';
    if (id.startTicks && startTicksOf(id.pid) !== id.startTicks)
        return 'dead'; // the pid was reused
    return 'alive';
}


/***/ }),

/***/ 8490:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HY: () => (/* binding */ journalPath),
/* harmony export */   HZ: () => (/* binding */ lockPath),
/* harmony export */   UN: () => (/* binding */ hostFileKey),
/* harmony export */   cz: () => (/* binding */ previousJournalPath),
/* harmony export */   xH: () => (/* binding */ ensureStateDir)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4296);
// Where apply keeps what must outlive a job (host lock, journal): one file per host key inside the
// state directory. Host keys are computer names or `local`; they are turned into safe file names so
// that a name like `..\hv01` or `HV01` can neither escape the directory nor split one host in two.




/** A file-name-safe form of a host key; Windows computer names are case-insensitive. */
function hostFileKey(hostKey) {
    if (typeof hostKey !== 'string' || hostKey.trim() === '') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HvcError */ .Iy('usage', 'host key for the state directory must be a non-empty string');
    }
    const lower = hostKey.trim().toLowerCase();
    const safe = lower.replace(/[^a-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 64);
    // Keep distinct hosts distinct when sanitizing changed the name.
    if (safe === lower)
        return safe;
    return `${safe}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(lower, 'utf8').digest('hex').slice(0, 8)}`;
}
function lockPath(stateDir, hostKey) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stateDir, `${hostFileKey(hostKey)}.lock`);
}
function journalPath(stateDir, hostKey) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stateDir, `${hostFileKey(hostKey)}.journal.jsonl`);
}
/** The journal's one previous generation, kept after a rotation (see journal.ts). */
function previousJournalPath(stateDir, hostKey) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(stateDir, `${hostFileKey(hostKey)}.journal.1.jsonl`);
}
async function ensureStateDir(stateDir) {
    if (typeof stateDir !== 'string' || stateDir === '') {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HvcError */ .Iy('usage', 'state directory must be a non-empty path');
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(stateDir, { recursive: true });
    }
    catch (e) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HvcError */ .Iy('usage', `state directory ${stateDir} cannot be created: ${e.message}`, { cause: e });
    }
}


/***/ }),

/***/ 2775:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F$: () => (/* binding */ DEFAULT_CANCEL_GRACE_MS),
/* harmony export */   MS: () => (/* binding */ unlessCancelled),
/* harmony export */   cJ: () => (/* binding */ Cancelled),
/* harmony export */   qL: () => (/* binding */ withinGrace)
/* harmony export */ });
// A run's cancellation (src/entry/signals.ts): the first signal stops new work; what is in flight
// either is abandoned at once (reads: nothing on a host is left half-done) or gets a bounded grace
// (writes), which a second signal ends. The run then ends as `cancelled`.
/** Thrown inside a run to end it as cancelled; the run's own catch turns it into result.json. */
class Cancelled extends Error {
}
/** How long in-flight operations get to answer after the first signal. */
const DEFAULT_CANCEL_GRACE_MS = 5_000;
/** A read that a signal cuts short at once: p, or Cancelled as soon as the signal fires. */
async function unlessCancelled(p, signal) {
    if (!signal)
        return p;
    if (signal.aborted)
        throw new Cancelled();
    let onAbort = () => undefined;
    const aborted = new Promise((_, reject) => {
        onAbort = () => reject(new Cancelled());
        signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        return await Promise.race([p, aborted]);
    }
    finally {
        signal.removeEventListener('abort', onAbort);
    }
}
/**
 * Work that starts nothing new after `signal` (it is handed the signal) but may be inside a write: it
 * gets `graceMs` from the signal to end, less when `now` (the second signal) fires. p's value, or
 * 'abandoned' once the grace is over.
 */
async function withinGrace(p, signal, graceMs, now) {
    if (!signal)
        return p;
    let timer;
    let onAbort;
    let onNow;
    const over = new Promise((resolve) => {
        onAbort = () => {
            timer = setTimeout(() => resolve('abandoned'), graceMs);
        };
        onNow = () => resolve('abandoned');
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
        if (now?.aborted)
            onNow();
        else
            now?.addEventListener('abort', onNow, { once: true });
    });
    try {
        return await Promise.race([p, over]);
    }
    finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        now?.removeEventListener('abort', onNow);
    }
}


/***/ }),

/***/ 4760:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ streamLogger),
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
const silentLogger = {
    info() { },
    warn() { },
    error() { },
    debug() { },
    group: (_name, fn) => fn(),
};
/** Writes to a stream (stderr for the CLI, so stdout stays for --json). */
function streamLogger(write, verbose) {
    const where = (at) => (at?.file ? `${at.file}${at.line ? `:${at.line}` : ''}${at.column ? `:${at.column}` : ''}: ` : '');
    return {
        info: (m) => write(m),
        warn: (m, at) => write(`warning: ${where(at)}${m}`),
        error: (m, at) => write(`error: ${where(at)}${m}`),
        debug: (m) => {
            if (verbose)
                write(`  ${m}`);
        },
        async group(name, fn) {
            const t0 = performance.now();
            if (verbose)
                write(`── ${name}`);
            try {
                return await fn();
            }
            finally {
                if (verbose)
                    write(`   ${name}: ${Math.round(performance.now() - t0)} ms`);
            }
        },
    };
}


/***/ }),

/***/ 938:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ runResult),
/* harmony export */   Z: () => (/* binding */ writeResult)
/* harmony export */ });
/* harmony import */ var _artifacts_write_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7900);

/** A result.json body: what the run says, with nothing executed unless the fields say otherwise. */
function runResult(fields) {
    return { schemaVersion: 1, planHash: null, steps: [], postObservation: null, converged: null, remaining: [], extra: {}, ...fields };
}
/**
 * Writes result.json; when that fails, the result goes to the log as JSON with the reason
 * 'output-failed' (a reason the run already had is kept), so the steps that ran are never lost.
 * Returns the file ('' when not written) and the result as finally reported.
 */
function writeResult(outDir, result, log) {
    try {
        return { file: (0,_artifacts_write_js__WEBPACK_IMPORTED_MODULE_0__/* .writeArtifact */ .w6)(outDir, 'result.json', result), result };
    }
    catch (e) {
        const failed = { ...result, status: result.status === 'refused' ? 'refused' : 'failed', failureReason: result.failureReason ?? 'output-failed', message: `${result.message}; ${e.message}` };
        log.error(`output-failed: ${e.message}; the run's result follows`);
        log.error(JSON.stringify({ status: failed.status, failureReason: failed.failureReason, message: failed.message, planHash: failed.planHash, steps: failed.steps }));
        return { file: '', result: failed };
    }
}


/***/ }),

/***/ 8433:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ printable)
/* harmony export */ });
// Values read from files another process wrote (journal, lock, agent records) are printed through
// this: control, format and line-separator characters become \uXXXX, so no file can drive a terminal.
function printable(s) {
    return String(s).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.codePointAt(0).toString(16).padStart(4, '0')}`);
}


/***/ }),

/***/ 7020:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  guestPhase: () => (/* binding */ guestPhase),
  K: () => (/* binding */ runReconcile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/artifacts/write.ts
var write = __nccwpck_require__(7900);
// EXTERNAL MODULE: ./src/backends/index.ts + 9 modules
var backends = __nccwpck_require__(9111);
// EXTERNAL MODULE: ./src/core/config/load.ts + 10 modules
var load = __nccwpck_require__(1487);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/model/assess.ts
var assess = __nccwpck_require__(3023);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/guest/addresses.ts
// IP discovery for running VMs. Tier 1: the addresses Hyper-V reports for the VM's adapters (the
// guest's KVP daemon feeds them). Tier 2: the host's neighbor (ARP) table, matched by the adapter's
// MAC. Polls with a bound, because the first queries after boot usually return nothing, and when
// nothing answers it says why and what to do, per VM.

const KVP_FIX = 'install and start the KVP daemon in the guest: hyperv-daemons (RHEL/Fedora/Alpine: hv_kvp_daemon) or ' +
    'linux-cloud-tools-virtual (Ubuntu/Debian: hv-kvp-daemon.service); check with ' +
    '`Get-VMIntegrationService -VMName <vm>` that "Key-Value Pair Exchange" is enabled and reports OK';
const ARP_FIX = 'check that the VM is on a switch the host also sits on (External, or Internal with a host vNIC; the ' +
    'Default Switch works) and that the guest obtained an address (DHCP)';
/** Normalizes a MAC in any common notation (00-15-5D-…, 00:15:5d:…, 00155D…) to 12 upper-case hex. */
function normalizeMac(mac) {
    return mac.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
}
/** Formats 12 hex digits the way Hyper-V and Get-NetNeighbor print them: 00-15-5D-01-02-03. */
function formatMac(mac) {
    return normalizeMac(mac).replace(/(..)(?!$)/g, '$1-');
}
/**
 * Whether an address may stand for the guest: not unspecified, not APIPA/link-local, not multicast;
 * IPv6 only when asked for. Loopback is not filtered: the KVP daemon never reports it, and tests reach
 * a real sshd through it.
 */
function usableAddress(raw, ipv6) {
    const ip = raw.trim();
    const family = (0,external_node_net_.isIP)(ip);
    if (family === 4) {
        const [a, b] = ip.split('.').map(Number);
        if (ip === '0.0.0.0' || a === 0)
            return false;
        if (a === 169 && b === 254)
            return false; // APIPA: DHCP failed
        if (a >= 224)
            return false; // multicast, reserved, broadcast
        return true;
    }
    if (family === 6) {
        if (!ipv6)
            return false;
        const lower = ip.toLowerCase();
        if (lower === '::')
            return false;
        if (/^fe[89ab]/.test(lower))
            return false; // link-local fe80::/10: not routable without a zone
        if (lower.startsWith('ff'))
            return false; // multicast
        return true;
    }
    return false; // not an address at all (zone ids, garbage)
}
/** IPv4 first (what /etc/hosts users expect), otherwise the reported order. */
function pick(ips, ipv6) {
    const usable = ips.map((s) => s.trim()).filter((s) => usableAddress(s, ipv6));
    return usable.find((s) => (0,external_node_net_.isIP)(s) === 4) ?? usable[0] ?? null;
}
// ARP entries in these states hold no usable MAC/IP binding.
const DEAD_NEIGHBOR = new Set(['unreachable', 'incomplete']);
function fromKvp(vm, ipv6) {
    for (const a of vm.adapters) {
        const address = pick(a.ips, ipv6);
        if (address)
            return { address, mac: normalizeMac(a.mac), tier: 'kvp' };
    }
    return null;
}
function fromArp(vm, neighbors, ipv6) {
    for (const a of vm.adapters) {
        const mac = normalizeMac(a.mac);
        const ips = neighbors
            .filter((n) => normalizeMac(n.mac) === mac && !DEAD_NEIGHBOR.has(n.state.toLowerCase()))
            .map((n) => n.ip);
        const address = pick(ips, ipv6);
        if (address)
            return { address, mac, tier: 'arp' };
    }
    return null;
}
function diagnose(vm, name, neighbors, ipv6) {
    if (!vm) {
        return { mac: null, reason: `the host did not report VM '${name}'`, fix: 'check that the VM exists on the host' };
    }
    if (vm.state.toLowerCase() !== 'running') {
        return { mac: null, reason: `VM '${name}' is ${vm.state}, not Running`, fix: 'start the VM' };
    }
    if (vm.adapters.length === 0) {
        return { mac: null, reason: `VM '${name}' has no network adapter`, fix: 'add a network adapter connected to a switch' };
    }
    const mac = normalizeMac(vm.adapters[0].mac);
    const parts = [];
    const fixes = [];
    const reported = vm.adapters.flatMap((a) => a.ips);
    if (reported.length > 0) {
        // KVP works, but nothing it reported can stand for the guest.
        parts.push(`KVP reported only unusable addresses (${reported.join(', ')}${ipv6 ? '' : '; IPv6 is ignored unless ssh.ipv6 is set'})`);
        fixes.push(reported.some((ip) => ip.startsWith('169.254.')) ? 'the guest has an APIPA address: DHCP failed on its switch; check the switch' : 'check the guest network configuration');
    }
    else if (vm.kvp === null) {
        parts.push('KVP: the VM has no Key-Value Pair Exchange integration service');
        fixes.push(KVP_FIX);
    }
    else if (!vm.kvp.enabled) {
        parts.push('KVP: the Key-Value Pair Exchange integration service is disabled for the VM');
        fixes.push(`enable it: Enable-VMIntegrationService -VMName '${name}' -Name 'Key-Value Pair Exchange'; then ${KVP_FIX}`);
    }
    else if (vm.kvp.status.toLowerCase() !== 'ok') {
        parts.push(`KVP: the KVP service is not running in the guest (host status: ${vm.kvp.status || 'unknown'})`);
        fixes.push(KVP_FIX);
    }
    else {
        parts.push('KVP: the service is running but reported no address yet');
        fixes.push('wait for the guest to finish booting, or raise ssh.discoveryTimeout');
    }
    const macs = vm.adapters.map((a) => formatMac(a.mac)).join(', ');
    const arpIps = neighbors.filter((n) => vm.adapters.some((a) => normalizeMac(a.mac) === normalizeMac(n.mac))).map((n) => n.ip);
    parts.push(arpIps.length > 0 ? `ARP: only unusable entries for MAC ${macs} (${arpIps.join(', ')})` : `ARP: no entry for MAC ${macs} in the host's neighbor table`);
    fixes.push(ARP_FIX);
    return { mac, reason: parts.join('; '), fix: fixes.join('; or ') };
}
const defaultSleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** p, or earlier when the signal fires (the pause between polls is not worth waiting out). */
function untilAborted(p, signal) {
    if (!signal)
        return p;
    if (signal.aborted)
        return Promise.resolve();
    let onAbort = () => undefined;
    const aborted = new Promise((r) => {
        onAbort = r;
        signal.addEventListener('abort', onAbort, { once: true });
    });
    return Promise.race([p, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
/**
 * Polls `query` for the VMs still without an address until all have one or `timeoutMs` passes. The
 * number of polls is bounded by the timeout over the poll interval even when the clock stands still.
 * A failing query counts as a poll that found nothing; its error becomes the reason.
 */
async function discoverAddresses(query, vms, opts) {
    const now = opts.now ?? Date.now;
    const sleep = opts.sleep ?? defaultSleep;
    const pollMs = Math.max(1, opts.pollMs);
    const maxPolls = Math.max(1, Math.floor(Math.max(0, opts.timeoutMs) / pollMs) + 1);
    const start = now();
    const found = new Map();
    const why = new Map();
    for (let poll = 1;; poll++) {
        const pending = vms.filter((v) => !found.has(v.id));
        if (pending.length === 0)
            break;
        if (opts.signal?.aborted) {
            for (const v of pending)
                why.set(v.id, { mac: why.get(v.id)?.mac ?? null, reason: 'the run was cancelled before an address was found', fix: 'run the command again' });
            break;
        }
        try {
            const report = await query(pending.map((v) => v.id));
            const neighbors = report.neighbors ?? [];
            for (const v of pending) {
                const vm = report.vms.find((r) => r.id.toLowerCase() === v.id.toLowerCase());
                const hit = vm && vm.state.toLowerCase() === 'running' ? (fromKvp(vm, opts.ipv6) ?? fromArp(vm, neighbors, opts.ipv6)) : null;
                if (hit)
                    found.set(v.id, { ...hit, at: new Date(now()).toISOString() });
                else
                    why.set(v.id, diagnose(vm, v.name, neighbors, opts.ipv6));
            }
        }
        catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            for (const v of pending) {
                why.set(v.id, { mac: why.get(v.id)?.mac ?? null, reason: `the address query failed: ${message}`, fix: 'run `hyperv-converge doctor` to check the host connection' });
            }
        }
        if (vms.every((v) => found.has(v.id)))
            break;
        if (poll >= maxPolls || now() - start + pollMs > opts.timeoutMs)
            break;
        await untilAborted(sleep(pollMs), opts.signal);
    }
    return vms.map((v) => {
        const previous = opts.previous?.[v.id] ?? opts.previous?.[v.name] ?? null;
        const hit = found.get(v.id);
        if (hit) {
            return { vm: v.name, id: v.id, address: hit.address, mac: hit.mac, tier: hit.tier, at: hit.at, previous, changed: previous !== null && previous !== hit.address, reason: null, fix: null };
        }
        const d = why.get(v.id) ?? { mac: null, reason: 'not queried', fix: 'raise ssh.discoveryTimeout' };
        return { vm: v.name, id: v.id, address: null, mac: d.mac, tier: null, at: null, previous, changed: false, reason: d.reason, fix: d.fix };
    });
}
/** Addresses claimed by more than one VM: a guest cannot be told apart, so it is neither synced nor listed. */
function findDuplicateAddresses(results) {
    const byAddress = new Map();
    for (const r of results) {
        if (r.address === null)
            continue;
        const key = r.address.toLowerCase();
        byAddress.set(key, [...(byAddress.get(key) ?? []), r.vm]);
    }
    return [...byAddress.entries()]
        .filter(([, names]) => names.length > 1)
        .map(([address, names]) => ({ address, vms: [...names].sort() }))
        .sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

;// CONCATENATED MODULE: ./src/guest/hosts-block.ts
// The managed block in a guest's /etc/hosts, as pure text functions: render it, merge it into the
// file as it is (everything outside the block kept byte for byte), and diff for dry runs. The file is
// handled as a latin1 string so that any byte sequence round-trips unchanged.


const BEGIN_MARKER = '# BEGIN hyperv-converge managed hosts (do not edit inside this block)';
const END_MARKER = '# END hyperv-converge managed hosts';
// RFC 1123 host name: labels of letters, digits and inner hyphens, dot-separated.
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
/** Whether a VM name can be written into /etc/hosts as a host name. */
function validHostName(name) {
    return HOSTNAME.test(name);
}
function byteOrder(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The block's lines (markers included), entries sorted by name then address. */
function renderBlockLines(entries) {
    for (const e of entries) {
        if (!validHostName(e.name))
            throw new errors/* HvcError */.Iy('usage', `'${e.name}' is not a valid host name for /etc/hosts`);
        if ((0,external_node_net_.isIP)(e.address) === 0)
            throw new errors/* HvcError */.Iy('usage', `'${e.address}' (for ${e.name}) is not an IP address`);
    }
    const sorted = [...entries].sort((a, b) => byteOrder(a.name, b.name) || byteOrder(a.address, b.address));
    return [BEGIN_MARKER, ...sorted.map((e) => `${e.address}\t${e.name}`), END_MARKER];
}
function splitLines(text) {
    const lines = [];
    let start = 0;
    while (start < text.length) {
        const nl = text.indexOf('\n', start);
        const stop = nl === -1 ? text.length : nl;
        const end = stop > start && text[stop - 1] === '\r' ? stop - 1 : stop;
        lines.push({ start, end, text: text.slice(start, end) });
        start = nl === -1 ? text.length : nl + 1;
    }
    return lines;
}
// The BEGIN line is matched by its prefix so that a reworded explanation never orphans a block.
const isBegin = (l) => l.text.startsWith('# BEGIN hyperv-converge managed hosts');
const isEnd = (l) => l.text.trimEnd() === END_MARKER;
/**
 * Where the managed block sits, or null when there is none. A BEGIN without END, an END without
 * BEGIN, or two blocks are refused: guessing could eat the user's lines.
 */
function findBlock(text) {
    const lines = splitLines(text);
    const begins = lines.filter(isBegin);
    const ends = lines.filter(isEnd);
    if (begins.length === 0 && ends.length === 0)
        return null;
    if (begins.length !== 1 || ends.length !== 1 || ends[0].start < begins[0].start) {
        throw new errors/* HvcError */.Iy('usage', `the hosts file holds ${begins.length} BEGIN and ${ends.length} END marker(s) of the managed block in the wrong shape; ` +
            'fix the file by hand so that it holds one block or none');
    }
    return { start: begins[0].start, end: ends[0].end };
}
/** The file's line terminator: CRLF when any line uses it, else LF. */
function lineEnding(text) {
    return text.includes('\r\n') ? '\r\n' : '\n';
}
/**
 * The file with the managed block set to `entries`: an existing block is replaced in place; a new
 * one is appended after the last line (a terminator is added after that line if it lacked one).
 * Everything else is returned unchanged.
 */
function mergeBlock(text, entries) {
    const eol = lineEnding(text);
    const block = renderBlockLines(entries).join(eol);
    const at = findBlock(text);
    if (at)
        return text.slice(0, at.start) + block + text.slice(at.end);
    if (text.length === 0)
        return block + eol;
    const endsWithNewline = text.endsWith('\n');
    // Keep the file's habit: with no final newline before, none after the block either.
    return text + (endsWithNewline ? '' : eol) + block + (endsWithNewline ? eol : '');
}
/** The entries the block currently lists (for reports); empty without a block. */
function readBlock(text) {
    const at = findBlock(text);
    if (!at)
        return [];
    return splitLines(text.slice(at.start, at.end))
        .slice(1, -1)
        .map((l) => l.text.trim().split(/\s+/))
        .filter((f) => f.length >= 2 && !f[0].startsWith('#'))
        .map((f) => ({ address: f[0], name: f[1] }));
}
/**
 * A unified diff (3 lines of context) between two versions of the file, for dry runs; '' when equal.
 * Lines are compared with their terminators; a changed terminator shows as a changed line.
 */
function diffText(before, after, label = '/etc/hosts') {
    if (before === after)
        return '';
    const a = splitKeep(before);
    const b = splitKeep(after);
    // Only the block changes, so trim the common head and tail before the quadratic LCS.
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head])
        head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail])
        tail++;
    const ma = a.slice(head, a.length - tail);
    const mb = b.slice(head, b.length - tail);
    const lcs = Array.from({ length: ma.length + 1 }, () => new Array(mb.length + 1).fill(0));
    for (let i = ma.length - 1; i >= 0; i--) {
        for (let j = mb.length - 1; j >= 0; j--) {
            lcs[i][j] = ma[i] === mb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const ops = a.slice(0, head).map((line) => ({ kind: ' ', line }));
    let i = 0;
    let j = 0;
    while (i < ma.length || j < mb.length) {
        if (i < ma.length && j < mb.length && ma[i] === mb[j]) {
            ops.push({ kind: ' ', line: ma[i] });
            i++;
            j++;
        }
        else if (i < ma.length && (j >= mb.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
            ops.push({ kind: '-', line: ma[i++] });
        }
        else {
            ops.push({ kind: '+', line: mb[j++] });
        }
    }
    for (const line of a.slice(a.length - tail))
        ops.push({ kind: ' ', line });
    const out = [`--- ${label}`, `+++ ${label} (managed block updated)`];
    const context = 3;
    let k = 0;
    while (k < ops.length) {
        if (ops[k].kind === ' ') {
            k++;
            continue;
        }
        // One hunk holds every change closer than 2*context unchanged lines to the previous one.
        const from = Math.max(0, k - context);
        let last = k;
        for (let scan = k + 1; scan < ops.length && scan - last <= 2 * context; scan++) {
            if (ops[scan].kind !== ' ')
                last = scan;
        }
        const to = Math.min(ops.length, last + context + 1);
        const oldStart = ops.slice(0, from).filter((o) => o.kind !== '+').length;
        const newStart = ops.slice(0, from).filter((o) => o.kind !== '-').length;
        const hunk = ops.slice(from, to);
        const oldLen = hunk.filter((o) => o.kind !== '+').length;
        const newLen = hunk.filter((o) => o.kind !== '-').length;
        out.push(`@@ -${oldStart + (oldLen ? 1 : 0)},${oldLen} +${newStart + (newLen ? 1 : 0)},${newLen} @@`);
        for (const o of hunk) {
            out.push(o.kind + o.line.replace(/\r?\n$/, ''));
            if (!o.line.endsWith('\n'))
                out.push('\\ No newline at end of file');
        }
        k = to;
    }
    return out.join('\n') + '\n';
}
/** Lines with their terminators, so that terminator changes are visible to the diff. */
function splitKeep(text) {
    const parts = text.match(/[^\n]*\n|[^\n]+$/g);
    return parts ?? [];
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./src/core/config/vm-name.ts
var vm_name = __nccwpck_require__(5561);
;// CONCATENATED MODULE: ./src/guest/known-hosts.ts
// Guest host keys: parsing `<type> <base64>` lines, fingerprints, and the known-hosts file where
// first-contact keys are recorded and then enforced. Entries are keyed by VM name, not address,
// because a guest's DHCP address may change while its identity does not. A VM name is written as a
// safe alias (knownHostsAlias): raw, a name such as 'evil,g1' would pin a key for 'g1', and names with
// a space or a leading '#' would never be read back. The file uses OpenSSH's known_hosts line format,
// so `ssh -o HostKeyAlias=<alias>` can use it too. A line this tool cannot read fails every guest
// loudly: silently skipping it would reset trust to first use.




/** Reads the key type out of an SSH public key blob (uint32 length + name). */
function keyBlobType(blob) {
    if (blob.length < 4)
        return 'unknown';
    const len = blob.readUInt32BE(0);
    return blob.subarray(4, 4 + len).toString('ascii');
}
/** `ssh-ed25519 AAAA… [comment]` → its type and blob; null when it is not such a line. */
function parsePublicKey(line) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 2)
        return null;
    const [type, b64] = fields;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
        return null;
    const blob = Buffer.from(b64, 'base64');
    if (keyBlobType(blob) !== type)
        return null;
    return { type, blob };
}
/** OpenSSH's fingerprint notation: `SHA256:<unpadded base64>`. */
function fingerprint(blob) {
    return 'SHA256:' + (0,external_node_crypto_.createHash)('sha256').update(blob).digest('base64').replace(/=+$/, '');
}
/** The host key algorithms that make a server present a key of these types. */
function hostKeyAlgorithms(keys) {
    const algos = keys.flatMap((k) => (k.type === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [k.type]));
    return [...new Set(algos)];
}
const ALIAS_PREFIX = 'hvc-vm.';
/**
 * The known_hosts name for a VM: 'hvc-vm.' + the VM name under the one name rule (vmNameKey, so
 * 'WEB-1' and 'web-1' share a key as they share a VM on Hyper-V), lower-cased ASCII, every byte
 * outside [a-z0-9._-] percent-encoded (UTF-8). Injective, and free of everything known_hosts reads
 * specially (',', whitespace, '#', '|', '@', '!', '*', '?', '[', ']').
 */
function knownHostsAlias(vm) {
    let out = ALIAS_PREFIX;
    for (const byte of Buffer.from((0,vm_name/* vmNameKey */.q3)(vm), 'utf8')) {
        const c = String.fromCharCode(byte);
        if (/[A-Z]/.test(c))
            out += c.toLowerCase();
        else if (/[a-z0-9._-]/.test(c))
            out += c;
        else
            out += '%' + byte.toString(16).padStart(2, '0');
    }
    return out;
}
/** The known-hosts file holds a line this tool cannot read: trust cannot be decided. */
class KnownHostsDamaged extends Error {
}
class KnownHosts {
    path;
    byName = new Map();
    // Records from guests synced concurrently are appended one at a time.
    writing = Promise.resolve();
    constructor(path) {
        this.path = path;
    }
    /** Loads the file ('' for none); a missing file is an empty one. */
    static async load(path, read) {
        const known = new KnownHosts(path);
        if (!path)
            return known;
        let text = '';
        try {
            text = await read(path, 'utf8');
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw e;
        }
        const lines = text.split('\n');
        lines.forEach((raw, i) => {
            const line = raw.replace(/\r$/, '').trim();
            if (!line || line.startsWith('#'))
                return;
            const fields = line.split(/\s+/);
            const [alias] = fields;
            const key = fields.length === 3 ? parsePublicKey(fields.slice(1).join(' ')) : null;
            // Exactly what record() writes: one alias, a type, a key. Anything else is damage (or a line
            // of another tool's file): refuse to guess rather than forget a recorded key.
            if (!alias || !key || !alias.startsWith(ALIAS_PREFIX) || !/^[a-z0-9._%-]+$/.test(alias)) {
                throw new KnownHostsDamaged(`${path}:${i + 1} is not a line this tool wrote ('hvc-vm.<name> <type> <base64>'); fix or delete that line (deleting it means the guest's key is trusted anew on first contact)`);
            }
            known.byName.set(alias, [...(known.byName.get(alias) ?? []), key]);
        });
        return known;
    }
    lookup(vm) {
        return this.byName.get(knownHostsAlias(vm)) ?? [];
    }
    /** Appends `<alias> <type> <base64>` to the file and remembers it for this run. */
    record(vm, type, blob) {
        const alias = knownHostsAlias(vm);
        const line = `${alias} ${type} ${blob.toString('base64')}\n`;
        const step = this.writing.then(async () => {
            await (0,promises_.mkdir)((0,external_node_path_.dirname)(this.path), { recursive: true });
            const current = await (0,promises_.readFile)(this.path, 'utf8').catch(() => '');
            const sep = current && !current.endsWith('\n') ? '\n' : '';
            await (0,promises_.appendFile)(this.path, sep + line, { encoding: 'utf8', mode: 0o644 });
            this.byName.set(alias, [...this.lookup(vm), { type, blob }]);
        });
        this.writing = step.catch(() => undefined);
        return step;
    }
}

;// CONCATENATED MODULE: ./src/guest/hosts-sync.ts
// /etc/hosts sync over SSH (ssh2, pure JS): per guest, read the hosts file, merge the managed block,
// and replace the file atomically only when the block changed. Host keys are verified (pinned, or
// recorded on first contact and enforced afterwards). One guest failing never stops the others.





let ssh2Loading = null;
const loadSsh2 = () => (ssh2Loading ??= __nccwpck_require__.e(/* import() */ 472).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5472, 23)).then((m) => (m.default ?? m)));
/** Private keys pasted into CI secrets often arrive with literal `\n` or CRLF line ends. */
function normalizePrivateKey(raw) {
    let key = raw.trim();
    if (!key.includes('\n') && key.includes('\\n'))
        key = key.replace(/\\n/g, '\n');
    return key.replace(/\r\n/g, '\n') + '\n';
}
/**
 * Makes a message safe to report: the key's text lines, and every run of 6 or more bytes of the
 * decoded key material (ssh2's parse errors can quote decoded key bytes), are replaced; what remains
 * is cut to printable ASCII and 300 characters. A safety net: messages should not carry them at all.
 */
function redact(message, privateKey) {
    let out = message;
    const material = [];
    for (const line of privateKey.split('\n')) {
        const l = line.trim();
        if (l.length >= 16 && !l.startsWith('-----'))
            out = out.split(l).join('[redacted]');
        if (/^[A-Za-z0-9+/=]+$/.test(l))
            material.push(Buffer.from(l, 'base64'));
    }
    const decoded = Buffer.concat(material).toString('latin1');
    if (decoded.length >= 6) {
        // Any 6-byte window of the message that occurs in the decoded key is key material.
        let cleaned = '';
        let i = 0;
        while (i < out.length) {
            const w = out.slice(i, i + 6);
            if (w.length === 6 && decoded.includes(w)) {
                let j = i + 6;
                while (j < out.length && decoded.includes(out.slice(i, j + 1)))
                    j++;
                cleaned += '[redacted]';
                i = j;
            }
            else {
                cleaned += out[i];
                i++;
            }
        }
        out = cleaned;
    }
    out = out.replace(/[^\x20-\x7e]/g, '?');
    return out.length > 300 ? `${out.slice(0, 297)}...` : out;
}
/** Single-quotes a value for POSIX sh. */
function shq(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
class GuestFailure extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
    }
}
/**
 * Runs one remote command within `timeoutMs`: `start` feeds its stdin (and may watch its stdout, all of
 * it so far, as it arrives, and whether the command is already given up on); the result is its exit
 * code, stdout and stderr once it closes.
 */
function runRemote(client, command, timeoutMs, timeoutMessage, what, start) {
    return new Promise((resolve, reject) => {
        let settled = false;
        const timer = setTimeout(() => {
            settled = true;
            reject(new GuestFailure('io-error', timeoutMessage));
        }, timeoutMs);
        client.exec(command, (err, stream) => {
            if (err) {
                clearTimeout(timer);
                if (!settled)
                    reject(new GuestFailure('io-error', `${what}: could not start a remote command: ${err.message}`));
                settled = true;
                return;
            }
            const out = [];
            const errOut = [];
            const stdout = () => (out.length === 1 ? out[0] : Buffer.concat(out));
            stream.on('data', (d) => out.push(d));
            stream.stderr.on('data', (d) => errOut.push(d));
            stream.on('close', (code) => {
                clearTimeout(timer);
                if (settled)
                    return;
                settled = true;
                resolve({ code: code ?? null, stdout: stdout(), stderr: Buffer.concat(errOut).toString('utf8').trim() });
            });
            start(stream, { stdout, settled: () => settled });
        });
    });
}
function execRemote(client, command, stdin, timeoutMs, what) {
    return runRemote(client, command, timeoutMs, `${what} did not finish within ${timeoutMs} ms`, what, (stream) => stream.end(stdin ?? undefined));
}
/**
 * Frames a remote command's answer: the guest user's shell start-up files (.bashrc, BASH_ENV,
 * /etc/profile.d…) may print anything before or after it, and none of that may be taken for the
 * answer (it would end up in /etc/hosts). The command prints `<nonce> BEGIN <length>`, exactly
 * <length> bytes, then `<nonce> END`; only those bytes are the answer (a fresh random nonce per
 * command, so the file's own content cannot forge a frame).
 *
 * The bytes between the frame's markers, or null when the frame is missing or broken. */
function unframe(out, nonce) {
    const begin = Buffer.from(`\n${nonce} BEGIN `, 'latin1');
    const padded = Buffer.concat([Buffer.from('\n'), out]);
    const at = padded.indexOf(begin);
    if (at < 0)
        return null;
    const lenStart = at + begin.length;
    const nl = padded.indexOf(0x0a, lenStart);
    if (nl < 0)
        return null;
    const lenText = padded.subarray(lenStart, nl).toString('latin1');
    if (!/^\d{1,12}$/.test(lenText))
        return null;
    const len = Number(lenText);
    const body = padded.subarray(nl + 1, nl + 1 + len);
    if (body.length !== len)
        return null;
    const end = Buffer.from(`\n${nonce} END\n`, 'latin1');
    if (!padded.subarray(nl + 1 + len, nl + 1 + len + end.length).equals(end))
        return null;
    return body;
}
const newNonce = () => `hvc-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
// Resolves a symlinked hosts file to its target, so that the rename replaces the file, not the link.
const resolvePath = (path) => `P=${shq(path)}; R=$(readlink -f -- "$P" 2>/dev/null) && [ -n "$R" ] && P=$R`;
// The file is copied first, so its length and its bytes are of one and the same version.
function readCommand(path, nonce) {
    return (`${resolvePath(path)}; [ -e "$P" ] || exit 3; t=$(mktemp) || exit 4; trap 'rm -f -- "$t"' EXIT; cat -- "$P" > "$t" || exit 5; ` +
        `n=$(wc -c < "$t" | tr -d ' '); printf '\\n%s BEGIN %s\\n' ${nonce} "$n"; cat -- "$t"; printf '\\n%s END\\n' ${nonce}`);
}
function needsSudoCommand(path, nonce) {
    return (`${resolvePath(path)}; d=$(dirname -- "$P"); ` +
        `if [ "$(id -u)" = 0 ] || { [ -w "$d" ] && { [ ! -e "$P" ] || [ -w "$P" ]; }; }; then a=direct; else a=sudo; fi; ` +
        `printf '\\n%s BEGIN %s\\n%s\\n%s END\\n' ${nonce} "$(printf %s "$a" | wc -c | tr -d ' ')" "$a" ${nonce}`);
}
// Write beside (same folder, so the rename is atomic), keep mode and owner, then rename over, in two
// steps the client drives: the copy is staged (exactly `length` bytes read: a connection dropped
// mid-write ends stdin early, and a cut-off copy is never renamed), the guest says so, and only
// when the run then sends the commit line is it renamed. A run abandoned or timed out meanwhile
// sends none (its connection ends: the read finds no line), so a guest slow to run the write never
// replaces the file after the run has ended and released its lock. SIGPIPE is ignored: a write to
// the dropped connection must fail (and the EXIT trap remove the copy), not kill the shell.
function writeScript(path, length, nonce) {
    return [
        'set -e',
        "trap '' PIPE",
        resolvePath(path) + ' || true',
        'd=$(dirname -- "$P")',
        't=$(mktemp "$d/.hosts.hyperv-converge.XXXXXX")',
        `trap 'rm -f -- "$t"' EXIT`,
        'if [ -e "$P" ]; then cp -p -- "$P" "$t"; else chmod 644 "$t"; fi',
        `head -c ${length} > "$t"`,
        `[ "$(($(wc -c < "$t")))" = ${length} ] || { echo "the new content arrived incomplete: not written" >&2 || true; exit 6; }`,
        `printf '\\n%s STAGED\\n' ${nonce}`,
        'IFS= read -r go || go=',
        `[ "$go" = "${nonce} COMMIT" ] || { echo "the run did not confirm the write (its connection ended): not written" >&2 || true; exit 7; }`,
        'mv -f -- "$t" "$P"',
        'trap - EXIT',
    ].join('\n');
}
/**
 * Runs writeScript: sends the content, and the commit line once the guest has staged it — unless
 * `commit()` says no by then (the run was abandoned) or the bound passed.
 */
function execWrite(client, command, content, nonce, commit, timeoutMs, what) {
    return runRemote(client, command, timeoutMs, `${what} did not finish within ${timeoutMs} ms; the file was not replaced`, what, (stream, run) => {
        // The nonce alone marks it (no line ends: a terminal between would turn them into CRLF).
        const staged = Buffer.from(`${nonce} STAGED`, 'latin1');
        let answered = false;
        stream.on('data', () => {
            if (answered || run.stdout().indexOf(staged) < 0)
                return;
            answered = true;
            // No commit line after the bound or an abandon: the guest removes its copy.
            if (!run.settled() && commit())
                stream.end(`${nonce} COMMIT\n`);
            else
                stream.end();
        });
        stream.write(content);
    });
}
async function connect(target, opts, privateKey, known, onClient) {
    let expected;
    if (target.hostKey !== null) {
        const pinned = parsePublicKey(target.hostKey);
        if (!pinned)
            throw new GuestFailure('host-key-mismatch', `the pinned host key for ${target.vm} is not a public key line ('<type> <base64>')`);
        expected = [pinned];
    }
    else {
        expected = known.lookup(target.vm);
        if (expected.length === 0 && !known.path) {
            throw new GuestFailure('host-key-unknown', `no host key is pinned for ${target.vm} and no knownHostsFile is configured to record one`);
        }
    }
    const { Client } = await loadSsh2();
    const client = new Client();
    // A connection lost mid-command surfaces through the command's own close or timeout; this keeps a
    // late 'error' event from crashing the process.
    client.on('error', () => undefined);
    onClient(client);
    let verdict = null;
    let seen = null;
    const hostVerifier = (key, verify) => {
        const fp = fingerprint(key);
        const type = keyBlobType(key);
        if (opts.abandon?.aborted) {
            // Abandoned runs write nothing more, not even a first-contact key.
            verdict = { failure: new GuestFailure('cancelled', `the run was cancelled during the SSH handshake with ${target.vm}; nothing was recorded or written`) };
            verify(false);
            return;
        }
        if (expected.length > 0) {
            const ok = expected.some((k) => k.blob.equals(key));
            seen = { fingerprint: fp, firstContact: false, recorded: false };
            if (!ok) {
                const was = expected.map((k) => fingerprint(k.blob)).join(', ');
                const where = target.hostKey !== null ? 'the pinned key in the config' : `the key recorded in ${known.path}`;
                const fix = target.hostKey !== null
                    ? 'if the guest was reinstalled, update ssh.hostKeys / the VM\'s hostKey'
                    : `if the guest was reinstalled, delete the line for '${target.vm}' from ${known.path}`;
                verdict = { failure: new GuestFailure('host-key-mismatch', `host key of ${target.vm} (${target.host}:${target.port}) is ${fp}, but ${where} is ${was}: refused; ${fix}`) };
            }
            verify(ok);
            return;
        }
        // First contact: record it (not in a dry run) and say so in the report; never silently.
        seen = { fingerprint: fp, firstContact: true, recorded: false };
        if (opts.dryRun) {
            verify(true);
            return;
        }
        known.record(target.vm, type, key).then(() => {
            seen = { fingerprint: fp, firstContact: true, recorded: true };
            verify(true);
        }, (e) => {
            verdict = { failure: new GuestFailure('io-error', `could not record the host key of ${target.vm} in ${known.path}: ${e.message}`) };
            verify(false);
        });
    };
    const config = {
        host: target.host,
        port: target.port,
        username: target.user,
        privateKey,
        readyTimeout: opts.timeoutMs,
        hostVerifier,
        // Offer only the pinned/recorded key types, so the guest presents the key we can check.
        ...(expected.length > 0 ? { algorithms: { serverHostKey: hostKeyAlgorithms(expected) } } : {}),
    };
    await new Promise((resolve, reject) => {
        client.once('ready', () => resolve());
        client.once('close', () => reject(verdict?.failure ?? new GuestFailure(opts.abandon?.aborted ? 'cancelled' : 'unreachable', `the connection to ${target.vm} closed during the SSH handshake${opts.abandon?.aborted ? ': the run was cancelled' : ''}`)));
        client.once('error', (err) => {
            client.end();
            if (verdict)
                return reject(verdict.failure);
            const where = `${target.host}:${target.port}`;
            if (err.level === 'client-authentication') {
                return reject(new GuestFailure('auth-failed', `the guest ${target.vm} (${where}) refused the key for user '${target.user}': add its public key to ~${target.user}/.ssh/authorized_keys`));
            }
            if (err.level === 'client-socket' || err.level === 'client-timeout') {
                return reject(new GuestFailure('unreachable', `cannot reach ${target.vm} at ${where}: ${err.message}; check that the guest runs sshd on port ${target.port} and that the runner can route to it`));
            }
            if (expected.length > 0 && seen === null && /host key/i.test(err.message)) {
                return reject(new GuestFailure('host-key-mismatch', `the guest ${target.vm} (${where}) offers no host key of the pinned/recorded type (${expected.map((k) => k.type).join(', ')}): ${err.message}`));
            }
            reject(new GuestFailure('unreachable', `SSH handshake with ${target.vm} (${where}) failed: ${err.message}`));
        });
        client.connect(config);
    });
    return { client, hostKey: seen };
}
async function syncOne(target, entries, opts, privateKey, known) {
    const path = opts.hostsPath ?? '/etc/hosts';
    const base = { vm: target.vm, host: target.host, port: target.port };
    let session = null;
    // Abandoned (the grace after a signal is over): the connection is dropped, whatever it is doing.
    let open = null;
    const drop = () => void open?.destroy();
    opts.abandon?.addEventListener('abort', drop, { once: true });
    // Cancelled: no further remote command; a read without its write leaves the guest as it was.
    const unlessCancelled = (next) => {
        if (opts.signal?.aborted)
            throw new GuestFailure('cancelled', `the run was cancelled before ${next} on ${target.vm}; ${path} was not written`);
    };
    try {
        session = await connect(target, opts, privateKey, known, (c) => {
            open = c;
            if (opts.abandon?.aborted)
                drop();
        });
        const { client } = session;
        unlessCancelled(`reading ${path}`);
        const readNonce = newNonce();
        const read = await execRemote(client, readCommand(path, readNonce), null, opts.timeoutMs, `reading ${path}`);
        if (read.code !== 0 && read.code !== 3)
            throw new GuestFailure('io-error', `cannot read ${path} on ${target.vm}: ${read.stderr || `exit ${read.code}`}`);
        let before = '';
        if (read.code === 0) {
            const bytes = unframe(read.stdout, readNonce);
            if (bytes === null)
                throw new GuestFailure('output-unframed', `reading ${path} on ${target.vm}: the answer did not arrive inside its frame (${read.stdout.length} bytes of output); nothing was written`);
            before = bytes.toString('latin1');
        }
        let after;
        try {
            after = mergeBlock(before, entries);
        }
        catch (e) {
            if ((0,errors/* isHvcError */._L)(e))
                throw new GuestFailure('hosts-malformed', `${path} on ${target.vm}: ${e.message}`);
            throw e;
        }
        const count = readBlock(after).length;
        if (after === before) {
            return { ...base, status: 'unchanged', reason: null, message: `${path} already lists the ${count} managed entries`, diff: opts.dryRun ? '' : null, hostKey: session.hostKey, entries: count };
        }
        if (opts.dryRun) {
            return { ...base, status: 'would-change', reason: null, message: `would update the managed block in ${path} (${count} entries)`, diff: diffText(before, after, path), hostKey: session.hostKey, entries: count };
        }
        const mode = opts.sudo ?? 'auto';
        let sudo = mode === 'always';
        unlessCancelled(`writing ${path}`);
        if (mode === 'auto') {
            const probeNonce = newNonce();
            const probe = await execRemote(client, needsSudoCommand(path, probeNonce), null, opts.timeoutMs, 'checking write access');
            const answer = unframe(probe.stdout, probeNonce)?.toString('latin1');
            if (answer !== 'direct' && answer !== 'sudo')
                throw new GuestFailure('output-unframed', `checking write access to ${path} on ${target.vm}: no framed answer; nothing was written`);
            sudo = answer === 'sudo';
        }
        if (sudo) {
            unlessCancelled(`writing ${path}`);
            const check = await execRemote(client, 'sudo -n true', null, opts.timeoutMs, 'checking sudo');
            if (check.code !== 0) {
                throw new GuestFailure('sudo-denied', `user '${target.user}' on ${target.vm} cannot write ${path} and \`sudo -n\` was refused (${check.stderr || `exit ${check.code}`}); allow passwordless sudo for it or log in as root`);
            }
        }
        unlessCancelled(`writing ${path}`);
        const writeNonce = newNonce();
        const script = writeScript(path, Buffer.byteLength(after, 'latin1'), writeNonce);
        const command = (sudo ? 'sudo -n ' : '') + `sh -c ${shq(script)}`;
        const write = await execWrite(client, command, Buffer.from(after, 'latin1'), writeNonce, () => !opts.abandon?.aborted, opts.timeoutMs, `writing ${path}`);
        if (write.code !== 0)
            throw new GuestFailure('io-error', `cannot write ${path} on ${target.vm}: ${write.stderr || `exit ${write.code}`}`);
        return { ...base, status: 'synced', reason: null, message: `updated the managed block in ${path} (${count} entries)`, diff: null, hostKey: session.hostKey, entries: count };
    }
    catch (e) {
        const failure = e instanceof GuestFailure ? e : new GuestFailure('io-error', e instanceof Error ? e.message : String(e));
        return { ...base, status: 'failed', reason: failure.reason, message: redact(failure.message, privateKey), diff: null, hostKey: session?.hostKey ?? null, entries: 0 };
    }
    finally {
        opts.abandon?.removeEventListener('abort', drop);
        session?.client.end();
    }
}
/**
 * Brings the managed block of every target's hosts file to `entries`. Returns one report per target
 * it started, in target order (all of them unless opts.signal fired: after it, none is started);
 * never throws for a guest's trouble.
 */
async function syncHosts(targets, entries, opts) {
    // Bad entries are the caller's bug: fail before touching any guest.
    mergeBlock('', entries);
    const fail = (t, reason, message) => ({
        vm: t.vm,
        host: t.host,
        port: t.port,
        status: 'failed',
        reason,
        message,
        diff: null,
        hostKey: null,
        entries: 0,
    });
    if (!opts.privateKey.trim())
        return targets.map((t) => fail(t, 'key-missing', 'no private key was given'));
    const privateKey = normalizePrivateKey(opts.privateKey);
    const { utils } = await loadSsh2();
    const parsed = utils.parseKey(privateKey);
    if (parsed instanceof Error || (Array.isArray(parsed) && parsed.length === 0)) {
        // ssh2's parse error can quote decoded key bytes: it is not repeated, only its kind.
        const why = parsed instanceof Error ? 'not a supported key format, or encrypted' : 'no key found';
        return targets.map((t) => fail(t, 'auth-failed', `the private key could not be parsed (${why}); give an unencrypted OpenSSH or PEM private key`));
    }
    let known;
    try {
        known = await KnownHosts.load(opts.knownHostsFile, promises_.readFile);
    }
    catch (e) {
        if (e instanceof KnownHostsDamaged)
            return targets.map((t) => fail(t, 'known-hosts-damaged', e.message));
        return targets.map((t) => fail(t, 'io-error', `cannot read the known-hosts file ${opts.knownHostsFile}: ${e.message}`));
    }
    const reports = new Array(targets.length);
    let next = 0;
    const worker = async () => {
        while (next < targets.length && !opts.signal?.aborted) {
            const i = next++;
            reports[i] = await syncOne(targets[i], entries, opts, privateKey, known);
        }
    };
    const width = Math.max(1, Math.min(opts.concurrency ?? 4, targets.length));
    await Promise.all(Array.from({ length: width }, worker));
    return reports.filter((r) => r !== undefined);
}

;// CONCATENATED MODULE: ./src/guest/reconcile.ts
// Guest network reconcile: discover the addresses of the config's running VMs, then bring the managed
// /etc/hosts block of every VM with ssh settings up to date. Runs after apply when configured and as
// `hyperv-converge reconcile`. The report is plain JSON (result.json `extra.guests`) and never holds
// the private key.




/** Last addresses by VM id from a previous report, for `previous`. */
function previousAddresses(previous) {
    if (!previous)
        return {};
    if (isReport(previous)) {
        const map = {};
        for (const a of previous.addresses)
            map[a.id] = a.address ?? a.previous;
        return map;
    }
    return previous;
}
function isReport(x) {
    return typeof x === 'object' && x !== null && Array.isArray(x.addresses);
}
function isAddressReport(x) {
    return typeof x === 'object' && x !== null && Array.isArray(x.vms);
}
// Same as the config's built-in ssh.discoveryTimeout; used when the config has no ssh block.
const DEFAULT_DISCOVERY_SEC = 120;
async function reconcileGuests(config, backend, opts) {
    const log = opts.log ?? (() => undefined);
    const ssh = config.ssh;
    const timeoutMs = (ssh?.discoveryTimeoutSec ?? DEFAULT_DISCOVERY_SEC) * 1000;
    const queryTimeoutMs = Math.max(1000, config.host.operationTimeoutSec * 1000);
    const warnings = [];
    const skipped = [];
    const observation = opts.observation ?? (await backend.observe({ paths: [], neighbors: false, expectedVms: config.vms.length }));
    const wanted = config.vms.filter((v) => v.state === 'running');
    const vms = [];
    for (const v of wanted) {
        const found = observation.vms.filter((o) => o.name === v.name);
        if (found.length === 0)
            skipped.push({ vm: v.name, reason: 'not on the host' });
        else if (found.length > 1)
            skipped.push({ vm: v.name, reason: `${found.length} VMs on the host carry this name` });
        else if (found[0].state.toLowerCase() !== 'running')
            skipped.push({ vm: v.name, reason: `it is ${found[0].state}, not Running` });
        else
            vms.push({ id: found[0].id, name: v.name });
    }
    const query = async (ids) => {
        const out = await backend.query({ op: 'guest.addresses', args: { ids, neighbors: true } }, queryTimeoutMs);
        if (!out.ok)
            throw new errors/* HvcError */.Iy('backend-error', `guest.addresses failed (${out.error.code}): ${out.error.message}`);
        if (!isAddressReport(out.result))
            throw new errors/* HvcError */.Iy('backend-error', 'guest.addresses answered without a vms list');
        return { vms: out.result.vms, neighbors: out.result.neighbors ?? [] };
    };
    log(`discovering addresses of ${vms.length} running VM(s) (bound ${timeoutMs / 1000}s)`);
    const addresses = vms.length === 0
        ? []
        : await discoverAddresses(query, vms, {
            ipv6: ssh?.ipv6 ?? false,
            timeoutMs,
            pollMs: opts.pollMs ?? 3000,
            previous: previousAddresses(opts.previous),
            ...(opts.now ? { now: opts.now } : {}),
            ...(opts.sleep ? { sleep: opts.sleep } : {}),
            ...(opts.signal ? { signal: opts.signal } : {}),
        });
    for (const a of addresses) {
        if (a.address)
            log(`${a.vm}: ${a.address} (${a.tier})${a.changed ? `, was ${a.previous}` : ''}`);
        else
            log(`${a.vm}: no address: ${a.reason}`);
    }
    const duplicates = findDuplicateAddresses(addresses);
    const duplicated = new Set(duplicates.flatMap((d) => d.vms));
    for (const d of duplicates)
        warnings.push(`address ${d.address} is reported for ${d.vms.join(', ')}: they are left out of hosts sync`);
    const entries = [];
    for (const a of addresses) {
        if (!a.address || duplicated.has(a.vm))
            continue;
        if (!validHostName(a.vm)) {
            warnings.push(`'${a.vm}' is not a valid host name: it is not listed in /etc/hosts`);
            continue;
        }
        entries.push({ name: a.vm, address: a.address });
    }
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    const notAttempted = [];
    const targets = [];
    const syncVms = config.vms.filter((v) => v.ssh?.syncHosts && v.state === 'running');
    for (const v of syncVms) {
        const a = addresses.find((x) => x.vm === v.name);
        if (!a)
            notAttempted.push({ vm: v.name, reason: skipped.find((s) => s.vm === v.name)?.reason ?? 'not discovered' });
        else if (!a.address)
            notAttempted.push({ vm: v.name, reason: `no address: ${a.reason}` });
        else if (duplicated.has(v.name))
            notAttempted.push({ vm: v.name, reason: `duplicate address ${a.address}` });
        else
            targets.push({ vm: v.name, host: a.address, port: v.ssh.port, user: v.ssh.user, hostKey: v.ssh.hostKey ?? (ssh && Object.hasOwn(ssh.hostKeys, v.name) ? ssh.hostKeys[v.name] : null) });
    }
    let guests = [];
    if (targets.length > 0) {
        const keyEnv = ssh?.privateKeyEnv ?? '';
        const privateKey = keyEnv ? (opts.env[keyEnv] ?? '') : '';
        if (!privateKey.trim()) {
            const message = keyEnv ? `the private key variable ${keyEnv} is not set` : 'the config names no ssh.privateKeyEnv';
            guests = targets.map((t) => ({ vm: t.vm, host: t.host, port: t.port, status: 'failed', reason: 'key-missing', message, diff: null, hostKey: null, entries: 0 }));
        }
        else {
            log(`${opts.dryRun ? 'checking' : 'syncing'} /etc/hosts on ${targets.length} guest(s)`);
            guests = await syncHosts(targets, entries, {
                privateKey,
                knownHostsFile: ssh?.knownHostsFile ?? opts.defaultKnownHostsFile ?? '',
                dryRun: opts.dryRun,
                timeoutMs: opts.sshTimeoutMs ?? 15000,
                concurrency: config.host.concurrency,
                ...(opts.hostsPath ? { hostsPath: opts.hostsPath } : {}),
                ...(opts.signal ? { signal: opts.signal } : {}),
                ...(opts.abandon ? { abandon: opts.abandon } : {}),
            });
            // Guests the signal kept from being started.
            const started = new Set(guests.map((g) => g.vm));
            for (const t of targets)
                if (!started.has(t.vm))
                    notAttempted.push({ vm: t.vm, reason: 'the run was cancelled before this guest was started' });
        }
        for (const g of guests)
            log(`${g.vm}: ${g.status}${g.reason ? ` (${g.reason})` : ''}: ${g.message}`);
    }
    const pick = (s) => guests.filter((g) => g.status === s).map((g) => g.vm);
    return {
        schemaVersion: 1,
        dryRun: opts.dryRun,
        addresses,
        skipped,
        duplicates,
        warnings,
        hosts: {
            enabled: syncVms.length > 0,
            entries,
            guests,
            synced: pick('synced'),
            unchanged: pick('unchanged'),
            wouldChange: pick('would-change'),
            failed: pick('failed'),
            notAttempted,
        },
        ok: addresses.every((a) => a.address !== null) && duplicates.length === 0 && guests.every((g) => g.status !== 'failed'),
    };
}

// EXTERNAL MODULE: ./src/engine/apply/lock.ts
var apply_lock = __nccwpck_require__(8010);
// EXTERNAL MODULE: ./src/engine/apply/state-files.ts
var state_files = __nccwpck_require__(8490);
// EXTERNAL MODULE: ./src/engine/cancellation.ts
var cancellation = __nccwpck_require__(2775);
// EXTERNAL MODULE: ./src/engine/log.ts
var engine_log = __nccwpck_require__(4760);
// EXTERNAL MODULE: ./src/engine/outcome.ts
var outcome = __nccwpck_require__(938);
// EXTERNAL MODULE: ./src/engine/state-location.ts
var state_location = __nccwpck_require__(9763);
// EXTERNAL MODULE: ./src/engine/take-lock.ts
var take_lock = __nccwpck_require__(6807);
;// CONCATENATED MODULE: ./src/engine/reconcile.ts
// Guest network reconcile as an engine phase: IP discovery and /etc/hosts sync, after an apply or on
// its own (`hyperv-converge reconcile`, action mode `reconcile`). The last report per host is kept in
// the state directory, so a changed address is reported with the one it replaced. A reconcile that
// writes (not --dry-run) holds the host lock as apply does: guests' hosts files, known_hosts-<host>
// and that report are changed by one run at a time. A signal stops it as it stops apply.















function memoryFile(stateDir, hostKey) {
    return (0,external_node_path_.join)(stateDir, `guests-${(0,state_files/* hostFileKey */.UN)(hostKey)}.json`);
}
function previousReport(stateDir, hostKey) {
    const file = memoryFile(stateDir, hostKey);
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined; // a damaged memory only costs the "previous address" detail
    }
}
/** Keeps the report for the next run; a failure costs only that memory, never the run's result. */
function remember(stateDir, hostKey, report, log) {
    const file = memoryFile(stateDir, hostKey);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        (0,external_node_fs_.mkdirSync)(stateDir, { recursive: true });
        (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(report));
        (0,external_node_fs_.renameSync)(tmp, file);
    }
    catch (e) {
        (0,external_node_fs_.rmSync)(tmp, { force: true, recursive: true });
        log.warn(`state-write-failed: the guest address memory ${file} cannot be written (${e.message}); the next run will not know these addresses`);
    }
}
/**
 * Discovery + hosts sync for a config with an ssh section, with the previous run's addresses. After a
 * signal it starts nothing new and waits out the grace for what is in flight: then it throws
 * Cancelled, having dropped the connections left, so nothing more is written once the run has ended
 * (and released its lock). The report of a cancelled run is returned but not remembered.
 */
async function guestPhase(config, backend, observation, opts) {
    const abandon = new AbortController();
    const running = reconcileGuests(config, backend, {
        dryRun: opts.dryRun,
        env: opts.env,
        observation,
        previous: previousReport(opts.stateDir, opts.hostKey),
        // Host keys are trust: kept with the durable state, never in the workspace checkout cleans.
        defaultKnownHostsFile: (0,external_node_path_.join)(opts.stateDir, `known_hosts-${(0,state_files/* hostFileKey */.UN)(opts.hostKey)}`),
        log: (m) => opts.log.info(m),
        ...(opts.signal ? { signal: opts.signal } : {}),
        abandon: abandon.signal,
    });
    const report = await (0,cancellation/* withinGrace */.qL)(running, opts.signal, opts.cancelGraceMs ?? cancellation/* DEFAULT_CANCEL_GRACE_MS */.F$, opts.cancelNow);
    if (report === 'abandoned') {
        abandon.abort();
        running.catch(() => undefined);
        throw new cancellation/* Cancelled */.cJ('guest operations still in flight were abandoned');
    }
    if (!opts.dryRun && !opts.signal?.aborted)
        remember(opts.stateDir, opts.hostKey, report, opts.log);
    return report;
}
async function runReconcile(opts) {
    const clock = opts.clock ?? (() => new Date());
    const log = opts.log ?? engine_log/* silentLogger */.q;
    const startedAt = clock().toISOString();
    const files = { current: null, plan: null, result: '' };
    let config = null;
    let observation = null;
    let backend = null;
    let lock = null;
    let problems = [];
    const cancelled = () => opts.signal?.aborted === true;
    const extra = {};
    const finish = (status, failureReason, message) => {
        const written = (0,outcome/* writeResult */.Z)(opts.outDir, (0,outcome/* runResult */.X)({ mode: 'reconcile', status, failureReason, message, extra, startedAt, finishedAt: clock().toISOString() }), log);
        files.result = written.file;
        const result = written.result;
        return { config, observation, plan: null, result, files, problems, stats: backend?.stats() ?? { launches: 0, operations: 0 } };
    };
    // One run per output folder, as in the pipeline: a second one (a dry run too: it takes no host
    // lock, but it writes result.json) is refused before it writes anything there.
    const holder = (0,take_lock/* runHolder */.C2)(startedAt);
    let outLock;
    try {
        outLock = await (0,apply_lock/* acquireDirLock */.N4)(opts.outDir, write/* OUT_LOCK */.TS, `output folder ${opts.outDir}`, { holder, waitMs: 0, warn: (m) => log.warn(m) });
    }
    catch (e) {
        const message = (0,errors/* isHvcError */._L)(e) ? e.message : String(e);
        const reason = (0,errors/* isHvcError */._L)(e) && e.reason === 'locked' ? 'locked' : 'output-failed';
        log.error(`${reason}: ${message}`);
        const result = (0,outcome/* runResult */.X)({ mode: 'reconcile', status: reason === 'locked' ? 'refused' : 'failed', failureReason: reason, message, extra, startedAt, finishedAt: clock().toISOString() });
        return { config, observation, plan: null, result, files, problems, stats: { launches: 0, operations: 0 } };
    }
    try {
        (0,write/* clearArtifacts */.zh)(opts.outDir);
        const cfg = (0,load/* loadConfig */.Z)(opts.configPath).config;
        config = cfg;
        if (!cfg.ssh)
            throw new errors/* HvcError */.Iy('usage', `${opts.configPath} has no ssh section: there is no guest network to reconcile`);
        const stateDir = opts.stateDir ?? (0,state_location/* defaultStateDir */.yD)();
        const hostKey = (0,state_location/* hostKeyOf */.v)(opts.backend);
        // Before observing, as apply does: the guests are found and written while no other run changes
        // the host or them. A dry run writes nothing and, like plan, takes no lock.
        if (!opts.dryRun) {
            lock = await log.group('Host lock', () => (0,take_lock/* takeLock */.HJ)(stateDir, hostKey, holder, opts.lockWaitMs ?? take_lock/* DEFAULT_LOCK_WAIT_MS */.Xn, log, opts.signal));
        }
        if (cancelled())
            throw new cancellation/* Cancelled */.cJ();
        const be = (0,backends/* createBackend */.n0)(opts.backend);
        backend = be;
        const seen = await log.group('Observe', async () => ({ ...(0,assess/* assessObservation */.N$)(await (0,cancellation/* unlessCancelled */.MS)(be.observe({ paths: [], neighbors: false, expectedVms: cfg.vms.length }), opts.signal)), observedAt: clock().toISOString() }));
        observation = seen;
        if (!seen.complete && seen.incomplete.some((r) => r.vm === undefined)) {
            files.current = (0,write/* writeArtifact */.w6)(opts.outDir, 'current.json', seen);
            return finish('failed', 'observation-incomplete', seen.incomplete.map((r) => r.message).join('; '));
        }
        const report = await log.group('Guest network', () => guestPhase(cfg, be, seen, {
            env: opts.env, dryRun: opts.dryRun, stateDir, hostKey, log,
            ...(opts.signal ? { signal: opts.signal } : {}),
            ...(opts.cancelNow ? { cancelNow: opts.cancelNow } : {}),
            ...(opts.cancelGraceMs !== undefined ? { cancelGraceMs: opts.cancelGraceMs } : {}),
        }));
        extra.guests = report;
        files.current = (0,write/* writeArtifact */.w6)(opts.outDir, 'current.json', { ...seen, guests: report.addresses });
        const h = report.hosts;
        const summary = `${report.addresses.filter((a) => a.address).length} of ${report.addresses.length} address(es) found; hosts: ${h.synced.length} synced, ${h.unchanged.length} unchanged, ${h.wouldChange.length} would change, ${h.failed.length} failed`;
        // Guests whose sync ended within the grace are in the report; those not started are named in it.
        if (cancelled())
            return finish('cancelled', 'cancelled', `cancelled by a signal; ${summary}, ${h.notAttempted.length} not attempted`);
        if (!report.ok)
            return finish('failed', h.failed.length ? 'apply-failed' : 'backend-error', summary);
        if (opts.dryRun)
            return finish(h.wouldChange.length ? 'changes' : 'no-changes', null, summary);
        return finish('applied', null, summary);
    }
    catch (e) {
        if (e instanceof cancellation/* Cancelled */.cJ || ((0,errors/* isHvcError */._L)(e) && e.reason === 'cancelled')) {
            log.warn(`cancelled: no guest operation was started after the signal${e.message ? `; ${e.message}` : ''}`);
            return finish('cancelled', 'cancelled', `cancelled by a signal${e.message ? `: ${e.message}` : ''}`);
        }
        if ((0,errors/* isHvcError */._L)(e)) {
            problems = e.problems;
            return finish(e.reason === 'usage' || e.reason === 'locked' ? 'refused' : 'failed', e.reason, e.message);
        }
        log.error(`internal error: ${e.message}`);
        log.debug(`${e.stack ?? String(e)}`);
        return finish('failed', 'internal', `internal error: ${e.message}`);
    }
    finally {
        // Each is attempted whatever the other does. The host agents only read here (observe, addresses):
        // a cancelled run ends one still inside a read rather than leave it running after the CLI exits.
        await backend?.close({ killBusy: cancelled() }).catch((e) => log.warn(`closing the host agents failed: ${e.message}`));
        await lock?.release().catch((e) => log.warn(`releasing the host lock failed: ${e.message}`));
        await outLock.release().catch((e) => log.warn(`releasing the output folder failed: ${e.message}`));
    }
}


/***/ }),

/***/ 9763:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ hostKeyOf),
/* harmony export */   yD: () => (/* binding */ defaultStateDir)
/* harmony export */ });
/* unused harmony export canonicalHost */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
// Where durable run state lives (journal, host lock, guest address memory) and which host a run is
// about. The state outlives jobs: by default a folder in the runner user's home, not the workspace
// (actions/checkout cleans the workspace between jobs).





function defaultStateDir() {
    return process.env.HVC_STATE_DIR || (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.hyperv-converge');
}
/**
 * The lock/journal key: one per host, whatever name reaches it. A Windows computer name is its
 * NetBIOS name, so `HV01`, `hv01` and `hv01.corp.example.com` are one host (two hosts with one short
 * name in different domains then share a lock: one apply waits, never two at once). This machine's
 * own name, `localhost`, `.` and loopback addresses are `local`. Addresses are kept as they are
 * (no DNS look-up: an address and a name of one host remain two keys; docs/reliability.md).
 * A sim or replay file stands for its own host, by its real path (symlinks resolved).
 */
function hostKeyOf(spec) {
    if (spec.kind === 'hyperv')
        return canonicalHost(spec.computerName);
    const file = spec.kind === 'sim' ? spec.stateFile : spec.file;
    return `${spec.kind}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(realPath(file)).digest('hex').slice(0, 12)}`;
}
function canonicalHost(name) {
    if (name === null)
        return 'local';
    const n = name.trim().toLowerCase().replace(/\.$/, '');
    if (n === '' || n === '.' || n === 'localhost' || n === '::1' || /^127\./.test(n))
        return 'local';
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_3__.isIP)(n))
        return n;
    const short = n.split('.')[0];
    return short === (0,node_os__WEBPACK_IMPORTED_MODULE_2__.hostname)().toLowerCase().split('.')[0] ? 'local' : short;
}
function realPath(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(file);
    }
    catch {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_4__.resolve)(file); // not there yet: its own path
    }
}


/***/ }),

/***/ 6807:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ runHolder),
/* harmony export */   HJ: () => (/* binding */ takeLock),
/* harmony export */   Xn: () => (/* binding */ DEFAULT_LOCK_WAIT_MS),
/* harmony export */   sG: () => (/* binding */ describeHolder)
/* harmony export */ });
/* unused harmony export formatWait */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4296);
/* harmony import */ var _apply_lock_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8010);
/* harmony import */ var _printable_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(8433);
// Taking the host lock as an operator wants to see it: when another run holds it, say who (run, pid,
// host, since when) and how long this run will wait, then wait. Built on the lock module's API only.
// Every run that changes a host (apply, adopt, reconcile) takes it through here, as one holder kind.





/** How long a run waits for another run's host lock unless told otherwise (--lock-wait). */
const DEFAULT_LOCK_WAIT_MS = 10 * 60_000;
/** This run as the lock names it: the workflow run (and attempt) on a runner, else a fresh id. */
function runHolder(startedAt) {
    const runId = process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_RUN_ID}-${process.env.GITHUB_RUN_ATTEMPT ?? 1}` : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    return { runId, pid: process.pid, hostname: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)(), startedAt };
}
function describeHolder(h) {
    // The lock file is another process's writing: its fields are printed escaped.
    return h ? `run ${(0,_printable_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g)(h.runId)} (pid ${h.pid} on ${(0,_printable_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g)(h.hostname)}, since ${(0,_printable_js__WEBPACK_IMPORTED_MODULE_4__/* .printable */ .g)(h.startedAt)})` : 'an unknown holder (unreadable lock file)';
}
function formatWait(ms) {
    if (ms % 60_000 === 0 && ms >= 60_000)
        return `${ms / 60_000} min`;
    return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
async function takeLock(stateDir, hostKey, holder, waitMs, log, signal) {
    const warn = (m) => log.warn(m);
    try {
        return await (0,_apply_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .acquireHostLock */ .QM)(stateDir, hostKey, { holder, waitMs: 0, warn, ...(signal ? { signal } : {}) });
    }
    catch (e) {
        if (!(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isHvcError */ ._L)(e) || e.reason !== 'locked' || waitMs === 0)
            throw e;
        const held = e.detail?.holder;
        log.info(`waiting up to ${formatWait(waitMs)} for the host lock of '${hostKey}', held by ${describeHolder(held)} (--lock-wait sets the wait; 'hyperv-converge unlock' shows and releases a stale lock)`);
    }
    return (0,_apply_lock_js__WEBPACK_IMPORTED_MODULE_3__/* .acquireHostLock */ .QM)(stateDir, hostKey, { holder, waitMs, warn, ...(signal ? { signal } : {}) });
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./src/entry/dirname-shim.ts
// ssh2's bundled poly1305 (emscripten) reads __dirname, which ESM lacks. This module must be the
// first import of every bundled entry so the globals exist before any dependency evaluates.


const here = (0,external_node_url_.fileURLToPath)(import.meta.url);
const g = globalThis;
g.__filename ??= here;
g.__dirname ??= (0,external_node_path_.dirname)(here);

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/core/counters.ts
var counters = __nccwpck_require__(6286);
;// CONCATENATED MODULE: ./src/entry/counters.ts
// HVC_COUNTERS=<file>: when the process exits, write its structural counters there as JSON (tests
// hold whole commands to them; see src/core/counters.ts). Unset: nothing is written.


const file = process.env.HVC_COUNTERS;
if (file) {
    process.on('exit', () => {
        try {
            (0,external_node_fs_.writeFileSync)(file, JSON.stringify(counters/* counters */.O) + '\n');
        }
        catch {
            /* a diagnostic must not change the exit */
        }
    });
}

;// CONCATENATED MODULE: external "node:readline/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline/promises");
// EXTERNAL MODULE: ./src/backends/index.ts + 9 modules
var backends = __nccwpck_require__(9111);
;// CONCATENATED MODULE: ./src/backends/doctor.ts
const uniq = (xs) => [...new Set(xs.filter((x) => typeof x === 'string' && x !== ''))].sort();
/** What the config needs from the host, as the doctor request's arguments. */
function doctorArgs(config) {
    const live = config.vms.filter((v) => v.state !== 'absent');
    return { paths: uniq(live.map((v) => v.path)), images: uniq(live.map((v) => v.disk.image)), switches: uniq(live.map((v) => v.switch)) };
}
async function runDoctor(backend, config) {
    const checks = [];
    if (backend.kind === 'replay') {
        return { ok: true, checks: [{ id: 'backend', ok: true, message: 'replay backend: a recording, nothing on a host to check', fix: null }] };
    }
    const out = await backend.query({ op: 'doctor', args: doctorArgs(config) }, Math.max(config.host.operationTimeoutSec, 60) * 1000);
    if (!out.ok) {
        const remote = config.host.computerName;
        // A launch that could not be built says what was not found and its own fix.
        const unavailable = out.error.detail;
        if (out.error.code === 'agent-launch-failed' && typeof unavailable?.reason === 'string' && typeof unavailable.fix === 'string') {
            checks.push({ id: 'agent', ok: false, message: `the host agent cannot be started: ${unavailable.reason}`, fix: unavailable.fix });
            return { ok: false, checks };
        }
        checks.push({
            id: 'agent',
            ok: false,
            message: `the host agent could not run the checks (${out.error.code}): ${out.error.message}`,
            fix: out.error.code === 'agent-launch-failed'
                ? 'run on the Hyper-V host (or a runner that can reach it) with Windows PowerShell 5.1 or PowerShell 7 on PATH'
                : remote
                    ? `check PowerShell remoting to ${remote}: Test-WSMan -ComputerName ${remote}`
                    : 'rerun with the agent stderr shown above and report it',
        });
        return { ok: false, checks };
    }
    const raw = out.result;
    if (!raw || !Array.isArray(raw.checks))
        return { ok: false, checks: [{ id: 'agent', ok: false, message: 'doctor result is malformed', fix: 'report this as a bug' }] };
    for (const c of raw.checks) {
        if (typeof c?.id !== 'string' || typeof c.ok !== 'boolean' || typeof c.message !== 'string') {
            return { ok: false, checks: [{ id: 'agent', ok: false, message: 'doctor result is malformed', fix: 'report this as a bug' }] };
        }
        checks.push({ id: c.id, ok: c.ok, message: c.message, fix: c.ok ? null : typeof c.fix === 'string' ? c.fix : null });
    }
    return { ok: checks.every((c) => c.ok), checks };
}

// EXTERNAL MODULE: ./src/core/config/load.ts + 10 modules
var load = __nccwpck_require__(1487);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/model/assess.ts
var assess = __nccwpck_require__(3023);
// EXTERNAL MODULE: ./src/core/model/ownership.ts
var ownership = __nccwpck_require__(4504);
// EXTERNAL MODULE: ./src/core/canonical.ts
var canonical = __nccwpck_require__(457);
;// CONCATENATED MODULE: ./src/core/plan/hashes.ts
// configHash, observedHash and basisHash: sha256 over canonical JSON of content only (no source
// positions, no timestamps, no backend name), so a plan made from a replayed current.json equals the
// one made live.



const enumerable = Object.prototype.propertyIsEnumerable;
/**
 * The configuration's version. Of a config read from a file (parseConfig): sha256 over the canonical
 * JSON of the document as written — comments, layout, key order, quoting and anchors do not count,
 * every value written does, and seed files count by content. Hashing what the file says, not what it
 * resolves to, costs a few hundred bytes of JSON a VM instead of the resolved VM's every field (7.5
 * MB at 10,000 VMs). Two files that say the same thing in other words (a value moved into defaults)
 * are two versions: a reviewed plan is applied only from the very configuration reviewed.
 * A config built in memory has no document: its canonical resolved content is hashed.
 */
function configHash(config) {
    return config.documentHash ?? resolvedConfigHash(config);
}
/** sha256 over the canonical resolved config (defaults merged, source positions left out). */
function resolvedConfigHash(config) {
    // A resolved VM's source position is not enumerable (canonical JSON never sees it), so the VMs are
    // walked as they are; only a VM built with an enumerable one (in memory, by hand) is normalized
    // without it.
    let vms = config.vms;
    for (let i = 0; i < config.vms.length; i++) {
        const vm = config.vms[i];
        if (!enumerable.call(vm, 'source'))
            continue;
        if (vms === config.vms)
            vms = config.vms.slice();
        vms[i] = (0,canonical/* canonicalPartWithout */.GG)(vm, 'source');
    }
    return (0,canonical/* sha256Of */.Bj)({ ...config, vms });
}
const CHECKPOINT_PREFIX = 'hyperv-converge before ';
/** The pre-change checkpoint's name: by config version, so a rerun of the same config recognises its own. */
function checkpointNameFor(config, hash = configHash(config)) {
    return `${CHECKPOINT_PREFIX}${hash.slice('sha256:'.length, 'sha256:'.length + 12)}`;
}
const earlierNames = new WeakMap();
/**
 * Whether a checkpoint is this config version's own pre-change checkpoint: named `checkpointName`,
 * or — for a config read from a file — the name versions before configHash was the document's gave
 * the same config (its resolved content's hash), so an apply interrupted right before an upgrade
 * does not take a second checkpoint after it. That name costs a hash of the whole resolved config:
 * it is worked out only for a checkpoint of this tool under another name, once per config.
 */
function isOwnCheckpoint(config, checkpointName, name) {
    if (name === checkpointName)
        return true;
    if (config.documentHash === undefined || !name.startsWith(CHECKPOINT_PREFIX))
        return false;
    let earlier = earlierNames.get(config);
    if (earlier === undefined)
        earlierNames.set(config, (earlier = checkpointNameFor(config, resolvedConfigHash(config))));
    return name === earlier;
}
/** The whole observation: every VM on the host. Information only; the plan hash does not cover it. */
function observedHash(obs) {
    return sha256Of({ host: obs.host, vms: obs.vms, complete: obs.complete, incomplete: obs.incomplete });
}
/**
 * observedHash from the canonical tree of the whole observation (the one current.json is printed
 * from), so a run canonicalizes its observation once: equal to observedHash(obs) for tree =
 * canonicalTree(obs), because the subtrees are already normalized and the keys are listed sorted.
 */
function observedHashOfTree(tree, texts = new canonical/* CanonicalTexts */.TK()) {
    const t = tree;
    // Its members are printed through `texts`, so current.json, printed from the same tree, reuses them.
    return (0,canonical/* sha256OfParts */.dp)(texts.objectParts({ complete: t.complete ?? null, host: t.host ?? null, incomplete: t.incomplete ?? null, vms: t.vms ?? null }));
}
/**
 * The facts planning reads from one VM (plan.ts, surface.ts): everything observed of it but what
 * changes on its own without being a change — guest addresses, integration-service status text, and
 * checkpoints other than this config's own — so a new IP or a backup checkpoint is not a change.
 */
function vmFacts(v, own) {
    const { checkpoints, adapters, integrationServices, ...rest } = v;
    return {
        ...rest,
        adapters: adapters.map(({ ips: _ips, ...a }) => a),
        integrationServices: integrationServices.map((s) => ({ id: s.id, enabled: s.enabled })),
        // Only whether this config's own pre-change checkpoint exists is compared.
        ownCheckpoint: checkpoints.some((c) => own(c.name)),
    };
}
/**
 * Which VMs, reasons and switches of the observation the plan concerns: `vm(i)` for the
 * observation's i-th VM, `concerns(name)` for any name. Names are keyed once per list (nameKeysOf).
 */
function selection(config, obs, targets) {
    const desired = new Set((0,assess/* nameKeysOf */.vk)(config.vms));
    const obsKeys = (0,assess/* nameKeysOf */.vk)(obs.vms);
    const owned = new Set();
    if (config.policy.prune)
        obs.vms.forEach((o, i) => (0,ownership/* ownedBy */.LW)(o.notes, config.project) && owned.add(obsKeys[i]));
    // A plan limited to some VMs (--target) concerns only those.
    const only = targets ? new Set(targets.map((t) => (0,assess/* nameKey */.Rc)(t))) : null;
    const concernsKey = (k) => (desired.has(k) || owned.has(k)) && (!only || only.has(k));
    // Every switch the file refers to: single-form switches, adapter lists, and switches it declares
    // (each name keyed once: a fleet names a few switches many times).
    const named = new Set();
    for (const v of config.vms) {
        if (v.switch)
            named.add(v.switch);
        for (const a of v.adapters ?? [])
            if (a.switch)
                named.add(a.switch);
    }
    for (const s of config.switches ?? [])
        if (s.name)
            named.add(s.name);
    const switches = new Set();
    for (const n of named)
        switches.add((0,assess/* nameKey */.Rc)(n));
    return { concerns: (name) => concernsKey((0,assess/* nameKey */.Rc)(name)), vm: (i) => concernsKey(obsKeys[i]), switches };
}
/**
 * The observed facts the plan compared, for the VMs it concerns: the VMs the file names (and, with
 * pruning, the VMs this project owns), the switches and paths the file refers to, and what made the
 * observation incomplete for them. Another team's VM on the same host is not part of it.
 */
function basisOf(config, obs, checkpointName, targets) {
    const { concerns, vm, switches } = selection(config, obs, targets);
    return {
        computerName: obs.host.computerName,
        switches: obs.host.switches.filter((s) => switches.has((0,assess/* nameKey */.Rc)(s.name))),
        paths: obs.host.paths,
        blocking: (0,assess/* blockingReasons */.PK)(obs, concerns),
        vms: obs.vms.filter((_v, i) => vm(i)).map((v) => vmFacts(v, (name) => isOwnCheckpoint(config, checkpointName, name))),
    };
}
function basisHash(config, obs, checkpointName, targets) {
    return (0,canonical/* sha256Of */.Bj)(basisOf(config, obs, checkpointName, targets));
}
/**
 * basisOf, built from the observation's canonical tree: the same selection (read from obs), the same
 * facts taken from the tree's already normalized parts, keys placed in sorted order, so that
 * sha256OfTree of it equals basisHash(config, obs, …). The tree lists obs's VMs and reasons in order.
 */
function basisTreeOf(config, obs, tree, checkpointName, targets) {
    const t = tree;
    const host = t.host;
    const treeVms = t.vms;
    const treeReasons = t.incomplete;
    if (treeVms.length !== obs.vms.length || treeReasons.length !== obs.incomplete.length)
        throw new TypeError('basisTreeOf: the tree is not the canonical tree of this observation');
    const { concerns, vm, switches } = selection(config, obs, targets);
    literals = LITERAL_KEYS.every((k) => !(k in Object.prototype));
    const out = {};
    const blocking = [];
    obs.incomplete.forEach((r, i) => {
        if (r.vm === undefined || concerns(r.vm))
            blocking.push(treeReasons[i]);
    });
    out.blocking = blocking;
    if (host.computerName !== undefined)
        out.computerName = host.computerName;
    if (host.paths !== undefined)
        out.paths = host.paths;
    out.switches = obs.host.switches.flatMap((s, i) => (switches.has((0,assess/* nameKey */.Rc)(s.name)) ? [host.switches[i]] : []));
    const vms = [];
    const own = (name) => typeof name === 'string' && isOwnCheckpoint(config, checkpointName, name);
    for (let i = 0; i < treeVms.length; i++)
        if (vm(i))
            vms.push(factsOfTree(treeVms[i], own));
    out.vms = vms;
    return out;
}
/**
 * vmFacts of a VM's canonical tree. A VM with only the keys an observed VM has (the schema's: every
 * answer and recording is checked against it) is built as one literal listing them in sorted order,
 * a member the VM lacks left undefined, which JSON.stringify leaves out just as if it were absent:
 * the same text, without a key-by-key copy of every VM. Anything else takes the general way.
 */
function factsOfTree(vm, own) {
    if (!literals || !onlyKeysOf(vm, VM_KEYS))
        return factsByKeys(vm, own);
    const v = vm;
    return {
        adapters: vm.adapters === undefined ? undefined : vm.adapters.map(withoutIps),
        automaticStartAction: v.automaticStartAction,
        automaticStartDelaySec: v.automaticStartDelaySec,
        automaticStopAction: v.automaticStopAction,
        checkpointType: v.checkpointType,
        compatibilityForMigration: v.compatibilityForMigration,
        cpus: v.cpus,
        disks: v.disks,
        dvdDrives: v.dvdDrives,
        firstBootDevice: v.firstBootDevice,
        generation: v.generation,
        id: v.id,
        integrationServices: vm.integrationServices === undefined ? undefined : vm.integrationServices.map(serviceFacts),
        memory: v.memory,
        memoryBuffer: v.memoryBuffer,
        memoryWeight: v.memoryWeight,
        name: v.name,
        nestedVirtualization: v.nestedVirtualization,
        notes: v.notes,
        ownCheckpoint: vm.checkpoints.some((c) => own(c.name)),
        path: v.path,
        secureBoot: v.secureBoot,
        secureBootTemplate: v.secureBootTemplate,
        state: v.state,
        tpm: v.tpm,
    };
}
const VM_KEYS = new Set(['adapters', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'checkpointType', 'checkpoints', 'compatibilityForMigration', 'cpus', 'disks', 'dvdDrives', 'firstBootDevice', 'generation', 'id', 'integrationServices', 'memory', 'memoryBuffer', 'memoryWeight', 'name', 'nestedVirtualization', 'notes', 'path', 'secureBoot', 'secureBootTemplate', 'state', 'tpm']);
const ADAPTER_KEYS = new Set(['dhcpGuard', 'dynamicMac', 'ips', 'mac', 'macSpoofing', 'name', 'routerGuard', 'switch', 'vlan']);
/**
 * The literals read members by name, so a member a VM lacks must read as undefined: they are used
 * only while Object.prototype holds none of these names (set per basisTreeOf call; a key given to it
 * by prototype pollution sends every VM the general way, which reads own keys only).
 */
const LITERAL_KEYS = [...VM_KEYS, ...ADAPTER_KEYS];
let literals = true;
/** factsOfTree for any VM tree: its keys in order, checkpoints replaced by ownCheckpoint in its sorted place. */
function factsByKeys(vm, ownName) {
    const own = vm.checkpoints.some((c) => ownName(c.name));
    const out = {};
    let placed = false;
    for (const k of Object.keys(vm)) {
        if (k === 'checkpoints' || k === 'ownCheckpoint')
            continue;
        if (!placed && k > 'ownCheckpoint') {
            out.ownCheckpoint = own;
            placed = true;
        }
        if (k === 'adapters')
            out.adapters = vm.adapters.map(withoutIps);
        else if (k === 'integrationServices')
            out.integrationServices = vm.integrationServices.map(serviceFacts);
        else
            out[k] = vm[k];
    }
    if (!placed)
        out.ownCheckpoint = own;
    return out;
}
/** Whether every key for…in lists of the object is one of `keys` (the literal then holds all of it). */
function onlyKeysOf(o, keys) {
    for (const k in o)
        if (!keys.has(k))
            return false;
    return true;
}
function withoutIps(a) {
    if (!Object.hasOwn(a, 'ips'))
        return a;
    if (!literals || !onlyKeysOf(a, ADAPTER_KEYS)) {
        const out = {};
        for (const k of Object.keys(a))
            if (k !== 'ips')
                out[k] = a[k];
        return out;
    }
    const v = a;
    return { dhcpGuard: v.dhcpGuard, dynamicMac: v.dynamicMac, mac: v.mac, macSpoofing: v.macSpoofing, name: v.name, routerGuard: v.routerGuard, switch: v.switch, vlan: v.vlan };
}
function serviceFacts(s) {
    return { enabled: s.enabled, id: s.id }; // an undefined member is left out of the text
}

;// CONCATENATED MODULE: ./src/core/plan/finalize.ts
// The reviewed plan: counts and its hashes.


function countOf(draft) {
    const vmsWith = (pred) => new Set(draft.steps.filter((s) => pred(s.action)).map((s) => s.vm));
    const created = vmsWith((a) => a === 'create');
    const removed = vmsWith((a) => a === 'remove');
    const changed = new Set([...vmsWith(() => true)].filter((vm) => !created.has(vm) && !removed.has(vm)));
    return { create: created.size, change: changed.size, destroy: removed.size, refused: draft.refusals.length, unchanged: draft.unchanged.length };
}
/**
 * The plan with its hashes. The observation is canonicalized once (or not at all when the caller
 * hands its tree in `known`) for both the observed and the basis hash. The plan comes back as the
 * canonical tree its hash was taken over (keys in sorted order, undefined dropped), so printing it
 * as plan.json walks it without copying.
 */
function finalizePlan(draft, config, obs, backend, targets, known = {}) {
    const cfgHash = known.configHash ?? configHash(config);
    const checkpointName = checkpointNameFor(config, cfgHash);
    const texts = known.texts ?? new canonical/* CanonicalTexts */.TK();
    // The observation is canonicalized at most once (not at all with its tree handed in), and its
    // hash is taken only when the caller has not already taken it.
    let tree = known.observedTree;
    const observed = known.observedHash ?? observedHashOfTree((tree ??= (0,canonical/* canonicalTree */.DZ)(obs)), texts);
    const basis = tree !== undefined ? (0,canonical/* sha256OfTree */.Nf)(basisTreeOf(config, obs, tree, checkpointName, targets)) : basisHash(config, obs, checkpointName, targets);
    const body = {
        schemaVersion: 1,
        project: config.project,
        actionable: draft.actionable,
        steps: draft.steps,
        refusals: draft.refusals,
        counts: countOf(draft),
        unchanged: draft.unchanged,
        configHash: cfgHash,
        basisHash: basis,
        ...(targets ? { targets } : {}),
    };
    const bodyTree = (0,canonical/* canonicalTree */.DZ)(body);
    // The plan hash binds what the plan depends on; the whole observation's hash is kept beside it.
    // Printed through the run's texts: plan.json, printed from the same members, reuses them.
    const planHash = (0,canonical/* sha256OfParts */.dp)(texts.objectParts(bodyTree));
    const plan = {};
    const extra = { backend, observedHash: observed, planHash };
    for (const k of [...Object.keys(bodyTree), ...Object.keys(extra)].sort())
        plan[k] = Object.hasOwn(extra, k) ? extra[k] : bodyTree[k];
    return plan;
}
/** A plan holds drift when it has anything to do or anything it refused. */
function hasChanges(plan) {
    return plan.steps.length > 0 || plan.refusals.length > 0;
}


;// CONCATENATED MODULE: ./src/core/plan/adopt.ts
// Adopting a VM made by hand: a reviewed plan with exactly one step, writing this project's ownership
// marker at the end of the VM's Notes (the user's text is kept). Only a VM the file names can be
// adopted, so the normal plan manages it from then on; a VM owned by another project is refused.




function planAdopt(config, obs, vmName, backend) {
    const desired = config.vms.find((v) => (0,assess/* nameKey */.Rc)(v.name) === (0,assess/* nameKey */.Rc)(vmName));
    if (!desired)
        throw new errors/* HvcError */.Iy('usage', `adopt: '${vmName}' is not named in the config; add it under vms: first, so the plan manages it once adopted`);
    const name = desired.name;
    const blocking = (0,assess/* blockingReasons */.PK)(obs, (vm) => (0,assess/* nameKey */.Rc)(vm) === (0,assess/* nameKey */.Rc)(name));
    if (blocking.length > 0) {
        const message = `the observation is incomplete, so nothing is acted on: ${blocking.map((r) => r.message).join('; ')}`;
        const draft = { actionable: false, steps: [], refusals: [{ vm: '*', kind: 'refused', code: 'observation-incomplete', message, steps: [] }], unchanged: [] };
        return finalizePlan(draft, config, obs, backend, [(0,assess/* nameKey */.Rc)(name)]);
    }
    const o = obs.vms.find((v) => (0,assess/* nameKey */.Rc)(v.name) === (0,assess/* nameKey */.Rc)(name));
    if (!o)
        throw new errors/* HvcError */.Iy('usage', `adopt: there is no VM named '${name}' on host ${obs.host.computerName}; apply creates it instead`);
    const owner = (0,ownership/* ownerOf */.bf)(o.notes);
    const draft = { actionable: true, steps: [], refusals: [], unchanged: [] };
    if (owner === config.project) {
        draft.unchanged.push(name);
    }
    else if (owner !== null) {
        draft.refusals.push({ vm: name, kind: 'refused', code: 'owned-by-other', message: `VM '${name}' is owned by project '${owner}'; it is not adopted into '${config.project}'`, steps: [] });
    }
    else {
        const notes = (0,ownership/* withMarker */.Pe)((0,ownership/* userNotes */.x1)(o.notes).replace(/\s+$/, ''), config.project);
        const step = {
            id: `${name}/1`,
            vm: name,
            vmId: o.id,
            action: 'set-notes',
            from: 'no ownership marker',
            to: (0,ownership/* markerLine */.B_)(config.project),
            reason: `adopt: write the ownership marker of project '${config.project}'`,
            disruption: 'benign',
            group: `${name}/1`,
            operation: { op: 'vm.setNotes', args: { id: o.id, name, notes } },
        };
        draft.steps.push(step);
    }
    return finalizePlan(draft, config, obs, backend, [(0,assess/* nameKey */.Rc)(name)]);
}

// EXTERNAL MODULE: ./src/engine/apply/lock.ts
var apply_lock = __nccwpck_require__(8010);
// EXTERNAL MODULE: ./src/engine/cancellation.ts
var cancellation = __nccwpck_require__(2775);
// EXTERNAL MODULE: ./src/artifacts/write.ts
var write = __nccwpck_require__(7900);
// EXTERNAL MODULE: ./src/core/config/suggest.ts
var suggest = __nccwpck_require__(6732);
// EXTERNAL MODULE: ./src/core/config/vm-name.ts
var vm_name = __nccwpck_require__(5561);
// EXTERNAL MODULE: ./src/core/sizes.ts
var sizes = __nccwpck_require__(9013);
;// CONCATENATED MODULE: ./src/core/plan/surface.ts

const slotText = (s) => `${s.controllerType} ${s.controllerNumber}:${s.controllerLocation}`;
const sameSlot = (a, b) => a.controllerType === b.controllerType && a.controllerNumber === b.controllerNumber && a.controllerLocation === b.controllerLocation;
const eqPath = (a, b) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const slotOf = (s) => ({ controllerType: s.controllerType, controllerNumber: s.controllerNumber, controllerLocation: s.controllerLocation });
function exists(obs, path) {
    const hit = obs.host.paths.find((p) => p.path.toLowerCase() === path.toLowerCase());
    return hit ? hit.exists : null;
}
function hashOf(obs, path) {
    const hit = obs.host.paths.find((p) => p.path.toLowerCase() === path.toLowerCase());
    return hit && hit.exists ? (hit.sha256 ?? null) : null;
}
function hasSwitch(obs, name) {
    return obs.host.switches.some((s) => s.name.toLowerCase() === name.toLowerCase());
}
function adapterSpec(a, i) {
    const out = { name: a.name ?? 'Network Adapter', switch: a.switch, mac: a.mac };
    if (a.vlan !== undefined)
        out.vlan = a.vlan;
    for (const k of ['macSpoofing', 'dhcpGuard', 'routerGuard'])
        if (a[k] !== undefined)
            out[k] = a[k];
    void i;
    return out;
}
/** The settings the file manages, as the operation carries them. */
function settingsSpec(s) {
    const out = {};
    if (!s)
        return out;
    // Object.entries' keys and order, without its list of pairs (a plan makes one per VM created).
    for (const k in s) {
        if (!Object.hasOwn(s, k))
            continue;
        const v = s[k];
        if (v !== null)
            out[k] = v;
    }
    return out;
}
/**
 * Which settings Hyper-V changes only with the VM off:
 * - tpm: Enable-VMTPM/Disable-VMTPM need the VM off (Microsoft Learn, "Enable-VMTPM"; a key protector
 *   is set first with Set-VMKeyProtector).
 * - secureBootTemplate: firmware settings change only while off (as secure boot itself; Set-VMFirmware).
 * - nestedVirtualization: "While the virtual machine is in the OFF state, run … Set-VMProcessor
 *   -ExposeVirtualizationExtensions $true" (Microsoft Learn, "Run Hyper-V in a Virtual Machine with
 *   Nested Virtualization").
 * - automaticStartAction/Delay, automaticStopAction: "can only be done when the VM is powered off"
 *   (dsccommunity/HyperVDsc#216).
 * - checkpointType changes online (Set-VM -CheckpointType on a running VM; HyperVDsc's VMHyperV sets
 *   it without a restart).
 */
const OFFLINE_SETTINGS = new Set([
    'tpm',
    'secureBootTemplate',
    'nestedVirtualization',
    'automaticStartAction',
    'automaticStartDelaySec',
    'automaticStopAction',
    // "The virtual machine must be turned off" to change processor compatibility (Microsoft Learn,
    // "Processor compatibility mode in Hyper-V").
    'compatibilityForMigration',
    // Firmware/BIOS boot order, like the other firmware settings, changes only while off.
    'firstBootDevice',
]);
// memoryWeight and memoryBuffer change online (Microsoft Learn, "Set-VMMemory": -Priority and
// -Buffer apply to a running VM; the buffer only with dynamic memory).
/** The settings a file can manage, in the order a step lists them (the record makes the list exhaustive). */
const SETTING_KEYS = Object.keys({
    tpm: 0,
    secureBootTemplate: 0,
    nestedVirtualization: 0,
    checkpointType: 0,
    automaticStartAction: 0,
    automaticStartDelaySec: 0,
    automaticStopAction: 0,
    compatibilityForMigration: 0,
    memoryWeight: 0,
    memoryBuffer: 0,
    firstBootDevice: 0,
});
/** The observed value of a setting: the VM reports each under the setting's own name. */
function observedSetting(o, k) {
    return o[k];
}
/**
 * Whether planSurface can find anything for this VM: the file manages some of the wider surface, or
 * the VM has a disk at a data position the file's (empty) dataDisks list would detach. False means
 * planSurface would return nothing: most VMs of a large plan skip it without building its lists.
 */
/** Whether a plain object has an own enumerable key (Object.keys(o).length > 0, without the list). */
function hasKeys(o) {
    if (o)
        for (const k in o)
            if (Object.hasOwn(o, k))
                return true;
    return false;
}
function usesSurface(d, o) {
    if (d.adaptersListed && d.adapters)
        return true;
    if (d.dvdDrives?.length || d.cloudInit)
        return true;
    if (d.dataDisks !== undefined) {
        if (d.dataDisks.length)
            return true;
        const first = o.generation === 2 ? 1 : 0;
        for (const x of o.disks) {
            if (x.controllerType === 'SCSI' && x.controllerNumber === 0 && (x.controllerLocation ?? 0) >= first && (x.controllerLocation ?? 0) < 32)
                return true;
        }
    }
    const s = d.settings;
    // Any setting with a value, read by name (one shape: fast). A setting left out here would make
    // planSurface skip it: the property test over every setting key fails then.
    if (s && (s.tpm ?? s.secureBootTemplate ?? s.nestedVirtualization ?? s.checkpointType ?? s.automaticStartAction ?? s.automaticStartDelaySec ?? s.automaticStopAction ?? s.compatibilityForMigration ?? s.memoryWeight ?? s.memoryBuffer ?? s.firstBootDevice ?? null) !== null)
        return true;
    return hasKeys(d.integrationServices);
}
function planSurface(d, o, obs, seeds) {
    const out = { prelude: [], online: [], offline: [], blocked: [] };
    const id = o.id;
    const name = o.name;
    const ref = { id, name };
    const gen2 = o.generation === 2;
    // --- Network adapters (the single switch/mac form stays in plan.ts).
    if (d.adaptersListed && d.adapters) {
        const matched = new Set();
        for (const [i, a] of d.adapters.entries()) {
            const have = o.adapters.find((x) => !matched.has(x) && x.name.toLowerCase() === (a.name ?? '').toLowerCase());
            if (a.switch && !hasSwitch(obs, a.switch)) {
                out.blocked.push({ code: 'missing-switch', message: `virtual switch '${a.switch}' (adapter '${a.name}') does not exist on host ${obs.host.computerName}`, steps: [] });
                if (have)
                    matched.add(have);
                continue;
            }
            if (!have) {
                // Adding or removing an adapter of a running VM works on generation 2 only (Microsoft Learn,
                // "What's new in Hyper-V on Windows Server 2016": hot add and remove for network adapters).
                const s = { action: 'add-adapter', operation: { op: 'vm.addAdapter', args: { ...ref, adapter: adapterSpec(a, i) } }, from: null, to: adapterSpec(a, i), reason: `adapter '${a.name}' is missing` };
                (gen2 ? out.online : out.offline).push(s);
                continue;
            }
            matched.add(have);
            adapterDiffs(a, have, ref, out, true);
        }
        for (const x of o.adapters) {
            if (matched.has(x))
                continue;
            const s = { action: 'remove-adapter', operation: { op: 'vm.removeAdapter', args: { ...ref, adapter: x.name } }, from: x.name, to: null, reason: `adapter '${x.name}' is not in the file's networkAdapters` };
            (gen2 ? out.online : out.offline).push(s);
        }
    }
    else if (d.adapters?.[0] && o.adapters[0]) {
        adapterDiffs(d.adapters[0], o.adapters[0], ref, out, false);
    }
    // --- Data disks at fixed positions. SCSI disks attach, detach and grow while the VM runs (Microsoft
    // Learn, "Add-VMHardDiskDrive"; online resize of SCSI-attached VHDX, "Resize-VHD"); IDE needs it off.
    const dataDisks = d.dataDisks ?? [];
    const slotKnown = o.disks.every((x) => x.controllerType !== undefined);
    for (const want of dataDisks) {
        const online = want.controllerType === 'SCSI';
        const here = slotKnown ? o.disks.find((x) => sameSlot(x, want)) : o.disks.find((x) => eqPath(x.path, want.path));
        const where = slotText(want);
        if (!here) {
            if (want.existing && exists(obs, want.path) === false) {
                out.blocked.push({ code: 'missing-file', message: `data disk ${want.path} does not exist on host ${obs.host.computerName}`, steps: [] });
                continue;
            }
            const s = {
                action: 'add-disk',
                operation: { op: 'disk.add', args: { ...ref, ...slotOf(want), path: want.path, sizeBytes: want.existing ? null : want.sizeBytes } },
                from: null,
                to: want.existing ? `${want.path} at ${where}` : `new ${(0,sizes/* formatSize */.Xq)(want.sizeBytes ?? 0)} ${want.path} at ${where}`,
                reason: `no data disk at ${where}`,
            };
            (online ? out.online : out.offline).push(s);
            continue;
        }
        if (!eqPath(here.path, want.path)) {
            out.blocked.push({ code: 'disk-conflict', message: `${where} holds ${here.path}, the file puts ${want.path} there; detach it by hand or change the list`, steps: [] });
            continue;
        }
        if (!want.existing && want.sizeBytes !== null && here.sizeBytes !== want.sizeBytes) {
            if (want.sizeBytes < here.sizeBytes) {
                out.blocked.push({ code: 'disk-shrink', message: `data disk ${here.path} is ${(0,sizes/* formatSize */.Xq)(here.sizeBytes)}, the file says ${(0,sizes/* formatSize */.Xq)(want.sizeBytes)}: virtual disks are never shrunk`, steps: [] });
                continue;
            }
            const s = { action: 'grow-disk', operation: { op: 'disk.grow', args: { ...ref, path: here.path, sizeBytes: want.sizeBytes } }, from: (0,sizes/* formatSize */.Xq)(here.sizeBytes), to: (0,sizes/* formatSize */.Xq)(want.sizeBytes), reason: `data disk ${where} size differs` };
            (online ? out.online : out.offline).push(s);
        }
    }
    if (slotKnown && d.dataDisks !== undefined) {
        // Disks at data positions past the list are detached (their files are kept).
        const first = gen2 ? 1 : 0;
        for (const x of o.disks) {
            if (x.controllerType !== 'SCSI' || x.controllerNumber !== 0 || (x.controllerLocation ?? 0) < first || (x.controllerLocation ?? 0) >= 32)
                continue;
            if (dataDisks.some((w) => sameSlot(x, w)))
                continue;
            const slot = { controllerType: 'SCSI', controllerNumber: 0, controllerLocation: x.controllerLocation };
            out.online.push({ action: 'detach-disk', operation: { op: 'disk.detach', args: { ...ref, ...slot, path: x.path } }, from: `${x.path} at ${slotText(slot)}`, to: null, reason: 'not in the file\'s dataDisks (the file is kept)' });
        }
    }
    // --- DVD drives and the seed.
    const dvds = [...(d.dvdDrives ?? [])];
    const seed = d.cloudInit ?? null;
    if (seed) {
        const digest = seeds?.[d.name];
        if (!digest || 'missing' in digest) {
            const names = digest && 'missing' in digest ? digest.missing : [];
            out.blocked.push({
                code: 'seed-unavailable',
                message: names.length ? `the cloud-init seed of '${name}' needs the environment variable${names.length === 1 ? '' : 's'} ${names.join(', ')}, which ${names.length === 1 ? 'is' : 'are'} not set` : `the cloud-init seed of '${name}' was not built`,
                steps: [],
            });
        }
        else {
            const haveHash = hashOf(obs, seed.path);
            const inserted = (o.dvdDrives ?? []).find((x) => sameSlot(x, seed.slot) && eqPath(x.path, seed.path));
            if (haveHash !== digest.sha256) {
                const write = {
                    action: 'write-seed',
                    operation: { op: 'seed.write', args: { ...ref, path: seed.path, sha256: digest.sha256, sizeBytes: digest.sizeBytes } },
                    from: haveHash ? `sha256:${haveHash}` : null,
                    to: `sha256:${digest.sha256}`,
                    reason: haveHash ? 'the seed image differs from the one the file builds' : 'no seed image on the host',
                };
                if (inserted && o.state !== 'Off') {
                    // A running VM holds its inserted image open: eject, write, insert (media change is online).
                    const eject = { action: 'set-dvd', operation: { op: 'dvd.set', args: { ...ref, ...slotOf(seed.slot), path: null } }, from: seed.path, to: null, reason: 'eject the seed to rewrite it' };
                    const insert = { action: 'set-dvd', operation: { op: 'dvd.set', args: { ...ref, ...slotOf(seed.slot), path: seed.path } }, from: null, to: seed.path, reason: 'insert the rewritten seed' };
                    out.online.push(eject, write, insert);
                }
                else {
                    out.prelude.push(write);
                }
            }
            dvds.push({ ...seed.slot, path: seed.path });
        }
    }
    for (const want of dvds) {
        if (want.path !== null && !(seed && eqPath(want.path, seed.path)) && exists(obs, want.path) === false) {
            out.blocked.push({ code: 'missing-file', message: `ISO ${want.path} does not exist on host ${obs.host.computerName}`, steps: [] });
            continue;
        }
        const here = (o.dvdDrives ?? []).find((x) => sameSlot(x, want));
        if (!here) {
            // Adding a DVD drive: generation 1 drives are IDE, which needs the VM off; generation 2 drives
            // are treated the same way (Add-VMDvdDrive documents no hot add), only media changes are online.
            out.offline.push({ action: 'add-dvd', operation: { op: 'dvd.add', args: { ...ref, ...slotOf(want), path: want.path } }, from: null, to: `${want.path ?? 'empty'} at ${slotText(want)}`, reason: `no DVD drive at ${slotText(want)}` });
        }
        else if (!eqPath(here.path, want.path)) {
            // Changing the medium of an existing drive is online (Set-VMDvdDrive -Path).
            if (!(seed && eqPath(want.path, seed.path) && out.online.some((s) => s.action === 'set-dvd' && s.operation.args.path === seed.path))) {
                out.online.push({ action: 'set-dvd', operation: { op: 'dvd.set', args: { ...ref, ...slotOf(want), path: want.path } }, from: here.path, to: want.path, reason: `DVD at ${slotText(want)} differs` });
            }
        }
    }
    // --- Firmware, processor, lifecycle.
    const s = d.settings;
    if (s) {
        // Compared field by field: no record of the VM's settings is built per VM.
        const off = {};
        const on = {};
        const from = {};
        for (const k of SETTING_KEYS) {
            const want = s[k];
            if (want === null || want === undefined)
                continue;
            const have = observedSetting(o, k);
            if (have === want)
                continue;
            if (k === 'tpm' || k === 'secureBootTemplate')
                if (!gen2)
                    continue;
            (OFFLINE_SETTINGS.has(k) ? off : on)[k] = want;
            from[k] = have ?? null;
        }
        const mk = (spec, why) => ({
            action: 'set-settings',
            operation: { op: 'vm.setSettings', args: { ...ref, settings: spec } },
            from: Object.fromEntries(Object.keys(spec).map((k) => [k, from[k]])),
            to: spec,
            reason: `${Object.keys(spec).join(', ')} differ${why}`,
        });
        if (Object.keys(off).length)
            out.offline.push(mk(off, ' (needs the VM off)'));
        if (Object.keys(on).length)
            out.online.push(mk(on, ''));
    }
    // --- Integration services by id: Enable-/Disable-VMIntegrationService work on a running VM.
    const wanted = Object.entries(d.integrationServices ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const changes = [];
    for (const [sid, enabled] of wanted) {
        const have = o.integrationServices.find((x) => x.id.toUpperCase() === sid);
        if (!have) {
            out.blocked.push({ code: 'unknown-integration-service', message: `VM '${name}' has no integration service with id ${sid} (has: ${o.integrationServices.map((x) => `${x.id} ${x.name}`).join(', ') || 'none'})`, steps: [] });
            continue;
        }
        if (have.enabled !== enabled)
            changes.push({ id: sid, enabled });
    }
    if (changes.length) {
        out.online.push({
            action: 'set-integration-services',
            operation: { op: 'vm.setIntegrationServices', args: { ...ref, services: changes } },
            from: Object.fromEntries(changes.map((c) => [c.id, !c.enabled])),
            to: Object.fromEntries(changes.map((c) => [c.id, c.enabled])),
            reason: 'integration services differ',
        });
    }
    return out;
}
/** Switch, MAC, VLAN and guards of one existing adapter. `listed`: the networkAdapters form. */
function adapterDiffs(a, have, ref, out, listed) {
    if (!listed)
        return; // the single form's switch and MAC are planned by plan.ts as before
    const adapter = have.name;
    if (!eqPath(have.switch, a.switch)) {
        // Connecting and disconnecting is online (Connect-VMNetworkAdapter / Disconnect-VMNetworkAdapter).
        out.online.push({ action: 'connect-switch', operation: { op: 'vm.connectSwitch', args: { ...ref, adapter, switch: a.switch } }, from: have.switch, to: a.switch, reason: `adapter '${adapter}' switch differs` });
    }
    const wantDynamic = a.mac === null;
    if (wantDynamic !== have.dynamicMac || (!wantDynamic && have.mac !== a.mac)) {
        // A MAC address changes only with the VM off (Set-VMNetworkAdapter -StaticMacAddress).
        out.offline.push({ action: 'set-mac', operation: { op: 'vm.setMac', args: { ...ref, adapter, mac: a.mac } }, from: have.dynamicMac ? 'dynamic' : have.mac, to: a.mac ?? 'dynamic', reason: `adapter '${adapter}' MAC address differs` });
    }
    const change = {};
    const was = {};
    if (a.vlan !== undefined && have.vlan !== a.vlan) {
        change.vlan = a.vlan;
        was.vlan = have.vlan ?? null;
    }
    for (const k of ['macSpoofing', 'dhcpGuard', 'routerGuard']) {
        if (a[k] !== undefined && have[k] !== a[k]) {
            change[k] = a[k];
            was[k] = have[k] ?? null;
        }
    }
    if (Object.keys(change).length) {
        // VLAN and the guards change online (Set-VMNetworkAdapterVlan, Set-VMNetworkAdapter -MacAddressSpoofing/-DhcpGuard/-RouterGuard).
        out.online.push({ action: 'set-adapter', operation: { op: 'vm.setAdapter', args: { ...ref, adapter, ...change } }, from: was, to: change, reason: `adapter '${adapter}' ${Object.keys(change).join(', ')} differ` });
    }
}

;// CONCATENATED MODULE: ./src/core/plan/plan.ts






/**
 * Where the VM's own disk lives: Hyper-V's default layout under the VM folder. Its format is the
 * image's: New-VHD picks VHD or VHDX by extension and a differencing child must match its parent.
 */
function diskPathFor(vm) {
    const base = vm.path.replace(/[\\/]+$/, '');
    const ext = vm.disk?.image && /\.vhd$/i.test(vm.disk.image) ? 'vhd' : 'vhdx';
    return `${base}\\${vm.name}\\Virtual Hard Disks\\${vm.name}.${ext}`;
}
const DISRUPTION = {
    create: 'benign',
    start: 'benign',
    stop: 'disruptive',
    'set-cpus': 'benign',
    'set-memory': 'benign',
    'set-secure-boot': 'benign',
    'connect-switch': 'benign',
    'set-mac': 'benign',
    'set-notes': 'benign',
    'grow-disk': 'benign',
    checkpoint: 'benign',
    remove: 'destructive',
    'add-adapter': 'benign',
    // The guest loses a network or a mounted disk: disruptive even though the VM keeps running.
    'remove-adapter': 'disruptive',
    'set-adapter': 'benign',
    'add-disk': 'benign',
    'detach-disk': 'disruptive',
    'add-dvd': 'benign',
    'set-dvd': 'benign',
    'write-seed': 'benign',
    'set-settings': 'benign',
    'set-integration-services': 'benign',
    'create-switch': 'benign',
    'set-switch-nat': 'benign',
    // Removing a switch deletes host configuration; only owned switches no VM uses get here.
    'remove-switch': 'destructive',
};
/** Every step action there is (the disruption table names each one, so the list is exhaustive). */
const STEP_ACTIONS = Object.keys(DISRUPTION);
function step(vm, vmId, action, operation, from, to, reason, groupKey) {
    // Keys in canonical (sorted) order, the operation's too: canonicalizing the plan (for its hash and
    // plan.json) walks a step instead of copying it.
    return { action, disruption: DISRUPTION[action], from, group: groupKey, id: '', operation: { args: operation.args, op: operation.op }, reason, to, vm, vmId };
}
function memoryArgs(d) {
    const m = d.memory;
    return m.dynamic
        ? { dynamic: true, maximumBytes: m.maximumBytes, minimumBytes: m.minimumBytes, startupBytes: m.startupBytes }
        : { dynamic: false, maximumBytes: m.startupBytes, minimumBytes: m.startupBytes, startupBytes: m.startupBytes };
}
function describeMemory(m) {
    return m.dynamic ? `dynamic ${(0,sizes/* formatSize */.Xq)(m.minimumBytes)}..${(0,sizes/* formatSize */.Xq)(m.startupBytes)}..${(0,sizes/* formatSize */.Xq)(m.maximumBytes)}` : `static ${(0,sizes/* formatSize */.Xq)(m.startupBytes)}`;
}
/** Steps that were not planned, kept on the refusal for review. */
function heldBack(vm, steps) {
    return steps.map((s, i) => ({ ...stripGroup(s), id: `${vm}/held-${i + 1}`, group: `${vm}/held` }));
}
/** A VM that needs nothing (shared: nothing adds to it). */
const NOTHING = Object.freeze({ steps: Object.freeze([]), refusals: Object.freeze([]) });
function refusal(vm, kind, code, message, steps = []) {
    return { code, kind, message, steps: heldBack(vm, steps), vm }; // keys in canonical order
}
function stripGroup(p) {
    const { id: _i, group: _g, ...rest } = p;
    return rest;
}
function pathExists(obs, path) {
    const hit = obs.host.paths.find((p) => (0,vm_name/* sameName */.q)(p.path, path));
    return hit ? hit.exists : null;
}
/** The observed virtual size of a base image, or null when unknown. */
function imageSize(obs, path) {
    const hit = obs.host.paths.find((p) => (0,vm_name/* sameName */.q)(p.path, path));
    return hit?.sizeBytes ?? null;
}
function planCreate(config, d, obs, seeds) {
    const problems = [];
    if (d.disk.image && pathExists(obs, d.disk.image) === false) {
        problems.push(refusal(d.name, 'blocked', 'missing-image', `base image ${d.disk.image} does not exist on host ${obs.host.computerName}`));
    }
    const baseSize = d.disk.image ? imageSize(obs, d.disk.image) : null;
    if (d.disk.image && d.disk.sizeBytes !== null && baseSize !== null && d.disk.sizeBytes < baseSize) {
        // New-VHD -Differencing / Resize-VHD refuse a disk smaller than its image: found here, not half-way through apply.
        problems.push(refusal(d.name, 'blocked', 'disk-below-image', `disk size ${(0,sizes/* formatSize */.Xq)(d.disk.sizeBytes)} is smaller than base image ${d.disk.image} (${(0,sizes/* formatSize */.Xq)(baseSize)}); a disk made from an image is at least its size`));
    }
    const switches = d.adaptersListed && d.adapters ? d.adapters.map((a) => a.switch) : [d.switch];
    for (const sw of switches) {
        if (sw && !obs.host.switches.some((s) => (0,vm_name/* sameName */.q)(s.name, sw))) {
            problems.push(refusal(d.name, 'blocked', 'missing-switch', `virtual switch '${sw}' does not exist on host ${obs.host.computerName} (has: ${obs.host.switches.map((s) => s.name).join(', ') || 'none'})`));
        }
    }
    const missingFile = (f) => {
        if (f !== null && pathExists(obs, f) === false)
            problems.push(refusal(d.name, 'blocked', 'missing-file', `${f} does not exist on host ${obs.host.computerName}`));
    };
    // Existing data disks, then DVDs, in the file's order.
    for (const x of d.dataDisks ?? [])
        if (x.existing)
            missingFile(x.path);
    for (const x of d.dvdDrives ?? [])
        missingFile(x.path);
    const seed = d.cloudInit ?? null;
    const digest = seed ? seeds?.[d.name] : undefined;
    if (seed && (!digest || 'missing' in digest)) {
        const names = digest && 'missing' in digest ? digest.missing : [];
        problems.push(refusal(d.name, 'blocked', 'seed-unavailable', names.length ? `the cloud-init seed of '${d.name}' needs the environment variable${names.length === 1 ? '' : 's'} ${names.join(', ')}, which ${names.length === 1 ? 'is' : 'are'} not set` : `the cloud-init seed of '${d.name}' was not built`));
    }
    const surface = {};
    if (d.adaptersListed && d.adapters)
        surface.adapters = d.adapters.map(adapterSpec);
    if (d.dataDisks?.length)
        surface.dataDisks = d.dataDisks.map((x) => ({ controllerType: x.controllerType, controllerNumber: x.controllerNumber, controllerLocation: x.controllerLocation, path: x.path, sizeBytes: x.existing ? null : x.sizeBytes }));
    const dvds = d.dvdDrives?.length || seed ? [...(d.dvdDrives ?? []), ...(seed ? [{ ...seed.slot, path: seed.path }] : [])] : [];
    if (dvds.length)
        surface.dvdDrives = dvds.map((x) => ({ controllerType: x.controllerType, controllerNumber: x.controllerNumber, controllerLocation: x.controllerLocation, path: x.path }));
    const settings = settingsSpec(d.settings);
    if (hasKeys(settings))
        surface.settings = settings;
    const services = hasKeys(d.integrationServices) ? Object.entries(d.integrationServices).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
    if (services.length)
        surface.integrationServices = services.map(([id, enabled]) => ({ id, enabled }));
    // The arguments and the summary list their keys in canonical (sorted) order, the optional ones in
    // their places, so canonicalizing the plan walks them instead of copying them.
    const args = {};
    if (surface.adapters)
        args.adapters = surface.adapters;
    args.cpus = d.cpus;
    if (surface.dataDisks)
        args.dataDisks = surface.dataDisks;
    args.disk = d.disk.image ? { image: d.disk.image, path: diskPathFor(d), sizeBytes: d.disk.sizeBytes, strategy: d.disk.strategy } : null;
    if (surface.dvdDrives)
        args.dvdDrives = surface.dvdDrives;
    args.generation = d.generation;
    if (surface.integrationServices)
        args.integrationServices = surface.integrationServices;
    args.mac = d.mac;
    args.memory = memoryArgs(d);
    args.name = d.name;
    args.notes = (0,ownership/* withMarker */.Pe)(d.notes, config.project);
    args.path = d.path;
    args.secureBoot = d.secureBoot;
    if (surface.settings)
        args.settings = surface.settings;
    args.switch = d.switch;
    // The wider surface appears in the summary only when the file uses it (older plans read as before).
    const to = {};
    if (surface.adapters)
        to.adapters = surface.adapters.map((a) => `${a.name} (${a.switch ?? 'not connected'}${a.vlan ? `, VLAN ${a.vlan}` : ''})`).join(', ');
    to.cpus = d.cpus;
    if (d.dataDisks?.length)
        to.dataDisks = d.dataDisks.map((x) => `${x.existing ? x.path : `new ${(0,sizes/* formatSize */.Xq)(x.sizeBytes ?? 0)}`} at ${x.controllerType} ${x.controllerNumber}:${x.controllerLocation}`).join(', ');
    to.disk = d.disk.image ? `${d.disk.strategy} of ${d.disk.image}` : null;
    if (dvds.length)
        to.dvdDrives = dvds.map((x) => `${x.path === null ? 'empty' : seed && x.path === seed.path ? 'cloud-init seed' : x.path} at ${x.controllerType} ${x.controllerNumber}:${x.controllerLocation}`).join(', ');
    to.generation = d.generation;
    to.memory = describeMemory(args.memory);
    if (surface.settings)
        to.settings = Object.entries(settings).map(([k, v]) => `${k} ${String(v)}`).join(', ');
    to.switch = d.switch;
    const create = step(d.name, null, 'create', { op: 'vm.create', args }, null, to, 'not present on the host', `${d.name}/create`);
    const steps = [create];
    if (seed && digest && !('missing' in digest)) {
        // The image goes into the VM's folder first: the create inserts it as a DVD.
        steps.unshift(step(d.name, null, 'write-seed', { op: 'seed.write', args: { id: '', name: d.name, path: seed.path, sha256: digest.sha256, sizeBytes: digest.sizeBytes } }, null, `sha256:${digest.sha256}`, 'cloud-init seed for the new VM', `${d.name}/create`));
    }
    if (d.state === 'running') {
        // A created VM has no id yet: the agent resolves the name it just created (exact match).
        steps.push(step(d.name, null, 'start', { op: 'vm.start', args: { id: '', name: d.name } }, 'Off', 'Running', 'state: running', `${d.name}/create`));
    }
    if (problems.length) {
        problems[0] = { ...problems[0], steps: heldBack(d.name, steps) };
        return { steps: [], refusals: problems };
    }
    return { steps, refusals: [] };
}
function planExisting(config, d, o, obs, checkpointName, seeds) {
    const id = o.id;
    const name = o.name;
    const policy = config.policy;
    if (!(0,ownership/* ownedBy */.LW)(o.notes, config.project)) {
        const owner = (0,ownership/* ownerOf */.bf)(o.notes);
        const code = owner === null ? 'unmanaged' : 'owned-by-other';
        const why = owner === null
            ? `VM '${name}' exists but carries no ownership marker of project '${config.project}'; it is never changed or removed. To adopt it: hyperv-converge adopt ${name} (writes the line 'hyperv-converge: project=${config.project}' at the end of its Notes)`
            : `VM '${name}' belongs to project '${owner}', not '${config.project}'; it is never changed or removed by this config`;
        return { steps: [], refusals: [refusal(name, 'refused', code, why)] };
    }
    if (d.state === 'absent')
        return planRemove(d.name, o, d.disk.deleteOnDestroy, 'state: absent', config);
    if (o.generation !== d.generation) {
        return { steps: [], refusals: [refusal(name, 'blocked', 'generation-change', `generation is ${o.generation}, the file says ${d.generation}: a VM's generation cannot change; set state: absent to remove it, then create it anew`)] };
    }
    if (o.state === 'Paused') {
        return { steps: [], refusals: [refusal(name, 'blocked', 'saved-or-paused', `VM '${name}' is Paused; resume it (Resume-VM) or turn it off before this tool changes it`)] };
    }
    // Made at the first change: most VMs of a plan have none.
    let offline;
    let online;
    // Changes that need the VM off (Hyper-V refuses them while it runs).
    if (o.cpus !== d.cpus) {
        (offline ??= []).push(step(name, id, 'set-cpus', { op: 'vm.setCpus', args: { count: d.cpus, id, name } }, o.cpus, d.cpus, 'cpus differ', restartGroup(name)));
    }
    const wantMem = d.memory;
    const have = o.memory;
    const memDiffers = wantMem.dynamic !== have.dynamic || wantMem.startupBytes !== have.startupBytes || (wantMem.dynamic && (wantMem.minimumBytes !== have.minimumBytes || wantMem.maximumBytes !== have.maximumBytes));
    if (memDiffers) {
        const want = memoryArgs(d);
        // Toggling dynamic memory or changing the startup size needs the VM off; the dynamic bounds alone
        // can change online.
        const needsOff = want.dynamic !== have.dynamic || want.startupBytes !== have.startupBytes;
        const s = step(name, id, 'set-memory', { op: 'vm.setMemory', args: { dynamic: want.dynamic, id, maximumBytes: want.maximumBytes, minimumBytes: want.minimumBytes, name, startupBytes: want.startupBytes } }, describeMemory(have), describeMemory(want), needsOff ? 'memory differs (needs the VM off)' : 'dynamic memory bounds differ', needsOff ? restartGroup(name) : `${name}/memory`);
        (needsOff ? (offline ??= []) : (online ??= [])).push(s);
    }
    if (d.generation === 2 && d.secureBoot !== null && o.secureBoot !== d.secureBoot) {
        (offline ??= []).push(step(name, id, 'set-secure-boot', { op: 'vm.setSecureBoot', args: { enabled: d.secureBoot, id, name } }, o.secureBoot, d.secureBoot, 'secure boot differs', restartGroup(name)));
    }
    const nic = o.adapters[0] ?? null;
    const single = !d.adaptersListed; // the networkAdapters form is planned in surface.ts
    if (single && d.mac !== null && (nic === null || nic.dynamicMac || nic.mac !== d.mac)) {
        (offline ??= []).push(step(name, id, 'set-mac', { op: 'vm.setMac', args: { adapter: nic?.name ?? null, id, mac: d.mac, name } }, nic ? (nic.dynamicMac ? 'dynamic' : nic.mac) : null, d.mac, 'MAC address differs', restartGroup(name)));
    }
    // The boot disk: at IDE 0:0 (generation 1) or SCSI 0:0 (generation 2) when the backend reports
    // positions, else the first disk.
    const bootType = o.generation === 2 ? 'SCSI' : 'IDE';
    const disk = d.disk.sizeBytes === null ? null : bootDisk(o.disks, bootType);
    if (d.disk.sizeBytes !== null && disk !== null && disk.sizeBytes !== d.disk.sizeBytes) {
        if (d.disk.sizeBytes < disk.sizeBytes) {
            return { steps: [], refusals: [refusal(name, 'blocked', 'disk-shrink', `disk ${disk.path} is ${(0,sizes/* formatSize */.Xq)(disk.sizeBytes)}, the file says ${(0,sizes/* formatSize */.Xq)(d.disk.sizeBytes)}: virtual disks are never shrunk`)] };
        }
        // Generation 2 disks sit on SCSI and grow online; generation 1 boot disks are on IDE and need the VM off.
        const g = step(name, id, 'grow-disk', { op: 'disk.grow', args: { id, name, path: disk.path, sizeBytes: d.disk.sizeBytes } }, (0,sizes/* formatSize */.Xq)(disk.sizeBytes), (0,sizes/* formatSize */.Xq)(d.disk.sizeBytes), 'disk size differs', o.generation === 2 ? `${name}/disk` : restartGroup(name));
        (o.generation === 2 ? (online ??= []) : (offline ??= [])).push(g);
    }
    // Online changes.
    const haveSwitch = nic?.switch ?? null;
    if (!single) {
        // planned with the adapter list
    }
    else if ((d.switch ?? null) !== null && (haveSwitch === null || !(0,vm_name/* sameName */.q)(haveSwitch, d.switch))) {
        if (!obs.host.switches.some((s) => (0,vm_name/* sameName */.q)(s.name, d.switch))) {
            return { steps: [], refusals: [refusal(name, 'blocked', 'missing-switch', `virtual switch '${d.switch}' does not exist on host ${obs.host.computerName}`)] };
        }
        (online ??= []).push(step(name, id, 'connect-switch', { op: 'vm.connectSwitch', args: { adapter: nic?.name ?? null, id, name, switch: d.switch } }, haveSwitch, d.switch, 'switch differs', `${name}/switch`));
    }
    else if (d.switch === null && haveSwitch !== null) {
        (online ??= []).push(step(name, id, 'connect-switch', { op: 'vm.connectSwitch', args: { adapter: nic.name, id, name, switch: null } }, haveSwitch, null, 'the file connects no switch', `${name}/switch`));
    }
    // Notes edited by hand on Windows carry CRLF: the same text, not a change.
    if (!(0,ownership/* sameUserNotes */.hC)(o.notes, d.notes)) {
        const haveNotes = (0,ownership/* userNotes */.x1)(o.notes);
        const notes = (0,ownership/* withMarker */.Pe)(d.notes, config.project);
        (online ??= []).push(step(name, id, 'set-notes', { op: 'vm.setNotes', args: { id, name, notes } }, haveNotes, d.notes, 'notes differ', `${name}/notes`));
    }
    const running = o.state === 'Running';
    const saved = o.state === 'Saved';
    // Nothing of the wider surface in the file, nothing to change, and already in the asked power
    // state (a Saved VM always gets a start or a refusal below): the common case ends here.
    const surfaceUsed = usesSurface(d, o);
    if (!surfaceUsed && offline === undefined && online === undefined && !saved && running === (d.state === 'running'))
        return NOTHING;
    offline ??= [];
    online ??= [];
    const group = restartGroup(name);
    const steps = [];
    const refusals = [];
    if (surfaceUsed) {
        const surface = planSurface(d, o, obs, seeds);
        const fromSurface = (x, groupKey) => step(name, id, x.action, x.operation, x.from, x.to, x.reason, groupKey);
        offline.push(...surface.offline.map((x) => fromSurface(x, group)));
        // An eject → write → insert of the seed stands or falls together; other online changes alone.
        online.push(...surface.online.map((x, i) => fromSurface(x, x.action === 'set-dvd' || x.action === 'write-seed' ? `${name}/seed` : `${name}/surface-${i}`)));
        for (const x of surface.prelude)
            steps.push(fromSurface(x, `${name}/seed`));
        for (const b of surface.blocked)
            refusals.push(refusal(name, 'blocked', b.code, b.message));
    }
    if (saved && (offline.length > 0 || d.state === 'stopped')) {
        refusals.push(refusal(name, 'blocked', 'saved-or-paused', `VM '${name}' is Saved (its memory is on disk): start it, or discard the saved state by hand (Remove-VMSavedState), before changes that need it off`, offline));
        steps.push(...online);
        if (d.state === 'running')
            steps.push(startStep(o, `${name}/start`));
        return { steps, refusals };
    }
    if (offline.length > 0 && running) {
        if (d.state === 'stopped') {
            // The file asks for the VM off anyway: stop, then change; no restart involved.
            steps.push(...checkpointSteps(config, o, checkpointName, group), stopStep(o, policy, group, 'state: stopped'), ...offline, ...online);
        }
        else if (policy.allowRestart) {
            steps.push(...checkpointSteps(config, o, checkpointName, group), stopStep(o, policy, group, `restart to apply: ${offline.map((s) => s.action).join(', ')}`), ...offline, ...online, startStep(o, group));
        }
        else {
            refusals.push(refusal(name, 'blocked', 'needs-restart', `${offline.map((s) => s.action).join(', ')} need${offline.length === 1 ? 's' : ''} VM '${name}' off and restarts are not allowed (policy.allowRestart: false); allow restarts or stop the VM`, offline));
            steps.push(...online);
        }
        return { steps, refusals };
    }
    // The VM is off (or stays as it is): change, then bring it to the desired power state.
    if (running && d.state === 'stopped') {
        steps.push(...checkpointSteps(config, o, checkpointName, `${name}/stop`), stopStep(o, policy, `${name}/stop`, 'state: stopped'));
    }
    steps.push(...offline, ...online);
    if (!running && d.state === 'running')
        steps.push(startStep(o, `${name}/start`));
    return { steps, refusals };
}
function planRemove(name, o, deleteDisks, why, config) {
    const group = `${name}/remove`;
    const steps = [];
    if (o.state !== 'Off') {
        // Remove-VM needs the VM off; the VM is being destroyed, so a power cut after the bound is fine.
        steps.push(step(name, o.id, 'stop', { op: 'vm.stop', args: { id: o.id, name, timeoutSec: config.policy.stopTimeoutSec, turnOffAfterTimeout: true } }, o.state, 'Off', `${why}: stop before removal`, group));
    }
    steps.push(step(name, o.id, 'remove', { op: 'vm.remove', args: { deleteDisks, id: o.id, name } }, 'Off', 'absent', deleteDisks ? `${why}; its disks are deleted (disk.deleteOnDestroy)` : `${why}; its disks are kept`, group));
    return { steps, refusals: [] };
}
// The power steps of an existing VM: plain functions, not closures made for every VM planned.
function startStep(o, groupKey) {
    return step(o.name, o.id, 'start', { op: 'vm.start', args: { id: o.id, name: o.name } }, o.state, 'Running', 'state: running', groupKey);
}
function stopStep(o, policy, groupKey, reason) {
    return step(o.name, o.id, 'stop', { op: 'vm.stop', args: { id: o.id, name: o.name, timeoutSec: policy.stopTimeoutSec, turnOffAfterTimeout: policy.allowTurnOff } }, o.state, 'Off', reason, groupKey);
}
function checkpointSteps(config, o, checkpointName, groupKey) {
    // An apply of this same config that was interrupted after taking the checkpoint left it there, and
    // the rollback point it marks is still the right one: it is not taken twice.
    if (!config.policy.checkpointBeforeDisruptive || o.checkpoints.some((c) => isOwnCheckpoint(config, checkpointName, c.name)))
        return [];
    const { id, name } = o;
    return [step(name, id, 'checkpoint', { op: 'vm.checkpoint', args: { id, name, checkpointName } }, null, checkpointName, `checkpoint before a disruptive change; roll back with: Restore-VMSnapshot -VMName '${name}' -Name '${checkpointName}'`, groupKey)];
}
/** The boot disk: at IDE 0:0 (generation 1) or SCSI 0:0 (generation 2) when the backend reports
 *  positions, else the first disk. */
function bootDisk(disks, bootType) {
    let slots = false;
    for (const x of disks) {
        if (x.controllerType === bootType && x.controllerNumber === 0 && x.controllerLocation === 0)
            return x;
        if (x.controllerType !== undefined)
            slots = true;
    }
    return slots ? null : (disks[0] ?? null);
}
/** Gives the pending steps of one VM their ids (`vm/n`) and group ids, in place, onto `out`. */
function number(vm, pending, out) {
    // A group's id is the id of its first step (a VM has a handful of steps: found by a scan).
    const keys = [];
    for (let i = 0; i < pending.length; i++) {
        const p = pending[i];
        keys.push(p.group);
        let first = 0;
        while (keys[first] !== p.group)
            first++;
        p.id = `${vm}/${i + 1}`;
        p.group = pending[first].id;
        out.push(p);
    }
}
function restartGroup(name) {
    return `${name}/restart`;
}
/** `configDigest`: the config's hash when the caller has it (it names the checkpoint). */
function planChanges(config, obs, seeds, configDigest) {
    const draft = planVms(config, withDeclaredSwitches(config, obs), (0,assess/* vmsByName */.Fb)(obs), seeds, configDigest);
    if (!draft.actionable)
        return draft;
    const sw = planSwitches(config, obs);
    // Switch steps come first: the executor runs host-resource queues before any VM's.
    const steps = [];
    for (const [key, pending] of sw.byName)
        number(key, pending, steps);
    return { ...draft, steps: [...steps, ...draft.steps], refusals: [...sw.refusals, ...draft.refusals] };
}
/** Switches the file makes count as present when its VMs are planned (they are made first). */
function withDeclaredSwitches(config, obs) {
    const extra = (config.switches ?? []).filter((d) => d.state === 'present' && d.type !== 'External' && !obs.host.switches.some((s) => (0,vm_name/* sameName */.q)(s.name, d.name)));
    return extra.length === 0 ? obs : { ...obs, host: { ...obs.host, switches: [...obs.host.switches, ...extra.map((d) => ({ name: d.name, type: d.type }))] } };
}
function planSwitches(config, obs) {
    const byName = new Map();
    const refusals = [];
    for (const d of config.switches ?? []) {
        const key = switchKey(d.name);
        const have = obs.host.switches.find((s) => (0,vm_name/* sameName */.q)(s.name, d.name));
        const mk = (action, operation, from, to, reason) => step(key, null, action, operation, from, to, reason, `${key}/${action}`);
        const owner = have?.notes === undefined ? null : (0,ownership/* ownerOf */.bf)(have.notes);
        if (d.state === 'absent') {
            if (!have || d.type === 'External')
                continue;
            if (owner !== config.project) {
                refusals.push(refusal(key, 'refused', owner === null ? 'unmanaged' : 'owned-by-other', `switch '${have.name}' is not owned by project '${config.project}'; it is never removed by this config`));
                continue;
            }
            const users = obs.vms.filter((v) => v.adapters.some((a) => (0,vm_name/* sameName */.q)(a.switch ?? '', d.name))).map((v) => v.name);
            const remove = mk('remove-switch', { op: 'switch.remove', args: { name: have.name } }, have.type, 'absent', 'state: absent');
            if (users.length)
                refusals.push(refusal(key, 'blocked', 'switch-in-use', `switch '${have.name}' is still used by ${users.map((u) => `'${u}'`).join(', ')}; disconnect them first`, [remove]));
            else
                byName.set(key, [remove]);
            continue;
        }
        if (d.type === 'External') {
            // Only referenced: never created or removed (creating one interrupts the host's network).
            if (!have)
                refusals.push(refusal(key, 'blocked', 'missing-switch', `external switch '${d.name}' does not exist on host ${obs.host.computerName}; external switches are made by hand, never by this tool`));
            else if (have.type !== 'External')
                refusals.push(refusal(key, 'blocked', 'switch-type', `switch '${d.name}' is ${have.type}, the file says External`));
            continue;
        }
        if (!have) {
            byName.set(key, [mk('create-switch', { op: 'switch.create', args: { name: d.name, type: d.type, notes: (0,ownership/* withMarker */.Pe)('', config.project), nat: d.nat } }, null, d.nat ? `${d.type}, NAT ${d.nat.subnet}` : d.type, 'not present on the host')]);
            continue;
        }
        if (have.type !== d.type) {
            refusals.push(refusal(key, 'blocked', 'switch-type', `switch '${d.name}' is ${have.type}, the file says ${d.type}; changing a switch's type is not done by this tool`));
            continue;
        }
        if (d.nat && have.nat !== undefined && have.nat !== d.nat.subnet) {
            if (owner !== config.project) {
                refusals.push(refusal(key, 'refused', owner === null ? 'unmanaged' : 'owned-by-other', `switch '${d.name}' is not owned by project '${config.project}'; its NAT is not changed`));
                continue;
            }
            byName.set(key, [mk('set-switch-nat', { op: 'switch.setNat', args: { name: have.name, nat: d.nat } }, have.nat, d.nat.subnet, 'NAT subnet differs')]);
        }
    }
    return { byName, refusals };
}
/** Switch steps are keyed `switch:<name>` (a VM name cannot hold ':'). */
function switchKey(name) {
    return `switch:${name}`;
}
function planVms(config, obs, byName, seeds, configDigest) {
    const project = config.project;
    const prune = config.policy.prune;
    // Owned VMs and the file's names are wanted only to judge reasons and to prune: made only then.
    const owned = prune ? obs.vms.filter((v) => (0,ownership/* ownedBy */.LW)(v.notes, project)) : [];
    if (obs.incomplete.length > 0) {
        const desiredKeys = new Set((0,assess/* nameKeysOf */.vk)(config.vms));
        const ownedKeys = new Set(owned.map((o) => (0,assess/* nameKey */.Rc)(o.name))); // a lookup per VM, not a scan
        const relevant = (vm) => desiredKeys.has((0,assess/* nameKey */.Rc)(vm)) || (prune && ownedKeys.has((0,assess/* nameKey */.Rc)(vm)));
        const blocking = (0,assess/* blockingReasons */.PK)(obs, relevant);
        if (blocking.length > 0) {
            const message = `the observation is incomplete, so nothing is acted on: ${blocking.map((r) => r.message).join('; ')}`;
            return { actionable: false, steps: [], refusals: [{ vm: '*', kind: 'refused', code: 'observation-incomplete', message, steps: [] }], unchanged: [] };
        }
    }
    const steps = [];
    const refusals = [];
    const unchanged = [];
    const checkpointName = checkpointNameFor(config, configDigest); // once per plan
    const vms = config.vms;
    const keys = (0,assess/* nameKeysOf */.vk)(vms); // keyed once per config: the basis and safety compare them too
    const desiredKeys = prune ? new Set(keys) : undefined;
    for (let i = 0; i < vms.length; i++) {
        const d = vms[i];
        const key = keys[i];
        const o = byName.get(key);
        // Absent from a complete observation means absent: create it. Never read as "stopped".
        const vp = o === undefined ? (d.state === 'absent' ? NOTHING : planCreate(config, d, obs, seeds)) : planExisting(config, d, o, obs, checkpointName, seeds);
        if (vp.steps.length > 0)
            number(d.name, vp.steps, steps);
        for (const r of vp.refusals)
            refusals.push(r);
        if (vp.steps.length === 0 && vp.refusals.length === 0)
            unchanged.push(d.name);
    }
    if (prune) {
        const orphans = owned.filter((o) => !desiredKeys.has((0,assess/* nameKey */.Rc)(o.name))).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const o of orphans) {
            const vp = planRemove(o.name, o, false, 'owned by this project but no longer in the file (policy.prune)', config);
            number(o.name, vp.steps, steps);
        }
    }
    return { actionable: true, steps, refusals, unchanged };
}

;// CONCATENATED MODULE: ./src/core/safety/safety.ts



/**
 * `*` any run of characters, `?` one character; names compared by the one name rule (vmNameKey),
 * with invisible format characters removed from both sides first (protectKey).
 */
function matchesPattern(name, pattern) {
    return patternRegExp(pattern).test((0,vm_name/* protectKey */.Tg)(name));
}
// Compiled once per pattern: a plan matches every group against every protect pattern.
const compiled = new Map();
function patternRegExp(pattern) {
    let re = compiled.get(pattern);
    if (re === undefined) {
        re = new RegExp('^' + (0,vm_name/* protectKey */.Tg)(pattern).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^]*').replace(/\?/g, '[^]') + '$', 'u');
        if (compiled.size >= 1000)
            compiled.clear(); // patterns come from one file: a bound, not a cache policy
        compiled.set(pattern, re);
    }
    return re;
}
const isRisky = (s) => s.disruption !== 'benign';
function riskyCount(steps) {
    let n = 0;
    for (const s of steps)
        if (isRisky(s))
            n++;
    return n;
}
/**
 * A number equal for two names with one name key (vmNameKey keeps a name's length, maps an ASCII
 * unit to its upper case and any other unit to a non-ASCII one): length and last unit, every
 * non-ASCII last unit alike.
 */
function nameTail(name) {
    const c = name.charCodeAt(name.length - 1);
    return name.length * 256 + (c < 0x80 ? (c >= 0x61 && c <= 0x7a ? c - 32 : c) : 0x80);
}
/**
 * The file's VM and the observed VM of every remove step, by name key and by id (the last of each,
 * as a map of all of them would hold): one pass over each list, keeping only the VMs removes name.
 */
function removeLookups(steps, config, obs) {
    const keys = new Set();
    const ids = new Set();
    for (const s of steps) {
        if (s.action !== 'remove')
            continue;
        keys.add((0,assess/* nameKey */.Rc)(s.vm));
        if (s.vmId !== null)
            ids.add(s.vmId);
    }
    const tails = new Set();
    for (const k of keys)
        tails.add(nameTail(k));
    const desired = new Map();
    for (const v of config.vms) {
        if (!tails.has(nameTail(v.name)))
            continue; // its key cannot be one of them: not made
        const k = (0,assess/* nameKey */.Rc)(v.name);
        if (keys.has(k))
            desired.set(k, v);
    }
    const observedById = new Map();
    for (const v of obs.vms)
        if (ids.has(v.id))
            observedById.set(v.id, v);
    return [desired, observedById];
}
function applySafety(draft, config, obs) {
    if (!draft.actionable)
        return draft;
    const policy = config.policy;
    const groups = new Map();
    for (const s of draft.steps) {
        const g = groups.get(s.group);
        if (g)
            g.push(s);
        else
            groups.set(s.group, [s]);
    }
    const refused = new Map();
    const refuse = (group, code, message) => {
        if (!refused.has(group))
            refused.set(group, { code, message });
    };
    // Looked up only for remove steps: made at the first one, not for every VM of every plan.
    let desired;
    let observedById;
    // A group's key is its steps' group: iterated by value, not as [key, value] pairs.
    for (const steps of groups.values()) {
        const group = steps[0].group;
        const vm = steps[0].vm;
        // Only a group with a disruptive or destructive step can be refused by a protect pattern.
        const risky = riskyCount(steps);
        const pattern = risky > 0 ? policy.protect.find((p) => matchesPattern(vm, p)) : undefined;
        if (pattern) {
            refuse(group, 'protected', `VM '${vm}' matches protected pattern '${pattern}': ${steps.filter(isRisky).map((s) => s.action).join(', ')} refused`);
            continue;
        }
        for (const s of steps) {
            if (s.action === 'remove-switch') {
                // A switch is removed only when this project owns it and the file says state: absent.
                const name = s.operation.args.name;
                const have = obs.host.switches.find((w) => w.name.toLowerCase() === name.toLowerCase());
                const d = (config.switches ?? []).find((w) => w.name.toLowerCase() === name.toLowerCase());
                if (!have || have.notes === undefined || (0,ownership/* ownerOf */.bf)(have.notes) !== config.project || d?.state !== 'absent') {
                    refuse(group, 'destroy-not-owned', `removing switch '${name}' is refused: only a switch this project owns and the file marks state: absent is removed`);
                }
            }
        }
        for (const s of steps) {
            if (s.action !== 'remove')
                continue;
            if (desired === undefined || observedById === undefined)
                [desired, observedById] = removeLookups(draft.steps, config, obs);
            const o = s.vmId === null ? undefined : observedById.get(s.vmId);
            const d = desired.get((0,assess/* nameKey */.Rc)(vm));
            const owned = o !== undefined && (0,ownership/* ownedBy */.LW)(o.notes, config.project);
            const asked = d ? d.state === 'absent' : policy.prune;
            if (!owned || !asked) {
                refuse(group, 'destroy-not-owned', `removing VM '${vm}' is refused: it is destroyed only when this project owns it and the file says state: absent (or policy.prune is on)`);
            }
        }
    }
    // The per-run limit on disruptive and destructive steps, in plan order, whole groups at a time.
    let budget = policy.maxDisruptive;
    const overBudget = `over the limit of ${policy.maxDisruptive} disruptive/destructive steps per run (policy.maxDisruptive); run again to continue`;
    for (const steps of groups.values()) {
        const group = steps[0].group;
        if (refused.has(group))
            continue;
        const cost = riskyCount(steps);
        if (cost === 0)
            continue;
        if (cost > budget) {
            refuse(group, 'max-disruptive', overBudget);
            continue;
        }
        budget -= cost;
    }
    const refusals = [...draft.refusals];
    for (const [group, why] of refused) {
        const steps = groups.get(group);
        refusals.push({ code: why.code, kind: 'refused', message: why.message, steps, vm: steps[0].vm }); // keys in canonical order
    }
    return { ...draft, steps: draft.steps.filter((s) => !refused.has(s.group)), refusals };
}

;// CONCATENATED MODULE: ./src/core/converge.ts
// The pure part of the spine in one call: (config, assessed observation) → reviewed plan.






/** targets: only these VMs (terraform's -target); the plan records them, so its hash binds them. */
/** `seeds`: the cloud-init seed images the engine built (hash and size only, never their bytes).
 *  `digestsKnown`: hashes the caller already computed (the run hashes its config and observation once). */
function makePlan(config, observation, backend, targets, seeds, digestsKnown = {}) {
    const digests = { ...digestsKnown, configHash: digestsKnown.configHash ?? configHash(config) };
    const draft = applySafety(planChanges(config, observation, seeds, digests.configHash), config, observation);
    if (!targets || targets.length === 0)
        return finalizePlan(draft, config, observation, backend, undefined, digests);
    const known = [...config.vms.map((v) => v.name), ...observation.vms.map((v) => v.name)];
    for (const t of targets) {
        if (!known.some((k) => k.toLowerCase() === t.toLowerCase())) {
            const hint = (0,suggest/* didYouMean */.au)(t, known);
            throw new errors/* HvcError */.Iy('usage', `--target '${t}' names no VM of the config or the host${hint ? `; ${hint}` : ''}`);
        }
    }
    const keep = new Set(targets.map((t) => t.toLowerCase()));
    const hit = (vm) => keep.has(vm.toLowerCase());
    const only = {
        ...draft,
        steps: draft.steps.filter((s) => hit(s.vm)),
        refusals: draft.refusals.filter((r) => r.vm === '*' || hit(r.vm)),
        unchanged: draft.unchanged.filter(hit),
    };
    return finalizePlan(only, config, observation, backend, [...keep].sort(), digests);
}
/** Folders and base images whose existence observe reports, so plan can say what is missing. */
function pathsToCheck(config) {
    const set = new Set();
    for (const vm of config.vms) {
        set.add(vm.path);
        if (vm.disk.image)
            set.add(vm.disk.image);
        for (const d of vm.dataDisks ?? [])
            if (d.existing)
                set.add(d.path);
        for (const d of vm.dvdDrives ?? [])
            if (d.path)
                set.add(d.path);
        if (vm.cloudInit)
            set.add(vm.cloudInit.path);
    }
    return [...set].sort();
}
/** Files whose sha256 observe reports: the seed images, to tell whether they must be rewritten. */
function hashesToCheck(config) {
    return [...new Set(config.vms.flatMap((v) => (v.cloudInit && v.state !== 'absent' ? [v.cloudInit.path] : [])))].sort();
}

;// CONCATENATED MODULE: ./src/engine/apply/executor.ts
// Runs a plan's steps against the host: one queue per VM (its steps strictly in plan order), VMs in
// parallel up to `concurrency`. A step that does not succeed stops the rest of its VM's steps (they are
// reported skipped) and nothing else. Each operation is journaled (begin before it is sent, end after)
// so an interrupted apply is detectable by the next run.


const DEFAULT_RUNNER_GRACE_MS = 10_000;
/** Failures after which the host is in a known state (the agent answered): a restart is safe. */
const DEFINITE = new Set(['invalid-state', 'invalid-argument', 'not-found', 'permission-denied', 'hyperv-error', 'unsupported', 'invalid-request']);
/** Results in plan order, one per step. Rejects only when the journal cannot be written. */
async function executePlan(steps, runner, opts) {
    validate(steps, opts);
    const t0 = performance.now();
    const elapsed = () => Math.round(performance.now() - t0);
    const grace = opts.runnerGraceMs ?? DEFAULT_RUNNER_GRACE_MS;
    const results = new Array(steps.length);
    const emit = (e) => {
        try {
            opts.onEvent?.(e);
        }
        catch {
            /* progress reporting must not change what apply does */
        }
    };
    // Per-VM queues of plan indices, VMs in order of first appearance.
    const queues = new Map();
    steps.forEach((s, i) => {
        const q = queues.get(s.vm);
        if (q)
            q.push(i);
        else
            queues.set(s.vm, [i]);
    });
    // Host resources (virtual switches, keyed `switch:<name>`) are made before any VM that uses them.
    const hostQueues = [...queues.entries()].filter(([k]) => k.startsWith('switch:')).map(([, q]) => q);
    const vmQueues = [...queues.entries()].filter(([k]) => !k.startsWith('switch:')).map(([, q]) => q);
    let nextVm = 0;
    let journalFailure = null;
    const cancelGrace = opts.cancelGraceMs ?? cancellation/* DEFAULT_CANCEL_GRACE_MS */.F$;
    const skip = (i, message, code = 'skipped-after-failure') => {
        const step = steps[i];
        const result = {
            stepId: step.id,
            vm: step.vm,
            action: step.action,
            outcome: 'skipped',
            startedMs: elapsed(),
            durationMs: 0,
            error: { code, message },
        };
        results[i] = result;
        emit({ type: 'end', step, result });
    };
    /** Sends one step, journaled; null when the journal could not be written (nothing was sent). */
    const send = async (step) => {
        try {
            await opts.journal.begin(step, opts.planHash); // durable before the operation is sent
        }
        catch (error) {
            journalFailure ??= { error };
            return null;
        }
        const startedMs = elapsed();
        emit({ type: 'start', step });
        const outcome = await runOne(runner, step, opts.operationTimeoutMs, grace, opts.signal, cancelGrace, opts.cancelNow);
        if (outcome === 'interrupted') {
            // No `end`: the journal keeps it open, so the next run reports it and waits for its agent.
            return { stepId: step.id, vm: step.vm, action: step.action, outcome: 'interrupted', startedMs, durationMs: Math.max(0, elapsed() - startedMs), error: { code: 'cancelled', message: `the run was cancelled while ${step.operation.op} was in flight; its outcome is unknown` } };
        }
        const result = toResult(step, outcome, startedMs, Math.max(0, elapsed() - startedMs));
        try {
            await opts.journal.end(step, opts.planHash, result.outcome, result.error);
        }
        catch (error) {
            journalFailure ??= { error };
        }
        return result;
    };
    /** The start of a stop → change → start group whose stop ran and whose change failed definitely. */
    const restoreIndex = (indices, at, result) => {
        const step = steps[indices[at]];
        if (result.outcome !== 'failed' || !result.error || !DEFINITE.has(result.error.code) || opts.signal?.aborted)
            return null;
        const before = indices.slice(0, at).map((j) => steps[j]);
        const stopped = before.some((s, k) => s.group === step.group && s.action === 'stop' && results[indices[k]]?.outcome === 'succeeded');
        if (!stopped)
            return null;
        const start = indices.slice(at + 1).find((j) => steps[j].group === step.group && steps[j].action === 'start');
        return start ?? null;
    };
    const runVm = async (indices) => {
        let failed = null;
        for (const [at, i] of indices.entries()) {
            const step = steps[i];
            if (results[i])
                continue; // a restoring start already ran
            if (failed) {
                skip(i, `not run: earlier step ${failed.id} of VM '${step.vm}' did not succeed`);
                continue;
            }
            if (journalFailure) {
                skip(i, 'not run: the apply journal could not be written');
                continue;
            }
            if (opts.signal?.aborted) {
                skip(i, 'not run: the run was cancelled', 'cancelled');
                continue;
            }
            const result = await send(step);
            if (!result) {
                skip(i, 'not run: the apply journal could not be written');
                continue;
            }
            results[i] = result;
            emit({ type: 'end', step, result });
            if (result.outcome === 'succeeded')
                continue;
            failed = step;
            // Stopped for a change that then failed: bring the VM back to the state it was in.
            const r = restoreIndex(indices, at, result);
            if (r !== null && !journalFailure) {
                const restored = await send(steps[r]);
                if (restored) {
                    results[r] = restored;
                    emit({ type: 'end', step: steps[r], result: restored });
                    emit({ type: 'restored', step: steps[r], result: restored, after: step });
                }
            }
        }
    };
    const worker = async () => {
        while (nextVm < vmQueues.length)
            await runVm(vmQueues[nextVm++]);
    };
    for (const q of hostQueues)
        await runVm(q);
    await Promise.all(Array.from({ length: Math.min(opts.concurrency, vmQueues.length) }, worker));
    const done = results;
    if (journalFailure) {
        const cause = journalFailure.error;
        throw new errors/* HvcError */.Iy('apply-failed', `apply stopped: the apply journal could not be written (${cause?.message ?? String(cause)})`, {
            detail: { results: done },
            cause,
        });
    }
    return done;
}
/** The runner's outcome, or a typed failure: a rejection or a missing answer is never success. */
async function runOne(runner, step, timeoutMs, graceMs, signal, cancelGraceMs, cancelNow) {
    const guardMs = timeoutMs + graceMs;
    let timer;
    let cancelTimer;
    let onAbort;
    let onNow;
    const cancelled = new Promise((resolve) => {
        if (!signal)
            return;
        onAbort = () => {
            cancelTimer = setTimeout(() => resolve('interrupted'), cancelGraceMs);
        };
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
        onNow = () => resolve('interrupted');
        if (cancelNow?.aborted)
            onNow();
        else
            cancelNow?.addEventListener('abort', onNow, { once: true });
    });
    const guard = new Promise((resolve) => {
        timer = setTimeout(() => resolve({
            ok: false,
            error: { code: 'agent-timeout', message: `no answer from the host agent within ${guardMs} ms (operation bound ${timeoutMs} ms)` },
            durationMs: guardMs,
        }), guardMs);
    });
    const started = performance.now();
    const call = (async () => {
        try {
            const out = (await runner.run(step.operation, timeoutMs));
            if (out && out.ok === true)
                return out;
            if (out && out.ok === false && out.error && typeof out.error.code === 'string')
                return out;
            return failure('agent-protocol', `the runner returned no valid outcome for ${step.operation.op}`, started);
        }
        catch (e) {
            return failure('agent-crashed', `the runner failed: ${e?.message ?? String(e)}`, started);
        }
    })();
    try {
        return await Promise.race([call, guard, cancelled]);
    }
    finally {
        clearTimeout(timer);
        clearTimeout(cancelTimer);
        if (onAbort)
            signal?.removeEventListener('abort', onAbort);
        if (onNow)
            cancelNow?.removeEventListener('abort', onNow);
    }
}
function failure(code, message, started) {
    return { ok: false, error: { code, message }, durationMs: Math.round(performance.now() - started) };
}
function toResult(step, outcome, startedMs, durationMs) {
    const base = { stepId: step.id, vm: step.vm, action: step.action, startedMs, durationMs };
    if (outcome.ok)
        return { ...base, outcome: 'succeeded', error: null };
    const { code, message } = outcome.error;
    const timedOut = code === 'agent-timeout' || code === 'timeout';
    return { ...base, outcome: timedOut ? 'timed-out' : 'failed', error: { code, message: String(message ?? '') } };
}
function validate(steps, opts) {
    if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) {
        throw new errors/* HvcError */.Iy('usage', `concurrency must be a whole number of at least 1, got ${String(opts.concurrency)}`);
    }
    if (typeof opts.operationTimeoutMs !== 'number' || !Number.isFinite(opts.operationTimeoutMs) || opts.operationTimeoutMs <= 0) {
        throw new errors/* HvcError */.Iy('usage', `operationTimeoutMs must be a positive number, got ${String(opts.operationTimeoutMs)}`);
    }
    if (opts.runnerGraceMs !== undefined && (!Number.isFinite(opts.runnerGraceMs) || opts.runnerGraceMs < 0)) {
        throw new errors/* HvcError */.Iy('usage', `runnerGraceMs must be a non-negative number, got ${String(opts.runnerGraceMs)}`);
    }
    const seen = new Set();
    for (const s of steps) {
        if (seen.has(s.id))
            throw new errors/* HvcError */.Iy('internal', `plan holds step id ${s.id} twice`);
        seen.add(s.id);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./src/engine/apply/state-files.ts
var state_files = __nccwpck_require__(8490);
;// CONCATENATED MODULE: ./src/engine/apply/journal.ts
// The apply journal: an append-only JSON-lines file per host in the state directory. Every operation
// is recorded as `begin` before it is sent and `end` after its outcome is known; each line is fsync'd
// before the call returns, so an operation is never sent unless its `begin` is on disk. A later run
// that finds a `begin` without `end` from an earlier run knows that run was interrupted mid-operation:
// it reports the entry and (in the pipeline) re-observes and re-plans rather than replaying anything.
//
// Open the journal only while holding the host lock: one writer per file.
//
// Bounded: a journal past JOURNAL_ROTATE_BYTES with nothing open in it (every begin ended or resolved)
// is renamed, at open, to its one previous generation `<host>.journal.1.jsonl` (replacing the older
// one) and a new file is started. One with open entries is left whole: the run that opens it reports
// them and marks them resolved when it closes, so the next run rotates it. A rotated file therefore
// never holds an open entry, and a crash at any point of a rotation (one atomic rename) leaves either
// the old file whole or the new one (missing or empty) beside a previous generation that needs nothing.







/** Past this size (and with nothing open in it) a journal is rotated when a run opens it. */
const JOURNAL_ROTATE_BYTES = 1024 * 1024;
class Journal {
    path;
    session;
    runId;
    /** Lines that could not be read or failed validation when last read (a torn tail, a hand edit). */
    corruptLines = 0;
    /** 1-based numbers of the first damaged lines (at most 10), for the report. */
    corruptAt = [];
    fh;
    tail = Promise.resolve();
    /** Lines waiting for the next write (see append). */
    batch = [];
    handedOut = [];
    /** Set when open() rotated the file: where its lines went. */
    rotated;
    constructor(path, fh, runId, rotated) {
        this.path = path;
        this.fh = fh;
        this.session = (0,external_node_crypto_.randomUUID)();
        this.runId = runId;
        this.rotated = rotated;
    }
    static async open(stateDir, hostKey, opts = {}) {
        await (0,state_files/* ensureStateDir */.xH)(stateDir);
        const path = (0,state_files/* journalPath */.HY)(stateDir, hostKey);
        const rotated = await rotateIfDone(path, (0,state_files/* previousJournalPath */.cz)(stateDir, hostKey));
        let fh;
        try {
            fh = await (0,promises_.open)(path, 'a');
        }
        catch (e) {
            throw new errors/* HvcError */.Iy('usage', `apply journal ${path} cannot be opened: ${e.message}`, { cause: e });
        }
        try {
            // A crash can leave a torn last line; start ours on a fresh line so it stays parseable.
            const { size } = await fh.stat();
            if (size > 0) {
                const last = Buffer.alloc(1);
                const probe = await (0,promises_.open)(path, 'r');
                try {
                    await probe.read(last, 0, 1, size - 1);
                }
                finally {
                    await probe.close();
                }
                if (last[0] !== 0x0a) {
                    await fh.write('\n');
                    await fh.sync();
                }
            }
            await syncDir((0,external_node_path_.dirname)(path)); // a new file's directory entry must be durable too
        }
        catch (e) {
            await fh.close();
            throw new errors/* HvcError */.Iy('usage', `apply journal ${path} cannot be prepared: ${e.message}`, { cause: e });
        }
        return new Journal(path, fh, opts.runId ?? '', rotated);
    }
    async begin(step, planHash) {
        await this.append({
            ...this.base(),
            type: 'begin',
            planHash,
            stepId: step.id,
            vm: step.vm,
            vmId: step.vmId,
            action: step.action,
            operation: step.operation,
        });
    }
    async end(step, planHash, outcome, error) {
        await this.append({ ...this.base(), type: 'end', planHash, stepId: step.id, vm: step.vm, outcome, error: error ?? null });
    }
    /**
     * Operations begun by earlier runs that never ended and were not resolved yet. Entries returned here
     * are marked resolved when this journal is closed, on the grounds that this run reported them and
     * planned from a fresh observation; a run that dies before close() reports them again next time.
     */
    async unfinished() {
        await this.tail.catch(() => undefined);
        const scan = await scanJournal(this.path);
        this.noteDamage(scan);
        const pending = scan.open.filter((r) => r.session !== this.session);
        for (const e of pending)
            if (!this.handedOut.some((h) => key(h.session, h.stepId) === key(e.session, e.stepId)))
                this.handedOut.push(e);
        return pending;
    }
    /** Every parseable record, oldest first (for reading a journal; a run needs only unfinished()). */
    async readAll() {
        await this.tail.catch(() => undefined);
        const records = [];
        this.noteDamage(await scanJournal(this.path, (r) => records.push(r)));
        return records;
    }
    noteDamage(scan) {
        this.corruptLines = scan.corrupt;
        this.corruptAt = scan.at;
    }
    async close() {
        if (!this.fh)
            return;
        try {
            for (const e of this.handedOut)
                await this.append({ ...this.base(), type: 'resolved', ref: { session: e.session, stepId: e.stepId } });
            this.handedOut = [];
            await this.tail;
        }
        finally {
            const fh = this.fh;
            this.fh = null;
            await fh.close();
        }
    }
    base() {
        return { v: 1, session: this.session, runId: this.runId || this.session, at: new Date().toISOString(), pid: process.pid, hostname: (0,external_node_os_.hostname)() };
    }
    /**
     * Appends one line and fsyncs it; the promise settles once the line is durable. Appends are
     * serialized so lines never interleave, and lines that arrive while a write is under way go out
     * together with one fsync (group commit): lanes of a concurrent apply share fsyncs instead of
     * queueing one each.
     */
    append(record) {
        const line = JSON.stringify(record) + '\n';
        return new Promise((resolve, reject) => {
            this.batch.push({ line, resolve, reject });
            if (this.batch.length > 1)
                return; // joins the batch already scheduled
            const run = async () => {
                const lines = this.batch.splice(0);
                try {
                    const fh = this.fh;
                    if (!fh)
                        throw new errors/* HvcError */.Iy('internal', `apply journal ${this.path} is closed`);
                    await this.expectCurrent(fh);
                    await fh.write(lines.map((l) => l.line).join(''));
                    await fh.sync();
                    // Checked again once durable: a rotation between the check and the write moved the lines
                    // to the previous generation, which no run reads for open entries; the caller must not send.
                    await this.expectCurrent(fh);
                }
                catch (e) {
                    for (const l of lines)
                        l.reject(e);
                    throw e;
                }
                for (const l of lines)
                    l.resolve();
            };
            const p = this.tail.then(run, run);
            this.tail = p.catch(() => undefined);
        });
    }
    /**
     * This run's file is still the journal at `path`. It is not when another run rotated or replaced it,
     * which only a run holding the host lock does: this one lost it (suspended past the stale bound and
     * taken over, or released with `unlock`). Its lines would go to a file no later run reads for open
     * entries, so it must stop sending.
     */
    async expectCurrent(fh) {
        // bigint: Windows file ids do not fit a double.
        const [mine, now] = await Promise.all([fh.stat({ bigint: true }), (0,promises_.stat)(this.path, { bigint: true }).catch((e) => (e.code === 'ENOENT' ? null : Promise.reject(e)))]);
        if (now && now.ino === mine.ino && now.dev === mine.dev)
            return;
        throw new errors/* HvcError */.Iy('apply-failed', `this run's apply journal is no longer the current journal at ${this.path} (another run rotated or replaced it: this run no longer holds the host lock); nothing more is sent`);
    }
}
function key(session, stepId) {
    return `${session}\u0000${stepId}`;
}
/** Read in pieces of this size: the journal is never held whole (it may be hundreds of MB). */
const READ_CHUNK = 1024 * 1024;
/** A longer line is counted damaged and skipped, so a file without line breaks is not held whole either. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
/**
 * Reads a journal line by line. Memory is one chunk, one line and the entries still open, whatever the
 * file's size (a host applied daily since before rotation existed has hundreds of MB: read whole, it
 * took three times that and, past 512 MiB, could not be read at all). An answer is matched to its
 * begin as the file is read; one that comes before its begin (a file edited by hand) still closes it.
 */
async function scanJournal(path, each) {
    const pending = new Map();
    const answeredEarly = new Set();
    let corrupt = 0;
    const at = [];
    let n = 0;
    let parts = [];
    let partBytes = 0;
    let tooLong = false;
    const take = (piece) => {
        if (tooLong || piece.length === 0)
            return;
        if (partBytes + piece.length > MAX_LINE_BYTES) {
            tooLong = true;
            parts = [];
            partBytes = 0;
            return;
        }
        parts.push(Buffer.from(piece)); // a copy: the read buffer is reused
        partBytes += piece.length;
    };
    const endLine = () => {
        n++;
        const damaged = tooLong;
        const text = damaged ? '' : parts.length === 1 ? parts[0].toString('utf8') : Buffer.concat(parts).toString('utf8');
        parts = [];
        partBytes = 0;
        tooLong = false;
        if (!damaged && text.trim() === '')
            return;
        const r = damaged ? null : parseLine(text);
        if (!r) {
            corrupt++;
            if (at.length < 10)
                at.push(n);
            return;
        }
        each?.(r);
        if (r.type === 'begin') {
            const k = key(r.session, r.stepId);
            if (!answeredEarly.has(k) && !pending.has(k))
                pending.set(k, r);
        }
        else {
            const k = r.type === 'end' ? key(r.session, r.stepId) : key(r.ref.session, r.ref.stepId);
            if (!pending.delete(k))
                answeredEarly.add(k);
        }
    };
    const fh = await (0,promises_.open)(path, 'r');
    let pos = 0;
    try {
        const buf = Buffer.allocUnsafe(READ_CHUNK);
        for (;;) {
            const { bytesRead } = await fh.read(buf, 0, READ_CHUNK, pos);
            if (bytesRead === 0)
                break;
            pos += bytesRead;
            const got = buf.subarray(0, bytesRead);
            let start = 0;
            for (let nl = got.indexOf(0x0a); nl >= 0; nl = got.indexOf(0x0a, start)) {
                take(got.subarray(start, nl));
                endLine();
                start = nl + 1;
            }
            take(got.subarray(start));
        }
        if (partBytes > 0 || tooLong)
            endLine(); // a last line without its line break (a torn tail)
    }
    finally {
        await fh.close();
    }
    return { open: [...pending.values()], corrupt, at, bytes: pos };
}
/**
 * Rotates a journal past JOURNAL_ROTATE_BYTES when nothing in it is open: one atomic rename over the
 * previous generation, then the directory is synced so the rename is durable before new lines go to a
 * new file. A journal with open entries is kept whole (carrying them into a new file would take two
 * files that must agree across a crash; the run that opens it resolves them, and the next one rotates).
 */
async function rotateIfDone(path, previous) {
    try {
        const { size } = await (0,promises_.stat)(path);
        if (size <= JOURNAL_ROTATE_BYTES)
            return null;
        const { open: pending, corrupt, at, bytes } = await scanJournal(path);
        if (pending.length > 0)
            return null;
        await (0,promises_.rename)(path, previous);
        await syncDir((0,external_node_path_.dirname)(path));
        // A run that lost the host lock may have appended between the read and the rename (its checks
        // passed: the file was still current). If that left an operation open, the rotation is undone:
        // its begin must stay where the next run reads it. Lines appended after the rename fail its check.
        if ((await (0,promises_.stat)(previous)).size > bytes && (await scanJournal(previous)).open.length > 0) {
            await (0,promises_.rename)(previous, path);
            await syncDir((0,external_node_path_.dirname)(path));
            return null;
        }
        return { previous, bytes, damagedLines: corrupt, lines: at };
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return null; // no journal yet
        throw new errors/* HvcError */.Iy('usage', `apply journal ${path} cannot be rotated to ${previous}: ${e.message}`, { cause: e });
    }
}
// Every field is checked before a record is used or printed: the journal is a file anyone with access
// to the state directory can edit, and its fields end up in terminals, logs and result.json.
// Every action the planner makes (a fixed list here once missed the wider VM surface's steps: a run
// killed inside one then found its own begin record "damaged" and could not report it).
const ACTIONS = new Set(STEP_ACTIONS);
const OUTCOMES = new Set(['succeeded', 'failed', 'timed-out', 'skipped', 'interrupted']);
// No control, format or separator characters (terminal escapes, bidi overrides, line breaks).
const PLAIN = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;
const plain = (v, max = 256) => typeof v === 'string' && v.length <= max && PLAIN.test(v);
const id = (v) => plain(v, 128) && v !== '';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
function parseLine(line) {
    let r;
    try {
        r = JSON.parse(line);
    }
    catch {
        return null; // a torn line
    }
    if (!r || typeof r !== 'object' || Array.isArray(r) || r.v !== 1)
        return null;
    if (!id(r.session) || !plain(r.runId, 128) || typeof r.at !== 'string' || !ISO.test(r.at))
        return null;
    if (!Number.isSafeInteger(r.pid) || r.pid <= 0 || !plain(r.hostname, 255))
        return null;
    if (r.type === 'resolved') {
        const ref = r.ref;
        return ref && typeof ref === 'object' && id(ref.session) && id(ref.stepId) ? r : null;
    }
    if (r.type !== 'begin' && r.type !== 'end')
        return null;
    if (!id(r.stepId) || !plain(r.vm) || r.vm === '' || typeof r.planHash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(r.planHash))
        return null;
    if (r.type === 'end') {
        if (typeof r.outcome !== 'string' || !OUTCOMES.has(r.outcome))
            return null;
        const e = r.error;
        if (e !== null && !(e && typeof e === 'object' && plain(e.code, 64) && typeof e.message === 'string'))
            return null;
        return r;
    }
    if (typeof r.action !== 'string' || !ACTIONS.has(r.action) || !(r.vmId === null || id(r.vmId)))
        return null;
    const op = r.operation;
    if (!op || typeof op !== 'object' || !plain(op.op, 64) || typeof op.args !== 'object' || op.args === null)
        return null;
    return r;
}
/** fsync a directory where the platform allows it (not on Windows). */
async function syncDir(dir) {
    if (process.platform === 'win32')
        return;
    try {
        const d = await (0,promises_.open)(dir, 'r');
        try {
            await d.sync();
        }
        finally {
            await d.close();
        }
    }
    catch {
        /* best effort */
    }
}

// EXTERNAL MODULE: ./src/engine/apply/process-identity.ts
var process_identity = __nccwpck_require__(8679);
;// CONCATENATED MODULE: ./src/engine/apply/agents.ts
// The host agents an apply launched, recorded in the state directory (`<host>.agents.json`). A run
// that is killed cannot end its agents: each one finishes the operation it is inside (a Hyper-V
// operation cannot be taken back halfway) and then sees its client gone. The next apply therefore
// waits, bounded, for every agent of an earlier run before it observes; one that outlives the bound
// is refused with 'agents-running', so an operation still in flight is never planned again.






function agentsPath(stateDir, hostKey) {
    return (0,external_node_path_.join)(stateDir, `${(0,state_files/* hostFileKey */.UN)(hostKey)}.agents.json`);
}
class AgentRecords {
    runId;
    path;
    active = false;
    constructor(stateDir, hostKey, runId) {
        this.runId = runId;
        this.path = agentsPath(stateDir, hostKey);
    }
    /**
     * Waits up to boundMs for the agents of earlier runs to exit. Returns those still running (empty
     * when none). From then on, this run's launches are recorded. A signal ends the wait early (the
     * ones still running are returned: the caller must not observe).
     */
    async waitForEarlier(boundMs, onWait, pollMs = 100, signal) {
        const until = Date.now() + boundMs;
        let told = false;
        for (;;) {
            const left = this.read().filter((r) => (0,process_identity/* liveness */.QX)(r) !== 'dead');
            if (left.length === 0 || Date.now() >= until || signal?.aborted) {
                this.write(left);
                if (left.length === 0)
                    this.active = true;
                return left;
            }
            if (!told)
                onWait(left);
            told = true;
            await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(1, until - Date.now()))));
        }
    }
    /** Records one launched agent (synchronously: before its first request is sent). */
    add(pid) {
        if (!this.active)
            return;
        this.write([...this.read(), { ...(0,process_identity/* identityOf */.cu)(pid), runId: this.runId, launchedAt: new Date().toISOString() }]);
    }
    /** Drops records of agents that have exited; called once this run has closed its agents. */
    forgetExited() {
        if (!this.active)
            return;
        this.write(this.read().filter((r) => (0,process_identity/* liveness */.QX)(r) !== 'dead'));
    }
    /** The records; a file that is there but unreadable is never taken for "no agents" (a replay). */
    read() {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(this.path, 'utf8');
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return [];
            throw this.damaged(e.message);
        }
        let v;
        try {
            v = JSON.parse(text);
        }
        catch {
            throw this.damaged('not JSON');
        }
        if (!Array.isArray(v) || !v.every(isRecord))
            throw this.damaged('not a list of agent records');
        return v;
    }
    damaged(why) {
        return new errors/* HvcError */.Iy('agents-running', `the agent record file ${this.path} is damaged (${why}): it may name agents of an interrupted apply still inside an operation, so nothing was observed or changed. ` +
            `Once no hyperv-converge agent runs on this machine (hyperv-agent.ps1 under PowerShell, or the sim agent), delete the file and rerun.`, { detail: { path: this.path } });
    }
    write(records) {
        if (records.length === 0) {
            (0,external_node_fs_.rmSync)(this.path, { force: true });
            return;
        }
        const tmp = `${this.path}.${(0,external_node_crypto_.randomUUID)().slice(0, 8)}.tmp`;
        try {
            (0,external_node_fs_.writeFileSync)(tmp, JSON.stringify(records));
            (0,external_node_fs_.renameSync)(tmp, this.path);
        }
        finally {
            (0,external_node_fs_.rmSync)(tmp, { force: true });
        }
    }
}
function isRecord(r) {
    const x = r;
    return !!x && typeof x === 'object' && Number.isInteger(x.pid) && x.pid > 0 && typeof x.hostname === 'string' && typeof x.runId === 'string';
}

;// CONCATENATED MODULE: ./src/engine/progress.ts
const seconds = (ms) => `${Math.round(ms / 1000)} s`;
function stepProgress(total, log, heartbeatMs) {
    let started = 0;
    const running = new Map();
    const number = (stepId) => running.get(stepId)?.n ?? ++started;
    const tag = (n) => `[${n}/${total}]`;
    const timer = heartbeatMs > 0
        ? setInterval(() => {
            const now = Date.now();
            for (const r of running.values()) {
                if (now - r.beat >= heartbeatMs) {
                    r.beat = now;
                    log.info(`${tag(r.n)} ${r.label}: still running (${seconds(now - r.since)} elapsed)`);
                }
            }
        }, Math.max(10, Math.min(heartbeatMs, 1000)))
        : null;
    timer?.unref();
    return {
        onEvent(e) {
            if (e.type !== 'start' && e.type !== 'end')
                return;
            const label = `${e.step.vm}: ${e.step.action}`;
            if (e.type === 'start') {
                const n = number(e.step.id);
                running.set(e.step.id, { n, label, since: Date.now(), beat: Date.now() });
                log.info(`${tag(n)} ${label} …`);
                return;
            }
            const n = number(e.step.id);
            running.delete(e.step.id);
            const r = e.result;
            const what = r.outcome === 'succeeded' ? 'done' : r.outcome === 'skipped' ? 'skipped' : r.outcome === 'timed-out' ? 'TIMED OUT' : 'FAILED';
            log.info(`${tag(n)} ${label} ${what}${r.outcome === 'skipped' ? '' : ` (${r.durationMs} ms)`}${r.error ? ` — ${r.error.message}` : ''}`);
        },
        stop() {
            if (timer)
                clearInterval(timer);
        },
    };
}

// EXTERNAL MODULE: ./src/engine/take-lock.ts
var take_lock = __nccwpck_require__(6807);
;// CONCATENATED MODULE: ./src/engine/created-ids.ts
function bindCreatedIds(runner) {
    const ids = new Map();
    return {
        async run(op, timeoutMs) {
            let sent = op;
            if (op.op !== 'vm.create' && 'id' in op.args && op.args.id === '' && ids.has(op.args.name)) {
                sent = { ...op, args: { ...op.args, id: ids.get(op.args.name) } };
            }
            const out = await runner.run(sent, timeoutMs);
            if (op.op === 'vm.create' && out.ok) {
                const id = out.result?.id;
                if (typeof id === 'string' && id)
                    ids.set(op.args.name, id);
            }
            return out;
        },
        close: () => runner.close(),
    };
}

// EXTERNAL MODULE: ./src/engine/log.ts
var engine_log = __nccwpck_require__(4760);
// EXTERNAL MODULE: ./src/engine/outcome.ts
var outcome = __nccwpck_require__(938);
// EXTERNAL MODULE: ./src/engine/printable.ts
var printable = __nccwpck_require__(8433);
// EXTERNAL MODULE: ./src/core/seed/nocloud.ts
var nocloud = __nccwpck_require__(4693);
;// CONCATENATED MODULE: ./src/engine/seeds.ts

function renderSeeds(config, env) {
    const digests = {};
    const images = new Map();
    const secrets = new Set();
    for (const vm of config.vms) {
        if (!vm.cloudInit || vm.state === 'absent')
            continue;
        const b = (0,nocloud/* buildSeed */.ki)(vm.cloudInit, env);
        if (!b.ok) {
            digests[vm.name] = { missing: b.missing };
            continue;
        }
        digests[vm.name] = { sha256: b.sha256, sizeBytes: b.sizeBytes };
        images.set(vm.cloudInit.path.toLowerCase(), { sha256: b.sha256, bytes: b.bytes });
        for (const s of b.secrets)
            secrets.add(s);
    }
    return { digests, images, secrets: [...secrets] };
}
/**
 * Adds the image bytes to seed.write requests. The plan names the image by hash: if the image built
 * now differs (a secret changed between plan and apply), the step fails instead of writing an image
 * nobody reviewed.
 */
function withSeedImages(runner, seeds) {
    return {
        async run(op, timeoutMs) {
            if (op.op !== 'seed.write')
                return runner.run(op, timeoutMs);
            const image = seeds.images.get(op.args.path.toLowerCase());
            if (!image || image.sha256 !== op.args.sha256) {
                return {
                    ok: false,
                    durationMs: 0,
                    error: { code: 'invalid-request', message: `the seed image for ${op.args.path} is not the one the plan names (sha256:${op.args.sha256}); its inputs changed since the plan: plan again` },
                };
            }
            const sent = { op: op.op, args: { ...op.args, contentBase64: Buffer.from(image.bytes).toString('base64') } };
            return runner.run(sent, timeoutMs);
        },
        close: () => runner.close(),
    };
}

// EXTERNAL MODULE: ./src/engine/state-location.ts
var state_location = __nccwpck_require__(9763);
;// CONCATENATED MODULE: ./src/engine/pipeline.ts
// The spine, end to end: load+validate → observe → plan → safety → [audit | apply → re-observe →
// verify]. The CLI and the action both run exactly this. Expected failures never throw: they end as a
// RunResult with a typed failureReason, and result.json is written (or, when even that fails, the
// result goes to the log with the reason 'output-failed'). The output folder holds one run's artifacts:
// an earlier run's are removed first, and a second run into the same folder is refused meanwhile.
























async function runPipeline(opts) {
    const clock = opts.clock ?? (() => new Date());
    const log = opts.log ?? engine_log/* silentLogger */.q;
    const mode = opts.mode;
    const startedAt = clock().toISOString();
    const files = { current: null, plan: null, result: '' };
    const holder = (0,take_lock/* runHolder */.C2)(startedAt);
    const runId = holder.runId;
    let config = null;
    let observation = null;
    let plan = null;
    let problems = [];
    let backend = null;
    let lock = null;
    let outLock = null;
    let journal = null;
    let agents = null;
    // Kept outside the phases so that whatever ends the run, the steps that ran reach result.json.
    let steps = [];
    const extra = {};
    const cancelled = () => opts.signal?.aborted === true;
    const finish = (status, failureReason, message, more = {}) => {
        // Last resort inside writeResult: the result on stderr, typed, so the steps that ran are never lost.
        const written = (0,outcome/* writeResult */.Z)(opts.outDir, (0,outcome/* runResult */.X)({ mode, status, failureReason, message, planHash: plan?.planHash ?? null, steps, extra, startedAt, finishedAt: clock().toISOString(), ...more }), log);
        files.result = written.file;
        const result = written.result;
        return { config, observation, plan, result, files, problems, stats: backend?.stats() ?? { launches: 0, operations: 0 } };
    };
    /** A phase that a signal cuts short (its agent is left to finish; the result says cancelled). */
    const unlessCancelled = (p) => (0,cancellation/* unlessCancelled */.MS)(p, opts.signal);
    // One run per output folder: a second one is refused before it writes anything there.
    try {
        outLock = await (0,apply_lock/* acquireDirLock */.N4)(opts.outDir, write/* OUT_LOCK */.TS, `output folder ${opts.outDir}`, { holder, waitMs: 0, warn: (m) => log.warn(m) });
    }
    catch (e) {
        const message = (0,errors/* isHvcError */._L)(e) ? e.message : String(e);
        const reason = (0,errors/* isHvcError */._L)(e) && e.reason === 'locked' ? 'locked' : 'output-failed';
        log.error(`${reason}: ${message}`);
        const result = (0,outcome/* runResult */.X)({ mode, status: reason === 'locked' ? 'refused' : 'failed', failureReason: reason, message, startedAt, finishedAt: clock().toISOString() });
        return { config, observation, plan, result, files, problems, stats: { launches: 0, operations: 0 } };
    }
    try {
        (0,write/* clearArtifacts */.zh)(opts.outDir);
        // plan and drift on the simulator start the observe agent now, while the config loads (an apply
        // starts its agents under the host lock, below).
        if (mode !== 'apply' && !opts.config)
            backend = (0,backends/* createBackendEarly */.qd)(opts.backend);
        const cfg = opts.config ?? (await log.group('Load config', async () => (opts.readConfig ?? load/* loadConfig */.Z)(opts.configPath).config));
        config = cfg;
        log.info(`config ${opts.configPath}: project '${cfg.project}', ${cfg.vms.length} VM(s)`);
        if (mode === 'apply' && opts.backend.kind === 'replay') {
            throw new errors/* HvcError */.Iy('usage', `apply refuses the replay backend: a recording cannot be changed (use --backend sim or hyperv)`);
        }
        const stateDir = opts.stateDir ?? (0,state_location/* defaultStateDir */.yD)();
        const hostKey = (0,state_location/* hostKeyOf */.v)(opts.backend);
        const records = mode === 'apply' ? new AgentRecords(stateDir, hostKey, runId) : null;
        agents = records;
        const be = backend ?? (0,backends/* createBackend */.n0)(opts.backend, records ? { onLaunch: (pid) => records.add(pid) } : {});
        backend = be;
        if (mode === 'apply') {
            // Take the host lock before observing, so the plan is made from a host no other apply is changing.
            // Waiting for it (and for an interrupted run's agents) ends at a signal: nothing is held or sent.
            lock = await log.group('Host lock', () => (0,take_lock/* takeLock */.HJ)(stateDir, hostKey, holder, opts.lockWaitMs ?? take_lock/* DEFAULT_LOCK_WAIT_MS */.Xn, log, opts.signal));
            // Held open until result.json is written: closing marks earlier unfinished entries resolved,
            // which must not happen before this run has reported them.
            journal = await Journal.open(stateDir, hostKey, { runId });
            await recoverFromInterruption(journal, records, cfg, log, extra, opts.signal);
            if (cancelled())
                throw new cancellation/* Cancelled */.cJ();
        }
        if (mode === 'apply') {
            // The apply pool starts now, while observe and plan run: one agent launch time in all, not
            // one for observe and another for the pool. An empty or refused plan ends them unused.
            // No more than the file has VMs: a VM's steps run in one lane.
            be.prestart?.(Math.min(opts.concurrency ?? cfg.host.concurrency, Math.max(1, cfg.vms.length)));
        }
        const seeds = renderSeeds(cfg, opts.seedEnv ?? process.env);
        if (seeds.secrets.length)
            opts.onSeedSecrets?.(seeds.secrets);
        const hashes = hashesToCheck(cfg);
        const observe = async () => {
            const raw = await be.observe({ paths: pathsToCheck(cfg), neighbors: false, expectedVms: cfg.vms.length, ...(hashes.length ? { hashes } : {}) });
            const a = (0,assess/* assessObservation */.N$)(raw);
            // observedAt in its sorted place whether or not the backend gave one (a recording's is dropped):
            // current.json and observedHash are printed from this object, and canonicalizing it is then a
            // walk, not a copy that walks all its VMs a second time.
            const { backend, complete, host, incomplete, observedAt: _given, ...rest } = a;
            return { backend, complete, host, incomplete, observedAt: clock().toISOString(), ...rest };
        };
        // The request goes now (to the agent started while the config loaded, or to one launched now); the
        // config's hash, taken when it was read, is only looked up. The Observe phase is the wait for the
        // host. (A recording is read here, in turn.)
        if (cancelled())
            throw new cancellation/* Cancelled */.cJ();
        const observing = be.kind === 'replay' ? null : observe();
        observing?.catch(() => undefined); // its failure is handled where it is awaited, below
        const cfgHash = configHash(cfg);
        const seen = await log.group('Observe', () => unlessCancelled(observing ?? observe()));
        observation = seen;
        // The observation is canonicalized once: current.json is printed from that tree and
        // observedHash taken over it.
        // Each member is printed once (texts): for observedHash, then composed into current.json, and the
        // plan body likewise for planHash and plan.json.
        const seenTree = (0,canonical/* canonicalTree */.DZ)(seen);
        const texts = new canonical/* CanonicalTexts */.TK();
        const seenHash = observedHashOfTree(seenTree, texts);
        files.current = (0,write/* writeArtifactTree */.Wv)(opts.outDir, 'current.json', seenTree, texts);
        log.info(`observed ${seen.vms.length} VM(s) on ${seen.host.computerName}${seen.complete ? '' : ` — incomplete: ${seen.incomplete.map((r) => r.message).join('; ')}`}`);
        // The converging planner gets the hashes this run already has (config once, observation from its
        // tree) and the tree itself, which the basis hash is taken over.
        const planner = opts.planner ?? ((c, o, k, known) => makePlan(c, o, k, opts.targets, seeds.digests, known));
        const p = await log.group('Plan', async () => ({ ...planner(cfg, seen, be.kind, { configHash: cfgHash, observedHash: seenHash, observedTree: seenTree, texts }), generatedAt: clock().toISOString() }));
        plan = p;
        files.plan = (0,write/* writeArtifactTree */.Wv)(opts.outDir, 'plan.json', (0,canonical/* canonicalTree */.DZ)(p), texts);
        const refusedBySafety = p.refusals.some((r) => r.kind === 'refused' && r.code !== 'observation-incomplete');
        if (!p.actionable)
            return finish('failed', 'observation-incomplete', p.refusals[0]?.message ?? 'the observation is incomplete');
        if (mode !== 'apply') {
            if (!hasChanges(p))
                return finish('no-changes', null, 'the host matches the file');
            if (refusedBySafety)
                return finish('refused', 'safety-refused', `${p.steps.length} step(s) planned; ${p.refusals.length} refused or blocked`);
            return finish('changes', null, `${p.steps.length} step(s) planned${p.refusals.length ? `; ${p.refusals.length} blocked` : ''}`);
        }
        if (opts.expectedPlanHash && opts.expectedPlanHash !== p.planHash) {
            return finish('refused', 'plan-changed', `the plan changed since it was reviewed: reviewed ${opts.expectedPlanHash}, now ${p.planHash}; nothing was applied`);
        }
        if (p.steps.length > 0 && opts.approve && !(await opts.approve(p, seen))) {
            return finish('refused', 'not-approved', 'apply cancelled: the plan was not confirmed; nothing was changed');
        }
        if (cancelled())
            throw new cancellation/* Cancelled */.cJ();
        let journalFailure = null;
        if (p.steps.length > 0) {
            const applied = await log.group('Apply', () => applySteps(p, be, seeds, journal, opts.concurrency ?? cfg.host.concurrency, cfg.host.operationTimeoutSec * 1000, opts, log, extra));
            steps = applied.steps;
            journalFailure = applied.journalFailure;
        }
        if (cancelled())
            throw new cancellation/* Cancelled */.cJ();
        if (journalFailure)
            return finish('failed', 'apply-failed', journalFailure.message);
        // A VM that kept its name but changed its id since the first observe (not by this run's create
        // or remove) was replaced behind the run's back: the verify cannot vouch for it.
        const replaced = p.steps.filter((s) => s.action === 'create' || s.action === 'remove').map((s) => s.vm);
        const post = (0,assess/* assessAgainst */.km)(seen, await log.group('Verify', () => unlessCancelled(observe())), replaced);
        const postPlan = planner(cfg, post, be.kind, { configHash: cfgHash });
        const converged = postPlan.actionable && !hasChanges(postPlan);
        // What still differs includes what policy keeps blocked or refused, not only unplanned steps.
        if (postPlan.refusals.length)
            extra.remainingRefusals = postPlan.refusals.map((r) => ({ vm: r.vm, kind: r.kind, code: r.code, message: r.message }));
        const failed = steps.filter((s) => s.outcome === 'failed' || s.outcome === 'timed-out');
        if (failed.length === 0 && cfg.ssh && opts.guestEnv) {
            const env = opts.guestEnv;
            // Loaded only here: the guest phase brings the SSH client, which no plan needs. Discovery can
            // wait minutes for guests to boot: a signal stops it at once; a guest write in flight gets the
            // grace, and nothing is written after the run ends (it throws Cancelled, with the steps kept).
            const { guestPhase } = await Promise.resolve(/* import() */).then(__nccwpck_require__.bind(__nccwpck_require__, 7020));
            extra.guests = await log.group('Guest network', () => guestPhase(cfg, be, post, {
                env, dryRun: false, stateDir, hostKey, log,
                ...(opts.signal ? { signal: opts.signal } : {}),
                ...(opts.cancelNow ? { cancelNow: opts.cancelNow } : {}),
                ...(opts.cancelGraceMs !== undefined ? { cancelGraceMs: opts.cancelGraceMs } : {}),
            }));
            if (cancelled())
                throw new cancellation/* Cancelled */.cJ();
        }
        const more = { postObservation: post, converged, remaining: postPlan.steps };
        if (failed.length > 0)
            return finish('failed', 'apply-failed', `${failed.length} of ${steps.length} step(s) failed: ${failed.map((s) => `${s.vm} ${s.action}`).join(', ')}`, more);
        if (refusedBySafety)
            return finish('refused', 'safety-refused', `${steps.length} step(s) applied; ${p.refusals.length} refused or blocked by policy`, more);
        if (!converged)
            return finish('failed', 'not-converged', `applied ${steps.length} step(s) but the host still differs: ${postPlan.steps.length} step(s), ${postPlan.refusals.length} blocked`, more);
        // The VMs converged but the guest network did not: the run fails (apply-failed, exit 1) and says
        // which guests and why; result.json's extra.guests holds every guest's report.
        const guests = extra.guests;
        if (guests && !guests.ok)
            return finish('failed', 'apply-failed', `applied ${steps.length} step(s); the host matches the file, but the guest network failed: ${guestFailures(guests)}`, more);
        return finish('applied', null, steps.length ? `applied ${steps.length} step(s); the host matches the file` : 'the host already matched the file', more);
    }
    catch (e) {
        if (e instanceof cancellation/* Cancelled */.cJ || ((0,errors/* isHvcError */._L)(e) && e.reason === 'cancelled')) {
            const sent = steps.filter((s) => s.outcome !== 'skipped').length;
            log.warn(`cancelled: no step was sent after the signal; ${sent} step(s) had been sent`);
            return finish('cancelled', 'cancelled', `cancelled by a signal; ${sent} of ${steps.length || plan?.steps.length || 0} step(s) had been sent${steps.some((s) => s.outcome === 'interrupted') ? ', some still in flight (the next apply waits for them)' : ''}`);
        }
        if ((0,errors/* isHvcError */._L)(e)) {
            // Located problems go back to the front end, which shows them its own way (lines, annotations).
            problems = e.problems;
            return finish(e.reason === 'locked' || e.reason === 'usage' || e.reason === 'agents-running' ? 'refused' : 'failed', e.reason, e.message);
        }
        log.error(`internal error: ${e.message}`);
        return finish('failed', 'internal', `internal error: ${e.message}`);
    }
    finally {
        // Each of these is attempted whatever the others do; a failure is a warning, never lost silently.
        const attempt = async (what, fn) => {
            try {
                await fn();
            }
            catch (e) {
                log.warn(`${what} failed: ${e.message}`);
            }
        };
        await attempt('closing the apply journal', () => journal?.close());
        await attempt('closing the host agents', () => backend?.close({ leaveBusy: cancelled() }));
        await attempt('updating the agent records', () => agents?.forgetExited());
        await attempt('releasing the host lock', () => lock?.release());
        await attempt('releasing the output folder', () => outLock?.release());
    }
}
/**
 * Before observing: wait for every agent an interrupted run left inside an operation, then report
 * what it was doing. Never replay: the plan is made from what the host holds once they are done.
 */
async function recoverFromInterruption(journal, agents, cfg, log, extra, signal) {
    const boundMs = cfg.host.operationTimeoutSec * 1000 + 10_000;
    const left = await agents.waitForEarlier(boundMs, (l) => log.warn(`waiting up to ${Math.round(boundMs / 1000)} s for ${l.length} agent(s) of an interrupted apply to finish (pid ${l.map((a) => a.pid).join(', ')})`), 100, signal);
    if (signal?.aborted)
        return; // the caller ends the run as cancelled before anything is observed
    if (left.length > 0) {
        throw new errors/* HvcError */.Iy('agents-running', `${left.length} agent(s) of an interrupted apply are still running after ${Math.round(boundMs / 1000)} s (pid ${left.map((a) => `${a.pid} on ${(0,printable/* printable */.g)(a.hostname)}`).join(', ')}); ` +
            `nothing was observed or changed. Rerun once they have ended; if none of these processes is a hyperv-converge agent, delete ${agents.path}.`, { detail: { agents: left } });
    }
    const unfinished = await journal.unfinished();
    // A journal rotated at open: its damaged lines (if any) are reported once more, at their new place.
    const damaged = journal.corruptLines > 0 ? { path: journal.path, damagedLines: journal.corruptLines, lines: journal.corruptAt } : journal.rotated?.damagedLines ? { path: journal.rotated.previous, damagedLines: journal.rotated.damagedLines, lines: journal.rotated.lines } : null;
    if (damaged) {
        extra.journal = damaged;
        log.warn(`the apply journal ${damaged.path} holds ${damaged.damagedLines} damaged line(s) (line ${damaged.lines.join(', ')}); they were skipped: an operation recorded only there cannot be reported`);
    }
    if (unfinished.length > 0) {
        extra.recovery = { unfinished: unfinished.map((e) => ({ stepId: e.stepId, vm: e.vm, action: e.action, planHash: e.planHash, at: e.at })) };
        log.warn(`an earlier apply was interrupted during ${unfinished.map((e) => `${e.action} of ${(0,printable/* printable */.g)(e.vm)}`).join(', ')}; planning from what the host really holds now`);
    }
}
/** The executor over the backend's pool; keeps what ran when the journal fails. */
async function applySteps(p, be, seeds, journal, concurrency, operationTimeoutMs, opts, log, extra) {
    const runner = withSeedImages(bindCreatedIds(await be.runner(concurrency)), seeds);
    const restored = [];
    const progress = stepProgress(p.steps.length, log, opts.heartbeatMs ?? 15_000);
    try {
        const steps = await executePlan(p.steps, runner, {
            concurrency,
            operationTimeoutMs,
            journal,
            planHash: p.planHash,
            ...(opts.signal ? { signal: opts.signal } : {}),
            ...(opts.cancelGraceMs !== undefined ? { cancelGraceMs: opts.cancelGraceMs } : {}),
            ...(opts.cancelNow ? { cancelNow: opts.cancelNow } : {}),
            onEvent: (e) => {
                progress.onEvent(e);
                if (e.type === 'restored') {
                    restored.push({ vm: e.step.vm, stepId: e.step.id, after: e.after.id, outcome: e.result.outcome });
                    log.warn(`${e.step.vm}: ${e.after.action} failed after the VM was stopped for it; ${e.result.outcome === 'succeeded' ? 'started it again' : 'starting it again failed too'}`);
                }
            },
        });
        return { steps, journalFailure: null };
    }
    catch (e) {
        // The journal could not be written: the executor stopped sending; keep what it did.
        const done = (0,errors/* isHvcError */._L)(e) ? e.detail?.results : undefined;
        if (!done)
            throw e;
        return { steps: done, journalFailure: e };
    }
    finally {
        progress.stop();
        if (restored.length)
            extra.restored = restored;
        // A cancelled run does not wait for operations still in flight (the next apply does).
        if (opts.signal?.aborted)
            void runner.close();
        else
            await runner.close();
    }
}
/** One line naming what failed in the guest phase: hosts sync per guest, addresses not found, duplicates. */
function guestFailures(r) {
    const parts = [];
    const failed = r.hosts.guests.filter((g) => g.status === 'failed');
    if (failed.length)
        parts.push(`hosts sync failed on ${failed.length} guest(s): ${failed.map((g) => `${g.vm} (${g.reason})`).join(', ')}`);
    const lost = r.addresses.filter((a) => a.address === null);
    if (lost.length)
        parts.push(`no address for ${lost.map((a) => a.vm).join(', ')}`);
    if (r.duplicates.length)
        parts.push(`${r.duplicates.length} address(es) claimed by more than one VM`);
    return parts.join('; ') || 'see extra.guests in result.json';
}

// EXTERNAL MODULE: ./src/engine/reconcile.ts + 5 modules
var reconcile = __nccwpck_require__(7020);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts
// The CLI's commands and options: which options each command takes, its help text, and parsing
// that refuses an option the command does not use (`plan --plan-hash x` is a usage error, not
// silently ignored) and suggests the command meant by a typo.



const OPTIONS = {
    config: { type: 'string', short: 'c', arg: 'FILE', help: 'VM config (default: ./vms.yaml; without one, the embedded lab example)' },
    backend: { type: 'string', short: 'b', arg: 'KIND', help: 'hyperv | sim | replay (default: hyperv; sim for the embedded example)' },
    'sim-state': { type: 'string', arg: 'FILE', help: 'simulated host state (default: .hvc/sim/<config name>-host.json); a missing file is seeded' },
    replay: { type: 'string', arg: 'FILE', help: 'recorded current.json for --backend replay' },
    powershell: { type: 'string', arg: 'PATH', help: 'the PowerShell that runs the hyperv agent (default: Windows PowerShell 5.1 on Windows, pwsh from PATH elsewhere)' },
    out: { type: 'string', short: 'o', arg: 'DIR', help: 'where current.json, plan.json, result.json go (default: ./out)' },
    target: { type: 'string', multiple: true, arg: 'VM', help: 'only this VM (repeatable); recorded in the plan and its hash' },
    plan: { type: 'string', arg: 'FILE', help: 'apply exactly this saved plan.json, if the host still plans to the same hash' },
    'plan-hash': { type: 'string', arg: 'HASH', help: 'refuse unless the recomputed plan has this hash' },
    'auto-approve': { type: 'boolean', help: 'apply without asking for confirmation (for scripts)' },
    'lock-wait': { type: 'string', arg: 'SEC', help: 'how long to wait for another run\'s host lock (default 600)' },
    concurrency: { type: 'string', arg: 'N', help: 'apply pool size, 1-32 (default: host.concurrency of the config)' },
    'state-dir': { type: 'string', arg: 'DIR', help: 'journal and host lock (default: $HVC_STATE_DIR or ~/.hyperv-converge)' },
    'dry-run': { type: 'boolean', help: 'show per-guest /etc/hosts diffs, write nothing' },
    now: { type: 'string', arg: 'ISO', help: 'fixed timestamp for reproducible artifacts (also $HVC_NOW)' },
    json: { type: 'boolean', help: 'print a machine-readable summary on stdout' },
    'no-color': { type: 'boolean', help: 'no colours (also $NO_COLOR; $FORCE_COLOR forces them)' },
    verbose: { type: 'boolean', short: 'v', help: 'phase timings and details' },
    help: { type: 'boolean', short: 'h', help: 'this help' },
    version: { type: 'boolean', help: 'print the version' },
};
const HOST = ['config', 'backend', 'sim-state', 'replay', 'powershell'];
const ALWAYS = ['json', 'no-color', 'verbose', 'help'];
const COMMANDS = {
    validate: { args: '', summary: 'check the config file and report every problem at once', options: ['config'] },
    plan: { args: '', summary: 'observe the host and show what apply would do (no changes)', options: [...HOST, 'out', 'now', 'target'] },
    apply: {
        args: '',
        summary: 'show the plan, ask to confirm, then change the host, re-observe and verify',
        options: [...HOST, 'out', 'now', 'target', 'plan', 'plan-hash', 'auto-approve', 'lock-wait', 'concurrency', 'state-dir'],
    },
    drift: { args: '', summary: 'plan, reporting a non-empty plan as drift', options: [...HOST, 'out', 'now'] },
    status: { args: '', summary: 'the managed VMs at a glance: state, addresses, owner, drift', options: HOST },
    adopt: { args: ' VM', summary: 'take over a VM made by hand: a plan with one step writing the ownership marker', options: [...HOST, 'out', 'now', 'auto-approve', 'lock-wait', 'state-dir'] },
    unlock: { args: ' [RUN_ID]', summary: 'show who holds the host lock; with the holder\'s run id, release it', options: [...HOST, 'state-dir'] },
    doctor: { args: '', summary: 'check the host: Hyper-V module, service, rights, switches, images, paths', options: HOST },
    reconcile: { args: '', summary: 'discover guest IPs and sync /etc/hosts over SSH (--dry-run: show diffs only)', options: [...HOST, 'out', 'now', 'lock-wait', 'state-dir', 'dry-run'] },
};
const EXIT_LINE = 'exit codes: 0 ok/no changes, 1 error, 2 changes present, 3 refused by safety or plan changed, 64 usage, 130 cancelled';
function optionLines(names) {
    return names.map((n) => {
        const o = OPTIONS[n];
        const flag = `${o.short ? `-${o.short}, ` : '    '}--${n}${o.arg ? ` ${o.arg}` : ''}`;
        return `  ${flag.padEnd(24)}${o.help}`;
    });
}
function globalHelp() {
    const cmds = Object.keys(COMMANDS).map((c) => `  ${c.padEnd(11)} ${COMMANDS[c].summary}`);
    return [
        'usage: hyperv-converge <command> [options]',
        '',
        'commands:',
        ...cmds,
        '',
        "'hyperv-converge <command> --help' lists the command's options. Also: --version, --help.",
        '',
        EXIT_LINE,
    ].join('\n');
}
function commandHelp(command) {
    const c = COMMANDS[command];
    return [`usage: hyperv-converge ${command}${c.args} [options]`, '', c.summary, '', 'options:', ...optionLines([...c.options, ...ALWAYS]), '', EXIT_LINE].join('\n');
}
const parseOptions = Object.fromEntries(Object.entries(OPTIONS).map(([k, o]) => [k, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]));
/** Throws HvcError('usage') with the reason and where to look. */
function parseCommandLine(argv) {
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: argv, allowPositionals: true, strict: true, options: parseOptions });
    }
    catch (e) {
        const m = /Unknown option '(--?[^']+)'/.exec(e.message);
        const hint = m ? (0,suggest/* didYouMean */.au)(m[1].replace(/^-+/, ''), Object.keys(OPTIONS)) : undefined;
        throw new errors/* HvcError */.Iy('usage', `${e.message.split('. To specify')[0]}${hint ? `; ${hint.replace(/'([^']+)'/, "'--$1'")}` : ''}`);
    }
    const values = parsed.values;
    const [first, ...rest] = parsed.positionals;
    if (first === undefined && (values.help || values.version))
        return { command: 'plan', rest: [], values, help: Boolean(values.help), version: Boolean(values.version) };
    const name = first ?? 'plan';
    if (!(name in COMMANDS)) {
        const hint = (0,suggest/* didYouMean */.au)(name, Object.keys(COMMANDS));
        throw new errors/* HvcError */.Iy('usage', `unknown command '${name}'${hint ? `; ${hint}` : ''}`);
    }
    const command = name;
    if (values.help || values.version)
        return { command, rest, values, help: Boolean(values.help), version: Boolean(values.version) };
    const allowed = new Set([...COMMANDS[command].options, ...ALWAYS]);
    const wrong = Object.keys(values).filter((k) => !allowed.has(k));
    if (wrong.length) {
        const users = (o) => Object.keys(COMMANDS).filter((c) => COMMANDS[c].options.includes(o));
        throw new errors/* HvcError */.Iy('usage', `${command} does not take ${wrong.map((o) => `--${o}`).join(', ')}${wrong.length === 1 && users(wrong[0]).length ? ` (${users(wrong[0]).join(', ')} does)` : ''}; see 'hyperv-converge ${command} --help'`);
    }
    // An empty value (an unset variable: --config "$CFG") is not the option left out: taken as absent it
    // would run on the default (./vms.yaml, the embedded example, ./out, the PATH's pwsh) instead of
    // what was meant.
    for (const [k, v] of Object.entries(values)) {
        if (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) && v.some((x) => x.trim() === '')) {
            throw new errors/* HvcError */.Iy('usage', `--${k} was given an empty value (an unset variable?); give it one, or leave the option out to use its default`);
        }
    }
    const want = command === 'adopt' ? 1 : command === 'unlock' ? -1 : 0;
    if ((want >= 0 && rest.length !== want) || (want < 0 && rest.length > 1)) {
        throw new errors/* HvcError */.Iy('usage', want === 1 ? `adopt needs exactly one VM name: hyperv-converge adopt VM` : `${command} takes ${want < 0 ? 'at most one argument' : 'no arguments'}, got '${rest.join(' ')}'`);
    }
    return { command, rest, values, help: false, version: false };
}
/** Colours: --no-color and $NO_COLOR turn them off, $FORCE_COLOR (not 0/false) on; else only on a terminal. */
function useColor(values, env, isTty) {
    if (values['no-color'])
        return false;
    const force = env.FORCE_COLOR;
    if (force !== undefined && force !== '' && force !== '0' && force.toLowerCase() !== 'false')
        return true;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return isTty;
}

;// CONCATENATED MODULE: ./src/cli/locate.ts
// Finds a file shipped with the project (examples/, the agent script) from wherever the running code
// sits: src/cli in a checkout, dist/cli in the bundle, or an installed package.




function findProjectFile(relative) {
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    // Joined from runtime parts on purpose: a path the bundler can evaluate statically gets copied into
    // dist/ as an asset (under the checkout's folder name, so dist/ would differ between clones).
    const parts = relative.split('/');
    for (let i = 0; i < 6; i++) {
        const candidate = (0,external_node_path_.join)(dir, ...parts);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        dir = (0,external_node_path_.dirname)(dir);
    }
    throw new errors/* HvcError */.Iy('usage', `cannot find ${relative} next to this installation`);
}

;// CONCATENATED MODULE: ./src/cli/render.ts

/** After the per-step lines (printed as steps start and end): the totals and what still differs. */
function renderApplySummary(result) {
    const ok = result.steps.filter((s) => s.outcome === 'succeeded').length;
    const lines = ['', `Apply: ${ok} of ${result.steps.length} step(s) succeeded; converged: ${result.converged === null ? 'n/a' : result.converged ? 'yes' : 'no'}.`];
    const refusals = result.extra.remainingRefusals ?? [];
    const differs = [...result.remaining.map((s) => `${s.vm} ${s.action}`), ...refusals.map((r) => `${r.vm} (${r.kind}: ${r.code})`)];
    if (differs.length)
        lines.push(`Still differs: ${differs.join(', ')}`);
    return lines.join('\n');
}
/** The guest network outcome for --json: the whole report (as in result.json), with the sync lists
 *  and the first-contact host keys lifted to the top where scripts look first. */
function guestSummary(g) {
    return {
        ...g,
        synced: g.hosts.synced,
        unchanged: g.hosts.unchanged,
        wouldChange: g.hosts.wouldChange,
        failed: g.hosts.failed,
        firstContact: g.hosts.guests.filter((r) => r.hostKey?.firstContact).map((r) => ({ vm: r.vm, fingerprint: r.hostKey.fingerprint, recorded: r.hostKey.recorded })),
    };
}
function renderGuests(g) {
    const lines = ['Guest addresses:'];
    for (const a of g.addresses) {
        lines.push(a.address ? `  ${a.vm.padEnd(20)} ${a.address.padEnd(16)} (${a.tier})${a.changed ? `, was ${a.previous}` : ''}` : `  ${a.vm.padEnd(20)} none: ${a.reason}${a.fix ? `\n      fix: ${a.fix}` : ''}`);
    }
    for (const s of g.skipped)
        lines.push(`  ${s.vm.padEnd(20)} skipped: ${s.reason}`);
    for (const w of g.warnings)
        lines.push(`  warning: ${w}`);
    if (g.hosts.enabled) {
        lines.push('/etc/hosts:');
        for (const r of g.hosts.guests) {
            lines.push(`  ${r.vm.padEnd(20)} ${r.status}${r.reason ? ` (${r.reason})` : ''}${r.message ? `: ${r.message}` : ''}`);
            if (r.hostKey?.firstContact)
                lines.push(`      first contact: host key ${r.hostKey.fingerprint}${r.hostKey.recorded ? ' recorded' : ' (not recorded)'}`);
            if (r.diff)
                lines.push(r.diff.replace(/^/gm, '      '));
        }
        for (const n of g.hosts.notAttempted)
            lines.push(`  ${n.vm.padEnd(20)} not attempted: ${n.reason}`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/core/plan/text.ts
const show = (v) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
function stepLine(s) {
    const change = s.from === null && typeof s.to === 'object' ? '' : `${show(s.from)} → ${show(s.to)}`;
    const tag = s.disruption === 'benign' ? '' : `  [${s.disruption}]`;
    return `      ${s.action.padEnd(16)} ${change}${tag}`.trimEnd();
}
function renderPlan(plan, obs, color) {
    const c = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
    const lines = [];
    lines.push(`Plan for project '${plan.project}' on ${obs?.host.computerName ?? '?'} (${plan.backend})`);
    lines.push('');
    const byVm = new Map();
    for (const s of plan.steps)
        byVm.set(s.vm, [...(byVm.get(s.vm) ?? []), s]);
    for (const [vm, steps] of byVm) {
        const sym = steps.some((s) => s.action === 'create') ? c('32', '+') : steps.some((s) => s.action === 'remove') ? c('31', '-') : c('33', '~');
        lines.push(`  ${sym} ${vm}`);
        for (const s of steps) {
            lines.push(stepLine(s));
            if (s.action === 'create' && s.to && typeof s.to === 'object') {
                const t = s.to;
                lines.push(`      ${''.padEnd(16)} gen ${t.generation}, ${t.cpus} cpu(s), ${t.memory}, switch ${show(t.switch)}, disk ${show(t.disk)}`);
                for (const k of ['adapters', 'dataDisks', 'dvdDrives', 'settings'])
                    if (t[k] !== undefined)
                        lines.push(`      ${''.padEnd(16)} ${k}: ${show(t[k])}`);
            }
        }
    }
    for (const r of plan.refusals) {
        lines.push(`  ${c('35', '!')} ${r.vm}  ${r.kind} (${r.code}): ${r.message}`);
        for (const s of r.steps)
            lines.push(`${stepLine(s)}  (not applied)`);
    }
    if (plan.steps.length === 0 && plan.refusals.length === 0)
        lines.push('  No changes. The host matches the file.');
    const k = plan.counts;
    lines.push('');
    lines.push(`Plan: ${k.create} to create, ${k.change} to change, ${k.destroy} to destroy, ${k.refused} refused/blocked; ${k.unchanged} unchanged.`);
    lines.push(`plan hash ${plan.planHash}`);
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/backends/sim/state.ts + 1 modules
var state = __nccwpck_require__(4855);
;// CONCATENATED MODULE: ./src/cli/sim-host.ts
// The simulated host a CLI run uses. A missing state file is seeded once: by default from the
// host.json beside the config when there is one (the recorded lab of the embedded example), else as an empty host
// holding exactly the switches, folders and base images the config refers to, so trying one's own
// file on the simulator plans creates instead of failing.




const GiB = 1024 ** 3;
/** An empty host with the config's switches, VM folders and base images (images sized to fit every disk that uses them). */
function seedFromConfig(config) {
    const switches = new Map();
    const folders = new Set();
    const images = new Map();
    for (const vm of config.vms) {
        if (vm.switch)
            switches.set(vm.switch.toLowerCase(), vm.switch);
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
function ensureSimHost(stateFile, configPath, useRecorded) {
    if ((0,external_node_fs_.existsSync)(stateFile))
        return null;
    const recorded = (0,external_node_path_.join)((0,external_node_path_.dirname)(configPath), 'host.json');
    let seed;
    let from;
    if (useRecorded && (0,external_node_fs_.existsSync)(recorded)) {
        seed = JSON.parse((0,external_node_fs_.readFileSync)(recorded, 'utf8'));
        from = `from ${recorded}`;
    }
    else {
        seed = seedFromConfig((0,load/* loadConfig */.Z)(configPath).config); // an invalid config throws, located
        const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
        from = `as an empty host with the config's ${n(seed.switches.length, 'switch', 'switches')}, ${n(seed.folders.length, 'folder', 'folders')} and ${n(Object.keys(seed.files).length, 'base image', 'base images')}`;
    }
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(stateFile), { recursive: true });
    (0,state/* writeSimState */.Al)(stateFile, (0,state/* buildSimState */.BN)(seed));
    return `seeded the simulated host ${stateFile} ${from}`;
}

;// CONCATENATED MODULE: ./src/cli/status.ts




async function observeStatus(config, backend, env = process.env) {
    // Seeds as plan sees them (their images' hashes, observed back): without them a VM with a
    // cloud-init seed would read as blocked (seed-unavailable) even when in sync.
    const hashes = hashesToCheck(config);
    const obs = (0,assess/* assessObservation */.N$)(await backend.observe({ paths: pathsToCheck(config), neighbors: false, ...(hashes.length ? { hashes } : {}) }));
    return statusOf(config, obs, makePlan(config, obs, backend.kind, undefined, renderSeeds(config, env).digests));
}
function statusOf(config, obs, plan) {
    // Every lookup by name is one map read: a fleet of 100,000 VMs is read in one pass each.
    const byName = new Map(obs.vms.map((v) => [(0,assess/* nameKey */.Rc)(v.name), v]));
    const inFile = new Set(config.vms.map((d) => (0,assess/* nameKey */.Rc)(d.name)));
    const stepsOf = new Map();
    for (const s of plan.steps) {
        const k = (0,assess/* nameKey */.Rc)(s.vm);
        const list = stepsOf.get(k);
        if (list)
            list.push(s);
        else
            stepsOf.set(k, [s]);
    }
    const refusalOf = new Map();
    for (const r of plan.refusals)
        if (!refusalOf.has((0,assess/* nameKey */.Rc)(r.vm)))
            refusalOf.set((0,assess/* nameKey */.Rc)(r.vm), r);
    // An incomplete observation that concerns the file refuses the plan as a whole (vm '*', no steps):
    // no steps then means nothing is known, not "in sync". A VM the host did not list is 'absent' only
    // when the host's list is vouched for (no host-wide reason: an account that may not manage Hyper-V
    // sees an empty list), and a VM a reason names is not known either way.
    const blind = plan.refusals.find((r) => r.vm === '*' && r.code === 'observation-incomplete') ?? null;
    const hostWide = obs.incomplete.some((r) => r.vm === undefined);
    // Per-VM reasons, so a VM the observation could not vouch for says why on its own row.
    const unsure = new Map();
    for (const r of obs.incomplete) {
        if (r.vm === undefined)
            continue;
        const list = unsure.get((0,assess/* nameKey */.Rc)(r.vm));
        if (list)
            list.push(r.message);
        else
            unsure.set((0,assess/* nameKey */.Rc)(r.vm), [r.message]);
    }
    const names = [...config.vms.map((v) => v.name), ...obs.vms.filter((v) => (0,ownership/* ownerOf */.bf)(v.notes) === config.project && !inFile.has((0,assess/* nameKey */.Rc)(v.name))).map((v) => v.name)];
    const vms = names.map((name) => {
        const k = (0,assess/* nameKey */.Rc)(name);
        const o = byName.get(k);
        const steps = stepsOf.get(k) ?? [];
        const refusal = refusalOf.get(k);
        const unknownState = (!o && hostWide) || unsure.has(k);
        if (blind) {
            // Nothing was planned, so no VM's drift is known; its state is, unless a reason says otherwise
            // (a VM missing from a vouched-for list is absent).
            return { vm: name, state: unknownState ? 'unknown' : (o?.state ?? 'absent'), addresses: o ? addressesOf(o) : [], owner: o ? (0,ownership/* ownerOf */.bf)(o.notes) : null, drift: 'unknown', detail: [blind.code], reason: blind.message };
        }
        const drift = refusal ? refusal.kind : steps.length ? 'drift' : inFile.has(k) ? 'in sync' : 'not in file';
        const detail = refusal ? [refusal.code] : steps.map((s) => s.action);
        return {
            vm: name,
            state: unknownState ? 'unknown' : (o?.state ?? 'absent'),
            addresses: o ? addressesOf(o) : [],
            owner: o ? (0,ownership/* ownerOf */.bf)(o.notes) : null,
            drift,
            detail,
            reason: refusal?.message ?? unsure.get(k)?.join('; ') ?? null,
        };
    });
    return { project: config.project, host: obs.host.computerName, complete: obs.complete, incomplete: obs.incomplete.map((r) => r.message), vms, planHash: plan.planHash };
}
function addressesOf(o) {
    return [...new Set(o.adapters.flatMap((a) => a.ips))];
}
function renderStatus(r) {
    const rows = r.vms.map((v) => [v.vm, v.state, v.addresses.join(',') || '—', v.owner ?? '—', v.drift + (v.drift === 'in sync' || v.drift === 'not in file' || v.drift === 'unknown' ? '' : `: ${v.detail.join(', ')}`)]);
    const head = ['VM', 'STATE', 'ADDRESSES', 'OWNER', 'DRIFT'];
    // A loop, not Math.max(...rows): spreading 120,000 rows into arguments overflows the stack.
    const width = head.map((h) => h.length);
    for (const row of rows)
        row.forEach((cell, i) => (width[i] = Math.max(width[i], cell.length)));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(width[i]))).join('  ').trimEnd();
    const out = [`Status of project '${r.project}' on ${r.host}`, '', line(head), ...rows.map(line)];
    if (!r.complete)
        out.push('', `incomplete observation: ${r.incomplete.join('; ')}`);
    const unknown = r.vms.filter((v) => v.drift === 'unknown').length;
    const drifting = r.vms.filter((v) => v.drift !== 'in sync' && v.drift !== 'not in file' && v.drift !== 'unknown').length;
    // A VM of the project that the file does not name never counts as matching the file.
    const files = r.vms.filter((v) => v.drift !== 'not in file').length;
    const others = r.vms.length - files;
    const summary = [];
    if (unknown) {
        const unseen = r.vms.filter((v) => v.state === 'unknown').length;
        summary.push(unseen === unknown
            ? `${unknown} of ${r.vms.length} VM(s) could not be observed: whether they match the file is unknown.`
            : `Whether ${unknown} of ${r.vms.length} VM(s) match the file is unknown: the observation was incomplete${unseen ? ` (${unseen} could not be observed)` : ''}, so nothing was planned.`);
    }
    if (drifting)
        summary.push(`${drifting} of ${r.vms.length} VM(s) differ from the file; 'hyperv-converge plan' shows how.`);
    // "All match" only from an observation that vouches for everything.
    if (!unknown && !drifting) {
        const notInFile = others ? `; ${others} other VM(s) of project '${r.project}' ${others === 1 ? 'is' : 'are'} not in the file` : '';
        if (r.complete)
            summary.push(others ? `All ${files} VM(s) of the file match it${notInFile}.` : `All ${files} VM(s) match the file.`);
        else
            summary.push(`The ${files} VM(s) of the file match it; other VMs on the host could not be observed${notInFile}.`);
    }
    out.push('', ...summary);
    return out.join('\n');
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/cli/version.ts
// The version `--version` prints: package.json's, bundled at build time.

const VERSION = package_namespaceObject.rE;

;// CONCATENATED MODULE: ./src/cli/main.ts
// hyperv-converge CLI: the same engine as the action, for a terminal. Human output goes to stderr,
// `--json` output to stdout. Commands and their options: args.ts.





















/** Exit codes (docs/cli.md): distinct per outcome so scripts can branch. */
const EXIT = {
    ok: 0, // success; plan/drift: no changes
    error: 1, // any failure (typed reason printed)
    changes: 2, // plan/drift: changes present
    refused: 3, // refused by safety (or a reviewed plan that changed)
    usage: 64, // wrong arguments
    cancelled: 130, // stopped by SIGINT/SIGTERM (result.json says what ran)
};
const str = (v, k) => v[k];
/**
 * A path given relative to the working directory. Through a function on purpose: ncc's asset
 * relocator turns `resolve(<dir>, 'literal')` into a path inside the bundle (and copies matching
 * files into dist/), which would break `./vms.yaml` lookup.
 */
function fromWorkDir(io, path) {
    return (0,external_node_path_.resolve)(io.workDir, path);
}
/** A problem as compilers print it: the file relative to the working directory when it is inside it. */
function problemLine(p, io) {
    const rel = p.file ? (0,external_node_path_.relative)(io.workDir, p.file) : '';
    return (0,errors/* formatProblem */.Vw)(p.file && rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? { ...p, file: rel } : p);
}
function exitCodeFor(result) {
    const reason = result.failureReason;
    if (reason === 'usage')
        return EXIT.usage;
    if (reason === 'cancelled')
        return EXIT.cancelled;
    if (reason === 'safety-refused' || reason === 'plan-changed')
        return EXIT.refused;
    if (reason)
        return EXIT.error;
    return result.status === 'changes' ? EXIT.changes : EXIT.ok;
}
/** The config and backend to use; without a config, the embedded lab example on its simulated host. */
function resolveTarget(values, io) {
    const given = str(values, 'config');
    const local = fromWorkDir(io, 'vms.yaml');
    const embedded = !given && !(0,external_node_fs_.existsSync)(local);
    const configPath = given ? fromWorkDir(io, given) : embedded ? findProjectFile('examples/lab/vms.yaml') : local;
    const kind = str(values, 'backend') ?? (embedded ? 'sim' : 'hyperv');
    if (values.powershell !== undefined && kind !== 'hyperv')
        throw new errors/* HvcError */.Iy('usage', '--powershell applies to --backend hyperv only');
    // (An empty --powershell, like any option given an empty value, is refused by parseCommandLine.)
    if (kind === 'replay') {
        const file = str(values, 'replay');
        if (!file)
            throw new errors/* HvcError */.Iy('usage', '--backend replay needs --replay FILE (a recorded current.json)');
        return { configPath, backend: { kind: 'replay', file: fromWorkDir(io, file) }, embedded };
    }
    if (str(values, 'replay'))
        throw new errors/* HvcError */.Iy('usage', '--replay FILE needs --backend replay');
    if (kind === 'sim') {
        const name = configPath.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
        const stateFile = fromWorkDir(io, str(values, 'sim-state') ?? (0,external_node_path_.join)('.hvc', 'sim', `${name}-host.json`));
        const seeded = ensureSimHost(stateFile, configPath, str(values, 'sim-state') === undefined);
        if (seeded)
            io.err(seeded);
        return { configPath, backend: { kind: 'sim', stateFile }, embedded };
    }
    if (str(values, 'sim-state'))
        throw new errors/* HvcError */.Iy('usage', '--sim-state FILE needs --backend sim');
    if (kind === 'hyperv') {
        const ps = str(values, 'powershell');
        return { configPath, backend: { kind: 'hyperv', computerName: null, ...(ps ? { powershell: fromWorkDir(io, ps) } : {}) }, embedded };
    }
    if (values.powershell !== undefined)
        throw new errors/* HvcError */.Iy('usage', '--powershell applies to --backend hyperv only');
    throw new errors/* HvcError */.Iy('usage', `unknown backend '${kind}': expected hyperv, sim or replay`);
}
/**
 * `--backend hyperv` drives the config's host.computerName (null: this machine) once the config
 * loads; the config read for it is handed on, so a run parses its file once.
 */
function withConfiguredHost(target) {
    if (target.backend.kind !== 'hyperv')
        return { backend: target.backend, config: null };
    try {
        const { config } = (0,load/* loadConfig */.Z)(target.configPath);
        // The agent never needs the guests' SSH key: keep its variable out of the agent's environment.
        return { backend: { ...target.backend, computerName: config.host.computerName, ...(config.ssh ? { stripEnv: [config.ssh.privateKeyEnv] } : {}) }, config };
    }
    catch {
        return { backend: target.backend, config: null }; // an invalid config: the run reports it, located
    }
}
function fixedClock(values, env) {
    const iso = str(values, 'now') ?? env.HVC_NOW;
    if (!iso)
        return undefined;
    const t = new Date(iso);
    if (Number.isNaN(t.getTime()))
        throw new errors/* HvcError */.Iy('usage', `--now '${iso}' is not an ISO 8601 time`);
    return () => t;
}
function lockWaitMs(values) {
    const raw = str(values, 'lock-wait');
    if (raw === undefined)
        return undefined;
    const sec = Number(raw);
    if (!(raw.trim() !== '' && Number.isFinite(sec) && sec >= 0 && sec <= 86_400))
        throw new errors/* HvcError */.Iy('usage', `--lock-wait must be a number of seconds from 0 to 86400, not '${raw}'`);
    return Math.round(sec * 1000);
}
/** A saved plan.json for `apply --plan`: schema-valid, of this config's project. */
async function readSavedPlan(io, file) {
    const path = fromWorkDir(io, file);
    let data;
    try {
        data = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (e) {
        throw new errors/* HvcError */.Iy('usage', `--plan ${file}: cannot read a plan.json there (${e.message.split('\n')[0]})`);
    }
    // The artifact validators (a few hundred KB of generated code) load only when a file is checked.
    const { artifactProblems } = await __nccwpck_require__.e(/* import() */ 586).then(__nccwpck_require__.bind(__nccwpck_require__, 586));
    const problems = artifactProblems('plan', data);
    if (problems.length)
        throw new errors/* HvcError */.Iy('usage', `--plan ${file} is not a plan.json: ${problems.slice(0, 3).join('; ')}`);
    return data;
}
/**
 * apply's confirmation, as terraform asks it: on a terminal the user types 'yes'; without a terminal
 * the run must be approved up front (--auto-approve, or a reviewed plan via --plan / --plan-hash).
 */
function approval(command, values, io) {
    if (values['auto-approve'] || values.plan || values['plan-hash'])
        return undefined;
    if (!io.ask) {
        throw new errors/* HvcError */.Iy('usage', `${command} changes the host and needs confirmation, but there is no terminal to ask on: pass --auto-approve (or apply a reviewed plan with --plan FILE)`);
    }
    const ask = io.ask;
    return async (plan) => {
        io.err('');
        const answer = await ask(`Apply ${plan.steps.length} step(s) to the host? Only 'yes' is accepted: `);
        if (answer.trim() === 'yes')
            return true;
        io.err('Apply cancelled.');
        return false;
    };
}
async function main(argv, io) {
    let parsed;
    try {
        parsed = parseCommandLine(argv);
    }
    catch (e) {
        io.err(`usage error: ${e.message}\n(run 'hyperv-converge --help' for commands, 'hyperv-converge <command> --help' for options)`);
        return EXIT.usage;
    }
    const { values, command } = parsed;
    if (parsed.version) {
        io.out(`hyperv-converge ${VERSION}`);
        return EXIT.ok;
    }
    if (parsed.help) {
        io.out(argv.some((a) => !a.startsWith('-')) ? commandHelp(command) : globalHelp());
        return EXIT.ok;
    }
    const color = useColor(values, io.env, io.isTty);
    const log = (0,engine_log/* streamLogger */.V)(io.err, Boolean(values.verbose));
    try {
        const approve = command === 'apply' || command === 'adopt' ? approval(command, values, io) : undefined;
        const target = resolveTarget(values, io);
        if (target.embedded)
            io.err(`using the embedded example ${target.configPath} on a simulated lab host (pass --config FILE for your own)`);
        if (command === 'validate') {
            const { config } = (0,load/* loadConfig */.Z)(target.configPath);
            io.err(`${target.configPath}: valid — project '${config.project}', ${config.vms.length} VM(s)`);
            if (values.json)
                io.out(JSON.stringify({ command, valid: true, project: config.project, vms: config.vms.length }));
            return EXIT.ok;
        }
        const configured = withConfiguredHost(target);
        const backend = configured.backend;
        if (command === 'doctor' || command === 'status') {
            const config = configured.config ?? (0,load/* loadConfig */.Z)(target.configPath).config;
            const be = (0,backends/* createBackend */.n0)(backend);
            try {
                // Both only read the host: a signal ends them at once, and the agent inside the read with them
                // (nothing is left half-done, and nothing would ever wait for or report it).
                if (command === 'status') {
                    const report = await (0,cancellation/* unlessCancelled */.MS)(observeStatus(config, be), io.signal);
                    io.err(renderStatus(report));
                    if (values.json)
                        io.out(JSON.stringify({ command, ...report }));
                    return report.complete ? EXIT.ok : EXIT.error;
                }
                const report = await (0,cancellation/* unlessCancelled */.MS)(runDoctor(be, config), io.signal);
                for (const c of report.checks)
                    io.err(`${c.ok ? 'ok  ' : 'FAIL'} ${c.message}${!c.ok && c.fix ? `\n       fix: ${c.fix}` : ''}`);
                if (values.json)
                    io.out(JSON.stringify({ command, ...report }));
                return report.ok ? EXIT.ok : EXIT.error;
            }
            catch (e) {
                if (!(e instanceof cancellation/* Cancelled */.cJ))
                    throw e;
                const message = `cancelled by a signal before the host answered; nothing was checked${command === 'status' ? ' or shown' : ''}`;
                io.err(`${command}: cancelled: ${message}`);
                if (values.json)
                    io.out(JSON.stringify({ command, status: 'cancelled', failureReason: 'cancelled', message }));
                return EXIT.cancelled;
            }
            finally {
                await be.close({ killBusy: io.signal?.aborted === true });
            }
        }
        const stateDir = str(values, 'state-dir') ? fromWorkDir(io, str(values, 'state-dir')) : (0,state_location/* defaultStateDir */.yD)();
        if (command === 'unlock')
            return await unlock(parsed.rest[0] ?? null, stateDir, (0,state_location/* hostKeyOf */.v)(backend), values, io);
        const clock = fixedClock(values, io.env);
        const outDir = fromWorkDir(io, str(values, 'out') ?? 'out');
        if (command === 'reconcile') {
            const dryRun = Boolean(values['dry-run']);
            if (dryRun && values['lock-wait'] !== undefined)
                throw new errors/* HvcError */.Iy('usage', '--lock-wait does not apply to reconcile --dry-run: a dry run writes nothing and takes no host lock');
            const wait = lockWaitMs(values);
            const outcome = await (0,reconcile/* runReconcile */.K)({
                configPath: target.configPath, backend, outDir, dryRun, env: io.env, log,
                stateDir, ...(clock ? { clock } : {}),
                ...(wait !== undefined ? { lockWaitMs: wait } : {}),
                ...(io.signal ? { signal: io.signal } : {}),
                ...(io.cancelNow ? { cancelNow: io.cancelNow } : {}),
            });
            for (const p of outcome.problems)
                io.err(problemLine(p, io));
            const guests = outcome.result.extra.guests;
            if (guests)
                io.err(renderGuests(guests));
            io.err(outcome.result.failureReason ? `reconcile: ${outcome.result.failureReason}: ${outcome.problems.length ? outcome.result.message.split('\n')[0] : outcome.result.message}` : `reconcile: ${outcome.result.message}`);
            if (values.json)
                io.out(JSON.stringify({ command, status: outcome.result.status, failureReason: outcome.result.failureReason, message: outcome.result.message, files: outcome.files, guests: guests ? guestSummary(guests) : null }));
            return exitCodeFor(outcome.result);
        }
        const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
        if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 32)) {
            throw new errors/* HvcError */.Iy('usage', `--concurrency must be a whole number from 1 to 32, not '${values.concurrency}'`);
        }
        const saved = str(values, 'plan') ? await readSavedPlan(io, str(values, 'plan')) : null;
        if (saved && values['plan-hash'] && values['plan-hash'] !== saved.planHash)
            throw new errors/* HvcError */.Iy('usage', `--plan-hash ${values['plan-hash']} is not the hash of --plan ${values.plan} (${saved.planHash})`);
        if (saved && values.target)
            throw new errors/* HvcError */.Iy('usage', `--target cannot be combined with --plan: the saved plan's targets (${saved.targets?.join(', ') ?? 'none'}) are applied`);
        const targets = saved ? saved.targets : values.target;
        const adoptVm = command === 'adopt' ? parsed.rest[0] : null;
        let shown = false;
        const showPlan = (plan, obs) => {
            io.err(renderPlan(plan, obs, color));
            shown = true;
        };
        const opts = {
            mode: command === 'adopt' ? 'apply' : command,
            configPath: target.configPath,
            ...(configured.config ? { config: configured.config } : {}),
            backend,
            outDir,
            expectedPlanHash: saved?.planHash ?? str(values, 'plan-hash') ?? null,
            log,
            stateDir,
            guestEnv: io.env,
            ...(io.signal ? { signal: io.signal } : {}),
            ...(concurrency !== undefined ? { concurrency } : {}),
            ...(clock ? { clock } : {}),
            ...(targets?.length ? { targets } : {}),
            ...(lockWaitMs(values) !== undefined ? { lockWaitMs: lockWaitMs(values) } : {}),
            ...(adoptVm ? { planner: (c, o, k) => planAdopt(c, o, adoptVm, k) } : {}),
            ...(command === 'apply' || command === 'adopt'
                ? {
                    // The plan is shown before anything changes, then confirmed (unless approved up front).
                    approve: async (plan, obs) => {
                        showPlan(plan, obs);
                        return approve ? approve(plan) : true;
                    },
                }
                : {}),
            ...(io.cancelNow ? { cancelNow: io.cancelNow } : {}),
            seedEnv: io.env,
        };
        const outcome = await runPipeline(opts);
        const { result, plan } = outcome;
        for (const p of outcome.problems)
            io.err(problemLine(p, io));
        if (plan && !shown)
            showPlan(plan, outcome.observation);
        if ((command === 'apply' || command === 'adopt') && result.steps.length)
            io.err(renderApplySummary(result));
        const guests = result.extra.guests;
        if (guests)
            io.err(renderGuests(guests));
        const guestFailed = guests ? guests.hosts.failed.length : 0;
        // A config failure's message repeats its problems, printed above: say its first line only.
        if (result.failureReason)
            io.err(`${command}: ${result.failureReason}: ${outcome.problems.length ? result.message.split('\n')[0] : result.message}`);
        else if (command === 'drift')
            io.err(plan && result.status === 'changes' ? 'drift: the host differs from the file' : 'drift: none');
        else if (command !== 'plan')
            io.err(`${command}: ${result.message}`);
        if (guestFailed)
            io.err(`${command}: guest network: /etc/hosts sync failed on ${guests.hosts.failed.join(', ')}`);
        io.err(`artifacts: ${[outcome.files.current, outcome.files.plan, outcome.files.result].filter(Boolean).join(' ')}`);
        if (values.json) {
            io.out(JSON.stringify({
                command,
                status: result.status,
                failureReason: result.failureReason,
                message: result.message,
                planHash: result.planHash,
                counts: plan?.counts ?? null,
                converged: result.converged,
                remaining: result.remaining.map((s) => ({ vm: s.vm, action: s.action })),
                guests: guests ? guestSummary(guests) : null,
                files: outcome.files,
                problems: outcome.problems,
            }));
        }
        const code = exitCodeFor(result);
        return code === EXIT.ok && guestFailed ? EXIT.error : code;
    }
    catch (e) {
        if ((0,errors/* isHvcError */._L)(e)) {
            for (const p of e.problems)
                io.err(problemLine(p, io));
            io.err(`${command}: ${e.reason}: ${e.problems.length ? e.message.split('\n')[0] : e.message}`);
            if (values.json)
                io.out(JSON.stringify({ command, status: 'failed', failureReason: e.reason, message: e.message, problems: e.problems }));
            return e.reason === 'usage' ? EXIT.usage : EXIT.error;
        }
        // A bug: its message; the stack only with --verbose (never shown to a user by default).
        io.err(`internal error: ${e?.message ?? String(e)}${values.verbose ? `\n${e?.stack ?? ''}` : ''}`);
        return EXIT.error;
    }
}
/** `unlock`: show the lock's holder; with its run id, release it on purpose (terraform's force-unlock). */
async function unlock(runId, stateDir, hostKey, values, io) {
    const held = await (0,apply_lock/* inspectHostLock */.YS)(stateDir, hostKey);
    const json = (o) => values.json && io.out(JSON.stringify({ command: 'unlock', hostKey, ...o }));
    if (!held) {
        io.err(`the host lock of '${hostKey}' is free (${stateDir})`);
        json({ held: false, released: false, holder: null });
        return EXIT.ok;
    }
    const who = (0,take_lock/* describeHolder */.sG)(held.holder);
    if (runId === null) {
        io.err(`the host lock of '${hostKey}' is held by ${who}; last heartbeat ${held.modifiedAt}\n  lock file: ${held.path}`);
        io.err(held.holder ? `If that run is gone, release the lock: hyperv-converge unlock ${(0,printable/* printable */.g)(held.holder.runId)}` : `The lock file is unreadable; release it with: hyperv-converge unlock unreadable`);
        json({ held: true, released: false, holder: held.holder, lockFile: held.path });
        return EXIT.error;
    }
    const r = await (0,apply_lock/* breakHostLock */.vh)(stateDir, hostKey, runId === 'unreadable' && !held.holder ? null : runId);
    if (!r.released) {
        io.err(`not released: the host lock of '${hostKey}' is held by ${(0,take_lock/* describeHolder */.sG)(r.holder)}, not run ${runId}`);
        json({ held: Boolean(r.holder), released: false, holder: r.holder });
        return EXIT.error;
    }
    io.err(`released the host lock of '${hostKey}' held by ${who}`);
    json({ held: false, released: true, holder: r.holder });
    return EXIT.ok;
}

;// CONCATENATED MODULE: ./src/entry/signals.ts
function cancelOnSignals() {
    const first = new AbortController();
    const second = new AbortController();
    let count = 0;
    const on = (sig) => {
        count++;
        if (count > 2)
            process.exit(130);
        if (count === 2) {
            process.stderr.write(`${sig}: not waiting for the steps in flight; writing result.json and ending\n`);
            second.abort(sig);
            setTimeout(() => process.exit(130), 2000).unref();
            return;
        }
        process.stderr.write(`${sig}: cancelling — no new step is sent; waiting briefly for the ones in flight\n`);
        first.abort(sig);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
    process.on('SIGHUP', on);
    return { signal: first.signal, now: second.signal };
}

;// CONCATENATED MODULE: ./src/entry/cli.ts





const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
// Once nothing is left to do (every write, child and timer done: the moment a natural exit begins),
// end without the environment's teardown: after a plan of thousands of VMs that teardown freed a
// heap of hundreds of MB and waited for the collector's background work, tens of milliseconds at
// times over 100, for a process about to end. 'exit' handlers still run; the exit code is kept.
process.once('beforeExit', () => process.exit());
// No top-level await: ncc's bundler does not accept it in an entry.
const { signal, now } = cancelOnSignals();
// Output nobody reads any more (`apply 2>&1 | head`, a dropped session: EPIPE, EIO) must not end an
// apply halfway: the run goes on, and result.json says what it did.
for (const stream of [process.stdout, process.stderr])
    stream.on('error', () => undefined);
void main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    env: process.env,
    workDir: process.cwd(),
    isTty: Boolean(process.stderr.isTTY),
    ...(interactive
        ? {
            ask: async (question) => {
                const rl = (0,promises_namespaceObject.createInterface)({ input: process.stdin, output: process.stderr });
                try {
                    return await rl.question(question);
                }
                finally {
                    rl.close();
                }
            },
        }
        : {}),
    signal,
    cancelNow: now,
}).then((code) => {
    process.exitCode = code;
    // Cancelled: agents left inside an operation finish on their own; do not wait for their answers.
    if (signal.aborted)
        process.exit(code);
});

