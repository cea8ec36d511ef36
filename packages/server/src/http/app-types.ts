import type {} from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AlertService } from '../modules/alerts/alerts.service.ts';
import type { ApiKeyService } from '../modules/auth/apikeys.service.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import type { UserService } from '../modules/auth/users.service.ts';
import type { DocumentService } from '../modules/documents/documents.service.ts';
import type { TaskSummaryService } from '../modules/documents/tasks/task-summary.ts';
import type { TaskService } from '../modules/documents/tasks/tasks.service.ts';
import type { DataSetService } from '../modules/indicators/datasets.service.ts';
import type { EntryService } from '../modules/indicators/entry.service.ts';
import type { IndicatorService } from '../modules/indicators/indicators.service.ts';
import type { SpreadsheetService } from '../modules/indicators/spreadsheet/spreadsheet.service.ts';
import type { ValueService } from '../modules/indicators/values.service.ts';
import type { IndicatorViewService } from '../modules/indicators/views.service.ts';
import type { OrgUnitService } from '../modules/orgunits/orgunits.service.ts';
import type { AgencyService } from '../modules/publicservices/agency/agency.service.ts';
import type { CalendarService } from '../modules/publicservices/calendar.service.ts';
import type { ProcedureCatalogueService } from '../modules/publicservices/catalogue/catalogue.service.ts';
import type { ConnectorService } from '../modules/publicservices/connector/connector.service.ts';
import type { FeedbackService } from '../modules/publicservices/feedback/feedback.service.ts';
import type { PlainDossierService } from '../modules/publicservices/plain/plain.service.ts';
import type { ScoringRulesService } from '../modules/publicservices/scoring/scoring.service.ts';
import type { PublicServiceSummaryService } from '../modules/publicservices/summary/summary.service.ts';
import type { DossierSyncService } from '../modules/publicservices/sync.service.ts';
import type { Platform } from '../platform.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface Services {
  platform: Platform;
  auth: AuthService;
  users: UserService;
  apiKeys: ApiKeyService;
  orgUnits: OrgUnitService;
  indicators: IndicatorService;
  indicatorViews: IndicatorViewService;
  alerts: AlertService;
  values: ValueService;
  dataSets: DataSetService;
  entries: EntryService;
  spreadsheets: SpreadsheetService;
  dossierSync: DossierSyncService;
  connectors: ConnectorService;
  workingCalendar: CalendarService;
  procedureCatalogue: ProcedureCatalogueService;
  feedback: FeedbackService;
  publicServices: PublicServiceSummaryService;
  plainDossiers: PlainDossierService;
  scoringRules: ScoringRulesService;
  agencies: AgencyService;
  documents: DocumentService;
  tasks: TaskService;
  taskSummary: TaskSummaryService;
}
