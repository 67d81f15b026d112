/**
 * Tiền thưởng: coefficient × mức lương cơ sở, rounded up. All figures are configuration:
 * - mức lương cơ sở 2,340,000 đ from 01/7/2024 [R];
 * - Giấy khen 0.3× for an individual, a collective twice the individual amount [R]
 *   (NĐ 98/2023; amounts under NĐ 152/2025 unknown);
 * - rounding up to tens of thousands of đồng: NĐ 91/2017 Điều 68 khoản 2 [V, via the central
 *   emulation board's Q&A]; assumed unchanged since [R].
 */
import { z } from 'zod';
import { AwardForm, type NomineeType } from './schemas.js';

export const Coefficients = z.object({
  individual: z.number().min(0).max(100),
  collective: z.number().min(0).max(100),
});

export const AwardMoneyConfig = z.object({
  /** Mức lương cơ sở, đồng. */
  baseSalary: z.number().int().positive(),
  coefficients: z.record(AwardForm, Coefficients),
  /** Round the amount up to a multiple of this (đồng); 1 = no rounding. */
  roundUpTo: z.number().int().positive(),
  /** Printed in the decision, e.g. "Quỹ thi đua, khen thưởng của phường năm 2025". */
  fundSource: z.string().max(500),
});
export type AwardMoneyConfig = z.infer<typeof AwardMoneyConfig>;

export const DEFAULT_AWARD_MONEY: AwardMoneyConfig = {
  baseSalary: 2_340_000,
  coefficients: {
    GIAY_KHEN_PHUONG: { individual: 0.3, collective: 0.6 },
    DE_NGHI_BANG_KHEN_TP: { individual: 1.0, collective: 2.0 },
  },
  roundUpTo: 10_000,
  fundSource: 'Quỹ thi đua, khen thưởng của Ủy ban nhân dân phường',
};

/** Amount in đồng for one awardee. Integer arithmetic on the đồng value avoids 0.3 × 2,340,000 drift. */
export function awardAmount(config: AwardMoneyConfig, form: AwardForm, nomineeType: NomineeType): number {
  const c = config.coefficients[form][nomineeType];
  const raw = Math.round(c * config.baseSalary);
  return Math.ceil(raw / config.roundUpTo) * config.roundUpTo;
}
