import { type Static, Type } from 'typebox';
import { isoDateTime, Nullable } from './common.ts';

/** A station id or a metric: a slug (letters, digits, _ . -), as in MQTT topics `ioc/obs/<station>/<metric>`. */
export const SLUG_PATTERN = '[A-Za-z0-9][A-Za-z0-9_.-]{0,63}';
/** A stream key: `<station>/<metric>`, e.g. `son-diem/water_level`. */
export const STREAM_KEY_PATTERN = `^${SLUG_PATTERN}/${SLUG_PATTERN}$`;

export const StationSlug = Type.String({ pattern: `^${SLUG_PATTERN}$`, description: "station id, e.g. 'son-diem'" });
export const MetricSlug = Type.String({ pattern: `^${SLUG_PATTERN}$`, description: "metric, e.g. 'water_level'" });
export const StreamKey = Type.String({
  pattern: STREAM_KEY_PATTERN,
  description: "'<station>/<metric>', e.g. 'son-diem/water_level'",
});
const UnitRef = Type.String({ pattern: '^[A-Za-z0-9_.@-]{1,40}$', description: 'org unit id' });
const Name = Type.String({ minLength: 1, maxLength: 300 });
const Latitude = Type.Number({ minimum: -90, maximum: 90 });
const Longitude = Type.Number({ minimum: -180, maximum: 180 });

export const STATION_KINDS = ['hydro', 'rain', 'reservoir', 'weather', 'hospital', 'hotel', 'camera', 'other'] as const;
export const StationKind = Type.Union(STATION_KINDS.map((kind) => Type.Literal(kind)));
export type StationKind = Static<typeof StationKind>;

export const SaveStationBody = Type.Object(
  {
    id: StationSlug,
    name: Name,
    nameEn: Type.Optional(Nullable(Name)),
    kind: StationKind,
    unit: Type.Optional(Nullable(UnitRef)),
    lat: Type.Optional(Nullable(Latitude)),
    lon: Type.Optional(Nullable(Longitude)),
    owner: Type.Optional(Nullable(Type.String({ maxLength: 60, description: 'agency code' }))),
    attributes: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { description: 'river, alarm levels, …' }),
    ),
  },
  { additionalProperties: false },
);
export type SaveStationBody = Static<typeof SaveStationBody>;

export const Station = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  kind: Type.String(),
  unit: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  owner: Nullable(Type.String()),
  attributes: Type.Record(Type.String(), Type.Unknown()),
});
export type Station = Static<typeof Station>;

/**
 * What a stream's values are, which decides how a bucket of them is summed up: a `gauge` is a level read at an
 * instant (water level, beds occupied: a bucket shows its mean), an `amount` is what fell or came in since the last
 * point (rainfall per interval, arrivals: a bucket shows its total), a `state` is a code (pump on/off, a warning
 * level: a bucket shows its last value).
 */
export const VALUE_KINDS = ['gauge', 'amount', 'state'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];
export const ValueKindSchema = Type.Union([Type.Literal('gauge'), Type.Literal('amount'), Type.Literal('state')], {
  description: 'gauge: a bucket shows its mean; amount: its total; state: its last value',
});

export const SaveStreamBody = Type.Object(
  {
    station: StationSlug,
    metric: MetricSlug,
    name: Name,
    nameEn: Type.Optional(Nullable(Name)),
    uom: Type.String({ maxLength: 40, description: "unit of measure: 'm', 'mm', 'm3/s', 'million m3', 'beds'" }),
    cadenceSeconds: Type.Optional(
      Nullable(Type.Integer({ minimum: 1, maximum: 31_536_000, description: 'expected interval between points' })),
    ),
    unit: Type.Optional(Nullable(UnitRef)),
    lat: Type.Optional(Nullable(Latitude)),
    lon: Type.Optional(Nullable(Longitude)),
    owner: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    valueKind: Type.Optional(ValueKindSchema),
  },
  { additionalProperties: false },
);
export type SaveStreamBody = Static<typeof SaveStreamBody>;

