/** Entry point: gives the shell its Firebase-backed data service. */
import './components/thidua-app.js';
import { firebaseBackend } from './data/firebase-backend.js';
import { locale } from './i18n/index.js';

document.documentElement.lang = locale();
const app = document.querySelector('thidua-app');
if (app) app.backend = firebaseBackend();
