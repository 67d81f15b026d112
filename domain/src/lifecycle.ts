/**
 * A movement's life as one state machine: draft → published → open → appraisal → council → closed.
 * Pure: `planAdvance` says whether a step may be taken, by whom, and what is missing, from plain
 * facts the callable reads (units, reports, snapshots, meetings, nominations); `actRefusal` says
 * which acts each phase allows. The functions enforce both; the web shows the same answers.
 */
import { z } from 'zod';
import { Id, MovementStatus, type Claims, type Movement, type ReportStatus, type Text } from './schemas.js';
import type { NominationStatus } from './awards/schemas.js';
import { snapshotId } from './standings-snapshot.js';
import { ClosingSummary } from './documents/tong-ket.js';

export type Phase = MovementStatus;
export const PHASES: readonly Phase[] = MovementStatus.options;

export const PHASE_TEXT: Record<Phase, Text> = {
  draft: { vi: 'Dự thảo', en: 'Draft' },
  published: { vi: 'Đã phát động', en: 'Published' },
  open: { vi: 'Đang nhận báo cáo', en: 'Open for reports' },
  appraisal: { vi: 'Thẩm định', en: 'Appraisal' },
  council: { vi: 'Hội đồng xét khen thưởng', en: 'Council' },
  closed: { vi: 'Đã kết thúc', en: 'Closed' },
};

/** What moving into a phase is called (button labels, audit, timeline). */
export const STEP_TEXT: Record<Phase, Text> = {
  draft: { vi: 'Lập dự thảo', en: 'Draft' },
  published: { vi: 'Phát động phong trào', en: 'Publish the movement' },
  open: { vi: 'Mở nhận báo cáo', en: 'Open reporting' },
  appraisal: { vi: 'Chuyển sang thẩm định', en: 'Start appraisal' },
  council: { vi: 'Chuyển sang Hội đồng', en: 'Hand over to the council' },
  closed: { vi: 'Kết thúc phong trào', en: 'Close the movement' },
};

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null;
}

/** Reason given when a step goes ahead despite what is missing (also the callable's zod). */
export const PhaseReason = z.string().trim().min(5, 'Lý do cần ít nhất 5 ký tự').max(2000, 'Lý do dài quá 2000 ký tự');

export const AdvanceMovementInput = z
  .object({
    orgId: Id,
    movementId: Id,
    /** The phase to move into: only the next one. */
    to: MovementStatus,
    reason: PhaseReason.optional(),
    /**
     * Closing only: the secretariat's part V of the Báo cáo tổng kết (đánh giá chung, tồn tại hạn
     * chế, phương hướng). Given with the step rather than by a separate callable: it is written once,
     * by whoever closes, and the report is generated from it in the same step.
     */
    closingSummary: ClosingSummary.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'closed' && v.closingSummary === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['closingSummary'],
        message: 'Kết thúc phong trào cần phần đánh giá tổng kết của Thường trực (ít nhất 20 ký tự)',
      });
    if (v.to !== 'closed' && v.closingSummary !== undefined)
      ctx.addIssue({ code: 'custom', path: ['closingSummary'], message: 'Phần đánh giá tổng kết chỉ nhập khi kết thúc phong trào' });
  });
export type AdvanceMovementInput = z.infer<typeof AdvanceMovementInput>;

/** Names one movement of one organisation (inputs of read-only callables). */
export const MovementKey = z.object({ orgId: Id, movementId: Id });

/** What the preconditions are computed from; the callable reads it, the web may too. */
export interface PhaseFacts {
  now: number;
  /** The organisation's active units (a deactivated unit reports nothing). */
  activeUnits: { id: string; name: string }[];
  /** Every report of the movement. */
  reports: { unitId: string; periodId: string; status: ReportStatus }[];
  /** Ids of the frozen standings snapshots (`${periodId}_${stage}`). */
  snapshotIds: string[];
  meetings: { id: string; status: 'open' | 'closed' }[];
  nominations: { id: string; status: NominationStatus }[];
}

export interface Blocker {
  /** Stable key (tests, UI). */
  id:
    | 'no-units'
    | 'no-points'
    | 'no-deadline'
    | 'deadline-passed'
    | 'reports-missing'
    | 'reports-pending'
    | 'appraisal-not-frozen'
    | 'meetings-open'
    | 'nominations-pending';
  message: Text;
  /** True when the secretariat may go ahead anyway, giving a reason. */
  overridable: boolean;
}

