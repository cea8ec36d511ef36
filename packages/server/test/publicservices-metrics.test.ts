/**
 * Decision 766 figures, checked against numbers worked out by hand.
 *
 * Calendar: weekends off, working window 07:30–17:00 local (UTC+7) = 9.5 h = 1 working day (wd). March 2025 has no
 * public holiday: 1 March is a Saturday, working days are 3–7, 10–14, 17–21, 24–28 and 31 March. 2025 entries used:
 * 7 April (Hùng Kings), 30 April, 1 May, 2 May off (2 May swapped with Saturday 26 April, a working day).
 * All times below are local; "h" are working hours.
 */
import { describe, expect, it } from 'vitest';
import type { DossierTable } from '../src/db/schema.ts';
import { WorkingCalendar } from '../src/modules/calendar/working-days.ts';
import { classify, type Period, periodSoFar } from '../src/modules/publicservices/metrics/classify.ts';
import { type DossierFacts, factsOf } from '../src/modules/publicservices/metrics/facts.ts';
import {
  checkRules,
  criterionPoints,
  DEFAULT_SCORING_RULES,
  ratesFromFigures,
  type ScoringRules,
  score766,
} from '../src/modules/publicservices/metrics/score766.ts';
import { summarize } from '../src/modules/publicservices/metrics/summary.ts';
import {
  APRIL,
  calendar,
  FACTS,
  facts,
  H,
  MARCH,
  MAY,
  ms,
  ROWS,
  row,
  type Spec,
  vn,
} from './fixtures/one-stop-march-2025.ts';

describe('facts of a stored dossier', () => {
  it('reads a DossierTable row as it is stored', () => {
    // Compile-time check that a real table row is accepted as it is.
    const fromTable = (r: DossierTable): DossierFacts => factsOf(r);
    expect(typeof fromTable).toBe('function');
    const f = facts('M12');
    expect(f.receivedAt).toBe(ms('2025-03-04 08:00'));
    expect(f.channel).toBe(2);
    expect(f.digitised).toBe(true);
    expect(f.paidOnline).toBe(false);
    expect(f.supplements.map((s) => s.requestedAt)).toEqual([ms('2025-03-06 08:00'), ms('2025-03-11 08:00')]);
    expect(facts('M22').supplements[0]?.suppliedAt).toBeNull();
  });

  it('sorts supplements, prefers the matched agency code and refuses a broken supplements column', () => {
    const base = ROWS[0]!;
    const f = factsOf({
      ...base,
      agency_code: 'G22.42.18073',
      channel: 9,
      supplements: JSON.stringify([
        { requestedAt: vn('2025-03-10 08:00'), suppliedAt: null, reason: null },
        { requestedAt: vn('2025-03-03 08:00'), suppliedAt: vn('2025-03-04 08:00'), reason: 'x' },
        { requestedAt: 'not a date' },
      ]),
    });
    expect(f.agency).toBe('G22.42.18073');
    expect(f.channel).toBeNull();
    expect(f.supplements.map((s) => s.requestedAt)).toEqual([ms('2025-03-03 08:00'), ms('2025-03-10 08:00')]);
    expect(() => factsOf({ ...base, supplements: '{oops' })).toThrow(/C1: supplements are not JSON/);
  });
});

