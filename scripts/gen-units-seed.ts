/**
 * Regenerates the Hà Tĩnh unit catalogue (codes, names, areas, centroids, old→new mapping) from the reference data in
 * ../shared/data. Only facts are written; boundaries stay outside the repository and are imported at run time.
 * Run: node --import tsx scripts/gen-units-seed.ts ../shared/data > packages/server/src/modules/orgunits/seed/ha-tinh-units.json
 *      then npx biome format --write on that file (the repository keeps it Biome-formatted).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { centroidOf, parseBoundaryGeometry } from '../packages/server/src/modules/orgunits/geometry.ts';

const dataDir = process.argv[2] ?? '../shared/data';
const read = (path: string) => readFileSync(join(dataDir, path), 'utf8');

interface OldUnit {
  name_with_type: string;
  type: string;
  code: string;
  parent_code: string;
}

const geo = JSON.parse(read('geo/ha-tinh-communes-2025.geojson')) as {
  features: { properties: { code: string; nameEn: string; fullNameEn: string; areaKm2: number }; geometry: unknown }[];
};
const province = JSON.parse(read('geo/ha-tinh-province-2025.geojson')) as typeof geo;
const geoByCode = new Map(geo.features.map((f) => [f.properties.code, f]));

const districts = Object.values(JSON.parse(read('units/ha-tinh-districts-pre2025.json')) as Record<string, OldUnit>);
const oldCommunes = new Map<string, OldUnit>();
for (const file of readdirSync(join(dataDir, 'units/ha-tinh-communes-pre2025'))) {
  for (const unit of Object.values(
    JSON.parse(read(`units/ha-tinh-communes-pre2025/${file}`)) as Record<string, OldUnit>,
  )) {
    oldCommunes.set(unit.code, unit);
  }
}

const kindOf = (type: string) =>
  ({ 'thanh-pho': 'city', 'thi-xa': 'town', huyen: 'district', phuong: 'ward', xa: 'commune', 'thi-tran': 'township' })[
    type
  ] ?? type;

const centroid = (geometry: unknown) => {
  const parsed = parseBoundaryGeometry(geometry);
  if (typeof parsed === 'string') throw new Error(parsed);
  return centroidOf(parsed);
};

const lines = read('units/ha-tinh-communes-2025.csv').trim().split('\n').slice(1);
const parts = lines.map((line) => {
  const [code, name, type, area, oldDistricts, ...rest] = line.split(',');
  const formedFrom = rest
    .join(',')
    .split('|')
    .map((p) => p.trim())
    .map((p) => {
      const match = /^(\d+)\s+(.+?)(\s+\(một phần\))?$/.exec(p);
      if (!match) throw new Error(`cannot read "${p}"`);
      return { code: match[1]!, name: match[2]!.replace(/\s+/g, ' '), partial: Boolean(match[3]) };
    });
  const districtCodes = [...(oldDistricts ?? '').matchAll(/\((\d+)\)/g)].map((m) => m[1]!);
  return { code: code!, name: name!, type: type!, area: Number(area), formedFrom, districtCodes };
});

// A partly absorbed old commune is split equally among its successors (no official shares are published; editable data).
const successorCount = new Map<string, number>();
for (const unit of parts)
  for (const old of unit.formedFrom) successorCount.set(old.code, (successorCount.get(old.code) ?? 0) + 1);

const communes2025 = parts.map((unit) => {
  const feature = geoByCode.get(unit.code);
  if (!feature) throw new Error(`no boundary feature for ${unit.code}`);
  return {
    code: unit.code,
    name: unit.name,
    nameEn: feature.properties.fullNameEn,
    kind: unit.type === 'Phường' ? 'ward' : 'commune',
    areaKm2: unit.area,
    centroid: centroid(feature.geometry),
    formedFrom: unit.formedFrom.map((old) => ({
      code: old.code,
      share: 1 / (successorCount.get(old.code) ?? 1),
    })),
  };
});

// Old communes missing from the 2023 catalogue but named in the 2025 mapping take their district from the mapping row.
for (const unit of parts) {
  for (const old of unit.formedFrom) {
    if (!oldCommunes.has(old.code) && unit.districtCodes.length === 1) {
      const type = old.name.startsWith('Phường') ? 'phuong' : old.name.startsWith('Thị trấn') ? 'thi-tran' : 'xa';
      oldCommunes.set(old.code, {
        code: old.code,
        name_with_type: old.name,
        type,
        parent_code: unit.districtCodes[0]!,
      });
    }
  }
}

const provinceFeature = province.features[0]!;
const out = {
  source: 'GSO codes; 2025 units per Resolution 1665/NQ-UBTVQH15; areas and centroids from the national merger map',
  province: {
    code: '42',
    name: 'Tỉnh Hà Tĩnh',
    nameEn: 'Ha Tinh Province',
    areaKm2: provinceFeature.properties.areaKm2,
    centroid: centroid(provinceFeature.geometry),
  },
  reorganisedOn: '2025-07-01',
  districtsPre2025: districts.map((d) => ({
    code: d.code,
    name: d.name_with_type,
    kind: kindOf(d.type),
    // Lộc Hà merged into Thạch Hà on 1 January 2025, before the district level was abolished.
    validTo: d.code === '448' ? '2025-01-01' : '2025-07-01',
  })),
  communesPre2025: [...oldCommunes.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => ({
      code: c.code,
      name: c.name_with_type.replace(/\s+/g, ' '),
      kind: kindOf(c.type),
      districtCode: c.parent_code,
    })),
  communes2025,
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
