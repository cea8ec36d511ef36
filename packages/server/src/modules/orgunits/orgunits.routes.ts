import {
  BoundaryImportBody,
  BoundaryImportQuery,
  BoundaryImportResult,
  ErrorResponse,
  GroupParams,
  OkResponse,
  OrgUnit,
  OrgUnitDetail,
  OrgUnitGroup,
  OrgUnitListQuery,
  SaveGroupBody,
  UnitMapCollection,
  UnitParams,
  UnitProfile,
  UpdateUnitProfileBody,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { Kernel } from '../../kernel.ts';

const errors = errorResponses(400, 401, 403, 404);

export function orgUnitRoutes(app: App, { orgUnits, platform }: Kernel): void {
  app.get(
    '/api/v1/orgunits',
    {
      config: { permission: 'orgunits.read' },
      schema: {
        tags: ['orgunits'],
        summary: 'Units: province, districts and communes before 2025, communes and wards now',
        querystring: OrgUnitListQuery,
        response: { 200: Type.Array(OrgUnit), ...errors },
      },
    },
    async (request) => orgUnits.list(request.query),
  );

  app.get(
    '/api/v1/orgunits/geojson',
    {
      config: { permission: 'orgunits.read' },
      schema: {
        tags: ['orgunits'],
        summary: 'Current communes and wards as GeoJSON: boundaries when imported, centroid points otherwise',
        response: { 200: UnitMapCollection, ...errors },
      },
    },
    async (_request, reply) => {
      // The features are already plain JSON; skip the response serializer for a 2 MB body.
      reply.type('application/geo+json').serializer((payload: unknown) => JSON.stringify(payload));
      return orgUnits.geojson();
    },
  );

  app.get(
    '/api/v1/orgunits/:id',
    {
      config: { permission: 'orgunits.read' },
      schema: {
        tags: ['orgunits'],
        summary: 'A unit with its parent, children, groups and its old↔new mapping',
        params: UnitParams,
        response: { 200: OrgUnitDetail, ...errors },
      },
    },
    async (request) => orgUnits.detail(request.params.id),
  );

  app.get(
    '/api/v1/orgunits/:id/profile',
    {
      config: { permission: 'orgunits.read' },
      schema: {
        tags: ['orgunits'],
        summary: "A unit's own profile; only within your org-unit scope",
        params: UnitParams,
        response: { 200: UnitProfile, ...errors },
      },
    },
    async (request) => orgUnits.profile(actorOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/orgunits/:id/profile',
    {
      config: { permission: 'orgunits.profile.write' },
      schema: {
        tags: ['orgunits'],
        summary: "Update a unit's profile; only within your org-unit scope",
        params: UnitParams,
        body: UpdateUnitProfileBody,
        response: { 200: UnitProfile, ...errors },
      },
    },
    async (request) => orgUnits.updateProfile(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/orgunits/boundaries',
    {
      config: { permission: 'orgunits.write' },
      bodyLimit: platform.config.maxUploadBytes,
      schema: {
        tags: ['orgunits'],
        summary: 'Import unit boundaries from a GeoJSON FeatureCollection; all-or-nothing on a bad feature',
        querystring: BoundaryImportQuery,
        body: BoundaryImportBody,
        response: { 200: BoundaryImportResult, ...errors, 413: ErrorResponse },
      },
    },
    async (request) => orgUnits.importBoundaries(actorOf(request), request.body, request.query.codeProperty),
  );

  app.get(
    '/api/v1/orgunit-groups',
    {
      config: { permission: 'orgunits.read' },
      schema: {
        tags: ['orgunits'],
        summary: 'Org-unit groups (urban centres, growth poles)',
        response: { 200: Type.Array(OrgUnitGroup), ...errors },
      },
    },
    async () => orgUnits.groups(),
  );

  app.put(
    '/api/v1/orgunit-groups/:code',
    {
      config: { permission: 'orgunits.write' },
      schema: {
        tags: ['orgunits'],
        summary: 'Create or replace a group',
        params: GroupParams,
        body: SaveGroupBody,
        response: { 200: OrgUnitGroup, ...errors },
      },
    },
    async (request) => orgUnits.saveGroup(actorOf(request), request.params.code, request.body),
  );

  app.delete(
    '/api/v1/orgunit-groups/:code',
    {
      config: { permission: 'orgunits.write' },
      schema: {
        tags: ['orgunits'],
        summary: 'Delete a group',
        params: GroupParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await orgUnits.deleteGroup(actorOf(request), request.params.code);
      return { ok: true as const };
    },
  );
}
