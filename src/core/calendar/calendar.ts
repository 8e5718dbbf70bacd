/**
 * The working-day calendar (工作日) as a value built from data: official schedules per notice year,
 * and for years without a notice the fixed statutory holidays of the amended law (provisional).
 * Everything is precomputed into typed arrays indexed by day number, so that
 * isWorkday / countWorkdays / addWorkdays are O(1): prefix counts of working days plus the list of
 * working days in order. Counting starts the day after the trigger (民法典第二百零一条).
 */
import { dayNumberOf, formatIsoDate, isWeekend, parseIsoDate, yearOf, type DayNumber } from './day-number.js';
import { baseSchedules } from './base-schedules.js';
import { statutoryDaysOff } from './statutory.js';
import type { NoticeSource, YearSchedule } from './schedule.js';

export const calendarFirstYear = 2004;
export const calendarLastYear = 2100;

export interface CalendarOptions {
  /**
   * [U] 第六条补假 for provisional years: a statutory holiday on a Saturday/Sunday gives the next
   * free weekday off. Default true (a provisional deadline is then never earlier for lack of it).
   */
  readonly substituteWeekendHolidays: boolean;
  /**
   * [U] How many last days of December stay provisional while the next year's notice is unpublished
   * (元旦 调休 has moved 12-29…12-31, e.g. the 2019 notice). Default 3; 0 turns it off.
   */
  readonly lateDecemberProvisionalDays: number;
}

export const defaultCalendarOptions: CalendarOptions = Object.freeze({
  substituteWeekendHolidays: true,
  lateDecemberProvisionalDays: 3,
});

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday' | 'substituteHoliday';
const kinds: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeupWorkday', 'substituteHoliday'];
const K_WORK = 0, K_WEEKEND = 1, K_HOLIDAY = 2, K_MAKEUP = 3, K_SUBSTITUTE = 4;

/** Why a day is provisional. */
export type ProvisionalCause = 'noNotice' | 'lateDecember';
const P_NONE = 0, P_NO_NOTICE = 1, P_LATE_DEC = 2;

export interface ProvisionalReason {
  readonly year: number;
  readonly cause: ProvisionalCause;
}

export interface YearStatus {
  readonly year: number;
  /** A published notice covers the year. */
  readonly official: boolean;
  readonly source: NoticeSource | null;
  readonly origin: 'base' | 'imported' | null;
}

/** Thrown when a computation leaves the calendar's range (a bug or an absurd input; callers check). */
export class CalendarRangeError extends RangeError {
  override name = 'CalendarRangeError';
}

export class Calendar {
  readonly firstDay: DayNumber = dayNumberOf(calendarFirstYear, 1, 1);
  readonly lastDay: DayNumber = dayNumberOf(calendarLastYear, 12, 31);
  /** The last year of the unbroken run of official years from 2004 (rules.md §4.4 `coveredThrough`). */
  readonly coveredThrough: number;
  readonly options: CalendarOptions;
  private readonly kind: Uint8Array;
  private readonly nameIndex: Uint16Array;
  private readonly names: string[] = [''];
  private readonly provisional: Uint8Array;
  private readonly cumWork: Int32Array;
  private readonly workList: Int32Array;
  private readonly cumProvisional: Int32Array;
  private readonly schedules: ReadonlyMap<number, YearSchedule>;
  private readonly isoCache: (string | undefined)[];

  constructor(schedules: readonly YearSchedule[], options: Partial<CalendarOptions> = {}) {
    this.options = { ...defaultCalendarOptions, ...options };
    this.schedules = new Map(schedules.filter((s) => s.year >= calendarFirstYear && s.year <= calendarLastYear).map((s) => [s.year, s]));
    const n = this.lastDay - this.firstDay + 1;
    this.kind = new Uint8Array(n);
    this.nameIndex = new Uint16Array(n);
    this.isoCache = new Array<string | undefined>(n).fill(undefined);
    this.provisional = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (isWeekend(this.firstDay + i)) this.kind[i] = K_WEEKEND;

    for (let y = calendarFirstYear; y <= calendarLastYear; y++) {
      if (this.schedules.has(y)) continue;
      const from = dayNumberOf(y, 1, 1) - this.firstDay;
      const to = dayNumberOf(y, 12, 31) - this.firstDay;
      this.provisional.fill(P_NO_NOTICE, from, to + 1);
      for (const s of statutoryDaysOff(y, { substitute: this.options.substituteWeekendHolidays }) ?? []) {
        this.mark(s.day, s.kind === 'holiday' ? K_HOLIDAY : K_SUBSTITUTE, s.name);
      }
    }
    for (const s of [...this.schedules.values()].sort((a, b) => a.year - b.year)) {
      for (const h of s.holidays) {
        const from = parseIsoDate(h.from);
        const to = parseIsoDate(h.to);
        if (from === null || to === null) throw new Error(`schedule ${s.year}: bad span ${h.from}…${h.to}`);
        for (let d = from; d <= to; d++) this.mark(d, K_HOLIDAY, h.name);
      }
      for (const m of s.makeupWorkdays) {
        const d = parseIsoDate(m.date);
        if (d === null) throw new Error(`schedule ${s.year}: bad date ${m.date}`);
        this.mark(d, K_MAKEUP, m.name);
      }
    }
    const late = Math.max(0, Math.min(31, Math.floor(this.options.lateDecemberProvisionalDays)));
    for (let y = calendarFirstYear; y < calendarLastYear && late > 0; y++) {
      if (this.schedules.has(y + 1)) continue;
      const end = dayNumberOf(y, 12, 31) - this.firstDay;
      for (let i = end - late + 1; i <= end; i++) if (this.provisional[i] === P_NONE) this.provisional[i] = P_LATE_DEC;
    }

    this.cumWork = new Int32Array(n);
    this.cumProvisional = new Int32Array(n);
    let work = 0;
    let prov = 0;
    for (let i = 0; i < n; i++) {
      const k = this.kind[i];
      if (k === K_WORK || k === K_MAKEUP) work++;
      if (this.provisional[i] !== P_NONE) prov++;
      this.cumWork[i] = work;
      this.cumProvisional[i] = prov;
    }
    this.workList = new Int32Array(work);
    for (let i = 0, w = 0; i < n; i++) {
      const k = this.kind[i];
      if (k === K_WORK || k === K_MAKEUP) this.workList[w++] = i;
    }
    let covered = calendarFirstYear - 1;
    while (this.schedules.has(covered + 1)) covered++;
    this.coveredThrough = covered;
  }

