import { STREAM_KEY_PATTERN } from '@ioc/shared';
import { AppError } from '../../errors.ts';
import type { IngestOptions, IngestReport, ObservationService } from './observations.service.ts';
import type { ObservationWriter, StoredPoint } from './writer.ts';

/**
 * Lines handed to the writer at a time, while the next ones are read. Large, because a commit's cost is in the pages
 * it writes: 1,000 streams × 25 points touch about as many pages as 1,000 × 5.
 */
const CHUNK = 50_000;
/** Bad lines listed one by one in a report; beyond, one line says how many more there were. */
const MAX_LISTED = 1_000;

const STREAM_KEY = new RegExp(STREAM_KEY_PATTERN);
export const isStreamKey = (key: string): boolean => STREAM_KEY.test(key);
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(2300, 0, 1);
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?([Zz]|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/** The 503 an ingest gets when the writer's queue is full: the sender tries again a little later. */
export function overloaded(): AppError {
  return new AppError(
    'UNAVAILABLE',
    'The observation writer is busy: its queue is full. Send again after the Retry-After delay.',
    undefined,
    { 'retry-after': '1' },
  );
}

type Rejection = IngestReport['rejected'][number];
/** A checked line; once its stream is resolved, the same object goes to the writer as its point. */
interface Line extends StoredPoint {
  line: number;
}

/** Epoch ms of an ISO-8601 instant with its offset, or of epoch ms; null when it is no real time of 1900–2299. */
export function parseTime(time: unknown): number | null {
  let t: number;
  if (typeof time === 'number') {
    if (!Number.isInteger(time)) return null;
    t = time;
  } else if (typeof time === 'string') {
    const parts = ISO_INSTANT.exec(time);
    if (!parts) return null;
    const [, year, month, day] = parts.map(Number) as number[];
    // Date.parse takes 30 February as 2 March: the day must exist in its month.
    if (new Date(Date.UTC(year!, month! - 1, day!)).getUTCDate() !== day) return null;
    t = Date.parse(time.replace(' ', 'T'));
    if (Number.isNaN(t)) return null;
  } else {
    return null;
  }
  return t >= EARLIEST && t < LATEST ? t : null;
}

/** One line as sent: a valid point, or why not. */
export function checkLine(input: unknown): { stream: string; t: number; value: number } | Omit<Rejection, 'line'> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { message: 'not an object {stream, time, value}' };
  }
  const { stream, time, value } = input as Record<string, unknown>;
  if (typeof stream !== 'string' || !STREAM_KEY.test(stream)) {
    return {
      ...(typeof stream === 'string' ? { stream: stream.slice(0, 200) } : {}),
      message: "stream must be '<station>/<metric>' (letters, digits, _ . -)",
    };
  }
  const t = parseTime(time);
  if (t === null) {
    return { stream, message: 'time must be ISO 8601 with its offset, or epoch milliseconds, in 1900–2299' };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return { stream, message: 'value must be a finite number' };
  return { stream, t, value };
}

/**
 * One batch fed line by line (an array, NDJSON read as it arrives, CSV). Without `atomic`, good lines go to the
 * writer every CHUNK lines, one chunk committing while the next is read: memory stays flat whatever the size. The
 * first chunk is refused with a 503 when the writer's queue is full; later ones wait for room (the sender's
 * connection waits with them). With `atomic`, every line is checked first and nothing is written if one is bad.
 */
export class IngestSession {
  private lines: Line[] = [];
  private readonly rejected: Rejection[] = [];
  private unlisted = 0;
  private firstUnlisted = 0;
  private accepted = 0;
  private registered = 0;
  private started = false;
  private inFlight: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(
    private readonly service: ObservationService,
    private readonly writer: ObservationWriter,
    private readonly options: IngestOptions,
  ) {}

  /** Enough lines wait to be handed to the writer. */
  get full(): boolean {
    return !this.options.atomic && this.lines.length >= CHUNK;
  }

  add(line: number, input: unknown): void {
    const checked = checkLine(input);
    if ('t' in checked) this.addChecked(line, checked.stream, checked.t, checked.value);
    else this.reject({ line, ...checked });
  }

  /** A line already checked as `checkLine` does (a valid key, time and value). */
  addChecked(line: number, stream: string, t: number, value: number): void {
    if (this.options.atomic && this.lines.length >= this.writer.limit) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `An atomic batch holds at most ${this.writer.limit} observations; send more without atomic, or in parts`,
      );
    }
    this.lines.push({ line, streamId: 0, stream, t, value });
  }

  /** A line that could not be read at all (bad JSON, a CSV row of the wrong shape). */
  reject(rejection: Rejection): void {
    if (this.rejected.length < MAX_LISTED) {
      this.rejected.push(rejection);
    } else {
      if (this.unlisted === 0) this.firstUnlisted = rejection.line;
      this.unlisted++;
    }
  }

  /** Hands the waiting lines to the writer (keeping one chunk in flight). */
  async flush(): Promise<void> {
    if (this.options.atomic || this.lines.length === 0) return;
    const lines = this.lines;
    this.lines = [];
    const points = await this.resolve(lines, false);
    if (!this.started && !this.writer.hasRoom(points.length)) throw overloaded();
    await this.settle();
    await this.writer.waitForRoom(points.length);
    this.started = true;
    this.inFlight = this.writer.write(points).then(
      () => {
        this.accepted += points.length;
      },
      (error: unknown) => {
        this.failure = error;
      },
    );
  }

  /** Waits for the chunk in flight; a chunk the database refused ends the batch with that error. */
  private async settle(): Promise<void> {
    if (this.inFlight) await this.inFlight;
    this.inFlight = null;
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<IngestReport> {
    if (this.options.atomic) {
      await this.resolve(this.lines, true);
      if (this.rejected.length > 0) {
        throw new AppError(
          'VALIDATION_FAILED',
          `${this.rejected.length + this.unlisted} bad line(s): nothing was stored`,
          this.report().rejected,
        );
      }
      const points = await this.resolve(this.lines, false);
      if (!this.writer.hasRoom(points.length)) throw overloaded();
      await this.writer.write(points);
      this.accepted = points.length;
    } else {
      await this.flush();
      await this.settle();
    }
    return this.report();
  }

  private report(): IngestReport {
    const rejected = [...this.rejected].sort((a, b) => a.line - b.line);
    if (this.unlisted > 0) {
      rejected.push({ line: this.firstUnlisted, message: `and ${this.unlisted} more bad lines, not listed` });
    }
    return { accepted: this.accepted, rejected, registered: this.registered };
  }

  /** The lines' streams looked up (or registered); lines of streams that cannot be written are rejected. */
  private async resolve(lines: Line[], dryRun: boolean): Promise<StoredPoint[]> {
    const unique = new Set<string>();
    for (const l of lines) unique.add(l.stream);
    const keys = [...unique];
    const { streams, registered } = await this.service.resolveStreams(keys, this.options, dryRun);
    this.registered += registered;
    const points: StoredPoint[] = [];
    for (const l of lines) {
      const stream = streams.get(l.stream);
      if (typeof stream === 'object') {
        l.streamId = stream.id;
        points.push(l);
      } else if (stream !== 'pending registration')
        this.reject({ line: l.line, stream: l.stream, message: stream ?? '' });
    }
    return points;
  }
}