describe('March 2025 one-stop figures, by hand', () => {
  const s = summarize(FACTS, MARCH, calendar);
  const t = s.total;

  it('counts the flow', () => {
    // M01–M15 and M17–M24: 23 received (M16 was not accepted, A1 came in April).
    expect(t.received).toBe(23);
    // C1, C2, C3, C5, C6, C7 (C4 finished in February; R0 never accepted).
    expect(t.carriedOver).toBe(6);
    // 6 + 23 = 29.
    expect(t.toProcess).toBe(29);
    // M16.
    expect(t.returned).toBe(1);
    // C6 stopped, M15 withdrawal requested.
    expect(t.withdrawn).toBe(2);
    // 17 finished + 10 in progress + 2 withdrawn = 29 = to process.
    expect(t.finished.total + t.inProgress.total + t.withdrawn).toBe(t.toProcess);
  });

  it('splits finished dossiers into early, on time and late', () => {
    // Early: C5, M01, M02, M03. On time: C1, M04, M05, M06, M07, M08, M09, M10. Late: C2, M11, M12, M13, M14.
    expect(t.finished).toEqual({ total: 17, early: 4, onTime: 8, late: 5 });
    // 17 finished: 4 early + 8 on time + 5 late → on-time rate (4 + 8) / 17 = 70.588 %.
    expect(t.onTimeRate).toBeCloseTo((12 / 17) * 100, 9);
    expect(t.onTimeRate).toBeCloseTo(70.588, 3);
  });

  it('splits open dossiers at the end of March', () => {
    // Overdue: C3, M17, M18 (second supplement). Due soon: M19, M20, M21, M22. Not yet due: C7, M23, M24.
    expect(t.inProgress).toEqual({ total: 10, overdue: 3, dueSoon: 4, notYetDue: 3 });
    // (3 overdue in progress + 5 finished late) / 29 to process = 27.586 %.
    expect(t.overdueRate).toBeCloseTo((8 / 29) * 100, 9);
    expect(t.overdueRate).toBeCloseTo(27.586, 3);
  });

  it('averages the resolution time in working days, supplement pauses excluded', () => {
    // Hours: C1 47, C2 95, C5 60, M01 26, M02 38, M03 19, M04 46, M05 47.5, M06 25.5, M07 46, M08 21, M09 11.5,
    // M10 20.5, M11 19.5, M12 65, M13 57, M14 32.5 → 677 h = 71.263 wd over 17 dossiers = 4.192 wd.
    expect(t.averageResolutionDays).toBeCloseTo(677 / H / 17, 9);
    expect(t.averageResolutionDays).toBeCloseTo(4.192, 3);
  });

  it('shares channels, online payment and digitisation over the 23 received', () => {
    // Online: M01 M03 M05 M07 M10 M12 M14 M15 M18 M19 M21 M23 M24 = 13; postal M08; unknown M20; in person 8.
    expect(t.channels).toEqual({ inPerson: 8, online: 13, postal: 1, unknown: 1 });
    // 13 / 23 = 56.522 %.
    expect(t.onlineShare).toBeCloseTo((13 / 23) * 100, 9);
    expect(t.channelShares.online).toBe(t.onlineShare);
    expect(t.channelShares.inPerson).toBeCloseTo((8 / 23) * 100, 9);
    expect(t.channelShares.postal).toBeCloseTo((1 / 23) * 100, 9);
    expect(t.channelShares.unknown).toBeCloseTo((1 / 23) * 100, 9);
    // Paid online: M01 M05 M10 M14 M19 M24 = 6 → 6 / 23 = 26.087 %.
    expect(t.paidOnline).toBe(6);
    expect(t.onlinePaymentShare).toBeCloseTo(26.087, 3);
    // Digitised: M01 M02 M03 M05 M06 M07 M10 M12 M13 M17 M18 M19 M21 M22 M23 M24 = 16 → 16 / 23 = 69.565 %.
    expect(t.digitised).toBe(16);
    expect(t.digitisationShare).toBeCloseTo(69.565, 3);
  });

  it('groups by field: civil status (HT), certification (CT), land (DD)', () => {
    const g = summarize(FACTS, MARCH, calendar, 'field');
    expect(g.groups.map((x) => x.key)).toEqual(['CT', 'DD', 'HT']);
    const [ct, dd, ht] = g.groups.map((x) => x.figures);
    // CT: received M03 M05 M06 M09 M11 M20 M23 = 7; finished M03 early, M05 M06 M09 on time, M11 late;
    //     open M20 due soon, M23 not yet due. On-time 4/5 = 80 %; overdue (0 + 1)/7 = 14.286 %.
    expect(ct).toMatchObject({ received: 7, carriedOver: 0, toProcess: 7, returned: 0, withdrawn: 0 });
    expect(ct?.finished).toEqual({ total: 5, early: 1, onTime: 3, late: 1 });
    expect(ct?.inProgress).toEqual({ total: 2, overdue: 0, dueSoon: 1, notYetDue: 1 });
    expect(ct?.onTimeRate).toBeCloseTo(80, 9);
    expect(ct?.overdueRate).toBeCloseTo((1 / 7) * 100, 9);
    // DD: received M07 M12 M13 M17 M18 M21 M22 M24 = 8; carried C2 C3 C5 C6 C7 = 5; to process 13.
    //     Finished C5 early, M07 on time, C2 M12 M13 late; C6 withdrawn; open C3 M17 M18 overdue, M21 M22 due soon,
    //     C7 M24 not yet due. On-time 2/5 = 40 %; overdue (3 + 3)/13 = 46.154 %.
    expect(dd).toMatchObject({ received: 8, carriedOver: 5, toProcess: 13, returned: 0, withdrawn: 1 });
    expect(dd?.finished).toEqual({ total: 5, early: 1, onTime: 1, late: 3 });
    expect(dd?.inProgress).toEqual({ total: 7, overdue: 3, dueSoon: 2, notYetDue: 2 });
    expect(dd?.onTimeRate).toBeCloseTo(40, 9);
    expect(dd?.overdueRate).toBeCloseTo((6 / 13) * 100, 9);
    // HT: received M01 M02 M04 M08 M10 M14 M15 M19 = 8; carried C1; finished M01 M02 early, C1 M04 M08 M10 on time,
    //     M14 late; M15 withdrawn; M19 due soon; M16 returned. On-time 6/7 = 85.714 %; overdue 1/9 = 11.111 %.
    expect(ht).toMatchObject({ received: 8, carriedOver: 1, toProcess: 9, returned: 1, withdrawn: 1 });
    expect(ht?.finished).toEqual({ total: 7, early: 2, onTime: 4, late: 1 });
    expect(ht?.inProgress).toEqual({ total: 1, overdue: 0, dueSoon: 1, notYetDue: 0 });
    expect(ht?.onTimeRate).toBeCloseTo((6 / 7) * 100, 9);
    expect(ht?.overdueRate).toBeCloseTo((1 / 9) * 100, 9);
    // The groups add up to the total.
    expect(g.total).toEqual(t);
  });

  it('puts the whole commune in one agency and one unit group', () => {
    expect(summarize(FACTS, MARCH, calendar, 'agency').groups.map((x) => x.key)).toEqual(['UBND phường Nam Hà']);
    const byUnit = summarize(FACTS, MARCH, calendar, 'unit').groups;
    expect(byUnit).toHaveLength(1);
    expect(byUnit[0]?.figures).toEqual(t);
  });

  it('scores what the dossiers can tell of the 766 index, and says what is missing', () => {
    const score = score766(ratesFromFigures(t));
    const group = (id: string) => score.groups.find((g) => g.id === id);
    // Progress: 70.588 % × 20 / 100 = 14.118.
    expect(group('progress')?.points).toBeCloseTo(240 / 17, 9);
    // Digitisation: digitised dossiers 69.565 % × 11 / 80 = 9.565; electronic results unknown → partial.
    expect(group('digitisation')?.points).toBeCloseTo((16 / 23) * 100 * (11 / 80), 9);
    expect(group('digitisation')?.partial).toBe(true);
    // Online: submission 56.5 % ≥ 50 % → 6; payment 26.087 % × 4 / 80 = 1.304; the catalogue criteria unknown.
    expect(group('online')?.points).toBeCloseTo(6 + (6 / 23) * 100 * (4 / 80), 9);
    // Publicity and satisfaction have no input yet: null, not 0.
    expect(group('publicity')?.points).toBeNull();
    expect(group('satisfaction')?.points).toBeNull();
    // 14.118 + 9.565 + 7.304 = 30.987 of the 41 points the known criteria can give (20 + 11 + 6 + 4).
    expect(score.total).toBeCloseTo(30.987, 3);
    expect(score.maxAvailable).toBe(41);
    expect(score.complete).toBe(false);
    expect(score.missingGroups).toEqual(['publicity', 'satisfaction']);
    expect(score.partialGroups).toEqual(['digitisation', 'online']);
  });
});

