import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Portable choices, the same on SQLite and PostgreSQL: times are ISO-8601 UTC text
 * (they sort and compare as text), booleans are 0/1 integers, JSON is text.
 */
export interface Database {
  org_units: OrgUnitTable;
  org_unit_mappings: { old_id: string; new_id: string; share: number };
  org_unit_groups: {
    code: string;
    name: string;
    name_en: string;
    description: string | null;
    description_en: string | null;
  };
  org_unit_group_members: { group_code: string; unit_id: string };
  unit_profiles: UnitProfileTable;
  users: UserTable;
  roles: { code: string; name_vi: string; name_en: string; built_in: number };
  role_permissions: { role_code: string; permission: string };
  user_roles: { user_id: number; role_code: string };
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  audit_log: AuditTable;
  /** The audit chain's head under the audit key: one row (id 1). */
  audit_anchor: AuditAnchorTable;
  data_elements: DataElementTable;
  data_values: DataValueTable;
  indicators: IndicatorTable;
  indicator_constants: { code: string; name: string; value: number };
  indicator_targets: { indicator_code: string; unit_id: string; year: number; value: number };
  data_sets: DataSetTable;
  data_set_elements: { data_set_code: string; element_code: string; position: number };
  data_set_units: { data_set_code: string; unit_id: string };
  data_set_reports: DataSetReportTable;
  validation_rules: ValidationRuleTable;
  alerts: AlertTable;
  alert_agencies: { alert_id: number; agency_code: string };
  alert_history: AlertHistoryTable;
  alert_silences: AlertSilenceTable;
  alert_rules: AlertRuleTable;
  /** One row per rule × stream × level that has left normal (no row: normal). */
  rule_states: RuleStateTable;
  /** The province's organisations (departments, communes' People's Committees) that subsystems refer to by code. */
  agencies: {
    code: string;
    name: string;
    name_en: string;
    unit_id: string;
    kind: string;
    aliases: string;
    /** National electronic id (QCVN 102), e.g. 000.00.00.H27; null until the province records it. */
    national_id: string | null;
  };
  ps_dossiers: DossierTable;
  ps_progress: ProgressTable;
  ps_daily: DailyTable;
  app_settings: { key: string; value: string; updated_at: string };
  calendar_days: { date: string; kind: string; name: string };
  ps_fields: { code: string; name: string; name_en: string | null };
  ps_procedures: ProcedureTable;
  ps_feedback: FeedbackTable;
  ps_connectors: ConnectorTable;
  doc_registers: { code: string; direction: string; name: string; name_en: string };
  doc_counters: { register_code: string; year: number; last_number: number };
  documents: DocumentTable;
  doc_terms: { term: string; document_id: number };
  /** The agencies a document is linked to: its issuing agency ('from') and its recipients ('to'). */
  document_agencies: { document_id: number; agency_code: string; role: string };
  stored_files: StoredFileTable;
  tasks: TaskTable;
  task_units: { task_id: number; agency_code: string; role: string };
  task_events: TaskEventTable;
  task_extensions: TaskExtensionTable;
  notification_endpoints: NotificationEndpointTable;
  notification_deliveries: NotificationDeliveryTable;
  /** One alert event for one endpoint, waiting for its group window, then carried by a delivery. */
  notification_items: NotificationItemTable;
  notification_attempts: NotificationAttemptTable;
  stations: StationTable;
  streams: StreamTable;
  /** Raw points, keyed (stream_id, t): t is epoch ms; partitioned by month on PostgreSQL. */
  observations: { stream_id: number; t: number; value: number };
  observation_rollups: ObservationRollupTable;
}

export interface StationTable {
  id: string;
  name: string;
  name_en: string | null;
  kind: string;
  unit_id: string | null;
  lat: number | null;
  lon: number | null;
  owner: string | null;
  /** JSON object (river, alarm levels, …). */
  attributes: string;
  created_at: string;
  updated_at: string;
}

export interface StreamTable {
  id: Generated<number>;
  /** '<station>/<metric>' */
  key: string;
  station_id: string;
  metric: string;
  name: string;
  name_en: string | null;
  uom: string;
  cadence_seconds: number | null;
  /** gauge | amount | state: how a bucket of its values is summed up. */
  value_kind: string;
  unit_id: string | null;
  lat: number | null;
  lon: number | null;
  owner: string | null;
  last_t: number | null;
  last_value: number | null;
  created_at: string;
  updated_at: string;
}

