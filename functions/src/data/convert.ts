/** Firestore ↔ domain conversion: Timestamps become epoch milliseconds inside the domain. */
import { Timestamp } from 'firebase-admin/firestore';

export function toDomain(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toMillis();
  if (Array.isArray(value)) return value.map(toDomain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDomain(v)]));
  }
  return value;
}

/** JSON with object keys sorted: Firestore returns map keys in its own order, so plain JSON differs. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
