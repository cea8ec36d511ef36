/**
 * The expected value of every commune-level element for one old commune and one month: a provincial anchor (2024)
 * × the commune's weight × trend × season, or, for stocks tied to population, population × a rate. A 2025 commune's
 * expectation is the share-weighted sum over the communes it was formed from (see `meanOf`).
 */
import { type Frequency, monthIndex, monthOf, yearOf } from './calendar.ts';
import type { OldCommune } from './places.ts';
import type { Random } from './prng.ts';
import { ANCHOR_YEAR, blend, END_ANCHOR, grown, MID_ANCHOR, SEASONS, type Season } from './shapes.ts';
import type { Weights } from './weights.ts';

/** How a reported value scatters around its expectation. */
export interface Scatter {
  /** flow: × (1 ± sd); lumpy: × log-normal(sd); count: Poisson of mean × (1 ± sd); stock: × (1 ± sd). */
  kind: 'flow' | 'lumpy' | 'count' | 'stock';
  sd: number;
}

export interface CommuneModel {
  element: string;
  frequency: Frequency;
  /** Category options; empty when the element has only a total. */
  options: readonly string[];
  decimals: number;
  /** One per option, or one for the total. */
  scatter: readonly Scatter[];
  /** Draw the noise of this element, so a part moves with its whole (overnight guests with arrivals). */
  noiseOf?: string;
  /** Never above this element's total for the same unit and period (a part of a whole drawn with its own noise). */
  atMost?: string;
  /** Expectation per option (or of the total) for an old commune at month index t (a quarter's last month). */
  mean(c: OldCommune, t: number): number[];
}

type Mean = (c: OldCommune, t: number) => number;

