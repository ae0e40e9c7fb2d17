// Names and notes holding quotes, $(), backticks, semicolons, newlines and non-ASCII: either the
// config rejects them with a clear, located message, or they travel as data through plan, the agent
// protocol and the simulated host, and come back byte for byte.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dump } from 'js-yaml';
import { parseConfig } from '../../src/core/config/load.js';
import { HvcError } from '../../src/core/errors.js';
import { userNotes } from '../../src/core/model/ownership.js';
import { ensureSimAgentBundle, makeLab } from './scenario.js';

const HOSTILE = [
  `it's`,
  `say "hi"`,
  '$(Remove-VM -Name * -Force)',
  '$(calc)',
  '`whoami`',
  'a; Remove-Item C:\\ -Recurse',
  'x;y',
  "O'Brien $(whoami) ; echo pwned",
  'line1\nline2',
  'tab\there',
  'naïve-ü-日本-🚀',
  "'; DROP TABLE vms; --",
  '${env:PATH}',
  '@{a=1}',
  '& calc.exe',
  '| Out-Null',
  '%PATH%',
  '-Force',
  '\u202eevil',
  'nul\u0000byte',
];

const figures = { names: 0, namesRejected: 0, namesCarried: 0, notes: 0, notesRejected: 0, notesCarried: 0 };
beforeAll(() => ensureSimAgentBundle());
afterAll(() => {
  process.stdout.write(`hostile value figures: ${JSON.stringify(figures)}\n`);
});

function configWith(vm: Record<string, unknown>): string {
  return dump(
    {
      version: 1,
      project: 'lab',
      defaults: { generation: 2, cpus: 2, memory: '2GB', switch: 'lab-net', image: 'D:\\images\\base.vhdx', disk: { strategy: 'differencing' }, path: 'D:\\Hyper-V\\lab' },
      vms: [vm],
    },
    { lineWidth: -1 },
  );
}

describe.each(HOSTILE.map((s) => [JSON.stringify(s), s]))('value %s', (_label, value) => {
  it('as a VM name: rejected with a located message, or created under exactly that name and then stable', async () => {
    figures.names++;
    const text = configWith({ name: value });
    let accepted = true;
    try {
      parseConfig(text, 'vms.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(HvcError);
      const problem = (e as HvcError).problems.find((p) => p.path === '/vms/0/name');
      expect(problem).toBeDefined();
      expect(problem!.line).toBeGreaterThan(0);
      expect(problem!.message.length).toBeGreaterThan(20);
      accepted = false;
      figures.namesRejected++;
    }
    if (!accepted) return;
    const lab = makeLab({ config: text });
    try {
      const out = await lab.run('create');
      expect(out.result.steps.map((s) => s.outcome)).toEqual(['succeeded', 'succeeded']);
      const vm = lab.host().vms.find((v) => v.name === value);
      expect(vm).toBeDefined();
      expect(vm!.disks[0]!.path).toContain(value); // the disk file is named after the VM, as data
      const again = await lab.run('again');
      expect(again.plan!.steps).toEqual([]);
      expect(lab.host().vms.filter((v) => v.name === value)).toHaveLength(1);
      figures.namesCarried++;
    } finally {
      lab.cleanup();
    }
  });

  it('as notes: rejected with a located message, or written to the VM byte for byte', async () => {
    figures.notes++;
    const text = configWith({ name: 'web-9', notes: value });
    try {
      parseConfig(text, 'vms.yaml');
    } catch (e) {
      expect(e).toBeInstanceOf(HvcError);
      expect((e as HvcError).problems.some((p) => p.path === '/vms/0/notes' && p.message.length > 20)).toBe(true);
      figures.notesRejected++;
      return;
    }
    const lab = makeLab({ config: text });
    try {
      await lab.run('create');
      const vm = lab.host().vms.find((v) => v.name === 'web-9')!;
      expect(userNotes(vm.notes)).toBe(value);
      expect((await lab.run('again')).plan!.steps).toEqual([]);
      figures.notesCarried++;
    } finally {
      lab.cleanup();
    }
  });
});
