/**
 * The working-day calendar in use: the shipped schedules (chinese-days) overlaid by imported notices
 * (an imported year replaces that year entirely), built once per data version. Importing a notice
 * checks it strictly (findings by line), then replaces the stored year with an audit event.
 */
import type { Kysely } from 'kysely';
import { baseSchedules } from '../core/calendar/base-schedules.js';
import { buildCalendar, calendarFirstYear, type Calendar } from '../core/calendar/calendar.js';
import { parseCalendarImport, type CalendarImportFormat } from '../core/calendar/notice-import.js';
import { daysToSchedule, scheduleToDays } from '../core/calendar/schedule-days.js';
import type { NoticeSource, YearSchedule } from '../core/calendar/schedule.js';
import { hasErrors, type Finding } from '../core/findings.js';
import {
  calendarDataVersion,
  deleteCalendarYear,
  findImportedCalendarYear,
  listImportedCalendarYears,
  replaceCalendarYear,
  type ImportedCalendarYear,
} from '../db/calendar.repository.js';
import type { Database } from '../db/schema.js';
import type { ServiceDeps } from './deps.js';
import { withTransaction, type Actor } from './with-transaction.js';

/** Shipped schedules with the imported years put in their place (imported wins for its year). */
export function overlaySchedules(base: readonly YearSchedule[], imported: readonly ImportedCalendarYear[]): YearSchedule[] {
  const byYear = new Map(base.map((s) => [s.year, s]));
  for (const y of imported) byYear.set(y.year, daysToSchedule(y.year, y.days, y.source, 'imported', y.importedAt));
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

const cache = new WeakMap<Kysely<Database>, { version: string; calendar: Calendar }>();

/** The calendar in force (cached per database until the imported data changes). */
export async function loadCalendar(deps: Pick<ServiceDeps, 'db'>): Promise<Calendar> {
  const version = await calendarDataVersion(deps.db);
  const hit = cache.get(deps.db);
  if (hit && hit.version === version) return hit.calendar;
  const calendar = buildCalendar(overlaySchedules(baseSchedules(), await listImportedCalendarYears(deps.db)));
  cache.set(deps.db, { version, calendar });
  return calendar;
}

export interface CalendarImportResult {
  /** False when the file has error-level findings: nothing was stored. */
  readonly imported: boolean;
  readonly years: readonly number[];
  /** Years whose previously imported notice was replaced. */
  readonly replacedImports: readonly number[];
  /** Years whose shipped (chinese-days) schedule is now overridden. */
  readonly overriddenBase: readonly number[];
  readonly findings: readonly Finding[];
}

/** Checks and stores a notice file (JSON or CSV; docs/calendar-import.md). */
export async function importCalendarNotice(deps: ServiceDeps, actor: Actor, text: string, format?: CalendarImportFormat): Promise<CalendarImportResult> {
  const importedAt = deps.clock.now().toISOString();
  const parsed = parseCalendarImport(text, format, importedAt);
  if (hasErrors(parsed.findings) || parsed.schedules.length === 0) {
    return { imported: false, years: [], replacedImports: [], overriddenBase: [], findings: parsed.findings };
  }
  const shipped = new Set(baseSchedules().map((s) => s.year));
  const replacedImports: number[] = [];
  await withTransaction(deps, actor, async (trx, audit) => {
    for (const s of parsed.schedules) {
      const before = await findImportedCalendarYear(trx, s.year);
      if (before) replacedImports.push(s.year);
      const days = scheduleToDays(s);
      await replaceCalendarYear(trx, { year: s.year, source: s.source, importedAt: audit.at, importedBy: actor.userId, days });
      await audit.record({
        action: 'calendar.import',
        entityType: 'calendar_year',
        entityId: String(s.year),
        before: before ? summary(before.source, before.days.length) : shipped.has(s.year) ? { origin: 'base' } : null,
        after: summary(s.source, days.length),
      });
    }
  });
  const years = parsed.schedules.map((s) => s.year);
  deps.logger.info({ years, replacedImports }, 'calendar notice imported');
  return { imported: true, years, replacedImports, overriddenBase: years.filter((y) => shipped.has(y)), findings: parsed.findings };
}

const summary = (source: NoticeSource, days: number) => ({ title: source.title, url: source.url, days });

/** Removes an imported year; the shipped data (or the statutory estimate) applies again. False when none was imported. */
export async function removeImportedCalendarYear(deps: ServiceDeps, actor: Actor, year: number): Promise<boolean> {
  if (!(await findImportedCalendarYear(deps.db, year))) return false;
  return withTransaction(deps, actor, async (trx, audit) => {
    const before = await findImportedCalendarYear(trx, year);
    if (!before) return false;
    await deleteCalendarYear(trx, year);
    await audit.record({ action: 'calendar.remove', entityType: 'calendar_year', entityId: String(year), before: summary(before.source, before.days.length), after: null });
    return true;
  });
}

export interface CalendarYearSummary {
  readonly year: number;
  readonly official: boolean;
  readonly origin: 'base' | 'imported' | null;
  readonly source: NoticeSource | null;
  readonly importedAt: string | null;
}

/** Every year from 2004 to two years past the last covered one, with its status (for `calendar show`, the admin screen). */
export async function listCalendarYears(deps: Pick<ServiceDeps, 'db'>): Promise<CalendarYearSummary[]> {
  const calendar = await loadCalendar(deps);
  const last = Math.max(calendar.coveredThrough, ...(await listImportedCalendarYears(deps.db)).map((y) => y.year)) + 2;
  const out: CalendarYearSummary[] = [];
  for (let year = calendarFirstYear; year <= last; year++) {
    const s = calendar.yearStatus(year);
    out.push({ year, official: s.official, origin: s.origin, source: s.source, importedAt: calendar.schedule(year)?.importedAt ?? null });
  }
  return out;
}
