import type { StoredFile } from '@ioc/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { CheckedFile } from './file-checks.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type FileOwner = 'document' | 'task_event';

export async function insertFiles(
  db: Executor,
  owner: FileOwner,
  ownerId: number,
  files: readonly CheckedFile[],
  at: string,
  by: string,
): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('stored_files')
    .values(
      files.map((f) => ({
        owner_type: owner,
        owner_id: ownerId,
        name: f.name,
        mime: f.mime,
        size: f.size,
        sha256: f.sha256,
        content: f.content,
        uploaded_at: at,
        uploaded_by: by,
      })),
    )
    .execute();
}

/** The files of some owners, without their content, grouped by owner id. */
export async function filesOf(db: Executor, owner: FileOwner, ownerIds: readonly number[]) {
  const byOwner = new Map<number, StoredFile[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await db
    .selectFrom('stored_files')
    .select(['id', 'owner_id', 'name', 'mime', 'size', 'sha256', 'uploaded_at', 'uploaded_by'])
    .where('owner_type', '=', owner)
    .where('owner_id', 'in', [...ownerIds])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byOwner.get(Number(r.owner_id)) ?? [];
    list.push({
      id: Number(r.id),
      name: r.name,
      mime: r.mime,
      size: Number(r.size),
      sha256: r.sha256,
      uploadedAt: r.uploaded_at,
      uploadedBy: r.uploaded_by,
    });
    byOwner.set(Number(r.owner_id), list);
  }
  return byOwner;
}

export async function fileWithContent(db: Executor, id: number) {
  return db.selectFrom('stored_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countFiles(db: Executor, owner: FileOwner, ownerIds: readonly number[]) {
  const counts = new Map<number, number>();
  if (ownerIds.length === 0) return counts;
  const rows = await db
    .selectFrom('stored_files')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('owner_type', '=', owner)
    .where('owner_id', 'in', [...ownerIds])
    .groupBy('owner_id')
    .execute();
  for (const r of rows) counts.set(Number(r.owner_id), Number(r.n));
  return counts;
}

/** An owner's files with their bytes, in the order they were added. */
export async function contentsOf(db: Executor, owner: FileOwner, ownerId: number) {
  return db
    .selectFrom('stored_files')
    .select(['id', 'name', 'mime', 'content'])
    .where('owner_type', '=', owner)
    .where('owner_id', '=', ownerId)
    .orderBy('id')
    .execute();
}
