/**
 * One year of the working-day calendar as data for a screen (the console's 节假日日历): every day
 * with its kind and festival, month by month with the count of working days and the month's runs in
 * words (the same sentences as `gongkai calendar show`), and the year's status — official (shipped
 * notice), imported (a notice imported by the administrator) or provisional — with the reasons in
 * Chinese when some days are provisional.
 */
import type { Calendar, DayKind } from './calendar.js';
import { describeProvisionalReason } from './describe-span.js';
import { daysInMonth, dayNumberOf, formatIsoDate, weekdayOf } from './day-number.js';
import type { NoticeSource } from './schedule.js';
import { monthNotes } from './year-view.js';

/** official = a shipped notice; imported = a notice imported by the administrator; provisional = none. */
export type CalendarYearStatus = 'official' | 'imported' | 'provisional';

export interface CalendarDayView {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  readonly kind: DayKind;
  /** The festival of a holiday, 补假 or 调休上班 day. */
  readonly name: string | null;
  readonly workday: boolean;
  readonly provisional: boolean;
}

export interface CalendarMonthView {
  readonly month: number;
  readonly workdays: number;
  readonly days: readonly CalendarDayView[];
  /** "春节 15日至23日放假", "14日（星期六）春节调休上班", … */
  readonly notes: readonly string[];
}

export interface CalendarYearView {
  readonly year: number;
  readonly status: CalendarYearStatus;
  readonly source: NoticeSource | null;
  readonly workdays: number;
  readonly holidays: number;
  readonly makeupWorkdays: number;
  /** Why some days of the year are provisional (empty when none is). */
  readonly provisionalReasons: readonly string[];
  readonly months: readonly CalendarMonthView[];
}

export const calendarYearStatus = (calendar: Calendar, year: number): CalendarYearStatus => {
  const s = calendar.yearStatus(year);
  return !s.official ? 'provisional' : s.origin === 'imported' ? 'imported' : 'official';
};

/** The year month by month. The year must lie within the calendar (2004–2100). */
export function yearMonths(calendar: Calendar, year: number): CalendarYearView {
  const months: CalendarMonthView[] = [];
  let workdays = 0;
  let holidays = 0;
  let makeups = 0;
  for (let month = 1; month <= 12; month++) {
    const first = dayNumberOf(year, month, 1);
    const days: CalendarDayView[] = [];
    let monthWorkdays = 0;
    for (let d = first; d < first + daysInMonth(year, month); d++) {
      const kind = calendar.kindOf(d);
      const workday = calendar.isWorkday(d);
      if (workday) monthWorkdays++;
      if (kind === 'holiday' || kind === 'substituteHoliday') holidays++;
      if (kind === 'makeupWorkday') makeups++;
      days.push({ date: formatIsoDate(d), day: d - first + 1, weekday: weekdayOf(d), kind, name: calendar.nameOf(d), workday, provisional: calendar.isProvisional(d) });
    }
    workdays += monthWorkdays;
    months.push({ month, workdays: monthWorkdays, days, notes: monthNotes(calendar, year, month) });
  }
  const reasons = calendar.provisionalReasons(dayNumberOf(year, 1, 1), dayNumberOf(year, 12, 31)).map(describeProvisionalReason);
  return {
    year, status: calendarYearStatus(calendar, year), source: calendar.yearStatus(year).source,
    workdays, holidays, makeupWorkdays: makeups, provisionalReasons: [...new Set(reasons)], months,
  };
}