/** One stream × bucket width (ms) × bucket start (epoch ms). */
export interface ObservationRollupTable {
  stream_id: number;
  width: number;
  bucket: number;
  min: number;
  max: number;
  sum: number;
  count: number;
  last_t: number;
  last_value: number;
}

export interface DataSetTable {
  code: string;
  name: string;
  name_en: string;
  frequency: string;
  /** The deadline is the period's first day + due_days, at due_time (HH:MM, UTC+7). */
  due_days: number;
  due_time: string;
  /** After the period's first day + lock_days, values can no longer be entered (null: never locked). */
  lock_days: number | null;
  created_at: string;
}

export interface DataSetReportTable {
  data_set_code: string;
  unit_id: string;
  period_id: string;
  first_submitted_at: string;
  last_submitted_at: string;
  submitted_by: string | null;
}

export interface ValidationRuleTable {
  code: string;
  name: string;
  name_en: string;
  /** Formulas over data elements (the indicator formula language). */
  left_side: string;
  operator: string;
  right_side: string;
  severity: string;
}

export interface AlertTable {
  id: Generated<number>;
  kind: string;
  severity: string;
  unit_id: string | null;
  title: string;
  title_en: string;
  /** JSON object: what the alert is about, for the page that shows it. */
  detail: string;
  dedupe_key: string;
  status: string;
  raised_at: string;
  updated_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  /** When the condition began (a task's deadline passed), given by the raiser; the raise time otherwise. */
  started_at: string | null;
  resolved_at: string | null;
  /** Who resolved it by hand; null with resolved_at set: resolved by itself, the condition cleared. */
  resolved_by: string | null;
  resolution: string | null;
  assigned_unit: string | null;
  assigned_by: string | null;
  assigned_at: string | null;
  rule_id: number | null;
  /** JSON object of string labels. */
  labels: string | null;
  link_kind: string | null;
  link_ref: string | null;
  /** When it was published for notification; null while a silence holds it back. */
  notified_at: string | null;
  /** When its raiser last found the condition gone (a hand-resolved alert reopens only after that). */
  condition_cleared_at: string | null;
  /** The agency it is first about (a task's lead unit): what the summary groups it by. */
  agency_code: string | null;
}

export interface AlertHistoryTable {
  id: Generated<number>;
  alert_id: number;
  at: string;
  action: string;
  /** The account that acted; null: the IOC itself. */
  actor: string | null;
  note: string | null;
}

/** A maintenance window: alerts matching every matcher set (null: any) are not notified between starts_at and ends_at. */
export interface AlertSilenceTable {
  id: Generated<number>;
  kind: string | null;
  rule_id: number | null;
  unit_id: string | null;
  label_name: string | null;
  label_value: string | null;
  starts_at: string;
  ends_at: string;
  created_by: string;
  created_at: string;
  comment: string;
}

export interface DataElementTable {
  code: string;
  name: string;
  name_en: string;
  unit: string;
  value_type: string;
  /** How values combine over time: sum (output), average (rates), last (stocks such as population). */
  aggregation: string;
  /** The period type values are reported at (PeriodType). */
  frequency: string;
  owner: string | null;
  /** JSON array of category option codes; empty when the element has only a total. */
  categories: string;
  min_value: number | null;
  max_value: number | null;
  created_at: string;
}

export interface DataValueTable {
  element_code: string;
  unit_id: string;
  period_id: string;
  period_type: string;
  period_start: string;
  category: string;
  value: number;
  stored_by: string | null;
  stored_at: string;
}

export interface IndicatorTable {
  code: string;
  name: string;
  name_en: string;
  formula: string;
  unit: string;
  decimals: number;
  direction: string;
  description: string | null;
}

export interface OrgUnitTable {
  id: string;
  code: string;
  name: string;
  name_en: string;
  kind: string;
  level: number;
  parent_id: string | null;
  /** `/42/18073/`: ancestors and self, so a scope check is one LIKE on an index. */
  path: string;
  valid_from: string | null;
  valid_to: string | null;
  area_km2: number | null;
  centroid_lon: number | null;
  centroid_lat: number | null;
  geometry: string | null;
}