describe('the dossier spanning the 30 April – 1 May holidays and a weekend (M24)', () => {
  it('is carried into May and finished on time thanks to a pause that counts working time only', () => {
    const c = classify(facts('M24'), MAY, calendar);
    expect(c.carriedOver).toBe(true);
    expect(c.received).toBe(false);
    // Pause Tue 29 Apr 09:00 → Tue 6 May 09:00: 29 Apr 8 h; 30 Apr, 1–2 May holidays, 3–4 May weekend; 5 May 9.5 h;
    // 6 May 1.5 h → 19 h = 2 wd. Due Fri 9 May 17:00 + 2 wd = Tue 13 May 17:00; finished 10:00, 7 h ahead → on time.
    // Resolution: 27 Mar 7 h + full days 28 Mar – 12 May (2 in March; 22 weekdays in April − 7 Apr − 30 Apr + Sat
    // 26 Apr = 21; 6 in May) 29 × 9.5 h + 13 May 2.5 h = 285 h = 30 wd, minus the 2 wd pause = 28 wd.
    expect(c.standing).toEqual({
      kind: 'finished',
      at: ms('2025-05-13 10:00'),
      timing: 'onTime',
      adjustedDue: ms('2025-05-13 17:00'),
      resolutionDays: 28,
    });
    const may = summarize([facts('M24')], MAY, calendar).total;
    expect(may).toMatchObject({
      carriedOver: 1,
      received: 0,
      toProcess: 1,
      onTimeRate: 100,
      averageResolutionDays: 28,
    });
  });

  it('moves the due date by the pause so far while the citizen is still away', () => {
    // At the end of April the pause is open: 29 Apr 09:00–17:00 = 8 h (30 Apr is a holiday) → due Fri 9 May 17:00
    // + 8 h = Mon 12 May 15:30, more than 2 wd after the close of 29 Apr → not yet due.
    const c = classify(facts('M24'), APRIL, calendar);
    expect(c.standing).toEqual({ kind: 'inProgress', progress: 'notYetDue', adjustedDue: ms('2025-05-12 15:30') });
  });

  it('would count the holidays as waiting time with a weekends-only calendar', () => {
    // Without the entries the pause is 29 Apr 8 h + 30 Apr, 1, 2 May 28.5 h + 5 May 9.5 h + 1.5 h = 47.5 h = 5 wd,
    // so the due date moves to Fri 16 May 17:00 instead of Tue 13 May.
    const c = classify(facts('M24'), MAY, new WorkingCalendar([]));
    expect(c.standing.kind === 'finished' && c.standing.adjustedDue).toBe(ms('2025-05-16 17:00'));
  });
});

