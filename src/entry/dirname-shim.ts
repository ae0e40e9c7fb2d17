// ssh2's bundled poly1305 (emscripten) reads __dirname, which ESM lacks. This module must be the
// first import of every bundled entry so the globals exist before any dependency evaluates.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const g = globalThis as { __filename?: string; __dirname?: string };
g.__filename ??= here;
g.__dirname ??= dirname(here);
