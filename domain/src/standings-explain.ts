/**
 * Why a unit has its rank, where it lost points, how far the next band is, and how it moved
 * across periods: read off the standings entries alone (public within the organisation), so every
 * page and the Excel export tell the same story. Pure.
 */
import type { Band, Movement, Period, StandingEntry, Standings, Text } from './schemas.js';
import { isApplicable, pointsToNextBand, round2 } from './scoring.js';
import { compareEntries } from './standings.js';

type Rules = Pick<Movement, 'criteria' | 'notApplicable' | 'bands' | 'tieRule'>;

export interface Neighbour {
  unitId: string;
  unitName: string;
  unitCode: string;
  rank: number;
  percent: number;
  /** Distance in percentage points (≥ 0). */
  gap: number;
}

export interface CriterionLoss {
  code: string;
  points: number;
  max: number;
  lost: number;
}

export interface TieNote {
  unitId: string;
  unitName: string;
  /** Where the other unit stands relative to this one. */
  side: 'above' | 'below';
  /** What decided the order: the total points or (equal totals) the unit code; `shared` = same rank. */
  by: 'shared' | 'total' | 'code';
}

export interface RankExplanation {
  unitId: string;
  rank: number;
  of: number;
  percent: number;
  /** Nearest unit with a higher percent: the gap to close to move up. */
  above: Neighbour | null;
  /** Nearest unit with a lower percent. */
  below: Neighbour | null;
  ties: TieNote[];
  tieRule: Movement['tieRule'];
  /** The criteria where the unit lost most points, most first. */
  losses: CriterionLoss[];
  nextBand: { band: Band; points: number } | null;
  /** The explanation as sentences, Vietnamese and English. */
  why: Text[];
}

/** Formats a number for a sentence: 2 decimals at most, decimal comma in Vietnamese. */
export function formatPlain(n: number, locale: 'vi' | 'en'): string {
  const s = String(round2(n));
  return locale === 'vi' ? s.replace('.', ',') : s;
}

/** Points lost per applicable criterion (max − points), most first; equal losses keep the plan's order. */
export function criterionLosses(entry: Pick<StandingEntry, 'unitId' | 'points'>, movement: Pick<Movement, 'criteria' | 'notApplicable'>): CriterionLoss[] {
  return movement.criteria
    .filter((c) => isApplicable(movement, entry.unitId, c.code) && c.maxPoints > 0)
    .map((c) => {
      const points = round2(entry.points[c.code] ?? 0);
      return { code: c.code, points, max: c.maxPoints, lost: round2(c.maxPoints - points) };
    })
    .filter((l) => l.lost > 0)
    .sort((a, b) => b.lost - a.lost);
}

const neighbour = (e: StandingEntry, me: StandingEntry): Neighbour => ({
  unitId: e.unitId,
  unitName: e.unitName,
  unitCode: e.unitCode,
  rank: e.rank,
  percent: e.percent,
  gap: round2(Math.abs(e.percent - me.percent)),
});

