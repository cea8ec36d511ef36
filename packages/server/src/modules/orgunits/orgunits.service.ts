import type {
  BoundaryImportResult,
  OrgUnit,
  OrgUnitDetail,
  OrgUnitGroup,
  OrgUnitListQuery,
  SaveGroupBody,
  UnitMapCollection,
  UnitMapFeature,
  UnitProfile,
  UpdateUnitProfileBody,
} from '@ioc/shared';
import { invalid, notFound, outOfScope } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor, Scope } from '../auth/actor.ts';
import { deleteSetting, findSetting, saveSetting } from '../settings/settings.repo.ts';
import { centroidOf, readBoundaryFile } from './boundaries.ts';
import * as repo from './orgunits.repo.ts';

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Where the stored boundaries came from when the IOC put them there (the shipped layer), for the map's credit. */
const BOUNDARY_SOURCE_SETTING = 'orgunits.boundaries.source';

function toOrgUnit(row: repo.OrgUnitSummary): OrgUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    level: row.level,
    parentId: row.parent_id,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    areaKm2: row.area_km2,
    centroid: row.centroid_lon !== null && row.centroid_lat !== null ? [row.centroid_lon, row.centroid_lat] : null,
    hasGeometry: Number(row.has_geometry) === 1,
  };
}

function toProfile(row: NonNullable<Awaited<ReturnType<typeof repo.findProfileInScope>>>): UnitProfile {
  return {
    unitId: row.unit_id,
    headName: row.head_name ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    address: row.address ?? null,
    population: row.population ?? null,
    households: row.households ?? null,
    updatedAt: row.updated_at ?? null,
    updatedBy: row.updated_by ?? null,
  };
}

export class OrgUnitService {
  private paths: Promise<Map<string, string>> | undefined;

  constructor(private readonly platform: Platform) {}

  async list(query: OrgUnitListQuery): Promise<OrgUnit[]> {
    const rows = await repo.listUnits(this.platform.db, {
      level: query.level,
      activeOn: query.active ? today(this.platform.now()) : undefined,
      q: query.q,
    });
    return rows.map(toOrgUnit);
  }

  async detail(id: string): Promise<OrgUnitDetail> {
    const db = this.platform.db;
    const unit = await repo.findUnit(db, id);
    if (!unit) throw notFound(`Unit ${id}`);
    const parent = unit.parent_id ? await repo.findUnit(db, unit.parent_id) : undefined;
    return {
      unit: toOrgUnit(unit),
      parent: parent ? { id: parent.id, code: parent.code, name: parent.name } : null,
      children: await repo.childrenOf(db, id),
      successors: await repo.mappingsFrom(db, id),
      predecessors: await repo.mappingsTo(db, id),
      groups: await repo.groupsOfUnit(db, id),
    };
  }

  /**
   * The current communes and wards as GeoJSON: their boundary when imported, otherwise a point at the centroid; and
   * the root unit's boundary as the outline around them.
   */
  async geojson(): Promise<UnitMapCollection> {
    const rows = await repo.currentUnitGeometries(this.platform.db, today(this.platform.now()));
    const outline = await repo.geometryOf(this.platform.db, this.platform.config.rootUnit);
    const source = await findSetting(this.platform.db, BOUNDARY_SOURCE_SETTING);
    return {
      type: 'FeatureCollection',
      source: source?.value ?? null,
      outline: outline ? (JSON.parse(outline) as UnitMapCollection['outline']) : null,
      features: rows.map((row) => ({
        type: 'Feature',
        id: row.id,
        properties: { code: row.code, name: row.name, nameEn: row.name_en, kind: row.kind, areaKm2: row.area_km2 },
        geometry: row.geometry
          ? (JSON.parse(row.geometry) as UnitMapFeature['geometry'])
          : row.centroid_lon !== null && row.centroid_lat !== null
            ? { type: 'Point', coordinates: [row.centroid_lon, row.centroid_lat] }
            : null,
      })),
    };
  }

