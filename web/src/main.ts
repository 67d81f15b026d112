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

// The built app registers its service worker so it opens offline; the dev server does not.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((e: unknown) => console.warn('Service worker not registered', e));
  });
}
