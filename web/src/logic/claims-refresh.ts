/**
 * When the browser must fetch a new ID token to pick up changed claims. Functions stamp
 * `userMeta/{uid}.claimsUpdatedAt` (epoch millis) whenever they set a person's claims; the token
 * says when it was issued (`iat`, whole seconds). A stamp later than the token means the token
 * carries old claims.
 */

/**
 * True when `claimsUpdatedAt` is newer than the token and no refresh was made for it yet.
 * `iat` is rounded down to the second, so a token fetched in the same second as the stamp still
 * looks older: `refreshedFor` (the stamp of the last refresh) keeps that from refreshing again.
 */
export function needsClaimsRefresh(claimsUpdatedAt: number | null, issuedAt: number | null, refreshedFor: number | null): boolean {
  if (claimsUpdatedAt === null || issuedAt === null) return false;
  if (refreshedFor !== null && claimsUpdatedAt <= refreshedFor) return false;
  return claimsUpdatedAt > issuedAt;
}
