/** Entry point: gives the shell its Firebase-backed data service. */
import './components/thidua-app.js';
import { firebaseBackend } from './data/firebase-backend.js';
import { firebaseReviewBackend } from './data/firebase-review-backend.js';
import { provideReviewBackend } from './data/provide-review-backend.js';
import { locale } from './i18n/index.js';

document.documentElement.lang = locale();
const app = document.querySelector('thidua-app');
if (app) app.backend = firebaseBackend();
if (app) provideReviewBackend(app, firebaseReviewBackend());

// The built app registers its service worker so it opens offline and offers new versions; the dev server does not.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    import('./app-update.js').then(({ startAppUpdates }) => startAppUpdates()).catch((e: unknown) => console.warn('Service worker not registered', e));
  });
}
