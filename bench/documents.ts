/**
 * Documents (issue 5): search the registers holding 1,000,000 documents. The documents are the demo plan's
 * realistic ones, repeated over the years with their own numbers, bulk-loaded through the repository (the word
 * index included); registering through the service (numbering, duplicate check, audit) is timed on its own.
 * Baseline in the same process: the subject search done as a scan of every subject (LIKE), what the word index saves.
 */
import { PERMISSIONS, type Permission } from '@ioc/shared';
import { sql } from 'kysely';
import type { createServices } from '../packages/server/src/app.ts';
import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import { systemActor } from '../packages/server/src/modules/auth/actor.ts';
import { planDocumentsDemo } from '../packages/server/src/modules/documents/demo/plan.ts';
import { documentRow, identKey } from '../packages/server/src/modules/documents/document-row.ts';
import { documentTerms } from '../packages/server/src/modules/documents/terms.ts';

const TOTAL = Number(process.env.IOC_BENCH_DOCUMENTS ?? 1_000_000);
const BATCH = 1_000;
const REGISTERED = 2_000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function benchDocuments(platform: OpenPlatform, services: ReturnType<typeof createServices>) {
  const { db } = platform;
  const agencies = (await services.agencies.list()).flatMap((a) =>
    a.kind === 'other' ? [] : [{ code: a.code, name: a.name, kind: a.kind as 'department' | 'commune' }],
  );
  const bodies = planDocumentsDemo({
    from: new Date('2024-01-01T00:00:00Z'),
    to: new Date('2026-01-01T00:00:00Z'),
    agencies,
  }).flatMap((a) => (a.kind === 'document' ? [a.body] : []));

  const counters = new Map<string, number>();
  const loadStarted = performance.now();
  let loaded = 0;
  while (loaded < TOTAL) {
    const n = Math.min(BATCH, TOTAL - loaded);
    await db.transaction().execute(async (trx) => {
      const rows: ReturnType<typeof documentRow>[] = [];
      const terms: { term: string; document_id: number }[] = [];
      for (let i = 0; i < n; i++) {
        const k = loaded + i;
        const body = bodies[k % bodies.length]!;
        // Each pass over the plan is another stretch of years, so numbers and dates stay realistic.
        const shift = Math.floor(k / bodies.length) * 2;
        const issued = `${Number(body.issuedDate.slice(0, 4)) - shift}${body.issuedDate.slice(4)}`;
        const year = Number(issued.slice(0, 4));
        const register = body.direction === 'incoming' ? 'DEN' : 'DI';
        const key = `${register}:${year}`;
        const number = (counters.get(key) ?? 0) + 1;
        counters.set(key, number);
        const codeNumber = body.codeNumber ?? String(number);
        rows.push(
          documentRow(
            { ...body, issuedDate: issued },
            {
              register,
              year,
              number,
              codeNumber,
              arrival: body.direction === 'incoming' ? `${issued}T02:00:00.000Z` : null,
              identKey: identKey(body.organ, codeNumber, body.codeNotation, issued),
            },
            new Date(),
            'bench',
          ),
        );
      }
      const ids = await trx.insertInto('documents').values(rows).returning('id').execute();
      ids.forEach(({ id }, i) => {
        const row = rows[i]!;
        for (const term of documentTerms({
          subject: row.subject,
          codeNotation: row.code_notation,
          organName: row.organ_name,
          organId: row.organ_id ?? null,
        })) {
          terms.push({ term, document_id: Number(id) });
        }
      });
      for (let i = 0; i < terms.length; i += 10_000)
        await trx
          .insertInto('doc_terms')
          .values(terms.slice(i, i + 10_000))
          .execute();
    });
    loaded += n;
    if (loaded % 100_000 === 0) console.log(`  loaded ${loaded.toLocaleString('en')} documents`);
  }
  await db
    .insertInto('doc_counters')
    .values(
      [...counters].map(([key, last]) => ({
        register_code: key.split(':')[0]!,
        year: Number(key.split(':')[1]),
        last_number: last,
      })),
    )
    .execute();
  const loadS = (performance.now() - loadStarted) / 1000;
  console.log(
    `load: ${TOTAL.toLocaleString('en')} documents with their word index in ${loadS.toFixed(0)} s (bulk, repository)`,
  );
  if (platform.store.engine === 'postgres') await sql`analyze`.execute(db);

  const actor = systemActor('bench', platform.config.rootUnit, new Set(Object.keys(PERMISSIONS) as Permission[]));
  const registerStarted = performance.now();
  for (let i = 0; i < REGISTERED; i++) await services.documents.documents.create(actor, bodies[i % bodies.length]!);
  const perSecond = REGISTERED / ((performance.now() - registerStarted) / 1000);
  console.log(
    `register: ${perSecond.toFixed(0)} documents/s through the service (numbering, duplicate check, word index, audit)`,
  );

  const searches: [string, Parameters<typeof services.documents.documents.search>[0]][] = [
    ['two subject words', { q: 'thiên tai' }],
    ['three words, the last a prefix', { q: 'phòng chống dịch bệ' }],
    ['rare word + direction', { q: 'sốt xuất huyết', direction: 'incoming' }],
    ['issuing agency words + year', { organ: 'Bộ Y tế', year: 2025 }],
    ['code number', { number: '125' }],
    ['notation + date range', { notation: 'QĐ-UBND', from: '2025-03-01', to: '2025-03-31' }],
    ['date range only', { from: '2025-06-01', to: '2025-06-07' }],
    ['words + agency + dates', { q: 'kế hoạch', organ: 'UBND tỉnh Hà Tĩnh', from: '2025-01-01', to: '2025-12-31' }],
    ['words no document has', { q: 'khinh khí cầu' }],
  ];
  const results: number[] = [];
  for (const [name, query] of searches) {
    const first = await services.documents.documents.search({ ...query, limit: 50 });
    const timings: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      await services.documents.documents.search({ ...query, limit: 50 });
      timings.push(performance.now() - t0);
    }
    results.push(median(timings));
    console.log(
      `search ${name}: ${first.documents.length} shown, warm median ${median(timings).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms`,
    );
  }
  const scanStarted = performance.now();
  const scan = await db
    .selectFrom('documents')
    .select(['id', 'subject'])
    .where('subject', 'like', '%khinh khí cầu%')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const scanMs = performance.now() - scanStarted;
  console.log(
    `baseline: "khinh khí cầu" as a LIKE scan of every subject ${scanMs.toFixed(0)} ms (${scan.length} found); the word index answers in ${results.at(-1)!.toFixed(1)} ms (${(scanMs / results.at(-1)!).toFixed(0)}× faster), and ignores accents`,
  );
}
