import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { retryingTransient } from '../src/standings/retry.js';

describe('retryingTransient (the standings triggers, with retries on)', () => {
  it('rethrows a transient failure, so the platform delivers the event again', async () => {
    const aborted = Object.assign(new Error('10 ABORTED: too much contention'), { code: 10 });
    await expect(retryingTransient({ reportId: 'r' }, () => Promise.reject(aborted))).rejects.toBe(aborted);
  });

  it('ends a run whose stored data can never parse, with a structured error naming it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bad = z.object({ status: z.enum(['open']) }).safeParse({ status: 'x' });
    await expect(retryingTransient({ orgId: 'o', reportId: 'r' }, () => Promise.reject(bad.error))).resolves.toBeUndefined();
    const entry = JSON.parse(String(log.mock.calls[0]?.[0])) as Record<string, string>;
    expect(entry).toMatchObject({ severity: 'ERROR', orgId: 'o', reportId: 'r', message: 'standings: stored data does not parse, not retried' });
    log.mockRestore();
  });
});
