/**
 * Approximate text widths in Times New Roman, to size the short rules under the agency name, the
 * tiêu ngữ and the trích yếu (ND 30: the tiêu ngữ rule is as long as the text). Advance widths in
 * 1/1000 em for ASCII 32–126 (Times metrics, same as Liberation Serif); a Vietnamese letter takes
 * the width of its base letter, which is how the precomposed glyphs are drawn.
 */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564,
  444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333,
  469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200,
  480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570,
  500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333,
  581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220,
  394, 520,
];
const SPECIAL: Record<string, [number, number]> = {
  Đ: [722, 722],
  đ: [500, 556],
  Ơ: [722, 778],
  ơ: [529, 554],
  Ư: [776, 796],
  ư: [542, 600],
  '–': [500, 500],
  '—': [1000, 1000],
  '…': [1000, 1000],
};

function charWidth(ch: string, bold: boolean): number {
  const special = SPECIAL[ch];
  if (special) return bold ? special[1] : special[0];
  // Strip tone and other marks but keep the horn (U+031B), so ờ → ơ and ữ → ư keep their widths.
  const base = ch
    .normalize('NFD')
    .replace(/[\u0300-\u031a\u031c-\u036f]/g, '')
    .normalize('NFC');
  const sp = SPECIAL[base];
  if (sp) return bold ? sp[1] : sp[0];
  const code = base.charCodeAt(0);
  const table = bold ? BOLD : REGULAR;
  return code >= 32 && code < 127 ? table[code - 32]! : 500;
}

/** Width in points of `text` set in Times New Roman at `sizePt`. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch, bold);
  return (w * sizePt) / 1000;
}
