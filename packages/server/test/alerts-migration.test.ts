/**
 * Migration 0014 on an IOC that already has alerts: an open one raised 1 May 2026 08:00 UTC and one acknowledged by
 * 'vanhanh' at 09:00. After it, both start when they were raised, count as already notified, and have their history
 * (raised; raised then acknowledged).
 */
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { connectDb } from '../src/db/connect.ts';
import { MIGRATIONS, migrateToLatest } from '../src/db/migrate.ts';
import { createTestDatabase } from './harness.ts';

const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([key]) => key < '0014'));

describe('migration 0014_alert_lifecycle', () => {
  it('keeps the alerts there are, with their start, notification and history', async () => {
    const database = await createTestDatabase();
    const store = connectDb(loadConfig({ ...database.env, IOC_LOG_LEVEL: 'silent' }));
    const db = store.kysely as unknown as Kysely<unknown>;
    try {
      await migrateToLatest(db, before);
      await sql`insert into alerts (kind, severity, unit_id, title, title_en, detail, dedupe_key, status, raised_at, updated_at, acknowledged_by, acknowledged_at)
        values ('tasks.overdue', 'critical', null, 'a', 'a', '{}', 'k1', 'open', '2026-05-01T08:00:00.000Z', '2026-05-01T08:00:00.000Z', null, null),
               ('tasks.overdue', 'critical', null, 'b', 'b', '{}', 'k2', 'acknowledged', '2026-05-01T08:00:00.000Z', '2026-05-01T09:00:00.000Z', 'vanhanh', '2026-05-01T09:00:00.000Z')`.execute(
        db,
      );
      await migrateToLatest(db);
      const rows = await sql<
        Record<string, unknown>
      >`select dedupe_key, status, started_at, notified_at, resolved_at, labels
        from alerts order by dedupe_key`.execute(db);
      expect(rows.rows).toEqual([
        {
          dedupe_key: 'k1',
          status: 'open',
          started_at: '2026-05-01T08:00:00.000Z',
          notified_at: '2026-05-01T08:00:00.000Z',
          resolved_at: null,
          labels: '{}',
        },
        {
          dedupe_key: 'k2',
          status: 'acknowledged',
          started_at: '2026-05-01T08:00:00.000Z',
          notified_at: '2026-05-01T08:00:00.000Z',
          resolved_at: null,
          labels: '{}',
        },
      ]);
      const history = await sql<Record<string, unknown>>`select a.dedupe_key, h.action, h.at, h.actor
        from alert_history h join alerts a on a.id = h.alert_id order by a.dedupe_key, h.at`.execute(db);
      expect(history.rows).toEqual([
        { dedupe_key: 'k1', action: 'raised', at: '2026-05-01T08:00:00.000Z', actor: null },
        { dedupe_key: 'k2', action: 'raised', at: '2026-05-01T08:00:00.000Z', actor: null },
        { dedupe_key: 'k2', action: 'acknowledged', at: '2026-05-01T09:00:00.000Z', actor: 'vanhanh' },
      ]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
