/**
 * What an MQTT message on `ioc/obs/<station>/<metric>` says: `{"time": ISO-8601 or epoch ms, "value": n}`, or a bare
 * number measured when it arrived. Anything else is a bad payload, counted and skipped by the reader.
 */

/** The topic filter the readers subscribe to, under a shared-subscription group so several servers split the load. */
export const OBSERVATION_TOPICS = 'ioc/obs/+/+';
export const sharedTopics = (group: string) => `$share/${group}/${OBSERVATION_TOPICS}`;

/** A reading is small: a longer payload is refused before it is parsed. */
const MAX_PAYLOAD_BYTES = 1024;
const BARE_NUMBER = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** The stream key `<station>/<metric>` a topic names, or null when it is not an observation topic. */
export function streamOfTopic(topic: string): string | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || parts[0] !== 'ioc' || parts[1] !== 'obs' || !parts[2] || !parts[3]) return null;
  return `${parts[2]}/${parts[3]}`;
}

export interface Reading {
  /** As sent (ISO-8601 text or epoch ms), or the receipt time for a bare number: the ingest checks and converts it. */
  time: string | number;
  value: number;
}

/** The reading a payload carries, or why it carries none. */
export function readPayload(payload: Uint8Array | string, receivedAt: number): Reading | { problem: string } {
  const bytes = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
  if (bytes === 0) return { problem: 'empty payload' };
  if (bytes > MAX_PAYLOAD_BYTES) return { problem: `payload over ${MAX_PAYLOAD_BYTES} bytes` };
  const text =
    typeof payload === 'string'
      ? payload
      : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
  if (BARE_NUMBER.test(text)) return { time: receivedAt, value: Number(text) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: 'neither a number nor JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { problem: 'not a {time, value} object' };
  const { time, value } = body as { time?: unknown; value?: unknown };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: 'value is not a finite number' };
  if (time === undefined || time === null) return { time: receivedAt, value };
  if (typeof time === 'number' && Number.isFinite(time)) return { time, value };
  if (typeof time === 'string' && time.length <= 40 && !Number.isNaN(Date.parse(time))) return { time, value };
  return { problem: 'time is neither ISO-8601 nor epoch milliseconds' };
}
