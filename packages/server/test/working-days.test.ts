import { describe, expect, it } from 'vitest';
import { VIETNAM_HOLIDAYS } from '../src/modules/calendar/vn-holidays.ts';
import { WorkingCalendar } from '../src/modules/calendar/working-days.ts';

/** A local (UTC+7) wall-clock time, e.g. at('2025-01-24T10:00'). */
const at = (local: string): Date => new Date(`${local}:00+07:00`);
/** The local wall-clock time of an instant, to read expectations in Vietnam's time. */
const local = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);

const cal = new WorkingCalendar(VIETNAM_HOLIDAYS);
const plain = new WorkingCalendar([]);

describe('addWorkingDays', () => {
  it('skips the weekend and keeps the time of day', () => {
    // Fri 8/3/2024 16:00 + 3: Mon 11 (1), Tue 12 (2), Wed 13 (3) → Wed 16:00.
    expect(local(cal.addWorkingDays(at('2024-03-08T16:00'), 3))).toBe('2024-03-13T16:00');
  });

  it('counts a Saturday receipt from Monday morning and ends at the close of the last day', () => {
    // Sat 9/3/2024: the clock starts Mon 11 07:30; 3 full days Mon, Tue, Wed → Wed 13 17:00.
    expect(local(cal.addWorkingDays(at('2024-03-09T10:00'), 3))).toBe('2024-03-13T17:00');
  });

  it('clamps receipts outside working hours to the working window', () => {
    // Mon 18:30 is after hours: counts from Tue 07:30 → + 1 day = Tue 17:00.
    expect(local(cal.addWorkingDays(at('2024-03-11T18:30'), 1))).toBe('2024-03-12T17:00');
    // Mon 06:00 is before hours: counts from Mon 07:30 → Mon 17:00.
    expect(local(cal.addWorkingDays(at('2024-03-11T06:00'), 1))).toBe('2024-03-11T17:00');
  });

  it('skips Tết 2025', () => {
    // Fri 24/1/2025 10:00 + 5. Off 25/1 – 2/2 (weekends and Tết 27–31/1). Mon 3/2 (1), Tue 4/2 (2), Wed 5/2 (3),
    // Thu 6/2 (4), Fri 7/2 (5) → Fri 7/2/2025 10:00.
    expect(local(cal.addWorkingDays(at('2025-01-24T10:00'), 5))).toBe('2025-02-07T10:00');
  });

  it('counts a swapped working Saturday and skips the swapped day off', () => {
    // Thu 24/4/2025 10:00 + 3: Fri 25 (1), Sat 26 made a working day (2), Mon 28 (3) → Mon 28/4 10:00.
    expect(local(cal.addWorkingDays(at('2025-04-24T10:00'), 3))).toBe('2025-04-28T10:00');
    // Without the calendar data the Saturday is off: Fri 25 (1), Mon 28 (2), Tue 29 (3).
    expect(local(plain.addWorkingDays(at('2025-04-24T10:00'), 3))).toBe('2025-04-29T10:00');
    // Tue 29/4 10:00 + 2: 30/4, 1/5 holidays, Fri 2/5 swapped off, 3–4/5 weekend → Mon 5/5 (1), Tue 6/5 (2).
    expect(local(cal.addWorkingDays(at('2025-04-29T10:00'), 2))).toBe('2025-05-06T10:00');
  });

  it('counts a receipt on a holiday from the next working morning', () => {
    // Wed 29/1/2025 (mùng 1 Tết) 09:00 + 3: starts Mon 3/2 07:30 → Mon, Tue, Wed → Wed 5/2 17:00.
    expect(local(cal.addWorkingDays(at('2025-01-29T09:00'), 3))).toBe('2025-02-05T17:00');
  });

  it('accepts fractional days and zero', () => {
    // Mon 4/3/2024 15:00 + 0.5 (4 h 45): 2 h left on Monday, 2 h 45 on Tuesday → Tue 10:15.
    expect(local(cal.addWorkingDays(at('2024-03-04T15:00'), 0.5))).toBe('2024-03-05T10:15');
    const from = at('2024-03-09T10:00');
    expect(cal.addWorkingDays(from, 0).getTime()).toBe(from.getTime());
  });

  it('uses Vietnam time, not UTC or the machine time zone', () => {
    // 2025-01-23T18:00Z is Friday 24/1 01:00 in Hà Nội (still Thursday in UTC): counts from Fri 07:30 → Fri 17:00.
    expect(cal.addWorkingDays(new Date('2025-01-23T18:00:00Z'), 1).toISOString()).toBe('2025-01-24T10:00:00.000Z');
  });

  it('honours a custom weekend and working window', () => {
    const sixDays = new WorkingCalendar([], { weekend: [0], dayStart: '08:00', dayEnd: '12:00' });
    // Fri 8/3/2024 10:00 + 1 with only Sunday off → Sat 9/3 10:00.
    expect(local(sixDays.addWorkingDays(at('2024-03-08T10:00'), 1))).toBe('2024-03-09T10:00');
    // 2 h of a 4 h window is half a day.
    expect(sixDays.workingDaysBetween(at('2024-03-08T08:00'), at('2024-03-08T10:00'))).toBe(0.5);
  });

  it('is the inverse of workingDaysBetween', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 16_807) % 2_147_483_647; // Park–Miller: deterministic, exact in doubles
      return seed / 2_147_483_647;
    };
    const start = Date.parse('2023-01-01T00:00:00+07:00');
    for (let i = 0; i < 300; i++) {
      const from = new Date(start + Math.floor(next() * 5 * 365) * 86_400_000 + Math.floor(next() * 86_400_000));
      const days = Math.floor(next() * 30) + 1;
      const due = cal.addWorkingDays(from, days);
      expect(cal.workingDaysBetween(from, due)).toBeCloseTo(days, 9);
      // One minute earlier is short of the deadline.
      expect(cal.workingDaysBetween(from, new Date(due.getTime() - 60_000))).toBeLessThan(days);
    }
  });
});

