import { describe, expect, it } from 'vitest';
import {
  ACT_PHASES,
  AdvanceMovementInput,
  PHASES,
  actAllowed,
  actRefusal,
  nextPhase,
  phaseBlockers,
  planAdvance,
  plan119Movement,
  snapshotId,
  unitRefusal,
  type Blocker,
  type Claims,
  type Movement,
  type MovementAct,
  type Phase,
  type PhaseFacts,
} from '../src/index.js';

const NOW = Date.UTC(2025, 9, 1);
const DAY = 86_400_000;
const base = (status: Phase, over: Partial<Movement> = {}): Movement => ({ ...plan119Movement(NOW), status, ...over });
const [H1, H2] = ['2025-H1', '2025-H2'];
const secretariat: Claims = { org: 'o', roles: ['secretariat'], units: { vhxh: 'staff' } };
const chair: Claims = { org: 'o', roles: ['chair', 'council'], units: {} };
const council: Claims = { org: 'o', roles: ['council'], units: {} };
const admin: Claims = { org: 'o', roles: ['admin'], units: {} };
const staff: Claims = { org: 'o', roles: [], units: { vp: 'head' } };
const units = [
  { id: 'vp', name: 'Văn phòng' },
  { id: 'kt', name: 'Phòng Kinh tế' },
];

/** Facts under which every step may be taken without a reason. */
const ready = (over: Partial<PhaseFacts> = {}): PhaseFacts => ({
  now: NOW,
  activeUnits: units,
  reports: units.flatMap((u) => [H1, H2].map((periodId) => ({ unitId: u.id, periodId, status: 'approved' as const }))),
  snapshotIds: [snapshotId(H2, 'appraisal')],
  meetings: [{ id: 'm1', status: 'closed' }],
  nominations: [
    { id: 'n1', status: 'approved' },
    { id: 'n2', status: 'rejected' },
    { id: 'n3', status: 'draft' },
  ],
  ...over,
});
const ids = (b: Blocker[]) => b.map((x) => x.id);

describe('the phases', () => {
  it('run draft → published → open → appraisal → council → closed, one step at a time', () => {
    expect(PHASES).toEqual(['draft', 'published', 'open', 'appraisal', 'council', 'closed']);
    expect(PHASES.map(nextPhase)).toEqual(['published', 'open', 'appraisal', 'council', 'closed', null]);
  });

  it('the secretariat takes every step when nothing is missing, without a reason', () => {
    for (const from of PHASES.slice(0, -1)) {
      const to = nextPhase(from)!;
      const out = planAdvance({ movement: base(from), to, claims: secretariat, facts: ready() });
      expect(out, `${from} → ${to}`).toEqual({ ok: true, from, to, overridden: [] });
    }
  });

  it('the chairman may close the movement but take no other step', () => {
    expect(planAdvance({ movement: base('council'), to: 'closed', claims: chair, facts: ready() }).ok).toBe(true);
    for (const from of ['draft', 'published', 'open', 'appraisal'] as const) {
      const out = planAdvance({ movement: base(from), to: nextPhase(from)!, claims: chair, facts: ready() });
      expect(out).toMatchObject({ ok: false, code: 'permission-denied', message: { vi: expect.stringContaining('Chỉ Thường trực') } });
    }
  });

  it('council members, the admin and unit members take no step at all', () => {
    for (const claims of [council, admin, staff]) {
      for (const from of PHASES.slice(0, -1)) {
        const out = planAdvance({ movement: base(from), to: nextPhase(from)!, claims, facts: ready() });
        expect(out.ok ? 'allowed' : out.code, `${claims.roles.join()} ${from}`).toBe('permission-denied');
      }
    }
    const close = planAdvance({ movement: base('council'), to: 'closed', claims: council, facts: ready() });
    expect(close).toMatchObject({ ok: false, message: { vi: 'Chỉ Thường trực hoặc Chủ tịch mới được kết thúc phong trào.' } });
  });

  it('refuses skipping a step, going back, staying, and anything after closing', () => {
    for (const from of PHASES) {
      for (const to of PHASES) {
        if (to === nextPhase(from)) continue;
        const out = planAdvance({ movement: base(from), to, claims: secretariat, facts: ready() });
        expect(out.ok, `${from} → ${to}`).toBe(false);
        if (out.ok) continue;
        expect(out.code).toBe('failed-precondition');
        expect(out.message.vi).toMatch(from === 'closed' ? /đã kết thúc/ : /bước tiếp theo chỉ có thể là/);
      }
    }
  });
});

