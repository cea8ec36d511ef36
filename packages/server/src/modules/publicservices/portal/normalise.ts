/**
 * How a field of the portal format is read before its record is checked. Every reading takes `""` and null for
 * "not given" (the field is left out); `number` also takes the digits of a number for the number, `flag` the texts
 * of a yes or no, and `list` reads each item of an array with its own fields.
 */
export type Reading = 'value' | 'number' | 'flag' | { list: Readings };
export type Readings = ReadonlyMap<string, Reading>;

/** The digits of a whole number as senders write codes ("4", "10"); longer runs are not codes. */
const DIGITS = /^[0-9]{1,9}$/;
/** What senders write for a yes or no: the portal's .NET "True"/"False", Java's "true"/"false", "1"/"0". */
const FLAGS = new Map<string, 0 | 1>([
  ['True', 1],
  ['true', 1],
  ['1', 1],
  ['False', 0],
  ['false', 0],
  ['0', 0],
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of the record with its fields read as `readings` says and only those; the names of the other fields go
 * into `ignored` (a field of a list item as `List/Field`). What cannot be read is kept as sent, for the check to
 * refuse it by name.
 */
export function normalise(
  record: Record<string, unknown>,
  readings: Readings,
  ignored: Set<string>,
  prefix = '',
): Record<string, unknown> {
  const read: Record<string, unknown> = {};
  for (const name of Object.keys(record)) {
    const reading = readings.get(name);
    if (reading === undefined) {
      ignored.add(prefix + name);
      continue;
    }
    const value = record[name];
    if (value === null || value === '' || value === undefined) continue;
    read[name] = readValue(value, reading, ignored, `${prefix}${name}/`);
  }
  return read;
}

function readValue(value: unknown, reading: Reading, ignored: Set<string>, prefix: string): unknown {
  if (reading === 'number') return typeof value === 'string' && DIGITS.test(value) ? Number(value) : value;
  if (reading === 'flag') return typeof value === 'string' ? (FLAGS.get(value) ?? value) : value;
  if (typeof reading === 'object' && Array.isArray(value)) {
    return value.map((item) => (isRecord(item) ? normalise(item, reading.list, ignored, prefix) : item));
  }
  return value;
}
