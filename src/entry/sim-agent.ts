import './dirname-shim.js';
// Bundled to dist/sim-agent/index.js: `node dist/sim-agent/index.js --state <file>` (or env
// HVC_SIM_STATE). Speaks the agent protocol on stdin/stdout; see docs/agent.md.
import { runSimAgent } from '../backends/sim/agent.js';

const i = process.argv.indexOf('--state');
const stateFile = i >= 0 ? process.argv[i + 1] : process.env.HVC_SIM_STATE;
if (!stateFile) {
  process.stderr.write('usage: sim-agent --state <state.json>\n');
  process.exit(2);
}
runSimAgent(
  stateFile,
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, exit: (code) => process.exit(code) },
  // Set by the client for the agent that will observe (simAgentCommand's firstEnv).
  { readAhead: process.env.HVC_SIM_READ_AHEAD === '1' },
).catch((e: unknown) => {
  process.stderr.write(`sim agent failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
