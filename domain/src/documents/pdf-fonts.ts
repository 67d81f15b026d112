/**
 * The fonts the PDF renderer (pdf.ts) embeds, named apart from it so that code which only loads
 * the files (the functions' font loader) does not pull pdf-lib in.
 */

/** The four faces of the serif family, as font file bytes (TrueType). */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}
export type Face = keyof PdfFonts;

/** File names of the faces in domain/assets/fonts (Liberation Serif 2.1.5, SIL OFL 1.1). */
export const PDF_FONT_FILES: Record<Face, string> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
};
