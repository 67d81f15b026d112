/**
 * Candidates for standard C1 ("dẫn đầu các phòng, đơn vị") from the standings [P]: the units in a
 * band (e.g. "Tốt") and/or within the top N ranks. A suggestion only; the unit and council decide.
 */
import type { Band, StandingEntry, Text } from '../schemas.js';

export interface CandidateCriteria {
  /** Band label as in the standings, e.g. "Tốt". */
  band?: string;
  /** Rank ≤ topN; ties at the cut-off are all included. */
  topN?: number;
  /** Only appraised-and-approved results count (default true). */
  onlyApproved?: boolean;
}

export interface Candidate {
  unitId: string;
  unitName: string;
  rank: number;
  percent: number;
  band: string;
  standard: 'C1';
  reason: Text;
}

/**
 * Units whose standing meets every criterion given (band and top-N together = both must hold).
 * Sorted by rank, then unit code. Throws when neither criterion is given: that is a caller bug.
 * Given the movement's bands, a unit in the lowest band ("Yếu") is never suggested: it does not
 * lead anything, whatever its rank among few units.
 */
export function suggestCandidates(entries: readonly StandingEntry[], criteria: CandidateCriteria, bands: readonly Band[] = []): Candidate[] {
  const { band, topN, onlyApproved = true } = criteria;
  if (band === undefined && topN === undefined) throw new Error('suggestCandidates: give a band or topN');
  const lowest = bands.length > 1 ? [...bands].sort((a, b) => a.min - b.min)[0]!.vi : null;
  return entries
    .filter((e) => !onlyApproved || e.status === 'approved')
    .filter((e) => e.band !== lowest)
    .filter((e) => band === undefined || e.band === band)
    .filter((e) => topN === undefined || e.rank <= topN)
    .sort((a, b) => a.rank - b.rank || a.unitCode.localeCompare(b.unitCode))
    .map((e) => {
      const pct = e.percent.toFixed(2).replace('.', ',');
      const parts: Text[] = [];
      if (band !== undefined) parts.push({ vi: `xếp loại “${e.band}”`, en: `band "${e.band}"` });
      if (topN !== undefined) parts.push({ vi: `hạng ${e.rank} (trong nhóm ${topN} đơn vị dẫn đầu)`, en: `rank ${e.rank} (within the top ${topN})` });
      return {
        unitId: e.unitId,
        unitName: e.unitName,
        rank: e.rank,
        percent: e.percent,
        band: e.band,
        standard: 'C1' as const,
        reason: {
          vi: `Đạt ${pct}% điểm Chỉ số CCHC, ${parts.map((p) => p.vi).join(', ')}.`,
          en: `Scored ${e.percent.toFixed(2)}% on the reform index, ${parts.map((p) => p.en).join(', ')}.`,
        },
      };
    });
}
