#!/usr/bin/env node
/**
 * Visual check of the generated documents (not a test): writes one document of each kind to
 * tests/docs/out/ as DOCX and as our own PDF (domain/src/documents/pdf.ts, what the dossier function
 * stores), turns our PDFs into PNG pages, and — when LibreOffice is present — also converts each
 * DOCX to PDF and PNG, so a person can put the two renderings side by side.
 *
 *   node tests/docs/render-check.mjs
 *
 * Writes, per document NAME:
 *   NAME.docx                       the DOCX
 *   NAME.pdf, NAME-<page>.png       our PDF and its pages (needs `pdftoppm`, Debian poppler-utils)
 *   lo/NAME.pdf, lo/NAME-<page>.png the DOCX as LibreOffice prints it (needs `soffice`, Debian
 *                                   libreoffice-writer-nogui); LibreOffice substitutes Liberation
 *                                   Serif for Times New Roman, so the two should match line for line
 *   ho-so-dien-tu.zip               the DOCX and PDF files zipped as the dossier ZIP
 * Missing tools are named and skipped.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
const d = await tsImport('../../domain/src/documents/index.ts', import.meta.url);
const pdf = await tsImport('../../domain/src/documents/pdf.ts', import.meta.url);
const fontDir = join(here, '../../domain/assets/fonts');
const fonts = Object.fromEntries(Object.entries(pdf.PDF_FONT_FILES).map(([face, file]) => [face, new Uint8Array(readFileSync(join(fontDir, file)))]));

const docs = [
  ['1-to-trinh-don-vi', d.buildToTrinhUnit(d.SAMPLE_TO_TRINH_UNIT)],
  ['2a-bao-cao-thanh-tich-tap-the', d.buildBaoCaoThanhTich(d.SAMPLE_BAO_CAO_TAP_THE)],
  ['2b-bao-cao-thanh-tich-ca-nhan', d.buildBaoCaoThanhTich(d.SAMPLE_BAO_CAO_CA_NHAN)],
  ['3a-bien-ban-binh-xet', d.buildBienBan(d.SAMPLE_BIEN_BAN_BINH_XET)],
  ['3b-bien-ban-hoi-dong', d.buildBienBan(d.SAMPLE_BIEN_BAN_HOI_DONG)],
  ['4-quyet-dinh-giay-khen', d.buildQuyetDinhGiayKhen(d.SAMPLE_QUYET_DINH_GIAY_KHEN)],
  ['5-to-trinh-bang-khen', d.buildToTrinhBangKhen(d.SAMPLE_TO_TRINH_BANG_KHEN)],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = [];
for (const [name, model] of docs) {
  const docx = await d.renderDocx(model);
  const ours = await pdf.renderPdf(model, fonts);
  writeFileSync(join(out, `${name}.docx`), docx);
  writeFileSync(join(out, `${name}.pdf`), ours);
  files.push({ name: `${name}.docx`, bytes: docx }, { name: `${name}.pdf`, bytes: ours });
  console.log(`${join(out, `${name}.docx`)}\n${join(out, `${name}.pdf`)}  (${(ours.length / 1024).toFixed(1)} KiB)`);
}
writeFileSync(join(out, 'ho-so-dien-tu.zip'), d.buildDossierZip(files));
console.log(join(out, 'ho-so-dien-tu.zip'));

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const toPng = (dir) => {
  for (const [name] of docs) execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, `${name}.pdf`), join(dir, name)]);
};

if (has('pdftoppm')) toPng(out);
else console.error('pdftoppm not found: apt-get install -y poppler-utils (PNG pages skipped)');

if (has('soffice')) {
  const lo = join(out, 'lo');
  mkdirSync(lo, { recursive: true });
  // A private profile avoids clashing with a running LibreOffice and its first-start dialogs.
  const profile = `file://${join(out, '.lo-profile')}`;
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', lo, ...docs.map(([n]) => join(out, `${n}.docx`))],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  rmSync(join(out, '.lo-profile'), { recursive: true, force: true });
  if (has('pdftoppm')) toPng(lo);
  for (const f of readdirSync(lo).sort()) console.log(join(lo, f));
} else console.error('soffice not found: apt-get install -y libreoffice-writer-nogui (the DOCX → PDF comparison is skipped)');

for (const f of readdirSync(out)
  .filter((f) => f.endsWith('.png'))
  .sort())
  console.log(join(out, f));
