/**
 * The functions' configuration, in one place. Locally the emulator reads `functions/.env.demo-thidua`
 * (object store on disk); a deployed project keeps the defaults (Cloud Storage).
 */
import { defineString } from 'firebase-functions/params';

/** 'cloud-storage' (production) or 'disk' (local emulators, tests). */
export const OBJECT_STORE = defineString('OBJECT_STORE', { default: 'cloud-storage' });
/** Directory of the disk object store, relative to the functions folder. */
export const OBJECT_STORE_DIR = defineString('OBJECT_STORE_DIR', { default: '../.data/storage' });
/** 'fcm' (production) or 'recording' (local emulators, tests). */
export const PUSH_SENDER = defineString('PUSH_SENDER', { default: 'fcm' });
/** Days before a deadline when units are reminded, and when reminders go to the unit head too. */
export const REMIND_DAYS = defineString('REMIND_DAYS', { default: '7' });
export const ESCALATE_DAYS = defineString('ESCALATE_DAYS', { default: '2' });
