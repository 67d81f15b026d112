/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_FIREBASE_PROJECT_ID?: string;
  readonly VITE_FIREBASE_API_KEY?: string;
  readonly VITE_FIREBASE_AUTH_DOMAIN?: string;
  readonly VITE_FIREBASE_APP_ID?: string;
  readonly VITE_FIREBASE_MESSAGING_SENDER_ID?: string;
  readonly VITE_FIREBASE_STORAGE_BUCKET?: string;
  /** Web push certificate key pair (Firebase console → Cloud Messaging), for FCM tokens. */
  readonly VITE_FIREBASE_VAPID_KEY?: string;
  /** The functions' region when not the default (functions/src/config.ts). */
  readonly VITE_FUNCTIONS_REGION?: string;
  readonly VITE_EMULATOR_AUTH_PORT?: string;
  readonly VITE_EMULATOR_FIRESTORE_PORT?: string;
  readonly VITE_EMULATOR_FUNCTIONS_PORT?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
