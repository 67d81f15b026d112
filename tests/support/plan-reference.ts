/**
 * The restored Kế hoạch 119 (docs/reference/) as paragraphs, to compare generated plans with:
 * markdown and the restorer's "[?]" marks away, spaces collapsed — what a reader sees.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PLAN_REFERENCE_FILE = fileURLToPath(new URL('../../docs/reference/ke-hoach-119-KH-UBND.md', import.meta.url));

export const normalise = (s: string): string =>
  s
    .replace(/^#+\s*/u, '')
    .replace(/\*\*/gu, '')
    .replace(/\s*\[\?\]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();

/** The reference's paragraphs from "Thực hiện …" to the sentence before Nơi nhận. */
export function referenceParagraphs(): string[] {
  const lines = readFileSync(PLAN_REFERENCE_FILE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const from = lines.findIndex((l) => l.startsWith('Thực hiện Quyết định số 331'));
  const to = lines.findIndex((l) => l.includes('nghiêm túc triển khai thực hiện./.'));
  return lines.slice(from, to + 1).map(normalise);
}

/** Generated paragraphs from "Thực hiện …" to the closing sentence, normalised like the reference. */
export function bodyParagraphs(paragraphs: readonly string[]): string[] {
  const all = paragraphs.map(normalise).filter((p) => p.length > 0);
  const from = all.findIndex((l) => l.startsWith('Thực hiện '));
  const to = all.findIndex((l) => l.endsWith('./.'));
  return all.slice(from, to + 1).map((p) => p.replace(OCR_ELISION[0], OCR_ELISION[1]));
}

/**
 * 1.4d's uncertain OCR span ("trong từng [?] của phường") is elided as "…" in the criterion
 * (plan119.ts says so): the one place where the generated text may differ from the reference.
 */
export const OCR_ELISION: [string, string] = ['tối thiểu … là 30%', 'tối thiểu trong từng của phường là 30%'];
