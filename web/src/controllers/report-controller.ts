/**
 * One unit's report for the current period: live from Firestore, edited in memory, autosaved
 * ~800 ms after the last edit, item by item: a save writes only the items this person changed, so
 * two people editing different items never erase each other. An edit is never dropped: it stays in
 * memory and in localStorage until Firestore acknowledges the write, and a copy left by a closed
 * tab is restored on the next visit. Nothing is overwritten silently either: when someone else
 * stores another value for an item this person is editing (or edited), the item becomes a conflict
 * that shows both values until the person keeps one. While cut off, edits are held rather than
 * queued blindly, and sent once the server's current values have been compared with them.
 * Status changes go through the callables.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reportId as makeReportId, type Answer, type Figure, type ReportStatus } from '@thidua/domain';
import type { Backend, DraftChange, DraftTarget, StoredReport, UnitReports } from '../data/backend.js';
import type { Unsubscribe } from '../data/errors.js';
import {
  changedSlots,
  decodeFallback,
  emptyDraft,
  encodeFallback,
  fallbackKey,
  parseSlot,
  sameValue,
  slotValue,
  withSlot,
  type Conflict,
  type DraftContent,
  type PendingEdit,
} from '../logic/draft.js';

export type SaveState = 'saved' | 'saving' | 'offline' | 'unsaved' | 'error' | 'conflict';

export interface ReportTarget {
  backend: Backend;
  orgId: string;
  movementId: string;
  periodId: string;
  previousPeriodId: string | null;
  unitId: string;
  uid: string;
}

export const AUTOSAVE_DELAY_MS = 800;
/** A write still unacknowledged after this long, with the listener cut off from the server, is offline. */
const OFFLINE_AFTER_MS = 4000;

interface Written extends PendingEdit {
  /** Writes of this item not yet acknowledged. */
  inFlight: number;
}

export class ReportController implements ReactiveController {
  /** The stored report of the current period (null: none yet). */
  stored: StoredReport | null = null;
  /** The same unit's report of the previous period, for "increase" targets. */
  previous: StoredReport | null = null;
  /** What the form shows: the stored content plus edits not yet acknowledged. */
  content: DraftContent = emptyDraft();
  loaded = false;
  loadError: string | null = null;
  saveError: string | null = null;
  /** True when unsaved input from an earlier visit was put back. */
  restored = false;
  busy: 'submit' | 'certify' | null = null;
  actionError: string | null = null;
  actionDone: ReportStatus | null = null;
  /** Items (slot keys, `figures.<code>` / `answers.<code>`) where someone else stored another value. */
  conflicts = new Map<string, Conflict>();

  private target: ReportTarget | null = null;
  private key = '';
  private unsub: Unsubscribe | null = null;
  private connected = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  /** Edited items not yet written. */
  private readonly pending = new Map<string, PendingEdit>();
  /** Items this person wrote in this visit, with the value written: a later other value is someone else's. */
  private readonly written = new Map<string, Written>();
  private readonly inFlight = new Set<Promise<void>>();
  private createIssued = false;
  private fromCache = true;
  /** The listener has heard the server since the last cut-off: held edits can be compared and sent. */
  private serverSeen = false;
  /** Firestore holds local writes the server has not confirmed (e.g. queued before a reload). */
  private queuedInCache = false;
  private slow = false;
  private online = typeof navigator === 'undefined' ? true : navigator.onLine;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  // ─── State for the view ──────────────────────────────────────────────────────────────────────

  get reportId(): string | null {
    return this.target ? makeReportId(this.target.periodId, this.target.unitId) : null;
  }

  get status(): ReportStatus {
    return this.stored?.status ?? 'draft';
  }

  get editable(): boolean {
    return this.status === 'draft' || this.status === 'returned';
  }

  get saveState(): SaveState {
    if (this.saveError) return 'error';
    if (this.conflicts.size > 0) return 'conflict';
    const pending = this.dirty || this.inFlight.size > 0 || this.queuedInCache;
    // Cut off: the browser says so, the server has not been heard since, or the listener hears only
    // the cache while writes wait (a write unanswered for a while, or one queued before a reload).
    const cutOff = !this.online || (this.dirty && !this.serverSeen) || (this.fromCache && (this.slow || (this.queuedInCache && this.inFlight.size === 0)));
    if (pending && cutOff) return 'offline';
    if (this.dirty) return 'unsaved';
    if (this.inFlight.size > 0 || this.queuedInCache) return 'saving';
    return this.stored ? 'saved' : 'unsaved';
  }

