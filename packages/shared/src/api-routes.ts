import { type Static, type TSchema, Type } from 'typebox';
import { Agency } from './schemas/agencies.ts';
import { AlertRule, AlertRuleInput, RulePreview, RulePreviewBody } from './schemas/alert-rules.ts';
import {
  AlertAssignBody,
  AlertCommentBody,
  AlertDetail,
  AlertListQuery,
  AlertPage,
  AlertResolveBody,
  AlertSilence,
  AlertSilenceInput,
  AlertSilenceListQuery,
  AlertSummary,
  AlertSummaryQuery,
} from './schemas/alerts.ts';
import { ChangePasswordBody, LoginBody, Me } from './schemas/auth.ts';
import { IdParams, OkResponse } from './schemas/common.ts';
import {
  DataEntryForm,
  DataEntryQuery,
  DataSet,
  Discipline,
  DisciplineQuery,
  ImportQuery,
  ImportReport,
  RuleViolation,
  SaveDataSetBody,
  SaveEntryBody,
  SaveValidationRuleBody,
  TemplateQuery,
  ValidationRule,
  ValuesBatchResult,
  ViolationsQuery,
} from './schemas/datasets.ts';
import {
  CreateDocumentBody,
  CreateDocumentResult,
  DocumentDetail,
  DocumentPage,
  DocumentSearchQuery,
  DocumentSummary,
  DocumentSummaryQuery,
  EdxmlExportQuery,
  EdxmlImportQuery,
} from './schemas/documents.ts';
import {
  IndicatorRanking,
  IndicatorSeries,
  IndicatorView,
  RankingQuery,
  SeriesQuery,
  ViewQuery,
} from './schemas/indicator-views.ts';
import {
  CatalogueParams,
  DataElement,
  Indicator,
  IndicatorConstant,
  IndicatorTarget,
  IndicatorValues,
  IndicatorValuesQuery,
  SaveConstantBody,
  SaveDataElementBody,
  SaveIndicatorBody,
  SaveTargetBody,
  TargetParams,
} from './schemas/indicators.ts';
import {
  CreatedEndpoint,
  CreateEndpointBody,
  DeliveryListQuery,
  DeliveryPage,
  NotificationDelivery,
  NotificationEndpoint,
  UpdateEndpointBody,
} from './schemas/notifications.ts';
import {
  ObservationSeries,
  ObservationSeriesQuery,
  Station,
  Stream,
  StreamListQuery,
  StreamSeriesParams,
} from './schemas/observations.ts';
import {
  BoundaryImportBody,
  BoundaryImportQuery,
  BoundaryImportResult,
  GroupParams,
  OrgUnit,
  OrgUnitDetail,
  OrgUnitGroup,
  OrgUnitListQuery,
  SaveGroupBody,
  UnitMapCollection,
  UnitParams,
  UnitProfile,
  UpdateUnitProfileBody,
} from './schemas/orgunits.ts';
import { Connector } from './schemas/publicservices.ts';
import {
  PsOpenList,
  PsOpenQuery,
  PsSummary,
  PsSummaryQuery,
  PsTickerItem,
  PsTickerQuery,
  PsTrend,
  PsTrendQuery,
} from './schemas/publicservices-views.ts';
import {
  CreateTaskBody,
  ExtensionDecisionBody,
  ExtensionParams,
  ExtensionRequestBody,
  TaskDetail,
  TaskListQuery,
  TaskNoteBody,
  TaskPage,
  TaskReportBody,
  TaskSummary,
  TaskSummaryQuery,
  TaskTrend,
  TaskTrendQuery,
  TaskUnit,
} from './schemas/tasks.ts';
import {
  ApiKey,
  AuditPage,
  AuditQuery,
  CreateApiKeyBody,
  CreatedApiKey,
  CreateUserBody,
  PermissionInfo,
  Role,
  RoleParams,
  TemporaryPassword,
  UpdateRoleBody,
  UpdateUserBody,
  User,
  UserWithPassword,
} from './schemas/users.ts';

/** What one route takes and answers, as the server declares it: the same schema constants its `*.routes.ts` uses. */
export interface RouteSchemas {
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  /** The success status when it is not 200 (a POST that creates). */
  readonly status?: 201;
  /** The success answer; absent for a stream that is not JSON. */
  readonly response?: TSchema;
}

