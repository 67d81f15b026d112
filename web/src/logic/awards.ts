/** Pure helpers of the awards pages (ids from names, download formats, quorum). */

/** Letters without diacritics, digits and "-", for ids made from names ("Lê Minh Tuấn" → "le-minh-tuan"). */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

/** Extension of a stored path or file name ("…/v2-abcd.docx" → "docx"). */
export const extOf = (path: string | null): string => (path && /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase()) || '';

/** The files one version offers: its own (DOCX or ZIP) and a PDF when one was generated beside it. */
export function formatsOf(main: string | null, pdfPath: string | null, fileName: string): { ext: string; format?: string }[] {
  const own = extOf(main) || extOf(fileName);
  return [{ ext: own }, ...(pdfPath && own !== 'pdf' ? [{ ext: 'pdf', format: 'pdf' }] : [])];
}

/** Fewest members present for a quorum, as the tally computes it (ceil(members × num / den)). */
export function quorumNeeded(members: number, q: { num: number; den: number }): number {
  return Math.floor((members * q.num + q.den - 1) / q.den);
}
