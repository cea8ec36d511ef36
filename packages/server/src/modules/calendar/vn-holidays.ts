import type { CalendarEntry, CalendarEntryKind } from './working-days.ts';

/**
 * Days off and swapped working Saturdays for the civil service (công chức, viên chức), 2023–2027: seed data for the
 * database-held calendar, not a rule engine, because the government decides swaps year by year.
 *
 * Legal basis: Bộ luật Lao động 2019, Điều 112 (in force since 2021): Tết Dương lịch 1 day, Tết Âm lịch 5 days,
 * Giỗ Tổ Hùng Vương (10/3 âm lịch) 1, 30/4 1, 1/5 1, Quốc khánh 2 days (2/9 and one adjacent day, 1/9 or 3/9);
 * a holiday on a weekly rest day gives a compensatory day (nghỉ bù) on the next working day. Each year's Tết schedule
 * and any swap (hoán đổi: a weekday off, a Saturday worked instead) come from a Prime Minister's decision conveyed
 * by a Văn phòng Chính phủ letter and a Thông báo of Bộ LĐ-TB-XH (Bộ Nội vụ from 2025).
 * Lunar dates (Tết, Hùng Kings) were checked against the Vietnamese lunar calendar (UTC+7).
 *
 * Ordinary Saturdays and Sundays inside a holiday period are not listed (they are off anyway); statutory days that
 * fall on a weekend are, so the calendar can name them. Entries whose `name` says "dự kiến" are expectations not yet
 * announced; replace them once the official notice is out.
 * Not included: Ngày Văn hóa Việt Nam (24/11) — a day off under Nghị quyết 80-NQ/TW (2026), but not yet in the
 * Labour Code; add it when the amendment is in force.
 */
const entry = (date: string, name: string, kind: CalendarEntryKind = 'holiday'): CalendarEntry => ({
  date,
  kind,
  name,
});

