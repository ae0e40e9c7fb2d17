// The bundles load only what a run uses (issue 13): the artifact client and ssh2 are chunks beside
// the entry, loaded by dynamic import() when an upload or a guest sync happens, so a plan's start-up
// does not parse them. Structural: which code is in which file, not how fast it loads.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd();
const code = (rel: string) => readFileSync(join(ROOT, rel), 'utf8');
const chunks = (dir: string) => readdirSync(join(ROOT, dir)).filter((n) => /^\d+\.index\.js$/.test(n)).map((n) => `${dir}/${n}`);
// Markers of each library's own code: the artifact service's RPC name, ssh2's client ident.
const ARTIFACT = 'github.actions.results.api.v1.ArtifactService';
const SSH2 = 'SSH-2.0-ssh2js';

describe('bundle contents', () => {
  it('dist/index.js holds neither @actions/artifact nor ssh2; each is in a chunk beside it', () => {
    const entry = code('dist/index.js');
    expect(entry).not.toContain(ARTIFACT);
    expect(entry).not.toContain(SSH2);
    expect(chunks('dist').filter((c) => code(c).includes(ARTIFACT))).toHaveLength(1);
    expect(chunks('dist').filter((c) => code(c).includes(SSH2))).toHaveLength(1);
  });

  it('the CLI bundle loads ssh2 only for guest sync and carries no artifact client', () => {
    const entry = code('dist/cli/index.js');
    expect(entry).not.toContain(SSH2);
    expect(entry).not.toContain(ARTIFACT);
    expect(chunks('dist/cli').filter((c) => code(c).includes(SSH2))).toHaveLength(1);
    expect(chunks('dist/cli').every((c) => !code(c).includes(ARTIFACT))).toBe(true);
  });
});
