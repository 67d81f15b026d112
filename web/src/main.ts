/** Entry point: gives the shell its Firebase-backed data service. */
import './components/thidua-app.js';
import { firebaseBackend } from './data/firebase-backend.js';
import { refreshClaimsWhenChanged } from './data/claims-refresh.js';
import { locale } from './i18n/index.js';

document.documentElement.lang = locale();
const app = document.querySelector('thidua-app');
if (app) {
  app.backend = firebaseBackend();
  refreshClaimsWhenChanged();
}

// The built app registers its service worker so it opens offline; the dev server does not.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((e: unknown) => console.warn('Service worker not registered', e));
  });
}
