/*
 * Service worker: lets the app open without a network (a ward officer on a phone with a weak
 * signal). Firestore keeps the data in its own offline cache; this only keeps the app's files.
 * - the page (navigations): network first, the cached copy when offline;
 * - /assets/* (hashed, immutable): cache first;
 * - everything else (Firebase APIs on other origins, /api/**, /__/**): not touched.
 */
const CACHE = 'thidua-shell-v1';

async function precache() {
  const cache = await caches.open(CACHE);
  const res = await fetch('/index.html', { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('/index.html', res);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/__/')) return;

  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) caches.open(CACHE).then((c) => c.put('/index.html', res.clone()));
          return res;
        })
        .catch(async () => (await caches.match('/index.html')) ?? Response.error()),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(req).then(
        (hit) =>
          hit ??
          fetch(req).then((res) => {
            if (res.ok) caches.open(CACHE).then((c) => c.put(req, res.clone()));
            return res;
          }),
      ),
    );
  }
});

// Web push (FCM in production): show the notification, and open the app at its link when tapped.
// The payload is FCM's: { notification: { title, body }, data: { link, notificationId } }.
self.addEventListener('push', (event) => {
  let msg = {};
  try {
    msg = event.data ? event.data.json() : {};
  } catch {
    msg = { notification: { title: 'Thi đua CCHC', body: event.data ? event.data.text() : '' } };
  }
  const n = msg.notification || {};
  const data = msg.data || {};
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
  const link = (event.notification.data && event.notification.data.link) || '#/';
  const url = new URL('/' + (link.startsWith('#') ? link : '#/'), self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((list) => {
      const open = list.find((c) => c.url.startsWith(self.location.origin));
      if (open) return open.navigate(url).then((c) => (c || open).focus());
      return self.clients.openWindow(url);
    }),
  );
});