/** Explains one unit's place among `entries` (one period's standings). Null when the unit is not ranked. */
export function explainRank(entries: StandingEntry[], unitId: string, movement: Rules, top = 3): RankExplanation | null {
  const sorted = [...entries].sort(compareEntries);
  const i = sorted.findIndex((e) => e.unitId === unitId);
  const me = sorted[i];
  if (!me) return null;
  const aboveEntry = sorted
    .slice(0, i)
    .reverse()
    .find((e) => e.percent > me.percent);
  const belowEntry = sorted.slice(i + 1).find((e) => e.percent < me.percent);
  const ties: TieNote[] = sorted
    .map((e, j) => ({ e, j }))
    .filter(({ e }) => e.unitId !== unitId && e.percent === me.percent)
    .map(({ e, j }) => ({
      unitId: e.unitId,
      unitName: e.unitName,
      side: j < i ? 'above' : 'below',
      by: movement.tieRule === 'shared' ? 'shared' : e.total !== me.total ? 'total' : 'code',
    }));
  const losses = criterionLosses(me, movement).slice(0, top);
  const nextBand = pointsToNextBand(me, movement.bands);
  const above = aboveEntry ? neighbour(aboveEntry, me) : null;
  const below = belowEntry ? neighbour(belowEntry, me) : null;

  const f = (n: number) => ({ vi: formatPlain(n, 'vi'), en: formatPlain(n, 'en') });
  const why: Text[] = [];
  const p = f(me.percent);
  // Appraised only once the report is approved; one appraised item of 25 is an appraisal under way.
  const basis =
    me.status === 'approved'
      ? { vi: 'đã qua thẩm định', en: 'appraised' }
      : me.appraised
        ? { vi: 'đang thẩm định (một số mục đã có điểm thẩm định)', en: 'appraisal under way (some items appraised)' }
        : { vi: 'theo điểm tự đánh giá', en: 'self-assessed' };
  why.push({
    vi: `Hạng ${me.rank}/${sorted.length}: tỷ lệ ${p.vi}% (${f(me.total).vi}/${f(me.max).vi} điểm), xếp loại “${me.band}”, ${basis.vi}.`,
    en: `Rank ${me.rank} of ${sorted.length}: ${p.en}% (${f(me.total).en}/${f(me.max).en} points), rated “${me.band}”, ${basis.en}.`,
  });
  if (above) {
    why.push({
      vi: `Kém ${above.unitName} (hạng ${above.rank}, ${f(above.percent).vi}%) ${f(above.gap).vi} điểm phần trăm.`,
      en: `${f(above.gap).en} percentage points behind ${above.unitName} (rank ${above.rank}, ${f(above.percent).en}%).`,
    });
  } else {
    why.push({ vi: 'Không đơn vị nào có tỷ lệ cao hơn.', en: 'No unit has a higher percentage.' });
  }
  if (below) {
    why.push({
      vi: `Hơn ${below.unitName} (hạng ${below.rank}, ${f(below.percent).vi}%) ${f(below.gap).vi} điểm phần trăm.`,
      en: `${f(below.gap).en} percentage points ahead of ${below.unitName} (rank ${below.rank}, ${f(below.percent).en}%).`,
    });
  }
  if (ties.length) {
    const names = ties.map((t) => t.unitName).join(', ');
    if (movement.tieRule === 'shared') {
      why.push({
        vi: `Cùng tỷ lệ ${p.vi}% với ${names}: đồng hạng ${me.rank} (quy tắc: bằng tỷ lệ thì đồng hạng).`,
        en: `Same ${p.en}% as ${names}: rank ${me.rank} is shared (rule: equal percentages share a rank).`,
      });
    } else {
      const parts = ties.map((t) => {
        const reason =
          t.by === 'total' ? { vi: 'tổng điểm', en: 'the total points' } : { vi: 'ký hiệu đơn vị (tổng điểm bằng nhau)', en: 'the unit code (equal totals)' };
        return t.side === 'above'
          ? { vi: `xếp sau ${t.unitName} theo ${reason.vi}`, en: `placed after ${t.unitName} by ${reason.en}` }
          : { vi: `xếp trên ${t.unitName} theo ${reason.vi}`, en: `placed before ${t.unitName} by ${reason.en}` };
      });
      why.push({
        vi: `Cùng tỷ lệ ${p.vi}% với ${names} (quy tắc: không đồng hạng, xét tổng điểm rồi ký hiệu đơn vị): ${parts.map((x) => x.vi).join('; ')}.`,
        en: `Same ${p.en}% as ${names} (rule: no shared ranks, then total points, then unit code): ${parts.map((x) => x.en).join('; ')}.`,
      });
    }
  }
  if (losses.length) {
    why.push({
      vi: `Mất nhiều điểm nhất ở: ${losses.map((l) => `${l.code} (mất ${f(l.lost).vi}/${f(l.max).vi})`).join(', ')}.`,
      en: `Lost most points on: ${losses.map((l) => `${l.code} (lost ${f(l.lost).en} of ${f(l.max).en})`).join(', ')}.`,
    });
  } else {
    why.push({ vi: 'Không mất điểm ở tiêu chí nào.', en: 'No points lost on any criterion.' });
  }
  why.push(
    nextBand
      ? {
          vi: `Cần thêm ${f(nextBand.points).vi} điểm để đạt xếp loại “${nextBand.band.vi}” (từ ${f(nextBand.band.min).vi}%).`,
          en: `${f(nextBand.points).en} more points to reach “${nextBand.band.en || nextBand.band.vi}” (from ${f(nextBand.band.min).en}%).`,
        }
      : { vi: 'Đã ở xếp loại cao nhất.', en: 'Already in the top rating.' },
  );
  return {
    unitId,
    rank: me.rank,
    of: sorted.length,
    percent: me.percent,
    above,
    below,
    ties,
    tieRule: movement.tieRule,
    losses,
    nextBand,
    why,
  };
}

export interface TrendPoint {
  periodId: string;
  percent: number | null;
  rank: number | null;
}

export interface Trend {
  /** One point per period up to the one shown, in the movement's order. */
  points: TrendPoint[];
  /** Percent now minus percent in the latest earlier period the unit was ranked in. */
  percentChange: number | null;
  /** Places gained since then (positive = moved up). */
  rankChange: number | null;
}

/** A unit's percent and rank across the movement's periods, up to and including `periodId`. */
export function trendOf(
  unitId: string,
  periods: Pick<Period, 'id'>[],
  byPeriod: Record<string, Pick<Standings, 'entries'> | null | undefined>,
  periodId: string,
): Trend {
  const end = periods.findIndex((p) => p.id === periodId);
  const upto = end < 0 ? periods : periods.slice(0, end + 1);
  const points = upto.map((p) => {
    const e = byPeriod[p.id]?.entries[unitId];
    return { periodId: p.id, percent: e ? e.percent : null, rank: e ? e.rank : null };
  });
  const now = points[points.length - 1];
  const before = points
    .slice(0, -1)
    .reverse()
    .find((x) => x.percent !== null);
  if (!now || now.percent === null || !before) return { points, percentChange: null, rankChange: null };
  return { points, percentChange: round2(now.percent - before.percent!), rankChange: before.rank! - now.rank! };
}
