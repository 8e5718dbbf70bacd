/** request_letter: the letters of a request (reply drafts, notices), with a version for concurrent edits. */
import type { Kysely, Updateable } from 'kysely';
import type { LetterKind } from '../core/requests/letters/letter.js';
import type { OutcomeKey } from '../core/requests/outcomes.js';
import type { DeliveryMethod, LetterStatus, RequestLetter } from '../core/requests/records.js';
import type { Database, RequestLetterRow, RequestLetterTable } from './schema.js';

export function toRequestLetter(row: RequestLetterRow): RequestLetter {
  return {
    id: row.id,
    requestId: row.request_id,
    agencyId: row.agency_id,
    kind: row.kind as LetterKind,
    outcome: row.outcome as OutcomeKey | null,
    basis: row.basis,
    title: row.title,
    body: row.body,
    status: row.status as LetterStatus,
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    issuedOn: row.issued_on,
    issuedAt: row.issued_at,
    deliveryMethod: row.delivery_method as DeliveryMethod | null,
    deliveredOn: row.delivered_on,
    deliveryNote: row.delivery_note,
  };
}

export interface NewLetter extends Pick<RequestLetter, 'id' | 'requestId' | 'agencyId' | 'kind' | 'outcome' | 'basis' | 'title' | 'body' | 'status'> {
  readonly createdBy: string | null;
  readonly at: string;
  /** For notices issued at once. */
  readonly issuedOn?: string | null;
}

export async function insertLetter(db: Kysely<Database>, l: NewLetter): Promise<void> {
  await db
    .insertInto('request_letter')
    .values({
      id: l.id, request_id: l.requestId, agency_id: l.agencyId, kind: l.kind, outcome: l.outcome, basis: l.basis, title: l.title,
      body: l.body, status: l.status, version: 1, created_by: l.createdBy, created_at: l.at, updated_at: l.at,
      approved_by: null, approved_at: null, issued_on: l.issuedOn ?? null, issued_at: l.issuedOn ? l.at : null,
      delivery_method: null, delivered_on: null, delivery_note: '',
    })
    .execute();
}

export async function findLetter(db: Kysely<Database>, id: string): Promise<RequestLetter | null> {
  const row = await db.selectFrom('request_letter').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRequestLetter(row) : null;
}

export async function listLetters(db: Kysely<Database>, requestId: string): Promise<RequestLetter[]> {
  const rows = await db.selectFrom('request_letter').selectAll().where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toRequestLetter);
}

/** The reply letter being prepared (draft, submitted or approved), if any. */
export async function findOpenReplyLetter(db: Kysely<Database>, requestId: string): Promise<RequestLetter | null> {
  const row = await db
    .selectFrom('request_letter')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('kind', '=', 'reply')
    .where('status', 'in', ['draft', 'submitted', 'approved'])
    .executeTakeFirst();
  return row ? toRequestLetter(row) : null;
}

export type LetterPatch = Omit<Updateable<RequestLetterTable>, 'id' | 'version' | 'request_id'>;

/** Applies the patch if the letter still has `version`. @returns whether it did */
export async function updateLetterIfVersion(db: Kysely<Database>, id: string, version: number, patch: LetterPatch): Promise<boolean> {
  const res = await db.updateTable('request_letter').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
