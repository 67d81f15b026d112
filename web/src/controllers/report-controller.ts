/**
 * One unit's report for the current period: live from Firestore, edited in memory, autosaved
 * ~800 ms after the last edit. An edit is never dropped: it stays in memory and in localStorage
 * until Firestore acknowledges the write, and a copy left by a closed tab is restored on the next
 * visit. Status changes go through the callables.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { reportId as makeReportId, type ReportStatus } from '@thidua/domain';
import type { Backend, DraftTarget, StoredReport, UnitReports, Unsubscribe } from '../data/backend.js';
import { decodeFallback, emptyDraft, encodeFallback, fallbackKey, sameContent, type DraftContent } from '../logic/draft.js';

export type SaveState = 'saved' | 'saving' | 'offline' | 'unsaved' | 'error';

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

  private target: ReportTarget | null = null;
  private key = '';
  private unsub: Unsubscribe | null = null;
  private connected = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private editSeq = 0;
  private writtenSeq = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private createIssued = false;
  private fromCache = true;
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
    const pending = this.dirty || this.inFlight.size > 0 || this.queuedInCache;
    // Cut off: the browser says so, or the listener hears only the cache while writes wait
    // (a write unanswered for a while, or one queued before a reload).
    const cutOff = !this.online || (this.fromCache && (this.slow || (this.queuedInCache && this.inFlight.size === 0)));
    if (pending && cutOff) return 'offline';
    if (this.dirty) return 'unsaved';
    if (this.inFlight.size > 0 || this.queuedInCache) return 'saving';
    return this.stored ? 'saved' : 'unsaved';
  }

  private get dirty(): boolean {
    return this.editSeq > this.writtenSeq;
  }

  private get idle(): boolean {
    return !this.dirty && this.inFlight.size === 0 && !this.saveError;
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
    this.host.requestUpdate();
  };
  private readonly onOffline = () => {
    this.online = false;
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
    this.editSeq = 0;
    this.writtenSeq = 0;
    this.createIssued = false;
    this.fromCache = true;
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
    if (!this.loaded) {
      this.loaded = true;
      this.content = this.storedContent();
      this.restoreFallback();
    } else if (!this.editable) {
      // Sent meanwhile (from another device): what was typed here can no longer be stored.
      this.dropPendingEdits();
      this.content = this.storedContent();
    } else if (this.idle) {
      this.content = this.storedContent();
    }
    this.host.requestUpdate();
  }

  private dropPendingEdits(): void {
    if (!this.dirty) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writtenSeq = this.editSeq;
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
    if (!this.editable || sameContent(saved, this.content)) {
      // Already in Firestore (or the report is locked and can no longer take it).
      safeRemove(key);
      return;
    }
    this.content = { figures: saved.figures, answers: saved.answers };
    this.restored = true;
    this.editSeq++;
    this.schedule();
  }

  // ─── Editing and saving ──────────────────────────────────────────────────────────────────────

  /** Replaces the content with an edited copy and schedules the autosave. */
  edit(next: DraftContent): void {
    if (!this.target || !this.editable) return;
    this.content = next;
    this.editSeq++;
    this.saveError = null;
    const key = this.storageKey;
    if (key) safeSet(key, encodeFallback(next, Date.now()));
    this.schedule();
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
    if (!t || !this.dirty || !this.editable) return;
    const seq = this.editSeq;
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
    this.writtenSeq = seq;
    const p: Promise<void> = t.backend
      .saveDraft(target, this.content, mode)
      .then(() => {
        // The server has everything up to `seq`; the local copy goes once nothing newer is pending.
        if (key && seq === this.editSeq && t === this.target) safeRemove(key);
      })
      .catch((e: Error) => {
        if (t !== this.target) return;
        if (mode === 'create') this.createIssued = false;
        this.saveError = e.message;
      })
      .finally(() => {
        this.inFlight.delete(p);
        if (this.inFlight.size === 0) {
          clearTimeout(this.slowTimer);
          this.slow = false;
        }
        if (t === this.target && this.idle) this.content = this.storedContent();
        this.host.requestUpdate();
      });
    this.inFlight.add(p);
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
    const settled = Promise.all([...this.inFlight]).then(() => !this.saveError && !this.dirty);
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