/** A file the browser downloads through a link, never reads as JSON. */
const Download = Type.Unsafe<ArrayBuffer>({ type: 'string', format: 'binary' });

/**
 * Every `/api/v1` endpoint the web app calls, keyed `METHOD path` as Fastify registers it. The web client takes its
 * types from here, and the server's test checks each entry against the route it registered, so the two cannot drift.
 */
export const API_ROUTES = {
  'GET /api/v1/auth/me': { response: Me },
  'POST /api/v1/auth/login': { body: LoginBody, response: Me },
  'POST /api/v1/auth/logout': { response: OkResponse },
  'POST /api/v1/auth/password': { body: ChangePasswordBody, response: OkResponse },
  'GET /api/v1/stream': {},

  'GET /api/v1/users': { response: Type.Array(User) },
  'POST /api/v1/users': { body: CreateUserBody, status: 201, response: UserWithPassword },
  'PATCH /api/v1/users/:id': { params: IdParams, body: UpdateUserBody, response: User },
  'POST /api/v1/users/:id/reset-password': { params: IdParams, response: TemporaryPassword },
  'GET /api/v1/roles': { response: Type.Array(Role) },
  'PUT /api/v1/roles/:code': { params: RoleParams, body: UpdateRoleBody, response: Role },
  'GET /api/v1/permissions': { response: Type.Array(PermissionInfo) },
  'GET /api/v1/apikeys': { response: Type.Array(ApiKey) },
  'POST /api/v1/apikeys': { body: CreateApiKeyBody, status: 201, response: CreatedApiKey },
  'POST /api/v1/apikeys/:id/revoke': { params: IdParams, response: ApiKey },
  'GET /api/v1/audit': { querystring: AuditQuery, response: AuditPage },
  'GET /api/v1/notification-endpoints': { response: Type.Array(NotificationEndpoint) },
  'POST /api/v1/notification-endpoints': { body: CreateEndpointBody, status: 201, response: CreatedEndpoint },
  'PATCH /api/v1/notification-endpoints/:id': {
    params: IdParams,
    body: UpdateEndpointBody,
    response: NotificationEndpoint,
  },
  'DELETE /api/v1/notification-endpoints/:id': { params: IdParams, response: OkResponse },
  'POST /api/v1/notification-endpoints/:id/test': { params: IdParams, response: NotificationDelivery },
  'GET /api/v1/notification-deliveries': { querystring: DeliveryListQuery, response: DeliveryPage },

  'GET /api/v1/agencies': { response: Type.Array(Agency) },
  'GET /api/v1/orgunits': { querystring: OrgUnitListQuery, response: Type.Array(OrgUnit) },
  'GET /api/v1/orgunits/geojson': { response: UnitMapCollection },
  'GET /api/v1/orgunits/:id': { params: UnitParams, response: OrgUnitDetail },
  'GET /api/v1/orgunits/:id/profile': { params: UnitParams, response: UnitProfile },
  'PATCH /api/v1/orgunits/:id/profile': { params: UnitParams, body: UpdateUnitProfileBody, response: UnitProfile },
  'POST /api/v1/orgunits/boundaries': {
    querystring: BoundaryImportQuery,
    body: BoundaryImportBody,
    response: BoundaryImportResult,
  },
  'GET /api/v1/orgunit-groups': { response: Type.Array(OrgUnitGroup) },
  'PUT /api/v1/orgunit-groups/:code': { params: GroupParams, body: SaveGroupBody, response: OrgUnitGroup },
  'DELETE /api/v1/orgunit-groups/:code': { params: GroupParams, response: OkResponse },

  'GET /api/v1/alerts': { querystring: AlertListQuery, response: AlertPage },
  'GET /api/v1/alerts/summary': { querystring: AlertSummaryQuery, response: AlertSummary },
  'GET /api/v1/alerts/:id': { params: IdParams, response: AlertDetail },
  'POST /api/v1/alerts/:id/acknowledge': { params: IdParams, response: AlertDetail },
  'POST /api/v1/alerts/:id/assign': { params: IdParams, body: AlertAssignBody, response: AlertDetail },
  'POST /api/v1/alerts/:id/resolve': { params: IdParams, body: AlertResolveBody, response: AlertDetail },
  'POST /api/v1/alerts/:id/comments': { params: IdParams, body: AlertCommentBody, response: AlertDetail },
  'GET /api/v1/alert-silences': { querystring: AlertSilenceListQuery, response: Type.Array(AlertSilence) },
  'POST /api/v1/alert-silences': { body: AlertSilenceInput, status: 201, response: AlertSilence },
  'DELETE /api/v1/alert-silences/:id': { params: IdParams, response: AlertSilence },
  'GET /api/v1/alert-rules': { response: Type.Array(AlertRule) },
  'POST /api/v1/alert-rules': { body: AlertRuleInput, status: 201, response: AlertRule },
  'PUT /api/v1/alert-rules/:id': { params: IdParams, body: AlertRuleInput, response: AlertRule },
  'DELETE /api/v1/alert-rules/:id': { params: IdParams, response: OkResponse },
  'POST /api/v1/alert-rules/preview': { body: RulePreviewBody, response: RulePreview },

  'GET /api/v1/stations': { response: Type.Array(Station) },
  'GET /api/v1/streams': { querystring: StreamListQuery, response: Type.Array(Stream) },
  'GET /api/v1/streams/:station/:metric/series': {
    params: StreamSeriesParams,
    querystring: ObservationSeriesQuery,
    response: ObservationSeries,
  },
  'GET /api/v1/streams/:station/:metric/series.csv': {
    params: StreamSeriesParams,
    querystring: ObservationSeriesQuery,
    response: Download,
  },

  'GET /api/v1/data-elements': { response: Type.Array(DataElement) },
  'PUT /api/v1/data-elements/:code': { params: CatalogueParams, body: SaveDataElementBody, response: DataElement },
  'GET /api/v1/indicators': { response: Type.Array(Indicator) },
  'PUT /api/v1/indicators/:code': { params: CatalogueParams, body: SaveIndicatorBody, response: Indicator },
  'GET /api/v1/indicator-constants': { response: Type.Array(IndicatorConstant) },
  'PUT /api/v1/indicator-constants/:code': {
    params: CatalogueParams,
    body: SaveConstantBody,
    response: IndicatorConstant,
  },
  'PUT /api/v1/indicators/:code/targets/:unit/:year': {
    params: TargetParams,
    body: SaveTargetBody,
    response: IndicatorTarget,
  },
  'GET /api/v1/indicator-values': { querystring: IndicatorValuesQuery, response: IndicatorValues },
  'GET /api/v1/indicator-series': { querystring: SeriesQuery, response: IndicatorSeries },
  'GET /api/v1/indicator-ranking': { querystring: RankingQuery, response: IndicatorRanking },
  'GET /api/v1/indicator-view': { querystring: ViewQuery, response: IndicatorView },
  'GET /api/v1/data-sets': { response: Type.Array(DataSet) },
  'PUT /api/v1/data-sets/:code': { params: CatalogueParams, body: SaveDataSetBody, response: DataSet },
  'GET /api/v1/data-sets/:code/template': { params: CatalogueParams, querystring: TemplateQuery, response: Download },
  'POST /api/v1/data-sets/:code/import': { params: CatalogueParams, querystring: ImportQuery, response: ImportReport },
  'GET /api/v1/data-entry': { querystring: DataEntryQuery, response: DataEntryForm },
  'POST /api/v1/data-entry': { body: SaveEntryBody, response: ValuesBatchResult },
  'GET /api/v1/discipline': { querystring: DisciplineQuery, response: Discipline },
  'GET /api/v1/validation-rules': { response: Type.Array(ValidationRule) },
  'PUT /api/v1/validation-rules/:code': {
    params: CatalogueParams,
    body: SaveValidationRuleBody,
    response: ValidationRule,
  },
  'GET /api/v1/validation-violations': { querystring: ViolationsQuery, response: Type.Array(RuleViolation) },

  'GET /api/v1/public-services/summary': { querystring: PsSummaryQuery, response: PsSummary },
  'GET /api/v1/public-services/trend': { querystring: PsTrendQuery, response: PsTrend },
  'GET /api/v1/public-services/open-dossiers': { querystring: PsOpenQuery, response: PsOpenList },
  'GET /api/v1/public-services/ticker': { querystring: PsTickerQuery, response: Type.Array(PsTickerItem) },
  'GET /api/v1/public-services/connectors': { response: Type.Array(Connector) },

  'GET /api/v1/tasks': { querystring: TaskListQuery, response: TaskPage },
  'POST /api/v1/tasks': { body: CreateTaskBody, status: 201, response: TaskDetail },
  'GET /api/v1/tasks/units': { response: Type.Array(TaskUnit) },
  'GET /api/v1/tasks/summary': { querystring: TaskSummaryQuery, response: TaskSummary },
  'GET /api/v1/tasks/trend': { querystring: TaskTrendQuery, response: TaskTrend },
  'GET /api/v1/tasks/:id': { params: IdParams, response: TaskDetail },
  'POST /api/v1/tasks/:id/reports': { params: IdParams, body: TaskReportBody, response: TaskDetail },
  'POST /api/v1/tasks/:id/extensions': { params: IdParams, body: ExtensionRequestBody, response: TaskDetail },
  'POST /api/v1/tasks/:id/extensions/:extensionId/decision': {
    params: ExtensionParams,
    body: ExtensionDecisionBody,
    response: TaskDetail,
  },
  'POST /api/v1/tasks/:id/comments': { params: IdParams, body: TaskNoteBody, response: TaskDetail },
  'POST /api/v1/tasks/:id/reminders': { params: IdParams, body: TaskNoteBody, response: TaskDetail },
  'POST /api/v1/tasks/:id/escalate': { params: IdParams, body: TaskNoteBody, response: TaskDetail },
  'POST /api/v1/tasks/:id/cancel': { params: IdParams, body: TaskNoteBody, response: TaskDetail },

  'GET /api/v1/documents': { querystring: DocumentSearchQuery, response: DocumentPage },
  'POST /api/v1/documents': { body: CreateDocumentBody, status: 201, response: CreateDocumentResult },
  'GET /api/v1/documents/summary': { querystring: DocumentSummaryQuery, response: DocumentSummary },
  'POST /api/v1/documents/import/edxml': { querystring: EdxmlImportQuery, status: 201, response: CreateDocumentResult },
  'GET /api/v1/documents/:id': { params: IdParams, response: DocumentDetail },
  'GET /api/v1/documents/:id/edxml': { params: IdParams, querystring: EdxmlExportQuery, response: Type.String() },
  'GET /api/v1/files/:id': { params: IdParams, response: Download },
} as const satisfies Record<`${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /api/v1/${string}`, RouteSchemas>;