export interface UnitProfileTable {
  unit_id: string;
  head_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  population: number | null;
  households: number | null;
  updated_at: string | null;
  updated_by: string | null;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  org_unit_id: string;
  /** The agency (department, commune People's Committee) the user acts for in directed tasks. */
  agency_code: string | null;
  disabled: number;
  must_change_password: number;
  failed_logins: number;
  first_failed_at: string | null;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked table does not give working sessions. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  prefix: string;
  secret_hash: string;
  permissions: string;
  org_unit_id: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** 1: observations for unknown streams register them (0 by default). */
  auto_register_streams: Generated<number>;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actor_type: string;
  actor_id: number | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  /** HMAC-SHA256 of `hash` under the audit key; null for entries written before the chain was keyed. */
  mac: string | null;
}

export interface AuditAnchorTable {
  id: number;
  head_id: number;
  head_hash: string;
  /** Entries from this id on carry a MAC; those before are the legacy segment. */
  keyed_from: number;
  key_id: string | null;
  mac: string | null;
}

export interface DossierTable {
  code: string;
  procedure_code: string;
  procedure_name: string | null;
  field_code: string | null;
  field_name: string | null;
  /** DonViXuLy as the portal wrote it. */
  agency: string;
  /** The agency it was matched to, and that agency's org unit; null when no agency matches the name. */
  agency_code: string | null;
  unit_id: string | null;
  channel: number | null;
  owner_name: string | null;
  owner_kind: number | null;
  summary: string | null;
  submitted_at: string | null;
  received_at: string | null;
  due_at: string | null;
  returned_at: string | null;
  finished_at: string | null;
  record_status: number;
  record_as_of: string;
  status: number;
  status_at: string;
  paid_online: number;
  digitised: number;
  /** JSON array of supplement requests: [{requestedAt, suppliedAt|null, reason|null}]. */
  supplements: string;
  synced_at: string;
  /** When the dossier left processing (finished or withdrawn); null while open. Kept by the sync. */
  ended_at: string | null;
}

/** Per local day and agency: what the dossiers received, returned or ended that day add up to. */
export interface DailyTable {
  day: string;
  agency: string;
  unit_id: string;
  received: number;
  in_person: number;
  online: number;
  postal: number;
  unknown_channel: number;
  paid_online: number;
  digitised: number;
  returned: number;
  withdrawn: number;
  early: number;
  on_time: number;
  late: number;
  resolution_count: number;
  resolution_sum: number;
}

export interface ProgressTable {
  id: Generated<number>;
  dossier_code: string;
  step_at: string;
  status: number;
  handler: string | null;
  title: string | null;
  department: string | null;
  content: string | null;
  started_at: string | null;
  due_at: string | null;
  synced_at: string;
}

/** A pull connector to a provincial one-stop system and the health of its runs. */
export interface ConnectorTable {
  code: string;
  name: string;
  token_url: string;
  base_url: string;
  client_id: string;
  /** A credential, stored as given (it is sent as given); never returned by the API. */
  client_secret: string;
  /** JSON array of service names. */
  services: string;
  page_size: number | null;
  interval_seconds: number;
  overlap_seconds: number;
  enabled: number;
  /** Everything up to this instant has been read. */
  cursor: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  last_count: number | null;
  last_refused: number | null;
  /** Held by a run until then (renewed as it goes); null when idle. */
  running_until: string | null;
  updated_at: string;
}

export interface ProcedureTable {
  code: string;
  name: string;
  field_code: string;
  /** 'province' | 'commune': the tier that handles it. */
  level: string;
  /** The provincial department that handles it; null for commune-level procedures. */
  agency_code: string | null;
  /** 'full' | 'partial' | 'none'. */
  online_level: string;
  online_payment: number;
  /** Working days. */
  deadline_days: number | null;
  fee_vnd: number | null;
  /** Code and name without accents or case, for search. */
  search_text: string;
  updated_at: string;
}

