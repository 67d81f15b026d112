/**
 * The standings as an Excel workbook: the unit list, the per-criterion table and the totals, one
 * sheet each, plus a sheet saying what the file is. Built from the same standings entries the page
 * shows (live or a frozen snapshot), so the file and the screen cannot disagree. Pure.
 */
import type { Movement, StandingEntry } from '../schemas.js';
import { isApplicable, pointsToNextBand } from '../scoring.js';
import { compareEntries } from '../standings.js';
import { STATUS_TEXT } from '../workflow.js';
import type { XlsxSheet } from './write.js';

export interface StandingsWorkbookInput {
  movement: Pick<Movement, 'title' | 'criteria' | 'notApplicable' | 'bands' | 'periods'>;
  periodId: string;
  entries: StandingEntry[];
  /** The ward, e.g. "UBND phường Hải An". */
  orgName: string;
  /** Live or which frozen stage, e.g. "Trực tiếp" or "Sau thẩm định (chốt lúc …)". */
  source: string;
  /** When the file is made, already formatted (dd/mm/yyyy hh:mm). */
  generatedAt: string;
}

export const STANDINGS_SHEETS = {
  info: 'Thông tin',
  units: 'Danh sách đơn vị',
  criteria: 'Điểm theo tiêu chí',
  totals: 'Tổng hợp',
} as const;

export function standingsWorkbook(input: StandingsWorkbookInput): XlsxSheet[] {
  const { movement } = input;
  const rows = [...input.entries].sort(compareEntries).sort((a, b) => a.rank - b.rank);
  const period = movement.periods.find((p) => p.id === input.periodId);

  const info: XlsxSheet = {
    name: STANDINGS_SHEETS.info,
    widths: [22, 80],
    rows: [
      ['Mục', 'Nội dung'],
      ['Cơ quan', input.orgName],
      ['Phong trào', movement.title.vi],
      ['Kỳ', period?.label.vi ?? input.periodId],
      ['Nguồn số liệu', input.source],
      ['Thời điểm xuất', input.generatedAt],
      ['Số đơn vị xếp hạng', rows.length],
    ],
  };

  const units: XlsxSheet = {
    name: STANDINGS_SHEETS.units,
    widths: [6, 12, 50, 16],
    rows: [['STT', 'Ký hiệu', 'Đơn vị', 'Trạng thái báo cáo'], ...rows.map((e, i) => [i + 1, e.unitCode, e.unitName, STATUS_TEXT[e.status].vi])],
  };

  const criteria: XlsxSheet = {
    name: STANDINGS_SHEETS.criteria,
    widths: [10, 60, 12, ...rows.map(() => 12)],
    rows: [
      ['Mã', 'Tiêu chí', 'Điểm tối đa', ...rows.map((e) => e.unitCode)],
      ...movement.criteria.map((c) => [
        c.code,
        c.text.vi,
        c.maxPoints,
        // An empty cell: the criterion does not apply to the unit (not a zero).
        ...rows.map((e) => (isApplicable(movement, e.unitId, c.code) ? (e.points[c.code] ?? 0) : null)),
      ]),
      ['Tổng', 'Tổng điểm', null, ...rows.map((e) => e.total)],
      ['Tối đa', 'Điểm tối đa áp dụng', null, ...rows.map((e) => e.max)],
      ['Tỷ lệ', 'Tỷ lệ (%)', null, ...rows.map((e) => e.percent)],
    ],
  };

  const totals: XlsxSheet = {
    name: STANDINGS_SHEETS.totals,
    widths: [7, 12, 50, 12, 12, 12, 14, 16, 14, 20, 16],
    rows: [
      [
        'Hạng',
        'Ký hiệu',
        'Đơn vị',
        'Tổng điểm',
        'Điểm tối đa',
        'Tỷ lệ (%)',
        'Xếp loại',
        'Tự đánh giá (%)',
        'Đã thẩm định',
        'Điểm cần để lên loại',
        'Loại kế tiếp',
      ],
      ...rows.map((e) => {
        const next = pointsToNextBand(e, movement.bands);
        return [
          e.rank,
          e.unitCode,
          e.unitName,
          e.total,
          e.max,
          e.percent,
          e.band,
          e.selfPercent ?? null,
          e.appraised ? 'Có' : 'Chưa',
          next ? next.points : null,
          next ? next.band.vi : '',
        ];
      }),
    ],
  };

  return [totals, criteria, units, info];
}

/** A file name without diacritics or spaces, e.g. "bang-xep-hang-2025-H2-truc-tiep.xlsx". */
export function standingsFileName(periodId: string, source: string): string {
  const slug = source
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `bang-xep-hang-${periodId}${slug ? `-${slug}` : ''}.xlsx`;
}
