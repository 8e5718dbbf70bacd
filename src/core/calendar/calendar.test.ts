import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCalendar, defaultCalendar } from './calendar.js';
import { baseSchedules } from './base-schedules.js';
import { formatIsoDate, isWeekend, parseIsoDate, type DayNumber } from './day-number.js';
import type { YearSchedule } from './schedule.js';

const d = (iso: string): DayNumber => {
  const n = parseIsoDate(iso);
  if (n === null) throw new Error(iso);
  return n;
};
const cal = defaultCalendar();
const add = (iso: string, n: number) => formatIsoDate(cal.addWorkdays(d(iso), n));

/** Every day of a year that differs from a plain Mon–Fri week: days off on weekdays, working weekends. */
function deviations(year: number) {
  const off: string[] = [];
  const makeup: string[] = [];
  for (let x = d(`${year}-01-01`); x <= d(`${year}-12-31`); x++) {
    if (!isWeekend(x) && !cal.isWorkday(x)) off.push(formatIsoDate(x).slice(5));
    if (isWeekend(x) && cal.isWorkday(x)) makeup.push(formatIsoDate(x).slice(5));
  }
  return { off, makeup };
}

describe('official schedules (rules.md §4.2)', () => {
  it('2025: 元旦 1 day; 春节 01-28…02-04; 清明 04-04…06; 劳动节 05-01…05; 端午 05-31…06-02; 国庆+中秋 10-01…08; 上班 01-26, 02-08, 04-27, 09-28, 10-11', () => {
    expect(deviations(2025)).toEqual({
      off: ['01-01', '01-28', '01-29', '01-30', '01-31', '02-03', '02-04', '04-04', '05-01', '05-02', '05-05', '06-02', '10-01', '10-02', '10-03', '10-06', '10-07', '10-08'],
      makeup: ['01-26', '02-08', '04-27', '09-28', '10-11'],
    });
    expect(cal.nameOf(d('2025-01-26'))).toBe('春节');
    expect(cal.kindOf(d('2025-10-04'))).toBe('holiday');
  });

  it('2026: 元旦 01-01…03; 春节 02-15…23 (9 days); 清明 04-04…06; 劳动节 05-01…05; 端午 06-19…21; 中秋 09-25…27; 国庆 10-01…07; 上班 01-04, 02-14, 02-28, 05-09, 09-20, 10-10', () => {
    expect(deviations(2026)).toEqual({
      off: ['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '02-23', '04-06', '05-01', '05-04', '05-05', '06-19', '09-25', '10-01', '10-02', '10-05', '10-06', '10-07'],
      makeup: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
    });
    for (const day of ['2026-02-15', '2026-02-21', '2026-02-22']) expect(cal.kindOf(d(day))).toBe('holiday');
  });

  it('the shipped data covers 2004–2026 and names its sources', () => {
    expect(cal.coveredThrough).toBe(2026);
    expect(cal.yearStatus(2026)).toMatchObject({ official: true, origin: 'base', source: { url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm' } });
    expect(cal.yearStatus(2027)).toMatchObject({ official: false, source: null });
  });

  it('a December 元旦 day belongs to the next year’s notice (2022-12-31 came with the 2023 notice)', () => {
    const s2023 = baseSchedules().find((s) => s.year === 2023)!;
    expect(s2023.holidays[0]).toEqual({ name: '元旦', from: '2022-12-31', to: '2023-01-02' });
    expect(cal.isWorkday(d('2018-12-29'))).toBe(true); // Saturday 上班 of the 2019 notice
    expect(cal.isWorkday(d('2018-12-31'))).toBe(false);
  });
});

describe('counting working days (counting starts the next day, 民法典第二百零一条)', () => {
  it.each([
    ['2025-09-26', 7, '2025-10-13', '09-28 (Sun) 调休上班 counts; 国庆+中秋 10-01…08 skipped'],
    ['2025-09-26', 20, '2025-10-30', '10-11 (Sat) 调休上班 counts'],
    ['2025-12-31', 20, '2026-01-29', '2026 元旦 01-01…03 skipped, 01-04 (Sun) counts'],
    ['2026-02-10', 20, '2026-03-16', '2026-02-14 (Sat) counts, 春节 02-15…23 skipped'],
    ['2026-09-18', 20, '2026-10-22', '09-20 (Sun) and 10-10 (Sat) count'],
  ])('%s + %i wd → %s (%s)', (from, n, expected) => {
    expect(add(from, n)).toBe(expected);
  });

  it.each([
    ['2024-12-27', 7, '2025-01-08', 'year end 2024: 2025 元旦 skipped'],
    ['2024-12-27', 20, '2025-01-26', 'year end 2024: the 20th day is Sunday 2025-01-26, a 春节 调休上班 day'],
    ['2023-12-29', 20, '2024-01-29', 'year end 2023: 2024 元旦 (Mon) skipped'],
    ['2025-12-26', 20, '2026-01-26', 'year end 2025: 2026 元旦 01-01…03 skipped, 01-04 (Sun) counts'],
    ['2025-01-24', 7, '2025-02-10', '春节 2025: 01-26 (Sun) and 02-08 (Sat) count, 01-28…02-04 skipped'],
    ['2026-02-13', 7, '2026-03-02', '春节 2026: 02-14 (Sat) counts, 9 days 02-15…23 skipped, 02-28 (Sat) counts'],
    ['2024-09-13', 20, '2024-10-17', '中秋 2024 09-15…17 and 国庆 10-01…07 apart; 09-14, 09-29, 10-12 count'],
    ['2026-09-24', 20, '2026-10-29', '中秋 2026 09-25…27 then 国庆 10-01…07; 10-10 (Sat) counts'],
  ])('%s + %i wd → %s (%s)', (from, n, expected) => {
    expect(add(from, n)).toBe(expected);
  });

  it('property: the n-th working day after a date is a working day, and exactly n working days lie in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: d('2004-01-01'), max: d('2099-06-30') }), fc.integer({ min: 1, max: 80 }), (day, n) => {
        const due = cal.addWorkdays(day, n);
        expect(cal.isWorkday(due)).toBe(true);
        expect(cal.countWorkdays(day + 1, due)).toBe(n);
        expect(cal.countWorkdays(day + 1, due - 1)).toBe(n - 1);
      }),
    );
  });
});

