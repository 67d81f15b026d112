import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Backend, Session, Unsubscribe } from '../data/backend.js';

/** Follows the auth state: `session` is null when signed out; `ready` once the first answer came. */
export class SessionController implements ReactiveController {
  session: Session | null = null;
  ready = false;
  private unsub: Unsubscribe | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly backend: () => Backend | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.start();
  }

  /** The backend may arrive after the element is connected (main.ts sets it). */
  hostUpdate(): void {
    if (this.connected && !this.unsub) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsub?.();
    this.unsub = null;
  }

  private start(): void {
    const b = this.backend();
    if (!b || this.unsub) return;
    this.unsub = b.onSession((s) => {
      this.session = s;
      this.ready = true;
      this.host.requestUpdate();
    });
  }
}
