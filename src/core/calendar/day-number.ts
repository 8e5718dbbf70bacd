/**
 * Legal dates as integer day numbers (days since 1970-01-01), so the calendar and the clock never
 * touch Date objects or time zones. Civil-date arithmetic after H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms" (proleptic Gregorian).
 */

/** A legal date, 'YYYY-MM-DD' (Asia/Shanghai). */
export type IsoDate = string;

/** Days since 1970-01-01 (that day is 0). */
export type DayNumber = number;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeap(year) ? 29 : monthLengths[month - 1]!;

/** The day number of a civil date (month 1–12). The parts are not validated. */
export function dayNumberOf(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function civilDateOf(dn: DayNumber): CivilDate {
  const z = dn + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const yearOf = (dn: DayNumber): number => civilDateOf(dn).year;

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (dn: DayNumber): number => (((dn + 4) % 7) + 7) % 7;

export const isWeekend = (dn: DayNumber): boolean => {
  const w = weekdayOf(dn);
  return w === 0 || w === 6;
};

const digit = (text: string, i: number): number => {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
};

/** Parses a strict 'YYYY-MM-DD'; null when malformed or not a real date (e.g. 2026-02-30). */
export function parseIsoDate(text: string): DayNumber | null {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y0 = digit(text, 0), y1 = digit(text, 1), y2 = digit(text, 2), y3 = digit(text, 3);
  const m0 = digit(text, 5), m1 = digit(text, 6), d0 = digit(text, 8), d1 = digit(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayNumberOf(year, month, day);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** 'YYYY-MM-DD'. */
export function formatIsoDate(dn: DayNumber): string {
  const { year, month, day } = civilDateOf(dn);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** 'MM-DD' (for compact lists inside one year). */
export function formatMonthDay(dn: DayNumber): string {
  const { month, day } = civilDateOf(dn);
  return `${pad2(month)}-${pad2(day)}`;
}

export const weekdayNames = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** '2026-01-29（星期四）'. */
export const formatDateWithWeekday = (dn: DayNumber): string => `${formatIsoDate(dn)}（${weekdayNames[weekdayOf(dn)]}）`;
