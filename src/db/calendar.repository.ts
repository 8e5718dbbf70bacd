/** Imported holiday notices, stored one row per day (table calendar_day). */
import type { Kysely } from 'kysely';
import type { NoticeSource } from '../core/calendar/schedule.js';
import type { NoticeDay } from '../core/calendar/schedule-days.js';
import type { CalendarDayRow, Database } from './schema.js';

export interface ImportedCalendarYear {
  readonly year: number;
  readonly source: NoticeSource;
  /** ISO instant of the import. */
  readonly importedAt: string;
  readonly importedBy: string | null;
  readonly days: readonly NoticeDay[];
}

const kindOf = (k: CalendarDayRow['kind']): NoticeDay['kind'] => (k === 'makeup_workday' ? 'makeupWorkday' : 'holiday');

function group(rows: readonly CalendarDayRow[]): ImportedCalendarYear[] {
  const byYear = new Map<number, { first: CalendarDayRow; days: NoticeDay[] }>();
  for (const r of rows) {
    const year = Number(r.year);
    let g = byYear.get(year);
    if (!g) byYear.set(year, (g = { first: r, days: [] }));
    g.days.push({ date: r.date, kind: kindOf(r.kind), name: r.name });
  }
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, g]) => ({
      year,
      source: { title: g.first.source_title, url: g.first.source_url },
      importedAt: g.first.imported_at,
      importedBy: g.first.imported_by,
      days: g.days,
    }));
}

/** Every imported year with its days, by year then date. */
export async function listImportedCalendarYears(db: Kysely<Database>): Promise<ImportedCalendarYear[]> {
  const rows = await db.selectFrom('calendar_day').selectAll().orderBy('year').orderBy('date').execute();
  return group(rows);
}

export async function findImportedCalendarYear(db: Kysely<Database>, year: number): Promise<ImportedCalendarYear | null> {
  const rows = await db.selectFrom('calendar_day').selectAll().where('year', '=', year).orderBy('date').execute();
  return group(rows)[0] ?? null;
}

/** Replaces all stored days of `year` by the given notice (call inside a transaction). */
export async function replaceCalendarYear(db: Kysely<Database>, y: ImportedCalendarYear): Promise<void> {
  await db.deleteFrom('calendar_day').where('year', '=', y.year).execute();
  if (y.days.length === 0) return;
  await db
    .insertInto('calendar_day')
    .values(
      y.days.map((d) => ({
        year: y.year,
        date: d.date,
        kind: d.kind === 'makeupWorkday' ? ('makeup_workday' as const) : ('holiday' as const),
        name: d.name,
        source_title: y.source.title,
        source_url: y.source.url,
        imported_at: y.importedAt,
        imported_by: y.importedBy,
      })),
    )
    .execute();
}

/** Removes an imported year (the shipped data, or the statutory estimate, applies again). Returns rows deleted. */
export async function deleteCalendarYear(db: Kysely<Database>, year: number): Promise<number> {
  const r = await db.deleteFrom('calendar_day').where('year', '=', year).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Changes whenever the imported data changes (cheap, for caching the built calendar). */
export async function calendarDataVersion(db: Kysely<Database>): Promise<string> {
  const r = await db
    .selectFrom('calendar_day')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('imported_at').as('last'), eb.fn.sum<number>('year').as('years')])
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}|${r?.last ?? ''}|${Number(r?.years ?? 0)}`;
}