const vnDate = (ms: number) => new Date(ms).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
const names = (list: string[], max = 5) => (list.length > max ? `${list.slice(0, max).join(', ')}…` : list.join(', '));
const SENT: readonly ReportStatus[] = ['submitted', 'certified', 'returned', 'approved'];
const PENDING_APPRAISAL: readonly ReportStatus[] = ['submitted', 'certified', 'returned'];
/** Nominations still waiting for someone: a draft was never proposed, the rest are settled. */
const PENDING_NOMINATION: readonly NominationStatus[] = ['submitted', 'returned', 'accepted'];

/** What stops the movement from moving from its phase into the next one (empty: nothing). */
export function phaseBlockers(movement: Pick<Movement, 'status' | 'criteria' | 'periods' | 'currentPeriodId'>, facts: PhaseFacts): Blocker[] {
  const out: Blocker[] = [];
  const add = (id: Blocker['id'], overridable: boolean, vi: string, en: string) => out.push({ id, overridable, message: { vi, en } });
  const unitName = new Map(facts.activeUnits.map((u) => [u.id, u.name]));
  const periodLabel = (id: string) => movement.periods.find((p) => p.id === id)?.label ?? { vi: id, en: id };
  const noUnits = () => facts.activeUnits.length === 0 && add('no-units', false, 'Chưa có đơn vị nào đang hoạt động.', 'No active unit yet.');
  switch (movement.status) {
    case 'draft': {
      noUnits();
      if (movement.criteria.reduce((s, c) => s + c.maxPoints, 0) <= 0)
        add('no-points', false, 'Tổng điểm tối đa của các tiêu chí bằng 0.', 'The criteria carry no points.');
      break;
    }
    case 'published': {
      noUnits();
      const none = movement.periods.filter((p) => p.deadline === null);
      if (none.length) {
        add(
          'no-deadline',
          false,
          `${none.length} kỳ chưa có hạn nộp báo cáo: ${names(none.map((p) => p.label.vi))}.`,
          `${none.length} period(s) have no deadline: ${names(none.map((p) => p.label.en || p.label.vi))}.`,
        );
      }
      const passed = movement.periods.filter((p) => p.deadline !== null && p.deadline < facts.now);
      if (passed.length) {
        add(
          'deadline-passed',
          false,
          `Hạn nộp đã qua: ${names(passed.map((p) => `${p.label.vi} (${vnDate(p.deadline!)})`))}; hãy đặt hạn mới trước khi mở.`,
          `Deadline already passed: ${names(passed.map((p) => `${p.label.en || p.label.vi} (${vnDate(p.deadline!)})`))}; set a new one before opening.`,
        );
      }
      break;
    }
    case 'open': {
      for (const p of movement.periods) {
        const sent = new Set(facts.reports.filter((r) => r.periodId === p.id && SENT.includes(r.status)).map((r) => r.unitId));
        const missing = facts.activeUnits.filter((u) => !sent.has(u.id)).map((u) => u.name);
        if (missing.length) {
          add(
            'reports-missing',
            true,
            `${missing.length} đơn vị chưa nộp báo cáo kỳ “${p.label.vi}”: ${names(missing)}.`,
            `${missing.length} unit(s) have not submitted for "${p.label.en || p.label.vi}": ${names(missing)}.`,
          );
        }
      }
      break;
    }
    case 'appraisal': {
      const pending = facts.reports.filter((r) => PENDING_APPRAISAL.includes(r.status));
      if (pending.length) {
        const list = pending.map((r) => `${unitName.get(r.unitId) ?? r.unitId} (${periodLabel(r.periodId).vi})`);
        add(
          'reports-pending',
          true,
          `${pending.length} báo cáo chưa được duyệt: ${names(list)}.`,
          `${pending.length} report(s) not approved yet: ${names(list)}.`,
        );
      }
      if (!facts.snapshotIds.includes(snapshotId(movement.currentPeriodId, 'appraisal'))) {
        const label = periodLabel(movement.currentPeriodId);
        add(
          'appraisal-not-frozen',
          false,
          `Chưa chốt bảng xếp hạng sau thẩm định kỳ “${label.vi}”.`,
          `The standings after appraisal of "${label.en || label.vi}" are not frozen yet.`,
        );
      }
      break;
    }
    case 'council': {
      const open = facts.meetings.filter((m) => m.status === 'open');
      if (open.length) add('meetings-open', false, `${open.length} cuộc họp Hội đồng chưa kết thúc.`, `${open.length} council meeting(s) not closed yet.`);
      const pending = facts.nominations.filter((n) => PENDING_NOMINATION.includes(n.status));
      if (pending.length)
        add(
          'nominations-pending',
          false,
          `${pending.length} hồ sơ đề nghị khen thưởng chưa có quyết định.`,
          `${pending.length} nomination(s) not decided yet.`,
        );
      break;
    }
    case 'closed':
      break;
  }
  return out;
}