  /** A unit by id, or undefined: for other modules, which never read the org-unit tables themselves. */
  async find(unitId: string): Promise<OrgUnit | undefined> {
    const row = await repo.findUnit(this.platform.db, unitId);
    return row ? toOrgUnit(row) : undefined;
  }

  /** Today's units directly under a unit (the communes of the province), by code. */
  async currentChildren(parentId: string): Promise<OrgUnit[]> {
    return (await repo.currentChildrenOf(this.platform.db, parentId)).map(toOrgUnit);
  }

  /** Today's units a scope covers, in one read (for lists filtered by scope, not one check per unit). */
  async currentInScope(scope: Scope): Promise<OrgUnit[]> {
    return (await repo.currentUnitsInScope(this.platform.db, scope)).map(toOrgUnit);
  }

  async findInScope(scope: Scope, unitId: string): Promise<OrgUnit | undefined> {
    const row = await repo.findUnitInScope(this.platform.db, scope, unitId);
    return row ? toOrgUnit(row) : undefined;
  }

  /** Throws 404 for a unit that does not exist and 403 for one outside the scope; the one rule every module applies. */
  async requireInScope(scope: Scope, unitId: string): Promise<OrgUnit> {
    const unit = await this.findInScope(scope, unitId);
    if (unit) return unit;
    throw (await repo.findUnit(this.platform.db, unitId)) ? outOfScope(unitId) : notFound(`Unit ${unitId}`);
  }

  async profile(actor: Actor, unitId: string): Promise<UnitProfile> {
    const row = await repo.findProfileInScope(this.platform.db, actor.scope, unitId);
    if (row) return toProfile(row);
    await this.requireInScope(actor.scope, unitId);
    throw notFound(`Unit ${unitId}`);
  }

  async updateProfile(actor: Actor, unitId: string, changes: UpdateUnitProfileBody): Promise<UnitProfile> {
    const db = this.platform.db;
    if (!(await repo.findUnit(db, unitId))) throw notFound(`Unit ${unitId}`);
    const profile = await auditedWrite(
      db,
      actor,
      { action: 'orgunits.profile.update', entityType: 'unit_profile', entityId: unitId },
      async (trx) => {
        const current = await repo.findProfileInScope(trx, actor.scope, unitId);
        if (!current) throw outOfScope(unitId);
        const before = toProfile(current);
        const next: repo.UnitProfileRow = {
          unit_id: unitId,
          head_name: changes.headName !== undefined ? changes.headName : before.headName,
          phone: changes.phone !== undefined ? changes.phone : before.phone,
          email: changes.email !== undefined ? changes.email : before.email,
          address: changes.address !== undefined ? changes.address : before.address,
          population: changes.population !== undefined ? changes.population : before.population,
          households: changes.households !== undefined ? changes.households : before.households,
          updated_at: this.platform.now().toISOString(),
          updated_by: actor.name,
        };
        if (!(await repo.saveProfileInScope(trx, actor.scope, next))) throw outOfScope(unitId);
        const after = toProfile(next);
        return { before, after, result: after };
      },
      this.platform.now,
    );
    const unit = await repo.findUnit(db, unitId);
    await this.platform.bus.publish(
      'orgunit.updated',
      { id: unitId, code: unit?.code ?? unitId, name: unit?.name ?? unitId, fields: Object.keys(changes) },
      unitId,
    );
    return profile;
  }

