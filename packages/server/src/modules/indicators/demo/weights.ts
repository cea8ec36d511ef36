/**
 * How each old commune's share of a provincial total is set: by population size, wealth (wards and the Vũng Áng
 * economic zone), land, coast and sights. Only relative sizes matter; every series is scaled to its provincial anchor.
 */
import type { CommuneKind, OldCommune } from './places.ts';
import type { Random } from './prng.ts';

/** Where visitors go, by 2025 commune: beaches, Nguyễn Du's home, Ngã ba Đồng Lộc, Hương Tích, the city, Sơn Kim. */
const SIGHTS: Record<string, number> = {
  '18676': 16,
  '18373': 14,
  '18352': 5,
  '18364': 5,
  '18394': 3,
  '18568': 3,
  '18604': 3,
  '18781': 3,
  '18766': 2,
  '18484': 6,
  '18406': 4,
  '18073': 6,
  '18100': 2,
  '18115': 3,
  '18196': 3,
};
/** International visitors: the Cầu Treo border gate (Sơn Kim 1), Formosa and the Vũng Áng zone, the city. */
const FOREIGN: Record<string, number> = { '18196': 10, '18832': 8, '18823': 5, '18073': 6, '18676': 2, '18373': 2 };
/** Import-export duties by where they are collected: Sơn Dương–Vũng Áng port and the Cầu Treo border gate. */
const CUSTOMS: Record<string, number> = { '18832': 0.55, '18823': 0.4, '18196': 0.05 };
/** The Vũng Áng economic zone. */
const INDUSTRIAL = new Set(['18823', '18832', '18754']);

const byKind = (kind: CommuneKind, values: Record<CommuneKind, number>) => values[kind];

export interface Weights {
  economy(c: OldCommune): number;
  landUse(c: OldCommune): number;
  customs(c: OldCommune): number;
  retail(c: OldCommune): number;
  sights(c: OldCommune): number;
  overnight(c: OldCommune): number;
  foreign(c: OldCommune): number;
  rice(c: OldCommune): number;
  aquaculture(c: OldCommune): number;
  /** Share of a commune's land under forest, before scaling to the provincial cover. */
  forest(c: OldCommune): number;
  /** Poverty relative to the provincial rate, before normalising over households. */
  poverty(c: OldCommune): number;
  urban(c: OldCommune): number;
}

export function buildWeights(old: readonly OldCommune[], rand: Random): Weights {
  const homeSize = new Map<string, number>();
  for (const c of old) homeSize.set(c.home, (homeSize.get(c.home) ?? 0) + c.size);
  const noise = (what: string, c: OldCommune, sigma: number) => rand.lognormal(`${what}:${c.code}`, sigma);
  const cached = (f: (c: OldCommune) => number) => {
    const values = new Map<string, number>();
    return (c: OldCommune) => {
      let v = values.get(c.code);
      if (v === undefined) {
        v = f(c);
        values.set(c.code, v);
      }
      return v;
    };
  };

  const economy = cached(
    (c) =>
      c.size *
      byKind(c.kind, { ward: 2.2, township: 1.6, commune: 1 }) *
      (c.mountain ? 0.7 : 1) *
      (INDUSTRIAL.has(c.home) ? 1.8 : 1) *
      noise('economy', c, 0.25),
  );
  const sights = cached((c) => c.size * (SIGHTS[c.home] ?? 1) * (c.kind === 'ward' ? 1.3 : 1));
  return {
    economy,
    landUse: cached((c) => economy(c) * (c.kind === 'ward' ? 1.5 : 1) * noise('land', c, 0.5)),
    customs: (c) => {
      const share = CUSTOMS[c.home];
      return share ? (share * c.size) / homeSize.get(c.home)! : 0;
    },
    retail: cached(
      (c) => c.size * byKind(c.kind, { ward: 1.8, township: 1.5, commune: 1 }) * (1 + 0.03 * (SIGHTS[c.home] ?? 0)),
    ),
    sights,
    overnight: (c) => sights(c) * (c.coastal ? 1.3 : 1) * (c.kind === 'ward' ? 1.6 : 1),
    foreign: (c) => c.size * (FOREIGN[c.home] ?? 0.05),
    rice: cached(
      (c) =>
        c.area ** 0.5 *
        byKind(c.kind, { ward: 0.08, township: 0.4, commune: 1 }) *
        (c.mountain ? 0.45 : 1) *
        (c.coastal ? 0.7 : 1) *
        noise('rice', c, 0.3),
    ),
    aquaculture: cached(
      (c) => (c.coastal ? 4 : 0.6) * (c.kind === 'ward' ? 0.4 : 1) * c.area ** 0.3 * noise('aqua', c, 0.5),
    ),
    forest: cached((c) => {
      const base = c.mountain ? 0.8 : c.coastal ? 0.14 : byKind(c.kind, { ward: 0.06, township: 0.2, commune: 0.32 });
      return base * noise('forest', c, 0.25);
    }),
    poverty: cached(
      (c) =>
        (c.mountain ? 2.6 : 1) * byKind(c.kind, { ward: 0.25, township: 0.5, commune: 1 }) * noise('poverty', c, 0.3),
    ),
    urban: (c) => byKind(c.kind, { ward: 0.97, township: 0.9, commune: 0.01 }),
  };
}
