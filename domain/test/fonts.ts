/** The documents' fonts (Liberation Serif, domain/assets/fonts) as the PDF writers take them, for the tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDF_FONT_FILES, type PdfFonts } from '../src/documents/pdf.js';

const FONT_DIR = fileURLToPath(new URL('../assets/fonts/', import.meta.url));
export const fonts = Object.fromEntries(
  Object.entries(PDF_FONT_FILES).map(([face, file]) => [face, new Uint8Array(readFileSync(join(FONT_DIR, file)))]),
) as unknown as PdfFonts;