  /**
   * `source` names the shipped layer when the demo seeds it, so the map credits it; any other import is the
   * province's own and the credit goes.
   */
  async importBoundaries(
    actor: Actor,
    file: unknown,
    codeProperty?: string,
    source?: string,
  ): Promise<BoundaryImportResult> {
    const read = readBoundaryFile(file, codeProperty);
    if ('problems' in read)
      throw invalid(`The boundary file was refused: ${read.problems.length} problem(s)`, read.problems);
    const db = this.platform.db;
    const current = await repo.currentUnitGeometries(db, today(this.platform.now()));
    const province = await repo.findUnit(db, this.platform.config.rootUnit);
    const known = new Set([...current.map((u) => u.id), ...(province ? [province.id] : [])]);
    const matched = read.features.filter((f) => known.has(f.code));
    const result: BoundaryImportResult = {
      matched: matched.length,
      unmatched: read.features.filter((f) => !known.has(f.code)).map((f) => f.code),
      unitsWithoutBoundary: [],
    };
    await auditedWrite(
      db,
      actor,
      { action: 'orgunits.boundaries.import', entityType: 'org_unit', entityId: null },
      async (trx) => {
        for (const feature of matched) {
          await repo.setGeometry(trx, feature.code, JSON.stringify(feature.geometry), centroidOf(feature.geometry));
        }
        if (source) await saveSetting(trx, BOUNDARY_SOURCE_SETTING, source, this.platform.now().toISOString());
        else await deleteSetting(trx, BOUNDARY_SOURCE_SETTING);
        const withGeometry = new Set(matched.map((f) => f.code));
        result.unitsWithoutBoundary = current.filter((u) => !u.geometry && !withGeometry.has(u.id)).map((u) => u.id);
        return { before: null, after: result, result: undefined };
      },
      this.platform.now,
    );
    await this.platform.bus.publish('boundaries.imported', { matched: result.matched, unmatched: result.unmatched });
    return result;
  }

  async groups(): Promise<OrgUnitGroup[]> {
    const rows = await repo.listGroups(this.platform.db);
    return rows.map((g) => ({
      code: g.code,
      name: g.name,
      nameEn: g.name_en,
      description: g.description,
      descriptionEn: g.description_en,
      members: g.members,
    }));
  }

  async saveGroup(actor: Actor, code: string, body: SaveGroupBody): Promise<OrgUnitGroup> {
    const db = this.platform.db;
    const found = await repo.existingUnitIds(db, body.members);
    const missing = body.members.filter((m) => !found.has(m));
    if (missing.length > 0) {
      throw invalid(
        `Unknown units: ${missing.join(', ')}`,
        missing.map((m) => ({
          field: `/members/${body.members.indexOf(m)}`,
          message: `unit ${m} does not exist`,
          rule: 'unknown',
        })),
      );
    }
    const group: OrgUnitGroup = {
      code,
      name: body.name,
      nameEn: body.nameEn,
      description: body.description ?? null,
      descriptionEn: body.descriptionEn ?? null,
      members: [...body.members].sort(),
    };
    return auditedWrite(
      db,
      actor,
      { action: 'orgunits.group.save', entityType: 'org_unit_group', entityId: code },
      async (trx) => {
        const before = (await repo.listGroups(trx)).find((g) => g.code === code) ?? null;
        await repo.saveGroup(
          trx,
          {
            code,
            name: group.name,
            name_en: group.nameEn,
            description: group.description,
            description_en: group.descriptionEn,
          },
          group.members,
        );
        return { before, after: group, result: group };
      },
      this.platform.now,
    );
  }

  async deleteGroup(actor: Actor, code: string): Promise<void> {
    await auditedWrite(
      this.platform.db,
      actor,
      { action: 'orgunits.group.delete', entityType: 'org_unit_group', entityId: code },
      async (trx) => {
        const before = (await repo.listGroups(trx)).find((g) => g.code === code);
        if (!before) throw notFound(`Group ${code}`);
        await repo.deleteGroup(trx, code);
        return { before, after: null, result: undefined };
      },
      this.platform.now,
    );
  }

  /** Whether a unit lies in a scope, from a cached path table (units change only on reorganisation or seeding). */
  async inScope(scope: Scope, unitId: string): Promise<boolean> {
    this.paths ??= repo.unitPaths(this.platform.db);
    const path = (await this.paths).get(unitId);
    return path?.includes(`/${scope.unitId}/`) ?? false;
  }
}
