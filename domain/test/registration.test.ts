import { describe, expect, it } from 'vitest';
import {
  COLLECTIVE_AIMS,
  INDIVIDUAL_AIMS,
  PHASES,
  RegistrationContent,
  SaveRegistrationInput,
  issuesMessage,
  plan119Movement,
  registrableTargets,
  registrationOverview,
  registrationProblems,
  registrationRefusal,
  registrationReminder,
  reminderDay,
  type Claims,
  type Movement,
  type Phase,
  type RegistrationContent as Content,
} from '../src/index.js';

const NOW = Date.UTC(2025, 9, 1);
const movement = (status: Phase = 'published'): Movement => ({ ...plan119Movement(NOW), status });
const targets = registrableTargets(movement());
const content = (over: Partial<Content> = {}): Content => ({
  programme: 'Đơn vị phấn đấu hoàn thành 100% hồ sơ đúng hạn, không có hồ sơ trễ hạn.',
  targetCodes: targets.slice(0, 2).map((t) => t.code),
  collectiveAim: 'tap-the-lao-dong-tien-tien',
  individuals: [{ name: 'Nguyễn Văn An', position: 'Chuyên viên', aim: 'lao-dong-tien-tien' }],
  ...over,
});
const staff: Claims = { org: 'o', roles: [], units: { kt: 'staff' } };
const head: Claims = { org: 'o', roles: [], units: { kt: 'head' } };
const secretariat: Claims = { org: 'o', roles: ['secretariat'], units: { vhxh: 'staff' } };
const unit = { active: true, name: 'Phòng Kinh tế' };
const refusal = (over: Partial<Parameters<typeof registrationRefusal>[0]> = {}) =>
  registrationRefusal({ act: 'save', claims: staff, orgId: 'o', unitId: 'kt', movement: movement(), unit, existing: null, ...over });

describe('registration content', () => {
  it('accepts a programme with targets, an aim and individuals', () => {
    expect(RegistrationContent.safeParse(content()).success).toBe(true);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((t) => t.kind === 'quantitative')).toBe(true);
  });

  it('refuses a short programme, an unknown aim and too many individuals, in Vietnamese naming the field', () => {
    const r = SaveRegistrationInput.safeParse({ orgId: 'o', movementId: 'm', unitId: 'kt', content: content({ programme: 'ngắn' }) });
    expect(r.success).toBe(false);
    expect(issuesMessage(r.error!.issues)).toContain('«Chương trình thi đua»: Chương trình thi đua cần ít nhất 20 ký tự.');
    const aim = SaveRegistrationInput.safeParse({ orgId: 'o', movementId: 'm', unitId: 'kt', content: { ...content(), collectiveAim: 'vo-dich' } });
    expect(issuesMessage(aim.error!.issues)).toContain('«Danh hiệu tập thể đăng ký»');
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `Người ${i}`, position: '', aim: 'lao-dong-tien-tien' as const }));
    const big = RegistrationContent.safeParse(content({ individuals: many }));
    expect(issuesMessage(big.error!.issues)).toContain('«Cá nhân đăng ký»: Tối đa 200 cá nhân đăng ký.');
    const noName = RegistrationContent.safeParse(content({ individuals: [{ name: ' ', position: '', aim: 'lao-dong-tien-tien' }] }));
    expect(issuesMessage(noName.error!.issues)).toContain('(dòng 1)');
  });

  it('keeps the aims in one table each', () => {
    expect(COLLECTIVE_AIMS.map((a) => a.id)).toContain('tap-the-lao-dong-xuat-sac');
    expect(INDIVIDUAL_AIMS.map((a) => a.id)).toContain('chien-si-thi-dua-co-so');
  });
});

describe('registrationProblems', () => {
  it('is empty for codes of the movement', () => {
    expect(registrationProblems(content(), movement())).toEqual([]);
  });

  it('names unknown or qualitative codes and a person registered twice', () => {
    const qualitative = movement().criteria.find((c) => c.kind === 'qualitative')!.code;
    const problems = registrationProblems(
      content({
        targetCodes: ['9.9z', qualitative],
        individuals: [
          { name: 'Lê Thị Bình', position: '', aim: 'lao-dong-tien-tien' },
          { name: 'lê thị bình', position: '', aim: 'chien-si-thi-dua-co-so' },
        ],
      }),
      movement(),
    );
    expect(problems[0]).toMatchObject({ field: 'targetCodes' });
    expect(problems[0]!.vi).toBe(`Chỉ tiêu không có trong phong trào (hoặc không phải chỉ tiêu định lượng): 9.9z, ${qualitative}.`);
    expect(problems[1]!.vi).toContain('Một người được đăng ký hai lần: lê thị bình');
  });
});

