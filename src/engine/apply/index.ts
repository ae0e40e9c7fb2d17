// Apply: the only mutating phase. The executor runs steps; the journal and the host lock make an
// interrupted or concurrent apply detectable and safe.
export { executePlan } from './executor.js';
export type { ExecuteOptions, StepEvent, StepJournal } from './executor.js';
export { Journal } from './journal.js';
export type { BeginEntry, EndEntry, JournalEntry, JournalError, JournalOpenOptions, JournalRecord, ResolvedEntry } from './journal.js';
export { acquireHostLock, DEFAULT_LOCK_POLL_MS, DEFAULT_LOCK_STALE_MS } from './lock.js';
export type { AcquireLockOptions, HostLock, LockHolder } from './lock.js';
export { hostFileKey, journalPath, lockPath } from './state-files.js';
