import type { Agency, PortalDossier, PortalProgress, SyncEnvelope, SyncResult } from '@ioc/shared';
import type { Platform } from '../../platform.ts';
import type { AgencyService } from '../agencies/agencies.service.ts';
import { agencyMatcher } from '../agencies/agencies.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import * as repo from './dossiers.repo.ts';
import { figuresChanged } from './figures-version.ts';
import type { Calendar } from './metrics/clock.ts';
import { ENVELOPE_FIELDS } from './portal/envelope.ts';
import { parsePortalDate } from './portal-date.ts';
import { type CheckedRecord, checkDossier, checkProgress } from './record-checks.ts';
import { addDaily } from './summary/daily.repo.ts';
import { DailyChanges } from './summary/rollup.ts';

const date = (value: string | null | undefined) => (value ? parsePortalDate(value) : null);
const flag = (value: 0 | 1 | boolean | undefined) => (value === true || value === 1 ? 1 : 0);

/** What the IOC keeps of a record: the same again (whatever its key order or fields it does not read) changes nothing. */
const KEPT = [
  'procedure_code',
  'procedure_name',
  'field_code',
  'field_name',
  'agency',
  'agency_code',
  'unit_id',
  'channel',
  'owner_name',
  'owner_kind',
  'summary',
  'submitted_at',
  'received_at',
  'due_at',
  'returned_at',
  'finished_at',
  'record_status',
  'record_as_of',
  'paid_online',
  'digitised',
  'supplements',
] as const satisfies readonly (keyof repo.DossierRow)[];

const sameRecord = (stored: repo.DossierRow, next: repo.DossierRow) => KEPT.every((k) => stored[k] === next[k]);

/** The latest moment a dossier record speaks for (its status is as of then): ISO instants compare as text. */
function latestOf(...instants: (string | null)[]): string {
  let latest = '';
  for (const x of instants) if (x && x > latest) latest = x;
  return latest;
}

/** The stored row of a record. */
function toRow(d: PortalDossier, at: string, agency: Agency | null): repo.DossierRow {
  const submitted = date(d.NgayNopHoSo);
  const received = date(d.NgayTiepNhan);
  const returned = date(d.NgayTra);
  const finished = date(d.NgayKetThucXuLy);
  const asOf = latestOf(submitted, received, returned, finished);
  return {
    code: d.MaHoSo,
    procedure_code: d.MaTTHC,
    procedure_name: d.TenTTHC ?? null,
    field_code: d.MaLinhVuc ?? null,
    field_name: d.TenLinhVuc ?? null,
    agency: d.DonViXuLy,
    agency_code: agency?.code ?? null,
    unit_id: agency?.unitId ?? null,
    channel: d.KenhThucHien ?? null,
    owner_name: d.ChuHoSo ?? null,
    owner_kind: d.LoaiDoiTuong ?? null,
    summary: d.TrichYeuHoSo ?? null,
    submitted_at: submitted,
    received_at: received,
    due_at: date(d.NgayHenTra),
    returned_at: returned,
    finished_at: finished,
    record_status: d.TrangThaiHoSo,
    record_as_of: asOf,
    status: d.TrangThaiHoSo,
    status_at: asOf,
    paid_online: flag(d.DuocThanhToanTrucTuyen),
    digitised: flag(d.HoSoCoThanhPhanSoHoa),
    supplements: JSON.stringify(
      (d.DanhSachHoSoBoSung ?? []).map((s) => ({
        requestedAt: date(s.NgayYeuCauBoSung),
        suppliedAt: date(s.NgayBoSung),
        reason: s.LyDo ?? null,
      })),
    ),
    synced_at: at,
    ended_at: null,
  };
}

/** Names reported one by one; a batch with more distinct names (a sender keying fields by id?) sums the rest. */
const IGNORED_NAMES_SHOWN = 200;
const OTHER_NAMES = '(other fields)';
/** Names remembered as logged; past that, new names are still counted in the answer, only not logged. */
const LOGGED_NAMES_KEPT = 1000;

