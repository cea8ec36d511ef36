import { PortalDossier, PortalProgress, type SyncProblem } from '@ioc/shared';
import Ajv, { type ErrorObject } from 'ajv';
import { DOSSIER_FIELDS, PROGRESS_FIELDS } from './portal/fields.ts';
import { normalise } from './portal/normalise.ts';
import { parsePortalDate } from './portal-date.ts';

/**
 * String limits (`maxLength`) are taken out of the compiled schemas and checked on `.length`: Ajv counts code points
 * by scanning every string, a tenth of a million-record sync. `.length` (UTF-16 units) is never below the code-point
 * count, so a string it passes is within the limit; one it refuses is counted properly before it is refused.
 */
type Limits = Map<string, number | Limits>;

function withoutLimits(schema: unknown, limits: Limits): unknown {
  if (!schema || typeof schema !== 'object') return schema;
  const node = { ...(schema as Record<string, unknown>) };
  const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
  if (properties) {
    node.properties = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => {
        const inner: Limits = new Map();
        const stripped = stripLength(property, inner) as Record<string, unknown>;
        const max = maxOf(property);
        if (max !== null) limits.set(name, max);
        else if (inner.size > 0) limits.set(name, inner);
        return [name, stripped];
      }),
    );
  }
  return node;
}

function maxOf(property: Record<string, unknown>): number | null {
  if (typeof property.maxLength === 'number') return property.maxLength;
  const options = property.anyOf as Record<string, unknown>[] | undefined;
  const found = options?.map((o) => o.maxLength).find((m) => typeof m === 'number');
  return typeof found === 'number' ? found : null;
}

function stripLength(property: Record<string, unknown>, inner: Limits): unknown {
  const { maxLength: _maxLength, ...rest } = property;
  if (Array.isArray(rest.anyOf)) rest.anyOf = rest.anyOf.map((o) => stripLength(o as Record<string, unknown>, inner));
  if (rest.items) rest.items = withoutLimits(rest.items, inner);
  return rest;
}

function lengthProblems(value: unknown, limits: Limits, path: string, out: [string, number][]): void {
  if (!value || typeof value !== 'object') return;
  for (const [name, limit] of limits) {
    const v = (value as Record<string, unknown>)[name];
    if (typeof limit === 'number') {
      if (typeof v === 'string' && v.length > limit && [...v].length > limit) out.push([`${path}/${name}`, limit]);
    } else if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) lengthProblems(item, limit, `${path}/${name}/${i}`, out);
    }
  }
}

// Records are checked one by one (not as one body) so a bad record is named and the others can still be applied.
// Ajv does not coerce: it would read true as 1 and null as 0; portal/normalise.ts reads only what is unambiguous.
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
const dossierLimits: Limits = new Map();
const progressLimits: Limits = new Map();
const dossierSchema = ajv.compile(withoutLimits(PortalDossier, dossierLimits) as object);
const progressSchema = ajv.compile(withoutLimits(PortalProgress, progressLimits) as object);

const DOSSIER_DATES = ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayTra', 'NgayKetThucXuLy'] as const;
const PROGRESS_DATES = ['ThoiDiemXuLy', 'NgayBatDau', 'NgayKetThucTheoQuyDinh'] as const;

function fieldOf(error: ErrorObject): string {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return missing ? `${error.instancePath}/${missing}` : error.instancePath || '/';
}

function codeOf(record: Record<string, unknown>): string | null {
  return typeof record.MaHoSo === 'string' ? record.MaHoSo : null;
}

/** A record as the checks read it: valid (and normalised), or refused with its problems; and the fields not read. */
export interface CheckedRecord<T> {
  record: T | null;
  problems: SyncProblem[];
  /** Names of the fields the IOC does not read (`List/Field` inside a list), once each. */
  ignored: ReadonlySet<string>;
}

/** Schema problems, then dates that match the pattern but are not real (30 February, 25 o'clock). */
function problemsOf(
  record: Record<string, unknown>,
  index: number,
  check: typeof dossierSchema | typeof progressSchema,
  dates: readonly string[],
  limits: Limits,
): SyncProblem[] {
  const code = codeOf(record);
  const tooLong: [string, number][] = [];
  lengthProblems(record, limits, '', tooLong);
  const lengths = tooLong.map(([field, limit]) => ({
    index,
    code,
    field,
    rule: 'maxLength',
    message: `must NOT have more than ${limit} characters`,
  }));
  if (!check(record)) {
    // One problem per field: a union failing reports every branch, which says the same thing several times.
    const byField = new Map<string, ErrorObject>();
    for (const error of check.errors ?? []) if (!byField.has(fieldOf(error))) byField.set(fieldOf(error), error);
    const schema = [...byField.entries()].map(([field, error]) => ({
      index,
      code,
      field,
      rule: error.keyword,
      message: error.message ?? 'is invalid',
    }));
    return [...schema, ...lengths.filter((l) => !byField.has(l.field))];
  }
  if (lengths.length > 0) return lengths;
  const problems: SyncProblem[] = [];
  for (const name of dates) {
    const value = record[name];
    if (typeof value === 'string' && parsePortalDate(value) === null) {
      problems.push({ index, code, field: `/${name}`, rule: 'format', message: `'${value}' is not a date and time` });
    }
  }
  const supplements = (record as { DanhSachHoSoBoSung?: { NgayYeuCauBoSung: string; NgayBoSung?: string | null }[] })
    .DanhSachHoSoBoSung;
  supplements?.forEach((s, i) => {
    for (const [name, value] of [
      ['NgayYeuCauBoSung', s.NgayYeuCauBoSung],
      ['NgayBoSung', s.NgayBoSung],
    ] as const) {
      if (typeof value === 'string' && parsePortalDate(value) === null) {
        problems.push({
          index,
          code,
          field: `/DanhSachHoSoBoSung/${i}/${name}`,
          rule: 'format',
          message: `'${value}' is not a date and time`,
        });
      }
    }
  });
  return problems;
}

/**
 * A dossier of a DongBoHoSoMC batch, read as the format is written (numbers as digits, "" for not given…) and
 * checked. `senderAgency`, the national id of the agency that sent the batch (MaDinhDanhDV), is the agency of a
 * dossier that names none.
 */
export function checkDossier(
  sent: Record<string, unknown>,
  index: number,
  senderAgency?: string,
): CheckedRecord<PortalDossier> {
  const ignored = new Set<string>();
  const record = normalise(sent, DOSSIER_FIELDS, ignored);
  if (senderAgency !== undefined && record.DonViXuLy === undefined) record.DonViXuLy = senderAgency;
  const problems = problemsOf(record, index, dossierSchema, DOSSIER_DATES, dossierLimits);
  return { record: problems.length === 0 ? (record as PortalDossier) : null, problems, ignored };
}

/** A processing step of a CapNhatTienDoHoSoMC batch, read and checked as a dossier is. */
export function checkProgress(sent: Record<string, unknown>, index: number): CheckedRecord<PortalProgress> {
  const ignored = new Set<string>();
  const record = normalise(sent, PROGRESS_FIELDS, ignored);
  const problems = problemsOf(record, index, progressSchema, PROGRESS_DATES, progressLimits);
  return { record: problems.length === 0 ? (record as PortalProgress) : null, problems, ignored };
}

export function dossierProblems(record: Record<string, unknown>, index: number): SyncProblem[] {
  return checkDossier(record, index).problems;
}

export function progressProblems(record: Record<string, unknown>, index: number): SyncProblem[] {
  return checkProgress(record, index).problems;
}
