import { describe, expect, it } from 'vitest';
import { makeFormatter } from '../format/formatter.ts';
import { testTranslators } from '../i18n/testing.ts';
import {
  alertTitle,
  type DetailLookups,
  detailLines,
  durationText,
  kindCount,
  kindLabel,
  reasonText,
} from './alertWords.ts';
import { alertsEn } from './i18n.en.ts';
import { alertsVi } from './i18n.vi.ts';

const { tVi, tEn } = testTranslators();
const fmtVi = makeFormatter('vi');
const fmtEn = makeFormatter('en');

const look = (lang: 'vi' | 'en'): DetailLookups => ({
  lang,
  unitName: (code) => (code === '18073' ? (lang === 'en' ? 'Thanh Sen Ward' : 'Phường Thành Sen') : undefined),
  agencyName: (code) =>
    code === 'UBND_18418' ? (lang === 'en' ? 'Ky Anh People’s Committee' : 'UBND xã Kỳ Anh') : undefined,
  elementName: () => undefined,
  ruleName: () => undefined,
});

describe('alert words', () => {
  it('exist in both languages for every key', () => {
    expect(Object.keys(alertsEn).sort()).toEqual(Object.keys(alertsVi).sort());
  });

  it('name every kind, a family for an unknown one, never the code', () => {
    expect(kindLabel(tVi, 'tasks.overdue')).toBe('Nhiệm vụ quá hạn');
    expect(kindLabel(tEn, 'tasks.nearly_due')).toBe('Task nearly due');
    expect(kindLabel(tEn, 'tasks.something_new')).toBe('Tasks');
    expect(kindLabel(tVi, 'cameras.offline')).toBe('Cảnh báo khác');
  });

  it('count a group the way each language does', () => {
    expect(kindCount(tVi, 'tasks.overdue', 27)).toBe('27 nhiệm vụ quá hạn');
    expect(kindCount(tEn, 'tasks.overdue', 1)).toBe('1 overdue task');
    expect(kindCount(tEn, 'tasks.overdue', 1234)).toBe('1,234 overdue tasks');
    expect(kindCount(tEn, 'x.y', 2)).toBe('2 alerts');
  });

  it('translate the IOC’s own reasons and keep a person’s note', () => {
    expect(reasonText(tVi, 'condition cleared')).toBe('Điều kiện không còn');
    expect(reasonText(tEn, 'superseded by level III')).toBe('Moved to level III');
    expect(reasonText(tVi, 'Đã xử lý xong tại hiện trường')).toBe('Đã xử lý xong tại hiện trường');
  });

  it('write durations in words', () => {
    expect(durationText(tVi, 5400)).toBe('90 phút');
    expect(durationText(tEn, 7200)).toBe('2 hours');
    expect(durationText(tEn, 45)).toBe('45 seconds');
  });

  it('write the dates inside a title the language’s way', () => {
    const alert = {
      title: 'Nhiệm vụ quá hạn (hạn 01/04/2026): Báo cáo',
      titleEn: 'Task overdue (due 2026-04-01): Report',
    };
    expect(alertTitle('en', fmtEn, alert)).toBe('Task overdue (due 01/04/2026): Report');
    expect(alertTitle('vi', fmtVi, alert)).toBe('Nhiệm vụ quá hạn (hạn 01/04/2026): Báo cáo');
  });
});

describe('alert details', () => {
  const task = {
    detail: { taskId: 41, leadUnit: 'UBND_18418', dueDate: '2026-04-01', state: 'nearly_due', internal: 'x' },
  };

  it('are labelled values: names for codes, dates per language, words for states, internal keys left out', () => {
    expect(detailLines(tVi, fmtVi, task, look('vi')).map((line) => [line.label, line.value])).toEqual([
      ['Nhiệm vụ', 'Nhiệm vụ số 41'],
      ['Đơn vị chủ trì', 'UBND xã Kỳ Anh'],
      ['Hạn xử lý', '01/04/2026'],
      ['Tình trạng', 'Sắp đến hạn'],
    ]);
    expect(detailLines(tEn, fmtEn, task, look('en')).map((line) => [line.label, line.value])).toEqual([
      ['Task', 'Task no. 41'],
      ['Lead unit', 'Ky Anh People’s Committee'],
      ['Deadline', '01/04/2026'],
      ['State', 'Nearly due'],
    ]);
    expect(detailLines(tEn, fmtEn, task, look('en'))[0]?.taskId).toBe(41);
  });

  it('write rates, counts and units of measure', () => {
    const onTime = { detail: { agency: 'SO_X', onTimeRate: 84.567, finished: 1234, onTime: 1043 } };
    expect(detailLines(tVi, fmtVi, onTime, look('vi')).map((line) => line.value)).toEqual([
      'SO_X',
      '84,6%',
      '1.234',
      '1.043',
    ]);
    const rule = { detail: { ruleType: 'threshold', level: 'II', value: 4.25, uom: 'm', op: 'above', bound: 4 } };
    expect(detailLines(tEn, fmtEn, rule, look('en')).map((line) => [line.label, line.value])).toEqual([
      ['Rule type', 'Threshold levels'],
      ['Level', 'II'],
      ['Value', '4.25 m'],
      ['Condition', 'Above the threshold'],
      ['Level threshold', '4 m'],
    ]);
  });
});
