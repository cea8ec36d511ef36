import type { OrgUnit } from '@ioc/shared';
import { useEffect, useState } from 'react';
import { api } from './client.ts';

/** Units valid today; several admin forms need them, so they are fetched once per page load. */
let activeUnits: Promise<OrgUnit[]> | null = null;

export function loadActiveUnits(): Promise<OrgUnit[]> {
  activeUnits ??= api.get<OrgUnit[]>('/api/v1/orgunits?active=true').catch((error: unknown) => {
    activeUnits = null;
    throw error;
  });
  return activeUnits;
}

export function useActiveUnits(): { units: OrgUnit[]; error: unknown } {
  const [units, setUnits] = useState<OrgUnit[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    loadActiveUnits().then(
      (value) => live && setUnits(value),
      (cause: unknown) => live && setError(cause),
    );
    return () => {
      live = false;
    };
  }, []);
  return { units, error };
}

/** Current communes and wards (level 3). */
export function isLocalUnit(unit: OrgUnit): boolean {
  return unit.level === 3;
}

const KIND_ORDER = ['province', 'city', 'town', 'district', 'ward', 'township', 'commune'];

export function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return (
    a.level - b.level ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.name.localeCompare(b.name, 'vi', { sensitivity: 'base' })
  );
}
