// Uploads current.json, plan.json and result.json as one artifact per config per run. The files also
// stay in the output directory for later steps.
import { existsSync } from 'node:fs';

export async function uploadRunFiles(name: string, files: (string | null)[], rootDir: string): Promise<{ id: number | null; size: number | null }> {
  const present = files.filter((f): f is string => !!f && existsSync(f));
  if (!present.length) return { id: null, size: null };
  // Loaded only when uploading: the artifact client is most of the action bundle's size.
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const res = await new DefaultArtifactClient().uploadArtifact(name, present, rootDir);
  return { id: res.id ?? null, size: res.size ?? null };
}
