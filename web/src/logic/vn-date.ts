/** Deadlines as dates in Vietnam time (UTC+7): a deadline is the end of its day there. */
const VN_OFFSET = 7 * 60 * 60 * 1000;

/** "2025-12-31" → 23:59:59.999 of that day in Vietnam, as epoch millis; null for a malformed date. */
export function endOfVnDay(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1) - VN_OFFSET - 1;
  return Number.isFinite(t) ? t : null;
}

/** Epoch millis → "YYYY-MM-DD" of that instant in Vietnam (for <input type="date">). */
export function vnDate(ms: number): string {
  return new Date(ms + VN_OFFSET).toISOString().slice(0, 10);
}