describe('years without a notice are provisional (rules.md §4.4)', () => {
  it('2027 uses the fixed statutory holidays: 元旦 01-01, 春节 除夕 02-05…初三 02-08 with 补假 02-09, 02-10 for the weekend days', () => {
    const off = (from: string, to: string) => {
      const out: string[] = [];
      for (let x = d(from); x <= d(to); x++) if (!isWeekend(x) && !cal.isWorkday(x)) out.push(`${formatIsoDate(x).slice(5)} ${cal.nameOf(x)}`);
      return out;
    };
    expect(off('2027-01-01', '2027-12-31')).toEqual([
      '01-01 元旦', '02-05 春节', '02-08 春节', '02-09 春节补假', '02-10 春节补假', '04-05 清明节',
      '05-03 劳动节补假', '05-04 劳动节补假', '06-09 端午节', '09-15 中秋节', '10-01 国庆节', '10-04 国庆节补假', '10-05 国庆节补假',
    ]);
    expect(cal.isProvisional(d('2027-03-01'))).toBe(true);
  });

  it('received 2026-12-25: 20 wd end on 2027-01-25 at the earliest (not 2027-01-22 as chinese-days says), flagged provisional', () => {
    const due = cal.addWorkdays(d('2026-12-25'), 20);
    expect(formatIsoDate(due)).toBe('2027-01-25');
    expect(cal.isProvisionalRange(d('2026-12-26'), due)).toBe(true);
    expect(cal.provisionalReasons(d('2026-12-26'), due)).toEqual([
      { year: 2027, cause: 'lateDecember' },
      { year: 2027, cause: 'noNotice' },
    ]);
  });

  it('late December of the last covered year is provisional (元旦 调休 may move it); earlier days are not', () => {
    expect(cal.isProvisional(d('2026-12-28'))).toBe(false);
    expect(cal.isProvisional(d('2026-12-29'))).toBe(true);
    expect(buildCalendar(baseSchedules(), { lateDecemberProvisionalDays: 0 }).isProvisional(d('2026-12-31'))).toBe(false);
  });

  it('without 补假 (policy off) a weekend holiday gives no weekday off', () => {
    const plain = buildCalendar(baseSchedules(), { substituteWeekendHolidays: false });
    expect(plain.isWorkday(d('2027-02-09'))).toBe(true);
    expect(formatIsoDate(plain.addWorkdays(d('2027-02-04'), 1))).toBe('2027-02-09');
    expect(formatIsoDate(cal.addWorkdays(d('2027-02-04'), 1))).toBe('2027-02-11');
  });

  it('importing the 2027 notice makes 2027 official and replaces the statutory estimate', () => {
    const y2027: YearSchedule = {
      year: 2027,
      holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-12' }],
      makeupWorkdays: [{ name: '春节', date: '2027-02-20' }],
      source: { title: '国务院办公厅关于2027年部分节假日安排的通知', url: 'https://www.gov.cn/example' },
      origin: 'imported',
    };
    const c = buildCalendar([...baseSchedules(), y2027]);
    expect(c.coveredThrough).toBe(2027);
    expect(c.isProvisional(d('2026-12-31'))).toBe(false);
    expect(c.isWorkday(d('2027-01-01'))).toBe(true); // this (test) notice gives no 元旦: the notice wins
    expect(c.isWorkday(d('2027-02-11'))).toBe(false);
    expect(c.isWorkday(d('2027-02-20'))).toBe(true);
    expect(c.isProvisional(d('2027-12-31'))).toBe(true);
  });
});
