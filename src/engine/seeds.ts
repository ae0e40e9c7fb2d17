// The cloud-init seed images of a run: built once from the config and the environment (the only place
// secret values meet the seed texts), their hashes handed to plan, their bytes handed to the agent
// only inside the seed.write request at apply. Nothing here is logged or written to an artifact.
import type { Config } from '../core/config/types.js';
import type { HostOperation } from '../core/plan/operations.js';
import type { SeedDigests } from '../core/plan/surface.js';
import type { OperationRunner } from '../core/ports.js';
import { buildSeed } from '../core/seed/nocloud.js';

export interface RenderedSeeds {
  /** Per VM name: the image's sha256 and size, or the variables that are missing. */
  digests: SeedDigests;
  /** Image bytes by seed path (lower case). */
  images: Map<string, { sha256: string; bytes: Uint8Array }>;
  /** The secret values put into the images, for masking. */
  secrets: string[];
}

export function renderSeeds(config: Config, env: Readonly<Record<string, string | undefined>>): RenderedSeeds {
  const digests: Record<string, SeedDigests[string]> = {};
  const images = new Map<string, { sha256: string; bytes: Uint8Array }>();
  const secrets = new Set<string>();
  for (const vm of config.vms) {
    if (!vm.cloudInit || vm.state === 'absent') continue;
    const b = buildSeed(vm.cloudInit, env);
    if (!b.ok) {
      digests[vm.name] = { missing: b.missing };
      continue;
    }
    digests[vm.name] = { sha256: b.sha256, sizeBytes: b.sizeBytes };
    images.set(vm.cloudInit.path.toLowerCase(), { sha256: b.sha256, bytes: b.bytes });
    for (const s of b.secrets) secrets.add(s);
  }
  return { digests, images, secrets: [...secrets] };
}

/**
 * Adds the image bytes to seed.write requests. The plan names the image by hash: if the image built
 * now differs (a secret changed between plan and apply), the step fails instead of writing an image
 * nobody reviewed.
 */
export function withSeedImages(runner: OperationRunner, seeds: RenderedSeeds): OperationRunner {
  return {
    async run(op: HostOperation, timeoutMs: number) {
      if (op.op !== 'seed.write') return runner.run(op, timeoutMs);
      const image = seeds.images.get(op.args.path.toLowerCase());
      if (!image || image.sha256 !== op.args.sha256) {
        return {
          ok: false,
          durationMs: 0,
          error: { code: 'invalid-request', message: `the seed image for ${op.args.path} is not the one the plan names (sha256:${op.args.sha256}); its inputs changed since the plan: plan again` },
        };
      }
      const sent = { op: op.op, args: { ...op.args, contentBase64: Buffer.from(image.bytes).toString('base64') } } as unknown as HostOperation;
      return runner.run(sent, timeoutMs);
    },
    close: () => runner.close(),
  };
}
