/** The registration backend over the Firebase JS SDK: live reads of `registrations`, callables for every change. */
import { collection, doc, onSnapshot, type Firestore } from 'firebase/firestore';
import type { Functions } from 'firebase/functions';
import { Registration, callables, paths } from '@thidua/domain';
import type { RegistrationBackend } from './registration-backend.js';
import { plain, toBackendError } from './firestore-values.js';
import { callFunction } from './call.js';

const parse = (data: unknown): Registration | null => {
  const r = Registration.safeParse(plain(data));
  if (!r.success) console.warn('A registration does not match the schema', r.error.issues);
  return r.success ? r.data : null;
};

export function firebaseRegistrationBackend(db: Firestore, functions: Functions): RegistrationBackend {
  const call = <I, O>(name: string, input: I): Promise<O> => callFunction<I, O>(functions, name, input);
  return {
    watchRegistration(orgId, movementId, unitId, next, fail) {
      // A get by id: the rules authorise the unit by the document id, so a missing one reads as null.
      return onSnapshot(
        doc(db, paths.registration(orgId, movementId, unitId)),
        (snap) => next(snap.exists() ? parse(snap.data()) : null),
        (e) => fail(toBackendError(e)),
      );
    },
    watchRegistrations(orgId, movementId, next, fail) {
      return onSnapshot(
        collection(db, paths.registrations(orgId, movementId)),
        (snap) => next(snap.docs.flatMap((d) => parse(d.data()) ?? [])),
        (e) => fail(toBackendError(e)),
      );
    },
    save: (input) => call(callables.saveRegistration, input),
    sign: (input) => call(callables.signRegistration, input),
    remind: (input) => call(callables.remindRegistrations, input),
  };
}
