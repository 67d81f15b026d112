import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unit } from '@thidua/domain';
import type { Backend, Unsubscribe } from '../data/backend.js';
import { pickMovement, type MovementEntry } from '../logic/movement.js';
import { emptyOrgData, type OrgData } from '../context/org-data-context.js';

/** Watches the organisation's movements (keeps the open one) and its units. */
export class OrgDataController implements ReactiveController {
  value: OrgData = emptyOrgData;
  private orgId: string | null = null;
  private unsubs: Unsubscribe[] = [];
  private connected = false;

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

  private stop(): void {
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
    const fail = (e: Error) => this.set({ state: 'error', error: e.message });
    this.unsubs.push(
      b.watchMovements(
        orgId,
        (list: MovementEntry[]) => {
          const current = pickMovement(list);
          this.set({ current, state: current ? 'ready' : 'none', error: null });
        },
        fail,
      ),
      b.watchUnits(orgId, (units: Record<string, Unit>) => this.set({ units }), fail),
    );
  }
}
