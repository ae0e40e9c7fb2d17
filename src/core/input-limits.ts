// Bounds on every input the tool reads from someone else (a pull request's config, a recorded
// current.json, a GitHub comment, an event payload, agent output). A value past a bound is a typed,
// located error that names the bound: never minutes of CPU or gigabytes of memory.

/** A configuration file: a fleet of 10,000 VMs spelled out one by one is about 2 MiB. */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

/**
 * Values in a configuration once YAML aliases (`*name`) are expanded: a ~500-byte file of nested
 * aliases expands ninefold per level into billions (the "billion laughs" attack). 10,000 VMs with
 * every setting written out stay under 400,000.
 */
export const MAX_CONFIG_VALUES = 1_000_000;

/**
 * Characters of a configuration's document once its aliases and seed files are expanded (its
 * configHash is taken over that text): a 1 MiB text aliased by every VM, or one seed file named by
 * thousands, would otherwise be hashed gigabytes long. 10,000 VMs each with a 16 KiB seed stay under.
 */
export const MAX_CONFIG_EXPANDED_CHARS = 256 * 1024 * 1024;

/** Problems listed for one file; the rest are counted ("and N more"). */
export const MAX_PROBLEMS = 100;

/** Characters of an offending key or value quoted back in a message. */
export const MAX_QUOTED_CHARS = 60;

/** Words longer than this get no "did you mean" (no allowed key or value comes close). */
export const MAX_SUGGEST_CHARS = 64;

/** A recorded observation (current.json) for the replay backend; 10,000 VMs are about 20 MiB. */
export const MAX_RECORDING_BYTES = 64 * 1024 * 1024;

/** A reviewed-plan record inflated from a PR comment (a comment holds at most 65,536 characters, so a
 * deflate bomb in one could otherwise inflate to tens of megabytes). */
export const MAX_REVIEWED_RECORD_BYTES = 16 * 1024 * 1024;

/** Quotes an untrusted string back to the user, cut to a readable length. */
export function quoted(s: string, max = MAX_QUOTED_CHARS): string {
  return s.length > max ? `${s.slice(0, max - 3)}... (${s.length} characters)` : s;
}
