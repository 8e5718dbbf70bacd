/**
 * The counts a year's report is compiled from, straight from the records (rules.md §1.7):
 *
 * - table 三: ONE grouped pass over the agency's requests received up to 31 December and not
 *   answered before 1 January, by (year received, year answered, applicant kind, outcome), read in
 *   index order from disclosure_request_year_idx (no sort, no per-row work in JS). From its few
 *   groups: 本年新收 = received in Y; 上年结转 = received before Y; an outcome row = answered in Y;
 *   结转下年度 = not answered in Y (answered later or not yet).
 * - table 四: one grouped pass over the agency's appeals filed in Y; the result is the one in force
 *   on 31 December (a case decided later is 尚未审结 in Y's report); suits where the agency is only
 *   the 复议机关 named co-defendant are not counted (rules.md §1.6).
 *
 * The drill-down lists the records counted in one cell, with the same predicates.
 */
import { sql, type Kysely } from 'kysely';
import { isOutcomeKey, outcomeGroup, outcomeKeys, type OutcomeKey } from '../core/requests/outcomes.js';
import type { ApplicantKind } from '../core/requests/request.js';
import type { Appeal, AppealKind, AppealResult } from '../core/requests/records.js';
import type { AppealFacts, RequestFacts } from '../core/report/compile.js';
import { toAppeal } from './appeal.repository.js';
import type { RequestListRow } from './request.repository.js';
import type { Database } from './schema.js';

type Counts = Partial<Record<ApplicantKind, number>>;
const add = (into: Counts, kind: ApplicantKind, n: number) => {
  into[kind] = (into[kind] ?? 0) + n;
};

export interface LoadedRequestFacts {
  readonly facts: RequestFacts;
  /** Requests answered in the year without a known outcome (a data fault; T3-CASES). */
  readonly unclassified: number;
}

const yearText = (year: number): string => {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`report year out of range: ${year}`);
  return String(year);
};

/** Table-三 counts of an agency's year in one grouped pass. */
export async function loadRequestFacts(db: Kysely<Database>, agencyId: string, year: number): Promise<LoadedRequestFacts> {
  const y = yearText(year);
  const rows = await sql<{ ry: string; py: string | null; kind: string; outcome: string | null; n: number | string }>`
    select substr(received_on, 1, 4) as ry, substr(replied_on, 1, 4) as py, applicant_kind as kind, outcome, count(*) as n
    from disclosure_request
    where agency_id = ${agencyId}
      and substr(received_on, 1, 4) <= ${y}
      and (substr(replied_on, 1, 4) is null or substr(replied_on, 1, 4) >= ${y})
    group by substr(received_on, 1, 4), substr(replied_on, 1, 4), applicant_kind, outcome`.execute(db);
  const newReceived: Counts = {};
  const carriedOver: Counts = {};
  const carriedForward: Counts = {};
  const outcomes: Partial<Record<OutcomeKey, Counts>> = {};
  let unclassified = 0;
  for (const r of rows.rows) {
    const kind = r.kind as ApplicantKind;
    const n = Number(r.n);
    if (r.ry === y) add(newReceived, kind, n);
    else add(carriedOver, kind, n);
    if (r.py === y) {
      if (isOutcomeKey(r.outcome)) add((outcomes[r.outcome] ??= {}), kind, n);
      else unclassified += n;
    } else {
      add(carriedForward, kind, n);
    }
  }
  return { facts: { newReceived, carriedOver, carriedForward, outcomes }, unclassified };
}

/** Table-四 counts of an agency's year (cases filed in Y, result as at 31 December). */
export async function loadAppealFacts(db: Kysely<Database>, agencyId: string, year: number): Promise<AppealFacts> {
  const y = yearText(year);
  const rows = await db
    .selectFrom('request_appeal')
    .select(['kind', 'result', 'decided_on', (eb) => eb.fn.countAll<number>().as('n')])
    .where('agency_id', '=', agencyId)
    .where('filed_on', '>=', `${y}-01-01`)
    .where('filed_on', '<=', `${y}-12-31`)
    .where('review_organ_co_defendant', '=', 0)
    .groupBy(['kind', 'result', 'decided_on'])
    .execute();
  const out: Partial<Record<AppealKind, Partial<Record<AppealResult, number>>>> = {};
  for (const r of rows) {
    const kind = r.kind as AppealKind;
    const result = appealResultAtYearEnd(r.result as AppealResult, r.decided_on, year);
    const group = (out[kind] ??= {});
    group[result] = (group[result] ?? 0) + Number(r.n);
  }
  return out;
}

