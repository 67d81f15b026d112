/** Events of the evidence panel, one typed declaration each; dispatched only on user action. */
import type { EvidenceMeta } from '@thidua/domain';

export interface EvidenceFileDetail {
  code: string;
  meta: EvidenceMeta;
  file: File;
  /** The declared type, as the server will check it. */
  contentType: string;
}
export interface EvidenceLinkDetail {
  code: string;
  meta: EvidenceMeta;
  url: string;
}
export interface EvidencePickDetail {
  code: string;
  evidenceId: string;
}
export interface EvidenceRefusedDetail {
  code: string;
  /** Why the browser refused the file before sending it; null clears an earlier reason. */
  reason: string | null;
}

export type EvidenceFileEvent = CustomEvent<EvidenceFileDetail>;
export type EvidenceLinkEvent = CustomEvent<EvidenceLinkDetail>;
export type EvidencePickEvent = CustomEvent<EvidencePickDetail>;
export type EvidenceRefusedEvent = CustomEvent<EvidenceRefusedDetail>;

const make = <T>(name: string, detail: T) => new CustomEvent<T>(name, { detail, bubbles: true, composed: true });
export const evidenceFile = (d: EvidenceFileDetail): EvidenceFileEvent => make('evidence-file', d);
export const evidenceLink = (d: EvidenceLinkDetail): EvidenceLinkEvent => make('evidence-link', d);
/** An existing piece of the unit's evidence attached to one more item. */
export const evidenceReuse = (d: EvidencePickDetail): EvidencePickEvent => make('evidence-reuse', d);
export const evidenceDetach = (d: EvidencePickDetail): EvidencePickEvent => make('evidence-detach', d);
export const evidenceDownload = (d: EvidencePickDetail): EvidencePickEvent => make('evidence-download', d);
export const evidenceRefused = (d: EvidenceRefusedDetail): EvidenceRefusedEvent => make('evidence-refused', d);

declare global {
  interface HTMLElementEventMap {
    'evidence-file': EvidenceFileEvent;
    'evidence-link': EvidenceLinkEvent;
    'evidence-reuse': EvidencePickEvent;
    'evidence-detach': EvidencePickEvent;
    'evidence-download': EvidencePickEvent;
    'evidence-refused': EvidenceRefusedEvent;
  }
}
