/**
 * The one way the web calls a Cloud Function: undefined fields dropped (the SDK refuses them), and
 * any failure turned into a BackendError carrying the server's words.
 */
import { httpsCallable, type Functions } from 'firebase/functions';
import { toBackendError, withoutUndefined } from './firestore-values.js';

export async function callFunction<I, O>(functions: Functions, name: string, input: I): Promise<O> {
  try {
    return (await httpsCallable<I, O>(functions, name)(withoutUndefined(input))).data;
  } catch (e) {
    throw toBackendError(e);
  }
}
