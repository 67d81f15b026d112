/**
 * Documents of the award dossier (Nghị định 30/2020 format): content model, builders from plain
 * inputs, DOCX writer and the dossier ZIP. Block-level schemas are exported with a `Doc` prefix so
 * that generic names (Table, Paragraph, …) do not crowd the package's top level.
 */
export {
  DocumentKind,
  DocumentModel,
  DocHeader,
  Agency,
  Appendix,
  Block as DocBlock,
  Run as DocRun,
  Inline as DocInline,
  Align as DocAlign,
  Paragraph as DocParagraph,
  Heading as DocHeading,
  Bases as DocBases,
  Addressees as DocAddressees,
  Column as DocColumn,
  TableRow as DocTableRow,
  Table as DocTable,
  SignatureColumn as DocSignatureColumn,
  RecipientsColumn as DocRecipientsColumn,
  ClosingColumn as DocClosingColumn,
  Closing as DocClosing,
} from './model.js';
export type { AgencyInput, AppendixInput, DocumentModelInput } from './model.js';

export { renderDocx, documentXml, balanceLines, ND30_FORMAT, A4_TWIPS, type Nd30Format } from './docx.js';
export { buildDossierZip, crc32, safeZipName, type DossierFile } from './zip.js';
// The PDF renderer itself is `@thidua/domain/pdf` (pdf.ts): it brings pdf-lib, which the web app does not need.
export { PDF_FONT_FILES, type PdfFonts } from './pdf-fonts.js';
export { textWidthPt } from './metrics.js';
export { ngayThangNam, placeAndDate, shortDate, shortDate2, gioPhut, soKyHieu, formatMoney, percentText, numberToWords, moneyInWords } from './format.js';
export {
  HeaderInput,
  Capacity,
  SignerInput,
  MovementRef,
  MOVEMENT_119,
  NomineeRow,
  FORM_IN_LIST,
  signatureTitleLines,
  signerOf,
  recipientLines,
  addresseeItems,
  countPhrase,
  type NomineeRowInput,
} from './parts.js';

export { ToTrinhUnitInput, buildToTrinhUnit } from './to-trinh-unit.js';
export { BaoCaoThanhTichInput, BaoCaoTapTheInput, BaoCaoCaNhanInput, buildBaoCaoThanhTich } from './bao-cao-thanh-tich.js';
export { BienBanInput, VoteLine, voteLine, buildBienBan } from './bien-ban.js';
export { QuyetDinhGiayKhenInput, buildQuyetDinhGiayKhen } from './quyet-dinh-giay-khen.js';
export { ToTrinhBangKhenInput, buildToTrinhBangKhen } from './to-trinh-bang-khen.js';
export { buildKeHoach, criteriaParagraphs, layoutGroup, planBlocks, planRecipientLines, agencyLines, type KeHoachInputs } from './ke-hoach.js';
export {
  ClosingSummary,
  buildTongKet,
  criterionStats,
  summaryBlocks,
  tongKetSubject,
  type CriterionStat,
  type TargetTally,
  type TongKetAward,
  type TongKetInputs,
  type TongKetPeriod,
} from './tong-ket.js';
export * from './samples.js';
export {
  MovementForDossier,
  OrgForDossier,
  UnitForDossier,
  DossierSettings,
  DOCX_CONTENT_TYPE,
  ZIP_CONTENT_TYPE,
  PDF_CONTENT_TYPE,
  pdfNameOf,
  DOSSIER_ZIP_ID,
  CERTIFICATES_ID,
  PUBLIC_DOC_TYPES,
  planDossier,
  numberText,
  newDossierDocument,
  canReadDossierDocument,
  type DossierInputs,
  type Numbering,
  type PlannedDocument,
} from './dossier.js';
