import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, DataSetReportTable, DataSetTable, ValidationRuleTable } from '../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type DataSetRow = Selectable<DataSetTable>;
export type ReportRow = Selectable<DataSetReportTable>;
export type ValidationRuleRow = Selectable<ValidationRuleTable>;

export interface DataSetWithMembers extends DataSetRow {
  elements: string[];
  units: string[];
}

export async function listDataSets(db: Executor): Promise<DataSetWithMembers[]> {
  const [sets, elements, units] = await Promise.all([
    db.selectFrom('data_sets').selectAll().orderBy('code').execute(),
    db.selectFrom('data_set_elements').selectAll().orderBy('position').execute(),
    db.selectFrom('data_set_units').selectAll().orderBy('unit_id').execute(),
  ]);
  return sets.map((set) => ({
    ...set,
    elements: elements.filter((e) => e.data_set_code === set.code).map((e) => e.element_code),
    units: units.filter((u) => u.data_set_code === set.code).map((u) => u.unit_id),
  }));
}

/** Replaces a data set with its elements (in order) and, when given, its reporting units. */
export async function saveDataSet(db: Executor, set: DataSetRow, elements: string[], units?: string[]): Promise<void> {
  const { code, created_at: _createdAt, ...changes } = set;
  await db
    .insertInto('data_sets')
    .values(set)
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
  await db.deleteFrom('data_set_elements').where('data_set_code', '=', code).execute();
  await db
    .insertInto('data_set_elements')
    .values(elements.map((element_code, position) => ({ data_set_code: code, element_code, position })))
    .execute();
  if (units) {
    await db.deleteFrom('data_set_units').where('data_set_code', '=', code).execute();
    for (let i = 0; i < units.length; i += 500) {
      const chunk = units.slice(i, i + 500).map((unit_id) => ({ data_set_code: code, unit_id }));
      if (chunk.length > 0) await db.insertInto('data_set_units').values(chunk).execute();
    }
  }
}

export async function reportsFor(
  db: Executor,
  dataSets: string[],
  periods: string[],
  units?: string[],
): Promise<ReportRow[]> {
  if (dataSets.length === 0 || periods.length === 0) return [];
  let query = db
    .selectFrom('data_set_reports')
    .selectAll()
    .where('data_set_code', 'in', dataSets)
    .where('period_id', 'in', periods);
  if (units) query = query.where('unit_id', 'in', units);
  return query.execute();
}

/** Records that a unit reported: the first time is kept (it decides timeliness), the last is updated. */
export async function recordReports(
  db: Executor,
  reports: { data_set_code: string; unit_id: string; period_id: string }[],
  at: string,
  by: string,
): Promise<void> {
  for (const report of reports) {
    await db
      .insertInto('data_set_reports')
      .values({ ...report, first_submitted_at: at, last_submitted_at: at, submitted_by: by })
      .onConflict((oc) =>
        oc.columns(['data_set_code', 'period_id', 'unit_id']).doUpdateSet({ last_submitted_at: at, submitted_by: by }),
      )
      .execute();
  }
}

export async function insertReports(db: Executor, reports: ReportRow[]): Promise<void> {
  for (let i = 0; i < reports.length; i += 500) {
    await db
      .insertInto('data_set_reports')
      .values(reports.slice(i, i + 500))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function listValidationRules(db: Executor): Promise<ValidationRuleRow[]> {
  return db.selectFrom('validation_rules').selectAll().orderBy('code').execute();
}

export async function saveValidationRule(db: Executor, rule: ValidationRuleRow): Promise<void> {
  const { code: _code, ...changes } = rule;
  await db
    .insertInto('validation_rules')
    .values(rule)
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
}
