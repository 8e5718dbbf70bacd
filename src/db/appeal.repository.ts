/** request_appeal: 行政复议 and 行政诉讼 about requests (table 四). */
import type { Kysely, Updateable } from 'kysely';
import type { Appeal, AppealKind, AppealResult } from '../core/requests/records.js';
import type { Database, RequestAppealRow, RequestAppealTable } from './schema.js';

export function toAppeal(row: RequestAppealRow): Appeal {
  return {
    id: row.id, agencyId: row.agency_id, requestId: row.request_id, kind: row.kind as AppealKind, result: row.result as AppealResult,
    filedOn: row.filed_on, decidedOn: row.decided_on, reviewOrganCoDefendant: Number(row.review_organ_co_defendant) === 1,
    caseNumber: row.case_number, organ: row.organ, note: row.note, version: Number(row.version), createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export async function insertAppeal(db: Kysely<Database>, a: Omit<Appeal, 'version' | 'updatedAt'>): Promise<void> {
  await db
    .insertInto('request_appeal')
    .values({
      id: a.id, agency_id: a.agencyId, request_id: a.requestId, kind: a.kind, result: a.result, filed_on: a.filedOn, decided_on: a.decidedOn,
      review_organ_co_defendant: a.reviewOrganCoDefendant ? 1 : 0, case_number: a.caseNumber, organ: a.organ, note: a.note, version: 1,
      created_at: a.createdAt, updated_at: a.createdAt,
    })
    .execute();
}

export async function findAppeal(db: Kysely<Database>, id: string): Promise<Appeal | null> {
  const row = await db.selectFrom('request_appeal').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAppeal(row) : null;
}

export interface AppealFilter {
  readonly agencyIds: 'all' | readonly string[];
  readonly requestId?: string;
  readonly kind?: AppealKind;
  readonly filedFrom?: string;
  readonly filedTo?: string;
  readonly limit: number;
  readonly offset: number;
}

export async function listAppealRows(db: Kysely<Database>, f: AppealFilter): Promise<{ rows: Appeal[]; total: number }> {
  if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('request_appeal');
  if (f.agencyIds !== 'all') q = q.where('agency_id', 'in', f.agencyIds);
  if (f.requestId) q = q.where('request_id', '=', f.requestId);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.filedFrom) q = q.where('filed_on', '>=', f.filedFrom);
  if (f.filedTo) q = q.where('filed_on', '<=', f.filedTo);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('filed_on', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows: rows.map(toAppeal), total: Number(total.n) };
}

export type AppealPatch = Omit<Updateable<RequestAppealTable>, 'id' | 'version' | 'created_at'>;

export async function updateAppealIfVersion(db: Kysely<Database>, id: string, version: number, patch: AppealPatch): Promise<boolean> {
  const res = await db.updateTable('request_appeal').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteAppealRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('request_appeal').where('id', '=', id).execute();
}
