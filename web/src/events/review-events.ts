/** Events of the appraisal panel, one typed declaration each; dispatched only on user action. */
import type { AppraiseItemInput, ReturnReportInput } from '@thidua/domain';
import type { StoredEvidence } from '../data/review-backend.js';

export type AppraiseItemDetail = Pick<AppraiseItemInput, 'code' | 'decision' | 'score' | 'reason'>;
export type ReturnReportDetail = Pick<ReturnReportInput, 'comments' | 'responseDeadline'>;

export type AppraiseItemEvent = CustomEvent<AppraiseItemDetail>;
export type ReturnReportEvent = CustomEvent<ReturnReportDetail>;
export type ApproveReportEvent = CustomEvent<null>;
export type OpenEvidenceEvent = CustomEvent<StoredEvidence>;

const fire = <T>(name: string, detail: T) => new CustomEvent<T>(name, { detail, bubbles: true, composed: true });
export const appraiseItem = (d: AppraiseItemDetail): AppraiseItemEvent => fire('appraise-item', d);
export const returnReport = (d: ReturnReportDetail): ReturnReportEvent => fire('return-report', d);
export const approveReport = (): ApproveReportEvent => fire('approve-report', null);
export const openEvidence = (e: StoredEvidence): OpenEvidenceEvent => fire('open-evidence', e);

declare global {
  interface HTMLElementEventMap {
    'appraise-item': AppraiseItemEvent;
    'return-report': ReturnReportEvent;
    'approve-report': ApproveReportEvent;
    'open-evidence': OpenEvidenceEvent;
  }
}
