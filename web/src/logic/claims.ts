/** Custom claims as the app uses them. */
import { Claims, type UnitRole } from '@thidua/domain';

/** Parses the token's claims; null when the account has not been given a place in an organisation. */
export function readClaims(raw: Record<string, unknown>): Claims | null {
  const r = Claims.safeParse({ org: raw['org'], roles: raw['roles'] ?? [], units: raw['units'] ?? {} });
  return r.success ? r.data : null;
}

/** The person's units, sorted by id so the default unit is stable. */
export function unitsOf(claims: Claims | null): { unitId: string; role: UnitRole }[] {
  if (!claims) return [];
  return Object.entries(claims.units)
    .map(([unitId, role]) => ({ unitId, role }))
    .sort((a, b) => a.unitId.localeCompare(b.unitId));
}
