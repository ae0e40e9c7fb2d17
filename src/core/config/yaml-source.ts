// Reads YAML text into a plain value plus a map from JSON pointers to source positions. js-yaml 5
// constructs values without positions, so the map is built from its event stream (which carries
// source offsets) walked alongside: every later problem — schema, semantic, merge — is then located at
// the key or value it is about.
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, YAMLException } from 'js-yaml';
import type { Event } from 'js-yaml';
import { counters } from '../counters.js';
import type { Problem } from '../errors.js';
import { MAX_CONFIG_VALUES, MAX_PROBLEMS, quoted } from '../input-limits.js';
import { readFastYaml, resolvePlain } from './yaml-fast.js';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

interface Entry {
  key?: Position; // where the member's key is written (mapping members only)
  value: Position; // where the node itself starts
}

/** Escapes one JSON pointer segment (RFC 6901), the way ajv's instancePath does. */
export function pointerSegment(s: string | number): string {
  if (typeof s === 'number') return String(s);
  const t = s;
  return t.includes('~') || t.includes('/') ? t.replace(/~/g, '~0').replace(/\//g, '~1') : t;
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  let out = base;
  for (const s of segments) out += '/' + pointerSegment(s);
  return out;
}

export class PositionMap {
  private readonly entries = new Map<string, Entry>();
  /**
   * Items of a sequence the walk does not go into (`/vms/3` when reading shallow): their start
   * offsets by the sequence's pointer (-1: none), turned into a position when asked for. A fleet's
   * VMs cost a number each, not a pointer string, an entry and a position.
   */
  private readonly items = new Map<string, { offsets: number[]; lines: LineIndex }>();
  /** Fills in the pointers deeper than `shallow` segments, once, when one is first asked for. */
  private deeper: ((map: PositionMap) => void) | null = null;
  private shallow = Infinity;

  set(pointer: string, entry: Entry): void {
    this.entries.set(pointer, entry);
  }

  setItems(pointer: string, offsets: number[], lines: LineIndex): void {
    this.items.set(pointer, { offsets, lines });
  }

  /** An item recorded by setItems: `pointer` is a sequence's pointer and an index. */
  private item(pointer: string): Position | undefined {
    if (this.items.size === 0) return undefined;
    const cut = pointer.lastIndexOf('/');
    if (cut < 0) return undefined;
    const seq = this.items.get(pointer.slice(0, cut));
    if (seq === undefined) return undefined;
    const segment = pointer.slice(cut + 1);
    if (!/^(?:0|[1-9][0-9]*)$/.test(segment)) return undefined;
    const offset = seq.offsets[Number(segment)];
    return offset !== undefined && offset >= 0 ? seq.lines.at(offset) : undefined;
  }

  /**
   * A map that holds every pointer of at most `depth` segments now and builds the rest on first use:
   * a valid file never asks for them (its VMs' own positions are two segments deep), a file with a
   * problem to locate pays for them then.
   */
  static lazy(depth: number, deeper: (map: PositionMap) => void): PositionMap {
    const m = new PositionMap();
    m.shallow = depth;
    m.deeper = deeper;
    return m;
  }

  private complete(pointer: string): void {
    if (this.deeper === null) return;
    let depth = 0;
    for (let i = pointer.indexOf('/'); i !== -1 && depth <= this.shallow; i = pointer.indexOf('/', i + 1)) depth++;
    if (depth <= this.shallow) return;
    const build = this.deeper;
    this.deeper = null;
    build(this);
  }

  /**
   * Where to point for `pointer`: the key (for "unknown key"-like problems) or the value. Paths the
   * document does not spell out (inside an alias, or a missing key) fall back to the nearest
   * ancestor that it does.
   */
  locate(pointer: string, at: 'key' | 'value' = 'value'): Position {
    this.complete(pointer);
    let p = pointer;
    for (;;) {
      const e = this.entries.get(p);
      if (e) return (at === 'key' ? e.key : undefined) ?? e.value;
      const item = this.item(p);
      if (item) return item; // an item has no key
      if (p === '') return { line: 1, column: 1 };
      p = p.slice(0, p.lastIndexOf('/'));
      at = 'value';
    }
  }

  /**
   * locate(`${pointer}/${index}`) for an item of a sequence, without building its pointer when the
   * item was recorded by setItems (the deeper walk, if it ran, recorded the same position for it).
   */
  locateItem(pointer: string, index: number): Position {
    const seq = this.items.get(pointer);
    const offset = seq?.offsets[index];
    if (seq !== undefined && offset !== undefined && offset >= 0) return seq.lines.at(offset);
    return this.locate(joinPointer(pointer, index));
  }

  has(pointer: string): boolean {
    this.complete(pointer);
    return this.entries.has(pointer) || this.item(pointer) !== undefined;
  }
}

export interface YamlSource {
  /** The single document's value; undefined when the text could not be read as YAML at all. */
  value: unknown;
  positions: PositionMap;
  /** Syntax errors, duplicate keys, more than one document. */
  problems: Problem[];
  /** Duplicate keys past the first MAX_PROBLEMS: counted, not listed. */
  more?: number;
}

/** Offsets → 1-based line/column, counting columns in UTF-16 code units like editors' LSP default. */
class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  at(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/** Pointers this deep are recorded while reading: the root, its keys and their members (`/vms/3`). */
const SHALLOW_DEPTH = 2;

export function readYaml(input: string, file: string): YamlSource {
  // A byte-order mark is not part of line 1 for anyone who reads the file in an editor.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = new LineIndex(text);

  // The subset configurations are written in, read fast (yaml-fast.ts); it declines anything else,
  // which js-yaml reads below. Its value is js-yaml's; every position but the root's sequence
  // items comes from js-yaml's event walk, the first time one is asked for.
  const fast = readFastYaml(text);
  if (fast !== null) {
    counters.configsFast++;
    const positions = PositionMap.lazy(-1, (map) => walkDocuments(parseEvents(text, { filename: file }), text, lines, file, map, Infinity, null));
    for (const [pointer, offsets] of fast.items) positions.setItems(pointer, offsets, lines);
    return { value: fast.value, positions, problems: [], more: 0 };
  }
  counters.configsDeclined++;
  return readWithJsYaml(text, lines, file);
}

/** readYaml through js-yaml alone, as it read every text before yaml-fast.ts (its tests compare the two). */
export function readYamlWithJsYaml(input: string, file: string): YamlSource {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return readWithJsYaml(text, new LineIndex(text), file);
}

function readWithJsYaml(text: string, lines: LineIndex, file: string): YamlSource {
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file });
  } catch (e) {
    return { value: undefined, positions: new PositionMap(), problems: [yamlExceptionProblem(e, file)] };
  }

  // One look at the event types: how many documents, and whether any alias is there at all.
  let documents = 0;
  let aliases = false;
  for (let i = 0; i < events.length; i++) {
    const type = events[i]!.type;
    if (type === EVENT_ID.DOCUMENT) documents++;
    else if (type === EVENT_ID.ALIAS) aliases = true;
  }
  // Without an alias every value is one event, so a stream of at most MAX_CONFIG_VALUES events
  // cannot pass the bound: the count that expands aliases is needed only when one is written.
  if (aliases || events.length > MAX_CONFIG_VALUES) {
    const bomb = aliasExpansionProblem(events, text, lines, file);
    if (bomb) return { value: undefined, positions: new PositionMap(), problems: [bomb] };
  }

  // The common case, a single document without duplicate keys: the constructor proves both (outside
  // json mode it throws on a duplicate key), the shallow positions are recorded now and the rest
  // only when a problem needs them. Anything else takes the careful way below, which finds and
  // locates every duplicate key and extra document.
  let refused: unknown = null; // why the constructor refused the document, outside json mode
  if (documents <= 1) {
    let values: unknown[] | null = null;
    try {
      values = constructFromEvents(events, { source: text, filename: file, json: false });
    } catch (e) {
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
  const dups: Duplicates = { problems: [], more: 0 };
  walkDocuments(events, text, lines, file, positions, Infinity, dups);
  try {
    // json: duplicate keys overwrite instead of throwing; they were reported above, all of them.
    const values = constructFromEvents(events, { source: text, filename: file, json: true });
    // What the constructor refused outside json mode is never accepted: when the walk found nothing
    // to say of it (a duplicate key spelled in a way the walk does not resolve, a tagged one), the
    // constructor's own message says it.
    if (refused !== null && dups.problems.length === 0 && dups.more === 0) dups.problems.push(yamlExceptionProblem(refused, file));
    return { value: values[0], positions, problems: dups.problems, more: dups.more };
  } catch (e) {
    dups.problems.push(yamlExceptionProblem(e, file));
    return { value: undefined, positions, problems: dups.problems };
  }
}

interface Duplicates {
  problems: Problem[];
  more: number;
}

/**
 * Walks the events the way the constructor will, recording where each pointer of at most `maxDepth`
 * segments is written; with `dups`, reports every duplicate key and every document after the first.
 */
function walkDocuments(events: Event[], text: string, lines: LineIndex, file: string, positions: PositionMap, maxDepth: number, dups: Duplicates | null): void {
  let i = 0;
  let documents = 0;
  const nodeStart = (ev: Event): number => {
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
  const at = (offset: number): Position | undefined => (offset >= 0 ? lines.at(offset) : undefined);
  // A node with no pointer (past maxDepth, under a complex key, in a later document) is only
  // skipped: its events up to the POP that closes it, without a call per node inside.
  const skip = (): void => {
    let open = 0;
    do {
      const type = events[i++]!.type;
      if (type === EVENT_ID.SEQUENCE || type === EVENT_ID.MAPPING) open++;
      else if (type === EVENT_ID.POP) open--;
    } while (open > 0 && i < events.length);
  };
  const walk = (pointer: string | null, depth: number, key?: Position): void => {
    if (pointer === null) return skip();
    const ev = events[i++]!;
    const value = at(nodeStart(ev)) ?? key;
    if (value) positions.set(pointer, { key, value });
    const inner = depth < maxDepth;
    if (ev.type === EVENT_ID.SEQUENCE) {
      if (inner && depth + 1 === maxDepth) {
        // Its items are the walk's last level: their offsets, by index, without a pointer each.
        const offsets: number[] = [];
        while (events[i] && events[i]!.type !== EVENT_ID.POP) {
          offsets.push(nodeStart(events[i]!));
          walk(null, depth + 1);
        }
        positions.setItems(pointer, offsets, lines);
      } else {
        let n = 0;
        while (events[i] && events[i]!.type !== EVENT_ID.POP) walk(inner ? `${pointer}/${n++}` : null, depth + 1);
      }
      i++;
    } else if (ev.type === EVENT_ID.MAPPING) {
      const seen = inner ? new Map<string, Position>() : null;
      while (events[i] && events[i]!.type !== EVENT_ID.POP) {
        const keyEv = events[i]!;
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
        const first = seen!.get(name);
        if (first && dups && dups.problems.length >= 2 * MAX_PROBLEMS) {
          dups.more++;
        } else if (first && dups) {
          dups.problems.push({
            file,
            ...keyPos,
            path: joinPointer(pointer, name),
            message: `duplicate key '${quoted(name)}' (first written at line ${first.line}); YAML keys must be unique`,
            hint: 'remove one of them or merge their values',
          });
        } else if (!first) {
          seen!.set(name, keyPos);
        }
        // With duplicates, the later value wins in the constructed value (json mode); map it.
        walk(joinPointer(pointer, name), depth + 1, keyPos);
      }
      i++;
    }
  };

  while (i < events.length) {
    const ev = events[i++]!;
    if (ev.type !== EVENT_ID.DOCUMENT) continue;
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
    if (events[i] && events[i]!.type !== EVENT_ID.POP) walk(documents === 1 ? '' : null, 0);
    i++; // the document's POP
  }
}

/**
 * Counts the values the document holds once every alias is expanded, without expanding anything:
 * an anchored node's size is remembered, an alias adds it again. Everything after parsing (schema
 * validation, resolving) walks the expanded tree, so past the bound the file is refused here.
 */
function aliasExpansionProblem(events: Event[], text: string, lines: LineIndex, file: string): Problem | undefined {
  const sizes = new Map<string, number>();
  // One frame per open collection: its size so far and its anchor.
  const stack: Array<{ size: number; anchor: string | null }> = [];
  let total = 0; // values so far, expanded, open collections included
  let aliases = 0;
  const anchorOf = (ev: { anchorStart: number; anchorEnd: number }): string | null => (ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd) : null);
  const add = (n: number): void => {
    if (stack.length > 0) stack[stack.length - 1]!.size += n;
    total += n;
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.SCALAR: {
        const a = anchorOf(ev);
        if (a !== null) sizes.set(a, 1);
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
        if (!f) break; // a document's end
        if (f.anchor !== null) sizes.set(f.anchor, f.size);
        if (stack.length > 0) stack[stack.length - 1]!.size += f.size;
        break;
      }
      default:
        break;
    }
    if (total > MAX_CONFIG_VALUES) {
      const offset = ev.type === EVENT_ID.ALIAS ? ev.anchorStart - 1 : -1;
      return {
        file,
        ...(offset >= 0 ? lines.at(offset) : { line: 1, column: 1 }),
        message:
          aliases > 0
            ? `the document expands to more than ${MAX_CONFIG_VALUES.toLocaleString('en-US')} values through YAML aliases (*name); a configuration is refused past that bound`
            : `the document holds more than ${MAX_CONFIG_VALUES.toLocaleString('en-US')} values; a configuration is refused past that bound`,
        hint: aliases > 0 ? 'write the values out, or put shared VM settings under defaults' : 'put shared VM settings under defaults, or split the fleet into several files',
      };
    }
  }
  return undefined;
}

function firstNonNegative(...xs: number[]): number {
  return xs.find((x) => x >= 0) ?? -1;
}

function yamlExceptionProblem(e: unknown, file: string): Problem {
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