const Y2023: CalendarEntry[] = [
  // Thông báo của Bộ LĐ-TB-XH (Tết Dương lịch, Tết Âm lịch 2023): 1/1 is a Sunday → nghỉ bù Monday 2/1.
  entry('2023-01-01', 'Tết Dương lịch'),
  entry('2023-01-02', 'Nghỉ bù Tết Dương lịch'),
  // Tết Quý Mão: 20/1 – 26/1/2023 (29 tháng Chạp – mùng 5), 7 days including the weekend.
  entry('2023-01-20', 'Tết Nguyên đán Quý Mão (29 tháng Chạp)'),
  entry('2023-01-21', 'Tết Nguyên đán Quý Mão (30 tháng Chạp)'),
  entry('2023-01-22', 'Tết Nguyên đán Quý Mão (mùng 1)'),
  entry('2023-01-23', 'Tết Nguyên đán Quý Mão (mùng 2)'),
  entry('2023-01-24', 'Tết Nguyên đán Quý Mão (mùng 3)'),
  entry('2023-01-25', 'Tết Nguyên đán Quý Mão (mùng 4)'),
  entry('2023-01-26', 'Tết Nguyên đán Quý Mão (mùng 5)'),
  // 29/4 (Hùng Kings, Saturday) and 30/4 (Sunday) → nghỉ bù 2/5 and 3/5: 29/4 – 3/5, no swap.
  entry('2023-04-29', 'Giỗ Tổ Hùng Vương'),
  entry('2023-04-30', 'Ngày Chiến thắng'),
  entry('2023-05-01', 'Ngày Quốc tế Lao động'),
  entry('2023-05-02', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
  entry('2023-05-03', 'Nghỉ bù Ngày Chiến thắng'),
  // Công văn 8056/VPCP-KGVX: 1/9 – 4/9/2023 (2/9 is a Saturday → nghỉ bù Monday 4/9).
  entry('2023-09-01', 'Quốc khánh (ngày liền kề)'),
  entry('2023-09-02', 'Quốc khánh'),
  entry('2023-09-04', 'Nghỉ bù Quốc khánh'),
];

const Y2024: CalendarEntry[] = [
  entry('2024-01-01', 'Tết Dương lịch'),
  // Tết Giáp Thìn (Thông báo của Bộ LĐ-TB-XH): 8/2 – 14/2/2024 (29 tháng Chạp – mùng 5).
  entry('2024-02-08', 'Tết Nguyên đán Giáp Thìn (29 tháng Chạp)'),
  entry('2024-02-09', 'Tết Nguyên đán Giáp Thìn (30 tháng Chạp)'),
  entry('2024-02-10', 'Tết Nguyên đán Giáp Thìn (mùng 1)'),
  entry('2024-02-11', 'Tết Nguyên đán Giáp Thìn (mùng 2)'),
  entry('2024-02-12', 'Tết Nguyên đán Giáp Thìn (mùng 3)'),
  entry('2024-02-13', 'Tết Nguyên đán Giáp Thìn (mùng 4)'),
  entry('2024-02-14', 'Tết Nguyên đán Giáp Thìn (mùng 5)'),
  entry('2024-04-18', 'Giỗ Tổ Hùng Vương'),
  // Công văn 2450/VPCP-KGVX (12/4/2024), Thủ tướng: Monday 29/4 off, worked on Saturday 4/5 → 27/4 – 1/5.
  entry('2024-04-29', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)'),
  entry('2024-04-30', 'Ngày Chiến thắng'),
  entry('2024-05-01', 'Ngày Quốc tế Lao động'),
  entry('2024-05-04', 'Làm bù cho ngày nghỉ 29/4/2024', 'working'),
  // 31/8 – 3/9/2024: 2/9 (Monday) and the adjacent 3/9.
  entry('2024-09-02', 'Quốc khánh'),
  entry('2024-09-03', 'Quốc khánh (ngày liền kề)'),
];

const Y2025: CalendarEntry[] = [
  entry('2025-01-01', 'Tết Dương lịch'),
  // Tết Ất Tỵ (Thủ tướng, 26/11/2024): 25/1 – 2/2/2025, 5 weekdays 27/1 (28 tháng Chạp) – 31/1 (mùng 3), no swap.
  entry('2025-01-27', 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)'),
  entry('2025-01-28', 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)'),
  entry('2025-01-29', 'Tết Nguyên đán Ất Tỵ (mùng 1)'),
  entry('2025-01-30', 'Tết Nguyên đán Ất Tỵ (mùng 2)'),
  entry('2025-01-31', 'Tết Nguyên đán Ất Tỵ (mùng 3)'),
  entry('2025-04-07', 'Giỗ Tổ Hùng Vương'),
  // Thủ tướng (Thông báo của Bộ LĐ-TB-XH): Friday 2/5 off, worked on Saturday 26/4 → 30/4 – 4/5.
  entry('2025-04-26', 'Làm bù cho ngày nghỉ 02/5/2025', 'working'),
  entry('2025-04-30', 'Ngày Chiến thắng'),
  entry('2025-05-01', 'Ngày Quốc tế Lao động'),
  entry('2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)'),
  // 30/8 – 2/9/2025: the adjacent 1/9 (Monday) and 2/9.
  entry('2025-09-01', 'Quốc khánh (ngày liền kề)'),
  entry('2025-09-02', 'Quốc khánh'),
];

const Y2026: CalendarEntry[] = [
  // Công văn 12729/VPCP-KGVX (25/12/2025): 1/1 – 4/1/2026, Friday 2/1 off, worked on Saturday 10/1.
  entry('2026-01-01', 'Tết Dương lịch'),
  entry('2026-01-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)'),
  entry('2026-01-10', 'Làm bù cho ngày nghỉ 02/01/2026', 'working'),
  // Thủ tướng (VPCP, 10/2025), Thông báo của Bộ Nội vụ: Tết Bính Ngọ 14/2 – 22/2/2026, weekdays 16/2 – 20/2.
  entry('2026-02-16', 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)'),
  entry('2026-02-17', 'Tết Nguyên đán Bính Ngọ (mùng 1)'),
  entry('2026-02-18', 'Tết Nguyên đán Bính Ngọ (mùng 2)'),
  entry('2026-02-19', 'Tết Nguyên đán Bính Ngọ (mùng 3)'),
  entry('2026-02-20', 'Tết Nguyên đán Bính Ngọ (mùng 4)'),
  // 10/3 âm lịch is Sunday 26/4 → nghỉ bù Monday 27/4 (Bộ luật Lao động). 30/4 – 1/5 are Thursday – Friday;
  // no swap for 28–29/4 had been announced when this list was written.
  entry('2026-04-26', 'Giỗ Tổ Hùng Vương'),
  entry('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương'),
  entry('2026-04-30', 'Ngày Chiến thắng'),
  entry('2026-05-01', 'Ngày Quốc tế Lao động'),
  // Same decision as Tết 2026: 29/8 – 2/9, the adjacent 1/9, Monday 31/8 off, worked on Saturday 22/8.
  entry('2026-08-22', 'Làm bù cho ngày nghỉ 31/8/2026', 'working'),
  entry('2026-08-31', 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)'),
  entry('2026-09-01', 'Quốc khánh (ngày liền kề)'),
  entry('2026-09-02', 'Quốc khánh'),
];

// 2027: statutory dates are certain (Tết 6/2/2027 and 10/3 âm lịch = 16/4/2027 from the lunar calendar); how Tết
// is laid out, the adjacent National Day and any swap are not announced yet and are marked "dự kiến".
const Y2027: CalendarEntry[] = [
  entry('2027-01-01', 'Tết Dương lịch'),
  // Expected like 2024 (Tết on a Saturday): 29 tháng Chạp + mùng 1–4, the weekend days made up on 28 Chạp and mùng 5.
  entry('2027-02-04', 'Tết Nguyên đán Đinh Mùi (28 tháng Chạp, dự kiến)'),
  entry('2027-02-05', 'Tết Nguyên đán Đinh Mùi (29 tháng Chạp, dự kiến)'),
  entry('2027-02-06', 'Tết Nguyên đán Đinh Mùi (mùng 1)'),
  entry('2027-02-07', 'Tết Nguyên đán Đinh Mùi (mùng 2)'),
  entry('2027-02-08', 'Tết Nguyên đán Đinh Mùi (mùng 3, dự kiến)'),
  entry('2027-02-09', 'Tết Nguyên đán Đinh Mùi (mùng 4, dự kiến)'),
  entry('2027-02-10', 'Tết Nguyên đán Đinh Mùi (mùng 5, dự kiến)'),
  entry('2027-04-16', 'Giỗ Tổ Hùng Vương'),
  entry('2027-04-30', 'Ngày Chiến thắng'),
  entry('2027-05-01', 'Ngày Quốc tế Lao động'),
  entry('2027-05-03', 'Nghỉ bù Ngày Quốc tế Lao động (dự kiến)'),
  entry('2027-09-02', 'Quốc khánh'),
  entry('2027-09-03', 'Quốc khánh (ngày liền kề, dự kiến)'),
];

export const VIETNAM_HOLIDAYS: CalendarEntry[] = [...Y2023, ...Y2024, ...Y2025, ...Y2026, ...Y2027];