/** Who takes each step: the secretariat (Thường trực) runs the movement; the chairman may also close it. */
export function mayTakeStep(claims: Pick<Claims, 'roles'>, to: Phase): boolean {
  return claims.roles.includes('secretariat') || (to === 'closed' && claims.roles.includes('chair'));
}

export type AdvanceOutcome =
  | { ok: true; from: Phase; to: Phase; overridden: Blocker[] }
  | { ok: false; code: 'permission-denied' | 'failed-precondition'; message: Text; blockers: Blocker[] };

/** Whether `claims` may move `movement` into `to` now, given the facts and an optional reason. */
export function planAdvance(input: {
  movement: Pick<Movement, 'status' | 'criteria' | 'periods' | 'currentPeriodId'>;
  to: Phase;
  claims: Pick<Claims, 'roles'>;
  facts: PhaseFacts;
  reason?: string | undefined;
}): AdvanceOutcome {
  const { movement, to, claims, facts } = input;
  const from = movement.status;
  const refuse = (code: 'permission-denied' | 'failed-precondition', vi: string, en: string, blockers: Blocker[] = []): AdvanceOutcome => ({
    ok: false,
    code,
    message: { vi, en },
    blockers,
  });
  if (!mayTakeStep(claims, to)) {
    return to === 'closed'
      ? refuse(
          'permission-denied',
          'Chỉ Thường trực hoặc Chủ tịch mới được kết thúc phong trào.',
          'Only the secretariat or the chairman may close the movement.',
        )
      : refuse(
          'permission-denied',
          'Chỉ Thường trực (Phòng Văn hóa – Xã hội) mới được chuyển giai đoạn phong trào.',
          'Only the secretariat may move the movement to another phase.',
        );
  }
  const next = nextPhase(from);
  if (next !== to) {
    return next === null
      ? refuse('failed-precondition', 'Phong trào đã kết thúc: không chuyển giai đoạn được nữa.', 'The movement is closed: it has no further phase.')
      : refuse(
          'failed-precondition',
          `Phong trào đang ở giai đoạn “${PHASE_TEXT[from].vi}”: bước tiếp theo chỉ có thể là “${PHASE_TEXT[next].vi}” (không bỏ bước, không quay lại).`,
          `The movement is "${PHASE_TEXT[from].en}": the next step can only be "${PHASE_TEXT[next].en}" (no skipping, no going back).`,
        );
  }
  const blockers = phaseBlockers(movement, facts);
  const hard = blockers.filter((b) => !b.overridable);
  if (hard.length) {
    return refuse(
      'failed-precondition',
      `Chưa thể ${STEP_TEXT[to].vi.toLowerCase()}: ${blockers.map((b) => b.message.vi).join(' ')}`,
      `Cannot ${STEP_TEXT[to].en.toLowerCase()}: ${blockers.map((b) => b.message.en).join(' ')}`,
      blockers,
    );
  }
  const reason = input.reason?.trim() ?? '';
  if (blockers.length && reason.length < 5) {
    return refuse(
      'failed-precondition',
      `Chưa thể ${STEP_TEXT[to].vi.toLowerCase()}: ${blockers.map((b) => b.message.vi).join(' ')} Nếu vẫn tiếp tục, cần ghi lý do.`,
      `Cannot ${STEP_TEXT[to].en.toLowerCase()}: ${blockers.map((b) => b.message.en).join(' ')} To go ahead anyway, give a reason.`,
      blockers,
    );
  }
  return { ok: true, from, to, overridden: blockers };
}

