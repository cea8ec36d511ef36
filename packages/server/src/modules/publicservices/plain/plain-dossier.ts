/**
 * Dossiers in plain JSON and CSV: English names and ISO dates for systems (and people) that do not speak the
 * portal's format. They are turned into portal records and go through the one sync, so every rule applies once.
 */
import { PlainDossier, type PlainDossier as PlainDossierType, type PortalDossier, type SyncProblem } from '@ioc/shared';
import Ajv, { type ErrorObject } from 'ajv';
import { formatPortalDate } from '../../calendar/local-time.ts';
import type { DossierRow } from '../dossiers.repo.ts';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
const checkPlain = ajv.compile(PlainDossier);

export const CHANNELS = { inPerson: 1, online: 2, postal: 3 } as const;
export const OWNER_KINDS = { citizen: 1, enterprise: 2, agency: 3, other: 4 } as const;
const INSTANT_FIELDS = ['submittedAt', 'receivedAt', 'dueAt', 'returnedAt', 'finishedAt'] as const;

/** The portal field each plain field becomes: a problem the sync finds is reported under the plain name. */
export const PORTAL_TO_PLAIN: Record<string, string> = {
  MaHoSo: 'code',
  MaTTHC: 'procedureCode',
  TenTTHC: 'procedureName',
  MaLinhVuc: 'fieldCode',
  TenLinhVuc: 'fieldName',
  DonViXuLy: 'agency',
  KenhThucHien: 'channel',
  ChuHoSo: 'owner',
  LoaiDoiTuong: 'ownerKind',
  TrichYeuHoSo: 'summary',
  NgayNopHoSo: 'submittedAt',
  NgayTiepNhan: 'receivedAt',
  NgayHenTra: 'dueAt',
  TrangThaiHoSo: 'status',
  NgayTra: 'returnedAt',
  NgayKetThucXuLy: 'finishedAt',
  DuocThanhToanTrucTuyen: 'paidOnline',
  HoSoCoThanhPhanSoHoa: 'digitised',
  DanhSachHoSoBoSung: 'supplements',
  NgayYeuCauBoSung: 'requestedAt',
  NgayBoSung: 'suppliedAt',
  LyDo: 'reason',
};

export function plainField(portalField: string): string {
  return portalField
    .split('/')
    .map((part) => PORTAL_TO_PLAIN[part] ?? part)
    .join('/');
}

/**
 * An ISO instant that names a real day: `Date.parse` rolls 30 February over into March, so the date written must
 * be the date it denotes in its own offset.
 */
export function instantOf(text: string): number | null {
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) return null;
  const offset = /(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  const offsetMs =
    !offset || offset[1] === 'Z'
      ? 0
      : (offset[2] === '-' ? -1 : 1) * (Number(offset[3]) * 60 + Number(offset[4])) * 60_000;
  return new Date(ms + offsetMs).toISOString().slice(0, 10) === text.slice(0, 10) ? ms : null;
}

function fieldOf(error: ErrorObject): string {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  const name = missing ?? extra;
  return name ? `${error.instancePath}/${name}` : error.instancePath || '/';
}

export type PlainCheck = { ok: true; record: PortalDossier } | { ok: false; problems: SyncProblem[] };

