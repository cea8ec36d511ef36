import { type Static, Type } from 'typebox';
import { NationalAgencyId } from './agencies.ts';
import { ErrorResponse, isoDateTime, LocalDate, MAX_ID, periodId, RowId, YEAR_PATTERN } from './common.ts';

const DATE_PATTERN = `^${YEAR_PATTERN}[0-9]{10}$`;
/** `yyyyMMddHHmmss` in Vietnam's time (UTC+7), as the national portal sends dates. */
export const PortalDate = Type.String({ pattern: DATE_PATTERN, description: 'yyyyMMddHHmmss, UTC+7' });
const NOT_KNOWN = 'yyyyMMddHHmmss, UTC+7; "" or null: not known yet';
/** A date that may not be known yet: `""` (as OpenCPS writes it) and null are read as absent before the check. */
const LaterDate = () => Type.String({ pattern: DATE_PATTERN, description: NOT_KNOWN });
const LaterDateOrNull = (description = NOT_KNOWN) => Type.Union([PortalDate, Type.Null()], { description });
const Flag = Type.Union([Type.Literal(0), Type.Literal(1), Type.Boolean()], {
  description:
    '1/0 or true/false; "True"/"False", "true"/"false" and "1"/"0" are read as such; "" or null: not stated (no)',
});
const Text = (maxLength: number) => Type.String({ maxLength, description: '"" or null: not given' });
const Status = Type.Integer({
  minimum: 1,
  maximum: 10,
  description: '1 submitted … 10 result returned (TrangThaiHoSo); its digits ("4") are read as the number',
});

/**
 * A dossier as the portal's DongBoHoSoMC service syncs it, in the form it is checked in: each record is first
 * normalised (server `publicservices/portal/`) as the descriptions say. Other fields (contact details, fees, files,
 * results…) are accepted, not read, and counted in the answer's ignoredFields.
 */
export const PortalDossier = Type.Object(
  {
    MaHoSo: Type.String({ minLength: 1, maxLength: 100 }),
    MaTTHC: Type.String({ minLength: 1, maxLength: 100 }),
    TenTTHC: Type.Optional(Text(1000)),
    MaLinhVuc: Type.Optional(Text(100)),
    TenLinhVuc: Type.Optional(Text(500)),
    KenhThucHien: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 3,
        description:
          '1 in person, 2 online, 3 postal; its digits ("2") are read as the number; absent, "" or null: unknown (never taken from HinhThuc)',
      }),
    ),
    ChuHoSo: Type.Optional(Text(500)),
    LoaiDoiTuong: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 4,
        description:
          '1 citizen, 2 enterprise, 3 agency, 4 other; its digits ("1") are read as the number; "" or null: not given',
      }),
    ),
    TrichYeuHoSo: Type.Optional(Text(2000)),
    NgayNopHoSo: Type.Optional(LaterDate()),
    NgayTiepNhan: PortalDate,
    NgayHenTra: Type.Optional(LaterDate()),
    TrangThaiHoSo: Status,
    NgayTra: Type.Optional(LaterDateOrNull()),
    NgayKetThucXuLy: Type.Optional(LaterDateOrNull()),
    DonViXuLy: Type.String({
      minLength: 1,
      maxLength: 500,
      description:
        'the agency handling it: its name, an alias, its code or its national id; when the batch gives MaDinhDanhDV, absent, "" or null mean that agency',
    }),
    HinhThuc: Type.Optional(
      Type.Union([Type.Integer({ minimum: -MAX_ID - 1, maximum: MAX_ID }), Type.String({ maxLength: 100 })], {
        description:
          'how the result is handed back (OpenCPS writes "1" for by post, "0" otherwise): not read, and not the channel (KenhThucHien)',
      }),
    ),
    DuocThanhToanTrucTuyen: Type.Optional(Flag),
    HoSoCoThanhPhanSoHoa: Type.Optional(Flag),
    DanhSachHoSoBoSung: Type.Optional(
      Type.Array(
        Type.Object({
          NgayYeuCauBoSung: PortalDate,
          NgayBoSung: Type.Optional(LaterDateOrNull('yyyyMMddHHmmss, UTC+7; "" or null: not supplied yet')),
          LyDo: Type.Optional(Text(2000)),
        }),
        { maxItems: 50, description: 'supplement requests; null: none' },
      ),
    ),
  },
  {
    description:
      'Read after a normalisation: a number may come as its digits ("4"), a flag as "True"/"False" or "1"/"0"; "" and null mean not given. Other fields are not read (ignoredFields).',
  },
);
export type PortalDossier = Static<typeof PortalDossier>;

