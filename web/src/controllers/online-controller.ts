import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the device has a network, as the browser says (navigator.onLine and its online/offline
 * events); the host re-renders when it changes. Offline, Firestore answers from its cache, so a
 * page shows what it last received and says it may be stale.
 */
export class OnlineController implements ReactiveController {
  online = typeof navigator === 'undefined' ? true : navigator.onLine;

  private readonly update = () => {
    this.online = navigator.onLine;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('online', this.update);
    addEventListener('offline', this.update);
    this.update();
  }

  hostDisconnected(): void {
    removeEventListener('online', this.update);
    removeEventListener('offline', this.update);
  }
}
