import type { Messages } from '../i18n/index.js';

/** Auth error codes → the sentence a ward officer reads. */
export function signInErrorText(code: string, m: Messages): string {
  switch (code) {
    case 'invalid-credential':
    case 'invalid-login-credentials':
    case 'wrong-password':
    case 'user-not-found':
      return m.errWrongCredentials;
    case 'invalid-email':
      return m.errInvalidEmail;
    case 'too-many-requests':
      return m.errTooManyRequests;
    case 'network-request-failed':
      return m.errNetwork;
    case 'user-disabled':
      return m.errUserDisabled;
    default:
      return m.errSignInOther(code);
  }
}
