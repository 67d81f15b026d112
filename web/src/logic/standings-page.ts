/**
 * Pure helpers of the standings page: the bar chart and sparkline geometry, the per-criterion
 * rows (self vs appraised where the viewer may see them), the live/snapshot sources, and the
 * printable document. No DOM, no Firebase: unit-tested with plain data.
 */
import { SNAPSHOT_STAGES, isApplicable, type Band, type Movement, type SnapshotStage, type StandingEntry, type StandingsSnapshot } from '@thidua/domain';
import type { UnitScore } from '../data/standings-data.js';

// ─── Chart ──────────────────────────────────────────────────────────────────────────────────

export interface ChartBar {
  unitId: string;
  label: string;
  rank: number;
  percent: number;
  band: string;
  /** 0 = the best band; used for the bar's colour. */
  bandIndex: number;
  y: number;
  width: number;
}

export interface ChartModel {
  width: number;
  height: number;
  labelWidth: number;
  barArea: number;
  rowHeight: number;
  bars: ChartBar[];
  /** A dashed line per band minimum above 0, labelled with the band. */
  thresholds: { x: number; min: number; band: Band }[];
}

/** Horizontal bars, one per unit in rank order, on a 0–100% scale with the band thresholds. */
export function barChart(entries: StandingEntry[], bands: Band[], opts: { width?: number; rowHeight?: number; labelWidth?: number } = {}): ChartModel {
  const width = opts.width ?? 640;
  const rowHeight = opts.rowHeight ?? 26;
  const labelWidth = opts.labelWidth ?? 150;
  const top = 18; // room for the threshold labels
  const barArea = width - labelWidth - 48; // room for the percent after the bar
  const byMin = [...bands].sort((a, b) => b.min - a.min);
  const bars = entries.map((e, i) => ({
    unitId: e.unitId,
    label: e.unitCode,
    rank: e.rank,
    percent: e.percent,
    band: e.band,
    bandIndex: Math.max(
      0,
      byMin.findIndex((b) => b.vi === e.band),
    ),
    y: top + i * rowHeight,
    width: Math.max(0, Math.min(100, e.percent)) * (barArea / 100),
  }));
  const thresholds = byMin.filter((b) => b.min > 0 && b.min <= 100).map((b) => ({ x: labelWidth + (b.min / 100) * barArea, min: b.min, band: b }));
  return { width, height: top + entries.length * rowHeight + 4, labelWidth, barArea, rowHeight, bars, thresholds };
}

/** A small line of percents (0–100) across periods; null values leave a gap. */
export function sparkline(values: (number | null)[], width = 80, height = 24, pad = 3): { points: { x: number; y: number }[]; path: string } {
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number) => pad + (1 - Math.max(0, Math.min(100, v)) / 100) * (height - 2 * pad);
  const points = values.flatMap((v, i) => (v === null ? [] : [{ x: Math.round(x(i) * 10) / 10, y: Math.round(y(v) * 10) / 10 }]));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
  return { points, path };
}

// ─── Per-criterion attainment ───────────────────────────────────────────────────────────────

export interface CriterionRow {
  code: string;
  group: string;
  max: number;
  /** null: the criterion does not apply to the unit. */
  points: number | null;
  /** The unit's own points; null when the viewer may not see them or there is no score. */
  self: number | null;
  /** True when an appraised score replaced the self-score on this criterion. */
  appraised: boolean;
}

/**
 * The unit's points per criterion from its standings entry (public within the org) and, when the
 * viewer is entitled to the unit's score document, the self-assessed points beside them.
 */
export function criterionRows(
  movement: Pick<Movement, 'criteria' | 'notApplicable'>,
  entry: Pick<StandingEntry, 'unitId' | 'points'>,
  score?: UnitScore | null,
): CriterionRow[] {
  return movement.criteria.map((c) => {
    const applicable = isApplicable(movement, entry.unitId, c.code);
    const item = score?.items.find((i) => i.code === c.code);
    return {
      code: c.code,
      group: c.group,
      max: applicable ? c.maxPoints : 0,
      points: applicable ? (entry.points[c.code] ?? 0) : null,
      self: applicable && item ? (item.selfPoints ?? item.points) : null,
      appraised: item?.selfPoints !== undefined,
    };
  });
}

// ─── Live or frozen ─────────────────────────────────────────────────────────────────────────

export type ViewSource = 'live' | SnapshotStage;

/** The snapshots of one period, in the order of the stages. */
export function snapshotsOf(list: StandingsSnapshot[], periodId: string): StandingsSnapshot[] {
  return SNAPSHOT_STAGES.flatMap((stage) => list.filter((s) => s.periodId === periodId && s.stage === stage));
}

/** Entries to show: the live standings, or the chosen snapshot (null when it does not exist). */
export function entriesFor(
  source: ViewSource,
  live: Record<string, StandingEntry> | undefined,
  snapshots: StandingsSnapshot[],
  periodId: string,
): StandingEntry[] | null {
  if (source === 'live') return live ? Object.values(live) : [];
  const s = snapshots.find((x) => x.periodId === periodId && x.stage === source);
  return s ? Object.values(s.entries) : null;
}

// ─── Print ──────────────────────────────────────────────────────────────────────────────────

/** "Hải An, ngày 01 tháng 12 năm 2026" in Vietnam's time zone. */
export function vietnameseDateLine(place: string, ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
  return place ? `${place}, ${date}` : date.charAt(0).toUpperCase() + date.slice(1);
}

export interface PrintModel {
  orgName: string;
  dateLine: string;
  title: string;
  subtitle: string;
  headers: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
  footer: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained HTML document of the standings, laid out for A4 landscape printing. */
export function printHtml(m: PrintModel): string {
  const head = m.headers.map((h, i) => `<th${m.numeric[i] ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = m.rows.map((r) => `<tr>${r.map((c, i) => `<td${m.numeric[i] ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(m.title)}</title>
<style>
  @page { size: A4 landscape; margin: 15mm 15mm 15mm 20mm; }
  body { font-family: 'Times New Roman', Times, serif; font-size: 13pt; color: #000; margin: 0; }
  .head { display: flex; justify-content: space-between; text-align: center; }
  .head div { width: 48%; }
  .agency { font-weight: bold; text-transform: uppercase; }
  .motto { font-weight: bold; }
  .motto span { display: block; font-weight: bold; text-decoration: underline; }
  .date { text-align: right; font-style: italic; margin: 8pt 0 12pt; }
  h1 { text-align: center; font-size: 14pt; margin: 0; text-transform: uppercase; }
  .sub { text-align: center; margin: 2pt 0 10pt; font-style: italic; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; }
  th { font-weight: bold; text-align: center; }
  td.num, th.num { text-align: right; white-space: nowrap; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  .foot { margin-top: 8pt; font-size: 11pt; font-style: italic; }
  @media screen { body { max-width: 277mm; margin: 10mm auto; } }
  @media print { .noprint { display: none; } }
</style></head>
<body>
<div class="head"><div class="agency">${esc(m.orgName)}</div><div class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<span>Độc lập - Tự do - Hạnh phúc</span></div></div>
<p class="date">${esc(m.dateLine)}</p>
<h1>${esc(m.title)}</h1>
<p class="sub">${esc(m.subtitle)}</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<p class="foot">${esc(m.footer)}</p>
</body></html>`;
}
