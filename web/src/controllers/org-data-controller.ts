import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unit } from '@thidua/domain';
import type { Backend } from '../data/backend.js';
import type { BackendError, Unsubscribe } from '../data/errors.js';
import { pickMovement, type MovementEntry } from '../logic/movement.js';
import { emptyOrgData, type OrgData } from '../context/org-data-context.js';

/** How long an empty answer from the cache alone may wait for the server before the page says it cannot connect. */
export const UNREACHABLE_AFTER_MS = 8000;

/**
 * Watches the organisation's movements (keeps the open one) and its units. An empty list is only
 * "nothing open" once the server has said so; from the cache alone it is "cannot reach the server".
 */
export class OrgDataController implements ReactiveController {
  value: OrgData = emptyOrgData;
  private orgId: string | null = null;
  private unsubs: Unsubscribe[] = [];
  private connected = false;
  private waitTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly backend: () => Backend | undefined,
  ) {
    host.addController(this);
  }

  /** Call from the host's willUpdate; (re)subscribes only when the organisation changes. */
  setOrg(orgId: string | null): void {
    if (orgId === this.orgId) return;
    this.orgId = orgId;
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

  /** Tries again after "cannot reach the server" (Retry). */
  async retry(): Promise<void> {
    this.set({ state: 'loading', error: null });
    await this.backend()
      ?.reconnect?.()
      .catch(() => undefined);
    if (this.connected) this.subscribe();
  }

  private stop(): void {
    clearTimeout(this.waitTimer);
    this.waitTimer = undefined;
    this.unsubs.forEach((u) => u());
    this.unsubs = [];
  }

  private set(patch: Partial<OrgData>): void {
    this.value = { ...this.value, ...patch };
    this.host.requestUpdate();
  }

  private subscribe(): void {
    this.stop();
    this.value = emptyOrgData;
    const b = this.backend();
    const orgId = this.orgId;
    if (!b || !orgId) return;
    const fail = (e: BackendError) => this.set({ state: e.code === 'unavailable' ? 'unreachable' : 'error', error: e.message });
    this.waitTimer = setTimeout(() => {
      if (this.value.state === 'loading') this.set({ state: 'unreachable', error: null });
    }, UNREACHABLE_AFTER_MS);
    this.unsubs.push(
      b.watchMovements(
        orgId,
        (list: MovementEntry[], fromCache: boolean) => {
          const current = pickMovement(list);
          // An empty cache says nothing about the server: keep waiting (the timer says when to give up).
          if (!current && fromCache) return;
          clearTimeout(this.waitTimer);
          this.set({ current, movements: list, state: current ? 'ready' : 'none', error: null });
        },
        fail,
      ),
      b.watchUnits(orgId, (units: Record<string, Unit>) => this.set({ units }), fail),
    );
  }
}
