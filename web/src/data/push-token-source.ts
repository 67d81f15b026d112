/**
 * Where a browser's push token comes from. Production: Firebase Cloud Messaging (getToken with the
 * app's service worker, /sw.js). Emulators and demo: FCM does not exist, so a recognisable demo
 * token ("demo-web-…") is registered instead; the recording push sender logs what it would send.
 */
import type { FirebaseApp } from 'firebase/app';
import { demoPushToken, type PushTokenKind } from '@thidua/domain';

export interface PushTokenSource {
  kind: PushTokenKind;
  getToken(): Promise<string>;
  /** Forgets the token on the push service's side (FCM); the demo has nothing to forget. */
  deleteToken(): Promise<void>;
}

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const demoTokenSource = (): PushTokenSource => ({
  kind: 'demo',
  getToken: async () => demoPushToken(randomId),
  deleteToken: async () => undefined,
});

/** FCM, loaded only when used so the demo build never pulls the messaging SDK into the first page. */
export const fcmTokenSource = (app: FirebaseApp, vapidKey: string | undefined): PushTokenSource => ({
  kind: 'fcm',
  async getToken() {
    const { getMessaging, getToken, isSupported } = await import('firebase/messaging');
    if (!(await isSupported())) throw new Error('Trình duyệt không hỗ trợ thông báo đẩy. / This browser does not support push.');
    const serviceWorkerRegistration = await navigator.serviceWorker.register('/sw.js');
    return getToken(getMessaging(app), { vapidKey, serviceWorkerRegistration });
  },
  async deleteToken() {
    const { getMessaging, deleteToken } = await import('firebase/messaging');
    await deleteToken(getMessaging(app));
  },
});
