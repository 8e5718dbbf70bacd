import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { lunarHolidayDates, lunarTableFirstYear, lunarTableLastYear } from './lunar-dates.js';

// chinese-days reads dates in the process time zone (a day early west of UTC), so derive under China time.
let savedTz: string | undefined;
beforeAll(() => {
  // eslint-disable-next-line no-restricted-syntax -- the library under comparison depends on TZ
  savedTz = process.env.TZ;
  // eslint-disable-next-line no-restricted-syntax
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  // eslint-disable-next-line no-restricted-syntax
  if (savedTz === undefined) delete process.env.TZ;
  // eslint-disable-next-line no-restricted-syntax
  else process.env.TZ = savedTz;
});

const dayBefore = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
};

describe('lunar holiday table', () => {
  it('hand-checked years: 2025 除夕 01-28, 中秋 10-06; 2026 端午 06-19, 中秋 09-25; 2027 除夕 02-05, 清明 04-05, 端午 06-09, 中秋 09-15', () => {
    expect(lunarHolidayDates(2025)).toMatchObject({ newYearsEve: '01-28', dragonBoat: '05-31', midAutumn: '10-06' });
    expect(lunarHolidayDates(2026)).toMatchObject({ newYearsEve: '02-16', qingming: '04-05', dragonBoat: '06-19', midAutumn: '09-25' });
    expect(lunarHolidayDates(2027)).toEqual({ newYearsEve: '02-05', qingming: '04-05', dragonBoat: '06-09', midAutumn: '09-15' });
    expect(lunarHolidayDates(2003)).toBeNull();
    expect(lunarHolidayDates(2101)).toBeNull();
  });

  it('every entry 2004–2100 equals what chinese-days derives (lunar conversion and solar term)', () => {
    for (let y = lunarTableFirstYear; y <= lunarTableLastYear; y++) {
      const expected = {
        newYearsEve: dayBefore(chineseDays.getSolarDateFromLunar(`${y}-01-01`).date).slice(5),
        qingming: chineseDays.getSolarTermDate(y, 4, 'pure_brightness').slice(5),
        dragonBoat: chineseDays.getSolarDateFromLunar(`${y}-05-05`).date.slice(5),
        midAutumn: chineseDays.getSolarDateFromLunar(`${y}-08-15`).date.slice(5),
      };
      expect(lunarHolidayDates(y), String(y)).toEqual(expected);
    }
  });
});
