/**
 * Tờ trình of UBND phường to the city chairman proposing Bằng khen for the "tiêu biểu, xuất sắc"
 * nominees (seed III.2), with the danh sách. Signed on behalf of the People's Committee:
 * "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" (or "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH").
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

export const ToTrinhBangKhenInput = z.object({
  header: HeaderInput,
  wardName: z.string().trim().min(1).max(100),
  /** e.g. "thành phố Hải Phòng". */
  cityName: z.string().trim().min(1).max(100),
  /** Kính gửi; default "Chủ tịch Ủy ban nhân dân {cityName}". */
  addressees: z.array(z.string().trim().min(1)).optional(),
  movement: MovementRef,
  legalBases: z.array(z.string().trim().min(1)).default([]),
  councilMinutes: z.object({ date: IsoDate }),
  nominees: z.array(NomineeRow).min(1, 'Danh sách đề nghị không được để trống').max(200),
  signer: SignerInput,
  /** The collective body signed for ("TM. …"). */
  onBehalfOf: z.string().trim().min(1).default('Ủy ban nhân dân'),
  recipients: z.array(z.string().trim().min(1)).default(['Như trên']),
  archive: z.array(z.string().trim().min(1)).min(1).default(['VT', 'VHXH']),
  listOrientation: z.enum(['portrait', 'landscape']).default('landscape'),
});
export type ToTrinhBangKhenInput = z.input<typeof ToTrinhBangKhenInput>;

export function buildToTrinhBangKhen(input: ToTrinhBangKhenInput): DocumentModel {
  const v = ToTrinhBangKhenInput.parse(input);
  const ubnd = `Ủy ban nhân dân ${v.wardName}`;
  const cityChair = `Chủ tịch Ủy ban nhân dân ${v.cityName}`;
  const subject = `Về việc đề nghị ${cityChair} tặng Bằng khen cho tập thể, cá nhân có thành tích tiêu biểu, xuất sắc trong ${v.movement.name}`;

  const body: Block[] = [
    { type: 'addressees', items: addresseeItems(v.addressees ?? [cityChair]) },
    p(`Thực hiện ${v.movement.planRef} về việc phát động ${v.movement.name};`),
    ...v.legalBases.map((c) => p(`Căn cứ ${c};`)),
    p(`Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng phường ngày ${shortDate2(v.councilMinutes.date)},`),
    p(
      `${ubnd} kính trình ${cityChair} xem xét, tặng Bằng khen cho ${countPhrase(v.nominees)} đã có thành tích tiêu biểu, xuất sắc trong thực hiện ${v.movement.name} (có danh sách kèm theo).`,
    ),
    p(
      `Hồ sơ kèm theo gồm: danh sách tập thể, cá nhân đề nghị khen thưởng; ${two(v.nominees.length)} báo cáo thành tích có xác nhận của cấp trình khen; biên bản họp Hội đồng Thi đua - Khen thưởng phường; tài liệu chứng minh thành tích (bản điện tử).`,
    ),
    p(`${ubnd} kính trình ${cityChair} xem xét, quyết định./.`),
    { type: 'closing', left: { kind: 'recipients', lines: recipientLines(v.recipients, v.archive) }, right: signatureColumn(v.signer, v.onBehalfOf) },
  ];

  return {
    kind: 'TO_TRINH_BANG_KHEN',
    header: docHeader(v.header),
    title: { name: 'TỜ TRÌNH', subject: [subject] },
    body,
    appendices: [
      {
        orientation: v.listOrientation,
        agencyHeader: true,
        title: 'DANH SÁCH',
        subtitle: [`Tập thể, cá nhân đề nghị ${cityChair} tặng Bằng khen trong ${v.movement.name}`],
        attachedTo: `(Kèm theo Tờ trình số ${v.header.number} ngày ${refDate(v.header.issuedDate)} của ${ubnd})`,
        body: [proposalTable(v.nominees), p(`Tổng số: ${countPhrase(v.nominees)}./.`, { align: 'left', firstLineIndent: false })],
      },
    ],
    meta: { title: `Tờ trình ${v.header.number}`, subject },
  };
}