/** One processing step as the portal's CapNhatTienDoHoSoMC service sends it (QuaTrinhXuLy), normalised as a dossier. */
export const PortalProgress = Type.Object(
  {
    MaHoSo: Type.String({ minLength: 1, maxLength: 100 }),
    ThoiDiemXuLy: PortalDate,
    TrangThai: Status,
    NguoiXuLy: Type.Optional(Text(500)),
    ChucDanh: Type.Optional(Text(500)),
    PhongBanXuLy: Type.Optional(Text(500)),
    NoiDungXuLy: Type.Optional(Text(4000)),
    NgayBatDau: Type.Optional(LaterDateOrNull()),
    NgayKetThucTheoQuyDinh: Type.Optional(LaterDateOrNull()),
  },
  {
    description:
      'Read after a normalisation: TrangThai may come as its digits; "" and null mean not given. Other fields are not read (ignoredFields).',
  },
);
export type PortalProgress = Static<typeof PortalProgress>;

const serviceNames = () => [Type.Literal('DongBoHoSoMC'), Type.Literal('CapNhatTienDoHoSoMC')] as const;
export const SyncServiceName = Type.Union([...serviceNames()], {
  description: 'DongBoHoSoMC: dossiers; CapNhatTienDoHoSoMC: processing steps',
});
export type SyncServiceName = Static<typeof SyncServiceName>;

const FLAG_TEXTS = ['True', 'False', 'true', 'false', '1', '0'] as const;
/** Whether the sender believes the dossiers were synced before; the IOC knows a dossier by its MaHoSo instead. */
const IsUpdating = Type.Union([Type.Boolean(), ...FLAG_TEXTS.map((text) => Type.Literal(text))], {
  description: '"True"/"False", true/false or "1"/"0"; read and not needed (a dossier is known by its MaHoSo)',
});
const SenderAgency = Type.String({
  ...NationalAgencyId,
  description:
    'national electronic id of the sending agency (QCVN 102, e.g. 000.00.22.H27): the agency of the records without DonViXuLy',
});
/** Any object passes the first branch, where the body check stops; the record checks read it as one of the others. */
const SyncRecord = Type.Union([Type.Record(Type.String(), Type.Unknown()), PortalDossier, PortalProgress], {
  description:
    'a dossier (PortalDossier, DongBoHoSoMC) or a processing step (PortalProgress, CapNhatTienDoHoSoMC), read and checked on its own: an invalid one is refused by its position, never the whole body',
});
const SyncRecords = Type.Array(SyncRecord, { minItems: 1, maxItems: 10_000 });

/** The portal's envelope; fields beside these are accepted, not read, and counted in ignoredFields as `/name`. */
export const SyncEnvelope = Type.Object({
  service: SyncServiceName,
  isUpdating: Type.Optional(IsUpdating),
  MaDinhDanhDV: Type.Optional(SenderAgency),
  data: SyncRecords,
});
export type SyncEnvelope = Static<typeof SyncEnvelope>;

/** What POST /public-services/sync takes: the envelope, or its records alone with the rest in the query string. */
export const PortalSyncBody = Type.Union([SyncEnvelope, SyncRecords], {
  description:
    'the portal envelope { service, isUpdating, MaDinhDanhDV, data }, or the array of records alone (then service, isUpdating and MaDinhDanhDV come in the query string or the path)',
});
export type PortalSyncBody = Static<typeof PortalSyncBody>;

export const SyncQuery = Type.Object({
  mode: Type.Optional(
    Type.Union([Type.Literal('all'), Type.Literal('valid')], {
      description: 'all (default): any invalid record applies nothing; valid: apply the valid records, report the rest',
    }),
  ),
});
export type SyncQuery = Static<typeof SyncQuery>;