export function buildCommuneModels(old: readonly OldCommune[], w: Weights, rand: Random): CommuneModel[] {
  /** A flow summing to `anchor` over the communes and the months of 2024. */
  const flow = (anchor: number, rate: number, weight: (c: OldCommune) => number, season: (c: OldCommune) => Season) => {
    let total = 0;
    for (const c of old) {
      const s = season(c);
      for (let m = 0; m < 12; m++) total += weight(c) * grown(rate, monthIndex(ANCHOR_YEAR, m + 1), MID_ANCHOR) * s[m]!;
    }
    const scale = anchor / total;
    return (c: OldCommune, t: number) => scale * weight(c) * grown(rate, t, MID_ANCHOR) * season(c)[monthOf(t)]!;
  };
  /** A stock summing to `anchor` over the communes at the end of 2024. */
  const stock = (anchor: number, rate: number, weight: (c: OldCommune) => number) => {
    const scale = anchor / old.reduce((s, c) => s + weight(c), 0);
    return (c: OldCommune, t: number) => scale * weight(c) * grown(rate, t, END_ANCHOR);
  };
  /** Scales a per-commune rate so its household-weighted mean is 1. */
  const normalised = (relative: (c: OldCommune) => number, weight: (c: OldCommune) => number) => {
    const mean = old.reduce((s, c) => s + relative(c) * weight(c), 0) / old.reduce((s, c) => s + weight(c), 0);
    return (c: OldCommune) => relative(c) / mean;
  };
  const always = (s: Season) => () => s;
  /** Worked out once per commune rather than for every month. */
  const perCommune = <T>(f: (c: OldCommune) => T) => {
    const values = new Map(old.map((c) => [c, f(c)]));
    return (c: OldCommune) => values.get(c)!;
  };
  const years = (t: number) => yearOf(t) - ANCHOR_YEAR;

  const pop = stock(1_330_000, 0.006, (c) => c.size);
  const femaleShare = perCommune((c) => 0.505 + 0.006 * rand.normal(`female:${c.code}`));
  const insuredOffset = perCommune((c) => (c.mountain ? 0.03 : 0) + 0.01 * rand.normal(`insured:${c.code}`));
  const householdSize = (c: OldCommune, t: number) => (c.mountain ? 3.75 : 3.45) - (0.03 * (t - END_ANCHOR)) / 12;
  const households: Mean = (c, t) => pop(c, t) / householdSize(c, t);
  const povertyShape = normalised(w.poverty, (c) => households(c, END_ANCHOR));
  const nearPoorShape = normalised(
    (c) => w.poverty(c) ** 0.6,
    (c) => households(c, END_ANCHOR),
  );
  // The poor-household list is reviewed once a year, so the rate steps each January: 4 % in 2023 to 2.5 % in 2026.
  const povertyRate = (y: number) => Math.max(1, 3.5 - 0.5 * (y - ANCHOR_YEAR)) / 100;
  const nearPoorRate = (y: number) => Math.max(1.5, 4.1 - 0.4 * (y - ANCHOR_YEAR)) / 100;
  const insuredShare = (c: OldCommune, t: number) => Math.min(0.995, 0.93 + 0.006 * years(t) + insuredOffset(c));

  const forestScale = (() => {
    const land = old.reduce((s, c) => s + c.area, 0);
    return (0.525 * land) / old.reduce((s, c) => s + c.area * w.forest(c), 0);
  })();

  const seasonOfSights = (c: OldCommune) => (c.coastal ? SEASONS.beach : SEASONS.inland);
  const accommodationSeason = perCommune((c) => blend(seasonOfSights(c), SEASONS.retail, 0.5));
  const accommodation = flow(6_200, 0.1, (c) => w.overnight(c) + 0.8 * c.size, accommodationSeason);
  const monthly = (
    element: string,
    mean: Mean,
    scatter: Scatter,
    decimals: number,
    extra: Partial<CommuneModel> = {},
  ): CommuneModel => ({
    element,
    frequency: 'month',
    options: [],
    decimals,
    scatter: [scatter],
    mean: (c, t) => [mean(c, t)],
    ...extra,
  });
  const count = (sd: number): Scatter => ({ kind: 'count', sd });
  const flowNoise = (sd: number): Scatter => ({ kind: 'flow', sd });
  const stockNoise = (sd: number): Scatter => ({ kind: 'stock', sd });

  const taxes = flow(8_200, 0.07, w.economy, always(SEASONS.revenue));
  const landUse = flow(2_200, 0.03, w.landUse, always(SEASONS.landUse));
  const customs = flow(7_500, 0.06, w.customs, always(SEASONS.customs));
  const tourists = flow(4_200_000, 0.1, w.sights, seasonOfSights);
  const overnight = flow(1_100_000, 0.1, w.overnight, seasonOfSights);
  const infantsDue = flow(19_300, -0.01, (c) => c.size * (c.mountain ? 1.15 : 1), always(SEASONS.births));
  const vaccinatedShare = (c: OldCommune) => (c.mountain ? 0.945 : 0.968);
  const pupilsAnchor = { PRESCHOOL: 73_600, PRIMARY: 135_000, LOWER_SECONDARY: 95_246, UPPER_SECONDARY: 45_332 };
  const pupilsTrend = { PRESCHOOL: -0.02, PRIMARY: -0.01, LOWER_SECONDARY: 0.015, UPPER_SECONDARY: 0.02 };
  const pupilOptions = Object.keys(pupilsAnchor) as (keyof typeof pupilsAnchor)[];
  const pupils = pupilOptions.map((option) => {
    const weight = (c: OldCommune) => c.size * (option === 'UPPER_SECONDARY' && c.kind !== 'commune' ? 1.4 : 1);
    const scale = pupilsAnchor[option] / old.reduce((s, c) => s + weight(c), 0);
    // Enrolment changes with the school year, which starts in September.
    return (c: OldCommune, t: number) => {
      const schoolYear = monthOf(t) >= 8 ? yearOf(t) : yearOf(t) - 1;
      return scale * weight(c) * (1 + pupilsTrend[option]) ** (schoolYear - ANCHOR_YEAR);
    };
  });

  return [
    {
      element: 'BUDGET_REV',
      frequency: 'month',
      options: ['TAX_FEES', 'LAND_USE', 'IMPORT_EXPORT'],
      decimals: 3,
      scatter: [flowNoise(0.05), { kind: 'lumpy', sd: 0.25 }, flowNoise(0.08)],
      mean: (c, t) => [taxes(c, t), landUse(c, t), customs(c, t)],
    },
    monthly('RETAIL_SALES', flow(58_000, 0.09, w.retail, always(SEASONS.retail)), flowNoise(0.04), 3),
    monthly('TOURISTS', tourists, flowNoise(0.12), 0),
    monthly('TOURISTS_OVERNIGHT', (c, t) => Math.min(overnight(c, t), 0.8 * tourists(c, t)), flowNoise(0.12), 0, {
      noiseOf: 'TOURISTS',
      atMost: 'TOURISTS',
    }),
    monthly('TOURISTS_INTL', flow(16_000, 0.15, w.foreign, always(SEASONS.international)), count(0.1), 0),
    monthly('ACCOM_REVENUE', accommodation, flowNoise(0.1), 3),
    monthly('NEW_ENTERPRISES', flow(950, 0.05, w.economy, always(SEASONS.newEnterprises)), count(0.1), 0),
    monthly('ENTERPRISES_DISSOLVED', flow(230, 0.03, w.economy, always(SEASONS.dissolved)), count(0.1), 0),
    monthly('ENTERPRISES_ACTIVE', stock(6_800, 0.05, w.economy), stockNoise(0.003), 0),
    monthly('RICE_OUTPUT', flow(560_000, 0.005, w.rice, always(SEASONS.rice)), flowNoise(0.08), 1),
    monthly('AQUA_OUTPUT', flow(19_000, 0.03, w.aquaculture, always(SEASONS.aquaculture)), flowNoise(0.12), 1),

    {
      element: 'POP',
      frequency: 'month',
      options: ['MALE', 'FEMALE'],
      decimals: 0,
      scatter: [stockNoise(0.002), stockNoise(0.002)],
      mean: (c, t) => [pop(c, t) * (1 - femaleShare(c)), pop(c, t) * femaleShare(c)],
    },
    monthly('POP_URBAN', (c, t) => pop(c, t) * Math.min(1, w.urban(c) * (1 + 0.01 * years(t))), stockNoise(0.002), 0, {
      atMost: 'POP',
    }),
    monthly('HOUSEHOLDS', households, stockNoise(0.002), 0),
    monthly('POOR_HH', (c, t) => households(c, t) * povertyRate(yearOf(t)) * povertyShape(c), stockNoise(0.01), 0),
    monthly(
      'NEAR_POOR_HH',
      (c, t) => households(c, t) * nearPoorRate(yearOf(t)) * nearPoorShape(c),
      stockNoise(0.01),
      0,
    ),
    monthly('HEALTH_INSURED', (c, t) => pop(c, t) * insuredShare(c, t), stockNoise(0.003), 0, { atMost: 'POP' }),
    monthly(
      'LABOUR_TRAINED',
      flow(26_000, 0.03, (c) => c.size, always(SEASONS.training)),
      count(0.1),
      0,
    ),
    monthly(
      'JOBS_CREATED',
      flow(22_000, 0.02, (c) => c.size, always(SEASONS.jobs)),
      count(0.1),
      0,
    ),
    monthly(
      'WORKERS_ABROAD',
      flow(13_000, 0.04, (c) => c.size * (c.kind === 'ward' ? 0.7 : 1), always(SEASONS.jobs)),
      count(0.1),
      0,
    ),
    monthly(
      'TRAFFIC_ACCIDENTS',
      flow(180, -0.03, (c) => c.size * (c.kind === 'commune' ? 1 : 1.6), always(SEASONS.accidents)),
      count(0.1),
      0,
    ),
    monthly(
      'TRAFFIC_DEATHS',
      flow(110, -0.03, (c) => c.size * (c.kind === 'commune' ? 1 : 1.6), always(SEASONS.accidents)),
      count(0.1),
      0,
    ),

    monthly(
      'BIRTHS',
      flow(19_500, -0.01, (c) => c.size * (c.mountain ? 1.15 : 1), always(SEASONS.births)),
      count(0.05),
      0,
    ),
    monthly(
      'DENGUE_CASES',
      flow(420, 0, (c) => c.size * { ward: 3.5, township: 2, commune: 0.6 }[c.kind], always(SEASONS.dengue)),
      count(0.2),
      0,
    ),
    monthly(
      'HFMD_CASES',
      flow(600, 0, (c) => c.size * (c.kind === 'ward' ? 1.4 : 1), always(SEASONS.handFootMouth)),
      count(0.2),
      0,
    ),
    monthly('INFANTS_DUE', infantsDue, count(0.05), 0),
    monthly('INFANTS_VACCINATED', (c, t) => infantsDue(c, t) * vaccinatedShare(c), count(0.05), 0, {
      noiseOf: 'INFANTS_DUE',
      atMost: 'INFANTS_DUE',
    }),
    monthly(
      'OUTPATIENT_VISITS',
      flow(3_300_000, 0.03, (c) => c.size * (c.kind === 'commune' ? 1 : 1.8), always(SEASONS.outpatient)),
      flowNoise(0.04),
      0,
    ),
    monthly(
      'INPATIENTS',
      flow(230_000, 0.03, (c) => c.size * (c.kind === 'commune' ? 0.3 : 3), always(SEASONS.outpatient)),
      flowNoise(0.08),
      0,
    ),

    {
      element: 'NATURAL_AREA',
      frequency: 'quarter',
      options: [],
      decimals: 2,
      scatter: [stockNoise(0)],
      mean: (c) => [c.area * 100],
    },
    {
      element: 'FOREST_AREA',
      frequency: 'quarter',
      options: [],
      decimals: 2,
      scatter: [stockNoise(0.002)],
      mean: (c, t) => [c.area * 100 * Math.min(0.95, w.forest(c) * forestScale) * (1 + 0.003 * years(t))],
    },
    {
      element: 'PUPILS',
      frequency: 'quarter',
      options: pupilOptions,
      decimals: 0,
      scatter: pupilOptions.map(() => stockNoise(0.004)),
      mean: (c, t) => pupils.map((f) => f(c, t)),
    },
  ];
}

/** The expectation for a place: an old commune on its own, or a 2025 commune as Σ share × its parts. */
export function meanOf(model: CommuneModel, parts: readonly { commune: OldCommune; share: number }[], t: number) {
  const total = new Array<number>(Math.max(1, model.options.length)).fill(0);
  for (const { commune, share } of parts) {
    const means = model.mean(commune, t);
    for (let i = 0; i < total.length; i++) total[i]! += share * means[i]!;
  }
  return total;
}
