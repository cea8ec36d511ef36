/**
 * Citizens' feedback and petitions (PAKN): deadlines in working days over Tết, answers and ratings, scope, and the
 * Decision 766 figures worked out by hand.
 *
 * Calendar: the seeded one. Tết 2025 takes 25 January – 2 February (Saturday 25 to Sunday 2, weekdays 27–31 off);
 * 24 January is a Friday. Working window 07:30–17:00 local (UTC+7). All times below are local.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIETNAM_HOLIDAYS } from '../src/modules/calendar/vn-holidays.ts';
import { WorkingCalendar } from '../src/modules/calendar/working-days.ts';
import { type FeedbackFacts, paknFigures } from '../src/modules/publicservices/feedback/pakn-figures.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

/** 'YYYY-MM-DD HH:mm' local (UTC+7) → ISO UTC, as rows are stored. */
const vn = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`).toISOString();
const calendar = new WorkingCalendar(VIETNAM_HOLIDAYS);

describe('PAKN figures of a period, worked by hand', () => {
  const due15 = (received: string) => calendar.addWorkingDays(new Date(vn(received)), 15).toISOString();
  const item = (
    received: string,
    due: string,
    answered: string | null,
    satisfaction: FeedbackFacts['satisfaction'] = null,
    inRemit = true,
  ): FeedbackFacts => ({
    receivedAt: vn(received),
    dueAt: due,
    answeredAt: answered ? vn(answered) : null,
    inRemit,
    satisfaction,
  });
  const Q4_2024 = { from: vn('2024-10-01 00:00'), to: vn('2025-01-01 00:00') };
  const Q1_2025 = { from: vn('2025-01-01 00:00'), to: vn('2025-04-01 00:00') };

  it('counts 15 working days over Tết', () => {
    // Friday 24 Jan 10:00 + 15: 3–7 Feb (5), 10–14 (10), 17–21 (15) → Friday 21 Feb 10:00, not 14 Feb.
    expect(due15('2025-01-24 10:00')).toBe(vn('2025-02-21 10:00'));
    // Received on Monday 27 Jan, a Tết holiday: the clock starts on 3 Feb; the 15th working day closes 21 Feb 17:00.
    expect(due15('2025-01-27 09:00')).toBe(vn('2025-02-21 17:00'));
    // Friday 20 Dec 2024 09:00 + 15, 1 Jan off: 23–27 Dec (5), 30, 31, 2, 3 Jan (9), 6–10 (14), 13 → 13 Jan 09:00.
    expect(due15('2024-12-20 09:00')).toBe(vn('2025-01-13 09:00'));
  });

  const items = {
    // Answered an hour before the Tết-extended deadline: on time (it would be late without the holidays).
    A: item('2025-01-24 10:00', due15('2025-01-24 10:00'), '2025-02-21 09:00', 'satisfied'),
    // Same deadline, answered an hour after it: overdue, even though the citizen was satisfied.
    B: item('2025-01-24 10:00', due15('2025-01-24 10:00'), '2025-02-21 11:00', 'satisfied'),
    // Received in December, answered on time on 10 Jan, unsatisfied: judged in Q1.
    C: item('2024-12-20 09:00', due15('2024-12-20 09:00'), '2025-01-10 15:00', 'unsatisfied'),
    // Received, due and answered in Q4 2024: nothing in Q1.
    D: item('2024-12-02 09:00', vn('2024-12-23 09:00'), '2024-12-20 10:00'),
    // Due 31 Dec 2024, answered late on 6 Jan: overdue in Q4 2024 (once), an answer given in Q1.
    E: item('2024-12-10 09:00', vn('2024-12-31 17:00'), '2025-01-06 08:00'),
    // Due 31 Mar, never answered: overdue in Q1.
    F: item('2025-03-10 09:00', vn('2025-03-31 09:00'), null),
    // Due in April, answered on time in March: judged (on time) in Q1, neutral.
    G: item('2025-03-20 09:00', vn('2025-04-10 09:00'), '2025-03-28 14:00', 'neutral'),
    // Due in April, not answered: open at the end of Q1.
    H: item('2025-03-20 10:00', vn('2025-04-10 10:00'), null),
    // Not the province's to handle: received, nothing else.
    I: item('2025-02-10 09:00', vn('2025-03-03 09:00'), '2025-02-12 09:00', null, false),
    // Due in April, answered in April (on time): open at the end of Q1.
    J: item('2025-03-25 09:00', vn('2025-04-15 09:00'), '2025-04-02 09:00'),
    // Received during Tết, deadline at the close of 21 Feb, answered 16:00 that day: on time, unsatisfied.
    K: item('2025-01-27 09:00', due15('2025-01-27 09:00'), '2025-02-21 16:00', 'unsatisfied'),
  };
  const all = Object.values(items);

  it('Q1 2025, figure by figure', () => {
    const q1 = paknFigures(all, Q1_2025);
    // received in Q1: A B F G H I J K (C D E came in December); I is out of remit.
    expect(q1.received).toBe(8);
    expect(q1.receivedOutOfRemit).toBe(1);
    // answered in Q1, in remit: A B C E G K (D in Dec, J in Apr, I out of remit).
    expect(q1.answered).toBe(6);
    // judged in Q1: A (answer 21 Feb), B (due 21 Feb), C (answer 10 Jan), F (due 31 Mar), G (answer 28 Mar),
    // K (answer 21 Feb). E was judged at its deadline, 31 Dec; H and J are open.
    expect(q1.due).toBe(6);
    expect(q1.answeredOnTime).toBe(4); // A C G K
    expect(q1.overdue).toBe(2); // B F
    expect(q1.unsatisfied).toBe(2); // C K
    expect(q1.unsatisfiedOrOverdue).toBe(4); // B F C K
    expect(q1.open).toBe(2); // H J
    expect(q1.paknOnTime).toBeCloseTo((4 / 6) * 100, 10);
    expect(q1.paknSatisfaction).toBeCloseTo((2 / 6) * 100, 10);
  });

  it('Q4 2024: each item is judged in one period only', () => {
    const q4 = paknFigures(all, Q4_2024);
    expect(q4).toMatchObject({
      received: 3, // C D E
      receivedOutOfRemit: 0,
      answered: 1, // D
      due: 2, // D (answered 20 Dec, on time), E (due 31 Dec, answered only in January)
      answeredOnTime: 1,
      overdue: 1,
      unsatisfied: 0,
      unsatisfiedOrOverdue: 1,
      open: 1, // C: due 13 Jan, answered 10 Jan
      paknOnTime: 50,
      paknSatisfaction: 50,
    });
  });

  it('a period not over yet is judged as of now: an item due later is open, not overdue', () => {
    const soFar = paknFigures(all, { from: Q1_2025.from, to: vn('2025-03-29 00:00') });
    // F (due 31 Mar), H and J are open; G answered on 28 Mar counts.
    expect(soFar).toMatchObject({ due: 5, answeredOnTime: 4, overdue: 1, unsatisfiedOrOverdue: 3, open: 3 });
    expect(soFar.paknOnTime).toBe(80);
    expect(soFar.paknSatisfaction).toBe(40);
  });

  it('is null with nothing judged, counting an item both unsatisfied and overdue once', () => {
    expect(paknFigures([], Q1_2025)).toMatchObject({ due: 0, paknOnTime: null, paknSatisfaction: null });
    const both = item('2025-01-02 09:00', vn('2025-01-23 09:00'), '2025-01-24 09:00', 'unsatisfied');
    expect(paknFigures([both], Q1_2025)).toMatchObject({
      due: 1,
      overdue: 1,
      unsatisfied: 1,
      unsatisfiedOrOverdue: 1,
      paknOnTime: 0,
      paknSatisfaction: 0,
    });
  });
});

describe('the PAKN API', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  const at = (local: string) => {
    t.platform.now = () => new Date(vn(local));
  };
  const send = (method: 'GET' | 'POST', url: string, payload?: object, cookie = admin) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const codes = (page: { items: { code: string }[] }) => page.items.map((f) => f.code);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
    await t.createUser(admin, {
      username: 'thanhsen.officer',
      displayName: 'Cán bộ phường Thành Sen',
      roles: ['unit_officer'],
      orgUnitCode: '18073',
      password: 'officer-pass-1',
    });
    officer = await t.login('thanhsen.officer', 'officer-pass-1');
  });
  afterAll(() => t.stop());

  let tetCode = '';

  it('gives feedback received before Tết a deadline 15 working days later, counted past the holidays', async () => {
    at('2025-01-24 10:30');
    const created = await send('POST', '/api/v1/public-services/feedback', {
      kind: 'feedback',
      subject: 'Chậm trả kết quả hộ tịch',
      content: 'Hồ sơ khai sinh nộp đã lâu chưa có kết quả.',
      agencyCode: 'UBND_18073',
      channel: 'portal',
      receivedAt: vn('2025-01-24 10:00'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const feedback = created.json();
    expect(feedback).toMatchObject({
      kind: 'feedback',
      agencyCode: 'UBND_18073',
      unit: '18073',
      receivedAt: vn('2025-01-24 10:00'),
      dueAt: vn('2025-02-21 10:00'),
      inRemit: true,
      status: 'received',
      answeredAt: null,
      overdue: false,
      createdBy: 'admin',
    });
    expect(feedback.code).toMatch(/^PAKN-2025-\d{6}$/);
    tetCode = feedback.code;
  });

  it('refuses an unknown agency, a receipt in the future and a code already used', async () => {
    at('2025-02-03 08:00');
    const base = { kind: 'petition', subject: 'Kiến nghị', content: 'Nội dung' };
    const wrong = await send('POST', '/api/v1/public-services/feedback', {
      ...base,
      agencyCode: 'NOPE',
      receivedAt: vn('2025-02-04 08:00'),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.map((d: { field: string }) => d.field)).toEqual(['/receivedAt', '/agencyCode']);
    const first = await send('POST', '/api/v1/public-services/feedback', {
      ...base,
      code: 'PAKN-PORTAL-1',
      agencyCode: 'UBND_18100',
      receivedAt: vn('2025-02-03 08:00'),
    });
    expect(first.statusCode, first.body).toBe(201);
    // 08:00 Monday 3 Feb + 15 working days → Monday 24 Feb 08:00.
    expect(first.json()).toMatchObject({ code: 'PAKN-PORTAL-1', unit: '18100', dueAt: vn('2025-02-24 08:00') });
    const again = await send('POST', '/api/v1/public-services/feedback', { ...base, code: 'PAKN-PORTAL-1' });
    expect(again.statusCode).toBe(409);
    // The province's own: no agency, no unit → the caller's unit.
    const province = await send('POST', '/api/v1/public-services/feedback', {
      ...base,
      code: 'PAKN-PROVINCE-1',
      receivedAt: vn('2025-02-03 07:45'),
    });
    expect(province.json()).toMatchObject({ unit: '42', status: 'received' });
  });

  it('shows a commune officer only the feedback about their commune, and lets them write none', async () => {
    const mine = await send('GET', '/api/v1/public-services/feedback', undefined, officer);
    expect(mine.statusCode).toBe(200);
    expect(codes(mine.json())).toEqual([tetCode]);
    expect((await send('GET', '/api/v1/public-services/feedback/PAKN-PORTAL-1', undefined, officer)).statusCode).toBe(
      404,
    );
    expect((await send('GET', `/api/v1/public-services/feedback/${tetCode}`, undefined, officer)).statusCode).toBe(200);
    const other = await send('GET', '/api/v1/public-services/feedback?unit=18100', undefined, officer);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('OUT_OF_SCOPE');
    const answer = await send('POST', `/api/v1/public-services/feedback/${tetCode}/answer`, { answer: 'x' }, officer);
    expect(answer.statusCode).toBe(403);
    const everything = await send('GET', '/api/v1/public-services/feedback');
    expect(codes(everything.json())).toEqual(['PAKN-PROVINCE-1', 'PAKN-PORTAL-1', tetCode]);
    const trầnPhú = await send('GET', '/api/v1/public-services/feedback?unit=18100');
    expect(codes(trầnPhú.json())).toEqual(['PAKN-PORTAL-1']);
  });

  it('pages newest first and filters by status, agency and receipt time', async () => {
    const first = (await send('GET', '/api/v1/public-services/feedback?limit=2')).json();
    expect(codes(first)).toEqual(['PAKN-PROVINCE-1', 'PAKN-PORTAL-1']);
    expect(first.nextBeforeId).toEqual(expect.any(Number));
    const second = (
      await send('GET', `/api/v1/public-services/feedback?limit=2&beforeId=${first.nextBeforeId}`)
    ).json();
    expect(codes(second)).toEqual([tetCode]);
    expect(second.nextBeforeId).toBeNull();
    const byAgency = (await send('GET', '/api/v1/public-services/feedback?agency=UBND_18073')).json();
    expect(codes(byAgency)).toEqual([tetCode]);
    const from = encodeURIComponent(vn('2025-02-01 00:00'));
    expect(codes((await send('GET', `/api/v1/public-services/feedback?from=${from}`)).json())).toEqual([
      'PAKN-PROVINCE-1',
      'PAKN-PORTAL-1',
    ]);
    expect(codes((await send('GET', `/api/v1/public-services/feedback?to=${from}`)).json())).toEqual([tetCode]);
    expect(codes((await send('GET', '/api/v1/public-services/feedback?status=answered')).json())).toEqual([]);
  });

  it('answers now, once; takes the rating after the answer', async () => {
    const early = await send('POST', `/api/v1/public-services/feedback/${tetCode}/rating`, {
      satisfaction: 'satisfied',
    });
    expect(early.statusCode).toBe(409);
    at('2025-02-20 09:00');
    const answered = await send('POST', `/api/v1/public-services/feedback/${tetCode}/answer`, {
      answer: 'Đã trả kết quả ngày 20/02/2025.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', answeredAt: vn('2025-02-20 09:00'), overdue: false });
    expect(
      (await send('POST', `/api/v1/public-services/feedback/${tetCode}/answer`, { answer: 'again' })).statusCode,
    ).toBe(409);
    const rated = await send('POST', `/api/v1/public-services/feedback/${tetCode}/rating`, {
      satisfaction: 'unsatisfied',
    });
    expect(rated.json()).toMatchObject({ status: 'answered', satisfaction: 'unsatisfied' });
    const bad = await send('POST', `/api/v1/public-services/feedback/${tetCode}/rating`, { satisfaction: 'meh' });
    expect(bad.statusCode).toBe(400);
  });

  it('rejects what is not the province’s to handle, with a reason, and marks work in progress', async () => {
    at('2025-02-04 10:00');
    const noReason = await send('POST', '/api/v1/public-services/feedback/PAKN-PROVINCE-1/status', {
      status: 'rejected',
    });
    expect(noReason.statusCode).toBe(400);
    const rejected = await send('POST', '/api/v1/public-services/feedback/PAKN-PROVINCE-1/status', {
      status: 'rejected',
      reason: 'Thuộc thẩm quyền của Trung ương',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      inRemit: false,
      answer: 'Thuộc thẩm quyền của Trung ương',
    });
    const progress = await send('POST', '/api/v1/public-services/feedback/PAKN-PORTAL-1/status', {
      status: 'in_progress',
    });
    expect(progress.json()).toMatchObject({ status: 'in_progress', inRemit: true });
  });

  it('lists what is open past its deadline now', async () => {
    at('2025-03-10 09:00');
    const overdue = (await send('GET', '/api/v1/public-services/feedback?overdue=true')).json();
    expect(codes(overdue)).toEqual(['PAKN-PORTAL-1']);
    expect(overdue.items[0].overdue).toBe(true);
    expect(
      (await send('GET', '/api/v1/public-services/feedback?overdue=true', undefined, officer)).json().items,
    ).toEqual([]);
  });

  it('gives the PAKN figures of a quarter for the caller’s scope', async () => {
    // As of 10 March: the Tết item answered on time (unsatisfied), PAKN-PORTAL-1 past due 24 Feb and unanswered,
    // the province's own rejected (out of remit).
    const province = await send('GET', '/api/v1/public-services/feedback-figures?period=2025Q1');
    expect(province.statusCode, province.body).toBe(200);
    expect(province.json()).toEqual({
      period: '2025Q1',
      unit: '42',
      from: vn('2025-01-01 00:00'),
      to: vn('2025-03-10 09:00'),
      received: 3,
      receivedOutOfRemit: 1,
      answered: 1,
      due: 2,
      answeredOnTime: 1,
      overdue: 1,
      unsatisfied: 1,
      unsatisfiedOrOverdue: 2,
      open: 0,
      paknOnTime: 50,
      paknSatisfaction: 0,
    });
    const thanhSen = (
      await send('GET', '/api/v1/public-services/feedback-figures?period=2025Q1', undefined, officer)
    ).json();
    expect(thanhSen).toMatchObject({ unit: '18073', received: 1, due: 1, answeredOnTime: 1, paknOnTime: 100 });
    expect(thanhSen.paknSatisfaction).toBe(0);
    const trầnPhú = (await send('GET', '/api/v1/public-services/feedback-figures?period=202502&unit=18100')).json();
    expect(trầnPhú).toMatchObject({ to: vn('2025-03-01 00:00'), received: 1, due: 1, overdue: 1, paknOnTime: 0 });
    expect(
      (await send('GET', '/api/v1/public-services/feedback-figures?period=2025Q1&unit=18100', undefined, officer))
        .statusCode,
    ).toBe(403);
    expect((await send('GET', '/api/v1/public-services/feedback-figures?period=2025Q5')).statusCode).toBe(400);
    const later = (await send('GET', '/api/v1/public-services/feedback-figures?period=2025Q2')).json();
    expect(later).toMatchObject({ from: vn('2025-04-01 00:00'), to: vn('2025-04-01 00:00'), due: 0, paknOnTime: null });
  });

  it('audits every write', async () => {
    const audit = (await send('GET', '/api/v1/audit?action=publicservices.feedback.&limit=50')).json();
    const actions = (audit.entries as { action: string; entityId: string }[]).map((e) => `${e.action} ${e.entityId}`);
    expect(actions).toContain(`publicservices.feedback.create ${tetCode}`);
    expect(actions).toContain(`publicservices.feedback.answer ${tetCode}`);
    expect(actions).toContain(`publicservices.feedback.rate ${tetCode}`);
    expect(actions).toContain('publicservices.feedback.status PAKN-PROVINCE-1');
  });
});
