// Docs are claims: every command a doc marks with `<!-- doc-check -->` (see doc-blocks.ts for the
// convention) is run through the built CLI against the simulator, in document order, and its shown
// output must agree with the real one in substance: paths, durations, hashes and timestamps are
// normalised, and step lines that run concurrently are compared as a set.
// To regenerate the shown output from real runs (after a deliberate change): HVC_UPDATE_DOCS=1 npm test -- __tests__/docs
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, runCli, tempDir } from '../support/run-cli.js';
import { commandLines, markedBlocks, substance, type DocBlock } from './doc-blocks.js';

/** How a doc shows the working directory and the installation: a clone in the user's home. */
const SHOWN_DIR = '~/hyperv-converge';

const docs = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** What the user sees, with this machine's paths as the doc shows them. */
function display(out: string, dir: string): string[] {
  const text = out
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split(dir).join(SHOWN_DIR)
    .split(ROOT).join(SHOWN_DIR);
  const lines = text.split('\n').map((l) => l.trimEnd());
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

interface Ran {
  block: DocBlock;
  actual: string[][];
  codes: number[];
}

async function runFile(blocks: DocBlock[]): Promise<Ran[]> {
  let dir = tempDir('hvc-doc-');
  dirs.push(dir);
  const ran: Ran[] = [];
  for (const block of blocks) {
    if (block.fresh) {
      dir = tempDir('hvc-doc-');
      dirs.push(dir);
    }
    if (block.kind === 'file') {
      mkdirSync(dirname(join(dir, block.writeFile!)), { recursive: true });
      writeFileSync(join(dir, block.writeFile!), block.content);
      continue;
    }
    const actual: string[][] = [];
    const codes: number[] = [];
    for (const c of block.commands) {
      const r = await runCli(c.args, { cwd: dir, env: block.env });
      actual.push(display(r.stderr + r.stdout, dir));
      codes.push(r.code);
    }
    ran.push({ block, actual, codes });
  }
  return ran;
}

describe('docs: marked command blocks run and show their real output', () => {
  for (const file of docs) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const blocks = markedBlocks(file, text);
    if (!blocks.some((b) => b.kind === 'console')) continue;
    it(`${file}: ${blocks.reduce((n, b) => n + b.commands.length, 0)} command(s)`, async () => {
      const ran = await runFile(blocks);
      if (process.env.HVC_UPDATE_DOCS) {
        const lines = text.split('\n');
        const edits = ran.flatMap((r) => r.block.commands.map((c, i) => ({ c, out: r.actual[i]! }))).sort((a, b) => b.c.outputFrom - a.c.outputFrom);
        for (const { c, out } of edits) lines.splice(c.outputFrom, c.outputTo - c.outputFrom, ...out);
        writeFileSync(join(ROOT, file), lines.join('\n'));
        return;
      }
      const problems: string[] = [];
      for (const r of ran) {
        r.block.commands.forEach((c, i) => {
          const shown = c.expected.map((l) => l.trimEnd());
          while (shown.length && shown[shown.length - 1] === '') shown.pop();
          const want = substance(shown);
          const got = substance(r.actual[i]!);
          if (JSON.stringify(want) !== JSON.stringify(got)) {
            problems.push(`${file}:${c.outputFrom}: '$ ${c.shown}' shows\n${want.map((l) => `    | ${l}`).join('\n')}\n  but prints\n${got.map((l) => `    | ${l}`).join('\n')}`);
          }
          const exit = r.block.exits?.[i];
          if (exit !== undefined && exit !== r.codes[i]) problems.push(`${file}:${c.outputFrom}: '$ ${c.shown}' should exit ${exit}, exited ${r.codes[i]}`);
        });
      }
      expect(problems.join('\n\n')).toBe('');
    }, 180_000);
  }

  it('README.md and docs/cli.md run every command line they show in a block (or say why not)', () => {
    const unchecked = ['README.md', 'docs/cli.md'].flatMap((file) =>
      commandLines(readFileSync(join(ROOT, file), 'utf8')).filter((c) => !c.checked).map((c) => `${file}:${c.line}: ${c.text}`),
    );
    expect(unchecked).toEqual([]);
  });
});

describe('docs: editor schema references', () => {
  it('every `$schema=` a user copies from README.md or docs/ resolves outside this repository: a URL to a schema this repository publishes', () => {
    const wrong: string[] = [];
    for (const file of docs) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/\$schema=(\S+)/g)) {
        const url = /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/[^/]+\/(schemas\/[\w.-]+\.json)$/.exec(m[1]!);
        if (!url || !existsSync(join(ROOT, url[1]!))) wrong.push(`${file}: ${m[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('the doc check itself', () => {
  it('finds only marked blocks, and compares concurrent step lines as a set', () => {
    const md = [
      '```console', '$ hyperv-converge plan', 'not checked', '```',
      '<!-- doc-check exit=2 -->', '```console', '$ hyperv-converge plan --json', 'out', '```',
      '<!-- doc-check skip: needs Windows -->', '```console', '$ hyperv-converge apply', '```',
    ].join('\n');
    const blocks = markedBlocks('x.md', md);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.commands.map((c) => [c.args, c.expected, c.outputFrom, c.outputTo])).toEqual([[['plan', '--json'], ['out'], 7, 8]]);
    expect(commandLines(md).map((c) => c.checked)).toEqual([false, true, true]);
    expect(substance(['[1/2] a: stop done (5 ms)', '[2/2] b: start done (7 ms)'])).toEqual(substance(['[1/2] b: start done (9 ms)', '[2/2] a: stop done (1 ms)']));
    expect(substance(['[1/2] a: stop done (5 ms)'])).not.toEqual(substance(['[1/2] a: stop FAILED (5 ms)']));
    expect(() => markedBlocks('y.md', '<!-- doc-check -->\n```console\n$ rm -rf /\n```\n')).toThrow(/starts with a '\$ hyperv-converge/);
  });
});