export const Stream = Type.Object({
  key: Type.String(),
  id: Type.Integer(),
  station: Type.String(),
  metric: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  uom: Type.String(),
  valueKind: ValueKindSchema,
  cadenceSeconds: Nullable(Type.Integer()),
  /** The stream's org unit, else its station's. */
  unit: Nullable(Type.String()),
  owner: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  /** The latest point, ISO, and its value; null before the first. */
  lastTime: Nullable(Type.String()),
  lastValue: Nullable(Type.Number()),
});
export type Stream = Static<typeof Stream>;

export const StreamListQuery = Type.Object({ station: Type.Optional(StationSlug) });
export type StreamListQuery = Static<typeof StreamListQuery>;

export const LatestQuery = Type.Object({
  station: Type.Optional(StationSlug),
  streams: Type.Optional(
    Type.String({ maxLength: 20_000, description: 'stream keys, comma-separated (with station: metrics too)' }),
  ),
});
export type LatestQuery = Static<typeof LatestQuery>;

export const LatestValue = Type.Object({
  stream: Type.String(),
  time: Type.String(),
  value: Type.Number(),
  uom: Type.String(),
});
export type LatestValue = Static<typeof LatestValue>;

export const StreamSeriesParams = Type.Object({ station: StationSlug, metric: MetricSlug });
export type StreamSeriesParams = Static<typeof StreamSeriesParams>;

export const SERIES_RESOLUTIONS = ['auto', 'raw', 'minute', 'hour', 'day'] as const;
export const ObservationSeriesQuery = Type.Object({
  from: isoDateTime('start, included'),
  to: isoDateTime('end, excluded'),
  resolution: Type.Optional(
    Type.Union(
      SERIES_RESOLUTIONS.map((r) => Type.Literal(r)),
      {
        default: 'auto',
        description: 'auto: the coarsest rollup that still gives about 200 points or more',
      },
    ),
  ),
});
export type ObservationSeriesQuery = Static<typeof ObservationSeriesQuery>;

export const ObservationPoint = Type.Object({
  /** Epoch ms: the point's time, or the bucket's start. */
  t: Type.Number(),
  /** The value; for a bucket, its mean (gauge), total (amount) or last value (state). */
  value: Type.Number(),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  count: Type.Optional(Type.Integer()),
});
export type ObservationPoint = Static<typeof ObservationPoint>;

export const ObservationSeries = Type.Object({
  stream: Type.String(),
  uom: Type.String(),
  valueKind: ValueKindSchema,
  resolution: Type.Union([Type.Literal('raw'), Type.Literal('minute'), Type.Literal('hour'), Type.Literal('day')]),
  from: Type.String(),
  to: Type.String(),
  points: Type.Array(ObservationPoint),
});
export type ObservationSeries = Static<typeof ObservationSeries>;

export const IngestQuery = Type.Object({
  atomic: Type.Optional(Type.Boolean({ default: false, description: 'refuse the whole batch if one line is bad' })),
});
export type IngestQuery = Static<typeof IngestQuery>;

/** One observation as sent: the time is ISO 8601 with its offset, or epoch milliseconds. */
export const ObservationLine = Type.Object({
  stream: StreamKey,
  time: Type.Union([Type.String({ maxLength: 40 }), Type.Number()]),
  value: Type.Number(),
});

export const IngestReport = Type.Object({
  accepted: Type.Integer({ description: 'points stored (a repeat of a stored time overwrites it)' }),
  rejected: Type.Array(
    Type.Object({
      /** 1-based: the array index + 1, the NDJSON line, or the CSV line (the header is line 1). */
      line: Type.Integer(),
      stream: Type.Optional(Type.String()),
      message: Type.String(),
    }),
  ),
  registered: Type.Integer({ description: 'streams registered by this batch (keys allowed to auto-register)' }),
});
export type IngestReport = Static<typeof IngestReport>;
