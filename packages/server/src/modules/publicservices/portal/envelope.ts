import { SyncEnvelope, type SyncServiceName } from '@ioc/shared';
import { Value } from 'typebox/value';

/** What a sender may give outside the body: the query string (`?service=&MaDinhDanhDV=`) or the path. */
export interface OutsideTheBody {
  service?: string | undefined;
  MaDinhDanhDV?: string | undefined;
}

/** The envelope's fields other than data; any other field beside data is the sender's own. */
export const ENVELOPE_FIELDS: ReadonlySet<string> = new Set(Object.keys(SyncEnvelope.properties));

export type EnvelopeReading =
  | { ok: true; envelope: SyncEnvelope; bare: boolean }
  | {
      ok: false;
      field: 'body' | 'service' | 'MaDinhDanhDV';
      rule: 'type' | 'required' | 'const' | 'pattern';
      message: string;
    };

const SERVICES = new Set<string>(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The one value of a field given in the body, outside it, or both alike; "" and null are not given. */
function agreed(name: string, sent: unknown, outside: string | undefined): { value: unknown } | { message: string } {
  const inside = sent === '' || sent === null ? undefined : sent;
  if (inside !== undefined && outside !== undefined && inside !== outside) {
    return { message: `${name} is ${JSON.stringify(inside)} in the body and ${JSON.stringify(outside)} outside it` };
  }
  return { value: inside ?? outside };
}

/**
 * One envelope from the shapes senders post: the portal's `{ service, isUpdating, MaDinhDanhDV, data }`, or the
 * array of records alone with service and MaDinhDanhDV in the query string or path. Whatever else the envelope
 * carries stays on it (the sync counts it as not read); isUpdating is not kept, as the IOC does not need it.
 */
export function envelopeOf(body: unknown, outside: OutsideTheBody): EnvelopeReading {
  const bare = Array.isArray(body);
  const records: unknown = bare ? body : isRecord(body) ? body.data : undefined;
  if (!Array.isArray(records)) {
    return {
      ok: false,
      field: 'body',
      rule: 'type',
      message: 'is neither the portal envelope { service, data: [...] } nor an array of records',
    };
  }
  const { isUpdating: _isUpdating, ...sent } = isRecord(body) ? body : {};
  const service = agreed('service', sent.service, outside.service);
  if ('message' in service) return { ok: false, field: 'service', rule: 'const', message: service.message };
  if (typeof service.value !== 'string' || !SERVICES.has(service.value)) {
    return {
      ok: false,
      field: 'service',
      rule: service.value === undefined ? 'required' : 'const',
      message: 'must be DongBoHoSoMC or CapNhatTienDoHoSoMC, in the envelope or the query string',
    };
  }
  const agency = agreed('MaDinhDanhDV', sent.MaDinhDanhDV, outside.MaDinhDanhDV);
  if ('message' in agency) return { ok: false, field: 'MaDinhDanhDV', rule: 'const', message: agency.message };
  if (agency.value !== undefined && !Value.Check(SyncEnvelope.properties.MaDinhDanhDV, agency.value)) {
    const message = 'is not a national agency id (e.g. 000.00.22.H27)';
    return { ok: false, field: 'MaDinhDanhDV', rule: 'pattern', message };
  }
  // Anything but an object is kept as an empty record, so that it is refused by its position like any bad record.
  const data = records.map((record) => (isRecord(record) ? record : {}));
  const envelope = { ...sent, service: service.value as SyncServiceName, data } as SyncEnvelope;
  if (agency.value === undefined) delete envelope.MaDinhDanhDV;
  else envelope.MaDinhDanhDV = agency.value as string;
  return { ok: true, envelope, bare };
}