describe('classification edge cases', () => {
  const one = (spec: Spec, period: Period = MARCH) => classify(factsOf(row('X', spec)), period, calendar).standing;

  it('judges open dossiers at the period end: due at the end is due soon, a minute before is overdue', () => {
    expect(one({ field: 'HT', received: '2025-03-28 08:00', due: '2025-04-01 00:00' })).toMatchObject({
      progress: 'dueSoon',
    });
    expect(one({ field: 'HT', received: '2025-03-28 08:00', due: '2025-03-31 23:59' })).toMatchObject({
      progress: 'overdue',
    });
    // Thu 3 Apr 08:00 is 2 wd + 0.5 h after the close of 31 Mar → not yet due.
    expect(one({ field: 'HT', received: '2025-03-28 08:00', due: '2025-04-03 08:00' })).toMatchObject({
      progress: 'notYetDue',
    });
  });

  it('is late one minute after the due time, and early only a full working day ahead', () => {
    expect(
      one({ field: 'HT', received: '2025-03-03 08:00', due: '2025-03-05 08:00', finished: '2025-03-05 08:01' }),
    ).toMatchObject({ timing: 'late' });
    // 9.5 h minus one minute ahead → on time, not early.
    expect(
      one({ field: 'HT', received: '2025-03-03 08:00', due: '2025-03-05 08:00', finished: '2025-03-04 08:01' }),
    ).toMatchObject({ timing: 'onTime' });
    expect(
      one({ field: 'HT', received: '2025-03-03 08:00', due: '2025-03-05 08:00', finished: '2025-03-04 08:00' }),
    ).toMatchObject({ timing: 'early' });
  });

  it('counts only supplement requests made by the time it judges', () => {
    // Second request on 2 April: at the end of March only one was made, and it was supplied → still not yet due.
    const spec: Spec = {
      field: 'DD',
      received: '2025-03-20 08:00',
      due: '2025-04-20 08:00',
      supplements: [
        ['2025-03-21 08:00', '2025-03-24 08:00'],
        ['2025-04-02 08:00', null],
      ],
    };
    expect(one(spec)).toMatchObject({ progress: 'notYetDue' });
    expect(one(spec, APRIL)).toMatchObject({ progress: 'overdue' });
  });

  it('keeps a dossier whose withdrawal comes after the period in progress', () => {
    const spec: Spec = { field: 'HT', received: '2025-03-20 08:00', due: '2025-04-20 08:00', status: 7 };
    expect(one({ ...spec, statusAt: '2025-04-02 08:00' })).toMatchObject({ kind: 'inProgress' });
    expect(one({ ...spec, statusAt: '2025-04-02 08:00' }, APRIL)).toMatchObject({ kind: 'withdrawn' });
  });

  it('keeps a not-accepted dossier out of received and to process', () => {
    const c = classify(
      factsOf(row('X', { field: 'HT', received: '2025-03-10 08:00', status: 3, statusAt: '2025-03-11 08:00' })),
      MARCH,
      calendar,
    );
    expect(c).toEqual({ received: false, carriedOver: false, standing: { kind: 'returned' }, supplementRequests: 0 });
  });

  it('treats a dossier without a due date as not yet due, and on time when finished', () => {
    expect(one({ field: 'HT', received: '2025-03-10 08:00', due: null })).toMatchObject({ progress: 'notYetDue' });
    expect(one({ field: 'HT', received: '2025-03-10 08:00', due: null, finished: '2025-03-12 08:00' })).toMatchObject({
      timing: 'onTime',
      adjustedDue: null,
    });
  });

  it('takes the return date as the end of a processed dossier without an end of processing', () => {
    expect(
      one({
        field: 'HT',
        received: '2025-03-10 08:00',
        due: '2025-03-12 08:00',
        status: 10,
        returned: '2025-03-11 08:00',
        statusAt: '2025-03-11 08:00',
      }),
    ).toMatchObject({ kind: 'finished', at: ms('2025-03-11 08:00'), timing: 'early', resolutionDays: 1 });
  });

  it('judges a running period as of now', () => {
    expect(periodSoFar(MARCH, new Date(vn('2025-03-15 12:00')))).toEqual({
      from: MARCH.from,
      to: vn('2025-03-15 12:00'),
    });
    expect(periodSoFar(MARCH, new Date(vn('2025-05-01 00:00')))).toEqual(MARCH);
    // Saturday 15 March at noon, judged as of the close of Fri 14 Mar: open are C3 (due 13 Mar → overdue), M05 (due
    // Mon 17 Mar 14:00, 6.5 h away → due soon), C7, M13 (due 20 Mar, 3 wd + 1.5 h away) and M18 (one supplement so far,
    // the second comes on 20 Mar) → not yet due. M17 (received 24 Mar) is not there yet.
    const soFar = periodSoFar(MARCH, new Date(vn('2025-03-15 12:00')));
    expect(summarize(FACTS, soFar, calendar).total.inProgress).toEqual({
      total: 5,
      overdue: 1,
      dueSoon: 1,
      notYetDue: 3,
    });
    expect(classify(facts('M17'), soFar, calendar).standing.kind).toBe('outside');
  });
});

