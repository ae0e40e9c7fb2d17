// Writes src/generated/*.ts (ajv standalone code of the config and artifact schemas):
// bundles scripts/validators.ts with ncc (it imports the TypeScript schemas) and runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'build', 'gen-validators');
const entry = join(root, 'build', 'gen-validators-entry.ts');
// build/ is git-ignored: a fresh clone has none.
mkdirSync(dirname(entry), { recursive: true });
writeFileSync(entry, "export { validatorsSources } from '../scripts/validators.js';\n");
const r = spawnSync(join(root, 'node_modules', '.bin', 'ncc'), ['build', entry, '-o', out, '--quiet', '--transpile-only', '--target', 'es2023'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const { validatorsSources } = await import(pathToFileURL(join(out, 'index.js')).href);
for (const [path, text] of Object.entries(validatorsSources())) {
  const file = join(root, path);
  let old = null;
  try {
    old = readFileSync(file, 'utf8');
  } catch {
    /* first generation */
  }
  if (old !== text) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    process.stderr.write(`gen-validators: wrote ${path}\n`);
  }
}
