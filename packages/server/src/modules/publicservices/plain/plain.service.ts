import type {
  PlainDossierBatch,
  PlainDossierList,
  PlainDossierQuery,
  PortalDossier,
  SyncProblem,
  SyncResult,
} from '@ioc/shared';
import type { Platform } from '../../../platform.ts';
import type { Actor } from '../../auth/actor.ts';
import { localMidnight } from '../../calendar/local-time.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { dossierUnits } from '../scope.ts';
import type { DossierSyncService } from '../sync.service.ts';
import { listDossiers } from './plain.repo.ts';
import { dossiersToCsv, readDossierCsv } from './plain-csv.ts';
import { plainField, plainToPortal, rowToPlain } from './plain-dossier.ts';

const byPosition = (problems: SyncProblem[]) =>
  problems.sort((a, b) => a.index - b.index || a.field.localeCompare(b.field));

/** Plain JSON and CSV in and out; what goes in becomes portal records and takes the one sync path. */
export class PlainDossierService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly sync: DossierSyncService,
  ) {}

  /** `label(i)`: how problem i's position is reported (the index in `dossiers`, or a spreadsheet row number). */
  private async apply(
    actor: Actor,
    values: readonly Record<string, unknown>[],
    label: (i: number) => number,
    mode: 'all' | 'valid',
    earlier: SyncProblem[] = [],
  ): Promise<SyncResult> {
    const problems = [...earlier];
    // A cell already refused (and so left out) is not reported again as missing.
    const reported = new Set(earlier.map((p) => `${p.index}${p.field}`));
    const records: PortalDossier[] = [];
    const positions: number[] = [];
    values.forEach((value, i) => {
      const checked = plainToPortal(value, label(i));
      if (checked.ok && !earlier.some((p) => p.index === label(i))) {
        records.push(checked.record);
        positions.push(label(i));
      } else if (!checked.ok) problems.push(...checked.problems.filter((p) => !reported.has(`${p.index}${p.field}`)));
    });
    const empty: SyncResult = {
      service: 'DongBoHoSoMC',
      received: values.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      pending: 0,
      refused: byPosition(problems),
    };
    if ((problems.length > 0 && mode === 'all') || records.length === 0) return empty;
    const result = await this.sync.sync(actor, { service: 'DongBoHoSoMC', data: records }, mode);
    const later = result.refused.map((p) => ({ ...p, index: positions[p.index]!, field: plainField(p.field) }));
    return { ...result, received: values.length, refused: byPosition([...problems, ...later]) };
  }

  submit(actor: Actor, batch: PlainDossierBatch, mode: 'all' | 'valid'): Promise<SyncResult> {
    return this.apply(actor, batch.dossiers, (i) => i, mode);
  }

  /** A CSV file: problems are reported by spreadsheet row (the header is row 1) and column. */
  async importCsv(actor: Actor, file: Buffer, mode: 'all' | 'valid'): Promise<SyncResult> {
    const read = readDossierCsv(file);
    if (!read.ok) return { ...this.nothing(0), refused: [read.problem] };
    if (read.rows.length === 0)
      return {
        ...this.nothing(0),
        refused: [{ index: 1, code: null, field: '/', rule: 'empty', message: 'the file has no dossier rows' }],
      };
    return this.apply(
      actor,
      read.rows.map((r) => r.value),
      (i) => read.rows[i]!.row,
      mode,
      read.problems,
    );
  }

  private nothing(received: number): SyncResult {
    return { service: 'DongBoHoSoMC', received, created: 0, updated: 0, unchanged: 0, pending: 0, refused: [] };
  }

  async list(actor: Actor, query: PlainDossierQuery): Promise<PlainDossierList> {
    const { units } = await dossierUnits(this.orgUnits, actor, query.unit, this.platform.config.rootUnit);
    const to = query.to ? new Date(Date.parse(localMidnight(query.to)) + 86_400_000).toISOString() : undefined;
    const { total, rows } = await listDossiers(
      this.platform.db,
      {
        units,
        ...(query.agency !== undefined && { agency: query.agency }),
        ...(query.status !== undefined && { status: query.status }),
        ...(query.from !== undefined && { from: localMidnight(query.from) }),
        ...(to !== undefined && { to }),
      },
      { limit: query.limit ?? (query.format === 'csv' ? 10_000 : 100), offset: query.offset ?? 0 },
    );
    return { total, dossiers: rows.map(rowToPlain) };
  }

  csv(list: PlainDossierList): string {
    return dossiersToCsv(list.dossiers);
  }
}
