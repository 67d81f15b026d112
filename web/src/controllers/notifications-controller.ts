import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unsubscribe } from '../data/backend.js';
import type { ReviewBackend, StoredNotification } from '../data/review-backend.js';

export interface NotificationsTarget {
  backend: ReviewBackend;
  orgId: string;
  uid: string;
}

/**
 * The signed-in person's notifications, live. While the app is open and the browser allows it, a
 * notification that arrives also shows as a browser notification (`show` is injectable for tests).
 */
export class NotificationsController implements ReactiveController {
  list: StoredNotification[] = [];
  error: string | null = null;
  private target: NotificationsTarget | null = null;
  private key = '';
  private unsub: Unsubscribe | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly show: (n: StoredNotification) => void = showBrowserNotification,
  ) {
    host.addController(this);
  }

  get unread(): number {
    return this.list.filter((n) => !n.read).length;
  }

  setTarget(t: NotificationsTarget | null): void {
    const key = t ? `${t.orgId}|${t.uid}` : '';
    if (key === this.key && t?.backend === this.target?.backend) return;
    this.key = key;
    this.target = t;
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsub?.();
    this.unsub = null;
  }

  private subscribe(): void {
    this.unsub?.();
    this.unsub = null;
    this.list = [];
    this.error = null;
    const t = this.target;
    if (!t) return;
    this.unsub = t.backend.watchNotifications(
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
