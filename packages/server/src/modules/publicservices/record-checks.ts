import { PortalDossier, PortalProgress, type SyncProblem } from '@ioc/shared';
import Ajv, { type ErrorObject } from 'ajv';
import { parsePortalDate } from './portal-date.ts';

// Records are checked one by one (not as one body) so a bad record is named and the others can still be applied.
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
const checkDossier = ajv.compile(PortalDossier);
const checkProgress = ajv.compile(PortalProgress);

const DOSSIER_DATES = ['NgayNopHoSo', 'NgayTiepNhan', 'NgayHenTra', 'NgayTra', 'NgayKetThucXuLy'] as const;
const PROGRESS_DATES = ['ThoiDiemXuLy', 'NgayBatDau', 'NgayKetThucTheoQuyDinh'] as const;

function fieldOf(error: ErrorObject): string {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  return missing ? `${error.instancePath}/${missing}` : error.instancePath || '/';
}

function codeOf(record: Record<string, unknown>): string | null {
  return typeof record.MaHoSo === 'string' ? record.MaHoSo : null;
}

/** Schema problems, then dates that match the pattern but are not real (30 February, 25 o'clock). */
function problemsOf(
  record: Record<string, unknown>,
  index: number,
  check: typeof checkDossier | typeof checkProgress,
  dates: readonly string[],
): SyncProblem[] {
  const code = codeOf(record);
  if (!check(record)) {
    // One problem per field: a union failing reports every branch, which says the same thing several times.
    const byField = new Map<string, ErrorObject>();
    for (const error of check.errors ?? []) if (!byField.has(fieldOf(error))) byField.set(fieldOf(error), error);
    return [...byField.entries()].map(([field, error]) => ({
      index,
      code,
      field,
      rule: error.keyword,
      message: error.message ?? 'is invalid',
    }));
  }
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

export function dossierProblems(record: Record<string, unknown>, index: number): SyncProblem[] {
  return problemsOf(record, index, checkDossier, DOSSIER_DATES);
}

export function progressProblems(record: Record<string, unknown>, index: number): SyncProblem[] {
  return problemsOf(record, index, checkProgress, PROGRESS_DATES);
}