export type ApiRoutes = typeof API_ROUTES;
export type ApiRoute = keyof ApiRoutes;
/** The routes a page reads, and so may cache. */
export type ApiReadRoute = Extract<ApiRoute, `GET ${string}`>;

type StaticPart<K extends ApiRoute, P extends keyof RouteSchemas> = ApiRoutes[K] extends {
  readonly [part in P]: infer S extends TSchema;
}
  ? Static<S>
  : never;

export type ApiParams<K extends ApiRoute> = StaticPart<K, 'params'>;
export type ApiQuery<K extends ApiRoute> = StaticPart<K, 'querystring'>;
export type ApiBody<K extends ApiRoute> = StaticPart<K, 'body'>;
/** The success answer, typed by the route's own response schema. */
export type ApiResponse<K extends ApiRoute> = StaticPart<K, 'response'>;

/**
 * What a call of route K sends: `params` when its path has some, `query` when it takes a query string (optional when
 * every field is), `body` when it takes one.
 */
export type ApiRequest<K extends ApiRoute> = (ApiRoutes[K] extends { readonly params: TSchema }
  ? { params: ApiParams<K> }
  : { params?: never }) &
  (ApiRoutes[K] extends { readonly querystring: TSchema }
    ? object extends ApiQuery<K>
      ? { query?: ApiQuery<K> }
      : { query: ApiQuery<K> }
    : { query?: never }) &
  (ApiRoutes[K] extends { readonly body: TSchema } ? { body: ApiBody<K> } : { body?: never });
