/** closed_report: the frozen figures of closed report years (one closure in force per agency and year). */
import type { Kysely } from 'kysely';
import type { ReportJson } from '../core/report/json.js';
import type { FormatId } from '../core/report/spec/index.js';
import type { ClosedReportRow, Database } from './schema.js';

export interface ReportClosure {
  readonly id: string;
  readonly agencyId: string;
  readonly year: number;
  readonly format: FormatId;
  /** The frozen report (JSON contract, with sections). */
  readonly report: ReportJson;
  readonly closedBy: string | null;
  readonly closedByName: string;
  readonly closedAt: string;
  readonly reopenedBy: string | null;
  readonly reopenedByName: string | null;
  readonly reopenedAt: string | null;
  readonly reopenReason: string | null;
}

function toClosure(row: ClosedReportRow): ReportClosure {
  return {
    id: row.id, agencyId: row.agency_id, year: Number(row.year), format: row.format as FormatId, report: JSON.parse(row.report_json) as ReportJson,
    closedBy: row.closed_by, closedByName: row.closed_by_name, closedAt: row.closed_at, reopenedBy: row.reopened_by,
    reopenedByName: row.reopened_by_name, reopenedAt: row.reopened_at, reopenReason: row.reopen_reason,
  };
}

export async function insertClosure(
  db: Kysely<Database>,
  c: Pick<ReportClosure, 'id' | 'agencyId' | 'year' | 'format' | 'report' | 'closedBy' | 'closedByName' | 'closedAt'>,
): Promise<void> {
  await db
    .insertInto('closed_report')
    .values({
      id: c.id, agency_id: c.agencyId, year: c.year, format: c.format, report_json: JSON.stringify(c.report), closed_by: c.closedBy,
      closed_by_name: c.closedByName, closed_at: c.closedAt, reopened_by: null, reopened_by_name: null, reopened_at: null, reopen_reason: null,
    })
    .execute();
}

/** The closure in force for the agency's year, or null when the year is open. */
export async function findClosure(db: Kysely<Database>, agencyId: string, year: number): Promise<ReportClosure | null> {
  const row = await db
    .selectFrom('closed_report')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('reopened_at', 'is', null)
    .executeTakeFirst();
  return row ? toClosure(row) : null;
}

/** Every closure of the agency (in force and reopened), newest first. */
export async function listClosures(db: Kysely<Database>, agencyId: string): Promise<ReportClosure[]> {
  const rows = await db
    .selectFrom('closed_report')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('year', 'desc')
    .orderBy('closed_at', 'desc')
    .execute();
  return rows.map(toClosure);
}

/** Marks the closure in force as reopened. @returns whether one was */
export async function markReopened(
  db: Kysely<Database>, id: string, by: { userId: string | null; name: string; at: string; reason: string },
): Promise<boolean> {
  const res = await db
    .updateTable('closed_report')
    .set({ reopened_by: by.userId, reopened_by_name: by.name, reopened_at: by.at, reopen_reason: by.reason })
    .where('id', '=', id)
    .where('reopened_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Which of `years` are closed (a closure in force) for the agency, ascending. */
export async function closedYearsAmong(db: Kysely<Database>, agencyId: string, years: readonly number[]): Promise<number[]> {
  if (years.length === 0) return [];
  const rows = await db
    .selectFrom('closed_report')
    .select('year')
    .where('agency_id', '=', agencyId)
    .where('year', 'in', [...new Set(years)])
    .where('reopened_at', 'is', null)
    .orderBy('year')
    .execute();
  return rows.map((r) => Number(r.year));
}
