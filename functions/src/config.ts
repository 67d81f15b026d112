/**
 * The functions' configuration, in one place. Locally the emulator reads `functions/.env.demo-thidua`
 * (object store on disk); a deployed project keeps the defaults (Cloud Storage).
 */
import { setGlobalOptions } from 'firebase-functions/v2';
import { defineInt, defineString } from 'firebase-functions/params';
import { DEFAULT_FUNCTIONS_REGION } from '@thidua/domain';

/**
 * Where every function runs: near the ward (Singapore) unless FUNCTIONS_REGION says otherwise. The web
 * client (VITE_FUNCTIONS_REGION), the Hosting rewrite in firebase.json and the tests use the same default.
 * Set here, before any function is defined: index.ts imports this module first.
 */
export const FUNCTIONS_REGION = defineString('FUNCTIONS_REGION', { default: DEFAULT_FUNCTIONS_REGION });
setGlobalOptions({ region: FUNCTIONS_REGION });

/** 'cloud-storage' (production) or 'disk' (local emulators, tests). */
export const OBJECT_STORE = defineString('OBJECT_STORE', { default: 'cloud-storage' });
/** Directory of the disk object store, relative to the functions folder. */
export const OBJECT_STORE_DIR = defineString('OBJECT_STORE_DIR', { default: '../.data/storage' });
/** 'fcm' (production) or 'recording' (local emulators, tests). */
export const PUSH_SENDER = defineString('PUSH_SENDER', { default: 'fcm' });
/** Days before a deadline when units are reminded, and when reminders go to the unit head too. */
export const REMIND_DAYS = defineInt('REMIND_DAYS', { default: 7 });
export const ESCALATE_DAYS = defineInt('ESCALATE_DAYS', { default: 2 });