  /** The conflict on a criterion's figure or answer, if any. */
  conflictOf(field: 'figures' | 'answers', code: string): Conflict | undefined {
    return this.conflicts.get(`${field}.${code}`);
  }

  private get dirty(): boolean {
    return this.pending.size > 0;
  }

  // ─── Wiring ──────────────────────────────────────────────────────────────────────────────────

  /** Call from the host's willUpdate; resubscribes only when the report changes. */
  setTarget(t: ReportTarget | null): void {
    const key = t ? [t.orgId, t.movementId, t.periodId, t.previousPeriodId, t.unitId, t.uid].join('|') : '';
    if (key === this.key && t?.backend === this.target?.backend) return;
    // Whatever was typed for the previous report is written before leaving it.
    if (this.dirty) this.writeNow();
    this.key = key;
    this.target = t;
    this.reset();
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    addEventListener('pagehide', this.onPageHide);
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    removeEventListener('pagehide', this.onPageHide);
    if (this.dirty) this.writeNow();
    this.unsub?.();
    this.unsub = null;
  }

  private readonly onOnline = () => {
    this.online = true;
    // A fresh listener answers from the server once it is current, even if Firestore never noticed
    // the cut-off: held edits are compared with that answer before they go out.
    this.serverSeen = false;
    if (this.connected) this.subscribe();
    this.host.requestUpdate();
  };
  private readonly onOffline = () => {
    this.online = false;
    // What the server holds may change meanwhile: held edits wait for its current values.
    this.serverSeen = false;
    this.host.requestUpdate();
  };
  /** Leaving the page: start the write now; the localStorage copy covers the rest. */
  private readonly onPageHide = () => {
    if (this.dirty) this.writeNow();
  };

  private reset(): void {
    clearTimeout(this.timer);
    clearTimeout(this.slowTimer);
    this.timer = undefined;
    this.stored = null;
    this.previous = null;
    this.content = emptyDraft();
    this.loaded = false;
    this.loadError = null;
    this.saveError = null;
    this.restored = false;
    this.actionError = null;
    this.actionDone = null;
    this.pending.clear();
    this.written.clear();
    this.conflicts = new Map();
    this.createIssued = false;
    this.fromCache = true;
    this.serverSeen = false;
    this.queuedInCache = false;
    this.slow = false;
  }

  private subscribe(): void {
    this.unsub?.();
    this.unsub = null;
    const t = this.target;
    if (!t) return;
    const periods = t.previousPeriodId ? [t.periodId, t.previousPeriodId] : [t.periodId];
    this.unsub = t.backend.watchUnitReports(
      t.orgId,
      t.movementId,
      t.unitId,
      periods,
      (r) => this.onReports(t, r),
      (e) => {
        this.loadError = e.message;
        this.loaded = true;
        this.host.requestUpdate();
      },
    );
  }

  private onReports(t: ReportTarget, r: UnitReports): void {
    if (t !== this.target) return;
    this.stored = r.byPeriod[t.periodId] ?? null;
    this.previous = t.previousPeriodId ? (r.byPeriod[t.previousPeriodId] ?? null) : null;
    this.fromCache = r.fromCache;
    this.queuedInCache = r.hasPendingWrites;
    this.loadError = null;
    const heardServer = !r.fromCache && this.online && !this.serverSeen;
    if (!r.fromCache && this.online) this.serverSeen = true;
    if (!this.loaded) {
      this.loaded = true;
      this.restoreFallback();
    }
    if (!this.editable) {
      // Sent meanwhile (from another device): what was typed here can no longer be stored.
      this.dropPendingEdits();
    }
    this.reconcile();
    // Edits held while cut off go out now that the server's values have been compared with them.
    if (heardServer && this.dirty) this.schedule();
    this.host.requestUpdate();
  }