/** The sync route's query: the mode, and what a sender that posts the records alone puts in the query string. */
export const PortalSyncQuery = Type.Object({
  ...SyncQuery.properties,
  service: Type.Optional(
    Type.Union([...serviceNames()], {
      description: 'the service, for a body that is the records alone; must agree with the envelope and the path',
    }),
  ),
  isUpdating: Type.Optional(
    Type.Union(
      FLAG_TEXTS.map((text) => Type.Literal(text)),
      { description: 'True/False or 1/0, as portal senders add it; read and not needed' },
    ),
  ),
  MaDinhDanhDV: Type.Optional(SenderAgency),
});
export type PortalSyncQuery = Static<typeof PortalSyncQuery>;

export const PortalSyncParams = Type.Object({ service: SyncServiceName });
export type PortalSyncParams = Static<typeof PortalSyncParams>;

export const SyncProblem = Type.Object({
  index: Type.Integer({ description: 'position of the record in data' }),
  code: Type.Union([Type.String(), Type.Null()], { description: 'its MaHoSo, when readable' }),
  field: Type.String(),
  rule: Type.String(),
  message: Type.String(),
});
export type SyncProblem = Static<typeof SyncProblem>;

const IgnoredFields = Type.Record(Type.String(), Type.Integer(), {
  description:
    'fields the IOC does not read, with how many records carried them: SoDienThoai; DanhSachHoSoBoSung/NoiDungBoSung for a field of a list item; /name for one beside data in the envelope',
});

export const SyncResult = Type.Object({
  service: Type.String(),
  received: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer({ description: 'records identical to what is stored: syncing twice changes nothing' }),
  /** Processing steps whose dossier has not arrived yet: kept, and applied when it does. */
  pending: Type.Integer(),
  refused: Type.Array(SyncProblem),
  ignoredFields: Type.Optional(IgnoredFields),
});
export type SyncResult = Static<typeof SyncResult>;

/** The portal's own answer fields (its names): "0" for success, so that senders written for the portal see it. */
export const PortalSyncAnswer = Type.Object({
  ...SyncResult.properties,
  ignoredFields: IgnoredFields,
  error_code: Type.Literal('0', { description: 'as the national portal answers a sync that went through' }),
  message: Type.String({ description: 'the counts in one sentence' }),
});
export type PortalSyncAnswer = Static<typeof PortalSyncAnswer>;

/** An error of the sync route: the usual error body, and the portal's error_code and message beside it. */
export const PortalSyncError = Type.Object({
  ...ErrorResponse.properties,
  error_code: Type.String({ description: 'non-zero ("-1"): the portal\'s way of saying the sync failed' }),
  message: Type.String({ description: 'error.message again, where a portal sender reads it' }),
});
export type PortalSyncError = Static<typeof PortalSyncError>;

export const CalendarDay = Type.Object({
  date: Type.String({ description: 'YYYY-MM-DD' }),
  kind: Type.Union([Type.Literal('holiday'), Type.Literal('working')], {
    description: 'holiday: a day off on a weekday; working: a weekend day made a working day',
  }),
  name: Type.String(),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const SaveCalendarDayBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('holiday'), Type.Literal('working')]),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type SaveCalendarDayBody = Static<typeof SaveCalendarDayBody>;

export const CalendarQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
export type CalendarQuery = Static<typeof CalendarQuery>;

export const CalendarDateParams = Type.Object({ date: LocalDate });
export type CalendarDateParams = Static<typeof CalendarDateParams>;

const httpUrl = (description: string) =>
  Type.String({ pattern: '^https?://[^\\s/?#]+[^\\s]*$', maxLength: 2000, description });
const ConnectorServiceName = Type.String({
  pattern: '^[A-Za-z0-9_.-]{1,100}$',
  description: 'called as GET {baseUrl}/{service}?tuNgay=&denNgay=, e.g. DongBoHoSoMC',
});
const NullableText = Type.Union([Type.String(), Type.Null()]);
const NullableCount = Type.Union([Type.Integer(), Type.Null()]);

export const ConnectorCodeParams = Type.Object({
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$', description: 'e.g. hatinh-motcua' }),
});
export type ConnectorCodeParams = Static<typeof ConnectorCodeParams>;

