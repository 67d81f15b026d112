/** Small statistics and formatting helpers for the benchmarks. */

/** Nearest-rank percentile of a sample (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

export function bytes(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x >= 1024 * 1024) return `${(x / 1024 / 1024).toFixed(2)} MiB`;
  if (x >= 1024) return `${(x / 1024).toFixed(1)} KiB`;
  return `${Math.round(x)} B`;
}

export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  return `${(a / b).toFixed(2)}×`;
}

export const sleep = (msec: number) => new Promise<void>((r) => setTimeout(r, msec));

/** Runs `fn` over `items` with at most `limit` in flight; resolves when all are done. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** JSON with object keys sorted, so two documents compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Stored size of a Firestore document, by Firestore's documented rules (name + fields + 32):
 * strings are UTF-8 bytes + 1, numbers 8, booleans and null 1, map keys as strings.
 */
export function firestoreDocSize(path: string, data: unknown): number {
  const str = (s: string) => Buffer.byteLength(s, 'utf8') + 1;
  const value = (v: unknown): number => {
    if (v === null || v === undefined || typeof v === 'boolean') return 1;
    if (typeof v === 'number') return 8;
    if (typeof v === 'string') return str(v);
    if (Array.isArray(v)) return v.reduce((s: number, x) => s + value(x), 0);
    if (typeof v === 'object' && 'toMillis' in (v as object)) return 8;
    if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).reduce((s, [k, x]) => s + str(k) + value(x), 0);
    return 8;
  };
  const name = path.split('/').reduce((s, seg) => s + str(seg), 0) + 16;
  return name + value(data) + 32;
}