/** Field names not read, and how many records (or envelopes, as `/name`) carried each. */
function ignoredFieldsOf(envelope: SyncEnvelope, checked: readonly CheckedRecord<unknown>[]): Record<string, number> {
  const counts = new Map<string, number>();
  const count = (name: string) => {
    const key = counts.has(name) || counts.size < IGNORED_NAMES_SHOWN ? name : OTHER_NAMES;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const name of Object.keys(envelope)) if (!ENVELOPE_FIELDS.has(name)) count(`/${name}`);
  for (const { ignored } of checked) for (const name of ignored) count(name);
  return Object.fromEntries(counts);
}

/**
 * Dossier sync in the national portal's format. Idempotent by MaHoSo (an identical record changes nothing);
 * a processing step is kept even before its dossier arrives, and a dossier's status is that of the latest event by
 * the time it happened, whatever order the records came in. mode 'all' applies nothing if any record is invalid.
 * Records are read as real senders write them (see record-checks.ts); fields not read are counted, never refused.
 */
export class DossierSyncService {
  private readonly loggedIgnored = new Set<string>();

  constructor(
    private readonly platform: Platform,
    private readonly agencies: AgencyService,
    /** The working-day calendar in force: how a finished dossier's timing is judged for the daily counts. */
    private readonly calendar: () => Promise<Calendar>,
  ) {}

  async sync(actor: Actor, envelope: SyncEnvelope, mode: 'all' | 'valid'): Promise<SyncResult> {
    const dossiers = envelope.service === 'DongBoHoSoMC';
    const checked: CheckedRecord<PortalDossier | PortalProgress>[] = envelope.data.map((record, index) =>
      dossiers ? checkDossier(record, index, envelope.MaDinhDanhDV) : checkProgress(record, index),
    );
    const problems = checked.flatMap((c) => c.problems);
    const valid = checked.flatMap((c) => (c.record ? [c.record] : []));
    const ignoredFields = ignoredFieldsOf(envelope, checked);
    this.logIgnored(envelope.service, ignoredFields);
    const result: SyncResult = {
      service: envelope.service,
      received: envelope.data.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      pending: 0,
      refused: problems,
      ignoredFields,
    };
    if ((problems.length > 0 && mode === 'all') || valid.length === 0) return result;

    const { db, now } = this.platform;
    const at = now().toISOString();
    const changed: repo.DossierRow[] = [];
    const daily = new DailyChanges(await this.calendar());
    const synced = await auditedWrite(
      db,
      actor,
      { action: `publicservices.sync.${envelope.service}`, entityType: 'ps_dossier', entityId: null },
      async (trx) => {
        await figuresChanged(trx, this.platform.now().toISOString());
        if (dossiers) await this.applyDossiers(trx, valid as PortalDossier[], at, result, changed, daily);
        else await this.applyProgress(trx, valid as PortalProgress[], at, result, changed, daily);
        await addDaily(trx, daily.list());
        const { refused: _refused, ...counts } = result;
        return { before: null, after: { ...counts, refused: problems.length }, result };
      },
      now,
    );
    await this.announce(changed);
    return synced;
  }

  /** Names a sender's fields the IOC does not read the first time they come, so an operator can see them. */
  private logIgnored(service: string, ignoredFields: Record<string, number>): void {
    const fresh = Object.keys(ignoredFields).filter((name) => !this.loggedIgnored.has(name));
    if (fresh.length === 0) return;
    this.platform.log.info({ service, fields: fresh }, 'dossier sync: fields not read (counted in ignoredFields)');
    for (const name of fresh) if (this.loggedIgnored.size < LOGGED_NAMES_KEPT) this.loggedIgnored.add(name);
  }

