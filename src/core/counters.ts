// Structural counters of one process: how often the expensive things happened (whole values
// canonicalized, agent processes launched, requests sent). No clock and no I/O here: tests and the
// bench read them, and a run started with HVC_COUNTERS=<file> writes them there when it exits
// (src/entry/counters.ts), so a test can hold a whole command to its counts.
export const counters = {
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
