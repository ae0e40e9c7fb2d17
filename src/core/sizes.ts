// Sizes as people write them (`512MB`, `4GB`, `1.5TB`) to bytes and back. Binary multiples, the way
// Hyper-V's own `4GB` literals mean them (PowerShell's GB is 2^30).

const UNITS: Record<string, number> = { B: 1, KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 };
export const SIZE_PATTERN = '^[0-9]+(\\.[0-9]+)?\\s*(B|KB|MB|GB|TB)$';

export function parseSize(text: string): number | null {
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*(B|KB|MB|GB|TB)$/i.exec(text.trim());
  if (!m) return null;
  const bytes = Number(m[1]) * UNITS[m[2]!.toUpperCase()]!;
  return Number.isSafeInteger(bytes) ? bytes : null;
}

const LARGEST_FIRST = ['TB', 'GB', 'MB', 'KB'] as const;

export function formatSize(bytes: number): string {
  for (const u of LARGEST_FIRST) {
    const n = bytes / UNITS[u]!;
    if (n >= 1 && Number.isInteger(n * 100)) return `${Number.isInteger(n) ? n : +n.toFixed(2)}${u}`; // toFixed only for a fraction
  }
  return `${bytes}B`;
}
