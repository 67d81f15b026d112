/**
 * Evidence (tài liệu kiểm chứng) and report history, as an interface the components depend on;
 * `firebase-evidence.ts` implements it over Firestore and the authenticated /api endpoint.
 */
import type { Evidence, EvidenceLinkInput, EvidenceUploadInput, ReportHistoryEntry } from '@thidua/domain';
import type { BackendError, Unsubscribe } from './errors.js';
import type { OnProgress } from './transfer.js';

/** A stored piece of evidence with its document id. */
export type EvidenceItem = Evidence & { id: string };
/** A history entry with its document id. */
export type HistoryItem = ReportHistoryEntry & { id: string };

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export interface EvidenceBackend {
  /** The unit's evidence for the movement, live (newest first). */
  watchUnitEvidence(orgId: string, movementId: string, unitId: string, next: (list: EvidenceItem[]) => void, fail: (e: BackendError) => void): Unsubscribe;
  /** Sends the file through the /api endpoint, reporting bytes sent; the server checks type, size and rights again. */
  uploadEvidence(input: EvidenceUploadInput, file: Blob, onProgress?: OnProgress): Promise<{ id: string; sha256: string; size: number }>;
  addEvidenceLink(input: EvidenceLinkInput): Promise<{ id: string }>;
  /** Fetches the file, reporting bytes received. */
  downloadEvidence(orgId: string, evidenceId: string, onProgress?: OnProgress): Promise<DownloadedFile>;
  /** The report's status changes, oldest first, live. */
  watchReportHistory(
    orgId: string,
    movementId: string,
    reportId: string,
    unitId: string,
    next: (list: HistoryItem[]) => void,
    fail: (e: BackendError) => void,
  ): Unsubscribe;
}
