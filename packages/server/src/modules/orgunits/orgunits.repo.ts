import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, OrgUnitTable, UnitProfileTable } from '../../db/schema.ts';
import type { Scope } from '../auth/actor.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type OrgUnitRow = Selectable<OrgUnitTable>;
export type UnitProfileRow = Selectable<UnitProfileTable>;
export type OrgUnitSummary = Omit<OrgUnitRow, 'geometry'> & { has_geometry: number };

const SUMMARY_COLUMNS = [
  'id',
  'code',
  'name',
  'name_en',
  'kind',
  'level',
  'parent_id',
  'path',
  'valid_from',
  'valid_to',
  'area_km2',
  'centroid_lon',
  'centroid_lat',
] as const;

/** The scope rule, in one place: a unit is visible when its path passes through the scope's unit. */
export function scopePattern(scope: Scope): string {
  return `%/${scope.unitId}/%`;
}

export interface UnitFilter {
  level?: number;
  activeOn?: string;
  q?: string;
}

export async function listUnits(db: Executor, filter: UnitFilter): Promise<OrgUnitSummary[]> {
  let q = db
    .selectFrom('org_units')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.case().when('geometry', 'is not', null).then(1).else(0).end().as('has_geometry'));
  if (filter.level !== undefined) q = q.where('level', '=', filter.level);
  if (filter.activeOn) {
    const on = filter.activeOn;
    q = q.where((eb) =>
      eb.and([
        eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', on)]),
        eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]),
      ]),
    );
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_]/g, '')}%`;
    q = q.where((eb) =>
      eb.or([eb('name', 'like', like), eb('name_en', 'like', like), eb('code', '=', filter.q ?? '')]),
    );
  }
  return q.orderBy('level').orderBy('code').orderBy('id').execute();
}

export async function findUnit(db: Executor, id: string): Promise<OrgUnitSummary | undefined> {
  return db
    .selectFrom('org_units')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.case().when('geometry', 'is not', null).then(1).else(0).end().as('has_geometry'))
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findUnitInScope(db: Executor, scope: Scope, id: string): Promise<OrgUnitSummary | undefined> {
  return db
    .selectFrom('org_units')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.case().when('geometry', 'is not', null).then(1).else(0).end().as('has_geometry'))
    .where('id', '=', id)
    .where('path', 'like', scopePattern(scope))
    .executeTakeFirst();
}

export async function childrenOf(db: Executor, id: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'kind'])
    .where('parent_id', '=', id)
    .orderBy('code')
    .execute();
}

export async function currentChildrenOf(db: Executor, id: string): Promise<OrgUnitSummary[]> {
  return db
    .selectFrom('org_units')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.case().when('geometry', 'is not', null).then(1).else(0).end().as('has_geometry'))
    .where('parent_id', '=', id)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
}

/** Today's units in a scope (the scope's root included), by code. */
export async function currentUnitsInScope(db: Executor, scope: Scope): Promise<OrgUnitSummary[]> {
  return db
    .selectFrom('org_units')
    .select(SUMMARY_COLUMNS)
    .select((eb) => eb.case().when('geometry', 'is not', null).then(1).else(0).end().as('has_geometry'))
    .where('valid_to', 'is', null)
    .where('path', 'like', scopePattern(scope))
    .orderBy('code')
    .execute();
}

export async function mappingsFrom(db: Executor, oldId: string) {
  return db
    .selectFrom('org_unit_mappings')
    .innerJoin('org_units', 'org_units.id', 'org_unit_mappings.new_id')
    .select(['org_units.id', 'org_units.code', 'org_units.name', 'org_unit_mappings.share'])
    .where('old_id', '=', oldId)
    .orderBy('org_units.code')
    .execute();
}

export async function mappingsTo(db: Executor, newId: string) {
  return db
    .selectFrom('org_unit_mappings')
    .innerJoin('org_units', 'org_units.id', 'org_unit_mappings.old_id')
    .select(['org_units.id', 'org_units.code', 'org_units.name', 'org_unit_mappings.share'])
    .where('new_id', '=', newId)
    .orderBy('org_units.code')
    .execute();
}

export async function unitPaths(db: Executor): Promise<Map<string, string>> {
  const rows = await db.selectFrom('org_units').select(['id', 'path']).execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Every unit's place in the tree and every old→new mapping: what aggregation needs to route a value to its targets. */
export async function unitGraph(db: Executor) {
  const [units, mappings] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'path', 'valid_to']).execute(),
    db.selectFrom('org_unit_mappings').select(['old_id', 'new_id', 'share']).execute(),
  ]);
  return { units, mappings };
}

export async function currentUnitGeometries(db: Executor, on: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'code', 'name', 'name_en', 'kind', 'area_km2', 'centroid_lon', 'centroid_lat', 'geometry'])
    .where('level', '=', 3)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
    .orderBy('code')
    .execute();
}

/** A unit's stored boundary (GeoJSON text), or null. */
export async function geometryOf(db: Executor, id: string): Promise<string | null> {
  const row = await db.selectFrom('org_units').select('geometry').where('id', '=', id).executeTakeFirst();
  return row?.geometry ?? null;
}

/** Whether any unit has a boundary: then they came from an administrator or an earlier seed, and are theirs. */
export async function anyGeometry(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('org_units')
    .select('id')
    .where('geometry', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function upsertUnits(db: Executor, units: Omit<OrgUnitRow, 'geometry'>[]): Promise<void> {
  for (const unit of units) {
    const { id: _id, ...rest } = unit;
    await db
      .insertInto('org_units')
      .values({ ...unit, geometry: null })
      .onConflict((oc) => oc.column('id').doUpdateSet(rest))
      .execute();
  }
}

export async function upsertMappings(db: Executor, mappings: { old_id: string; new_id: string; share: number }[]) {
  for (const m of mappings) {
    await db
      .insertInto('org_unit_mappings')
      .values(m)
      .onConflict((oc) => oc.columns(['old_id', 'new_id']).doUpdateSet({ share: m.share }))
      .execute();
  }
}

export async function setGeometry(
  db: Executor,
  id: string,
  geometry: string,
  centroid: [number, number],
): Promise<void> {
  await db
    .updateTable('org_units')
    .set({ geometry, centroid_lon: centroid[0], centroid_lat: centroid[1] })
    .where('id', '=', id)
    .execute();
}

export async function findProfile(db: Executor, unitId: string): Promise<UnitProfileRow | undefined> {
  return db.selectFrom('unit_profiles').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
}

/** Reads a unit's profile only when the unit lies in the scope; `undefined` otherwise. */
export async function findProfileInScope(db: Executor, scope: Scope, unitId: string) {
  return db
    .selectFrom('org_units')
    .leftJoin('unit_profiles', 'unit_profiles.unit_id', 'org_units.id')
    .select([
      'org_units.id as unit_id',
      'unit_profiles.head_name',
      'unit_profiles.phone',
      'unit_profiles.email',
      'unit_profiles.address',
      'unit_profiles.population',
      'unit_profiles.households',
      'unit_profiles.updated_at',
      'unit_profiles.updated_by',
    ])
    .where('org_units.id', '=', unitId)
    .where('org_units.path', 'like', scopePattern(scope))
    .executeTakeFirst();
}

/** Writes a profile only inside the scope; returns false (and writes nothing) when the unit is outside it. */
export async function saveProfileInScope(db: Executor, scope: Scope, profile: UnitProfileRow): Promise<boolean> {
  const unit = await findUnitInScope(db, scope, profile.unit_id);
  if (!unit) return false;
  const { unit_id: _unitId, ...rest } = profile;
  await db
    .insertInto('unit_profiles')
    .values(profile)
    .onConflict((oc) => oc.column('unit_id').doUpdateSet(rest))
    .execute();
  return true;
}

export async function listGroups(db: Executor) {
  const groups = await db.selectFrom('org_unit_groups').selectAll().orderBy('code').execute();
  const members = await db.selectFrom('org_unit_group_members').selectAll().orderBy('unit_id').execute();
  return groups.map((g) => ({ ...g, members: members.filter((m) => m.group_code === g.code).map((m) => m.unit_id) }));
}

export async function groupsOfUnit(db: Executor, unitId: string) {
  return db
    .selectFrom('org_unit_group_members')
    .innerJoin('org_unit_groups', 'org_unit_groups.code', 'org_unit_group_members.group_code')
    .select(['org_unit_groups.code', 'org_unit_groups.name'])
    .where('unit_id', '=', unitId)
    .orderBy('org_unit_groups.code')
    .execute();
}

export async function saveGroup(
  db: Executor,
  group: { code: string; name: string; name_en: string; description: string | null; description_en: string | null },
  members: string[],
): Promise<void> {
  const { code: _code, ...rest } = group;
  await db
    .insertInto('org_unit_groups')
    .values(group)
    .onConflict((oc) => oc.column('code').doUpdateSet(rest))
    .execute();
  await db.deleteFrom('org_unit_group_members').where('group_code', '=', group.code).execute();
  if (members.length > 0) {
    await db
      .insertInto('org_unit_group_members')
      .values(members.map((unit_id) => ({ group_code: group.code, unit_id })))
      .execute();
  }
}

export async function deleteGroup(db: Executor, code: string): Promise<void> {
  await db.deleteFrom('org_unit_group_members').where('group_code', '=', code).execute();
  await db.deleteFrom('org_unit_groups').where('code', '=', code).execute();
}

export async function existingUnitIds(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('org_units').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}
