/**
 * Biên bản of a unit's bình xét meeting or of the ward Hội đồng TĐKT: time, place, chair and
 * secretary, who attended and who did not, quorum, agenda, discussion, the vote per nominee
 * (yes/total, %), conclusion, end time; signed by the secretary (left) and the chair (right).
 */
import { z } from 'zod';
import { AwardForm, ClockTime, IsoDate } from '../awards/schemas.js';
import type { TallyResult } from '../awards/voting.js';
import { h1, p, type Block, type DocumentModel, type Table } from './model.js';
import { FORM_IN_LIST, HeaderInput, MovementRef } from './parts.js';
import { gioPhut, ngayThangNam, percentText, two } from './format.js';

const PersonLine = z.object({
  name: z.string().trim().min(1).max(200),
  /** Chức vụ, and the council role if any, e.g. "Chủ tịch UBND phường, Chủ tịch Hội đồng". */
  position: z.string().max(300).default(''),
});

export const VoteLine = z.object({
  name: z.string().trim().min(1).max(300),
  form: AwardForm,
  yes: z.number().int().min(0),
  base: z.number().int().min(0),
  percentYes: z.number().min(0).max(100),
  approved: z.boolean(),
});
export type VoteLine = z.infer<typeof VoteLine>;

/** A minutes line from a tally. */
export const voteLine = (name: string, form: z.infer<typeof AwardForm>, t: Pick<TallyResult, 'yes' | 'base' | 'percentYes' | 'approved'>): VoteLine => ({
  name,
  form,
  yes: t.yes,
  base: t.base,
  percentYes: t.percentYes,
  approved: t.approved,
});

export const BienBanInput = z.object({
  kind: z.enum(['unit', 'ward']),
  header: HeaderInput.extend({ number: z.string().trim().max(100).nullable() }),
  movement: MovementRef,
  /** Who meets, in-sentence: "Hội đồng Thi đua - Khen thưởng phường Hải An", "Văn phòng HĐND và UBND phường". */
  bodyName: z.string().trim().min(1).max(300),
  meeting: z.object({ date: IsoDate, startTime: ClockTime, endTime: ClockTime, place: z.string().trim().min(1).max(300) }),
  chair: PersonLine,
  secretary: PersonLine,
  memberCount: z.number().int().positive(),
  attendees: z.array(PersonLine).min(1),
  absentees: z.array(PersonLine.extend({ reason: z.string().max(300).default(''), writtenVote: z.boolean().default(false) })).default([]),
  quorum: z.object({ needed: z.number().int().min(0), met: z.boolean(), rule: z.string().default('2/3') }),
  /** "bỏ phiếu kín" or "biểu quyết công khai (giơ tay)". */
  votingMethod: z.string().trim().min(1).max(200),
  /** e.g. "từ 70% trở lên số thành viên có mặt và biểu quyết bằng văn bản". */
  approvalRule: z.string().trim().min(1).max(300),
  agenda: z.array(z.string().trim().min(1)).min(1),
  discussion: z.array(z.string().trim().min(1)).default([]),
  votes: z.array(VoteLine).default([]),
  /** Default: generated from the votes. */
  conclusion: z.array(z.string().trim().min(1)).optional(),
  chairTitle: z.string().default('CHỦ TỌA'),
  secretaryTitle: z.string().default('THƯ KÝ'),
});
export type BienBanInput = z.input<typeof BienBanInput>;

function voteTable(votes: VoteLine[]): Table {
  return {
    type: 'table',
    columns: [
      { header: 'STT', width: 1.1, align: 'center' },
      { header: 'Tập thể, cá nhân', width: 5, align: 'left' },
      { header: 'Hình thức đề nghị', width: 3.6, align: 'left' },
      { header: 'Số phiếu đồng ý / tổng số', width: 2.6, align: 'center' },
      { header: 'Tỷ lệ (%)', width: 2, align: 'center' },
      { header: 'Kết quả', width: 2.2, align: 'center' },
    ],
    rows: votes.map((v, k) => ({
      kind: 'data',
      cells: [[String(k + 1)], [v.name], [FORM_IN_LIST[v.form]], [`${v.yes}/${v.base}`], [percentText(v.percentYes)], [v.approved ? 'Đạt' : 'Không đạt']],
    })),
  };
}

