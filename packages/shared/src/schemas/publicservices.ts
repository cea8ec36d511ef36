import { type Static, Type } from 'typebox';

/** `yyyyMMddHHmmss` in Vietnam's time (UTC+7), as the national portal sends dates. */
export const PortalDate = Type.String({ pattern: '^[0-9]{14}$', description: 'yyyyMMddHHmmss, UTC+7' });
const Flag = Type.Union([Type.Literal(0), Type.Literal(1), Type.Boolean()]);
const Status = Type.Integer({
  minimum: 1,
  maximum: 10,
  description: '1 submitted … 10 result returned (TrangThaiHoSo)',
});

/** A dossier as the portal's DongBoHoSoMC service syncs it; fields the IOC does not use are accepted and ignored. */
export const PortalDossier = Type.Object({
  MaHoSo: Type.String({ minLength: 1, maxLength: 100 }),
  MaTTHC: Type.String({ minLength: 1, maxLength: 100 }),
  TenTTHC: Type.Optional(Type.String({ maxLength: 1000 })),
  MaLinhVuc: Type.Optional(Type.String({ maxLength: 100 })),
  TenLinhVuc: Type.Optional(Type.String({ maxLength: 500 })),
  KenhThucHien: Type.Optional(Type.Integer({ minimum: 1, maximum: 3, description: '1 in person, 2 online, 3 postal' })),
  ChuHoSo: Type.Optional(Type.String({ maxLength: 500 })),
  LoaiDoiTuong: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 4, description: '1 citizen, 2 enterprise, 3 agency, 4 other' }),
  ),
  TrichYeuHoSo: Type.Optional(Type.String({ maxLength: 2000 })),
  NgayNopHoSo: Type.Optional(PortalDate),
  NgayTiepNhan: PortalDate,
  NgayHenTra: Type.Optional(PortalDate),
  TrangThaiHoSo: Status,
  NgayTra: Type.Optional(Type.Union([PortalDate, Type.Null()])),
  NgayKetThucXuLy: Type.Optional(Type.Union([PortalDate, Type.Null()])),
  DonViXuLy: Type.String({ minLength: 1, maxLength: 500 }),
  HinhThuc: Type.Optional(Type.Union([Type.Integer(), Type.String({ maxLength: 100 })])),
  DuocThanhToanTrucTuyen: Type.Optional(Flag),
  HoSoCoThanhPhanSoHoa: Type.Optional(Flag),
  DanhSachHoSoBoSung: Type.Optional(
    Type.Array(
      Type.Object({
        NgayYeuCauBoSung: PortalDate,
        NgayBoSung: Type.Optional(Type.Union([PortalDate, Type.Null()])),
        LyDo: Type.Optional(Type.String({ maxLength: 2000 })),
      }),
      { maxItems: 50 },
    ),
  ),
});
export type PortalDossier = Static<typeof PortalDossier>;

/** One processing step as the portal's CapNhatTienDoHoSoMC service sends it (QuaTrinhXuLy). */
export const PortalProgress = Type.Object({
  MaHoSo: Type.String({ minLength: 1, maxLength: 100 }),
  ThoiDiemXuLy: PortalDate,
  TrangThai: Status,
  NguoiXuLy: Type.Optional(Type.String({ maxLength: 500 })),
  ChucDanh: Type.Optional(Type.String({ maxLength: 500 })),
  PhongBanXuLy: Type.Optional(Type.String({ maxLength: 500 })),
  NoiDungXuLy: Type.Optional(Type.String({ maxLength: 4000 })),
  NgayBatDau: Type.Optional(Type.Union([PortalDate, Type.Null()])),
  NgayKetThucTheoQuyDinh: Type.Optional(Type.Union([PortalDate, Type.Null()])),
});
export type PortalProgress = Static<typeof PortalProgress>;

export const SyncEnvelope = Type.Object(
  {
    service: Type.Union([Type.Literal('DongBoHoSoMC'), Type.Literal('CapNhatTienDoHoSoMC')]),
    data: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
      minItems: 1,
      maxItems: 10_000,
      description: 'dossiers (DongBoHoSoMC) or processing steps (CapNhatTienDoHoSoMC); each is checked on its own',
    }),
  },
  { additionalProperties: false },
);
export type SyncEnvelope = Static<typeof SyncEnvelope>;

export const SyncQuery = Type.Object({
  mode: Type.Optional(
    Type.Union([Type.Literal('all'), Type.Literal('valid')], {
      description: 'all (default): any invalid record applies nothing; valid: apply the valid records, report the rest',
    }),
  ),
});
export type SyncQuery = Static<typeof SyncQuery>;

export const SyncProblem = Type.Object({
  index: Type.Integer({ description: 'position of the record in data' }),
  code: Type.Union([Type.String(), Type.Null()], { description: 'its MaHoSo, when readable' }),
  field: Type.String(),
  rule: Type.String(),
  message: Type.String(),
});
export type SyncProblem = Static<typeof SyncProblem>;

export const SyncResult = Type.Object({
  service: Type.String(),
  received: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer({ description: 'records identical to what is stored: syncing twice changes nothing' }),
  /** Processing steps whose dossier has not arrived yet: kept, and applied when it does. */
  pending: Type.Integer(),
  refused: Type.Array(SyncProblem),
});
export type SyncResult = Static<typeof SyncResult>;

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

export const CalendarDateParams = Type.Object({ date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }) });
export type CalendarDateParams = Static<typeof CalendarDateParams>;
