/**
 * The Decision 766 "online provision" rates that come from the procedure catalogue, as percentages (0–100),
 * unrounded, null when their denominator is 0:
 *
 * - onlineCoverage: procedures offered online (online level full or partial) ÷ all procedures × 100;
 * - onlineUptake: online procedures (full or partial) that received at least one online dossier (channel 2) in the
 *   period ÷ online procedures × 100;
 * - onlinePaymentProcedures: procedures with online payment ÷ procedures that charge a fee (fee > 0) × 100, both
 *   counted among the fee-charging procedures so the rate cannot pass 100 %. When no procedure in the set has a fee
 *   recorded, the catalogue says nothing about fees: the rate falls back to procedures with online payment ÷ all
 *   procedures, rather than null.
 *
 * The set is the whole catalogue, or the procedures of one tier and/or one agency.
 */
import type { RateKey } from '../metrics/scoring-rules.ts';

export interface CatalogueProcedure {
  code: string;
  level: 'province' | 'commune';
  agencyCode: string | null;
  onlineLevel: 'full' | 'partial' | 'none';
  onlinePayment: boolean;
  feeVnd: number | null;
}

export interface CatalogueRateFilter {
  level?: 'province' | 'commune';
  agency?: string;
}

export type CatalogueRates = Record<
  Extract<RateKey, 'onlineCoverage' | 'onlineUptake' | 'onlinePaymentProcedures'>,
  number | null
>;

const rate = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);

/** `onlineDossierProcedures`: codes of the procedures that received ≥ 1 online (channel 2) dossier in the period. */
export function catalogueRates(
  procedures: readonly CatalogueProcedure[],
  onlineDossierProcedures: ReadonlySet<string>,
  filter: CatalogueRateFilter = {},
): CatalogueRates {
  const set = procedures.filter(
    (p) =>
      (filter.level === undefined || p.level === filter.level) &&
      (filter.agency === undefined || p.agencyCode === filter.agency),
  );
  const online = set.filter((p) => p.onlineLevel !== 'none');
  const used = online.filter((p) => onlineDossierProcedures.has(p.code));
  const charging = set.filter((p) => p.feeVnd !== null && p.feeVnd > 0);
  const paymentBase = charging.length > 0 ? charging : set;
  return {
    onlineCoverage: rate(online.length, set.length),
    onlineUptake: rate(used.length, online.length),
    onlinePaymentProcedures: rate(paymentBase.filter((p) => p.onlinePayment).length, paymentBase.length),
  };
}
