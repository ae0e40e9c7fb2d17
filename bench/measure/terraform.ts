// The anchor: `terraform plan` over N `terraform_data` resources (built into Terraform: no provider
// to download, so `terraform init` works offline) — Terraform's own core with a provider that costs
// nothing, a floor under any Terraform provider. Beside it, the Terraform Hyper-V provider's launch
// pattern, computed (it cannot run here): per VM refresh ~9 PowerShell scripts of ~6 process
// launches each, two of the six loading the Hyper-V module (~2 s, Vagrant #10521) and four trivial;
// Terraform refreshes 10 resources at once (-parallelism default 10), one resource's scripts in turn.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { median, runCommand } from './run.js';

export const TF_PATTERN = { scriptsPerVm: 9, moduleLaunchesPerScript: 2, trivialLaunchesPerScript: 4, moduleLaunchS: 2, trivialLaunchS: 0.3, parallelism: 10 };

export interface TerraformRow {
  vms: number;
  /** Measured `terraform plan`; null when not run (no terraform, or the size skipped). */
  planMs: number | null;
  peakRssBytes: number | null;
  note?: string;
}

export interface TerraformResult {
  binary: string | null;
  version: string | null;
  rows: TerraformRow[];
  note: string | null;
}

export function computedProvider(n: number): { moduleLaunches: number; trivialLaunches: number; perVmS: number; wallS: number; serialS: number } {
  const p = TF_PATTERN;
  const perVmS = p.scriptsPerVm * (p.moduleLaunchesPerScript * p.moduleLaunchS + p.trivialLaunchesPerScript * p.trivialLaunchS);
  return {
    moduleLaunches: n * p.scriptsPerVm * p.moduleLaunchesPerScript,
    trivialLaunches: n * p.scriptsPerVm * p.trivialLaunchesPerScript,
    perVmS,
    wallS: Math.ceil(n / p.parallelism) * perVmS,
    serialS: n * perVmS,
  };
}

function findTerraform(): string | null {
  for (const d of (process.env.PATH ?? '').split(delimiter)) {
    const f = join(d, 'terraform');
    if (d && existsSync(f)) return f;
  }
  return null;
}

export function measureTerraform(dir: string, sizes: number[], budgetMs: number, runs = 3): TerraformResult {
  const tf = findTerraform();
  if (!tf) return { binary: null, version: null, rows: sizes.map((vms) => ({ vms, planMs: null, peakRssBytes: null })), note: 'no `terraform` on PATH: the measured column is left out.' };
  const env = { PATH: process.env.PATH, HOME: dir, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: join(dir, 'terraformrc') };
  writeFileSync(join(dir, 'terraformrc'), '');
  let version: string | null = null;
  try {
    version = (JSON.parse(execFileSync(tf, ['version', '-json'], { env, encoding: 'utf8' })) as { terraform_version: string }).terraform_version;
  } catch {
    /* shown as unknown */
  }
  const rows: TerraformRow[] = [];
  for (const n of sizes) {
    const d = join(dir, `tf-${n}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'main.tf'), `resource "terraform_data" "vm" {\n  count = ${n}\n  input = { name = "vm-\${count.index}", cpus = 2, memory = 2048 }\n}\n`);
    const init = runCommand(tf, ['init', '-input=false', '-no-color'], { cwd: d, env, timeoutMs: 120_000 });
    if (init.exitCode !== 0) {
      rows.push({ vms: n, planMs: null, peakRssBytes: null, note: `terraform init failed: ${init.stderr.trim().split('\n').slice(-1)[0] ?? ''}` });
      continue;
    }
    const times: number[] = [];
    const rss: number[] = [];
    let note: string | undefined;
    for (let i = 0; i < (n >= 10_000 ? 1 : runs); i++) {
      const r = runCommand(tf, ['plan', '-input=false', '-no-color', '-lock=false'], { cwd: d, env, timeoutMs: budgetMs });
      if (r.exitCode !== 0) {
        note = r.wallMs >= budgetMs ? `did not finish within ${Math.round(budgetMs / 60_000)} min` : `terraform plan exited ${r.exitCode}`;
        break;
      }
      times.push(r.wallMs);
      if (r.peakRssBytes !== null) rss.push(r.peakRssBytes);
    }
    rows.push({ vms: n, planMs: times.length ? median(times) : null, peakRssBytes: rss.length ? median(rss) : null, ...(note ? { note } : {}) });
  }
  return { binary: tf, version, rows, note: null };
}