describe('registrationRefusal', () => {
  it('lets staff or head save while published or open, and refuses every other phase in words', () => {
    for (const phase of PHASES) {
      const r = refusal({ movement: movement(phase) });
      if (phase === 'published' || phase === 'open') expect(r).toBeNull();
      else {
        expect(r?.code).toBe('failed-precondition');
        expect(r?.message.vi).toContain('Không thể đăng ký thi đua khi phong trào ở giai đoạn');
      }
    }
    expect(refusal({ claims: head })).toBeNull();
  });

  it('refuses another unit, another org and a reviewer without a place in the unit', () => {
    expect(refusal({ unitId: 'vp' })?.code).toBe('permission-denied');
    expect(refusal({ orgId: 'other' })?.code).toBe('permission-denied');
    expect(refusal({ claims: secretariat })?.message.vi).toBe('Chỉ cán bộ hoặc thủ trưởng của đơn vị mới được đăng ký thi đua cho đơn vị.');
  });

  it('refuses a deactivated or missing unit', () => {
    expect(refusal({ unit: { active: false, name: 'Phòng Kinh tế' } })?.message.vi).toContain('đã ngừng hoạt động');
    expect(refusal({ unit: null })?.message.vi).toBe('Đơn vị không tồn tại.');
  });

  it('lets only the head sign, and only a saved, valid draft', () => {
    const draft = { status: 'draft' as const, content: content() };
    expect(refusal({ act: 'sign', claims: staff, existing: draft })?.message.vi).toBe('Chỉ thủ trưởng đơn vị mới được ký đăng ký thi đua.');
    expect(refusal({ act: 'sign', claims: head, existing: null })?.message.vi).toBe('Đơn vị chưa lưu bản đăng ký thi đua nào để ký.');
    expect(refusal({ act: 'sign', claims: head, existing: { ...draft, status: 'signed' } })?.message.vi).toBe('Bản đăng ký thi đua đã được ký.');
    expect(refusal({ act: 'sign', claims: head, existing: draft })).toBeNull();
    // A target removed from the catalogue after saving: the head cannot sign until it is saved again.
    const stale = { ...draft, content: content({ targetCodes: ['9.9z'] }) };
    expect(refusal({ act: 'sign', claims: head, existing: stale })?.message.vi).toContain('Chưa ký được: Chỉ tiêu không có trong phong trào');
    expect(refusal({ act: 'sign', claims: head, existing: draft, movement: movement('appraisal') })?.code).toBe('failed-precondition');
  });
});

describe('registrationOverview', () => {
  it('gives every active unit its status and counts those not signed', () => {
    const units = [
      { id: 'kt', name: 'Phòng Kinh tế', active: true },
      { id: 'vp', name: 'Văn phòng', active: true },
      { id: 'tp', name: 'Phòng Tư pháp', active: true },
      { id: 'old', name: 'Đơn vị cũ', active: false },
    ];
    const o = registrationOverview(units, [
      { unitId: 'kt', status: 'signed', savedAt: 1, signedAt: 2, signedByName: 'Trần Trưởng' },
      { unitId: 'vp', status: 'draft', savedAt: 3 },
      { unitId: 'old', status: 'draft', savedAt: 4 },
    ]);
    expect(o.rows.map((r) => [r.unitId, r.status])).toEqual([
      ['kt', 'signed'],
      ['vp', 'draft'],
      ['tp', 'none'],
    ]);
    expect(o.rows[0]).toMatchObject({ signedAt: 2, signedByName: 'Trần Trưởng' });
    expect(o.counts).toEqual({ units: 3, none: 1, draft: 1, signed: 1 });
    expect(o.unsigned).toEqual(['vp', 'tp']);
  });
});

describe('notices', () => {
  it('reminds in words that depend on whether a draft exists, one day in Vietnam time', () => {
    const title = { vi: 'Thi đua CCHC', en: '' };
    expect(registrationReminder(title, 'none').body.vi).toBe('Thi đua CCHC: đơn vị chưa đăng ký thi đua.');
    expect(registrationReminder(title, 'draft').body.en).toContain('not signed');
    // 18:00 UTC is already the next day in Hà Nội.
    expect(reminderDay(Date.UTC(2025, 9, 1, 18))).toBe('2025-10-02');
  });
});
