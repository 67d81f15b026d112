/**
 * The unit's evidence for the report form: the live list, and adding a file, a link or an
 * existing piece to one item. Each item has its own busy flag and error, so a refused file shows
 * its reason on that item and nothing typed elsewhere is touched. The ids it attaches go into the
 * report's answers through `attach` (the host's draft edit), so autosave keeps them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { EvidenceLinkInput, EvidenceUploadInput, type EvidenceMeta } from '@thidua/domain';
import type { Backend } from '../data/backend.js';
import type { Unsubscribe } from '../data/errors.js';
import type { EvidenceItem } from '../data/evidence.js';
import { saveBlob, type Progress } from '../data/transfer.js';
import { t as t_ } from '../i18n/index.js';

export interface EvidenceTarget {
  backend: Backend;
  orgId: string;
  movementId: string;
  unitId: string;
}

/** A file moving to or from the server for one item, with its bytes so far; `done` once it has arrived (kept, so the person sees it finished). */
export interface Transfer extends Progress {
  kind: 'upload' | 'download';
  done: boolean;
}

export class EvidenceController implements ReactiveController {
  /** The unit's evidence for the movement, newest first. */
  list: EvidenceItem[] = [];
  loadError: string | null = null;
  /** Item codes with an upload or link in flight. */
  readonly busy = new Set<string>();
  /** The last failure per item code (the server's or the browser's reason). */
  readonly errors = new Map<string, string>();
  /** Each item's upload or download in flight (or the last one, done), with its progress. */
  readonly transfers = new Map<string, Transfer>();

  private target: EvidenceTarget | null = null;
  private key = '';
  private unsub: Unsubscribe | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Adds an evidence id to an item of the draft. */
    private readonly attach: (code: string, evidenceId: string) => void,
  ) {
    host.addController(this);
  }

  byId(id: string): EvidenceItem | undefined {
    return this.list.find((e) => e.id === id);
  }

  setTarget(t: EvidenceTarget | null): void {
    const key = t ? [t.orgId, t.movementId, t.unitId].join('|') : '';
    if (key === this.key && t?.backend === this.target?.backend) return;
    this.key = key;
    this.target = t;
    this.list = [];
    this.busy.clear();
    this.errors.clear();
    this.transfers.clear();
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
    const t = this.target;
    if (!t) return;
    this.unsub = t.backend.evidence.watchUnitEvidence(
      t.orgId,
      t.movementId,
      t.unitId,
      (list) => {
        if (t !== this.target) return;
        this.list = list;
        this.loadError = null;
        this.host.requestUpdate();
      },
      (e) => {
        this.loadError = e.message;
        this.host.requestUpdate();
      },
    );
  }

  /** Runs one item's request with its busy flag; resolves true when the evidence is attached. */
  private async run(code: string, work: (t: EvidenceTarget) => Promise<string>): Promise<boolean> {
    const t = this.target;
    if (!t || this.busy.has(code)) return false;
    this.busy.add(code);
    this.errors.delete(code);
    this.host.requestUpdate();
    try {
      const id = await work(t);
      if (t === this.target) this.attach(code, id);
      return true;
    } catch (e) {
      if (t === this.target) this.errors.set(code, t_().evidenceFailed(e instanceof Error ? e.message : String(e)));
      return false;
    } finally {
      this.busy.delete(code);
      this.host.requestUpdate();
    }
  }

  uploadFile(code: string, meta: EvidenceMeta, file: File, contentType: string): Promise<boolean> {
    return this.run(code, async (t) => {
      // Parsed again here: what is sent is exactly the shape the function parses.
      const input = EvidenceUploadInput.parse({ ...meta, orgId: t.orgId, movementId: t.movementId, unitId: t.unitId, fileName: file.name, contentType });
      this.transfers.set(code, { kind: 'upload', loaded: 0, total: file.size, done: false });
      try {
        const res = await t.backend.evidence.uploadEvidence(input, file, this.progressOf(code, 'upload'));
        this.transfers.set(code, { kind: 'upload', loaded: file.size, total: file.size, done: true });
        return res.id;
      } catch (e) {
        this.transfers.delete(code);
        throw e;
      }
    });
  }

  /** Records one item's progress and re-renders (Lit batches the renders of a burst of events). */
  private progressOf(code: string, kind: Transfer['kind']) {
    return (p: Progress) => {
      this.transfers.set(code, { kind, ...p, done: false });
      this.host.requestUpdate();
    };
  }

  addLink(code: string, meta: EvidenceMeta, url: string): Promise<boolean> {
    return this.run(code, async (t) => {
      const input = EvidenceLinkInput.parse({ ...meta, orgId: t.orgId, movementId: t.movementId, unitId: t.unitId, url });
      return (await t.backend.evidence.addEvidenceLink(input)).id;
    });
  }

  /** Shows a failure on an item without a request (e.g. a file the browser already refused). */
  fail(code: string, reason: string | null): void {
    if (reason) this.errors.set(code, t_().evidenceRejected(reason));
    else this.errors.delete(code);
    this.host.requestUpdate();
  }

  /** Fetches the file with the person's token, showing its progress on the item, and hands it to the browser. */
  async download(code: string, evidenceId: string): Promise<void> {
    const t = this.target;
    if (!t || this.transfers.get(code)?.done === false) return;
    this.transfers.set(code, { kind: 'download', loaded: 0, total: null, done: false });
    this.host.requestUpdate();
    try {
      const { blob, fileName } = await t.backend.evidence.downloadEvidence(t.orgId, evidenceId, this.progressOf(code, 'download'));
      this.transfers.set(code, { kind: 'download', loaded: blob.size, total: blob.size, done: true });
      saveBlob(blob, fileName);
    } catch (e) {
      this.transfers.delete(code);
      this.loadError = e instanceof Error ? e.message : String(e);
    } finally {
      this.host.requestUpdate();
    }
  }
}

export { type EvidenceItem };
