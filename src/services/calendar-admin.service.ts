/**
 * The holiday calendar for the staff console and API (节假日日历): any staff member views the years
 * and a year month by month; the administrator imports a notice file (JSON/CSV,
 * docs/calendar-import.md — the same strict check as `gongkai calendar import`, findings by line)
 * and removes an imported year. Built on calendar.service.ts (storage, cache, audit).
 */
import { calendarFirstYear, calendarLastYear } from '../core/calendar/calendar.js';
import type { CalendarImportFormat } from '../core/calendar/notice-import.js';
import { calendarYearStatus, yearMonths, type CalendarYearStatus, type CalendarYearView } from '../core/calendar/year-months.js';
import { AppError } from '../core/errors.js';
import { requireRole, type Principal } from './authorization.js';
import {
  importCalendarNotice, listCalendarYears, loadCalendar, removeImportedCalendarYear, type CalendarImportResult, type CalendarYearSummary,
} from './calendar.service.js';
import type { ServiceDeps } from './deps.js';

export interface CalendarYearListItem extends CalendarYearSummary {
  readonly status: CalendarYearStatus;
}

export interface CalendarYearList {
  /** Today's legal date (the server's clock), YYYY-MM-DD. */
  readonly today: string;
  /** The last year of the unbroken run of official years. */
  readonly coveredThrough: number;
  readonly years: readonly CalendarYearListItem[];
}

/** @throws AppError(REQUEST_INVALID) outside 2004–2100 */
export function checkCalendarYear(year: number): number {
  if (!Number.isInteger(year) || year < calendarFirstYear || year > calendarLastYear) {
    throw new AppError('REQUEST_INVALID', { detail: `年份应为 ${calendarFirstYear} 至 ${calendarLastYear} 之间的整数` });
  }
  return year;
}

/** Every year from 2004 to two years past the last covered or imported one, with its status. */
export async function calendarYearList(deps: Pick<ServiceDeps, 'db' | 'clock'>): Promise<CalendarYearList> {
  const calendar = await loadCalendar(deps);
  const years = (await listCalendarYears(deps)).map((y) => ({ ...y, status: calendarYearStatus(calendar, y.year) }));
  return { today: deps.clock.today(), coveredThrough: calendar.coveredThrough, years };
}

/** One year month by month (休/班/补, official or provisional with the reasons). @throws AppError(REQUEST_INVALID) */
export async function calendarYearView(deps: Pick<ServiceDeps, 'db'>, year: number): Promise<CalendarYearView & { readonly importedAt: string | null }> {
  checkCalendarYear(year);
  const calendar = await loadCalendar(deps);
  return { ...yearMonths(calendar, year), importedAt: calendar.schedule(year)?.importedAt ?? null };
}

export interface CalendarFile {
  readonly fileName: string;
  readonly content: Uint8Array;
  /** json | csv; default from the file name, else from the content. */
  readonly format?: string;
}

const formatOf = (file: CalendarFile): CalendarImportFormat | undefined => {
  const wanted = (file.format ?? '').trim().toLowerCase();
  if (wanted === 'json' || wanted === 'csv') return wanted;
  if (wanted) throw new AppError('REQUEST_INVALID', { detail: `文件格式应为 json 或 csv，实际为“${wanted.slice(0, 20)}”` });
  const ext = /\.([a-z]+)$/i.exec(file.fileName)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'csv' ? 'csv' : undefined;
};

/**
 * Imports a notice file (administrator): nothing is stored when it has an error; findings by line.
 * @throws AppError(FORBIDDEN | REQUEST_INVALID | FILE_UNREADABLE)
 */
export async function importCalendarFile(deps: ServiceDeps, principal: Principal, file: CalendarFile): Promise<CalendarImportResult> {
  requireRole(principal, 'admin');
  const format = formatOf(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.content);
  } catch {
    throw new AppError('FILE_UNREADABLE', { reason: `${file.fileName.slice(0, 80)} 不是 UTF-8 编码的文本` });
  }
  return importCalendarNotice(deps, principal, text, format);
}

/**
 * Removes an imported year (administrator); the shipped data or the statutory estimate applies again.
 * @throws AppError(FORBIDDEN | REQUEST_INVALID | NOT_FOUND)
 */
export async function removeCalendarYear(deps: ServiceDeps, principal: Principal, year: number): Promise<void> {
  requireRole(principal, 'admin');
  checkCalendarYear(year);
  if (!(await removeImportedCalendarYear(deps, principal, year))) throw new AppError('NOT_FOUND', { what: `${year}年导入的放假安排` });
}
