import { describe, expect, it } from 'vitest';
import type { ReactiveControllerHost } from 'lit';
import { NotificationsController } from '../src/controllers/notifications-controller.js';
import type { NotificationBatch, ReviewBackend, StoredNotification } from '../src/data/review-backend.js';

const note = (id: string, read = false): StoredNotification => ({
  id,
  recipientUid: 'u',
  kind: 'report-submitted',
  title: { vi: `Tiêu đề ${id}`, en: '' },
  body: { vi: 'Nội dung', en: '' },
  link: '#/review/x',
  read,
  createdAt: 1,
});

function setup() {
  let push: ((b: NotificationBatch) => void) | null = null;
  let updates = 0;
  const host = { addController() {}, requestUpdate: () => updates++ } as unknown as ReactiveControllerHost;
  const shown: string[] = [];
  const ctl = new NotificationsController(host, (n) => shown.push(n.id));
  const backend = {
    watchNotifications: (_o: string, _u: string, next: (b: NotificationBatch) => void) => {
      push = next;
      return () => (push = null);
    },
  } as unknown as ReviewBackend;
  ctl.hostConnected();
  ctl.setTarget({ backend, orgId: 'o', uid: 'u' });
  return { ctl, shown, emit: (b: NotificationBatch) => push!(b), updates: () => updates, subscribed: () => push !== null };
}

describe('NotificationsController', () => {
  it('counts unread records and shows only those that arrived as browser notifications', () => {
    const s = setup();
    s.emit({ list: [note('a'), note('b', true)], arrived: [] });
    expect(s.ctl.unread).toBe(1);
    expect(s.shown).toEqual([]);
    s.emit({ list: [note('c'), note('a'), note('b', true)], arrived: [note('c')] });
    expect(s.ctl.unread).toBe(2);
    expect(s.shown).toEqual(['c']);
    expect(s.updates()).toBe(2);
  });

  it('stops listening when the host goes away', () => {
    const s = setup();
    expect(s.subscribed()).toBe(true);
    s.ctl.hostDisconnected();
    expect(s.subscribed()).toBe(false);
  });
});
