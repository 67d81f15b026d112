/** Which dossier run may say how it ended (runMayFinish): only the latest, and only if nothing was asked since it started. */
import { describe, expect, it } from 'vitest';
import { DossierStatus, dossierQueued, runMayFinish } from '../src/index.js';

describe('runMayFinish', () => {
  it('lets the run that started last finish', () => {
    expect(runMayFinish({ startedAt: 200, requestedAt: 100 }, 200)).toBe(true);
    expect(runMayFinish(undefined, 200)).toBe(true);
  });

  it('leaves the status to a run that started later', () => {
    expect(runMayFinish({ startedAt: 300, requestedAt: 100 }, 200)).toBe(false);
  });

  it('keeps "queued" when a new act came after the run started: its own run follows', () => {
    expect(runMayFinish({ startedAt: 200, requestedAt: 250 }, 200)).toBe(false);
  });
});

describe('DossierStatus', () => {
  it('reads a status only just queued (the callable writes state and time only)', () => {
    expect(DossierStatus.parse(dossierQueued(5))).toEqual({ state: 'queued', requestedAt: 5, startedAt: null, finishedAt: null, documents: 0 });
  });
});
