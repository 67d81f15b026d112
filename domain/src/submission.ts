/**
 * What blocks a report from being submitted. Checked by the submit callable (and shown by the web
 * before the button is pressed); each problem names the criterion code and says what to do.
 */
import type { Movement, Report, Text } from './schemas.js';
import { isApplicable, isSelfScored, isValidFigure } from './scoring.js';

export interface SubmissionProblem {
  code: string;
  message: Text;
}

/**
 * Problems, in the plan's order, for the items that apply to the report's unit:
 * - a hard target without figures (or with a zero denominator and no giải trình);
 * - figures that are not whole numbers ≥ 0 or whose numerator exceeds the denominator;
 * - a self-score below 0 or above the item's maximum;
 * - a self-score above 0 with neither evidence nor an explanation (giải trình), unless the
 *   catalogue says the item needs no evidence (`evidenceRequired: false`).
 * Items not applicable to the unit are not checked: their content does not count.
 */
export function validateForSubmission(
  movement: Pick<Movement, 'criteria' | 'notApplicable'>,
  report: Pick<Report, 'unitId' | 'figures' | 'answers'>,
): SubmissionProblem[] {
  const out: SubmissionProblem[] = [];
  const add = (code: string, vi: string, en: string) => out.push({ code, message: { vi, en } });
  for (const c of movement.criteria) {
    if (!isApplicable(movement, report.unitId, c.code)) continue;
    const f = report.figures[c.code];
    const a = report.answers[c.code];
    const explained = Boolean(a?.explanation?.trim());
    if (f && !isValidFigure(f)) {
      if (f.numerator > f.denominator) {
        add(c.code, `Tử số (${f.numerator}) lớn hơn mẫu số (${f.denominator}).`, `The numerator (${f.numerator}) is above the denominator (${f.denominator}).`);
      } else {
        add(c.code, 'Tử số và mẫu số phải là số nguyên không âm.', 'Numerator and denominator must be whole numbers ≥ 0.');
      }
    }
    if (!isSelfScored(c)) {
      if (c.target?.strength !== 'hard') continue;
      if (!f) {
        add(c.code, 'Chưa nhập số liệu cho chỉ tiêu bắt buộc.', 'Figures are missing for a required target.');
      } else if (f.denominator === 0 && f.numerator === 0 && !explained) {
        // Nothing to count (e.g. no such files this period): say why, or ask for "không áp dụng".
        add(
          c.code,
          'Mẫu số bằng 0: cần giải trình hoặc đề nghị Thường trực đánh dấu “không áp dụng”.',
          'The denominator is 0: add an explanation or ask the secretariat to mark the item not applicable.',
        );
      }
      continue;
    }
    const self = a?.selfScore;
    if (self === undefined) continue;
    if (!Number.isFinite(self) || self < 0) {
      add(c.code, 'Điểm tự chấm không được âm.', 'The self-score cannot be negative.');
    } else if (self > c.maxPoints) {
      add(c.code, `Điểm tự chấm (${self}) vượt điểm tối đa (${c.maxPoints}).`, `The self-score (${self}) is above the maximum (${c.maxPoints}).`);
    }
    if (c.evidenceRequired !== false && self > 0 && (a?.evidenceIds.length ?? 0) === 0 && !explained) {
      add(c.code, 'Tự chấm điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình.', 'Self-scored without evidence or an explanation (giải trình).');
    }
  }
  return out;
}
