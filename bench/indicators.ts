/**
 * Indicator figures (issue 3): import 1,000,000 values through the same path as the API (row checks, audit entry
 * per batch, anomaly scan), then query the 69-commune × 36-month view of a ratio indicator, warm.
 * Baselines in the same process: a raw repository insert of the same kind of rows (what the checks cost), and the
 * same view computed one cell at a time (what the batched read saves).
 */
import { PERMISSIONS, type Permission, parsePeriod } from '@ioc/shared';
import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import { systemActor } from '../packages/server/src/modules/auth/actor.ts';
import { saveDataElement, saveIndicator } from '../packages/server/src/modules/indicators/catalogue.repo.ts';
import { computeIndicators, loadCatalogue } from '../packages/server/src/modules/indicators/compute.ts';
import { upsertValues } from '../packages/server/src/modules/indicators/values.repo.ts';
import type { ValueService } from '../packages/server/src/modules/indicators/values.service.ts';
import type { IndicatorViewService } from '../packages/server/src/modules/indicators/views.service.ts';

const TOTAL = Number(process.env.IOC_BENCH_VALUES ?? 1_000_000);
const MONTHS = 120;
const BATCH = 10_000;

function monthIds(count: number, lastYear = 2026, lastMonth = 10): string[] {
  const ids: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = new Date(Date.UTC(lastYear, lastMonth - 1 - i, 1));
    ids.push(`${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return ids;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function benchIndicators(
  platform: OpenPlatform,
  services: { values: ValueService; indicatorViews: IndicatorViewService },
): Promise<void> {
  const { db } = platform;
  const actor = systemActor('bench', platform.config.rootUnit, new Set(Object.keys(PERMISSIONS) as Permission[]));
  const communes = (
    await db
      .selectFrom('org_units')
      .select('id')
      .where('level', '=', 3)
      .where('valid_to', 'is', null)
      .orderBy('id')
      .execute()
  ).map((u) => u.id);
  const months = monthIds(MONTHS);
  const perElement = communes.length * months.length;
  const elementCount = Math.ceil(TOTAL / perElement);
  const elements = Array.from({ length: elementCount + 10 }, (_, i) => `BENCH_${String(i).padStart(3, '0')}`);
  for (const code of elements) {
    await saveDataElement(db, {
      code,
      name: code,
      name_en: code,
      unit: '',
      value_type: 'number',
      aggregation: 'sum',
      frequency: 'month',
      owner: null,
      categories: '[]',
      min_value: null,
      max_value: null,
      created_at: new Date().toISOString(),
    });
  }
  await saveIndicator(db, {
    code: 'BENCH_RATIO',
    name: 'ratio',
    name_en: 'ratio',
    formula: '#{BENCH_000}/#{BENCH_001}*100',
    unit: '%',
    decimals: 1,
    direction: 'up',
    description: null,
  });

  // A smooth series per commune with ±3 % wobble: realistic, and quiet for the anomaly scan.
  const seriesValue = (e: number, u: number, m: number) =>
    100 + e + u * 3 + m * 0.5 + ((e * 31 + u * 17 + m * 7) % 7) - 3;
  function* rows(first: number, count: number) {
    for (let e = first; e < first + count; e++) {
      for (let m = 0; m < months.length; m++) {
        for (let u = 0; u < communes.length; u++) {
          yield {
            element: elements[e]!,
            unit: communes[u]!,
            period: months[m]!,
            category: '',
            value: seriesValue(e, u, m),
          };
        }
      }
    }
  }

  let imported = 0;
  let batch: Parameters<ValueService['apply']>[1][number][] = [];
  const started = performance.now();
  for (const row of rows(0, elementCount)) {
    if (imported + batch.length >= TOTAL) break;
    batch.push({ ...row, row: batch.length });
    if (batch.length === BATCH) {
      const result = await services.values.apply(actor, batch, 'all');
      if (result.refused.length > 0) throw new Error(`bench rows refused: ${JSON.stringify(result.refused[0])}`);
      imported += result.stored;
      batch = [];
    }
  }
  if (batch.length > 0) imported += (await services.values.apply(actor, batch, 'all')).stored;
  const importSeconds = (performance.now() - started) / 1000;
  const importRate = imported / importSeconds;
  console.log(
    `import: ${imported.toLocaleString('en')} values in ${importSeconds.toFixed(1)} s = ${importRate.toFixed(0)} values/s (checks, audit, anomaly scan)`,
  );

  // Baseline: the same kind of rows straight into the repository, 10 elements' worth.
  const raw = [...rows(elementCount, 10)].map((r) => {
    const period = parsePeriod(r.period)!;
    return {
      element_code: r.element,
      unit_id: r.unit,
      period_id: r.period,
      period_type: 'month',
      period_start: period.start,
      category: '',
      value: r.value,
      stored_by: 'bench',
      stored_at: new Date().toISOString(),
    };
  });
  const rawStarted = performance.now();
  for (let i = 0; i < raw.length; i += BATCH)
    await db.transaction().execute((trx) => upsertValues(trx, raw.slice(i, i + BATCH)));
  const rawRate = raw.length / ((performance.now() - rawStarted) / 1000);
  console.log(
    `baseline: raw repository insert ${raw.length.toLocaleString('en')} values = ${rawRate.toFixed(0)} values/s; the checked import runs at ${(importRate / rawRate).toFixed(2)}× that`,
  );

  const query = { code: 'BENCH_RATIO', from: months.at(-36)!, to: months.at(-1)! };
  const view = await services.indicatorViews.view(actor, query); // cold
  const cells = view.values.flat().filter((v) => v !== null).length;
  const timings: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await services.indicatorViews.view(actor, query);
    timings.push(performance.now() - t0);
  }
  const warm = median(timings);
  console.log(
    `view: ${view.units.length} communes × ${view.periods.length} months (${cells} cells with a value) warm median ${warm.toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms (target < 100 ms on SQLite)`,
  );

  const catalogue = await loadCatalogue(db);
  const cellStarted = performance.now();
  for (const unit of view.units) {
    for (const id of view.periods) await computeIndicators(db, catalogue, ['BENCH_RATIO'], unit, parsePeriod(id)!);
  }
  const perCell = performance.now() - cellStarted;
  console.log(
    `baseline: the same view one cell at a time ${perCell.toFixed(0)} ms; the batched view is ${(perCell / warm).toFixed(0)}× faster`,
  );
}
