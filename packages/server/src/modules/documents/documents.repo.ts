import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
  type Transaction,
} from 'kysely';
import type { Database, DocumentTable } from '../../db/schema.ts';
import { readableAt, readableIdsOf } from './document-agencies.repo.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type DocumentRow = Selectable<DocumentTable>;

export async function listRegisters(db: Executor) {
  return db.selectFrom('doc_registers').selectAll().orderBy('code').execute();
}

/**
 * The next number of a register in a year. The upsert takes the counter row's lock until the caller's transaction
 * ends, so concurrent registrations queue on it: no two get the same number, and a rolled-back one gives its back.
 */
export async function nextNumber(trx: Transaction<Database>, register: string, year: number): Promise<number> {
  const row = await trx
    .insertInto('doc_counters')
    .values({ register_code: register, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['register_code', 'year']).doUpdateSet({ last_number: sql<number>`doc_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

export async function insertDocument(
  trx: Transaction<Database>,
  row: Insertable<DocumentTable>,
  terms: readonly string[],
): Promise<number> {
  const { id } = await trx.insertInto('documents').values(row).returning('id').executeTakeFirstOrThrow();
  const documentId = Number(id);
  if (terms.length > 0) {
    await trx
      .insertInto('doc_terms')
      .values(terms.map((term) => ({ term, document_id: documentId })))
      .execute();
  }
  return documentId;
}

export async function idsWithIdent(db: Executor, identKey: string): Promise<number[]> {
  const rows = await db.selectFrom('documents').select('id').where('ident_key', '=', identKey).orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

export async function findDocument(db: Executor, id: number): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A word of a search: a whole term, or a prefix of the word still being typed. */
export type WordMatch = { term: string } | { prefix: string };

/** The last character bumped: terms are ASCII, so this is the first string past every word with the prefix. */
const pastPrefix = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** A range rather than LIKE for a prefix: it uses the index under any collation. */
function matching(eb: ExpressionBuilder<Database, 'doc_terms'>, word: WordMatch): Expression<SqlBool> {
  return 'term' in word
    ? eb('doc_terms.term', '=', word.term)
    : eb.and([eb('doc_terms.term', '>=', word.prefix), eb('doc_terms.term', '<', pastPrefix(word.prefix))]);
}

/** How many documents a word is in, counted up to `cap`: enough to tell a rare word from a common one, cheaply. */
export async function postingSize(db: Executor, word: WordMatch, cap: number): Promise<number> {
  const capped = db
    .selectFrom('doc_terms')
    .select('document_id')
    .where((eb) => matching(eb, word))
    .limit(cap);
  const row = await db
    .selectFrom(capped.as('p'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface DocumentFilter {
  direction?: string;
  register?: string;
  /** Every word must be present. */
  words: WordMatch[];
  /**
   * What is read first: the documents of a word (its index, the rarest), or the reader's documents ('scope', when
   * they are few: `readable` lists them); null: the documents' own order and indexes, every word checked per document.
   */
  driver: number | 'scope' | null;
  /** The agencies whose documents the reader reads (`document-access.ts`); absent: the whole register. */
  agencies?: readonly string[];
  /** With driver 'scope': every document the reader reads. */
  readable?: readonly number[];
  number?: string;
  organId?: string;
  from?: string;
  to?: string;
  year?: number;
  before?: number;
  limit: number;
}

const LIST_COLUMNS = [
  'id',
  'direction',
  'register_code',
  'year',
  'number',
  'type_name',
  'code_number',
  'code_notation',
  'issued_date',
  'organ_id',
  'organ_name',
  'subject',
  'priority',
  'due_date',
  'arrival_date',
  'created_at',
] as const;

type DocumentQuery<O> = SelectQueryBuilder<Database, 'documents', O>;

/** The document's own conditions: the reader's scope, direction, register, year, dates, cursor, organ, number. */
function narrowed<O>(q: DocumentQuery<O>, f: DocumentFilter): DocumentQuery<O> {
  let out = q;
  const agencies = f.agencies;
  if (f.driver === 'scope') out = out.where('id', 'in', f.readable && f.readable.length > 0 ? [...f.readable] : [0]);
  else if (agencies) out = out.where(readableAt('documents.id', agencies));
  if (f.direction) out = out.where('direction', '=', f.direction);
  if (f.register) out = out.where('register_code', '=', f.register);
  if (f.year !== undefined) out = out.where('year', '=', f.year);
  if (f.from) out = out.where('issued_date', '>=', f.from);
  if (f.to) out = out.where('issued_date', '<=', f.to);
  if (f.before !== undefined) out = out.where('id', '<', f.before);
  if (f.organId) out = out.where('organ_id', '=', f.organId);
  if (f.number) {
    const asOrdinal = /^\d+$/.test(f.number) ? Number(f.number) : null;
    const number = f.number;
    out = out.where((eb) =>
      asOrdinal === null
        ? eb('code_number', '=', number)
        : eb.or([eb('code_number', '=', number), eb('number', '=', asOrdinal)]),
    );
  }
  return out;
}

const postings = (db: Executor, word: WordMatch) =>
  db
    .selectFrom('doc_terms')
    .select('document_id')
    .where((eb) => matching(eb, word));

/**
 * A scoped reader's word test stays a check on each candidate: with an OFFSET, PostgreSQL does not turn the EXISTS into
 * a join, which it would otherwise lead with a common word's whole posting list, ignoring the few documents in scope.
 */
function perDocument<Q extends SelectQueryBuilder<Database, 'doc_terms', { document_id: number }>>(
  q: Q,
  f: DocumentFilter,
) {
  return f.agencies ? q.limit(1).offset(0) : q;
}

/** Newest registered first; `f.driver` says which word's documents are read first, if any. */
export async function searchDocuments(db: Executor, f: DocumentFilter) {
  let q = narrowed(db.selectFrom('documents').select(LIST_COLUMNS), f);
  f.words.forEach((word, i) => {
    q =
      i === f.driver
        ? q.where('id', 'in', () => postings(db, word))
        : q.where((eb) =>
            eb.exists(
              perDocument(
                eb
                  .selectFrom('doc_terms')
                  .select('document_id')
                  .whereRef('doc_terms.document_id', '=', 'documents.id')
                  .where((inner) => matching(inner, word)),
                f,
              ),
            ),
          );
  });
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/**
 * Common words, nothing else to narrow by: the newest `window` documents are checked word by word — common words
 * usually meet there and the page fills long before. The reader's scope is checked on the same window, so a narrow
 * reader costs no more than a wide one. Fewer than a page: `searchByIntersection` reads the whole answer.
 */
export async function searchRecent(db: Executor, f: DocumentFilter, window: number) {
  const { agencies, ...unscoped } = f;
  const recent = narrowed(db.selectFrom('documents').select(LIST_COLUMNS), unscoped)
    .orderBy('id', 'desc')
    .limit(window);
  let q = db.selectFrom(recent.as('recent')).selectAll();
  if (agencies) q = q.where(readableAt('recent.id', agencies));
  for (const word of f.words) {
    q = q.where((eb) =>
      eb.exists(
        perDocument(
          eb
            .selectFrom('doc_terms')
            .select('document_id')
            .whereRef('doc_terms.document_id', '=', 'recent.id')
            .where((inner) => matching(inner, word)),
          f,
        ),
      ),
    );
  }
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/**
 * Common words that rarely meet: their posting lists intersected (each read in document order), then the page. A
 * scoped reader's documents (from the agency index) join the intersection, so only what they read is fetched.
 */
export async function searchByIntersection(db: Executor, f: DocumentFilter) {
  const [first, ...rest] = f.words;
  if (!first) return [];
  const { agencies, ...unscoped } = f;
  let ids = postings(db, first);
  for (const word of rest) ids = ids.intersect(postings(db, word));
  // Its own subquery: SQLite gives INTERSECT and UNION the same precedence.
  if (agencies) ids = ids.intersect(db.selectFrom(readableIdsOf(db, agencies).as('readable')).select('document_id'));
  const both = ids;
  return narrowed(db.selectFrom('documents').select(LIST_COLUMNS), unscoped)
    .where('id', 'in', () => both)
    .orderBy('id', 'desc')
    .limit(f.limit)
    .execute();
}

export async function taskCounts(db: Executor, documentIds: readonly number[]): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  if (documentIds.length === 0) return counts;
  const rows = await db
    .selectFrom('tasks')
    .select(['document_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('document_id', 'in', [...documentIds])
    .groupBy('document_id')
    .execute();
  for (const r of rows) counts.set(Number(r.document_id), Number(r.n));
  return counts;
}

/** A summary's documents: issued in a span of days, and read by the agencies when the reader is scoped. */
function issuedIn(db: Executor, from: string, to: string, agencies: readonly string[] | null) {
  const q = db.selectFrom('documents').where('issued_date', '>=', from).where('issued_date', '<=', to);
  return agencies ? q.where(readableAt('documents.id', agencies)) : q;
}

/** Documents per month (of their issue date) and direction in a span of days. */
export async function countByMonth(db: Executor, from: string, to: string, agencies: readonly string[] | null) {
  const month = sql<string>`substr(issued_date, 1, 7)`;
  return issuedIn(db, from, to, agencies)
    .select([month.as('month'), 'direction', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy([month, 'direction'])
    .execute();
}

export async function incomingByOrgan(
  db: Executor,
  from: string,
  to: string,
  agencies: readonly string[] | null,
  limit: number,
) {
  return issuedIn(db, from, to, agencies)
    .select(['organ_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('direction', '=', 'incoming')
    .groupBy('organ_name')
    .orderBy('n', 'desc')
    .limit(limit)
    .execute();
}

export async function outgoingRecipients(db: Executor, from: string, to: string, agencies: readonly string[] | null) {
  return issuedIn(db, from, to, agencies).select('recipients').where('direction', '=', 'outgoing').execute();
}