describe('workingDaysBetween', () => {
  it('counts working hours of working days only', () => {
    // Mon 4/3/2024 07:30 → Fri 8/3 12:15: Mon–Thu 4 full days + Fri 07:30–12:15 (4.75 h of 9.5) = 4.5.
    expect(cal.workingDaysBetween(at('2024-03-04T07:30'), at('2024-03-08T12:15'))).toBe(4.5);
    // Fri 12:15 → Mon 12:15: half of Friday + half of Monday, the weekend is not counted = 1.
    expect(cal.workingDaysBetween(at('2024-03-08T12:15'), at('2024-03-11T12:15'))).toBe(1);
    // Overnight, outside the window: 0.
    expect(cal.workingDaysBetween(at('2024-03-11T17:00'), at('2024-03-12T07:30'))).toBe(0);
    // 10:00 → 11:54 = 1.9 h / 9.5 h = 0.2.
    expect(cal.workingDaysBetween(at('2024-03-11T10:00'), at('2024-03-11T11:54'))).toBeCloseTo(0.2, 12);
  });

  it('subtracts the working time of a pause', () => {
    const from = at('2024-03-04T07:30');
    const to = at('2024-03-08T12:15'); // 4.5 days, as above
    // Pause Tue 5/3 12:15 → Thu 7/3 07:30: Tue afternoon 0.5 + Wed 1 + Thu 0 = 1.5 → 4.5 − 1.5 = 3.
    const pause = { from: '2024-03-05T12:15:00+07:00', to: '2024-03-07T07:30:00+07:00' };
    expect(cal.workingDaysBetween(from, to, [pause])).toBe(3);
  });

  it('counts only the working hours of a pause over a weekend', () => {
    // Mon 4/3 07:30 → Tue 12/3 07:30 = 6 days (Mon–Fri, Mon). Pause Fri 8/3 12:15 → Mon 11/3 12:15 covers
    // Friday afternoon 0.5 + Monday morning 0.5 = 1 (the weekend is not working time) → 5.
    const pause = { from: '2024-03-08T05:15:00Z', to: '2024-03-11T05:15:00Z' };
    expect(cal.workingDaysBetween(at('2024-03-04T07:30'), at('2024-03-12T07:30'), [pause])).toBe(5);
  });

  it('counts overlapping pauses once and clips pauses to the span', () => {
    const from = at('2024-03-04T07:30');
    const to = at('2024-03-08T12:15');
    // Tue 12:15 → Wed 12:15 and Wed 07:30 → Thu 07:30 overlap; their union is Tue 12:15 → Thu 07:30 = 1.5 → 3.
    const overlapping = [
      { from: '2024-03-06T07:30:00+07:00', to: '2024-03-07T07:30:00+07:00' },
      { from: '2024-03-05T12:15:00+07:00', to: '2024-03-06T12:15:00+07:00' },
    ];
    expect(cal.workingDaysBetween(from, to, overlapping)).toBe(3);
    // A pause from Sunday to Mon 12:15 only counts from the span's start: Mon 07:30–12:15 = 0.5 → 4.
    const early = [{ from: '2024-03-03T00:00:00+07:00', to: '2024-03-04T12:15:00+07:00' }];
    expect(cal.workingDaysBetween(from, to, early)).toBe(4);
  });

  it('skips holidays', () => {
    // Fri 24/1/2025 10:00 → Fri 7/2/2025 10:00 spans Tết 2025: 5 working days.
    expect(cal.workingDaysBetween(at('2025-01-24T10:00'), at('2025-02-07T10:00'))).toBe(5);
  });

  it('is negative when to is before from', () => {
    // Wed 6/3/2024 12:15 back to Mon 4/3 07:30: Mon, Tue, half of Wed = −2.5.
    expect(cal.workingDaysBetween(at('2024-03-06T12:15'), at('2024-03-04T07:30'))).toBe(-2.5);
    expect(cal.workingDaysBetween(at('2024-03-04T07:30'), at('2024-03-06T12:15'))).toBe(2.5);
  });
});

