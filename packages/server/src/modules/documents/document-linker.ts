import type { Agency, Organ } from '@ioc/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Platform } from '../../platform.ts';
import type { AgencyService } from '../agencies/agencies.service.ts';
import { agencyMatcher, normalizeName } from '../agencies/agencies.ts';
import { findSetting, saveSetting } from '../settings/settings.repo.ts';
import * as links from './document-agencies.repo.ts';
import { agencyLinks } from './document-links.ts';

/** Set once the documents registered before links existed have been linked. */
const LINKED_KEY = 'documents.agencyLinks';
const BATCH = 2_000;
const CHUNK = 500;

type Match = Parameters<typeof agencyLinks>[2];
type OrganRow = { id: number; organ_id: string | null; organ_name: string; recipients: string };

function linksOfRow(row: OrganRow, match: Match): links.LinkRow[] {
  const organ = { organId: row.organ_id, organName: row.organ_name };
  return agencyLinks(organ, JSON.parse(row.recipients) as Organ[], match).map((l) => ({
    documentId: Number(row.id),
    ...l,
  }));
}

/** Links documents to the agencies they name when the links come after the documents: at upgrade, on agency edits. */
export class DocumentLinker {
  constructor(
    private readonly platform: Platform,
    private readonly agencies: AgencyService,
  ) {}

  /** Once per database: links every document registered before the links existed. Answers how many it linked. */
  async linkEarlier(): Promise<number> {
    const { db, now } = this.platform;
    if (await findSetting(db, LINKED_KEY)) return 0;
    const match = agencyMatcher(await this.agencies.list());
    let after = 0;
    let linked = 0;
    for (;;) {
      const rows = await links.organsAfter(db, after, BATCH);
      if (rows.length === 0) break;
      const found = rows.flatMap((row) => linksOfRow(row, match));
      await db.transaction().execute((trx) => links.insertLinks(trx, found));
      linked += new Set(found.map((l) => l.documentId)).size;
      after = Number(rows[rows.length - 1]?.id);
    }
    const at = now().toISOString();
    await saveSetting(db, LINKED_KEY, JSON.stringify({ at, linked }), at);
    return linked;
  }

  /**
   * An agency saved now (a national id recorded, an alias added) may be the one documents name: links those whose
   * issuer or recipients match it now, in the saving transaction. Recipients are found by the text as stored, so a
   * name written with other case or accents than the agency's names is not found here. Answers how many it linked.
   */
  async linkAgency(trx: Transaction<Database>, agency: Agency): Promise<number> {
    const match = agencyMatcher(await this.agencies.list(trx));
    const names = [agency.nationalId, agency.name, ...agency.aliases].filter((n): n is string => Boolean(n));
    const keys = [...new Set([...names, agency.code].map(normalizeName))];
    const texts = [...new Set(names.map((n) => JSON.stringify(n).slice(1, -1)))];
    const candidates = await links.organsNaming(trx, keys, texts);
    let linked = 0;
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const rows = candidates.slice(i, i + CHUNK);
      const wanted = rows.flatMap((row) => linksOfRow(row, match)).filter((l) => l.agencyCode === agency.code);
      const present = await links.linkedTo(
        trx,
        agency.code,
        wanted.map((l) => l.documentId),
      );
      const missing = wanted.filter((l) => !present.has(`${l.documentId}:${l.role}`));
      await links.insertLinks(trx, missing);
      linked += new Set(missing.map((l) => l.documentId)).size;
    }
    return linked;
  }
}
