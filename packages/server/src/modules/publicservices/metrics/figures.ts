/**
 * The one-stop figures of a set of dossiers, from their classifications. Rates are percentages (0–100), unrounded
 * (the page rounds), and null when their denominator is zero (no dossiers is not 0 %).
 *
 * Denominators: on-time rate over finished; overdue rate over to process; channel, online payment and digitisation
 * shares over the dossiers received in the period (the new intake; carried-over dossiers were counted in theirs).
 */
import type { Classification } from './classify.ts';
import { Channel, type DossierFacts } from './facts.ts';

export interface Figures {
  received: number;
  carriedOver: number;
  /** carriedOver + received = finished + in progress + withdrawn. */
  toProcess: number;
  inProgress: { total: number; overdue: number; dueSoon: number; notYetDue: number };
  finished: { total: number; early: number; onTime: number; late: number };
  returned: number;
  withdrawn: number;
  /** (early + on time) ÷ finished × 100. */
  onTimeRate: number | null;
  /** (overdue in progress + late finished) ÷ to process × 100. */
  overdueRate: number | null;
  /** Mean working days from reception to end of processing, supplement pauses excluded, over finished dossiers. */
  averageResolutionDays: number | null;
  /** Received dossiers by channel (KenhThucHien). */
  channels: { inPerson: number; online: number; postal: number; unknown: number };
  channelShares: { inPerson: number | null; online: number | null; postal: number | null; unknown: number | null };
  /** Online submission share (766): online received ÷ received × 100 (= channelShares.online). */
  onlineShare: number | null;
  paidOnline: number;
  /** Received dossiers paid online ÷ received × 100. */
  onlinePaymentShare: number | null;
  digitised: number;
  /** Received dossiers with digitised components ÷ received × 100. */
  digitisationShare: number | null;
}

/** Running counts for one group; `finish` turns them into figures. */
export interface Tally {
  received: number;
  carriedOver: number;
  overdue: number;
  dueSoon: number;
  notYetDue: number;
  early: number;
  onTime: number;
  late: number;
  returned: number;
  withdrawn: number;
  resolutionSum: number;
  resolutionCount: number;
  inPerson: number;
  online: number;
  postal: number;
  unknownChannel: number;
  paidOnline: number;
  digitised: number;
}

export function emptyTally(): Tally {
  return {
    received: 0,
    carriedOver: 0,
    overdue: 0,
    dueSoon: 0,
    notYetDue: 0,
    early: 0,
    onTime: 0,
    late: 0,
    returned: 0,
    withdrawn: 0,
    resolutionSum: 0,
    resolutionCount: 0,
    inPerson: 0,
    online: 0,
    postal: 0,
    unknownChannel: 0,
    paidOnline: 0,
    digitised: 0,
  };
}

function countChannel(t: Tally, facts: DossierFacts): void {
  if (facts.channel === Channel.inPerson) t.inPerson++;
  else if (facts.channel === Channel.online) t.online++;
  else if (facts.channel === Channel.postal) t.postal++;
  else t.unknownChannel++;
  if (facts.paidOnline) t.paidOnline++;
  if (facts.digitised) t.digitised++;
}

export function addTo(t: Tally, facts: DossierFacts, c: Classification): void {
  if (c.received) {
    t.received++;
    countChannel(t, facts);
  }
  if (c.carriedOver) t.carriedOver++;
  const s = c.standing;
  if (s.kind === 'returned') t.returned++;
  else if (s.kind === 'withdrawn') t.withdrawn++;
  else if (s.kind === 'inProgress') t[s.progress]++;
  else if (s.kind === 'finished') {
    t[s.timing]++;
    if (s.resolutionDays !== null) {
      t.resolutionSum += s.resolutionDays;
      t.resolutionCount++;
    }
  }
}

const rate = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);

export function finish(t: Tally): Figures {
  const toProcess = t.carriedOver + t.received;
  const finished = t.early + t.onTime + t.late;
  const online = rate(t.online, t.received);
  return {
    received: t.received,
    carriedOver: t.carriedOver,
    toProcess,
    inProgress: {
      total: t.overdue + t.dueSoon + t.notYetDue,
      overdue: t.overdue,
      dueSoon: t.dueSoon,
      notYetDue: t.notYetDue,
    },
    finished: { total: finished, early: t.early, onTime: t.onTime, late: t.late },
    returned: t.returned,
    withdrawn: t.withdrawn,
    onTimeRate: rate(t.early + t.onTime, finished),
    overdueRate: rate(t.overdue + t.late, toProcess),
    averageResolutionDays: t.resolutionCount === 0 ? null : t.resolutionSum / t.resolutionCount,
    channels: { inPerson: t.inPerson, online: t.online, postal: t.postal, unknown: t.unknownChannel },
    channelShares: {
      inPerson: rate(t.inPerson, t.received),
      online,
      postal: rate(t.postal, t.received),
      unknown: rate(t.unknownChannel, t.received),
    },
    onlineShare: online,
    paidOnline: t.paidOnline,
    onlinePaymentShare: rate(t.paidOnline, t.received),
    digitised: t.digitised,
    digitisationShare: rate(t.digitised, t.received),
  };
}
