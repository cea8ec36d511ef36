import type { Agency } from '@ioc/shared';
import { useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useApiQuery } from './queries.ts';

/** How a record names an agency: its code or national id when known, and the name as the record wrote it. */
export interface AgencyMention {
  code?: string | null | undefined;
  organId?: string | null | undefined;
  name: string;
}

const key = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');

/** Finds the province's agency a mention names: by code, by national id, then by its name or one of its aliases. */
export function agencyIndex(agencies: readonly Agency[]): (mention: AgencyMention) => Agency | undefined {
  const byCode = new Map<string, Agency>();
  const byName = new Map<string, Agency>();
  for (const agency of agencies) {
    byCode.set(agency.code, agency);
    if (agency.nationalId) byCode.set(agency.nationalId, agency);
    for (const name of [agency.name, ...agency.aliases]) if (!byName.has(key(name))) byName.set(key(name), agency);
  }
  return (mention) =>
    (mention.code ? byCode.get(mention.code) : undefined) ??
    (mention.organId ? byCode.get(mention.organId) : undefined) ??
    byName.get(key(mention.name));
}

/**
 * An agency's name in the UI's language: in English the province's own English name for it wherever a page shows it
 * (tables, lists, drawers alike), else the name as the record wrote it (a ministry, a name no agency answers to).
 */
export function useAgencyName(): (mention: AgencyMention) => string {
  const { lang } = useI18n();
  const agencies = useApiQuery('GET /api/v1/agencies', {}, { staleTime: Number.POSITIVE_INFINITY });
  const find = useMemo(() => agencyIndex(agencies.data ?? []), [agencies.data]);
  return (mention) => (lang === 'en' ? (find(mention)?.nameEn ?? mention.name) : mention.name);
}
