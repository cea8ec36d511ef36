/**
 * Alert rules: 5,000 rules over 2,000 streams at one observation a second each (a batch of 2,000 points a second).
 * Baseline, in the same run: the same batches ingested with no rules. Figures: ingest and rule evaluation per batch
 * (p50/p99), the clock's tick (timers, absence), server RSS. The batches are fed as fast as they go, not in real time:
 * a second of data evaluated in well under a second is what keeps up.
 */

import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import type { Services } from '../packages/server/src/http/app-types.ts';

const STREAMS = Number(process.env.IOC_BENCH_RULE_STREAMS ?? 2000);
const RULES = Number(process.env.IOC_BENCH_RULES ?? 5000);
const SECONDS = Number(process.env.IOC_BENCH_RULE_SECONDS ?? 5);

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
const ms = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p99 ${quantile(sorted, 0.99).toFixed(1)} ms`;
};
const rssMb = () => (process.memoryUsage().rss / 1024 / 1024).toFixed(0);

export async function benchRules(platform: OpenPlatform, services: Services): Promise<void> {
  const { observations, rules } = services;
  const key = (i: number) => `rb-${i}/water_level`;
  for (let i = 0; i < STREAMS; i++) {
    await observations.ensureStation({ id: `rb-${i}`, name: `Bench ${i}`, kind: 'hydro' });
    await observations.ensureStream({
      station: `rb-${i}`,
      metric: 'water_level',
      name: `Bench ${i}`,
      uom: 'm',
      cadenceSeconds: 1,
    });
  }
  // A random walk per stream, reproducible: some streams wander over their alarm levels and back.
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const level = Array.from({ length: STREAMS }, () => 1 + random());
  const start = Math.floor(Date.now() / 1000) * 1000 - 2 * SECONDS * 1000;
  const batchAt = (second: number) => {
    const t = start + second * 1000;
    return Array.from({ length: STREAMS }, (_, i) => {
      level[i] = Math.max(0, level[i]! + (random() - 0.5) * 0.2);
      return { stream: key(i), time: t, value: Number(level[i]!.toFixed(3)) };
    });
  };
  const clock = platform.now;
  async function run(label: string, fromSecond: number): Promise<{ ingest: number[]; evaluate: number[] }> {
    const ingest: number[] = [];
    const evaluate: number[] = [];
    for (let s = 0; s < SECONDS; s++) {
      const batch = batchAt(fromSecond + s);
      platform.now = () => new Date(start + (fromSecond + s) * 1000);
      const began = performance.now();
      await observations.ingest(batch);
      const stored = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      await rules.engine.settled();
      ingest.push(stored - began);
      evaluate.push(performance.now() - stored);
    }
    console.log(`${label.padEnd(46)} ingest ${ms(ingest)}; evaluation ${ms(evaluate)}; RSS ${rssMb()} MB`);
    return { ingest, evaluate };
  }

  await run(`baseline: ${STREAMS} points/batch, no rules`, 0);
  // The alert list's own share of the evaluation (raising and resolving), measured apart.
  const inAlerts: number[] = [];
  const { alerts } = services;
  const raise = alerts.raise.bind(alerts);
  const resolve = alerts.resolve.bind(alerts);
  alerts.raise = async (list) => {
    const began = performance.now();
    try {
      return await raise(list);
    } finally {
      inAlerts.push(performance.now() - began);
    }
  };
  alerts.resolve = async (keys, reason) => {
    const began = performance.now();
    try {
      return await resolve(keys, reason);
    } finally {
      inAlerts.push(performance.now() - began);
    }
  };

  // Per stream: a threshold with three levels, a rate over 10 s, and (for the rest) an absence rule.
  let made = 0;
  for (let i = 0; made < RULES; i++) {
    const stream = key(i % STREAMS);
    const kind = Math.floor(i / STREAMS) % 3;
    if (kind === 0) {
      await rules.ensureRule({
        code: `bench-threshold-${i}`,
        name: 'Bench',
        nameEn: 'Bench',
        type: 'threshold',
        streams: [stream],
        levels: [
          { level: 'I', severity: 'info', op: 'above', value: 1.8 },
          { level: 'II', severity: 'warning', op: 'above', value: 2.2 },
          { level: 'III', severity: 'critical', op: 'above', value: 2.6 },
        ],
        pendingSeconds: 2,
        keepFiringSeconds: 2,
      });
    } else if (kind === 1) {
      await rules.ensureRule({
        code: `bench-rate-${i}`,
        name: 'Bench',
        nameEn: 'Bench',
        type: 'rate',
        streams: [stream],
        windowSeconds: 3,
        levels: [{ level: 'fast', severity: 'warning', op: 'above', value: 0.25 }],
      });
    } else {
      await rules.ensureRule({
        code: `bench-absence-${i}`,
        name: 'Bench',
        nameEn: 'Bench',
        type: 'absence',
        streams: [stream],
      });
    }
    made++;
  }
  const result = await run(`with ${RULES} rules: ${STREAMS} points/batch`, SECONDS);
  console.log(
    `  of which raising and resolving alerts: ${inAlerts.length} calls, ${ms(inAlerts)}, total ${inAlerts.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
  );
  const ticks: number[] = [];
  for (let s = 0; s < 3; s++) {
    platform.now = () => new Date(start + (2 * SECONDS + s * 2) * 1000);
    const began = performance.now();
    await rules.tick();
    ticks.push(performance.now() - began);
  }
  platform.now = clock;
  const states = await platform.db
    .selectFrom('rule_states')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const ruleAlerts = await platform.db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('dedupe_key', 'like', 'rule:%')
    .executeTakeFirstOrThrow();
  const p99 = quantile(
    [...result.evaluate].sort((a, b) => a - b),
    0.99,
  );
  console.log(
    `rules clock tick (timers + ${Math.floor(RULES / 3)} absence rules): ${ms(ticks)}; ${Number(states.n)} rule states, ${Number(ruleAlerts.n)} rule alerts; ` +
      `evaluation p99 is ${((p99 / 1000) * 100).toFixed(1)}% of the second each batch covers; RSS ${rssMb()} MB`,
  );
}
