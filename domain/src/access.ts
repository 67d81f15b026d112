/** Who may see what, as pure predicates: the functions' checks mirror firestore.rules. */
import type { Claims } from './schemas.js';

export const REVIEWER_ROLES = ['secretariat', 'council', 'chair'] as const;

export function isReviewer(claims: Pick<Claims, 'roles'>): boolean {
  return claims.roles.some((r) => (REVIEWER_ROLES as readonly string[]).includes(r));
}

/** Unit members read their unit's data; reviewers read every unit's. */
export function canReadUnitData(claims: Claims, orgId: string, unitId: string): boolean {
  return claims.org === orgId && (claims.units[unitId] !== undefined || isReviewer(claims));
}

/** Only the unit's own staff and head add evidence to it. */
export function canWriteUnitData(claims: Claims, orgId: string, unitId: string): boolean {
  return claims.org === orgId && claims.units[unitId] !== undefined;
}
