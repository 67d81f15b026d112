/**
 * The award dossier of a movement, planned from what is stored: which documents exist now, their
 * ids, numbering registers, names inside the ZIP and, for each, a builder that fills the document
 * model once the number is known. Pure: the same inputs give the same plan and the same models,
 * so the generator can compare hashes and store a new version only when something changed.
 *
 * What goes in (DOMAIN.md §5):
 * - per proposing unit: Tờ trình + danh sách (nominees its bình xét approved), biên bản of each of
 *   its closed meetings, one báo cáo thành tích per nominee its bình xét approved (or the council voted on);
 * - for the ward: biên bản of each closed council meeting, Quyết định tặng Giấy khen with its list
 *   (the chairman's approvals for Giấy khen), Tờ trình to the city for Bằng khen (approvals for it).
 */
import { z } from 'zod';
import { Id, Text } from '../schemas.js';
import { LEGAL_BASIS_2024, LegalBasisSet, preambleCitations } from '../awards/legal-basis.js';
import { AwardMoneyConfig, DEFAULT_AWARD_MONEY } from '../awards/money.js';
import { fractionText } from '../awards/voting.js';
import type { CouncilMember, CouncilRole, PriorAward } from '../awards/schemas.js';
import { vnDate, vnTime } from '../awards/workflow.js';
import type { DecisionRecord, DossierDocType, DossierDocument, MeetingRecord, NominationRecord, StoredTally } from '../awards/store.js';
import type { AgencyInput, DocumentModel } from './model.js';
import { voteLine, buildBienBan } from './bien-ban.js';
import { buildBaoCaoThanhTich } from './bao-cao-thanh-tich.js';
import { buildQuyetDinhGiayKhen } from './quyet-dinh-giay-khen.js';
import type { CertificateInput } from './giay-khen.js';
import { awardAmount } from '../awards/money.js';
import type { AwardRegisterEntry } from '../awards/register.js';
import { nomineeIdentity } from '../awards/schemas.js';
import { buildToTrinhBangKhen } from './to-trinh-bang-khen.js';
import { buildToTrinhUnit } from './to-trinh-unit.js';
import { signerOf, type MovementRef, type NomineeRowInput } from './parts.js';
import { shortDate, soKyHieu, upper } from './format.js';

// ─── Inputs ───────────────────────────────────────────────────────────────────────────────────
/** What the dossier needs of the movement document (read leniently: only these fields). */
export const MovementForDossier = z.object({
  title: Text,
  planRef: z.object({ number: z.string(), symbol: z.string(), issuedDate: z.string() }),
});
export type MovementForDossier = z.infer<typeof MovementForDossier>;

export const OrgForDossier = z.object({ name: z.string(), place: z.string().min(1), parentName: z.string().default('') });
export const UnitForDossier = z.object({ name: z.string().min(1), code: z.string().min(1) });

/** Product choices printed in the documents [P]; an organisation may override any of them. */
export const DossierSettings = z.object({
  /** In-sentence ward name; default "phường {org.place}". */
  wardName: z.string().min(1).optional(),
  /** In-sentence city name; default from the org's parent ("UBND thành phố Hải Phòng" → "thành phố Hải Phòng"). */
  cityName: z.string().min(1).optional(),
  secretariatName: z.string().min(1).default('Phòng Văn hóa – Xã hội'),
  proposer: z.string().min(1).default('Trưởng phòng Văn hóa – Xã hội'),
  executors: z
    .array(z.string().min(1))
    .min(1)
    .default(['Chánh Văn phòng HĐND và UBND phường', 'Trưởng phòng Văn hóa – Xã hội', 'Thủ trưởng các phòng, đơn vị có liên quan']),
  money: AwardMoneyConfig.default(DEFAULT_AWARD_MONEY),
  legalBasis: LegalBasisSet.default(LEGAL_BASIS_2024),
  /** Register keys (agency part of orgs/{org}/numberRegisters/{agency}-{year}-{docType}). */
  wardAgency: Id.default('ubnd'),
  councilAgency: Id.default('hdtdkt'),
});
export type DossierSettings = z.infer<typeof DossierSettings>;

export interface DossierInputs {
  org: z.infer<typeof OrgForDossier>;
  units: Record<string, z.infer<typeof UnitForDossier>>;
  movement: MovementForDossier;
  nominations: readonly (NominationRecord & { id: string })[];
  meetings: readonly (MeetingRecord & { id: string })[];
  decisions: readonly DecisionRecord[];
  settings?: z.input<typeof DossierSettings>;
}