describe('what blocks each step', () => {
  it('publishing needs an active unit and criteria worth points', () => {
    const m = base('draft', { criteria: base('draft').criteria.map((c) => ({ ...c, maxPoints: 0 })) });
    const out = planAdvance({ movement: m, to: 'published', claims: secretariat, facts: ready({ activeUnits: [] }), reason: 'vẫn muốn phát động' });
    expect(out).toMatchObject({ ok: false, code: 'failed-precondition' });
    if (out.ok) return;
    expect(ids(out.blockers)).toEqual(['no-units', 'no-points']);
    expect(out.message.vi).toBe('Chưa thể phát động phong trào: Chưa có đơn vị nào đang hoạt động. Tổng điểm tối đa của các tiêu chí bằng 0.');
  });

  it('opening needs every period to have a deadline still ahead (no reason overrides it)', () => {
    const periods = base('published').periods;
    const m = base('published', {
      periods: [
        { ...periods[0]!, deadline: null },
        { ...periods[1]!, deadline: NOW - DAY },
      ],
    });
    const out = planAdvance({ movement: m, to: 'open', claims: secretariat, facts: ready(), reason: 'mở gấp theo chỉ đạo' });
    if (out.ok) throw new Error('opened');
    expect(ids(out.blockers)).toEqual(['no-deadline', 'deadline-passed']);
    expect(out.blockers.every((b) => !b.overridable)).toBe(true);
    expect(out.message.vi).toContain('1 kỳ chưa có hạn nộp báo cáo: 6 tháng đầu năm 2025 (kỳ so sánh).');
    expect(out.message.vi).toContain('Hạn nộp đã qua: 6 tháng cuối năm 2025 (30/9/2025)');
    expect(ids(phaseBlockers(base('published'), ready({ activeUnits: [] })))).toEqual(['no-units']);
  });

  it('appraisal names the units that have not submitted, per period, and goes ahead with a reason', () => {
    const facts = ready({
      activeUnits: [...units, { id: 'tt', name: 'Trung tâm' }],
      reports: [
        { unitId: 'vp', periodId: H1, status: 'submitted' },
        { unitId: 'vp', periodId: H2, status: 'certified' },
        { unitId: 'kt', periodId: H2, status: 'draft' },
        // A deactivated unit's report counts for nothing, its absence blocks nothing.
        { unitId: 'old', periodId: H2, status: 'draft' },
      ],
    });
    const refused = planAdvance({ movement: base('open'), to: 'appraisal', claims: secretariat, facts });
    if (refused.ok) throw new Error('moved');
    expect(refused.blockers).toEqual([
      {
        id: 'reports-missing',
        overridable: true,
        message: expect.objectContaining({ vi: '2 đơn vị chưa nộp báo cáo kỳ “6 tháng đầu năm 2025 (kỳ so sánh)”: Phòng Kinh tế, Trung tâm.' }),
      },
      {
        id: 'reports-missing',
        overridable: true,
        message: expect.objectContaining({ vi: '2 đơn vị chưa nộp báo cáo kỳ “6 tháng cuối năm 2025”: Phòng Kinh tế, Trung tâm.' }),
      },
    ]);
    expect(refused.message.vi).toMatch(/Nếu vẫn tiếp tục, cần ghi lý do\.$/);
    expect(planAdvance({ movement: base('open'), to: 'appraisal', claims: secretariat, facts, reason: ' ngắn ' }).ok).toBe(false);
    const ahead = planAdvance({ movement: base('open'), to: 'appraisal', claims: secretariat, facts, reason: 'Hết hạn, hai đơn vị không nộp.' });
    expect(ahead).toMatchObject({ ok: true, overridden: [{ id: 'reports-missing' }, { id: 'reports-missing' }] });
  });

  it('the council phase needs the appraised standings frozen (hard) and every report approved (or a reason)', () => {
    const pending = ready({
      reports: [
        { unitId: 'vp', periodId: H2, status: 'returned' },
        { unitId: 'kt', periodId: H2, status: 'approved' },
        { unitId: 'kt', periodId: H1, status: 'certified' },
      ],
    });
    const withReason = planAdvance({
      movement: base('appraisal'),
      to: 'council',
      claims: secretariat,
      facts: pending,
      reason: 'Văn phòng không giải trình đúng hạn.',
    });
    expect(withReason).toMatchObject({
      ok: true,
      overridden: [
        {
          id: 'reports-pending',
          message: { vi: '2 báo cáo chưa được duyệt: Văn phòng (6 tháng cuối năm 2025), Phòng Kinh tế (6 tháng đầu năm 2025 (kỳ so sánh)).' },
        },
      ],
    });
    const notFrozen = planAdvance({
      movement: base('appraisal'),
      to: 'council',
      claims: secretariat,
      facts: ready({ snapshotIds: [snapshotId(H1, 'appraisal'), snapshotId(H2, 'self-assessment')] }),
      reason: 'không cần chốt',
    });
    expect(notFrozen).toMatchObject({ ok: false, blockers: [{ id: 'appraisal-not-frozen', overridable: false }] });
    if (!notFrozen.ok) expect(notFrozen.message.vi).toBe('Chưa thể chuyển sang hội đồng: Chưa chốt bảng xếp hạng sau thẩm định kỳ “6 tháng cuối năm 2025”.');
  });

  it('closing needs every council meeting closed and every nomination decided (no reason overrides it)', () => {
    const facts = ready({
      meetings: [
        { id: 'a', status: 'open' },
        { id: 'b', status: 'closed' },
      ],
      nominations: (['draft', 'submitted', 'returned', 'accepted', 'approved', 'rejected', 'awarded', 'withdrawn'] as const).map((status, i) => ({
        id: `n${i}`,
        status,
      })),
    });
    const out = planAdvance({ movement: base('council'), to: 'closed', claims: secretariat, facts, reason: 'kết thúc năm' });
    if (out.ok) throw new Error('closed');
    expect(out.blockers.map((b) => [b.id, b.message.vi, b.overridable])).toEqual([
      ['meetings-open', '1 cuộc họp Hội đồng chưa kết thúc.', false],
      ['nominations-pending', '3 hồ sơ đề nghị khen thưởng chưa có quyết định.', false],
    ]);
    expect(phaseBlockers(base('closed'), facts)).toEqual([]);
  });

  it('lists at most five names and says how many there are', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `u${i}`, name: `Đơn vị ${i}` }));
    const [b] = phaseBlockers(base('open', { periods: [base('open').periods[1]!] }), ready({ activeUnits: many, reports: [] }));
    expect(b!.message.vi).toBe('7 đơn vị chưa nộp báo cáo kỳ “6 tháng cuối năm 2025”: Đơn vị 0, Đơn vị 1, Đơn vị 2, Đơn vị 3, Đơn vị 4….');
  });
});

