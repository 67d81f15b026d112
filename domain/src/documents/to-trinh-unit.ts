/**
 * Tờ trình of a unit (phòng, đơn vị thuộc phường) proposing its nominees to the ward chairman,
 * through the secretariat, with the danh sách attached (seed III.4: dossier item 1).
 */
import { z } from 'zod';
import { IsoDate } from '../awards/schemas.js';
import { p, type Block, type DocumentModel } from './model.js';
import {
  HeaderInput,
  MovementRef,
  NomineeRow,
  SignerInput,
  addresseeItems,
  countPhrase,
  docHeader,
  proposalTable,
  recipientLines,
  refDate,
  signatureColumn,
} from './parts.js';
import { shortDate2, two } from './format.js';

export const ToTrinhUnitInput = z.object({
  header: HeaderInput,
  unit: z.object({
    /** In-sentence name, e.g. "Văn phòng HĐND và UBND phường". */
    name: z.string().trim().min(1).max(300),
  }),
  /** e.g. "phường Hải An". */
  wardName: z.string().trim().min(1).max(100),
  /** Kính gửi; default "Chủ tịch Ủy ban nhân dân {wardName}". */
  addressee: z.string().trim().max(300).optional(),
  /** "(qua …)"; the secretariat, e.g. "Phòng Văn hóa – Xã hội". */
  via: z.string().trim().max(300).default('Phòng Văn hóa – Xã hội'),
  movement: MovementRef,
  /** Citations after "Căn cứ " (the movement's legal bases). */
  legalBases: z.array(z.string().trim().min(1)).default([]),
  /** The unit's bình xét meeting whose minutes go with the dossier. */
  minutes: z.object({ date: IsoDate }),
  nominees: z.array(NomineeRow).min(1, 'Danh sách đề nghị không được để trống').max(200),
  signer: SignerInput,
  recipients: z.array(z.string().trim().min(1)).default(['Như trên']),
  archive: z.array(z.string().trim().min(1)).min(1).default(['VT']),
  listOrientation: z.enum(['portrait', 'landscape']).default('landscape'),
});
export type ToTrinhUnitInput = z.input<typeof ToTrinhUnitInput>;

export function buildToTrinhUnit(input: ToTrinhUnitInput): DocumentModel {
  const v = ToTrinhUnitInput.parse(input);
  const giayKhen = v.nominees.filter((n) => n.form === 'GIAY_KHEN_PHUONG');
  const bangKhen = v.nominees.filter((n) => n.form === 'DE_NGHI_BANG_KHEN_TP');
  const chairman = `Chủ tịch Ủy ban nhân dân ${v.wardName}`;
  const subject =
    bangKhen.length === 0
      ? `Về việc đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc trong ${v.movement.name}`
      : `Về việc đề nghị khen thưởng cho tập thể, cá nhân có thành tích xuất sắc trong ${v.movement.name}`;
  // "(qua …)" on its own line under the addressee, as ward documents usually print it.
  const addressee = `${v.addressee ?? chairman}${v.via ? `\n(qua ${v.via})` : ''}`;

  const body: Block[] = [
    { type: 'addressees', items: addresseeItems([addressee]) },
    p(`Thực hiện ${v.movement.planRef} về việc phát động ${v.movement.name};`),
    ...v.legalBases.map((c) => p(`Căn cứ ${c};`)),
    p(`Căn cứ kết quả họp bình xét thi đua, khen thưởng của ${v.unit.name} ngày ${shortDate2(v.minutes.date)},`),
  ];
  if (giayKhen.length > 0) {
    body.push(
      p(
        `${v.unit.name} kính trình ${chairman} xem xét, tặng Giấy khen cho ${countPhrase(giayKhen)} đã có thành tích xuất sắc trong ${v.movement.name} (có danh sách kèm theo).`,
      ),
    );
  }
  if (bangKhen.length > 0) {
    body.push(
      p(
        `${giayKhen.length > 0 ? 'Đồng thời, kính đề nghị' : `${v.unit.name} kính đề nghị`} Ủy ban nhân dân ${v.wardName} xem xét, đề nghị Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen cho ${countPhrase(bangKhen)} tiêu biểu, xuất sắc (có danh sách kèm theo).`,
      ),
    );
  }
  body.push(
    p(
      `Hồ sơ kèm theo gồm: danh sách tập thể, cá nhân đề nghị khen thưởng; ${two(v.nominees.length)} báo cáo thành tích có xác nhận của thủ trưởng đơn vị; biên bản họp bình xét thi đua, khen thưởng của đơn vị.`,
    ),
    p(`${v.unit.name} kính trình ${chairman} xem xét, quyết định./.`),
    { type: 'closing', left: { kind: 'recipients', lines: recipientLines(v.recipients, v.archive) }, right: signatureColumn(v.signer) },
  );

  return {
    kind: 'TO_TRINH_DON_VI',
    header: docHeader(v.header),
    title: { name: 'TỜ TRÌNH', subject: [subject] },
    body,
    appendices: [
      {
        orientation: v.listOrientation,
        agencyHeader: true,
        title: 'DANH SÁCH',
        subtitle: [`Tập thể, cá nhân đề nghị khen thưởng trong ${v.movement.name}`],
        attachedTo: `(Kèm theo Tờ trình số ${v.header.number} ngày ${refDate(v.header.issuedDate)} của ${v.unit.name})`,
        body: [proposalTable(v.nominees), p(`Tổng số: ${countPhrase(v.nominees)}./.`, { align: 'left', firstLineIndent: false })],
      },
    ],
    meta: { title: `Tờ trình ${v.header.number}`, subject },
  };
}