  private mark(day: DayNumber, kind: number, name: string): void {
    const i = day - this.firstDay;
    if (i < 0 || i >= this.kind.length) return;
    this.kind[i] = kind;
    let idx = this.names.indexOf(name);
    if (idx < 0) idx = this.names.push(name) - 1;
    this.nameIndex[i] = idx;
  }

  private index(day: DayNumber): number {
    const i = day - this.firstDay;
    if (!(i >= 0 && i < this.kind.length)) throw new CalendarRangeError(`day ${day} outside ${calendarFirstYear}–${calendarLastYear}`);
    return i;
  }

  /** 'YYYY-MM-DD' of a day, memoized (the clock formats the same few dates over and over). */
  isoDate(day: DayNumber): string {
    const i = day - this.firstDay;
    if (!(i >= 0 && i < this.kind.length)) return formatIsoDate(day);
    return (this.isoCache[i] ??= formatIsoDate(day));
  }

  contains(day: DayNumber): boolean {
    return day >= this.firstDay && day <= this.lastDay;
  }

  isWorkday(day: DayNumber): boolean {
    const k = this.kind[this.index(day)];
    return k === K_WORK || k === K_MAKEUP;
  }

  kindOf(day: DayNumber): DayKind {
    return kinds[this.kind[this.index(day)]!]!;
  }

  /** The festival a holiday, 补假 or 调休上班 day belongs to; null for plain days. */
  nameOf(day: DayNumber): string | null {
    return this.names[this.nameIndex[this.index(day)]!] || null;
  }

  /** Working days in [from, to] (inclusive); 0 when to < from. */
  countWorkdays(from: DayNumber, to: DayNumber): number {
    if (to < from) return 0;
    const a = this.index(from);
    return this.cumWork[this.index(to)]! - (a > 0 ? this.cumWork[a - 1]! : 0);
  }

  /**
   * The n-th working day after `day` (the day itself is not counted, 民法典第二百零一条); n ≥ 1.
   * n = 0 returns `day`. Throws CalendarRangeError past 2100-12-31.
   */
  addWorkdays(day: DayNumber, n: number): DayNumber {
    if (n <= 0) return day;
    const ordinal = this.cumWork[this.index(day)]! + n;
    const i = this.workList[ordinal - 1];
    if (i === undefined) throw new CalendarRangeError(`${n} working days after day ${day} leave the calendar`);
    return this.firstDay + i;
  }

  isProvisional(day: DayNumber): boolean {
    return this.provisional[this.index(day)] !== P_NONE;
  }

  /** Whether any day of [from, to] is provisional (O(1)). */
  isProvisionalRange(from: DayNumber, to: DayNumber): boolean {
    if (to < from) return false;
    const a = this.index(from);
    return this.cumProvisional[this.index(to)]! - (a > 0 ? this.cumProvisional[a - 1]! : 0) > 0;
  }

  /** Why [from, to] is provisional: one reason per year and cause, in date order. */
  provisionalReasons(from: DayNumber, to: DayNumber): ProvisionalReason[] {
    if (!this.isProvisionalRange(from, to)) return [];
    const out: ProvisionalReason[] = [];
    let y = Number.NaN;
    for (let d = from; d <= to; d++) {
      const p = this.provisional[this.index(d)];
      if (p === P_NONE) continue;
      const year = p === P_LATE_DEC ? yearOf(d) + 1 : yearOf(d);
      const cause: ProvisionalCause = p === P_LATE_DEC ? 'lateDecember' : 'noNotice';
      if (year !== y || out.at(-1)?.cause !== cause) out.push({ year, cause });
      y = year;
    }
    return out;
  }

  yearStatus(year: number): YearStatus {
    const s = this.schedules.get(year);
    return { year, official: s !== undefined, source: s?.source ?? null, origin: s?.origin ?? null };
  }

  schedule(year: number): YearSchedule | null {
    return this.schedules.get(year) ?? null;
  }
}

/** Builds a calendar from official schedules (one per notice year); later years are provisional. */
export function buildCalendar(schedules: readonly YearSchedule[], options: Partial<CalendarOptions> = {}): Calendar {
  return new Calendar(schedules, options);
}

let shipped: Calendar | undefined;

/** The calendar of the release's own data (chinese-days), without imported notices. */
export function defaultCalendar(): Calendar {
  return (shipped ??= buildCalendar(baseSchedules()));
}
