/**
 * The only initializeApp of the web app. Locally (localhost, 127.0.0.1) it talks to the Firebase
 * emulators under the `demo-thidua` project, which reaches no real project; a production build
 * reads its config from VITE_FIREBASE_* variables.
 */
import { initializeApp, type FirebaseApp, type FirebaseOptions } from 'firebase/app';
import { connectAuthEmulator, getAuth, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, initializeFirestore, persistentLocalCache, persistentMultipleTabManager, type Firestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, type Functions } from 'firebase/functions';
import { DEFAULT_FUNCTIONS_REGION } from '@thidua/domain';

const demoConfig: FirebaseOptions = {
  projectId: 'demo-thidua',
  apiKey: 'demo-api-key',
  authDomain: 'demo-thidua.firebaseapp.com',
};

function configFromEnv(): FirebaseOptions | null {
  const env = import.meta.env;
  if (!env.VITE_FIREBASE_PROJECT_ID || !env.VITE_FIREBASE_API_KEY) return null;
  return {
    projectId: env.VITE_FIREBASE_PROJECT_ID,
    apiKey: env.VITE_FIREBASE_API_KEY,
    authDomain: env.VITE_FIREBASE_AUTH_DOMAIN || `${env.VITE_FIREBASE_PROJECT_ID}.firebaseapp.com`,
    appId: env.VITE_FIREBASE_APP_ID || undefined,
    messagingSenderId: env.VITE_FIREBASE_MESSAGING_SENDER_ID || undefined,
    storageBucket: env.VITE_FIREBASE_STORAGE_BUCKET || undefined,
  };
}

const isLocalHost = (host: string): boolean => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

export interface FirebaseServices {
  app: FirebaseApp;
  auth: Auth;
  db: Firestore;
  functions: Functions;
  emulated: boolean;
}

let services: FirebaseServices | null = null;

export function firebaseServices(): FirebaseServices {
  if (services) return services;
  const emulated = isLocalHost(location.hostname);
  // On localhost the demo project is used even when VITE_FIREBASE_* is set: local never reaches production.
  const app = initializeApp(emulated ? demoConfig : (configFromEnv() ?? demoConfig));
  const auth = getAuth(app);
  // Drafts survive reloads and offline spells: writes queue in IndexedDB and sync when back online.
  const db = initializeFirestore(app, { localCache: persistentLocalCache({ tabManager: persistentMultipleTabManager() }) });
  // The functions' region (functions/src/config.ts); a deployment in another region sets VITE_FUNCTIONS_REGION.
  const functions = getFunctions(app, import.meta.env.VITE_FUNCTIONS_REGION || DEFAULT_FUNCTIONS_REGION);
  if (emulated) {
    // Ports follow firebase.json; a port-shifted test run (scripts/emu-run.mjs) builds with its own.
    const env = import.meta.env;
    const port = (v: string | undefined, fallback: number): number => (v && /^\d+$/.test(v) ? Number(v) : fallback);
    connectAuthEmulator(auth, `http://127.0.0.1:${port(env.VITE_EMULATOR_AUTH_PORT, 9099)}`, { disableWarnings: true });
    connectFirestoreEmulator(db, '127.0.0.1', port(env.VITE_EMULATOR_FIRESTORE_PORT, 8080));
    connectFunctionsEmulator(functions, '127.0.0.1', port(env.VITE_EMULATOR_FUNCTIONS_PORT, 5001));
  }
  services = { app, auth, db, functions, emulated };
  return services;
}