export function buildBienBan(input: BienBanInput): DocumentModel {
  const v = BienBanInput.parse(input);
  const ward = v.kind === 'ward';
  const noun = ward ? 'thành viên Hội đồng' : 'cán bộ, công chức';
  const purpose = ward ? `xét khen thưởng trong ${v.movement.name}` : `bình xét thi đua, khen thưởng trong ${v.movement.name}`;
  const subject = ward
    ? `Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng trong ${v.movement.name}`
    : `Họp bình xét thi đua, khen thưởng trong ${v.movement.name}`;
  const present = v.attendees.length;
  const line = (x: z.infer<typeof PersonLine>): string => (x.position ? `${x.name} – ${x.position}` : x.name);
  const pctPresent = percentText(Math.round((present * 10000) / v.memberCount) / 100);

  const body: Block[] = [
    p(`Hôm nay, vào lúc ${gioPhut(v.meeting.startTime)}, ${ngayThangNam(v.meeting.date)}, tại ${v.meeting.place}, ${v.bodyName} tổ chức họp ${purpose}.`),
    h1('I. THÀNH PHẦN THAM DỰ'),
    p(`1. Chủ trì (chủ tọa): ${line(v.chair)}.`),
    p(`2. Thư ký: ${line(v.secretary)}.`),
    p(`3. Có mặt: ${two(present)}/${two(v.memberCount)} ${noun}, gồm:`, { keepWithNext: true }),
    ...v.attendees.map((a, k) => p(`- ${line(a)}${k === v.attendees.length - 1 ? '.' : ';'}`)),
  ];
  if (v.absentees.length > 0) {
    body.push(p(`4. Vắng mặt: ${two(v.absentees.length)}/${two(v.memberCount)} ${noun}, gồm:`, { keepWithNext: true }));
    v.absentees.forEach((a, k) => {
      const notes = [a.reason ? `lý do: ${a.reason}` : '', a.writtenVote ? 'có phiếu biểu quyết bằng văn bản' : ''].filter(Boolean).join('; ');
      body.push(p(`- ${line(a)}${notes ? ` (${notes})` : ''}${k === v.absentees.length - 1 ? '.' : ';'}`));
    });
  }
  body.push(
    p(
      v.quorum.met
        ? `Số ${noun} có mặt là ${two(present)}/${two(v.memberCount)} (${pctPresent}%), bảo đảm số lượng theo quy định (tối thiểu ${v.quorum.rule} tổng số, tức ${v.quorum.needed} người); cuộc họp đủ điều kiện tiến hành.`
        : `Số ${noun} có mặt là ${two(present)}/${two(v.memberCount)} (${pctPresent}%), không bảo đảm số lượng theo quy định (tối thiểu ${v.quorum.rule} tổng số, tức ${v.quorum.needed} người); kết quả biểu quyết không có giá trị.`,
    ),
    h1('II. NỘI DUNG CUỘC HỌP'),
    ...v.agenda.map((a, k) => p(`${k + 1}. ${a}`)),
  );
  if (v.discussion.length > 0) body.push(h1('III. Ý KIẾN THẢO LUẬN'), ...v.discussion.map((d) => p(d)));
  const n = (k: number): string => ['III', 'IV', 'V', 'VI'][k + (v.discussion.length > 0 ? 1 : 0)]!;
  body.push(h1(`${n(0)}. KẾT QUẢ BIỂU QUYẾT`), p(`Hình thức biểu quyết: ${v.votingMethod}. Tỷ lệ thông qua: ${v.approvalRule}.`));
  if (v.votes.length > 0) body.push(voteTable(v.votes));
  else body.push(p('Không có trường hợp nào được đưa ra biểu quyết.'));

  const approved = v.votes.filter((x) => x.approved);
  const conclusion =
    v.conclusion ??
    (() => {
      if (!v.quorum.met) return ['Cuộc họp không đủ số lượng thành viên theo quy định; đề nghị tổ chức họp lại.'];
      const gk = approved.filter((x) => x.form === 'GIAY_KHEN_PHUONG').map((x) => x.name);
      const bk = approved.filter((x) => x.form === 'DE_NGHI_BANG_KHEN_TP').map((x) => x.name);
      const out: string[] = [];
      const who = ward ? 'Hội đồng' : 'Hội nghị';
      if (gk.length) out.push(`${who} thống nhất đề nghị Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho ${two(gk.length)} trường hợp: ${gk.join('; ')}.`);
      if (bk.length) {
        const via = ward ? 'Ủy ban nhân dân phường trình' : 'cấp trên xem xét, đề nghị';
        out.push(`${who} thống nhất đề nghị ${via} Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen cho ${two(bk.length)} trường hợp: ${bk.join('; ')}.`);
      }
      const failed = v.votes.filter((x) => !x.approved).map((x) => x.name);
      if (failed.length) out.push(`Không đề nghị khen thưởng ${two(failed.length)} trường hợp không đạt tỷ lệ phiếu theo quy định: ${failed.join('; ')}.`);
      if (out.length === 0) out.push(`${who} không đề nghị khen thưởng trường hợp nào.`);
      return out;
    })();
  body.push(h1(`${n(1)}. KẾT LUẬN`), ...conclusion.map((c) => p(c)));
  body.push(p(`Cuộc họp kết thúc vào lúc ${gioPhut(v.meeting.endTime)} cùng ngày. Biên bản đã được thông qua trước các ${noun} dự họp và được thống nhất./.`), {
    type: 'closing',
    left: { kind: 'signature', titleLines: [v.secretaryTitle], name: v.secretary.name },
    right: { kind: 'signature', titleLines: [v.chairTitle], name: v.chair.name },
  });

  return {
    kind: ward ? 'BIEN_BAN_HOI_DONG' : 'BIEN_BAN_BINH_XET',
    header: { agency: v.header.agency, number: v.header.number, place: v.header.place, date: v.header.issuedDate, draftYear: v.header.draftYear },
    title: { name: 'BIÊN BẢN', subject: [subject] },
    body,
    appendices: [],
    meta: { title: `Biên bản họp ngày ${v.meeting.date}`, subject },
  };
}