/** A citizen's feedback or petition (PAKN) and how it was handled. */
export interface FeedbackTable {
  id: Generated<number>;
  code: string;
  /** 'feedback' | 'petition'. */
  kind: string;
  subject: string;
  content: string;
  dossier_code: string | null;
  procedure_code: string | null;
  agency_code: string | null;
  unit_id: string | null;
  channel: string | null;
  received_at: string;
  due_at: string;
  in_remit: number;
  /** 'received' | 'in_progress' | 'answered' | 'rejected'. */
  status: string;
  answered_at: string | null;
  answer: string | null;
  /** 'satisfied' | 'neutral' | 'unsatisfied', the citizen's rating after the answer. */
  satisfaction: string | null;
  created_by: string;
  updated_at: string;
}

export interface DocumentTable {
  id: Generated<number>;
  register_code: string;
  direction: string;
  year: number;
  number: number;
  type_name: string;
  code_number: string;
  code_notation: string;
  issued_date: string;
  issued_place: string | null;
  organ_id: string | null;
  organ_name: string;
  subject: string;
  content: string | null;
  language: string;
  page_amount: number | null;
  description: string | null;
  signer_position: string | null;
  signer_name: string | null;
  /** JSON arrays. */
  recipients: string;
  priority: number;
  issued_amount: number | null;
  due_date: string | null;
  steering_type: number | null;
  arrival_date: string | null;
  to_places: string;
  trace: string;
  ident_key: string;
  created_at: string;
  created_by: string;
}

export interface StoredFileTable {
  id: Generated<number>;
  owner_type: string;
  owner_id: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_at: string;
  uploaded_by: string;
}

export interface TaskTable {
  id: Generated<number>;
  title: string;
  description: string | null;
  document_id: number | null;
  assigned_by_id: number | null;
  assigned_by_name: string;
  lead_unit: string;
  priority: string;
  assigned_at: string;
  assigned_on: string;
  due_date: string;
  original_due_date: string;
  progress: number;
  last_report_at: string | null;
  completed_at: string | null;
  completed_on: string | null;
  cancelled_at: string | null;
  extensions: number;
  reminders: number;
  escalated: number;
  alerted_state: string | null;
  search_text: string;
  updated_at: string;
}

export interface TaskEventTable {
  id: Generated<number>;
  task_id: number;
  kind: string;
  at: string;
  actor_id: number | null;
  actor_name: string;
  unit: string | null;
  text: string | null;
  percent: number | null;
  due_date: string | null;
}

export interface TaskExtensionTable {
  id: Generated<number>;
  task_id: number;
  requested_due_date: string;
  reason: string;
  requested_at: string;
  requested_by: string;
  status: string;
  decided_at: string | null;
  decided_by: string | null;
  note: string | null;
}

export interface NotificationEndpointTable {
  id: Generated<number>;
  kind: string;
  name: string;
  url: string | null;
  /** JSON array of e-mail addresses. */
  recipients: string;
  secret: string | null;
  /** JSON arrays. */
  events: string;
  min_severity: string;
  units: string;
  enabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationDeliveryTable {
  id: Generated<number>;
  endpoint_id: number;
  event: string;
  state: string;
  payload: string;
  alert_count: number;
  summary: string;
  summary_en: string;
  attempts: number;
  next_attempt_at: string | null;
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface NotificationItemTable {
  id: Generated<number>;
  endpoint_id: number;
  event_key: string;
  event: string;
  alert: string;
  queued_at: string;
  delivery_id: number | null;
}

export interface NotificationAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  at: string;
  status: number | null;
  error: string | null;
  duration_ms: number;
}

export interface AlertRuleTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string;
  /** 'threshold' | 'rate' | 'absence' | 'condition'. */
  type: string;
  /** JSON: stream selectors; levels; condition; route {units, roles}; labels. */
  streams: string;
  /** An indicator or data element code a threshold rule watches instead of streams (then streams is '[]'). */
  indicator: string | null;
  levels: string;
  window_seconds: number | null;
  pending_seconds: number;
  keep_firing_seconds: number;
  interval_seconds: number;
  condition: string | null;
  route: string;
  labels: string;
  enabled: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** Times in epoch ms (bigint: PostgreSQL answers them as strings, read through Number()). */
export interface RuleStateTable {
  rule_id: number;
  stream: string;
  level: string;
  /** 'normal' | 'pending' | 'firing'. */
  state: string;
  since: number | string | null;
  cleared_at: number | string | null;
  active: number;
  alerting: number;
  last_value: number | null;
  last_sample_at: number | string | null;
  evaluated_at: string;
  version: number;
}
