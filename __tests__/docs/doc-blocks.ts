// The doc check's reading of Markdown: fenced blocks marked with an HTML comment on the line before
// them. Only marked blocks are checked, so docs may show any other block (real-host sessions,
// PowerShell, workflow YAML) freely.
//
//   <!-- doc-check -->            the next ```console block is run: each `$ hyperv-converge …` line
//   ```console                    (or `$ npx hyperv-converge …`) is a command, the lines after it
//   $ hyperv-converge plan        its expected terminal output (stderr, then stdout)
//   …
//   ```
//   <!-- doc-check file=vms.yaml -->   the next fenced block is written to that file first
//   <!-- doc-check exit=3 -->          expected exit codes, one per command, comma-separated
//   <!-- doc-check fresh -->           start from an empty working directory
//   <!-- doc-check env=K=V,K2=V2 -->   extra environment for the block's commands
//   <!-- doc-check skip: why -->        shown on purpose but not run (e.g. it installs, or needs Windows)
//
// Options combine (`<!-- doc-check fresh exit=0,3 -->`). All marked blocks of one file run in order
// in one working directory (a fresh one per file), so a session of plan → apply → status reads as
// it would in a terminal.

export interface DocCommand {
  /** The command line as shown, without the `$ `. */
  shown: string;
  args: string[];
  expected: string[];
  /** Line numbers (0-based) of the expected output in the file: where an update writes. */
  outputFrom: number;
  outputTo: number;
}

export interface DocBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  kind: 'console' | 'file';
  fresh: boolean;
  writeFile: string | null;
  content: string;
  exits: number[] | null;
  env: Record<string, string>;
  commands: DocCommand[];
}

const MARK = /^<!--\s*doc-check\b(.*?)-->\s*$/;
const FENCE = /^(```+|~~~+)\s*([\w-]*)/;
const COMMAND = /^\$ (?:npx )?hyperv-converge(?:\s+(.*))?$/;

/** Shell-like words: whitespace-separated, with '…' and "…" quoting. */
export function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

export function markedBlocks(file: string, text: string): DocBlock[] {
  const lines = text.split('\n');
  const blocks: DocBlock[] = [];
  let lastNonBlank = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = FENCE.exec(line);
    if (!fence) {
      if (line.trim() !== '') lastNonBlank = line.trim();
      continue;
    }
    // A fence: find its end, whatever it is.
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith(fence[1]!)) end++;
    const mark = MARK.exec(lastNonBlank);
    lastNonBlank = '';
    if (mark && !/^\s*skip\b/.test(mark[1]!)) {
      const opts = mark[1]!.trim().split(/\s+/).filter(Boolean);
      const opt = (k: string) => opts.find((o) => o.startsWith(`${k}=`))?.slice(k.length + 1) ?? null;
      const body = lines.slice(i + 1, end);
      const writeFile = opt('file');
      const exits = opt('exit');
      const env = Object.fromEntries((opt('env') ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
      const block: DocBlock = {
        file,
        line: i + 1,
        kind: writeFile ? 'file' : 'console',
        fresh: opts.includes('fresh'),
        writeFile,
        content: body.join('\n') + '\n',
        exits: exits ? exits.split(',').map(Number) : null,
        env,
        commands: [],
      };
      if (!writeFile) {
        if (fence[2] !== 'console') throw new Error(`${file}:${i + 1}: a doc-check block without file= must be a \`\`\`console block`);
        for (let j = 0; j < body.length; j++) {
          const c = COMMAND.exec(body[j]!);
          if (!c) {
            if (block.commands.length === 0) throw new Error(`${file}:${i + 2 + j}: a checked console block starts with a '$ hyperv-converge …' line, not '${body[j]}'`);
            continue;
          }
          let k = j + 1;
          while (k < body.length && !body[k]!.startsWith('$ ')) k++;
          if (k < body.length && !COMMAND.test(body[k]!)) throw new Error(`${file}:${i + 2 + k}: only hyperv-converge commands can be checked: '${body[k]}'`);
          block.commands.push({ shown: body[j]!.slice(2), args: words(c[1] ?? ''), expected: body.slice(j + 1, k), outputFrom: i + 2 + j, outputTo: i + 1 + k });
          j = k - 1;
        }
        if (block.exits && block.exits.length !== block.commands.length) throw new Error(`${file}:${i + 1}: exit= lists ${block.exits.length} code(s) for ${block.commands.length} command(s)`);
      }
      blocks.push(block);
    }
    i = end;
  }
  return blocks;
}

/** Every `hyperv-converge` command line shown in a fenced block, with whether a doc-check marks it. */
export function commandLines(text: string): { line: number; text: string; checked: boolean }[] {
  const lines = text.split('\n');
  const out: { line: number; text: string; checked: boolean }[] = [];
  let lastNonBlank = '';
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE.exec(lines[i]!);
    if (!fence) {
      if (lines[i]!.trim() !== '') lastNonBlank = lines[i]!.trim();
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith(fence[1]!)) end++;
    const marked = MARK.test(lastNonBlank);
    lastNonBlank = '';
    if (['sh', 'bash', 'shell', 'console', 'powershell', 'pwsh', ''].includes(fence[2]!)) {
      for (let j = i + 1; j < end; j++) {
        if (/^(\$ |> |PS> )?(npx )?hyperv-converge\s/.test(lines[j]!.trim()) || /(^|&& )npx hyperv-converge\b/.test(lines[j]!)) out.push({ line: j + 1, text: lines[j]!.trim(), checked: marked });
      }
    }
    i = end;
  }
  return out;
}

/** What must agree: volatile values masked, and each run of concurrent [n/N] step lines as a sorted set. */
export function substance(lines: string[]): string[] {
  const masked = lines.map((l) =>
    l
      .replace(/sha256:[0-9a-f]{64}/g, 'sha256:…')
      .replace(/\(\d+ ms\)/g, '(… ms)')
      .replace(/\d+ s elapsed/g, '… s elapsed')
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
      .replace(/"durationMs":\d+/g, '"durationMs":…')
      .replace(/^\[\d+\/(\d+)\] /, '[n/$1] '),
  );
  const out: string[] = [];
  for (let i = 0; i < masked.length; ) {
    if (!masked[i]!.startsWith('[n/')) {
      out.push(masked[i++]!);
      continue;
    }
    const run: string[] = [];
    while (i < masked.length && masked[i]!.startsWith('[n/')) run.push(masked[i++]!);
    out.push(...run.sort());
  }
  return out;
}

