/**
 * The communes the demo reports on, with the traits that shape their numbers: old communes (before July 2025) carry
 * the sizes, and each 2025 commune is the share-weighted sum of the old ones it was formed from, the same rule the
 * IOC uses to put old values on today's map, so a series does not jump at the reorganisation.
 */
import units from '../../orgunits/seed/ha-tinh-units.json' with { type: 'json' };
import type { Random } from './prng.ts';

export const PROVINCE_UNIT = units.province.code;
/** First month on the 2025 communes, `YYYY-MM-DD`. */
export const REORGANISED_ON = units.reorganisedOn;

export type CommuneKind = 'ward' | 'township' | 'commune';

export interface OldCommune {
  code: string;
  /** Unit id of a closed commune: `<code>@2024`. */
  unit: string;
  name: string;
  kind: CommuneKind;
  district: string;
  /** The 2025 commune that took the largest share of it: where its local traits (coast, port, sights) come from. */
  home: string;
  /** km², estimated by splitting each 2025 commune's area over its parts by share (the old areas are not in the seed). */
  area: number;
  mountain: boolean;
  coastal: boolean;
  /** Relative population size: area^0.3 (people do not spread with land), denser in wards and townships. */
  size: number;
}

export interface CurrentCommune {
  code: string;
  unit: string;
  name: string;
  kind: string;
  area: number;
  parts: { commune: OldCommune; share: number }[];
}

export interface Places {
  old: OldCommune[];
  current: CurrentCommune[];
}

/** Hương Sơn, Vũ Quang, Hương Khê: the western mountain districts. */
const MOUNTAIN_DISTRICTS = new Set(['439', '441', '444']);
/** Upland communes of old Kỳ Anh district, poor like the western districts. */
const MOUNTAIN_HOMES = new Set(['18838', '18844', '18787']);
/** Communes with a beach: Thiên Cầm, Xuân Thành (in Tiên Điền), Nghi Xuân, Đan Hải, Cổ Đạm, Lộc Hà, Thạch Khê, Kỳ Anh coast. */
export const COASTAL_HOMES = new Set([
  '18676',
  '18373',
  '18352',
  '18364',
  '18394',
  '18568',
  '18604',
  '18781',
  '18766',
  '18790',
]);

const KIND_DENSITY: Record<CommuneKind, number> = { ward: 2.6, township: 1.9, commune: 1 };

const asKind = (kind: string): CommuneKind => (kind === 'ward' || kind === 'township' ? kind : 'commune');

export function buildPlaces(rand: Random): Places {
  const byCode = new Map(units.communesPre2025.map((c) => [c.code, c]));
  const area = new Map<string, number>();
  const home = new Map<string, { code: string; share: number }>();
  for (const n of units.communes2025) {
    const total = n.formedFrom.reduce((s, f) => s + f.share, 0);
    for (const f of n.formedFrom) {
      area.set(f.code, (area.get(f.code) ?? 0) + (n.areaKm2 * f.share) / total);
      const best = home.get(f.code);
      if (!best || f.share > best.share) home.set(f.code, { code: n.code, share: f.share });
    }
  }

  const oldByCode = new Map<string, OldCommune>();
  // Old communes that appear in no 2025 commune were merged away before the window: they report nothing.
  for (const [code, h] of home) {
    const c = byCode.get(code);
    if (!c) throw new Error(`2025 commune formed from unknown commune ${code}`);
    const kind = asKind(c.kind);
    const mountain = MOUNTAIN_DISTRICTS.has(c.districtCode) || MOUNTAIN_HOMES.has(h.code);
    const km2 = area.get(code)!;
    oldByCode.set(code, {
      code,
      unit: `${code}@2024`,
      name: c.name,
      kind,
      district: c.districtCode,
      home: h.code,
      area: km2,
      mountain,
      coastal: COASTAL_HOMES.has(h.code),
      size: km2 ** 0.3 * KIND_DENSITY[kind] * (mountain ? 0.85 : 1) * rand.lognormal(`size:${code}`, 0.2),
    });
  }
  const old = units.communesPre2025.flatMap((c) => oldByCode.get(c.code) ?? []);
  const current = units.communes2025.map((n) => ({
    code: n.code,
    unit: n.code,
    name: n.name,
    kind: n.kind,
    area: n.areaKm2,
    parts: n.formedFrom.map((f) => ({ commune: oldByCode.get(f.code)!, share: f.share })),
  }));
  return { old, current };
}