export function plainToPortal(value: Record<string, unknown>, index: number): PlainCheck {
  const code = typeof value.code === 'string' ? value.code : null;
  if (!checkPlain(value)) {
    const byField = new Map<string, ErrorObject>();
    for (const error of checkPlain.errors ?? []) if (!byField.has(fieldOf(error))) byField.set(fieldOf(error), error);
    return {
      ok: false,
      problems: [...byField.entries()].map(([field, error]) => ({
        index,
        code,
        field,
        rule: error.keyword,
        message: error.keyword === 'additionalProperties' ? 'is not a dossier field' : (error.message ?? 'is invalid'),
      })),
    };
  }
  const d = value as PlainDossierType;
  const problems: SyncProblem[] = [];
  const when = (text: string | undefined, field: string): string | undefined => {
    if (text === undefined) return undefined;
    const ms = instantOf(text);
    if (ms === null) {
      problems.push({ index, code, field, rule: 'format', message: `'${text}' is not a date and time` });
      return undefined;
    }
    return formatPortalDate(ms);
  };
  const dates = Object.fromEntries(INSTANT_FIELDS.map((f) => [f, when(d[f], `/${f}`)]));
  const supplements = d.supplements?.map((s, i) => ({
    NgayYeuCauBoSung: when(s.requestedAt, `/supplements/${i}/requestedAt`) ?? '',
    ...(s.suppliedAt ? { NgayBoSung: when(s.suppliedAt, `/supplements/${i}/suppliedAt`) } : {}),
    ...(s.reason ? { LyDo: s.reason } : {}),
  }));
  if (problems.length > 0) return { ok: false, problems };
  const record: PortalDossier = {
    MaHoSo: d.code,
    MaTTHC: d.procedureCode,
    DonViXuLy: d.agency,
    NgayTiepNhan: dates.receivedAt!,
    TrangThaiHoSo: d.status,
    ...(d.procedureName !== undefined && { TenTTHC: d.procedureName }),
    ...(d.fieldCode !== undefined && { MaLinhVuc: d.fieldCode }),
    ...(d.fieldName !== undefined && { TenLinhVuc: d.fieldName }),
    ...(d.channel !== undefined && { KenhThucHien: CHANNELS[d.channel] }),
    ...(d.owner !== undefined && { ChuHoSo: d.owner }),
    ...(d.ownerKind !== undefined && { LoaiDoiTuong: OWNER_KINDS[d.ownerKind] }),
    ...(d.summary !== undefined && { TrichYeuHoSo: d.summary }),
    ...(dates.submittedAt !== undefined && { NgayNopHoSo: dates.submittedAt }),
    ...(dates.dueAt !== undefined && { NgayHenTra: dates.dueAt }),
    ...(dates.returnedAt !== undefined && { NgayTra: dates.returnedAt }),
    ...(dates.finishedAt !== undefined && { NgayKetThucXuLy: dates.finishedAt }),
    ...(d.paidOnline !== undefined && { DuocThanhToanTrucTuyen: d.paidOnline ? 1 : 0 }),
    ...(d.digitised !== undefined && { HoSoCoThanhPhanSoHoa: d.digitised ? 1 : 0 }),
    ...(supplements && { DanhSachHoSoBoSung: supplements }),
  };
  return { ok: true, record };
}

/** ISO instant in Vietnam's time, as people read it: 2025-03-01T08:30:00+07:00. */
export function localInstant(iso: string | null): string | undefined {
  if (!iso) return undefined;
  return `${new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

const byValue = <K extends string>(map: Record<K, number>, value: number | null): K | undefined =>
  (Object.entries(map) as [K, number][]).find(([, v]) => v === value)?.[0];

/** A stored dossier as plain JSON (the status as it stands now, after the latest processing step). */
export function rowToPlain(row: DossierRow): PlainDossierType {
  const supplements = (
    JSON.parse(row.supplements) as { requestedAt: string | null; suppliedAt: string | null; reason: string | null }[]
  )
    .filter((s) => s.requestedAt)
    .map((s) => ({
      requestedAt: localInstant(s.requestedAt)!,
      ...(s.suppliedAt && { suppliedAt: localInstant(s.suppliedAt) }),
      ...(s.reason && { reason: s.reason }),
    }));
  const out: PlainDossierType = {
    code: row.code,
    procedureCode: row.procedure_code,
    ...(row.procedure_name !== null && { procedureName: row.procedure_name }),
    ...(row.field_code !== null && { fieldCode: row.field_code }),
    ...(row.field_name !== null && { fieldName: row.field_name }),
    agency: row.agency,
    ...(byValue(CHANNELS, row.channel) && { channel: byValue(CHANNELS, row.channel) }),
    ...(row.owner_name !== null && { owner: row.owner_name }),
    ...(byValue(OWNER_KINDS, row.owner_kind) && { ownerKind: byValue(OWNER_KINDS, row.owner_kind) }),
    ...(row.summary !== null && { summary: row.summary }),
    receivedAt: localInstant(row.received_at)!,
    status: row.status,
    paidOnline: row.paid_online === 1,
    digitised: row.digitised === 1,
  };
  for (const [field, value] of [
    ['submittedAt', row.submitted_at],
    ['dueAt', row.due_at],
    ['returnedAt', row.returned_at],
    ['finishedAt', row.finished_at],
  ] as const) {
    const local = localInstant(value);
    if (local) out[field] = local;
  }
  if (supplements.length > 0) out.supplements = supplements;
  return out;
}
