import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';

/**
 * `id` identifies a unit over time: for units valid today it equals the GSO `code`; a unit closed by the 2025 reorganisation
 * gets `<code>@2024`, because each new commune reused the code of one old commune it absorbed.
 */
export const OrgUnitId = Type.String({
  pattern: '^[0-9]{2,6}(@[0-9]{4})?$',
  description: 'e.g. 18073, or 18073@2024 for the closed unit',
});
/** The unit an `/orgunits/:id` path names. */
export const UnitParams = Type.Object({ id: OrgUnitId });
export type UnitParams = Static<typeof UnitParams>;

export const OrgUnit = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  kind: Type.String(),
  level: Type.Integer({ description: '1 province, 2 district (before 2025), 3 commune or ward' }),
  parentId: Nullable(Type.String()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String({ description: 'set for units closed by a reorganisation' })),
  areaKm2: Nullable(Type.Number()),
  centroid: Nullable(Type.Tuple([Type.Number(), Type.Number()], { description: '[longitude, latitude]' })),
  hasGeometry: Type.Boolean(),
});
export type OrgUnit = Static<typeof OrgUnit>;

export const OrgUnitListQuery = Type.Object({
  level: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
  active: Type.Optional(Type.Boolean({ description: 'true: only units valid today' })),
  q: Type.Optional(Type.String({ maxLength: 80 })),
});
export type OrgUnitListQuery = Static<typeof OrgUnitListQuery>;

export const UnitMapping = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  share: Type.Number({ description: 'share of the old unit that went to the new one, 0–1' }),
});

export const OrgUnitDetail = Type.Object({
  unit: OrgUnit,
  parent: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  children: Type.Array(
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), kind: Type.String() }),
  ),
  successors: Type.Array(UnitMapping),
  predecessors: Type.Array(UnitMapping),
  groups: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});
export type OrgUnitDetail = Static<typeof OrgUnitDetail>;

/** What a commune or ward keeps up to date about itself; scoped to the unit's own officers. */
export const UnitProfile = Type.Object({
  unitId: Type.String(),
  headName: Nullable(Type.String({ maxLength: 120 })),
  phone: Nullable(Type.String({ maxLength: 40 })),
  email: Nullable(Type.String({ maxLength: 200 })),
  address: Nullable(Type.String({ maxLength: 300 })),
  population: Nullable(Type.Integer({ minimum: 0 })),
  households: Nullable(Type.Integer({ minimum: 0 })),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
});
export type UnitProfile = Static<typeof UnitProfile>;

export const UpdateUnitProfileBody = Type.Object(
  {
    headName: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9 +().-]*$' }))),
    email: Type.Optional(Nullable(Type.String({ maxLength: 200, format: 'email' }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    population: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
    households: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 5_000_000 }))),
  },
  { minProperties: 1, additionalProperties: false },
);
export type UpdateUnitProfileBody = Static<typeof UpdateUnitProfileBody>;

export const OrgUnitGroup = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  description: Nullable(Type.String()),
  /** The description in English; null when none was written (the page then shows the Vietnamese). */
  descriptionEn: Nullable(Type.String()),
  members: Type.Array(Type.String()),
});
export type OrgUnitGroup = Static<typeof OrgUnitGroup>;

export const GroupCode = Type.String({ pattern: '^[a-z0-9-]{2,40}$' });
/** The group a `/orgunit-groups/:code` path names. */
export const GroupParams = Type.Object({ code: GroupCode });
export type GroupParams = Static<typeof GroupParams>;

export const SaveGroupBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  nameEn: Type.String({ minLength: 1, maxLength: 120 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  descriptionEn: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  members: Type.Array(OrgUnitId, { uniqueItems: true }),
});
export type SaveGroupBody = Static<typeof SaveGroupBody>;

export const BoundaryImportQuery = Type.Object({
  codeProperty: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'feature property holding the unit code; default: code, then ma_xa, then the feature id',
    }),
  ),
});

/** The boundaries an administrator imports: a GeoJSON FeatureCollection whose features are checked one by one. */
export const BoundaryImportBody = Type.Object(
  { type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Unknown()) },
  { description: 'GeoJSON FeatureCollection (WGS84)' },
);

export const BoundaryImportResult = Type.Object({
  matched: Type.Integer(),
  unmatched: Type.Array(Type.String({ description: 'feature code or index that matched no unit' })),
  unitsWithoutBoundary: Type.Array(Type.String()),
});
export type BoundaryImportResult = Static<typeof BoundaryImportResult>;

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });

/** `GET /api/v1/orgunits/geojson`: each current commune or ward, as its boundary or as a point at its centroid. */
export const UnitMapFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  properties: Type.Object({
    code: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    kind: Type.String(),
    areaKm2: Nullable(Type.Number()),
  }),
  geometry: Nullable(
    Type.Union([
      Type.Object({ type: Type.Literal('Point'), coordinates: Position }),
      Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position)) }),
      Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Type.Array(Position))) }),
    ]),
  ),
});
export type UnitMapFeature = Static<typeof UnitMapFeature>;

/** A boundary as the map draws it: an outline, no points. */
export const UnitMapOutline = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position)) }),
  Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Type.Array(Position))) }),
]);
export type UnitMapOutline = Static<typeof UnitMapOutline>;

export const UnitMapCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(UnitMapFeature),
  /** The root unit's (the province's) boundary, drawn around the communes; null until it is imported. */
  outline: Type.Optional(Nullable(UnitMapOutline)),
  /** The shipped layer's name when the IOC seeded the boundaries (the map credits it); null for the province's own. */
  source: Type.Optional(Nullable(Type.String())),
});
export type UnitMapCollection = Static<typeof UnitMapCollection>;
