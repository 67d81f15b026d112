/**
 * How the standings triggers fail. They run with retries on (a transient failure — contention past
 * the transaction's attempts, an unavailable backend, an instance that died — is delivered again,
 * and the step is idempotent), so a failure that can never succeed must not be thrown: stored data
 * that does not parse is logged as a structured error naming the document, and the run ends. The
 * nightly reconcile (reconcile.ts) repairs whatever is left.
 */
import { ZodError } from 'zod';
import { issuesMessage } from '@thidua/domain';

export async function retryingTransient(what: Record<string, string>, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (!(e instanceof ZodError)) throw e; // transient, or unknown: let the platform deliver it again
    console.error(
      JSON.stringify({ severity: 'ERROR', message: 'standings: stored data does not parse, not retried', ...what, issues: issuesMessage(e.issues) }),
    );
  }
}
