/**
 * What one dossier adds to the daily counts, by the same definitions as `classify` (its reception, its end and how
 * it ended are fixed facts of the dossier; only the open dossiers' standing depends on when one looks). Summing
 * these per local day gives every flow figure of any day-aligned period without reading the dossiers again.
 */
import { localDateOf } from '../../calendar/local-time.ts';
import { endOf, timingOf } from './classify.ts';
import { type Calendar, resolutionDays } from './clock.ts';
import { Channel, type DossierFacts, Status } from './facts.ts';

/** The counters kept per day; the names are those of the figures' tally. */
export const DAILY_COUNTERS = [
  'received',
  'inPerson',
  'online',
  'postal',
  'unknownChannel',
  'paidOnline',
  'digitised',
  'returned',
  'withdrawn',
  'early',
  'onTime',
  'late',
  'resolutionSum',
  'resolutionCount',
] as const;
export type DailyCounter = (typeof DAILY_COUNTERS)[number];
export type DailyCounts = Record<DailyCounter, number>;

export function emptyCounts(): DailyCounts {
  return Object.fromEntries(DAILY_COUNTERS.map((k) => [k, 0])) as DailyCounts;
}

/** Vietnam keeps UTC+7 all year: the local calendar day of an instant. */
export const localDay = localDateOf;

/** One dated increment: `counts` go to `day`. */
export interface DayCounts {
  day: string;
  counts: Partial<DailyCounts>;
}

const channelCounter = (facts: DossierFacts): DailyCounter =>
  facts.channel === Channel.inPerson
    ? 'inPerson'
    : facts.channel === Channel.online
      ? 'online'
      : facts.channel === Channel.postal
        ? 'postal'
        : 'unknownChannel';

/**
 * The end of processing as stored for the open-dossier queries: null only while a received dossier is open. A
 * refused dossier (status 3) never entered processing: it is dated by its status, so that "still open" stays small.
 */
export function endedAt(facts: DossierFacts): number | null {
  if (facts.status === Status.notAccepted) return facts.statusAt;
  if (facts.receivedAt === null) return null;
  return endOf(facts)?.at ?? null;
}

export function contributionOf(facts: DossierFacts, calendar: Calendar): DayCounts[] {
  if (facts.status === Status.notAccepted) return [{ day: localDay(facts.statusAt), counts: { returned: 1 } }];
  if (facts.receivedAt === null) return [];
  const intake: Partial<DailyCounts> = { received: 1, [channelCounter(facts)]: 1 };
  if (facts.paidOnline) intake.paidOnline = 1;
  if (facts.digitised) intake.digitised = 1;
  const out: DayCounts[] = [{ day: localDay(facts.receivedAt), counts: intake }];
  const end = endOf(facts);
  if (!end) return out;
  if (end.how === 'withdrawn') {
    out.push({ day: localDay(end.at), counts: { withdrawn: 1 } });
    return out;
  }
  const { timing } = timingOf(facts, end.at, calendar);
  const days = resolutionDays(facts, end.at, calendar);
  const counts: Partial<DailyCounts> = { [timing]: 1 };
  if (days !== null) {
    counts.resolutionSum = days;
    counts.resolutionCount = 1;
  }
  out.push({ day: localDay(end.at), counts });
  return out;
}
