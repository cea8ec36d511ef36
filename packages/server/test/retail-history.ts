import { parsePeriod } from '@ioc/shared';

/**
 * Two years of monthly retail sales in Phường Thành Sen (Nov 2023 – Oct 2025) around 100, with a summer season and
 * 7 % growth a year: the history an anomaly is judged against, shared by the anomaly and alert-kind suites.
 */
export function retailHistory() {
  const rows = [];
  for (let i = 0; i < 24; i++) {
    const month = new Date(Date.UTC(2023, 10 + i, 1));
    const id = `${month.getUTCFullYear()}${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
    const season = [6, 7].includes(month.getUTCMonth()) ? 1.3 : 1;
    rows.push({
      element_code: 'RETAIL',
      unit_id: '18073',
      period_id: id,
      period_type: 'month',
      period_start: parsePeriod(id)!.start,
      category: '',
      value: 100 * season * 1.07 ** (i / 12) * (1 + ((i * 7) % 5) / 100),
      stored_by: 'history',
      stored_at: '2025-01-01T00:00:00Z',
    });
  }
  return rows;
}