/** A pull connector to a provincial one-stop system. Omitted optional fields keep their stored value on update. */
export const SaveConnectorBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    tokenUrl: httpUrl('http(s) URL: POST grant_type=client_credentials, client_id, client_secret as a form'),
    baseUrl: httpUrl('http(s) URL under which the services are called'),
    clientId: Type.String({ minLength: 1, maxLength: 500 }),
    clientSecret: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        description: 'required for a new connector; omitted on update = keep the stored one. Never returned',
      }),
    ),
    services: Type.Array(ConnectorServiceName, { minItems: 1, maxItems: 20, uniqueItems: true }),
    intervalSeconds: Type.Integer({ minimum: 30, maximum: 86_400, description: 'a run every so many seconds' }),
    overlapSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 86_400,
        description: 're-read this much before the cursor, for records written late (default 300)',
      }),
    ),
    pageSize: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 10_000 }), Type.Null()], {
        description: 'null (default): one request per service; N: ?page=1,2,… until a page has fewer than N records',
      }),
    ),
    enabled: Type.Optional(Type.Boolean({ description: 'run on schedule (default true)' })),
    cursor: Type.Optional(
      Type.Union([isoDateTime(), Type.Null()], {
        description: 'read from this instant at the next run (to fetch history again); null = the last 30 days',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SaveConnectorBody = Static<typeof SaveConnectorBody>;

export const Connector = Type.Object({
  code: Type.String(),
  name: Type.String(),
  tokenUrl: Type.String(),
  baseUrl: Type.String(),
  clientId: Type.String(),
  hasSecret: Type.Boolean({ description: 'the secret itself is never returned' }),
  services: Type.Array(Type.String()),
  intervalSeconds: Type.Integer(),
  overlapSeconds: Type.Integer(),
  pageSize: NullableCount,
  enabled: Type.Boolean(),
  health: Type.Union([Type.Literal('not_run'), Type.Literal('ok'), Type.Literal('failing')], {
    description: 'failing: the latest run ended in an error',
  }),
  running: Type.Boolean(),
  cursor: Type.Union([Type.String(), Type.Null()], { description: 'everything up to this instant has been read' }),
  lagSeconds: Type.Union([Type.Integer(), Type.Null()], { description: 'now − cursor' }),
  lastRunAt: NullableText,
  lastSuccessAt: NullableText,
  lastError: NullableText,
  lastErrorAt: NullableText,
  lastCount: Type.Union([Type.Integer(), Type.Null()], {
    description: 'records accepted by the last successful run (new, changed or already identical)',
  }),
  lastRefused: Type.Union([Type.Integer(), Type.Null()], { description: 'invalid records refused by the last run' }),
  updatedAt: Type.String(),
});
export type Connector = Static<typeof Connector>;

export const ConnectorServiceRun = Type.Object({
  service: Type.String(),
  pages: Type.Integer(),
  received: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  pending: Type.Integer(),
  refused: Type.Integer(),
  problems: Type.Array(SyncProblem, { description: 'the first 100 refused records, per page' }),
  error: NullableText,
});
export type ConnectorServiceRun = Static<typeof ConnectorServiceRun>;

export const ConnectorRun = Type.Object({
  code: Type.String(),
  ok: Type.Boolean({ description: 'every service answered; only then does the cursor advance' }),
  startedAt: Type.String(),
  finishedAt: Type.String(),
  from: Type.String({ description: 'the window read: [from, to)' }),
  to: Type.String(),
  cursor: NullableText,
  count: Type.Integer({ description: 'records accepted' }),
  refused: Type.Integer(),
  error: NullableText,
  services: Type.Array(ConnectorServiceRun),
});
export type ConnectorRun = Static<typeof ConnectorRun>;

/** A catalogue code as the national portal writes it: TTHC codes such as 1.004227.000.00.00.H28, field codes. */
const CatalogueItemCode = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$',
  description: 'letters, digits, . _ - (e.g. 1.004227.000.00.00.H28)',
});
const ProcedureLevel = Type.Union([Type.Literal('province'), Type.Literal('commune')], {
  description: 'the tier that handles it: a provincial department, or every commune',
});
const OnlineLevel = Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('none')], {
  description: 'full: online end to end (toàn trình); partial: partly online (một phần); none',
});

export const CatalogueCodeParams = Type.Object({ code: CatalogueItemCode });
export type CatalogueCodeParams = Static<typeof CatalogueCodeParams>;