  /**
   * Compares what is stored with this person's edits, item by item, and rebuilds what the form
   * shows: the stored content with the edits not yet written on top. An item someone else changed
   * under an edit, or after this person wrote it, becomes a conflict; one that now holds what this
   * person typed needs no write any more.
   */
  private reconcile(): void {
    const stored = this.storedContent();
    let next = stored;
    const conflicts = new Map(this.conflicts);
    for (const [key, e] of this.pending) {
      const theirs = slotValue(stored, key);
      if (sameValue(theirs, e.mine)) {
        this.pending.delete(key);
        conflicts.delete(key);
        continue;
      }
      if (!sameValue(theirs, e.base)) conflicts.set(key, { theirs, mine: e.mine });
      next = withSlot(next, key, e.mine);
    }
    for (const [key, w] of this.written) {
      if (w.inFlight > 0 || this.pending.has(key)) continue;
      const theirs = slotValue(stored, key);
      if (sameValue(theirs, w.mine)) continue;
      // Someone else stored another value after this person's write: say so, keep theirs shown.
      this.written.delete(key);
      conflicts.set(key, { theirs, mine: w.mine });
    }
    for (const [key, c] of conflicts) {
      const theirs = slotValue(stored, key);
      if (sameValue(theirs, c.mine)) conflicts.delete(key);
      else if (!sameValue(theirs, c.theirs)) conflicts.set(key, { theirs, mine: c.mine });
    }
    this.conflicts = conflicts;
    this.content = next;
    this.saveFallback();
  }

  private dropPendingEdits(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.conflicts = new Map();
    const key = this.storageKey;
    if (key) safeRemove(key);
  }

  private storedContent(): DraftContent {
    return this.stored ? { figures: this.stored.figures, answers: this.stored.answers } : emptyDraft();
  }

  // ─── Local fallback ──────────────────────────────────────────────────────────────────────────

  private get storageKey(): string | null {
    const t = this.target;
    return t ? fallbackKey(t.orgId, t.movementId, makeReportId(t.periodId, t.unitId)) : null;
  }

  private restoreFallback(): void {
    const key = this.storageKey;
    if (!key) return;
    const saved = decodeFallback(safeGet(key));
    if (!saved) return;
    const stored = this.storedContent();
    for (const [slot, e] of saved.edits) {
      if (this.editable && !sameValue(slotValue(stored, slot), e.mine)) this.pending.set(slot, e);
    }
    if (this.pending.size === 0) {
      // Already in Firestore (or the report is locked and can no longer take it).
      safeRemove(key);
      return;
    }
    this.restored = true;
    this.schedule();
  }

  /** The device's copy holds every edit the server has not acknowledged; none left, no copy. */
  private saveFallback(): void {
    const key = this.storageKey;
    if (!key) return;
    const edits = new Map<string, PendingEdit>();
    for (const [k, w] of this.written) if (w.inFlight > 0) edits.set(k, { base: w.base, mine: w.mine });
    for (const [k, e] of this.pending) edits.set(k, e);
    // An open conflict is kept as typed over its own value: whatever is stored on the next visit
    // differs from that base, so the conflict comes back instead of being written over theirs.
    for (const [k, c] of this.conflicts) if (!edits.has(k)) edits.set(k, { base: c.mine, mine: c.mine });
    if (edits.size === 0) safeRemove(key);
    else safeSet(key, encodeFallback(edits, Date.now()));
  }

  // ─── Editing and saving ──────────────────────────────────────────────────────────────────────

  /** Replaces the content with an edited copy and schedules the autosave of the items that changed. */
  edit(next: DraftContent): void {
    if (!this.target || !this.editable) return;
    const stored = this.storedContent();
    for (const key of changedSlots(this.content, next)) {
      const base = this.pending.get(key)?.base ?? this.conflicts.get(key)?.theirs ?? slotValue(stored, key);
      this.pending.set(key, { base, mine: slotValue(next, key) });
      // Typing again in a conflicting item keeps the conflict open (with this new value) until settled.
      const c = this.conflicts.get(key);
      if (c) this.conflicts.set(key, { theirs: c.theirs, mine: slotValue(next, key) });
    }
    this.content = next;
    this.saveError = null;
    this.saveFallback();
    this.schedule();
    this.host.requestUpdate();
  }

