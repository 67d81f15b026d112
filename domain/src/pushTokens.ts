/**
 * Push tokens: one document per browser that agreed to receive pushes, under the member it belongs
 * to (orgs/{org}/members/{uid}/pushTokens/{token}). The owner creates and deletes them from the app;
 * functions read them to push and drop those FCM rejects.
 */
import { z } from 'zod';
import { Millis } from './schemas.js';

/** What a token id may look like: FCM tokens are letters, digits, "-", "_" and ":" (rules: same pattern). */
export const PushTokenId = z.string().regex(/^[A-Za-z0-9_:.-]{8,1000}$/, 'Mã nhận thông báo đẩy không hợp lệ');

/** `demo` tokens stand in for FCM where it does not exist (emulators, tests); they start with `demo-`. */
export const PushTokenKind = z.enum(['fcm', 'demo']);
export type PushTokenKind = z.infer<typeof PushTokenKind>;

/** orgs/{org}/members/{uid}/pushTokens/{token}: rules helper `isValidPushToken`. */
export const PushToken = z.object({
  /** Equal to the document id. */
  token: PushTokenId,
  kind: PushTokenKind,
  createdAt: Millis,
  userAgent: z.string().max(300).optional(),
});
export type PushToken = z.infer<typeof PushToken>;

/** A recognisable demo token: never sent anywhere, the recording sender only logs it. */
export function demoPushToken(random: () => string): string {
  return `demo-web-${random()}`;
}
