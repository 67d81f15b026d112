import type { StandingsData } from './standings-data.js';

/**
 * The Firebase standings data service, loaded with the page that needs it (a lazy chunk: the
 * first page does not carry it). Offline before the chunk was cached it resolves to null with a
 * warning, instead of an unhandled rejection; the page waits.
 */
export function loadStandingsData(): Promise<StandingsData | null> {
  return import('./firebase-standings-data.js').then(
    ({ firebaseStandingsData }) => firebaseStandingsData(),
    (e: unknown) => {
      console.warn('Standings data not loaded', e);
      return null;
    },
  );
}
