/**
 * A typed view of one stored dossier (ps_dossiers row), parsed once so every metric reads the same numbers.
 * Instants are epoch milliseconds (UTC); the working-day calendar turns them into local working time.
 */

/** The row fields the metrics read. Declared here (not picked from DossierTable) so schema additions do not ripple. */
export interface DossierRowLike {
  code: string;
  procedure_code: string;
  field_code: string | null;
  agency: string;
  /** The catalogue agency the portal's name was matched to, when the sync knows it. */
  agency_code?: string | null;
  unit_id: string | null;
  channel: number | null;
  received_at: string | null;
  due_at: string | null;
  returned_at: string | null;
  finished_at: string | null;
  status: number;
  status_at: string;
  paid_online: number;
  digitised: number;
  /** JSON array: [{requestedAt, suppliedAt|null, reason|null}]. */
  supplements: string;
}

/** Channels as the portal codes them (KenhThucHien). */
export const Channel = { inPerson: 1, online: 2, postal: 3 } as const;
export type ChannelCode = (typeof Channel)[keyof typeof Channel];

/** Dossier statuses (TrangThaiHoSo) the metrics treat specially. */
export const Status = {
  notAccepted: 3,
  withdrawalRequested: 7,
  stopped: 8,
  processed: 9,
  resultReturned: 10,
} as const;

export interface Supplement {
  requestedAt: number;
  /** null: the citizen has not supplied it yet (the clock is still stopped). */
  suppliedAt: number | null;
  reason: string | null;
}

export interface DossierFacts {
  code: string;
  procedureCode: string;
  fieldCode: string | null;
  /** Matched agency code when known, else the name the portal sent: the key dossiers are grouped by. */
  agency: string;
  unitId: string | null;
  channel: ChannelCode | null;
  status: number;
  statusAt: number;
  receivedAt: number | null;
  dueAt: number | null;
  finishedAt: number | null;
  returnedAt: number | null;
  paidOnline: boolean;
  digitised: boolean;
  /** Sorted by request time. */
  supplements: Supplement[];
}

function instant(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

function isChannel(value: number | null): value is ChannelCode {
  return value === Channel.inPerson || value === Channel.online || value === Channel.postal;
}

/**
 * Stored supplements. Bad JSON throws (it means a broken sync, which must not quietly change the figures); an entry
 * without a readable request time is skipped because no pause can be placed for it.
 */
export function parseSupplements(code: string, text: string): Supplement[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text || '[]');
  } catch {
    throw new Error(`Dossier ${code}: supplements are not JSON`);
  }
  if (!Array.isArray(parsed)) throw new Error(`Dossier ${code}: supplements are not a list`);
  const out: Supplement[] = [];
  for (const item of parsed as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const s = item as { requestedAt?: unknown; suppliedAt?: unknown; reason?: unknown };
    const requestedAt = typeof s.requestedAt === 'string' ? instant(s.requestedAt) : null;
    if (requestedAt === null) continue;
    const suppliedAt = typeof s.suppliedAt === 'string' ? instant(s.suppliedAt) : null;
    out.push({
      requestedAt,
      // A supply time before its request is a data error: treat the pause as empty rather than negative.
      suppliedAt: suppliedAt === null ? null : Math.max(suppliedAt, requestedAt),
      reason: typeof s.reason === 'string' ? s.reason : null,
    });
  }
  return out.sort((a, b) => a.requestedAt - b.requestedAt);
}

export function factsOf(row: DossierRowLike): DossierFacts {
  const statusAt = instant(row.status_at);
  if (statusAt === null) throw new Error(`Dossier ${row.code}: status_at is not an instant`);
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    fieldCode: row.field_code,
    agency: row.agency_code ?? row.agency,
    unitId: row.unit_id,
    channel: isChannel(row.channel) ? row.channel : null,
    status: row.status,
    statusAt,
    receivedAt: instant(row.received_at),
    dueAt: instant(row.due_at),
    finishedAt: instant(row.finished_at),
    returnedAt: instant(row.returned_at),
    paidOnline: row.paid_online === 1,
    digitised: row.digitised === 1,
    supplements: parseSupplements(row.code, row.supplements),
  };
}
