/** Pure helpers over a movement: which one to show, its sections, periods and bands. */
import type { Criterion, Movement, Period } from '@thidua/domain';

export interface MovementEntry {
  id: string;
  movement: Movement;
}

/**
 * Which movement the pages show when a ward has several (a new one every year): one that is running
 * (open, then appraisal, then council), else one published for registration, else the latest closed,
 * else a draft. Within a phase the latest (by its first period's start), then by id, so the choice is stable.
 */
const PICK_ORDER: readonly Movement['status'][] = ['open', 'appraisal', 'council', 'published', 'closed', 'draft'];
const startOf = (m: Movement) => Math.min(...m.periods.map((p) => p.start));
export function pickMovement(list: MovementEntry[]): MovementEntry | null {
  const sorted = [...list].sort(
    (a, b) =>
      PICK_ORDER.indexOf(a.movement.status) - PICK_ORDER.indexOf(b.movement.status) || startOf(b.movement) - startOf(a.movement) || a.id.localeCompare(b.id),
  );
  return sorted[0] ?? null;
}

/** Criteria grouped by `group`, in the order the plan lists them. */
export function groupCriteria(criteria: Criterion[]): { group: string; items: Criterion[] }[] {
  const groups: { group: string; items: Criterion[] }[] = [];
  for (const c of criteria) {
    const last = groups.find((g) => g.group === c.group);
    if (last) last.items.push(c);
    else groups.push({ group: c.group, items: [c] });
  }
  return groups;
}

export function currentPeriod(movement: Movement): Period | undefined {
  return movement.periods.find((p) => p.id === movement.currentPeriodId);
}

export function previousPeriodId(movement: Movement, periodId: string): string | null {
  const i = movement.periods.findIndex((p) => p.id === periodId);
  return i > 0 ? movement.periods[i - 1]!.id : null;
}

/** Scores carry the band's Vietnamese name; English looks it up in the movement's bands. */
export function bandText(movement: Pick<Movement, 'bands'> | null | undefined, bandVi: string, locale: 'vi' | 'en'): string {
  if (locale === 'vi' || !movement) return bandVi;
  return movement.bands.find((b) => b.vi === bandVi)?.en || bandVi;
}
