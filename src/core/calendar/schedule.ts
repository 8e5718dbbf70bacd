/**
 * The data a calendar is built from: per year, the State Council's holiday notice
 * (《国务院办公厅关于XXXX年部分节假日安排的通知》) as holiday spans and make-up working days (调休上班),
 * with its source. A later year's notice is added as data (CLI import, admin screen), not code.
 */
import type { IsoDate } from './day-number.js';

/** A run of days off named after its festival, e.g. 春节 2026-02-15…2026-02-23 (inclusive). */
export interface HolidaySpan {
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A weekend day that is a working day (调休上班), named after the festival it makes up for. */
export interface MakeupWorkday {
  readonly name: string;
  readonly date: IsoDate;
}

/** Where a year's schedule comes from: the notice's title and URL. */
export interface NoticeSource {
  readonly title: string;
  readonly url: string | null;
}

/** One year's official schedule. Dates may reach into late December of the previous year (元旦 调休). */
export interface YearSchedule {
  readonly year: number;
  readonly holidays: readonly HolidaySpan[];
  readonly makeupWorkdays: readonly MakeupWorkday[];
  readonly source: NoticeSource;
  /** 'base': shipped with the release (chinese-days); 'imported': added later as data. */
  readonly origin: 'base' | 'imported';
  /** When an imported schedule was imported (ISO instant), if known. */
  readonly importedAt?: string | null;
}

/** The title the State Council uses for a year's notice. */
export const noticeTitle = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;
