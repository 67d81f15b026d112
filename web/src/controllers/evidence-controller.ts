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
import { t as t_ } from '../i18n/index.js';

export interface EvidenceTarget {
  backend: Backend;
  orgId: string;
  movementId: string;
  unitId: string;
}

export class EvidenceController implements ReactiveController {
  /** The unit's evidence for the movement, newest first. */
  list: EvidenceItem[] = [];
  loadError: string | null = null;
  /** Item codes with an upload or link in flight. */
  readonly busy = new Set<string>();
  /** The last failure per item code (the server's or the browser's reason). */
  readonly errors = new Map<string, string>();

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
      return (await t.backend.evidence.uploadEvidence(input, file)).id;
    });
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

  /** Fetches the file with the person's token and hands it to the browser as a download. */
  async download(evidenceId: string): Promise<void> {
    const t = this.target;
    if (!t) return;
    try {
      const { blob, fileName } = await t.backend.evidence.downloadEvidence(t.orgId, evidenceId);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
      this.host.requestUpdate();
    }
  }
}

export { type EvidenceItem };
