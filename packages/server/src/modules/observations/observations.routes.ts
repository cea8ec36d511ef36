import type { Readable } from 'node:stream';
import {
  IngestQuery,
  IngestReport,
  LatestQuery,
  LatestValue,
  ObservationSeries,
  ObservationSeriesQuery,
  SaveStationBody,
  SaveStreamBody,
  Station,
  Stream,
  StreamListQuery,
  StreamSeriesParams,
} from '@ioc/shared';
import { Type } from 'typebox';
import { invalid } from '../../errors.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { sendCsv } from '../../http/csv.ts';
import { errorResponses, READ_ERRORS } from '../../http/route-kit.ts';
import type { Kernel } from '../../kernel.ts';
import { feedCsv, feedNdjson } from './ingest-formats.ts';

const NDJSON = 'application/x-ndjson';
const WRITE_ERRORS = errorResponses(400, 401, 403, 404);
/** A file the browser downloads through a link (as in the shared route map). */
const Download = Type.Unsafe<ArrayBuffer>({ type: 'string', format: 'binary' });

export function observationRoutes(app: App, { observations, platform }: Kernel): void {
  // NDJSON is handed to the route as the request stream and read line by line as it arrives, never buffered whole.
  if (!app.hasContentTypeParser(NDJSON))
    app.addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));

  app.post(
    '/api/v1/observations',
    {
      config: { permission: 'observations.write' },
      // A JSON array is parsed whole, up to the upload limit; NDJSON streams and has no limit but the queue's.
      bodyLimit: platform.config.maxUploadBytes,
      schema: {
        tags: ['observations'],
        summary:
          'Store observations: a JSON array, NDJSON (application/x-ndjson) or CSV (text/csv: stream,time,value) of {stream, time, value}',
        description:
          'Idempotent on (stream, time): a repeat overwrites. Bad lines are listed with their 1-based line number and the rest stored; with atomic=true one bad line refuses the whole batch (400). When the writer is busy: 503 with Retry-After.',
        querystring: IngestQuery,
        response: { 200: IngestReport, ...errorResponses(400, 401, 403, 413, 415, 503) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const autoRegister =
        actor.type === 'apikey' && actor.id !== null && (await observations.keyMayRegisterStreams(actor.id));
      const session = observations.openIngest({
        atomic: request.query.atomic ?? false,
        autoRegister,
        unit: actor.scope.unitId,
        scope: actor.scope,
      });
      const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type === NDJSON) {
        await feedNdjson(request.body as Readable, session);
      } else if (type === 'text/csv') {
        await feedCsv(request.body as Buffer, session);
      } else {
        const body = request.body;
        if (!Array.isArray(body)) {
          throw invalid('The body must be a JSON array of {stream, time, value}', [
            { field: '', message: 'not an array' },
          ]);
        }
        for (let i = 0; i < body.length; i++) {
          session.add(i + 1, body[i]);
          if (session.full) await session.flush();
        }
      }
      return session.finish();
    },
  );

  app.get(
    '/api/v1/stations',
    {
      config: { permission: 'observations.read' },
      schema: {
        tags: ['observations'],
        summary: 'Stations of units in your scope',
        response: { 200: Type.Array(Station), ...READ_ERRORS },
      },
    },
    async (request) => observations.stations(actorOf(request)),
  );
  app.post(
    '/api/v1/stations',
    {
      config: { permission: 'observations.manage' },
      schema: {
        tags: ['observations'],
        summary: 'Create or update a station (by id)',
        body: SaveStationBody,
        response: { 200: Station, ...WRITE_ERRORS },
      },
    },
    async (request) => observations.saveStation(actorOf(request), request.body),
  );
  app.get(
    '/api/v1/streams',
    {
      config: { permission: 'observations.read' },
      schema: {
        tags: ['observations'],
        summary: 'Streams of units in your scope, with their latest point',
        querystring: StreamListQuery,
        response: { 200: Type.Array(Stream), ...READ_ERRORS },
      },
    },
    async (request) => observations.streams(actorOf(request), request.query),
  );
  app.post(
    '/api/v1/streams',
    {
      config: { permission: 'observations.manage' },
      schema: {
        tags: ['observations'],
        summary: "Create or update a stream (by '<station>/<metric>')",
        body: SaveStreamBody,
        response: { 200: Stream, ...WRITE_ERRORS },
      },
    },
    async (request) => observations.saveStream(actorOf(request), request.body),
  );
  app.get(
    '/api/v1/streams/latest',
    {
      config: { permission: 'observations.read' },
      schema: {
        tags: ['observations'],
        summary:
          "Latest value of each stream (of a station, or the keys listed; a station's metrics may be given bare)",
        querystring: LatestQuery,
        response: { 200: Type.Array(LatestValue), ...READ_ERRORS },
      },
    },
    async (request) => observations.latestInScope(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/streams/:station/:metric/series',
    {
      config: { permission: 'observations.read' },
      schema: {
        tags: ['observations'],
        summary: 'A stream over [from, to): raw points or minute/hour/day rollups (auto: chosen from the range)',
        params: StreamSeriesParams,
        querystring: ObservationSeriesQuery,
        response: { 200: ObservationSeries, ...READ_ERRORS },
      },
    },
    async (request) => {
      const { station, metric } = request.params;
      const { from, to, resolution } = request.query;
      return observations.series(
        actorOf(request),
        `${station}/${metric}`,
        Date.parse(from),
        Date.parse(to),
        resolution ?? 'auto',
      );
    },
  );
  app.get(
    '/api/v1/streams/:station/:metric/series.csv',
    {
      config: { permission: 'observations.read' },
      schema: {
        tags: ['observations'],
        summary: 'The same series as a CSV download: time, value (the mean of a bucket), min, max, count',
        params: StreamSeriesParams,
        querystring: ObservationSeriesQuery,
        response: { 200: Download, ...READ_ERRORS },
      },
    },
    async (request, reply) => {
      const { station, metric } = request.params;
      const { from, to, resolution } = request.query;
      const series = await observations.series(
        actorOf(request),
        `${station}/${metric}`,
        Date.parse(from),
        Date.parse(to),
        resolution ?? 'auto',
      );
      const rows = series.points.map((p) => [new Date(p.t).toISOString(), p.value, p.min, p.max, p.count]);
      return sendCsv(
        reply,
        `${station}-${metric}-${series.resolution}`,
        ['time', 'value', 'min', 'max', 'count'],
        rows,
      );
    },
  );
}
