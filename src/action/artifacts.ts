// Uploads current.json, plan.json and result.json as one artifact per config (and target) per run.
// The files also stay in the output directory for later steps. The upload is bounded in time: the
// run has already reported by then, and a stuck upload must not hold the job.
import { existsSync } from 'node:fs';

export type UploadOutcome =
  | { kind: 'uploaded'; id: number | null; size: number | null }
  | { kind: 'nothing' }
  /** GitHub Enterprise Server: @actions/artifact v2+ refuses it (GHESNotSupportedError). */
  | { kind: 'unsupported'; message: string }
  | { kind: 'timed-out' };

export async function uploadRunFiles(name: string, files: (string | null)[], rootDir: string, timeoutMs: number): Promise<UploadOutcome> {
  const present = files.filter((f): f is string => !!f && existsSync(f));
  if (!present.length) return { kind: 'nothing' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<UploadOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed-out' }), timeoutMs);
  });
  // Loaded only when uploading: the artifact client is most of the action bundle's size.
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const upload = new DefaultArtifactClient()
    .uploadArtifact(name, present, rootDir)
    .then((res): UploadOutcome => ({ kind: 'uploaded', id: res.id ?? null, size: res.size ?? null }))
    .catch((e: unknown): UploadOutcome => {
      if ((e as Error).name === 'GHESNotSupportedError') return { kind: 'unsupported', message: (e as Error).message };
      throw e;
    });
  try {
    return await Promise.race([upload, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
