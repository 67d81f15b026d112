#!/usr/bin/env node
/**
 * Visual check of the generated documents (not a test): writes one DOCX of each kind to
 * tests/docs/out/, converts each to PDF with LibreOffice and each PDF to PNG pages, and prints the
 * paths so a person can look at them.
 *
 *   node tests/docs/render-check.mjs
 *
 * Needs `soffice` (Debian: libreoffice-writer-nogui) and `pdftoppm` (poppler-utils). Without them
 * it still writes the DOCX files and says what is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
const d = await tsImport('../../domain/src/documents/index.ts', import.meta.url);

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
  const bytes = await d.renderDocx(model);
  const path = join(out, `${name}.docx`);
  writeFileSync(path, bytes);
  files.push({ name: `${name}.docx`, bytes });
  console.log(path);
}
writeFileSync(join(out, 'ho-so-dien-tu.zip'), d.buildDossierZip(files));
console.log(join(out, 'ho-so-dien-tu.zip'));

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!has('soffice')) {
  console.error('soffice not found: apt-get install -y libreoffice-writer-nogui (PDF and PNG skipped)');
  process.exit(0);
}
// A private profile avoids clashing with a running LibreOffice and its first-start dialogs.
const profile = `file://${join(out, '.lo-profile')}`;
execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docs.map(([n]) => join(out, `${n}.docx`))], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
rmSync(join(out, '.lo-profile'), { recursive: true, force: true });
for (const [name] of docs) console.log(join(out, `${name}.pdf`));
if (!has('pdftoppm')) {
  console.error('pdftoppm not found: apt-get install -y poppler-utils (PNG skipped)');
  process.exit(0);
}
for (const [name] of docs) execFileSync('pdftoppm', ['-png', '-r', '60', join(out, `${name}.pdf`), join(out, name)]);
for (const f of readdirSync(out).filter((f) => f.endsWith('.png')).sort()) console.log(join(out, f));
