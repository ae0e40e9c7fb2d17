export const id = 20;
export const ids = [20];
export const modules = {

/***/ 57020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  guestPhase: () => (/* binding */ guestPhase),
  runReconcile: () => (/* binding */ runReconcile)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/artifacts/write.ts
var write = __webpack_require__(87900);
// EXTERNAL MODULE: ./src/backends/index.ts + 11 modules
var backends = __webpack_require__(41543);
// EXTERNAL MODULE: ./src/core/config/load.ts + 9 modules
var load = __webpack_require__(60446);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/model/assess.ts
var assess = __webpack_require__(23023);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
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
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/core/config/vm-name.ts
var vm_name = __webpack_require__(65561);
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
const loadSsh2 = () => (ssh2Loading ??= __webpack_require__.e(/* import() */ 472).then(__webpack_require__.t.bind(__webpack_require__, 85472, 23)).then((m) => (m.default ?? m)));
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
var apply_lock = __webpack_require__(48010);
// EXTERNAL MODULE: ./src/engine/apply/state-files.ts
var state_files = __webpack_require__(48490);
// EXTERNAL MODULE: ./src/engine/cancellation.ts
var cancellation = __webpack_require__(62775);
// EXTERNAL MODULE: ./src/engine/log.ts
var engine_log = __webpack_require__(54760);
// EXTERNAL MODULE: ./src/engine/outcome.ts
var outcome = __webpack_require__(938);
// EXTERNAL MODULE: ./src/engine/state-location.ts
var state_location = __webpack_require__(49763);
// EXTERNAL MODULE: ./src/engine/take-lock.ts
var take_lock = __webpack_require__(96807);
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


/***/ })

};
