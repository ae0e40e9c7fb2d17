// Virtual switches the file declares: resolution and the rules a schema cannot state (unique names,
// NAT only on internal switches, a subnet that is a network address, external switches never removed).
import type { RuleFailure } from './rules.js';
import type { DesiredSwitch } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function parseCidr(text: string): { subnet: string; gateway: string; prefixLength: number } | string {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(text);
  if (!m) return 'not an IPv4 subnet';
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix < 8 || prefix > 30) return 'not an IPv4 subnet with a prefix of 8 to 30 bits';
  const addr = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const net = (addr & mask) >>> 0;
  const dotted = (n: number): string => [24, 16, 8, 0].map((sh) => (n >>> sh) & 255).join('.');
  if (net !== addr) return `not a network address (the network of ${text} is ${dotted(net)}/${prefix})`;
  return { subnet: `${dotted(net)}/${prefix}`, gateway: dotted(net + 1), prefixLength: prefix };
}

export function resolveSwitches(raw: unknown, add: (path: string, p: RuleFailure) => void): DesiredSwitch[] {
  if (!Array.isArray(raw)) return [];
  const out: DesiredSwitch[] = [];
  const seen = new Map<string, number>();
  raw.forEach((x, i) => {
    if (!isObj(x) || typeof x.name !== 'string') return; // the schema reports it
    const at = `/switches/${i}`;
    const type = x.type === 'Internal' || x.type === 'Private' || x.type === 'External' ? x.type : 'Internal';
    const first = seen.get(x.name.toLowerCase());
    if (first !== undefined) add(`${at}/name`, { message: `switch '${x.name}' is already declared as switch ${first + 1} (names are case-insensitive)` });
    else seen.set(x.name.toLowerCase(), i);
    let nat: DesiredSwitch['nat'] = null;
    if (isObj(x.nat) && typeof x.nat.subnet === 'string') {
      if (type !== 'Internal') add(`${at}/nat`, { message: `NAT needs an internal switch; '${x.name}' is ${type}`, hint: 'use type: Internal, or remove nat' });
      const r = parseCidr(x.nat.subnet);
      if (typeof r === 'string') add(`${at}/nat/subnet`, { message: `subnet '${x.nat.subnet}' is ${r}`, expected: 'an IPv4 network such as 192.168.77.0/24' });
      else nat = r;
    }
    const state = x.state === 'absent' ? 'absent' : 'present';
    if (type === 'External' && state === 'absent') {
      add(`${at}/state`, { message: `external switch '${x.name}' is never removed: removing it cuts the host's own network`, hint: 'remove it by hand, or drop it from the file' });
    }
    out.push({ name: x.name, type, nat, state });
  });
  return out;
}