/** The result a case had on 31 December of `year`: decided later (or not yet) → 尚未审结. */
export function appealResultAtYearEnd(result: AppealResult, decidedOn: string | null, year: number): AppealResult {
  return decidedOn !== null && decidedOn <= `${year}-12-31` ? result : 'pending';
}

/** The list-line columns of a request (no ID number, phone, e-mail or address). */
const cellColumns = [
  'id', 'agency_id', 'reference', 'status', 'version', 'channel', 'arrived_on', 'received_on', 'applicant_kind', 'applicant_name',
  'description', 'document_number', 'assignee_id', 'outcome', 'replied_on', 'reply_by', 'created_at', 'updated_at',
] as const satisfies readonly (keyof RequestListRow)[];

export interface CellPage {
  readonly limit: number;
  readonly offset: number;
}

/** The outcome keys a table-三 row counts (an outcome row, a group row of an older format, （七）总计). */
export function rowOutcomes(row: string): readonly OutcomeKey[] | null {
  if (row === 'total') return outcomeKeys;
  if (isOutcomeKey(row)) return [row];
  const group = outcomeKeys.filter((k) => outcomeGroup(k) === row);
  return group.length ? group : null;
}

/** The requests counted in a table-三 cell (masked list columns), newest receipt first. */
export async function listTable3CellRequests(
  db: Kysely<Database>, agencyId: string, year: number, row: string, applicantKind: ApplicantKind | null, page: CellPage,
): Promise<{ rows: RequestListRow[]; total: number } | null> {
  const from = `${yearText(year)}-01-01`;
  const to = `${year}-12-31`;
  let q = db.selectFrom('disclosure_request').where('agency_id', '=', agencyId);
  if (applicantKind) q = q.where('applicant_kind', '=', applicantKind);
  const outcomes = rowOutcomes(row);
  if (row === 'newReceived') {
    q = q.where('received_on', '>=', from).where('received_on', '<=', to);
  } else if (row === 'carriedOver') {
    q = q.where('received_on', '<', from).where((eb) => eb.or([eb('replied_on', 'is', null), eb('replied_on', '>=', from)]));
  } else if (row === 'carriedForward') {
    q = q.where('received_on', '<=', to).where((eb) => eb.or([eb('replied_on', 'is', null), eb('replied_on', '>', to)]));
  } else if (outcomes) {
    q = q.where('received_on', '<=', to).where('replied_on', '>=', from).where('replied_on', '<=', to).where('outcome', 'in', outcomes);
  } else {
    return null;
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select([...cellColumns]).orderBy('received_on', 'desc').orderBy('reference', 'desc').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total.n) };
}

/** The appeals counted in a table-四 cell (result as at 31 December; co-defendant suits excluded). */
export async function listTable4CellAppeals(
  db: Kysely<Database>, agencyId: string, year: number, kind: AppealKind, result: AppealResult | null, page: CellPage,
): Promise<{ rows: Appeal[]; total: number }> {
  const y = yearText(year);
  const to = `${y}-12-31`;
  let q = db
    .selectFrom('request_appeal')
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .where('filed_on', '>=', `${y}-01-01`)
    .where('filed_on', '<=', to)
    .where('review_organ_co_defendant', '=', 0);
  if (result === 'pending') {
    q = q.where((eb) => eb.or([eb('decided_on', 'is', null), eb('decided_on', '>', to)]));
  } else if (result !== null) {
    q = q.where('result', '=', result).where('decided_on', '<=', to);
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('filed_on', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows: rows.map(toAppeal), total: Number(total.n) };
}

