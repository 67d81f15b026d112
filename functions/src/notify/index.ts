import { getFirestore } from 'firebase-admin/firestore';
import { PUSH_SENDER } from '../config.js';
import { FcmSender, RecordingSender, type PushSender } from './senders.js';

let sender: PushSender | undefined;

/** The configured push sender, created on first use. */
export function pushSender(): PushSender {
  sender ??= PUSH_SENDER.value() === 'recording' ? new RecordingSender(getFirestore()) : new FcmSender();
  return sender;
}