export interface Numbering {
  /** Register: orgs/{org}/numberRegisters/{agency}-{year}-{docType}. */
  agency: string;
  year: number;
  docType: string;
  /** Ký hiệu after the number, e.g. "QĐ-UBND" → "03/QĐ-UBND". */
  symbol: string;
}

export interface PlannedDocument {
  docId: string;
  docType: DossierDocType;
  title: string;
  /** Download name. */
  fileName: string;
  /** Path inside the dossier ZIP. */
  zipPath: string;
  nominationIds: string[];
  unitId: string | null;
  meetingId: string | null;
  numbering: Numbering | null;
  /** The document model, given the number from the register (null when `numbering` is null). */
  build: (number: string | null) => DocumentModel;
  /** A Quyết định tặng Giấy khen's certificates, one per awardee, given its number. */
  certificates?: (number: string) => CertificateInput[];
  /** A Quyết định's entries in the award register (sổ khen thưởng), given its number. */
  register?: (number: string) => Omit<AwardRegisterEntry, 'movementId' | 'recordedAt'>[];
}

/** The certificates' document id beside the Quyết định's. */
export const CERTIFICATES_ID = 'giay-khen';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP_CONTENT_TYPE = 'application/zip';
export const PDF_CONTENT_TYPE = 'application/pdf';
/** The PDF's name beside a DOCX's (download name, path in the ZIP): "…/1. Tờ trình.docx" → "…/1. Tờ trình.pdf". */
export const pdfNameOf = (docxName: string): string => docxName.replace(/\.docx$/i, '') + '.pdf';
/** The dossier ZIP's document id (docType "ho-so"). */
export const DOSSIER_ZIP_ID = 'ho-so';

/** Formats a register's sequence as printed: (3, "QĐ-UBND") → "03/QĐ-UBND". */
export const numberText = (sequence: number, n: Pick<Numbering, 'symbol'>): string => soKyHieu(sequence, n.symbol);

/** A new index entry for a document (version 0: nothing stored yet). */
export function newDossierDocument(
  d: Pick<PlannedDocument, 'docType' | 'title' | 'fileName' | 'zipPath' | 'nominationIds' | 'unitId' | 'meetingId'> & { contentType: string },
  now: number,
): DossierDocument {
  return {
    docType: d.docType,
    title: d.title,
    fileName: d.fileName,
    zipPath: d.zipPath,
    contentType: d.contentType,
    nominationIds: d.nominationIds,
    unitId: d.unitId,
    meetingId: d.meetingId,
    number: null,
    register: null,
    sequence: null,
    version: 0,
    sha256: null,
    storagePath: null,
    pdfPath: null,
    inputsAt: 0,
    versions: [],
    active: true,
    createdAt: now,
    updatedAt: now,
  };
}

// ─── Helpers ──────────────────────────────────────────────────────────────────────────────────
const ROLE_LABEL: Record<CouncilRole, string> = {
  CHU_TICH: 'Chủ tịch Hội đồng',
  PHO_CHU_TICH: 'Phó Chủ tịch Hội đồng',
  UY_VIEN: 'Ủy viên',
  THU_KY: 'Thư ký Hội đồng',
};

const lowerFirst = (s: string): string => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);
const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);
/** Danh hiệu thi đua (titles) as opposed to hình thức khen thưởng (forms), by their usual names. */
const isEmulationTitle = (a: PriorAward): boolean => /lao động tiên tiến|chiến sĩ thi đua|lao động xuất sắc|cờ thi đua|tập thể lao động/i.test(a.form);
const byName = <T extends { nomineeType: string; nomineeName: string; id: string }>(a: T, b: T): number =>
  a.nomineeType.localeCompare(b.nomineeType) || a.nomineeName.localeCompare(b.nomineeName, 'vi') || a.id.localeCompare(b.id);
