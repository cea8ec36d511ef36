import type { DocumentSummary, DocumentSummaryQuery, Organ } from '@ioc/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from './documents.repo.ts';
import { summarySpan } from './summary-span.ts';

const TOP_ORGANS = 30;

/**
 * Documents in and out over a span: per month of issue, and per agency — incoming by who issued them, outgoing by
 * each recipient (a document sent to five departments counts once for each). `readable`: the agencies whose
 * documents the reader reads (`document-access.ts`), null for the whole register.
 */
export async function documentSummary(
  db: Kysely<Database>,
  query: DocumentSummaryQuery,
  now: Date,
  readable: readonly string[] | null,
): Promise<DocumentSummary> {
  const { from, to } = summarySpan(query, now);
  const [months, incoming, outgoing] = await Promise.all([
    repo.countByMonth(db, from, to, readable),
    repo.incomingByOrgan(db, from, to, readable, TOP_ORGANS),
    repo.outgoingRecipients(db, from, to, readable),
  ]);
  const byMonth = new Map<string, { month: string; incoming: number; outgoing: number }>();
  let totalIn = 0;
  let totalOut = 0;
  for (const row of months) {
    const entry = byMonth.get(row.month) ?? { month: row.month, incoming: 0, outgoing: 0 };
    const n = Number(row.n);
    if (row.direction === 'incoming') {
      entry.incoming += n;
      totalIn += n;
    } else {
      entry.outgoing += n;
      totalOut += n;
    }
    byMonth.set(row.month, entry);
  }
  const organs = new Map<string, { organName: string; incoming: number; outgoing: number }>();
  for (const row of incoming)
    organs.set(row.organ_name, { organName: row.organ_name, incoming: Number(row.n), outgoing: 0 });
  for (const row of outgoing) {
    for (const recipient of JSON.parse(row.recipients) as Organ[]) {
      const entry = organs.get(recipient.organName) ?? { organName: recipient.organName, incoming: 0, outgoing: 0 };
      entry.outgoing += 1;
      organs.set(recipient.organName, entry);
    }
  }
  return {
    from,
    to,
    incoming: totalIn,
    outgoing: totalOut,
    byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byOrgan: [...organs.values()]
      .sort((a, b) => b.incoming + b.outgoing - (a.incoming + a.outgoing) || a.organName.localeCompare(b.organName))
      .slice(0, TOP_ORGANS),
  };
}
