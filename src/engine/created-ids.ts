// A VM created in this run has no id when the plan is made, so its later steps carry id ''. This
// wraps the runner to fill in the id the create step returned, per VM name. One apply's steps of one
// VM run in order, so the create's answer is there before the VM's next step is sent.
import type { HostOperation } from '../core/plan/operations.js';
import type { OperationRunner } from '../core/ports.js';

export function bindCreatedIds(runner: OperationRunner): OperationRunner {
  const ids = new Map<string, string>();
  return {
    async run(op: HostOperation, timeoutMs: number) {
      let sent = op;
      if (op.op !== 'vm.create' && 'id' in op.args && op.args.id === '' && ids.has(op.args.name)) {
        sent = { ...op, args: { ...op.args, id: ids.get(op.args.name)! } } as HostOperation;
      }
      const out = await runner.run(sent, timeoutMs);
      if (op.op === 'vm.create' && out.ok) {
        const id = (out.result as { id?: unknown } | null)?.id;
        if (typeof id === 'string' && id) ids.set(op.args.name, id);
      }
      return out;
    },
    close: () => runner.close(),
  };
}
