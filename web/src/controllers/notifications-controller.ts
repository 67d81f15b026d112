import type { ReactiveControllerHost } from 'lit';
import type { Unsubscribe } from '../data/errors.js';
import type { ReviewBackend, StoredNotification } from '../data/review-backend.js';
import { LiveController } from './live-controller.js';

export interface NotificationsTarget {
  backend: ReviewBackend;
  orgId: string;
  uid: string;
}

/**
 * The signed-in person's notifications, live. While the app is open and the browser allows it, a
 * notification that arrives also shows as a browser notification (`show` is injectable for tests).
 */
export class NotificationsController extends LiveController<NotificationsTarget> {
  list: StoredNotification[] = [];
  error: string | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly show: (n: StoredNotification) => void = showBrowserNotification,
  ) {
    super(host);
  }

  get unread(): number {
    return this.list.filter((n) => !n.read).length;
  }

  protected keyOf(t: NotificationsTarget): string {
    return `${t.orgId}|${t.uid}`;
  }

  protected clear(): void {
    this.list = [];
    this.error = null;
  }

  protected watch(t: NotificationsTarget): Unsubscribe {
    return t.backend.watchNotifications(
      t.orgId,
      t.uid,
      ({ list, arrived }) => {
        this.list = list;
        this.error = null;
        arrived.forEach((n) => this.show(n));
        this.host.requestUpdate();
      },
      (e) => {
        this.error = e.message;
        this.host.requestUpdate();
      },
    );
  }
}

/** A system notification for a record that just arrived, if the person allowed them. */
function showBrowserNotification(n: StoredNotification): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const shown = new Notification(n.title.vi, { body: n.body.vi, tag: n.id, lang: 'vi' });
    shown.onclick = () => {
      window.focus();
      location.hash = n.link;
      shown.close();
    };
  } catch {
    // Some mobile browsers allow notifications only from a service worker; the badge still shows it.
  }
}
