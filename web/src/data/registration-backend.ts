/**
 * What the registration page needs from Firebase (đăng ký thi đua), as an interface, so the page
 * runs against plain data too. `firebase-registration-backend.ts` implements it; `Backend.registration()`
 * hands it out. Reads follow the documents live; every write is a callable (the rules deny clients).
 */
import type { Registration, RemindRegistrationsInput, SaveRegistrationInput, SignRegistrationInput } from '@thidua/domain';
import type { BackendError, Unsubscribe } from './errors.js';

export interface RegistrationBackend {
  /** The unit's registration, or null while it has none. */
  watchRegistration(orgId: string, movementId: string, unitId: string, next: (r: Registration | null) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** Every unit's registration (reviewers). */
  watchRegistrations(orgId: string, movementId: string, next: (list: Registration[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  save(input: SaveRegistrationInput): Promise<{ status: 'draft'; unsigned: boolean }>;
  sign(input: SignRegistrationInput): Promise<{ status: 'signed' }>;
  remind(input: RemindRegistrationsInput): Promise<{ units: string[]; notified: number }>;
}
