import type { OrgUnit } from '@ioc/shared';

export interface UnitCounts {
  /** Communes, wards and townships valid today. */
  local: number;
  wards: number;
  communes: number;
  /** Units closed by a reorganisation, kept so older data re-aggregates onto today's map. */
  closed: number;
  withBoundary: number;
  areaKm2: number;
}

export function isActive(unit: OrgUnit, today: string): boolean {
  return (
    (unit.validTo === null || unit.validTo.slice(0, 10) > today) &&
    (unit.validFrom === null || unit.validFrom.slice(0, 10) <= today)
  );
}

export function countUnits(units: OrgUnit[], now = new Date()): UnitCounts {
  const today = now.toISOString().slice(0, 10);
  const local = units.filter((unit) => unit.level === 3 && isActive(unit, today));
  return {
    local: local.length,
    wards: local.filter((unit) => unit.kind === 'ward').length,
    communes: local.filter((unit) => unit.kind === 'commune').length,
    closed: units.filter((unit) => !isActive(unit, today)).length,
    withBoundary: local.filter((unit) => unit.hasGeometry).length,
    areaKm2: local.reduce((sum, unit) => sum + (unit.areaKm2 ?? 0), 0),
  };
}
