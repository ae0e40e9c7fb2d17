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
import { randomUUID } from 'node:crypto';
import { open, rename, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { dirname } from 'node:path';
import type { StepOutcome, StepResult } from '../../core/model/result.js';
import type { HostOperation } from '../../core/plan/operations.js';
import type { Step, StepAction } from '../../core/plan/types.js';
import { STEP_ACTIONS } from '../../core/plan/plan.js';
import { HvcError } from '../../core/errors.js';
import { ensureStateDir, journalPath, previousJournalPath } from './state-files.js';

/** Past this size (and with nothing open in it) a journal is rotated when a run opens it. */
export const JOURNAL_ROTATE_BYTES = 1024 * 1024;

export type JournalError = NonNullable<StepResult['error']>;

interface EntryBase {
  v: 1;
  /** Unique per Journal.open: what tells one run's records from another's. */
  session: string;
  /** The caller's run id (e.g. the GitHub run), for people reading the journal. */
  runId: string;
  at: string;
  pid: number;
  hostname: string;
}

export interface BeginEntry extends EntryBase {
  type: 'begin';
  planHash: string;
  stepId: string;
  vm: string;
  vmId: string | null;
  action: StepAction;
  /** The exact operation sent, so a report can say what was in flight. */
  operation: HostOperation;
}

export interface EndEntry extends EntryBase {
  type: 'end';
  planHash: string;
  stepId: string;
  vm: string;
  outcome: StepOutcome;
  error: JournalError | null;
}

/** A later run saw (and reported) an earlier run's unfinished operation. */
export interface ResolvedEntry extends EntryBase {
  type: 'resolved';
  ref: { session: string; stepId: string };
}

export type JournalRecord = BeginEntry | EndEntry | ResolvedEntry;
/** An operation begun in an earlier run and never ended: what `unfinished()` returns. */
export type JournalEntry = BeginEntry;

export interface JournalOpenOptions {
  /** Recorded on every line; defaults to a fresh id. */
  runId?: string;
}

/** What open() did with a journal past the bound. */
export interface JournalRotation {
  /** Where the old lines are now. */
  previous: string;
  bytes: number;
  /** Damaged lines of the old file (they are in `previous`; see Journal.corruptLines). */
  damagedLines: number;
  lines: number[];
}

export class Journal {
  readonly path: string;
  readonly session: string;
  readonly runId: string;
  /** Lines that could not be read or failed validation when last read (a torn tail, a hand edit). */
  corruptLines = 0;
  /** 1-based numbers of the first damaged lines (at most 10), for the report. */
  corruptAt: number[] = [];
  private fh: FileHandle | null;
  private tail: Promise<void> = Promise.resolve();
  /** Lines waiting for the next write (see append). */
  private batch: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private handedOut: JournalEntry[] = [];
  /** Set when open() rotated the file: where its lines went. */
  readonly rotated: JournalRotation | null;

  private constructor(path: string, fh: FileHandle, runId: string, rotated: JournalRotation | null) {
    this.path = path;
    this.fh = fh;
    this.session = randomUUID();
    this.runId = runId;
    this.rotated = rotated;
  }

  static async open(stateDir: string, hostKey: string, opts: JournalOpenOptions = {}): Promise<Journal> {
    await ensureStateDir(stateDir);
    const path = journalPath(stateDir, hostKey);
    const rotated = await rotateIfDone(path, previousJournalPath(stateDir, hostKey));
    let fh: FileHandle;
    try {
      fh = await open(path, 'a');
    } catch (e) {
      throw new HvcError('usage', `apply journal ${path} cannot be opened: ${(e as Error).message}`, { cause: e });
    }
    try {
      // A crash can leave a torn last line; start ours on a fresh line so it stays parseable.
      const { size } = await fh.stat();
      if (size > 0) {
        const last = Buffer.alloc(1);
        const probe = await open(path, 'r');
        try {
          await probe.read(last, 0, 1, size - 1);
        } finally {
          await probe.close();
        }
        if (last[0] !== 0x0a) {
          await fh.write('\n');
          await fh.sync();
        }
      }
      await syncDir(dirname(path)); // a new file's directory entry must be durable too
    } catch (e) {
      await fh.close();
      throw new HvcError('usage', `apply journal ${path} cannot be prepared: ${(e as Error).message}`, { cause: e });
    }
    return new Journal(path, fh, opts.runId ?? '', rotated);
  }

  async begin(step: Step, planHash: string): Promise<void> {
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

  async end(step: Step, planHash: string, outcome: StepOutcome, error?: JournalError | null): Promise<void> {
    await this.append({ ...this.base(), type: 'end', planHash, stepId: step.id, vm: step.vm, outcome, error: error ?? null });
  }

  /**
   * Operations begun by earlier runs that never ended and were not resolved yet. Entries returned here
   * are marked resolved when this journal is closed, on the grounds that this run reported them and
   * planned from a fresh observation; a run that dies before close() reports them again next time.
   */
  async unfinished(): Promise<JournalEntry[]> {
    await this.tail.catch(() => undefined);
    const scan = await scanJournal(this.path);
    this.noteDamage(scan);
    const pending = scan.open.filter((r) => r.session !== this.session);
    for (const e of pending) if (!this.handedOut.some((h) => key(h.session, h.stepId) === key(e.session, e.stepId))) this.handedOut.push(e);
    return pending;
  }

  /** Every parseable record, oldest first (for reading a journal; a run needs only unfinished()). */
  async readAll(): Promise<JournalRecord[]> {
    await this.tail.catch(() => undefined);
    const records: JournalRecord[] = [];
    this.noteDamage(await scanJournal(this.path, (r) => records.push(r)));
    return records;
  }

  private noteDamage(scan: JournalScan): void {
    this.corruptLines = scan.corrupt;
    this.corruptAt = scan.at;
  }

  async close(): Promise<void> {
    if (!this.fh) return;
    try {
      for (const e of this.handedOut) await this.append({ ...this.base(), type: 'resolved', ref: { session: e.session, stepId: e.stepId } });
      this.handedOut = [];
      await this.tail;
    } finally {
      const fh = this.fh;
      this.fh = null;
      await fh.close();
    }
  }

  private base(): EntryBase {
    return { v: 1, session: this.session, runId: this.runId || this.session, at: new Date().toISOString(), pid: process.pid, hostname: osHostname() };
  }

  /**
   * Appends one line and fsyncs it; the promise settles once the line is durable. Appends are
   * serialized so lines never interleave, and lines that arrive while a write is under way go out
   * together with one fsync (group commit): lanes of a concurrent apply share fsyncs instead of
   * queueing one each.
   */
  private append(record: JournalRecord): Promise<void> {
    const line = JSON.stringify(record) + '\n';
    return new Promise<void>((resolve, reject) => {
      this.batch.push({ line, resolve, reject });
      if (this.batch.length > 1) return; // joins the batch already scheduled
      const run = async (): Promise<void> => {
        const lines = this.batch.splice(0);
        try {
          const fh = this.fh;
          if (!fh) throw new HvcError('internal', `apply journal ${this.path} is closed`);
          await this.expectCurrent(fh);
          await fh.write(lines.map((l) => l.line).join(''));
          await fh.sync();
          // Checked again once durable: a rotation between the check and the write moved the lines
          // to the previous generation, which no run reads for open entries; the caller must not send.
          await this.expectCurrent(fh);
        } catch (e) {
          for (const l of lines) l.reject(e);
          throw e;
        }
        for (const l of lines) l.resolve();
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
  private async expectCurrent(fh: FileHandle): Promise<void> {
    // bigint: Windows file ids do not fit a double.
    const [mine, now] = await Promise.all([fh.stat({ bigint: true }), stat(this.path, { bigint: true }).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)))]);
    if (now && now.ino === mine.ino && now.dev === mine.dev) return;
    throw new HvcError(
      'apply-failed',
      `this run's apply journal is no longer the current journal at ${this.path} (another run rotated or replaced it: this run no longer holds the host lock); nothing more is sent`,
    );
  }
}

function key(session: string, stepId: string): string {
  return `${session}\u0000${stepId}`;
}

/** Read in pieces of this size: the journal is never held whole (it may be hundreds of MB). */
const READ_CHUNK = 1024 * 1024;
/** A longer line is counted damaged and skipped, so a file without line breaks is not held whole either. */
const MAX_LINE_BYTES = 64 * 1024 * 1024;

interface JournalScan {
  /** Begins that no `end` and no `resolved` record answers, in file order: operations that may still be on the host. */
  open: BeginEntry[];
  corrupt: number;
  /** 1-based numbers of the first damaged lines (at most 10). */
  at: number[];
  /** Bytes read: the file's size when the read ended. */
  bytes: number;
}

/**
 * Reads a journal line by line. Memory is one chunk, one line and the entries still open, whatever the
 * file's size (a host applied daily since before rotation existed has hundreds of MB: read whole, it
 * took three times that and, past 512 MiB, could not be read at all). An answer is matched to its
 * begin as the file is read; one that comes before its begin (a file edited by hand) still closes it.
 */
async function scanJournal(path: string, each?: (r: JournalRecord) => void): Promise<JournalScan> {
  const pending = new Map<string, BeginEntry>();
  const answeredEarly = new Set<string>();
  let corrupt = 0;
  const at: number[] = [];
  let n = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  const take = (piece: Buffer): void => {
    if (tooLong || piece.length === 0) return;
    if (partBytes + piece.length > MAX_LINE_BYTES) {
      tooLong = true;
      parts = [];
      partBytes = 0;
      return;
    }
    parts.push(Buffer.from(piece)); // a copy: the read buffer is reused
    partBytes += piece.length;
  };
  const endLine = (): void => {
    n++;
    const damaged = tooLong;
    const text = damaged ? '' : parts.length === 1 ? parts[0]!.toString('utf8') : Buffer.concat(parts).toString('utf8');
    parts = [];
    partBytes = 0;
    tooLong = false;
    if (!damaged && text.trim() === '') return;
    const r = damaged ? null : parseLine(text);
    if (!r) {
      corrupt++;
      if (at.length < 10) at.push(n);
      return;
    }
    each?.(r);
    if (r.type === 'begin') {
      const k = key(r.session, r.stepId);
      if (!answeredEarly.has(k) && !pending.has(k)) pending.set(k, r);
    } else {
      const k = r.type === 'end' ? key(r.session, r.stepId) : key(r.ref.session, r.ref.stepId);
      if (!pending.delete(k)) answeredEarly.add(k);
    }
  };
  const fh = await open(path, 'r');
  let pos = 0;
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, READ_CHUNK, pos);
      if (bytesRead === 0) break;
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
    if (partBytes > 0 || tooLong) endLine(); // a last line without its line break (a torn tail)
  } finally {
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
async function rotateIfDone(path: string, previous: string): Promise<JournalRotation | null> {
  try {
    const { size } = await stat(path);
    if (size <= JOURNAL_ROTATE_BYTES) return null;
    const { open: pending, corrupt, at, bytes } = await scanJournal(path);
    if (pending.length > 0) return null;
    await rename(path, previous);
    await syncDir(dirname(path));
    // A run that lost the host lock may have appended between the read and the rename (its checks
    // passed: the file was still current). If that left an operation open, the rotation is undone:
    // its begin must stay where the next run reads it. Lines appended after the rename fail its check.
    if ((await stat(previous)).size > bytes && (await scanJournal(previous)).open.length > 0) {
      await rename(previous, path);
      await syncDir(dirname(path));
      return null;
    }
    return { previous, bytes, damagedLines: corrupt, lines: at };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null; // no journal yet
    throw new HvcError('usage', `apply journal ${path} cannot be rotated to ${previous}: ${(e as Error).message}`, { cause: e });
  }
}

// Every field is checked before a record is used or printed: the journal is a file anyone with access
// to the state directory can edit, and its fields end up in terminals, logs and result.json.
// Every action the planner makes (a fixed list here once missed the wider VM surface's steps: a run
// killed inside one then found its own begin record "damaged" and could not report it).
const ACTIONS = new Set<string>(STEP_ACTIONS);
const OUTCOMES = new Set<string>(['succeeded', 'failed', 'timed-out', 'skipped', 'interrupted']);
// No control, format or separator characters (terminal escapes, bidi overrides, line breaks).
const PLAIN = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;
const plain = (v: unknown, max = 256): v is string => typeof v === 'string' && v.length <= max && PLAIN.test(v);
const id = (v: unknown): v is string => plain(v, 128) && v !== '';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function parseLine(line: string): JournalRecord | null {
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null; // a torn line
  }
  if (!r || typeof r !== 'object' || Array.isArray(r) || r.v !== 1) return null;
  if (!id(r.session) || !plain(r.runId, 128) || typeof r.at !== 'string' || !ISO.test(r.at)) return null;
  if (!Number.isSafeInteger(r.pid) || (r.pid as number) <= 0 || !plain(r.hostname, 255)) return null;
  if (r.type === 'resolved') {
    const ref = r.ref as Record<string, unknown> | null;
    return ref && typeof ref === 'object' && id(ref.session) && id(ref.stepId) ? (r as unknown as JournalRecord) : null;
  }
  if (r.type !== 'begin' && r.type !== 'end') return null;
  if (!id(r.stepId) || !plain(r.vm) || r.vm === '' || typeof r.planHash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(r.planHash)) return null;
  if (r.type === 'end') {
    if (typeof r.outcome !== 'string' || !OUTCOMES.has(r.outcome)) return null;
    const e = r.error as Record<string, unknown> | null;
    if (e !== null && !(e && typeof e === 'object' && plain(e.code, 64) && typeof e.message === 'string')) return null;
    return r as unknown as JournalRecord;
  }
  if (typeof r.action !== 'string' || !ACTIONS.has(r.action) || !(r.vmId === null || id(r.vmId))) return null;
  const op = r.operation as Record<string, unknown> | null;
  if (!op || typeof op !== 'object' || !plain(op.op, 64) || typeof op.args !== 'object' || op.args === null) return null;
  return r as unknown as JournalRecord;
}

/** fsync a directory where the platform allows it (not on Windows). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* best effort */
  }
}
