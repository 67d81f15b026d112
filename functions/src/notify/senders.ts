/**
 * Push senders. FCM has no emulator: production sends through firebase-admin messaging, the local
 * emulators and tests use a recording sender whose payloads land in the `pushLog` collection.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { getMessaging } from 'firebase-admin/messaging';

import { refs } from '../data/refs.js';

export interface PushPayload {
  title: string;
  body: string;
  link: string;
  notificationId: string;
}

export interface PushSender {
  /** Sends to the tokens; returns the tokens FCM rejected as no longer valid. */
  send(tokens: string[], payload: PushPayload): Promise<{ invalidTokens: string[] }>;
}

const DEAD_TOKEN_CODES = new Set(['messaging/registration-token-not-registered', 'messaging/invalid-registration-token', 'messaging/invalid-argument']);

export class FcmSender implements PushSender {
  async send(tokens: string[], payload: PushPayload) {
    if (tokens.length === 0) return { invalidTokens: [] };
    const res = await getMessaging().sendEachForMulticast({
      tokens,
      notification: { title: payload.title, body: payload.body },
      data: { link: payload.link, notificationId: payload.notificationId },
      webpush: { fcmOptions: { link: payload.link } },
    });
    const invalidTokens = res.responses.flatMap((r, i) => (!r.success && r.error && DEAD_TOKEN_CODES.has(r.error.code) ? [tokens[i]!] : []));
    return { invalidTokens };
  }
}

/** Records every payload; tokens starting with "invalid-" are rejected, as FCM would reject stale ones. */
export class RecordingSender implements PushSender {
  constructor(private readonly db: Firestore) {}
  async send(tokens: string[], payload: PushPayload) {
    if (tokens.length === 0) return { invalidTokens: [] };
    await refs(this.db).pushLog().doc(`${payload.notificationId}`).set({ tokens, payload, at: Date.now() });
    return { invalidTokens: tokens.filter((t) => t.startsWith('invalid-')) };
  }
}