// ─── Which acts each phase allows ──────────────────────────────────────────────────────────────

export type MovementAct =
  | 'configure'
  | 'extend-deadline'
  | 'register'
  | 'report-edit'
  | 'report-submit'
  | 'report-certify'
  | 'evidence'
  | 'appraise'
  | 'return'
  | 'approve'
  | 'reopen-report'
  | 'freeze-self-assessment'
  | 'freeze-appraisal'
  | 'freeze-final'
  | 'nominate'
  | 'meeting'
  | 'vote'
  | 'decide';

/** The phases in which each act is allowed (before the exceptions in `actRefusal`). */
export const ACT_PHASES: Record<MovementAct, readonly Phase[]> = {
  configure: ['draft', 'published'],
  'extend-deadline': ['open'],
  register: ['published', 'open'],
  'report-edit': ['open'],
  'report-submit': ['open'],
  'report-certify': ['open', 'appraisal'],
  evidence: ['open'],
  appraise: ['appraisal'],
  return: ['appraisal'],
  approve: ['appraisal'],
  'reopen-report': ['open', 'appraisal'],
  'freeze-self-assessment': ['open', 'appraisal'],
  'freeze-appraisal': ['appraisal'],
  'freeze-final': ['council'],
  nominate: ['council'],
  meeting: ['council'],
  vote: ['council'],
  decide: ['council'],
};

export const ACT_TEXT: Record<MovementAct, Text> = {
  configure: { vi: 'cấu hình tiêu chí, điểm và thời hạn', en: 'configure criteria, points and deadlines' },
  'extend-deadline': { vi: 'gia hạn nộp báo cáo', en: 'extend a deadline' },
  register: { vi: 'đăng ký thi đua', en: 'register' },
  'report-edit': { vi: 'lập hoặc sửa báo cáo', en: 'create or edit a report' },
  'report-submit': { vi: 'gửi báo cáo', en: 'submit a report' },
  'report-certify': { vi: 'xác nhận báo cáo', en: 'certify a report' },
  evidence: { vi: 'thêm tài liệu kiểm chứng', en: 'add evidence' },
  appraise: { vi: 'thẩm định', en: 'appraise' },
  return: { vi: 'trả lại báo cáo', en: 'return a report' },
  approve: { vi: 'duyệt báo cáo', en: 'approve a report' },
  'reopen-report': { vi: 'mở lại vòng giải trình', en: 'reopen an explanation round' },
  'freeze-self-assessment': { vi: 'chốt bảng xếp hạng sau tự đánh giá', en: 'freeze the standings after self-assessment' },
  'freeze-appraisal': { vi: 'chốt bảng xếp hạng sau thẩm định', en: 'freeze the standings after appraisal' },
  'freeze-final': { vi: 'chốt kết quả cuối cùng', en: 'freeze the final standings' },
  nominate: { vi: 'đề nghị khen thưởng', en: 'nominate' },
  meeting: { vi: 'họp Hội đồng', en: 'hold a council meeting' },
  vote: { vi: 'biểu quyết', en: 'vote' },
  decide: { vi: 'ra quyết định khen thưởng', en: 'decide an award' },
};

/** The acts that change a unit's report: a returned one (its explanation round) also during appraisal. */
const ROUND_ACTS: readonly MovementAct[] = ['report-edit', 'report-submit', 'evidence'];
/** Acts the movement's `appraisalDuringOpen` setting also allows while it is open. */
const EARLY_APPRAISAL_ACTS: readonly MovementAct[] = ['appraise', 'return', 'approve'];

export function allowedPhases(
  movement: Pick<Movement, 'appraisalDuringOpen'>,
  act: MovementAct,
  ctx: { reportStatus?: ReportStatus | undefined } = {},
): Phase[] {
  const phases = [...ACT_PHASES[act]];
  if (ROUND_ACTS.includes(act) && ctx.reportStatus === 'returned') phases.push('appraisal');
  if (EARLY_APPRAISAL_ACTS.includes(act) && movement.appraisalDuringOpen) phases.unshift('open');
  return phases;
}