const yearOf = (iso: string): number => Number(iso.slice(0, 4));
/** File names: no path separators or characters Windows refuses. */
const fileSafe = (s: string): string =>
  s
    .replace(/[\\/:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);

function cityNameOf(parentName: string): string {
  const s = parentName.replace(/^(UBND|Ủy ban nhân dân)\s+/i, '').trim();
  return s || 'thành phố';
}

// ─── The plan ─────────────────────────────────────────────────────────────────────────────────
export function planDossier(inputs: DossierInputs): PlannedDocument[] {
  const settings = DossierSettings.parse(inputs.settings ?? {});
  const { org, units, movement } = inputs;
  const wardName = settings.wardName ?? `phường ${org.place}`;
  const cityName = settings.cityName ?? cityNameOf(org.parentName);
  const lawAndDecree = preambleCitations(settings.legalBasis, ['luat', 'decree']);
  // "Phát động phong trào thi đua …" → "phong trào thi đua …" (the in-sentence name).
  const title = movement.title.vi.replace(/^phát động\s+/i, '');
  const movementRef: MovementRef = {
    name: /^phong trào/i.test(title) ? lowerFirst(title) : `phong trào ${lowerFirst(title)}`,
    planRef: `Kế hoạch số ${movement.planRef.number}/${movement.planRef.symbol}${isIsoDate(movement.planRef.issuedDate) ? ` ngày ${shortDate(movement.planRef.issuedDate)}` : ''} của Ủy ban nhân dân ${wardName}`,
  };
  const wardAgency: AgencyInput = { parent: [], name: ['ỦY BAN NHÂN DÂN', upper(wardName)] };
  const councilAgency: AgencyInput = { parent: [upper(`UBND ${wardName}`)], name: ['HỘI ĐỒNG', 'THI ĐUA - KHEN THƯỞNG'] };
  const unitOf = (id: string) => units[id] ?? { name: id, code: id.toUpperCase() };
  const unitAgency = (id: string): AgencyInput => ({ parent: [upper(`UBND ${wardName}`)], name: [upper(unitOf(id).name)] });
  const unitFolder = (id: string) => fileSafe(`${unitOf(id).code} - ${unitOf(id).name}`);

  const live = inputs.nominations.filter((n) => n.status !== 'withdrawn');
  const nominationById = new Map(inputs.nominations.map((n) => [n.id, n]));
  const closed = inputs.meetings
    .filter((m) => m.status === 'closed' && m.results)
    .sort((a, b) => a.date.localeCompare(b.date) || (a.closedAt ?? 0) - (b.closedAt ?? 0) || a.id.localeCompare(b.id));
  const meetingById = new Map(closed.map((m) => [m.id, m]));
  const chairOf = (m: MeetingRecord): CouncilMember | undefined => m.council.members.find((x) => x.memberId === m.chairId);

  const positionOrUnit = (n: NominationRecord): string => {
    const nominee = n.nominee;
    if ('fullName' in nominee) return `${nominee.position}, ${unitOf(nominee.unitId).name}`;
    return unitOf(nominee.unitId ?? n.proposingUnitId).name;
  };
  const row = (n: NominationRecord): NomineeRowInput => ({
    nomineeType: n.nomineeType,
    name: n.nomineeName,
    positionOrUnit: positionOrUnit(n),
    achievementSummary: n.achievementSummary,
    form: n.proposedForm,
  });

  const plan: PlannedDocument[] = [];

  // ── Per unit: Tờ trình + danh sách, then biên bản bình xét, then báo cáo thành tích ──
  const unitIds = [...new Set(live.map((n) => n.proposingUnitId))].sort();
  for (const unitId of unitIds) {
    const unit = unitOf(unitId);
    const approved = live.filter((n) => n.proposingUnitId === unitId && n.votes.unit?.approved).sort(byName);
    if (approved.length > 0) {
      const latest = approved.map((n) => n.votes.unit!).sort((a, b) => a.date.localeCompare(b.date))[approved.length - 1]!;
      const meeting = meetingById.get(latest.meetingId);
      const chair = meeting ? chairOf(meeting) : undefined;
      plan.push({
        docId: `to-trinh-${unitId}`,
        docType: 'to-trinh-don-vi',
        title: `Tờ trình đề nghị khen thưởng — ${unit.name}`,
        fileName: fileSafe(`To trinh de nghi khen thuong - ${unit.code}`) + '.docx',
        zipPath: `${unitFolder(unitId)}/1. Tờ trình đề nghị khen thưởng.docx`,
        nominationIds: approved.map((n) => n.id),
        unitId,
        meetingId: latest.meetingId,
        numbering: { agency: unitId, year: yearOf(latest.date), docType: 'TTr', symbol: `TTr-${unit.code}` },
        build: (number) =>
          buildToTrinhUnit({
            header: { agency: unitAgency(unitId), number: number ?? '…', place: org.place, issuedDate: latest.date },
            unit: { name: unit.name },
            wardName,
            via: settings.secretariatName,
            movement: movementRef,
            legalBases: lawAndDecree,
            minutes: { date: latest.date },
            nominees: approved.map(row),
            signer: signerOf(chair?.name ?? '', chair?.position),
            archive: ['VT', unit.code],
          }),
      });
    }
  }

  // ── Biên bản of every closed meeting ──
  for (const m of closed) {
    const ward = m.kind === 'ward';
    const results = m.results!;
    const members = new Map(m.council.members.map((x) => [x.memberId, x]));
    const person = (id: string) => {
      const x = members.get(id);
      if (!x) return { name: id, position: '' };
      const position = ward ? [x.position, ROLE_LABEL[x.councilRole]].filter(Boolean).join(', ') : x.position;
      return { name: x.name, position };
    };
    const ids = Object.keys(results).filter((id) => nominationById.has(id));
    const voted = ids.map((id) => nominationById.get(id)!).sort(byName);
    const anyTally: StoredTally | undefined = results[ids[0] ?? ''] ?? Object.values(results)[0];
    const rules = m.council.rules;
    const writtenPart = rules.countWrittenVotes ? ' và biểu quyết bằng văn bản' : '';
    const approvalRule = `${rules.approvalStrict ? 'trên' : 'từ'} ${fractionText(rules.approval)}${rules.approvalStrict ? '' : ' trở lên'} ${rules.base === 'total' ? 'tổng số thành viên' : `số thành viên có mặt${writtenPart}`}`;
    const quorumNeeded = anyTally?.quorumNeeded ?? Math.ceil((m.council.members.length * rules.quorum.num) / rules.quorum.den);
    const quorumMet = anyTally?.quorumMet ?? m.present.length >= quorumNeeded;
    const bodyName = ward ? `Hội đồng Thi đua - Khen thưởng ${wardName}` : unitOf(m.unitId ?? '').name;
    plan.push({
      docId: `bien-ban-${m.id}`,
      docType: ward ? 'bien-ban-hoi-dong' : 'bien-ban-binh-xet',
      title: `Biên bản họp ${ward ? 'Hội đồng Thi đua - Khen thưởng' : `bình xét — ${bodyName}`} ngày ${shortDate(m.date)}`,
      fileName: fileSafe(`Bien ban ${ward ? 'hop Hoi dong' : `binh xet ${unitOf(m.unitId ?? '').code}`} ${m.date} ${m.id}`) + '.docx',
      zipPath: ward
        ? `Hội đồng TĐKT phường/Biên bản họp Hội đồng ${m.date} (${m.id}).docx`
        : `${unitFolder(m.unitId ?? '')}/2. Biên bản họp bình xét ${m.date} (${m.id}).docx`,
      nominationIds: voted.map((n) => n.id),
      unitId: ward ? null : m.unitId,
      meetingId: m.id,
      numbering: ward ? { agency: settings.councilAgency, year: yearOf(m.date), docType: 'BB', symbol: 'BB-HĐTĐKT' } : null,
      build: (number) =>
        buildBienBan({
          kind: m.kind,
          header: { agency: ward ? councilAgency : unitAgency(m.unitId ?? ''), number: ward ? number : null, place: org.place, issuedDate: m.date },
          movement: movementRef,
          bodyName,
          meeting: { date: m.date, startTime: m.startTime, endTime: m.endTime ?? (m.closedAt ? vnTime(m.closedAt) : m.startTime), place: m.place },
          chair: person(m.chairId),
          secretary: person(m.secretaryId),
          memberCount: m.council.members.length,
          attendees: m.present.map(person),
          absentees: m.absent.map((a) => ({ ...person(a.memberId), reason: a.reason, writtenVote: m.writtenVoters.includes(a.memberId) })),
          quorum: { needed: quorumNeeded, met: quorumMet, rule: fractionText(rules.quorum) },
          votingMethod: rules.secretBallot ? 'bỏ phiếu kín' : 'biểu quyết công khai (giơ tay)',
          approvalRule,
          agenda: m.agenda.length
            ? m.agenda
            : [
                ward
                  ? `Xét đề nghị khen thưởng tập thể, cá nhân có thành tích xuất sắc trong ${movementRef.name}.`
                  : `Bình xét tập thể, cá nhân có thành tích xuất sắc trong ${movementRef.name} để đề nghị khen thưởng.`,
              ],
          discussion: m.discussion,
          votes: voted.map((n) => voteLine(n.nomineeName, n.proposedForm, results[n.id]!)),
          ...(ward ? {} : { chairTitle: 'CHỦ TRÌ' }),
        }),
    });
  }

  // ── Báo cáo thành tích: every nominee the unit put forward, or the council voted on ──
  for (const n of live.filter((x) => x.votes.unit?.approved || x.votes.ward).sort(byName)) {
    const unitMeeting = n.votes.unit ? meetingById.get(n.votes.unit.meetingId) : undefined;
    const head = unitMeeting ? chairOf(unitMeeting) : undefined;
    const nominee = n.nominee;
    const achievements = {
      paragraphs: n.report.paragraphs.length ? n.report.paragraphs : n.achievementSummary ? [n.achievementSummary] : [],
      results: n.report.results,
      initiatives: n.initiatives,
    };
    const priorAwards = { titles: nominee.priorAwards.filter(isEmulationTitle), forms: nominee.priorAwards.filter((a) => !isEmulationTitle(a)) };
    const common = {
      agency: unitAgency(n.proposingUnitId),
      place: org.place,
      issuedDate: vnDate(n.createdAt),
      movement: movementRef,
      form: n.proposedForm,
      achievements,
      priorAwards,
    };
    plan.push({
      docId: `bao-cao-${n.id}`,
      docType: 'bao-cao-thanh-tich',
      title: `Báo cáo thành tích — ${n.nomineeName}`,
      fileName: fileSafe(`Bao cao thanh tich - ${n.nomineeName}`) + '.docx',
      zipPath: `${unitFolder(n.proposingUnitId)}/3. Báo cáo thành tích/${fileSafe(n.nomineeName)} (${n.id}).docx`,
      nominationIds: [n.id],
      unitId: n.proposingUnitId,
      meetingId: null,
      numbering: null,
      build: () =>
        'fullName' in nominee
          ? buildBaoCaoThanhTich({
              nomineeType: 'individual',
              ...common,
              person: {
                fullName: nominee.fullName,
                gender: nominee.gender,
                birthDate: nominee.birthDate,
                ...(nominee.hometown ? { hometown: nominee.hometown } : {}),
                ...(nominee.residence ? { residence: nominee.residence } : {}),
                unitName: unitOf(nominee.unitId).name,
                position: nominee.position,
                ...(nominee.qualifications ? { qualifications: nominee.qualifications } : {}),
              },
              duties: n.report.duties,
              certifier: { name: head?.name ?? '' },
            })
          : buildBaoCaoThanhTich({
              nomineeType: 'collective',
              ...common,
              name: nominee.name,
              situation: n.report.situation,
              functions: n.report.functions,
              head: { name: head?.name ?? '' },
            }),
    });
  }

  // ── The chairman's decisions: QĐ tặng Giấy khen; Tờ trình đề nghị Bằng khen ──
  const approvedBy = (form: NominationRecord['proposedForm']) => {
    const decisions = inputs.decisions.filter((d) => d.outcome === 'approve' && nominationById.get(d.nominationId)?.proposedForm === form);
    const noms = decisions
      .map((d) => nominationById.get(d.nominationId)!)
      .filter((n) => n.status === 'approved' || n.status === 'awarded')
      .sort(byName);
    const kept = new Set(noms.map((n) => n.id));
    const used = decisions.filter((d) => kept.has(d.nominationId));
    if (noms.length === 0) return null;
    const issued = vnDate(Math.max(...used.map((d) => d.decidedAt)));
    const minutes = noms.map((n) => n.votes.ward?.date ?? issued).sort()[noms.length - 1]!;
    const latest = [...used].sort((a, b) => a.decidedAt - b.decidedAt)[used.length - 1]!;
    return { noms, issued, minutes, signerName: latest.decidedByName, signerPosition: latest.decidedByPosition };
  };

  const gk = approvedBy('GIAY_KHEN_PHUONG');
  if (gk) {
    plan.push({
      docId: 'quyet-dinh-giay-khen',
      docType: 'quyet-dinh-giay-khen',
      title: 'Quyết định tặng Giấy khen',
      fileName: 'Quyet dinh tang Giay khen.docx',
      zipPath: 'Quyết định tặng Giấy khen.docx',
      nominationIds: gk.noms.map((n) => n.id),
      unitId: null,
      meetingId: null,
      numbering: { agency: settings.wardAgency, year: yearOf(gk.issued), docType: 'QD', symbol: 'QĐ-UBND' },
      build: (number) =>
        buildQuyetDinhGiayKhen({
          header: { agency: wardAgency, number: number ?? '…', place: org.place, issuedDate: gk.issued },
          wardName,
          movement: movementRef,
          legalBases: preambleCitations(settings.legalBasis),
          councilMinutes: { date: gk.minutes },
          proposer: settings.proposer,
          awardees: gk.noms.map(row),
          money: settings.money,
          executors: settings.executors,
          signer: signerOf(gk.signerName, gk.signerPosition, 'Chủ tịch'),
        }),
      register: (number) =>
        gk.noms.map((n) => ({
          movementTitle: movement.title.vi,
          nominationId: n.id,
          nomineeType: n.nomineeType,
          identity: n.nomineeIdentity ?? nomineeIdentity(n.nominee),
          name: n.nomineeName,
          unitId: n.proposingUnitId,
          form: 'GIAY_KHEN_PHUONG' as const,
          decisionNumber: number,
          decisionDate: gk.issued,
          amount: awardAmount(settings.money, 'GIAY_KHEN_PHUONG', n.nomineeType),
        })),
      certificates: (number) =>
        gk.noms.map((n) => {
          const person = 'fullName' in n.nominee ? n.nominee : null;
          const unitName = inputs.units[n.proposingUnitId]?.name ?? '';
          return {
            orgName: org.name,
            place: org.place,
            awardee: person
              ? {
                  kind: 'individual' as const,
                  name: person.fullName,
                  honorific: person.gender === 'female' ? 'Bà' : person.gender === 'male' ? 'Ông' : '',
                  detail: [person.position, unitName].filter(Boolean).join(' '),
                }
              : { kind: 'collective' as const, name: n.nomineeName },
            achievement: `Đã có thành tích xuất sắc trong ${movementRef.name}`,
            decision: { number, date: gk.issued },
            signer: signerOf(gk.signerName, gk.signerPosition, 'Chủ tịch'),
          };
        }),
    });
  }

  const bk = approvedBy('DE_NGHI_BANG_KHEN_TP');
  if (bk) {
    plan.push({
      docId: 'to-trinh-bang-khen',
      docType: 'to-trinh-bang-khen',
      title: 'Tờ trình đề nghị tặng Bằng khen của Chủ tịch UBND thành phố',
      fileName: 'To trinh de nghi Bang khen thanh pho.docx',
      zipPath: 'Tờ trình đề nghị Bằng khen thành phố.docx',
      nominationIds: bk.noms.map((n) => n.id),
      unitId: null,
      meetingId: null,
      numbering: { agency: settings.wardAgency, year: yearOf(bk.issued), docType: 'TTr', symbol: 'TTr-UBND' },
      build: (number) =>
        buildToTrinhBangKhen({
          header: { agency: wardAgency, number: number ?? '…', place: org.place, issuedDate: bk.issued },
          wardName,
          cityName,
          movement: movementRef,
          legalBases: lawAndDecree,
          councilMinutes: { date: bk.minutes },
          nominees: bk.noms.map(row),
          signer: signerOf(bk.signerName, bk.signerPosition, 'Chủ tịch'),
        }),
    });
  }
  return plan;
}

/** Who may download a generated document: reviewers all; a unit's members its own documents. */
/**
 * Documents every member of the organisation reads (công khai): the Kế hoạch is addressed to every
 * unit; the Quyết định tặng Giấy khen with its list and the certificates are made public once decided.
 * firestore.rules lists the same types.
 */
export const PUBLIC_DOC_TYPES: readonly DossierDocType[] = ['ke-hoach', 'quyet-dinh-giay-khen', 'giay-khen'];

export function canReadDossierDocument(
  claims: { org: string; roles: readonly string[]; units: Record<string, string> },
  orgId: string,
  doc: Pick<DossierDocument, 'unitId'> & Partial<Pick<DossierDocument, 'docType'>>,
): boolean {
  if (claims.org !== orgId) return false;
  if (doc.docType && PUBLIC_DOC_TYPES.includes(doc.docType)) return true;
  if (claims.roles.some((r) => r === 'secretariat' || r === 'council' || r === 'chair')) return true;
  return doc.unitId !== null && claims.units[doc.unitId] !== undefined;
}
