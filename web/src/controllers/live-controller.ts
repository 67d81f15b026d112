import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unsubscribe } from '../data/errors.js';

/**
 * A controller that follows one live target (a query or a document) while its host is connected:
 * a new target (another key or another backend) restarts the subscription, disconnecting stops it.
 * Subclasses say what identifies a target, what to clear, and how to watch it.
 */
export abstract class LiveController<T extends { backend: unknown }> implements ReactiveController {
  protected target: T | null = null;
  private key = '';
  private unsub: Unsubscribe | null = null;
  private connected = false;

  constructor(protected readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** What identifies a target besides its backend. */
  protected abstract keyOf(t: T): string;
  /** Forgets what the previous target showed. */
  protected abstract clear(): void;
  /** Starts following `t`; returns how to stop. */
  protected abstract watch(t: T): Unsubscribe;

  setTarget(t: T | null): void {
    const key = t ? this.keyOf(t) : '';
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
    this.stop();
  }

  private stop(): void {
    this.unsub?.();
    this.unsub = null;
  }

  private subscribe(): void {
    this.stop();
    this.clear();
    const t = this.target;
    if (t) this.unsub = this.watch(t);
  }
}