  /** Settles a conflict: keep the value someone else stored, or this person's (written over theirs). */
  resolve(key: string, keep: 'theirs' | 'mine'): void {
    const c = this.conflicts.get(key);
    if (!c || !this.editable) return;
    const conflicts = new Map(this.conflicts);
    conflicts.delete(key);
    this.conflicts = conflicts;
    if (keep === 'theirs') {
      this.pending.delete(key);
      this.written.delete(key);
    } else {
      this.pending.set(key, { base: c.theirs, mine: c.mine });
      this.schedule();
    }
    this.reconcile();
    this.host.requestUpdate();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.writeNow(), AUTOSAVE_DELAY_MS);
  }

  private writeNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const t = this.target;
    // Held while cut off, or until the server's current values have been heard (see reconcile).
    if (!t || !this.dirty || !this.editable || !this.online || !this.serverSeen) return;
    // A conflicting item waits for the person to choose.
    const sending = [...this.pending].filter(([key]) => !this.conflicts.has(key));
    if (sending.length === 0) return;
    const key = this.storageKey;
    const mode = this.stored || this.createIssued ? 'update' : 'create';
    if (mode === 'create') this.createIssued = true;
    const target: DraftTarget = {
      orgId: t.orgId,
      movementId: t.movementId,
      reportId: makeReportId(t.periodId, t.unitId),
      unitId: t.unitId,
      periodId: t.periodId,
      uid: t.uid,
    };
    const changes: DraftChange[] = [];
    for (const [slot, e] of sending) {
      this.pending.delete(slot);
      const w = this.written.get(slot);
      this.written.set(slot, { base: e.base, mine: e.mine, inFlight: (w?.inFlight ?? 0) + 1 });
      const { field, code } = parseSlot(slot)!;
      changes.push({ field, code, value: (e.mine as Figure | Answer | undefined) ?? null });
    }
    const p: Promise<void> = t.backend
      .saveDraft(target, changes, mode)
      .catch((e: Error) => {
        if (t !== this.target) return;
        if (mode === 'create') this.createIssued = false;
        this.saveError = e.message;
        // Not stored: the items go back to the edits to write (unless typed again meanwhile).
        for (const [slot, edit] of sending) if (!this.pending.has(slot)) this.pending.set(slot, edit);
      })
      .finally(() => {
        this.inFlight.delete(p);
        if (this.inFlight.size === 0) {
          clearTimeout(this.slowTimer);
          this.slow = false;
        }
        if (t !== this.target) return;
        for (const [slot] of sending) {
          const w = this.written.get(slot);
          if (w) w.inFlight--;
        }
        if (this.saveError) for (const [slot] of sending) if (this.written.get(slot)?.inFlight === 0) this.written.delete(slot);
        // A change someone else made while this write was out is compared now.
        this.reconcile();
        if (key && !this.dirty && this.inFlight.size === 0 && this.conflicts.size === 0) safeRemove(key);
        this.host.requestUpdate();
      });
    this.inFlight.add(p);
    this.saveFallback();
    clearTimeout(this.slowTimer);
    this.slowTimer = setTimeout(() => {
      this.slow = true;
      this.host.requestUpdate();
    }, OFFLINE_AFTER_MS);
    this.host.requestUpdate();
  }

  /** Writes pending edits now and waits for the server; false if that did not happen in time. */
  async flush(timeoutMs = 15_000): Promise<boolean> {
    if (this.dirty) this.writeNow();
    const settled = Promise.all([...this.inFlight]).then(() => !this.saveError && !this.dirty && this.conflicts.size === 0);
    const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
    return Promise.race([settled, late]);
  }

  // ─── Status changes ──────────────────────────────────────────────────────────────────────────

  /** Submits (unit members) or certifies (unit head) through the callables. */
  async act(action: 'submit' | 'certify', messages: { needNetwork: string; notSaved: string }): Promise<void> {
    const t = this.target;
    const id = this.reportId;
    if (!t || !id || this.busy) return;
    this.busy = action;
    this.actionError = null;
    this.actionDone = null;
    this.host.requestUpdate();
    try {
      if (!this.online) throw new Error(messages.needNetwork);
      if (action === 'submit' && !(await this.flush())) throw new Error(this.saveError ?? messages.notSaved);
      const ref = { orgId: t.orgId, movementId: t.movementId, reportId: id };
      const res = action === 'submit' ? await t.backend.submitReport(ref) : await t.backend.certifyReport(ref);
      if (t === this.target) this.actionDone = res.status;
    } catch (e) {
      if (t === this.target) this.actionError = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = null;
      this.host.requestUpdate();
    }
  }
}

// localStorage may be missing or full (private mode, quota): the in-memory copy still holds the edit.
function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function safeSet(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* see above */
  }
}
function safeRemove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    /* see above */
  }
}