export const ProcedureField = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
});
export type ProcedureField = Static<typeof ProcedureField>;

export const SaveProcedureFieldBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500 }),
    nameEn: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type SaveProcedureFieldBody = Static<typeof SaveProcedureFieldBody>;

export const Procedure = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fieldCode: Type.String(),
  fieldName: Type.String(),
  level: ProcedureLevel,
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  onlineLevel: OnlineLevel,
  onlinePayment: Type.Boolean({ description: 'fees can be paid online' }),
  deadlineDays: Type.Union([Type.Integer(), Type.Null()], { description: 'working days' }),
  feeVnd: Type.Union([Type.Integer(), Type.Null()]),
  updatedAt: Type.String(),
});
export type Procedure = Static<typeof Procedure>;

export const SaveProcedureBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 1000 }),
    fieldCode: CatalogueItemCode,
    level: ProcedureLevel,
    agencyCode: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], {
        description: 'the provincial department that handles it; none for commune-level procedures',
      }),
    ),
    onlineLevel: OnlineLevel,
    onlinePayment: Type.Optional(Type.Boolean({ default: false })),
    deadlineDays: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 3650 }), Type.Null()])),
    feeVnd: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 2_000_000_000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type SaveProcedureBody = Static<typeof SaveProcedureBody>;

export const ProcedureListQuery = Type.Object({
  field: Type.Optional(Type.String({ maxLength: 100 })),
  agency: Type.Optional(Type.String({ maxLength: 100 })),
  level: Type.Optional(ProcedureLevel),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the code or name, any case or accents' })),
});
export type ProcedureListQuery = Static<typeof ProcedureListQuery>;

export const ProcedureImportQuery = Type.Object({
  mode: Type.Optional(
    Type.Union([Type.Literal('all'), Type.Literal('valid')], {
      description: 'all (default): any bad row stores nothing; valid: store the good rows, report the bad',
    }),
  ),
});
export type ProcedureImportQuery = Static<typeof ProcedureImportQuery>;

export const ProcedureImportProblem = Type.Object({
  row: Type.Integer({ description: 'CSV row number, the header being row 1' }),
  column: Type.Union([Type.String(), Type.Null()], { description: 'null for a problem with the whole row' }),
  rule: Type.String(),
  message: Type.String(),
});
export type ProcedureImportProblem = Static<typeof ProcedureImportProblem>;

export const ProcedureImportResult = Type.Object({
  applied: Type.Boolean(),
  rows: Type.Integer({ description: 'data rows read' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  fieldsCreated: Type.Array(Type.String()),
  refused: Type.Array(ProcedureImportProblem),
});
export type ProcedureImportResult = Static<typeof ProcedureImportResult>;

const FeedbackKind = Type.Union([Type.Literal('feedback'), Type.Literal('petition')], {
  description: 'feedback (phản ánh) or petition (kiến nghị)',
});
const FeedbackStatus = Type.Union([
  Type.Literal('received'),
  Type.Literal('in_progress'),
  Type.Literal('answered'),
  Type.Literal('rejected'),
]);
const FeedbackSatisfaction = Type.Union([
  Type.Literal('satisfied'),
  Type.Literal('neutral'),
  Type.Literal('unsatisfied'),
]);
const FeedbackCode = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$',
  description: 'e.g. PAKN-2025-000123',
});
const FeedbackUnit = Type.String({ pattern: '^[0-9]{2,6}$', description: 'GSO code of the unit it concerns' });

export const FeedbackCodeParams = Type.Object({ code: FeedbackCode });
export type FeedbackCodeParams = Static<typeof FeedbackCodeParams>;

export const CreateFeedbackBody = Type.Object(
  {
    code: Type.Optional(FeedbackCode),
    kind: FeedbackKind,
    subject: Type.String({ minLength: 1, maxLength: 500 }),
    content: Type.String({ minLength: 1, maxLength: 20_000 }),
    dossierCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    procedureCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    agencyCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    unit: Type.Optional(FeedbackUnit),
    channel: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, description: 'e.g. portal, hotline, in person' }),
    ),
    receivedAt: Type.Optional(isoDateTime('default: now')),
    dueAt: Type.Optional(isoDateTime('default: 15 working days after receipt')),
    inRemit: Type.Optional(Type.Boolean({ description: "the province's to handle; default true" })),
  },
  { additionalProperties: false },
);
export type CreateFeedbackBody = Static<typeof CreateFeedbackBody>;

