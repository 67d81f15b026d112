/**
 * The serif fonts the PDF renderer embeds (Liberation Serif, domain/assets/fonts). The bundle
 * carries them in lib/assets/fonts/ (functions/build.mjs copies them); run from source (tests,
 * bench), they are read from the domain's folder. Read once per instance.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF_FONT_FILES, type PdfFonts } from '@thidua/domain';

const CANDIDATES = [
  new URL('./assets/fonts/', import.meta.url), // functions/lib/index.js → functions/lib/assets/fonts/
  new URL('../../../domain/assets/fonts/', import.meta.url), // functions/src/awards/ → domain/assets/fonts/
];

let cached: PdfFonts | null = null;

export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const dirs = CANDIDATES.filter((u) => u.protocol === 'file:').map((u) => fileURLToPath(u));
  const dir = dirs.find((d) => existsSync(join(d, PDF_FONT_FILES.regular)));
  if (!dir) throw new Error(`Không tìm thấy phông chữ cho PDF (${PDF_FONT_FILES.regular}) trong: ${dirs.join(', ')}`);
  const read = (file: string): Uint8Array => new Uint8Array(readFileSync(join(dir, file)));
  cached = {
    regular: read(PDF_FONT_FILES.regular),
    bold: read(PDF_FONT_FILES.bold),
    italic: read(PDF_FONT_FILES.italic),
    boldItalic: read(PDF_FONT_FILES.boldItalic),
  };
  return cached;
}
