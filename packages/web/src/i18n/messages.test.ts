import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { SUBSYSTEMS } from '../modules.ts';
import { buildCatalogue } from './catalogue.ts';
import { testTranslators } from './testing.ts';

const catalogue = buildCatalogue(SUBSYSTEMS.flatMap((subsystem) => subsystem.messages ?? []));
const { tVi, tEn } = testTranslators(...SUBSYSTEMS.flatMap((subsystem) => subsystem.messages ?? []));

/** What an argument is filled with: a count (plural) and a number are both numbers, whatever each language does. */
const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'text',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'date',
  [TYPE.plural]: 'number',
  [TYPE.select]: 'choice',
};

/** What a message is filled with: each argument's name and whether it takes text, a number or a date. */
function argumentsOf(elements: readonly MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    const kind = KIND[element.type];
    if (kind && 'value' in element) found.add(`${element.value}: ${kind}`);
    if ('options' in element) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

/** The plural categories a message picks among, for each of its counts. */
function pluralCategories(elements: readonly MessageFormatElement[], found: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.plural) found.push(...Object.keys(element.options));
    if ('options' in element) {
      for (const option of Object.values(element.options)) pluralCategories(option.value, found);
    }
  }
  return found;
}

const parsed = (text: string) => parse(text, { ignoreTag: true });

describe('the message catalogue', () => {
  it('is ICU in both languages, each message taking the same arguments in Vietnamese and in English', () => {
    const mismatched: string[] = [];
    for (const [key, vi] of Object.entries(catalogue.vi)) {
      const en = catalogue.en[key as keyof typeof catalogue.en];
      const viArguments = [...argumentsOf(parsed(vi))].sort();
      const enArguments = [...argumentsOf(parsed(en))].sort();
      if (viArguments.join() !== enArguments.join()) {
        mismatched.push(`${key}: vi ${viArguments.join(', ')} / en ${enArguments.join(', ')}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('words Vietnamese counts with `other` alone: the language has no plural forms', () => {
    const withForms = Object.entries(catalogue.vi).filter(([, text]) =>
      pluralCategories(parsed(text)).some((category) => category !== 'other'),
    );
    expect(withForms.map(([key]) => key)).toEqual([]);
  });
});

describe('counts in a sentence', () => {
  it('agree with the number in English and are written the way of each language', () => {
    expect(tEn('alerts.total', { count: 1 })).toBe('1 alert');
    expect(tEn('alerts.total', { count: 1234 })).toBe('1,234 alerts');
    expect(tVi('alerts.total', { count: 1 })).toBe('1 cảnh báo');
    expect(tVi('alerts.total', { count: 1234 })).toBe('1.234 cảnh báo');
    expect(tEn('overview.groups.members', { count: 1 })).toBe('1 unit');
    expect(tEn('overview.groups.members', { count: 0 })).toBe('0 units');
    expect(tEn('data.import.read', { rows: 1, values: 12 })).toBe('Read 1 unit row and 12 filled cells.');
    expect(tVi('data.import.read', { rows: 1, values: 1200 })).toBe('Đã đọc 1 dòng đơn vị, 1.200 ô có số liệu.');
  });

  it('take a fraction as a plural in English: 1 day, 1.5 days', () => {
    expect(tEn('data.status.overdue', { days: 1 })).toBe('overdue by 1 day');
    expect(tEn('data.status.overdue', { days: 1.5 })).toBe('overdue by 1.5 days');
    expect(tVi('data.status.overdue', { days: 1.5 })).toBe('đã quá hạn 1,5 ngày');
  });

  it('agree inside a clause: one unit has, two units have', () => {
    expect(tEn('indicators.ranking.subtitle', { withValue: 1, count: 69 })).toBe('1 of 69 units has data');
    expect(tEn('indicators.ranking.subtitle', { withValue: 68, count: 69 })).toBe('68 of 69 units have data');
    expect(tVi('indicators.ranking.subtitle', { withValue: 68, count: 69 })).toBe('68/69 đơn vị có số liệu');
  });
});

describe('numbers and dates in a sentence', () => {
  const lateNovember = new Date('2026-11-25T16:59:07Z');

  it('write decimals the way of each language', () => {
    expect(tVi('data.entry.sum', { sum: 1234.5 })).toBe('Tổng các thành phần: 1.234,5');
    expect(tEn('data.entry.sum', { sum: 1234.5 })).toBe('Sum of the parts: 1,234.5');
    expect(tVi('ps.score.known', { total: 57, max: 87.5 })).toBe('57,0 / 87,5 điểm đã tính được');
  });

  it('write dates day first, in the province’s time, whatever the language', () => {
    expect(tVi('direction.asOf', { date: new Date('2026-11-30T18:00:00Z') })).toBe('số liệu đến ngày 01/12/2026');
    expect(tEn('direction.asOf', { date: new Date('2026-11-30T18:00:00Z') })).toBe('figures as of 01/12/2026');
    expect(tVi('data.status.deadline', { at: lateNovember })).toBe('Hạn nộp 25/11/2026 23:59');
    expect(tEn('data.status.deadline', { at: lateNovember })).toBe('Due 25/11/2026 23:59');
    expect(tEn('ps.running', { time: lateNovember })).toBe(
      'The period is not over: figures up to 25/11/2026, 23:59:07.',
    );
    expect(tVi('ps.running', { time: lateNovember })).toBe('Kỳ chưa kết thúc: số liệu đến 23:59:07 25/11/2026.');
  });

  it('keep literal braces: a formula hint shows #{GRDP}', () => {
    expect(tVi('catalogue.formula.bareElement', { code: 'POP' })).toBe(
      'Không hiểu "POP": phần tử dữ liệu viết là #{POP}.',
    );
    expect(tEn('catalogue.formula.hint')).toContain('#{GRDP} / #{POP}');
    expect(tEn('apikeys.secretIntro', { name: 'Trạm mưa' })).toContain('Bearer <key>');
  });
});