  /** Live ticker: one event per dossier that arrived or changed status, at most 100 per batch. */
  private async announce(changed: readonly repo.DossierRow[]): Promise<void> {
    if (changed.length === 0) return;
    // The IOC's name of the agency, as the ticker's first lines (GET /ticker) give it.
    const names = new Map((await this.agencies.list()).map((a) => [a.code, a.name]));
    for (const d of changed.slice(0, 100)) {
      await this.platform.bus.publish(
        'dossier.synced',
        {
          code: d.code,
          procedure: d.procedure_name,
          agency: d.agency_code ?? d.agency,
          agencyName: (d.agency_code && names.get(d.agency_code)) || d.agency,
          status: d.status,
          at: d.status_at,
          unit: d.unit_id,
        },
        d.unit_id,
      );
    }
  }

  private async applyDossiers(
    trx: Parameters<typeof repo.findDossiers>[0],
    records: PortalDossier[],
    at: string,
    result: SyncResult,
    changed: repo.DossierRow[],
    daily: DailyChanges,
  ) {
    // The last of several records for one dossier in a batch wins, as if they had come one after another.
    const byCode = new Map(records.map((r) => [r.MaHoSo, r]));
    const codes = [...byCode.keys()];
    const [stored, steps, agencies] = await Promise.all([
      repo.findDossiers(trx, codes),
      repo.latestSteps(trx, codes),
      this.agencies.list(trx),
    ]);
    const agencyOf = agencyMatcher(agencies);
    const rows: repo.DossierRow[] = [];
    for (const record of byCode.values()) {
      const row = toRow(record, at, agencyOf(record.DonViXuLy));
      const before = stored.get(record.MaHoSo);
      if (before && sameRecord(before, row)) {
        result.unchanged++;
        continue;
      }
      const step = steps.get(record.MaHoSo);
      if (step && step.step_at > row.record_as_of) {
        row.status = step.status;
        row.status_at = step.step_at;
      }
      row.ended_at = daily.change(before, row);
      rows.push(row);
      if (!before || before.status !== row.status) changed.push(row);
      if (before) result.updated++;
      else result.created++;
    }
    await repo.upsertDossiers(trx, rows);
  }

  private async applyProgress(
    trx: Parameters<typeof repo.findDossiers>[0],
    records: PortalProgress[],
    at: string,
    result: SyncResult,
    changed: repo.DossierRow[],
    daily: DailyChanges,
  ) {
    const steps = records.map((p) => ({
      dossier_code: p.MaHoSo,
      step_at: parsePortalDate(p.ThoiDiemXuLy)!,
      status: p.TrangThai,
      handler: p.NguoiXuLy ?? null,
      title: p.ChucDanh ?? null,
      department: p.PhongBanXuLy ?? null,
      content: p.NoiDungXuLy ?? null,
      started_at: date(p.NgayBatDau),
      due_at: date(p.NgayKetThucTheoQuyDinh),
      synced_at: at,
    }));
    const inserted = await repo.insertProgress(trx, steps);
    result.unchanged = steps.length - inserted;
    result.created = inserted;
    const codes = [...new Set(steps.map((s) => s.dossier_code))];
    const [stored, latest] = await Promise.all([repo.findDossiers(trx, codes), repo.latestSteps(trx, codes)]);
    for (const code of codes) {
      const dossier = stored.get(code);
      if (!dossier) {
        result.pending += steps.filter((s) => s.dossier_code === code).length;
        continue;
      }
      const step = latest.get(code)!;
      // A step older than what the dossier already says (it came late) does not turn the status back.
      if (step.step_at > dossier.status_at && (step.status !== dossier.status || step.step_at !== dossier.status_at)) {
        const after = { ...dossier, status: step.status, status_at: step.step_at };
        after.ended_at = daily.change(dossier, after);
        await repo.setStatus(trx, code, after);
        changed.push(after);
        result.updated++;
      }
    }
  }
}
