import { describe, expect, it } from 'vitest';
import { needsClaimsRefresh } from '../src/logic/claims-refresh.js';

const T = Date.UTC(2025, 9, 1, 8, 0, 0);

describe('needsClaimsRefresh', () => {
  it('refreshes when the claims changed after the token was issued', () => {
    expect(needsClaimsRefresh(T + 5_000, T, null)).toBe(true);
  });

  it('does not refresh when the token is newer than the change', () => {
    expect(needsClaimsRefresh(T, T + 1_000, null)).toBe(false);
    expect(needsClaimsRefresh(T, T, null)).toBe(false);
  });

  it('refreshes only once for a stamp, even when the new token still looks older (iat in whole seconds)', () => {
    // Stamped at .500 s, refreshed within the same second: the new token's iat is T, still < stamp.
    expect(needsClaimsRefresh(T + 500, T, T + 500)).toBe(false);
  });

  it('refreshes again for a later change', () => {
    expect(needsClaimsRefresh(T + 9_000, T, T + 500)).toBe(true);
  });

  it('does nothing without a stamp or without a token time', () => {
    expect(needsClaimsRefresh(null, T, null)).toBe(false);
    expect(needsClaimsRefresh(T + 5_000, null, null)).toBe(false);
  });
});