describe('766 scoring rules', () => {
  it('ships default rules whose criteria add up to the group maxima and to 100', () => {
    expect(checkRules(DEFAULT_SCORING_RULES)).toEqual([]);
    expect(DEFAULT_SCORING_RULES.groups.map((g) => [g.id, g.maxPoints])).toEqual([
      ['publicity', 18],
      ['progress', 20],
      ['digitisation', 22],
      ['online', 22],
      ['satisfaction', 18],
    ]);
  });

  it('gives full points at the threshold and rate × max ÷ threshold below it', () => {
    // Online payment 40 % with threshold 80 % and 4 points → 40 × 4 / 80 = 2.
    expect(criterionPoints(40, 4, 80)).toBe(2);
    expect(score766({ onlinePayment: 40 }).groups.find((g) => g.id === 'online')?.points).toBe(2);
    expect(criterionPoints(80, 4, 80)).toBe(4);
    expect(criterionPoints(97, 4, 80)).toBe(4);
    // Online submission 25 % with threshold 50 % and 6 points → 3.
    expect(criterionPoints(25, 6, 50)).toBe(3);
    // Satisfaction 45 % with threshold 90 % and 6 points → 3; out-of-range rates are clamped.
    expect(criterionPoints(45, 6, 90)).toBe(3);
    expect(criterionPoints(-5, 6, 90)).toBe(0);
  });

  it('adds a complete set of rates up to the total out of 100', () => {
    const score = score766({
      proceduresPublishedOnTime: 100, // 4
      dossiersPublished: 75, // 75 × 8 / 100 = 6
      proceduresInformationComplete: 50, // 3 → publicity 13
      onTime: 95, // 95 × 20 / 100 = 19
      digitisedDossiers: 60, // 60 × 11 / 80 = 8.25
      electronicResults: 90, // ≥ 80 → 11 → digitisation 19.25
      onlineCoverage: 85, // ≥ 80 → 4
      onlineUptake: 50, // 50 × 4 / 100 = 2
      onlineSubmission: 25, // 25 × 6 / 50 = 3
      onlinePaymentProcedures: 40, // 40 × 4 / 80 = 2
      onlinePayment: 20, // 20 × 4 / 80 = 1 → online 12
      paknOnTime: 80, // 80 × 6 / 100 = 4.8
      paknSatisfaction: 99, // ≥ 90 → 6
      procedureSatisfaction: 45, // 45 × 6 / 90 = 3 → satisfaction 13.8
    });
    expect(score.groups.map((g) => g.points)).toEqual([13, 19, 19.25, 12, expect.closeTo(13.8, 9)]);
    // 13 + 19 + 19.25 + 12 + 13.8 = 77.05.
    expect(score.total).toBeCloseTo(77.05, 9);
    expect(score.maxAvailable).toBe(100);
    expect(score).toMatchObject({ complete: true, missingGroups: [], partialGroups: [] });
  });

  it('scores nothing without inputs rather than inventing points', () => {
    const score = score766({ paknSatisfaction: null });
    expect(score.total).toBe(0);
    expect(score.maxAvailable).toBe(0);
    expect(score.missingGroups).toEqual(['publicity', 'progress', 'digitisation', 'online', 'satisfaction']);
    expect(score.groups.every((g) => g.points === null)).toBe(true);
  });

  it('follows rules the operator changed, and reports rules that do not add up', () => {
    const rules: ScoringRules = {
      ...DEFAULT_SCORING_RULES,
      criteria: DEFAULT_SCORING_RULES.criteria.map((k) => (k.id === 'online.payment' ? { ...k, threshold: 50 } : k)),
    };
    // 40 % with the threshold lowered to 50 % → 40 × 4 / 50 = 3.2.
    expect(score766({ onlinePayment: 40 }, rules).groups.find((g) => g.id === 'online')?.points).toBeCloseTo(3.2, 9);
    const broken: ScoringRules = {
      ...DEFAULT_SCORING_RULES,
      criteria: DEFAULT_SCORING_RULES.criteria.map((k) => (k.id === 'progress.onTime' ? { ...k, maxPoints: 15 } : k)),
    };
    expect(checkRules(broken)).toEqual(['progress: criteria add up to 15, not 20']);
  });
});