describe('which acts each phase allows', () => {
  /** The whole table, phase by phase: what a reader of DOMAIN.md §2 expects. */
  const expected: Record<MovementAct, Phase[]> = {
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

  it('allows every act in its phases only, and nothing once closed', () => {
    expect(Object.keys(ACT_PHASES).sort()).toEqual(Object.keys(expected).sort());
    for (const [act, phases] of Object.entries(expected) as [MovementAct, Phase[]][]) {
      for (const phase of PHASES) {
        expect(actAllowed(base(phase, { appraisalDuringOpen: false }), act), `${act} in ${phase}`).toBe(phases.includes(phase));
      }
    }
  });

  it('a returned report is edited, given evidence and resubmitted during appraisal too (its explanation round)', () => {
    for (const act of ['report-edit', 'report-submit', 'evidence'] as const) {
      expect(actAllowed(base('appraisal'), act, { reportStatus: 'returned' })).toBe(true);
      expect(actAllowed(base('appraisal'), act, { reportStatus: 'draft' })).toBe(false);
      expect(actAllowed(base('council'), act, { reportStatus: 'returned' })).toBe(false);
    }
  });

  it('appraisal during open only when the movement says so', () => {
    for (const act of ['appraise', 'return', 'approve'] as const) {
      expect(actAllowed(base('open', { appraisalDuringOpen: true }), act)).toBe(true);
      expect(actAllowed(base('open', { appraisalDuringOpen: false }), act)).toBe(false);
      expect(actAllowed(base('open', { appraisalDuringOpen: undefined }), act)).toBe(false);
      expect(actAllowed(base('council', { appraisalDuringOpen: true }), act)).toBe(false);
    }
  });

  it('says in words what is refused and when it is allowed', () => {
    expect(actRefusal(base('closed'), 'report-submit')?.vi).toBe(
      'Không thể gửi báo cáo khi phong trào ở giai đoạn “Đã kết thúc” (chỉ được khi: Đang nhận báo cáo).',
    );
    expect(actRefusal(base('open', { appraisalDuringOpen: false }), 'appraise')?.vi).toBe(
      'Không thể thẩm định khi phong trào ở giai đoạn “Đang nhận báo cáo” (chỉ được khi: Thẩm định).',
    );
    expect(actRefusal(base('appraisal'), 'nominate')?.en).toBe('Cannot nominate while the movement is "Appraisal" (only when: Council).');
    expect(actRefusal(base('open'), 'report-submit')).toBeNull();
  });
});

describe('unitRefusal', () => {
  it('refuses a deactivated or missing unit, by name', () => {
    expect(unitRefusal({ active: true, name: 'Văn phòng' })).toBeNull();
    expect(unitRefusal({ active: false, name: 'Văn phòng' })?.vi).toBe('Đơn vị “Văn phòng” đã ngừng hoạt động: không lập, sửa hay gửi báo cáo được.');
    expect(unitRefusal(null)?.vi).toBe('Đơn vị không tồn tại.');
  });
});

describe('the closing step’s input', () => {
  const key = { orgId: 'hai-an', movementId: 'kh-2026' };
  const messages = (data: unknown) => AdvanceMovementInput.safeParse(data).error?.issues.map((i) => i.message) ?? [];

  it('requires the secretariat’s summary, at least 20 characters, to close', () => {
    expect(messages({ ...key, to: 'closed' })).toEqual(['Kết thúc phong trào cần phần đánh giá tổng kết của Thường trực (ít nhất 20 ký tự)']);
    expect(messages({ ...key, to: 'closed', closingSummary: '   ngắn   ' })).toEqual(['Phần đánh giá tổng kết của Thường trực cần ít nhất 20 ký tự']);
    const ok = AdvanceMovementInput.parse({ ...key, to: 'closed', closingSummary: '  Đánh giá chung: phong trào đạt kết quả tốt.  ' });
    expect(ok.closingSummary).toBe('Đánh giá chung: phong trào đạt kết quả tốt.');
  });

  it('takes no summary on the other steps', () => {
    expect(messages({ ...key, to: 'open' })).toEqual([]);
    expect(messages({ ...key, to: 'council', closingSummary: 'Đánh giá chung: phong trào đạt kết quả tốt.' })).toEqual([
      'Phần đánh giá tổng kết chỉ nhập khi kết thúc phong trào',
    ]);
  });
});
