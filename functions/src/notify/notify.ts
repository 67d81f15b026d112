/**
 * Writes notification records for a set of recipients and pushes them. Record ids derive from
 * the triggering event, so a redelivered event overwrites instead of duplicating.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { Notification, type Audience, type Text } from '@thidua/domain';
import type { PushSender } from './senders.js';
import { refs } from '../data/refs.js';

export interface Notice {
  kind: Notification['kind'];
  title: Text;
  body: Text;
  link: string;
  unitId?: string;
}

/** Uids of the members an audience names (active members only). */
export async function recipients(db: Firestore, orgId: string, audience: Audience, unitId?: string): Promise<string[]> {
  const members = refs(db).members(orgId);
  const snap =
    audience === 'reviewers'
      ? await members.where('roles', 'array-contains', 'secretariat').get()
      : await members.where(`units.${unitId}`, 'in', audience === 'unit-all' ? ['staff', 'head'] : ['staff']).get();
  return snap.docs.filter((d) => d.get('active') !== false).map((d) => d.id);
}

export async function notify(db: Firestore, sender: PushSender, orgId: string, eventId: string, uids: string[], notice: Notice, now: number): Promise<number> {
  let sent = 0;
  for (const uid of uids) {
    const id = `${eventId}-${uid}`.replace(/[^A-Za-z0-9_-]/g, '_');
    const record = Notification.parse({ recipientUid: uid, ...notice, read: false, createdAt: now });
    const ref = refs(db).notification(orgId, id);
    const created = await ref.create(record).then(
      () => true,
      () => false, // already there: a redelivered event
    );
    if (!created) continue;
    const tokensSnap = await refs(db).pushTokens(orgId, uid).get();
    const tokens = tokensSnap.docs.map((d) => d.id);
    const { invalidTokens } = await sender.send(tokens, { title: notice.title.vi, body: notice.body.vi, link: notice.link, notificationId: id });
    await Promise.all(invalidTokens.map((t) => refs(db).pushToken(orgId, uid, t).delete()));
    sent++;
  }
  return sent;
}