/** Null when the act is allowed in the movement's phase; else why not, in words. */
export function actRefusal(
  movement: Pick<Movement, 'status' | 'appraisalDuringOpen'>,
  act: MovementAct,
  ctx: { reportStatus?: ReportStatus | undefined } = {},
): Text | null {
  const phases = allowedPhases(movement, act, ctx);
  if (phases.includes(movement.status)) return null;
  const when = phases.map((p) => PHASE_TEXT[p]);
  return {
    vi: `Không thể ${ACT_TEXT[act].vi} khi phong trào ở giai đoạn “${PHASE_TEXT[movement.status].vi}” (chỉ được khi: ${when.map((t) => t.vi).join(', ')}).`,
    en: `Cannot ${ACT_TEXT[act].en} while the movement is "${PHASE_TEXT[movement.status].en}" (only when: ${when.map((t) => t.en).join(', ')}).`,
  };
}

export function actAllowed(
  movement: Pick<Movement, 'status' | 'appraisalDuringOpen'>,
  act: MovementAct,
  ctx: { reportStatus?: ReportStatus | undefined } = {},
): boolean {
  return actRefusal(movement, act, ctx) === null;
}

/** The freeze act of a standings stage. */
export const FREEZE_ACT = { 'self-assessment': 'freeze-self-assessment', appraisal: 'freeze-appraisal', final: 'freeze-final' } as const satisfies Record<
  string,
  MovementAct
>;

/** A deactivated unit takes no part any more: it creates, edits, submits and certifies nothing. */
export function unitRefusal(unit: { active: boolean; name: string } | null): Text | null {
  if (!unit) return { vi: 'Đơn vị không tồn tại.', en: 'The unit does not exist.' };
  if (!unit.active)
    return {
      vi: `Đơn vị “${unit.name}” đã ngừng hoạt động: không lập, sửa hay gửi báo cáo được.`,
      en: `The unit "${unit.name}" is deactivated: it can no longer create, edit or submit reports.`,
    };
  return null;
}

/** Whom a step concerns: the units' members, the secretariat (reviewers) or the council (and chair). */
export type PhaseAudience = 'units' | 'reviewers' | 'council';

export interface PhaseNotice {
  audiences: PhaseAudience[];
  title: Text;
  body: Text;
  link: string;
}

/** What moving into `to` announces, and to whom. */
export function phaseNotice(to: Phase, title: Text): PhaseNotice | null {
  const name = { vi: title.vi, en: title.en || title.vi };
  switch (to) {
    case 'draft':
      return null;
    case 'published':
      return {
        audiences: ['units'],
        title: { vi: 'Phong trào thi đua đã được phát động', en: 'A movement was launched' },
        body: { vi: `${name.vi}: đơn vị xem kế hoạch và đăng ký thi đua.`, en: `${name.en}: read the plan and register.` },
        link: '#/registration',
      };
    case 'open':
      return {
        audiences: ['units'],
        title: { vi: 'Đã mở nhận báo cáo tự đánh giá', en: 'Reporting is open' },
        body: { vi: `${name.vi}: đơn vị lập và gửi báo cáo trước hạn nộp.`, en: `${name.en}: prepare and submit your report before the deadline.` },
        link: '#/report',
      };
    case 'appraisal':
      return {
        audiences: ['reviewers', 'units'],
        title: { vi: 'Phong trào chuyển sang thẩm định', en: 'Appraisal has started' },
        body: {
          vi: `${name.vi}: hết nhận báo cáo; Thường trực thẩm định các báo cáo đã gửi.`,
          en: `${name.en}: reporting is over; the secretariat appraises the reports sent.`,
        },
        link: '#/review',
      };
    case 'council':
      return {
        audiences: ['council', 'units'],
        title: { vi: 'Phong trào chuyển sang Hội đồng xét khen thưởng', en: 'The council phase has started' },
        body: {
          vi: `${name.vi}: kết quả thẩm định đã chốt; đơn vị đề nghị khen thưởng, Hội đồng họp xét.`,
          en: `${name.en}: appraisal results are frozen; units nominate, the council meets.`,
        },
        link: '#/awards',
      };
    case 'closed':
      return {
        audiences: ['units', 'reviewers', 'council'],
        title: { vi: 'Phong trào thi đua đã kết thúc', en: 'The movement is closed' },
        body: { vi: `${name.vi}: kết quả cuối cùng đã được chốt.`, en: `${name.en}: the final results are frozen.` },
        link: '#/standings',
      };
  }
}
