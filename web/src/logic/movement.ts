/** Pure helpers over a movement: which one to show, its sections, periods and bands. */
import type { Criterion, Movement, Period } from '@thidua/domain';

export interface MovementEntry {
  id: string;
  movement: Movement;
}

/** The open movement, else the first one (by id, so the choice is stable). */
export function pickMovement(list: MovementEntry[]): MovementEntry | null {
  const sorted = [...list].sort((a, b) => a.id.localeCompare(b.id));
  return sorted.find((m) => m.movement.status === 'open') ?? sorted[0] ?? null;
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
