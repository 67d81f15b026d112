/**
 * Quyết định tặng Giấy khen of the ward chairman (Luật TĐKT 2022 Điều 80 khoản 3: the chairman's
 * own competence, so the signature block has no "TM."), with the danh sách and the money per
 * configurable coefficients × mức lương cơ sở.
 */
import { z } from 'zod';
import { IsoDate } from '../awards/schemas.js';
import { AwardMoneyConfig, awardAmount } from '../awards/money.js';
import { p, b, type Block, type DocumentModel } from './model.js';
import {
  HeaderInput,
  MovementRef,
  NomineeRow,
  SignerInput,
  awardTable,
  countOf,
  countPhrase,
  docHeader,
  recipientLines,
  refDate,
  signatureColumn,
} from './parts.js';
import { formatMoney, moneyInWords, shortDate2, upper } from './format.js';

export const QuyetDinhGiayKhenInput = z.object({
  header: HeaderInput,
  /** e.g. "phường Hải An". */
  wardName: z.string().trim().min(1).max(100),
  movement: MovementRef,
  /** Citations after "Căn cứ " — law, decree, … (data: see LegalBasisSet). */
  legalBases: z.array(z.string().trim().min(1)).default([]),
  councilMinutes: z.object({ date: IsoDate }),
  /** "Theo đề nghị của …", e.g. "Trưởng phòng Văn hóa – Xã hội". */
  proposer: z.string().trim().min(1).max(300),
  awardees: z.array(NomineeRow).min(1, 'Danh sách khen thưởng không được để trống').max(500),
  money: AwardMoneyConfig,
  /** Điều 3: who carries out the decision (before "và các tập thể, cá nhân có tên tại Điều 1"). */
  executors: z.array(z.string().trim().min(1)).min(1),
  signer: SignerInput,
  recipients: z.array(z.string().trim().min(1)).default(['Như Điều 3']),
  archive: z.array(z.string().trim().min(1)).min(1).default(['VT', 'VHXH']),
});
export type QuyetDinhGiayKhenInput = z.input<typeof QuyetDinhGiayKhenInput>;

export function buildQuyetDinhGiayKhen(input: QuyetDinhGiayKhenInput): DocumentModel {
  const v = QuyetDinhGiayKhenInput.parse(input);
  const rows = v.awardees.map((a) => ({ ...a, amount: awardAmount(v.money, 'GIAY_KHEN_PHUONG', a.nomineeType) }));
  const total = rows.reduce((s, r) => s + r.amount, 0);
  const c = countOf(rows);
  const perCollective = awardAmount(v.money, 'GIAY_KHEN_PHUONG', 'collective');
  const perIndividual = awardAmount(v.money, 'GIAY_KHEN_PHUONG', 'individual');
  const subject = `Về việc tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong ${v.movement.name}`;
  const chairOf = `Chủ tịch Ủy ban nhân dân ${v.wardName}`;

  const bases = [
    ...v.legalBases.map((x) => `Căn cứ ${x};`),
    `Căn cứ ${v.movement.planRef} về việc phát động ${v.movement.name};`,
    `Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng phường ngày ${shortDate2(v.councilMinutes.date)};`,
    `Theo đề nghị của ${v.proposer}.`,
  ];
  const each = [c.collective ? `mỗi tập thể ${formatMoney(perCollective)} đồng` : '', c.individual ? `mỗi cá nhân ${formatMoney(perIndividual)} đồng` : '']
    .filter(Boolean)
    .join(', ');

  const body: Block[] = [
    { type: 'bases', lines: bases },
    p([b('QUYẾT ĐỊNH:')], { align: 'center', firstLineIndent: false, spaceBeforePt: 6, keepWithNext: true }),
    p([b('Điều 1. '), `Tặng Giấy khen cho ${countPhrase(rows)} (có danh sách kèm theo) đã có thành tích xuất sắc trong ${v.movement.name}.`]),
    p([
      b('Điều 2. '),
      `Tiền thưởng kèm theo Giấy khen: ${each}. Tổng số tiền thưởng: ${formatMoney(total)} đồng (Bằng chữ: ${moneyInWords(total)}). Nguồn kinh phí: ${v.money.fundSource}.`,
    ]),
    p([
      b('Điều 3. '),
      `Quyết định này có hiệu lực kể từ ngày ký. ${v.executors.join(', ')} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ]),
    { type: 'closing', left: { kind: 'recipients', lines: recipientLines(v.recipients, v.archive) }, right: signatureColumn(v.signer) },
  ];

  return {
    kind: 'QUYET_DINH_GIAY_KHEN',
    header: docHeader(v.header),
    title: { name: 'QUYẾT ĐỊNH', subject: [subject], authority: upper(`Chủ tịch Ủy ban nhân dân ${v.wardName}`) },
    body,
    appendices: [
      {
        orientation: 'portrait',
        agencyHeader: true,
        title: 'DANH SÁCH',
        subtitle: [`Tập thể, cá nhân được tặng Giấy khen của ${chairOf} đã có thành tích xuất sắc trong ${v.movement.name}`],
        attachedTo: `(Kèm theo Quyết định số ${v.header.number} ngày ${refDate(v.header.issuedDate)} của ${chairOf})`,
        body: [
          awardTable(rows),
          p(`Tổng số: ${countPhrase(rows)}; tổng số tiền thưởng: ${formatMoney(total)} đồng./.`, { align: 'left', firstLineIndent: false }),
        ],
      },
    ],
    meta: { title: `Quyết định ${v.header.number}`, subject },
  };
}
