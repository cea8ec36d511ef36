import type { Agency, DocumentAgency, DocumentAgencyRole, Organ } from '@ioc/shared';

export interface AgencyLink {
  agencyCode: string;
  role: DocumentAgencyRole;
}

type Match = (written: string) => Pick<Agency, 'code'> | null;

/** An organ's agency: by its national id (or code) when that is known, else by its name or an alias. */
function agencyOf(organ: Organ, match: Match): string | null {
  return (organ.organId ? match(organ.organId) : null)?.code ?? match(organ.organName)?.code ?? null;
}

/**
 * The province's agencies a document names: its issuing organ (`from`) and each recipient (`to`), each once. Organs
 * outside the province (ministries, "UBND các xã, phường") match nothing and link nothing.
 */
export function agencyLinks(organ: Organ, recipients: readonly Organ[], match: Match): AgencyLink[] {
  const links = new Map<string, AgencyLink>();
  const add = (agencyCode: string | null, role: DocumentAgencyRole) => {
    if (agencyCode) links.set(`${role}:${agencyCode}`, { agencyCode, role });
  };
  add(agencyOf(organ, match), 'from');
  for (const recipient of recipients) add(agencyOf(recipient, match), 'to');
  return [...links.values()];
}

/** The links as the detail shows them: issuer first, then recipients, each with the agency's names. */
export function shownAgencies(links: readonly AgencyLink[], agencies: readonly Agency[]): DocumentAgency[] {
  const byCode = new Map(agencies.map((a) => [a.code, a]));
  return [...links]
    .sort((a, b) => (a.role === b.role ? a.agencyCode.localeCompare(b.agencyCode) : a.role === 'from' ? -1 : 1))
    .map((link) => {
      const agency = byCode.get(link.agencyCode);
      return {
        code: link.agencyCode,
        name: agency?.name ?? link.agencyCode,
        nameEn: agency?.nameEn ?? link.agencyCode,
        role: link.role,
      };
    });
}
