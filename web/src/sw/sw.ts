/*
 * The service worker, built by vite-plugin-pwa (injectManifest): Workbox puts the list of every
 * built file, each with its revision, into self.__WB_MANIFEST at build time, so the app opens
 * offline with all its code (the lazily loaded pages too) and a new deployment is a new list.
 * A ward officer on a phone with a weak signal keeps working: Firestore keeps the data in its own
 * offline cache, this keeps the app's files.
 * - precached files (hashed /assets/*, index.html, icons, manifest): from the cache;
 * - a navigation: the precached index.html (the app routes by #hash);
 * - everything else (Firebase APIs on other origins, /api/**, /__/**): not touched.
 * The new version waits until the page asks it to take over (the "Tải lại" prompt), so a form
 * being filled is never reloaded under the person's hands.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/__\//] }));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // The first version takes the open page at once, so it works offline from the first visit.
  event.waitUntil(self.clients.claim());
});

// Web push (FCM in production): show the notification, and open the app at its link when tapped.
// The payload is FCM's: { notification: { title, body }, data: { link, notificationId } }.
interface PushPayload {
  notification?: { title?: string; body?: string };
  data?: { link?: string; notificationId?: string };
}

self.addEventListener('push', (event) => {
  let msg: PushPayload = {};
  try {
    msg = event.data ? (event.data.json() as PushPayload) : {};
  } catch {
    msg = { notification: { title: 'Thi đua CCHC', body: event.data ? event.data.text() : '' } };
  }
  const n = msg.notification ?? {};
  const data = msg.data ?? {};
  event.waitUntil(
    self.registration.showNotification(n.title || 'Thi đua CCHC', {
      body: n.body || '',
      tag: data.notificationId || undefined,
      data: { link: data.link || '#/' },
      lang: 'vi',
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const stored = (event.notification.data as { link?: string } | null)?.link;
  const link = stored || '#/';
  const url = new URL('/' + (link.startsWith('#') ? link : '#/'), self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (list) => {
      const open = list.find((c) => c.url.startsWith(self.location.origin));
      if (open) return ((await open.navigate(url)) ?? open).focus();
      return self.clients.openWindow(url);
    }),
  );
});
