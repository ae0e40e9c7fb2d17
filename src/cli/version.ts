// The version `--version` prints: package.json's, bundled at build time.
import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = (pkg as { version: string }).version;
