/**
 * The fixed statutory holidays of 《全国年节及纪念日放假办法》 as amended by 国务院令第795号 (in force
 * 2025-01-01; rules.md §4.1), used for years without a published notice. 13 days: 元旦 1-1; 春节
 * 除夕–初三; 清明 (solar term); 劳动节 5-1, 5-2; 端午 (lunar 5-5); 中秋 (lunar 8-15); 国庆 10-1–10-3.
 * 第六条: a holiday that falls on a Saturday or Sunday is made up on a working day (补假); we place
 * it on the first weekday after the holiday that is not itself a holiday.
 */
import { dayNumberOf, isWeekend, parseIsoDate, type DayNumber } from './day-number.js';
import { lunarHolidayDates } from './lunar-dates.js';

export interface StatutoryDay {
  readonly day: DayNumber;
  readonly name: string;
  /** 'holiday': the statutory day itself; 'substitute': a 补假 weekday for a holiday on a weekend. */
  readonly kind: 'holiday' | 'substitute';
}

/** The festivals of the amended law, in the order of the year. */
export const statutoryHolidayNames = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

const at = (year: number, mmdd: string): DayNumber => parseIsoDate(`${year}-${mmdd}`)!;

/**
 * The statutory days off of a year (sorted), or null when the lunar table does not cover it.
 * With `substitute`, each holiday on a weekend adds one 补假 weekday after it (第六条).
 */
export function statutoryDaysOff(year: number, opts: { substitute: boolean }): StatutoryDay[] | null {
  const lunar = lunarHolidayDates(year);
  if (!lunar) return null;
  const named = new Map<DayNumber, string>();
  const add = (day: DayNumber, name: string) => {
    const prev = named.get(day);
    named.set(day, prev && prev !== name ? `${prev}、${name}` : name);
  };
  add(dayNumberOf(year, 1, 1), '元旦');
  const eve = at(year, lunar.newYearsEve);
  for (let i = 0; i < 4; i++) add(eve + i, '春节');
  add(at(year, lunar.qingming), '清明节');
  add(dayNumberOf(year, 5, 1), '劳动节');
  add(dayNumberOf(year, 5, 2), '劳动节');
  add(at(year, lunar.dragonBoat), '端午节');
  // 国庆 first, so a 中秋 inside 10-01…10-03 reads "国庆节、中秋节"
  for (let d = 1; d <= 3; d++) add(dayNumberOf(year, 10, d), '国庆节');
  add(at(year, lunar.midAutumn), '中秋节');

  const days: StatutoryDay[] = [...named.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, name]) => ({ day, name, kind: 'holiday' as const }));
  if (!opts.substitute) return days;

  const taken = new Set(named.keys());
  const substitutes: StatutoryDay[] = [];
  for (const h of days) {
    if (!isWeekend(h.day)) continue;
    let d = h.day + 1;
    while (isWeekend(d) || taken.has(d)) d++;
    taken.add(d);
    substitutes.push({ day: d, name: `${h.name.split('、')[0]!}补假`, kind: 'substitute' });
  }
  return [...days, ...substitutes].sort((a, b) => a.day - b.day);
}
