/**
 * Closed years are frozen (年度关闭): once an agency's year is closed (closing.service.ts), no date
 * that counts in that year's report may be written for the agency — a request action dated in the
 * year (收到申请之日, 答复/办结日期, …), a request received in it, an appeal filed or decided in it.
 * The services call `assertYearsOpen` inside their transaction; the administrator may reopen the
 * year. Changes that slip past (e.g. direct database edits) are still found by T3-CASES/T4-CASES.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.js';
import { closedYearsAmong } from '../../db/report-closure.repository.js';
import type { Database } from '../../db/schema.js';

/**
 * @param dates legal dates 'YYYY-MM-DD' (null/undefined ignored)
 * @param what what is refused, completing "不能…" (e.g. "将“发出答复”的日期定在该年度内")
 * @param today only years before today's year can have been closed (closeYear refuses the others), so
 *   dates of this year or later need no query
 * @throws AppError(YEAR_CLOSED) naming the earliest closed year among the dates
 */
export async function assertYearsOpen(
  db: Kysely<Database>, agencyId: string, dates: readonly (string | null | undefined)[], what: string, today: string,
): Promise<void> {
  const thisYear = Number(today.slice(0, 4));
  const years = dates.filter((d): d is string => typeof d === 'string' && /^\d{4}-/.test(d)).map((d) => Number(d.slice(0, 4))).filter((y) => y < thisYear);
  if (years.length === 0) return;
  const closed = await closedYearsAmong(db, agencyId, years);
  if (closed.length > 0) throw new AppError('YEAR_CLOSED', { year: closed[0]!, what });
}
