/**
 * The report workflow: who may move a report from one status to another, and when.
 * draft → submitted → certified → approved, with returned → submitted for one explanation round.
 */
import type { Claims, Movement, ReportStatus, Text } from './schemas.js';
import { isPastDeadline, reportDeadline } from './history.js';

export type ReportAction = 'submit' | 'certify' | 'return' | 'approve';

export interface TransitionInput {
  action: ReportAction;
  status: ReportStatus;
  unitId: string;
  claims: Claims;
  period: Movement['periods'][number];
  now: number;
  /** Deadline of the explanation round when the report was returned; replaces the period's. */
  responseDeadline?: number | null;
}

export type TransitionResult = { ok: true; next: ReportStatus } | { ok: false; code: 'permission-denied' | 'failed-precondition'; message: Text };

const FROM: Record<ReportAction, ReportStatus[]> = {
  submit: ['draft', 'returned'],
  certify: ['submitted'],
  return: ['submitted', 'certified'],
  approve: ['certified'],
};
const TO: Record<ReportAction, ReportStatus> = { submit: 'submitted', certify: 'certified', return: 'returned', approve: 'approved' };

export const STATUS_TEXT: Record<ReportStatus, Text> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  certified: { vi: 'Đã xác nhận', en: 'Certified' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
};

const deny = (vi: string, en: string): TransitionResult => ({ ok: false, code: 'permission-denied', message: { vi, en } });
const refuse = (vi: string, en: string): TransitionResult => ({ ok: false, code: 'failed-precondition', message: { vi, en } });

export function transition(input: TransitionInput): TransitionResult {
  const { action, status, unitId, claims, period, now } = input;
  const unitRole = claims.units[unitId];
  const isReviewer = claims.roles.includes('secretariat');
  if (action === 'submit' && !unitRole) return deny('Chỉ cán bộ của đơn vị mới được gửi báo cáo này.', "Only the unit's members may submit this report.");
  if (action === 'certify' && unitRole !== 'head')
    return deny('Chỉ thủ trưởng đơn vị mới được xác nhận báo cáo.', 'Only the unit head may certify the report.');
  if ((action === 'return' || action === 'approve') && !isReviewer) {
    return deny('Chỉ Thường trực (Phòng Văn hóa – Xã hội) mới được trả lại hoặc duyệt báo cáo.', 'Only the secretariat may return or approve reports.');
  }
  if ((action === 'return' || action === 'approve') && unitRole) {
    return deny('Không được thẩm định báo cáo của đơn vị mình.', "Reviewers may not appraise their own unit's report.");
  }
  if (!FROM[action].includes(status)) {
    return refuse(`Không thể thực hiện khi báo cáo ở trạng thái “${STATUS_TEXT[status].vi}”.`, `Not possible while the report is "${STATUS_TEXT[status].en}".`);
  }
  const deadline = reportDeadline(period, status, input.responseDeadline);
  if (action === 'submit' && deadline !== null && isPastDeadline(deadline, now)) {
    const d = new Date(deadline).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
    return refuse(`Đã quá hạn nộp báo cáo (${d}).`, `The submission deadline (${d}) has passed.`);
  }
  return { ok: true, next: TO[action] };
}
