/**
 * 5. Dossier generation: the award dossier for 1 and for 100 nominees — tờ trình of the unit with
 * its danh sách, biên bản bình xét, one báo cáo thành tích per nominee, biên bản of the council,
 * quyết định with its danh sách — rendered by domain/src/documents to DOCX, to PDF
 * (domain/src/documents/pdf.ts, Liberation Serif subsets) and to both, as the dossier function
 * does, and zipped. Pure CPU.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { PDF_FONT_FILES, renderPdf, type PdfFonts } from '../../domain/src/documents/pdf.js';
import { bytes, median, ms, ratio } from '../lib/stats.js';
import type { Row, Section } from '../lib/report.js';

type Docs = typeof import('../../domain/src/documents/index.js');
type Render = (model: unknown) => Promise<Uint8Array> | Uint8Array;
/** One or more renderings of each document (DOCX, PDF, or both side by side as in the function). */
type Renderers = { ext: string; render: Render }[];

function loadFonts(): PdfFonts {
  const read = (file: string) => new Uint8Array(readFileSync(new URL(`../../domain/assets/fonts/${file}`, import.meta.url)));
  return {
    regular: read(PDF_FONT_FILES.regular),
    bold: read(PDF_FONT_FILES.bold),
    italic: read(PDF_FONT_FILES.italic),
    boldItalic: read(PDF_FONT_FILES.boldItalic),
  };
}

const REPS: Record<number, number> = { 1: 15, 100: 3 };
const WARMUP: Record<number, number> = { 1: 5, 100: 1 };

function inputs(d: Docs, n: number) {
  const people = Array.from({ length: n }, (_, k) => {
    const individual = k % 2 === 0;
    const name = individual ? `Nguyễn Văn Thử ${k + 1}` : `Tổ công tác cải cách hành chính số ${k + 1}`;
    return { individual, name };
  });
  const rows = people.map((p) => ({
    nomineeType: p.individual ? ('individual' as const) : ('collective' as const),
    name: p.name,
    positionOrUnit: p.individual ? 'Chuyên viên, Văn phòng HĐND và UBND phường' : 'Văn phòng HĐND và UBND phường',
    achievementSummary: 'Hoàn thành xuất sắc nhiệm vụ cải cách hành chính năm 2025; 100% hồ sơ đúng hạn; một sáng kiến được công nhận.',
    form: 'GIAY_KHEN_PHUONG' as const,
  }));
  const votes = people.map((p) => ({ name: p.name, form: 'GIAY_KHEN_PHUONG' as const, yes: 8, base: 8, percentYes: 100, approved: true }));
  const reports = people.map((p) =>
    p.individual
      ? { ...d.SAMPLE_BAO_CAO_CA_NHAN, person: { ...(d.SAMPLE_BAO_CAO_CA_NHAN as { person: object }).person, fullName: p.name } }
      : { ...d.SAMPLE_BAO_CAO_TAP_THE, name: p.name },
  );
  return { rows, votes, reports, people };
}

/** Builds every document of the dossier for `n` nominees and renders each with every renderer. */
async function dossier(d: Docs, n: number, renderers: Renderers): Promise<{ files: number; zipBytes: number; bytesByExt: Record<string, number> }> {
  const { rows, votes, reports, people } = inputs(d, n);
  const models: [string, unknown][] = [
    ['01-To-trinh-don-vi', d.buildToTrinhUnit({ ...d.SAMPLE_TO_TRINH_UNIT, nominees: rows } as Parameters<Docs['buildToTrinhUnit']>[0])],
    ['02-Bien-ban-binh-xet', d.buildBienBan({ ...d.SAMPLE_BIEN_BAN_BINH_XET, votes } as Parameters<Docs['buildBienBan']>[0])],
    ...reports.map((r, k): [string, unknown] => [
      `Bao cao thanh tich/${String(k + 1).padStart(3, '0')} ${people[k]!.name}`,
      d.buildBaoCaoThanhTich(r as Parameters<Docs['buildBaoCaoThanhTich']>[0]),
    ]),
    ['03-Bien-ban-hoi-dong', d.buildBienBan({ ...d.SAMPLE_BIEN_BAN_HOI_DONG, votes } as Parameters<Docs['buildBienBan']>[0])],
    [
      '04-Quyet-dinh',
      d.buildQuyetDinhGiayKhen({ ...d.SAMPLE_QUYET_DINH_GIAY_KHEN, awardees: rows.map(({ achievementSummary: _a, ...r }) => r) } as Parameters<
        Docs['buildQuyetDinhGiayKhen']
      >[0]),
    ],
  ];
  const files = [];
  const bytesByExt: Record<string, number> = {};
  for (const [name, model] of models) {
    for (const { ext, render } of renderers) {
      const bytes = await render(model);
      bytesByExt[ext] = (bytesByExt[ext] ?? 0) + bytes.length;
      files.push({ name: `${name}.${ext}`, bytes });
    }
  }
  const zip = d.buildDossierZip(files);
  return { files: files.length, zipBytes: zip.length, bytesByExt };
}