export const Feedback = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  kind: FeedbackKind,
  subject: Type.String(),
  content: Type.String(),
  dossierCode: Type.Union([Type.String(), Type.Null()]),
  procedureCode: Type.Union([Type.String(), Type.Null()]),
  agencyCode: Type.Union([Type.String(), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  channel: Type.Union([Type.String(), Type.Null()]),
  receivedAt: Type.String(),
  dueAt: Type.String(),
  inRemit: Type.Boolean(),
  status: FeedbackStatus,
  answeredAt: Type.Union([Type.String(), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  satisfaction: Type.Union([FeedbackSatisfaction, Type.Null()]),
  overdue: Type.Boolean({ description: 'in remit and answered after its deadline, or still open past it' }),
  createdBy: Type.String(),
  updatedAt: Type.String(),
});
export type Feedback = Static<typeof Feedback>;

export const FeedbackListQuery = Type.Object({
  status: Type.Optional(FeedbackStatus),
  agency: Type.Optional(Type.String({ maxLength: 100 })),
  unit: Type.Optional(FeedbackUnit),
  from: Type.Optional(isoDateTime('received at or after')),
  to: Type.Optional(isoDateTime('received before')),
  overdue: Type.Optional(Type.Boolean({ description: 'true: in remit, still open and past its deadline now' })),
  beforeId: Type.Optional(RowId()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type FeedbackListQuery = Static<typeof FeedbackListQuery>;

export const FeedbackPage = Type.Object({
  items: Type.Array(Feedback),
  nextBeforeId: Type.Union([Type.Integer(), Type.Null()]),
});
export type FeedbackPage = Static<typeof FeedbackPage>;

export const AnswerFeedbackBody = Type.Object(
  { answer: Type.String({ minLength: 1, maxLength: 20_000 }) },
  { additionalProperties: false },
);
export type AnswerFeedbackBody = Static<typeof AnswerFeedbackBody>;

export const RateFeedbackBody = Type.Object({ satisfaction: FeedbackSatisfaction }, { additionalProperties: false });
export type RateFeedbackBody = Static<typeof RateFeedbackBody>;

export const FeedbackStatusBody = Type.Object(
  {
    status: Type.Union([Type.Literal('in_progress'), Type.Literal('rejected')], {
      description: "rejected: not the province's to handle (leaves the on-time and satisfaction figures)",
    }),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000, description: 'required to reject' })),
  },
  { additionalProperties: false },
);
export type FeedbackStatusBody = Static<typeof FeedbackStatusBody>;

export const FeedbackFiguresQuery = Type.Object({
  period: periodId('period id: 2025, 2025Q1, 202503, 2025W10, 20250314 (local time, UTC+7)'),
  unit: Type.Optional(FeedbackUnit),
});
export type FeedbackFiguresQuery = Static<typeof FeedbackFiguresQuery>;

const FeedbackRate = Type.Union([Type.Number(), Type.Null()], {
  description: 'percentage 0–100; null when there is nothing to divide by',
});
export const FeedbackFigures = Type.Object({
  period: Type.String(),
  unit: Type.String(),
  from: Type.String(),
  to: Type.String({ description: 'end of the period, or now for a period not over yet' }),
  received: Type.Integer({ description: 'received in the period, in remit or not' }),
  receivedOutOfRemit: Type.Integer(),
  answered: Type.Integer({ description: 'in remit, answered in the period, whatever their deadline' }),
  due: Type.Integer({ description: 'in remit, judged in the period: answered on time in it, or past due in it' }),
  answeredOnTime: Type.Integer(),
  overdue: Type.Integer(),
  unsatisfied: Type.Integer(),
  unsatisfiedOrOverdue: Type.Integer(),
  open: Type.Integer({ description: 'in remit, received and not answered by the end, not yet due' }),
  paknOnTime: FeedbackRate,
  paknSatisfaction: FeedbackRate,
});
export type FeedbackFigures = Static<typeof FeedbackFigures>;