describe('dueWithin', () => {
  const now = at('2024-03-07T10:00'); // Thursday

  it('measures working days, not calendar days', () => {
    // Thu 10:00 → Mon 11/3 10:00: 7 h Thu + 9.5 h Fri + 2.5 h Mon = 19 h = 2 working days → nearly due.
    expect(cal.dueWithin(now, at('2024-03-11T10:00'), 2)).toBe(true);
    // Tue 12/3 10:00 is 3 working days away.
    expect(cal.dueWithin(now, at('2024-03-12T10:00'), 2)).toBe(false);
    // Fri 24/1/2025 10:00 → Tue 4/2/2025 10:00: 11 calendar days over Tết but 7 + 9.5 + 2.5 h = 2 working days.
    expect(cal.dueWithin(at('2025-01-24T10:00'), at('2025-02-04T10:00'), 2)).toBe(true);
  });

  it('is false once overdue and true at the due instant', () => {
    expect(cal.dueWithin(now, at('2024-03-07T09:59'), 2)).toBe(false);
    expect(cal.dueWithin(now, now, 2)).toBe(true);
  });
});

describe('isWorkingDay and the holiday data', () => {
  it('applies weekends, holidays and swapped days', () => {
    expect(cal.isWorkingDay('2024-03-08')).toBe(true); // Friday
    expect(cal.isWorkingDay('2024-03-09')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2025-01-31')).toBe(false); // mùng 3 Tết
    expect(cal.isWorkingDay('2025-02-03')).toBe(true);
    expect(cal.isWorkingDay('2026-01-02')).toBe(false); // swapped off
    expect(cal.isWorkingDay('2026-01-10')).toBe(true); // Saturday worked instead
    expect(cal.isWorkingDay('2026-08-22')).toBe(true);
    expect(cal.isWorkingDay('2026-08-31')).toBe(false);
    expect(cal.isWorkingDay('2024-05-04')).toBe(true);
  });

  it('holds valid, unique 2023–2027 entries whose working days are Saturdays', () => {
    const dates = VIETNAM_HOLIDAYS.map((e) => e.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const e of VIETNAM_HOLIDAYS) {
      expect(e.date >= '2023-01-01' && e.date <= '2027-12-31').toBe(true);
      expect(e.name.length).toBeGreaterThan(0);
      if (e.kind === 'working') expect(new Date(`${e.date}T00:00:00Z`).getUTCDay()).toBe(6);
    }
  });
});

describe('invalid input', () => {
  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2025-1-24', '24/01/2025', '2025-02-30', '2025-13-01', '']) {
      expect(() => cal.isWorkingDay(bad)).toThrow(/Invalid calendar date/);
    }
    expect(() => new WorkingCalendar([{ date: '2025-02-29', kind: 'holiday', name: 'x' }])).toThrow(
      /Invalid calendar date "2025-02-29": expected YYYY-MM-DD/,
    );
  });

  it('rejects conflicting entries and bad options', () => {
    const conflicting = [
      { date: '2025-04-26', kind: 'holiday', name: 'a' },
      { date: '2025-04-26', kind: 'working', name: 'b' },
    ] as const;
    expect(() => new WorkingCalendar(conflicting)).toThrow(/Conflicting calendar entries on 2025-04-26/);
    expect(() => new WorkingCalendar([], { dayStart: '7h30' })).toThrow(/Invalid dayStart/);
    expect(() => new WorkingCalendar([], { dayStart: '17:00', dayEnd: '07:30' })).toThrow(/dayEnd must be after/);
    expect(() => new WorkingCalendar([], { weekend: [7] })).toThrow(/Invalid weekend/);
    expect(() => new WorkingCalendar([], { weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(/whole week/);
  });

  it('rejects invalid instants, day counts and pauses', () => {
    expect(() => cal.addWorkingDays(new Date('nope'), 1)).toThrow(/Invalid from: not a valid Date/);
    expect(() => cal.addWorkingDays(at('2024-03-04T08:00'), -1)).toThrow(/Invalid number of working days/);
    expect(() => cal.addWorkingDays(at('2024-03-04T08:00'), Number.NaN)).toThrow(/Invalid number of working days/);
    const from = at('2024-03-04T07:30');
    const to = at('2024-03-08T12:15');
    // No offset: Date.parse would read the machine's time zone, so it is refused.
    expect(() => cal.workingDaysBetween(from, to, [{ from: '2024-03-05T08:00', to: '2024-03-05T09:00Z' }])).toThrow(
      /expected an ISO instant/,
    );
    expect(() =>
      cal.workingDaysBetween(from, to, [{ from: '2024-03-06T08:00:00Z', to: '2024-03-05T08:00:00Z' }]),
    ).toThrow(/ends before it starts/);
    expect(() => cal.dueWithin(from, new Date(Number.NaN), 2)).toThrow(/Invalid due/);
  });
});
