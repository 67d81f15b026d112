/**
 * Vietnamese formatting for documents: dates by ND 30/2020 (leading zero for days 1–9 and months
 * 1–2), counts with two digits ("01 tập thể"), money with dot thousands ("702.000 đồng") and in
 * words ("Bảy trăm linh hai nghìn đồng").
 */
import type { DocHeader } from './model.js';

const parts = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];

/** "ngày 05 tháng 01 năm 2026", "ngày 30 tháng 9 năm 2025". */
export function ngayThangNam(iso: string): string {
  const [y, m, d] = parts(iso);
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** Địa danh line: "Hải An, ngày 30 tháng 9 năm 2025"; a draft leaves blanks. */
export function placeAndDate(header: Pick<DocHeader, 'place' | 'date' | 'draftYear'>): string {
  if (header.date) return `${header.place}, ${ngayThangNam(header.date)}`;
  const year = header.draftYear ? String(header.draftYear) : '20…';
  return `${header.place}, ngày      tháng      năm ${year}`;
}

/** Short form used inside sentences: "30/9/2025". */
export function shortDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${d}/${m}/${y}`;
}

/** Short form with leading zeros as often printed in references: "05/12/2025". */
export function shortDate2(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** "14 giờ 00 phút" from "14:00". */
export function gioPhut(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)} giờ ${m} phút`;
}

/** Số và ký hiệu with the ND 30 leading zero below 10: (5, "TTr-VP") → "05/TTr-VP". */
export function soKyHieu(sequence: number, symbol: string): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error('soKyHieu: số thứ tự phải là số nguyên dương');
  return `${String(sequence).padStart(2, '0')}/${symbol}`;
}

/** Counts in documents are written with two digits: "01", "12". */
export const two = (n: number): string => String(n).padStart(2, '0');

/** 3510000 → "3.510.000". */
export function formatMoney(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 75.5 → "75,50". */
export const percentText = (x: number): string => x.toFixed(2).replace('.', ',');

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

function threeDigits(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (full || h > 0) out.push(DIGITS[h]!, 'trăm');
  if (t === 0) {
    if (u > 0 && (full || h > 0)) out.push('linh');
  } else if (t === 1) out.push('mười');
  else out.push(DIGITS[t]!, 'mươi');
  if (u > 0) {
    if (u === 1 && t > 1) out.push('mốt');
    else if (u === 5 && t > 0) out.push('lăm');
    else if (u === 4 && t > 1) out.push('tư');
    else out.push(DIGITS[u]!);
  }
  return out.join(' ');
}

/** Number in Vietnamese words, lower case: 702000 → "bảy trăm linh hai nghìn". Up to 10^15. */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error('numberToWords: non-negative integer expected');
  if (n === 0) return 'không';
  const units = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ'];
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 1000)) groups.push(x % 1000);
  const words: string[] = [];
  for (let g = groups.length - 1; g >= 0; g--) {
    const v = groups[g]!;
    if (v === 0) continue;
    words.push(threeDigits(v, g < groups.length - 1), units[g]!);
  }
  return words.filter(Boolean).join(' ');
}

/** "Bảy trăm linh hai nghìn đồng". */
export function moneyInWords(n: number): string {
  const w = `${numberToWords(n)} đồng`;
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** Vietnamese upper case (full diacritics kept). */
export const upper = (s: string): string => s.toLocaleUpperCase('vi-VN');
