// Observe through the REAL agent script (dist/agent/hyperv-agent.ps1, in PowerShell 7) over the
// Hyper-V double (__tests__/hyperv-double: the Hyper-V and NetTCPIP modules re-implemented over a
// state file, every cmdlet invocation logged). Per size: one agent process, one observe request on
// its stdin, the answer line's bytes counted as they came over the pipe, and the cmdlets the
// double saw. Needs pwsh (HVC_PWSH, .tools/pwsh/pwsh, or PATH); without it the row says so.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createSimState } from '../../src/backends/sim/state.js';
import { markerLine } from '../../src/core/model/ownership.js';

export interface DoubleRow {
  vms: number;
  cmdletCalls: number;
  byCmdlet: Record<string, number>;
  answerBytes: number;
  bytesPerVm: number;
  wallMs: number;
}

export interface DoubleResult {
  pwsh: string | null;
  rows: DoubleRow[];
  note: string | null;
}

function findPwsh(root: string): string | null {
  const candidates = [process.env.HVC_PWSH, join(root, '.tools', 'pwsh', 'pwsh'), ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((d) => join(d, 'pwsh'))];
  for (const c of candidates) {
    if (!c) continue;
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return null;
}

function observeOnce(pwsh: string, script: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ bytes: number; ok: boolean; ms: number; error?: string }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(pwsh, ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script], { cwd: join(script, '..'), env, stdio: ['pipe', 'pipe', 'pipe'] });
    let buf = Buffer.alloc(0);
    let stderr = '';
    let hello = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ bytes: 0, ok: false, ms: performance.now() - t0, error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.stdout.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10)) {
        const line = buf.subarray(0, nl);
        buf = buf.subarray(nl + 1);
        if (!hello) {
          hello = true;
          child.stdin.write(JSON.stringify({ id: 1, op: 'observe', args: { paths: [], neighbors: false } }) + '\n');
          continue;
        }
        clearTimeout(timer);
        let ok = false;
        try {
          ok = (JSON.parse(line.toString('utf8')) as { ok?: unknown }).ok === true; // PowerShell orders the keys its own way
        } catch {
          /* reported below */
        }
        child.stdin.end();
        resolve({ bytes: line.length + 1, ok, ms: performance.now() - t0, ...(ok ? {} : { error: line.subarray(0, 300).toString('utf8') }) });
        return;
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ bytes: 0, ok: false, ms: performance.now() - t0, error: `agent exited ${code}: ${stderr.trim().split('\n').slice(-2).join(' | ')}` });
    });
  });
}

export async function measureDouble(root: string, dir: string, sizes: number[]): Promise<DoubleResult> {
  const modules = join(root, '__tests__', 'hyperv-double');
  const script = join(root, 'dist', 'agent', 'hyperv-agent.ps1');
  if (!existsSync(modules)) return { pwsh: null, rows: [], note: 'the Hyper-V double (__tests__/hyperv-double/) is not in this checkout: left out.' };
  if (!existsSync(script)) return { pwsh: null, rows: [], note: 'dist/agent/hyperv-agent.ps1 is not built: left out.' };
  const pwsh = findPwsh(root);
  if (!pwsh) return { pwsh: null, rows: [], note: 'no PowerShell 7 (pwsh: HVC_PWSH, .tools/pwsh/pwsh or PATH): left out.' };
  const rows: DoubleRow[] = [];
  for (const n of sizes) {
    const d = join(dir, `double-${n}`);
    mkdirSync(d, { recursive: true });
    const stateFile = join(d, 'host.json');
    const calls = join(d, 'calls.log');
    createSimState(stateFile, {
      computerName: 'BENCH-HV01',
      switches: [{ name: 'lab-net', type: 'External' }],
      vms: Array.from({ length: n }, (_, i) => ({
        name: `vm-${String(i).padStart(5, '0')}`,
        state: i % 3 === 0 ? 'Off' : 'Running',
        notes: markerLine('bench'),
        path: 'D:\\Hyper-V\\bench',
        adapters: [{ name: 'Network Adapter', switch: 'lab-net', mac: '00155D' + i.toString(16).toUpperCase().padStart(6, '0'), dynamicMac: true, ips: [] }],
      })),
    });
    const env = { PATH: process.env.PATH, HOME: d, PSModulePath: modules, HVC_DOUBLE_STATE: stateFile, HVC_DOUBLE_ROOT: join(d, 'host'), HVC_DOUBLE_CALLS: calls, COMPUTERNAME: 'BENCH-HV01' };
    const r = await observeOnce(pwsh, script, env, 300_000);
    if (!r.ok) return { pwsh, rows, note: `observe of ${n} VMs through the double failed: ${r.error ?? 'no answer'}` };
    const byCmdlet: Record<string, number> = {};
    if (existsSync(calls)) {
      for (const line of readFileSync(calls, 'utf8').split('\n')) {
        const name = line.split(' ')[1];
        if (name) byCmdlet[name] = (byCmdlet[name] ?? 0) + 1;
      }
    }
    const cmdletCalls = Object.values(byCmdlet).reduce((a, b) => a + b, 0);
    rows.push({ vms: n, cmdletCalls, byCmdlet, answerBytes: r.bytes, bytesPerVm: n ? r.bytes / n : 0, wallMs: r.ms });
  }
  return { pwsh, rows, note: null };
}