async function time(d: Docs, n: number, renderers: Renderers) {
  for (let i = 0; i < (WARMUP[n] ?? 1); i++) await dossier(d, n, renderers); // warm-up (JIT, zod schemas, font parsing)
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof dossier>> = { files: 0, zipBytes: 0, bytesByExt: {} };
  for (let i = 0; i < (REPS[n] ?? 3); i++) {
    const t0 = performance.now();
    last = await dossier(d, n, renderers);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), ...last };
}

export async function dossierGeneration(): Promise<Section> {
  const d = (await import('../../domain/src/documents/index.js')) as Docs;
  const fonts = loadFonts();
  const docx = { ext: 'docx', render: (m: unknown) => d.renderDocx(m as Parameters<Docs['renderDocx']>[0]) };
  const pdf = { ext: 'pdf', render: (m: unknown) => renderPdf(m as Parameters<typeof renderPdf>[0], fonts) };
  const one = await time(d, 1, [docx]);
  const hundred = await time(d, 100, [docx]);
  const p1 = await time(d, 1, [pdf]);
  const p100 = await time(d, 100, [pdf]);
  const b1 = await time(d, 1, [docx, pdf]);
  const b100 = await time(d, 100, [docx, pdf]);
  const perDoc = (r: typeof p1, ext: string) => (r.bytesByExt[ext] ?? 0) / (r.files || 1);
  const rows: Row[] = [
    { measure: 'DOCX dossier, 1 nominee', value: ms(one.ms), baseline: '', ratio: '' },
    {
      measure: 'DOCX dossier, 100 nominees (baseline: 100 × the first)',
      value: ms(hundred.ms),
      baseline: ms(100 * one.ms),
      ratio: ratio(hundred.ms, 100 * one.ms),
    },
    { measure: 'per nominee at 100', value: ms(hundred.ms / 100), baseline: ms(one.ms), ratio: ratio(hundred.ms / 100, one.ms) },
    { measure: 'marginal cost of one more nominee', value: ms((hundred.ms - one.ms) / 99), baseline: '' },
    { measure: 'zip size (1 / 100 nominees)', value: `${bytes(one.zipBytes)} / ${bytes(hundred.zipBytes)}`, baseline: '' },
    { measure: 'PDF dossier, 1 nominee (baseline: the DOCX dossier)', value: ms(p1.ms), baseline: ms(one.ms), ratio: ratio(p1.ms, one.ms) },
    { measure: 'PDF dossier, 100 nominees (baseline: 100 × the first)', value: ms(p100.ms), baseline: ms(100 * p1.ms), ratio: ratio(p100.ms, 100 * p1.ms) },
    { measure: 'PDF marginal cost of one more nominee', value: ms((p100.ms - p1.ms) / 99), baseline: '' },
    { measure: 'mean PDF size per document (1 / 100 nominees)', value: `${bytes(perDoc(p1, 'pdf'))} / ${bytes(perDoc(p100, 'pdf'))}`, baseline: '' },
    {
      measure: 'DOCX + PDF dossier as generated, 1 nominee (baseline: DOCX + PDF timed apart)',
      value: ms(b1.ms),
      baseline: ms(one.ms + p1.ms),
      ratio: ratio(b1.ms, one.ms + p1.ms),
    },
    {
      measure: 'DOCX + PDF dossier as generated, 100 nominees (baseline: 100 × the first)',
      value: ms(b100.ms),
      baseline: ms(100 * b1.ms),
      ratio: ratio(b100.ms, 100 * b1.ms),
    },
    { measure: 'zip size with PDFs (1 / 100 nominees)', value: `${bytes(b1.zipBytes)} / ${bytes(b100.zipBytes)}`, baseline: '' },
  ];
  const notes = [
    `Dossier = tờ trình (with danh sách) + biên bản bình xét + one báo cáo thành tích per nominee + biên bản hội đồng + quyết định (with danh sách), zipped: ${one.files} documents for 1 nominee, ${hundred.files} for 100 (twice as many files with the PDFs). ` +
      `Median of ${REPS[1]} runs (1, after ${WARMUP[1]} warm-ups) and ${REPS[100]} runs (100, after ${WARMUP[100]}); inputs from domain/src/documents/samples.ts with names varied.`,
    'A ratio below 1× means the four shared documents dominate the 1-nominee time; near 1× means cost is per nominee; above 1× means something grows faster than linearly.',
    'PDF: laid out and drawn in pure TypeScript (pdf-lib), Liberation Serif embedded as per-document subsets; the fonts are parsed once per process and shared. The first rendering after start pays the font parsing (the warm-ups absorb it here).',
  ];
  return {
    id: 'dossier',
    title: '5. Dossier generation (DOCX and PDF, 1 vs 100 nominees)',
    baseline: '100 × the time for 1 nominee',
    rows,
    notes,
  };
}
