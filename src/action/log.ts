// The engine's Logger over @actions/core: phases become collapsible groups, located warnings and
// errors become annotations at the file and line.
import * as core from '@actions/core';
import { relative, isAbsolute } from 'node:path';
import type { Located, Problem } from '../core/errors.js';
import { formatProblem } from '../core/errors.js';

export interface ActionLogger {
  info(m: string): void;
  warn(m: string, at?: Located): void;
  error(m: string, at?: Located): void;
  debug(m: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Annotates config problems once each (the engine may already have logged some). */
  annotate(problems: Problem[]): void;
}

export function annotationProps(at: Located | undefined, workspace: string, title: string): core.AnnotationProperties {
  const props: core.AnnotationProperties = { title };
  if (at?.file) props.file = isAbsolute(at.file) ? relative(workspace, at.file).replace(/\\/g, '/') : at.file.replace(/\\/g, '/');
  if (at?.line) props.startLine = at.line;
  if (at?.column) props.startColumn = at.column;
  return props;
}

export const MAX_ANNOTATIONS = 50;

export function createActionLogger(workspace: string, redact: (s: string) => string): ActionLogger {
  const seen = new Set<string>();
  let errors = 0;
  const key = (m: string, at?: Located) => `${at?.file ?? ''}:${at?.line ?? ''}:${at?.column ?? ''}:${m}`;
  return {
    info: (m) => core.info(redact(m)),
    debug: (m) => core.debug(redact(m)),
    warn(m, at) {
      seen.add(key(m, at));
      core.warning(redact(m), annotationProps(at, workspace, 'hyperv-converge'));
    },
    error(m, at) {
      seen.add(key(m, at));
      if (at?.file && ++errors > MAX_ANNOTATIONS) core.info(redact(`error: ${formatProblem({ ...at, message: m })}`));
      else core.error(redact(m), annotationProps(at, workspace, 'hyperv-converge'));
    },
    group: (name, fn) => core.group(name, fn),
    annotate(problems) {
      let shown = 0;
      for (const p of problems) {
        if (seen.has(key(p.message, p)) || seen.has(key(formatProblem(p), p))) continue;
        // GitHub shows a bounded number of annotations per step: the rest go to the log as lines.
        if (shown >= MAX_ANNOTATIONS) {
          core.info(redact(formatProblem(p)));
          continue;
        }
        shown++;
        seen.add(key(p.message, p));
        const text = [p.message, p.path ? `(at ${p.path})` : '', p.expected ? `expected ${p.expected}` : '', p.hint ?? ''].filter(Boolean).join(' ');
        core.error(redact(text), annotationProps(p, workspace, 'hyperv-converge: invalid config'));
      }
    },
  };
}
