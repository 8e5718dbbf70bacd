/**
 * disclosure_request rows ↔ DisclosureRequest; writes check the version (optimistic concurrency):
 * an update that finds another version changes nothing and returns false.
 */
import { sql, type Kysely, type Updateable } from 'kysely';
import type { IdDocumentType } from '../core/people/id-documents.js';
import type { OutcomeKey } from '../core/requests/outcomes.js';
import type { ApplicantKind, DisclosureRequest, RequestChannel, WantedDelivery, WantedForm } from '../core/requests/request.js';
import type { RequestStatus } from '../core/requests/states.js';
import type { Database, DisclosureRequestRow, DisclosureRequestTable } from './schema.js';

export function toDisclosureRequest(row: DisclosureRequestRow): DisclosureRequest {
  return {
    id: row.id,
    agencyId: row.agency_id,
    reference: row.reference,
    status: row.status as RequestStatus,
    version: Number(row.version),
    channel: row.channel as RequestChannel,
    oral: Number(row.oral) === 1,
    arrivedAt: row.arrived_at,
    arrivedOn: row.arrived_on,
    receivedOn: row.received_on,
    applicant: {
      kind: row.applicant_kind as ApplicantKind,
      name: row.applicant_name,
      idType: row.applicant_id_type as IdDocumentType,
      idNumber: row.applicant_id_number,
      contactPerson: row.applicant_contact_person,
      phone: row.applicant_phone,
      email: row.applicant_email,
      address: row.applicant_address,
      postalCode: row.applicant_postal_code,
    },
    description: row.description,
    documentNumber: row.document_number,
    wantedForm: row.wanted_form as WantedForm,
    wantedDelivery: row.wanted_delivery as WantedDelivery,
    assigneeId: row.assignee_id,
    outcome: row.outcome as OutcomeKey | null,
    outcomeBasis: row.outcome_basis,
    repliedOn: row.replied_on,
    closedAt: row.closed_at,
    transferredFromId: row.transferred_from_id,
    replyBy: row.reply_by,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewRequestRecord {
  readonly id: string;
  readonly agencyId: string;
  readonly reference: string;
  readonly status: RequestStatus;
  readonly channel: RequestChannel;
  readonly oral: boolean;
  readonly arrivedAt: string;
  readonly arrivedOn: string;
  readonly receivedOn: string | null;
  readonly applicant: DisclosureRequest['applicant'];
  readonly description: string;
  readonly documentNumber: string;
  readonly wantedForm: WantedForm;
  readonly wantedDelivery: WantedDelivery;
  readonly intakeKey: string | null;
  readonly trackingHash: string | null;
  readonly transferredFromId: string | null;
  readonly createdBy: string | null;
  readonly at: string;
  /** The ClockEvent[] cache and the reply date (when the receipt is known at entry). */
  readonly clockEvents?: string;
  readonly replyBy?: string | null;
}

export async function insertRequest(db: Kysely<Database>, r: NewRequestRecord): Promise<void> {
  await db
    .insertInto('disclosure_request')
    .values({
      id: r.id, agency_id: r.agencyId, reference: r.reference, status: r.status, version: 1, channel: r.channel, oral: r.oral ? 1 : 0,
      arrived_at: r.arrivedAt, arrived_on: r.arrivedOn, received_on: r.receivedOn,
      applicant_kind: r.applicant.kind, applicant_name: r.applicant.name, applicant_id_type: r.applicant.idType,
      applicant_id_number: r.applicant.idNumber, applicant_contact_person: r.applicant.contactPerson, applicant_phone: r.applicant.phone,
      applicant_email: r.applicant.email, applicant_address: r.applicant.address, applicant_postal_code: r.applicant.postalCode,
      description: r.description, document_number: r.documentNumber, wanted_form: r.wantedForm, wanted_delivery: r.wantedDelivery,
      intake_key: r.intakeKey, tracking_hash: r.trackingHash, assignee_id: null, outcome: null, outcome_basis: null, replied_on: null,
      closed_at: null, transferred_from_id: r.transferredFromId, reply_by: r.replyBy ?? null, clock_events: r.clockEvents ?? '[]', created_by: r.createdBy,
      created_at: r.at, updated_at: r.at,
    })
    .execute();
}

export async function findRequestRow(db: Kysely<Database>, id: string): Promise<DisclosureRequestRow | undefined> {
  return db.selectFrom('disclosure_request').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRequestById(db: Kysely<Database>, id: string): Promise<DisclosureRequest | null> {
  const row = await findRequestRow(db, id);
  return row ? toDisclosureRequest(row) : null;
}

export async function findRequestByIntakeKey(db: Kysely<Database>, key: string): Promise<DisclosureRequestRow | undefined> {
  return db.selectFrom('disclosure_request').selectAll().where('intake_key', '=', key).executeTakeFirst();
}

export async function findRequestByTrackingHash(db: Kysely<Database>, hash: string): Promise<DisclosureRequestRow | undefined> {
  return db.selectFrom('disclosure_request').selectAll().where('tracking_hash', '=', hash).executeTakeFirst();
}

export type RequestPatch = Omit<Updateable<DisclosureRequestTable>, 'id' | 'version'>;

/** Applies the patch if the row still has `version` (then version + 1). @returns whether it did */
export async function updateRequestIfVersion(db: Kysely<Database>, id: string, version: number, patch: RequestPatch): Promise<boolean> {
  const res = await db
    .updateTable('disclosure_request')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The next 申请编号 of a year: "2026-000001", … (one row per year, incremented in the transaction). */
export async function nextReference(db: Kysely<Database>, year: number): Promise<string> {
  const row = await db
    .insertInto('request_counter')
    .values({ year, last_number: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last_number: sql<number>`request_counter.last_number + 1` }))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return `${year}-${String(row.last_number).padStart(6, '0')}`;
}

export interface RequestListFilter {
  readonly agencyIds: 'all' | readonly string[];
  readonly statuses?: readonly RequestStatus[];
  readonly outcome?: OutcomeKey;
  readonly applicantKind?: ApplicantKind;
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly repliedFrom?: string;
  readonly repliedTo?: string;
  /** Matches the reference, the description or the 文号 (substring). */
  readonly text?: string;
  readonly assigneeId?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Columns of a list line (no ID number, phone, e-mail or address). */
const listColumns = [
  'id', 'agency_id', 'reference', 'status', 'version', 'channel', 'arrived_on', 'received_on', 'applicant_kind', 'applicant_name',
  'description', 'document_number', 'assignee_id', 'outcome', 'replied_on', 'reply_by', 'created_at', 'updated_at',
] as const;
export type RequestListRow = Pick<DisclosureRequestRow, (typeof listColumns)[number]>;

export async function listRequestRows(db: Kysely<Database>, f: RequestListFilter): Promise<{ rows: RequestListRow[]; total: number }> {
  if (f.agencyIds !== 'all' && f.agencyIds.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('disclosure_request');
  if (f.agencyIds !== 'all') q = q.where('agency_id', 'in', f.agencyIds);
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.applicantKind) q = q.where('applicant_kind', '=', f.applicantKind);
  if (f.receivedFrom) q = q.where('received_on', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('received_on', '<=', f.receivedTo);
  if (f.repliedFrom) q = q.where('replied_on', '>=', f.repliedFrom);
  if (f.repliedTo) q = q.where('replied_on', '<=', f.repliedTo);
  if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([
      eb('reference', 'like', sql<string>`${like} escape '\\'`),
      eb('description', 'like', sql<string>`${like} escape '\\'`),
      eb('document_number', 'like', sql<string>`${like} escape '\\'`),
    ]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.select([...listColumns]).orderBy('arrived_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

/** Columns the worklist needs to compute each open request's clock. */
const worklistColumns = [
  'id', 'agency_id', 'reference', 'status', 'version', 'channel', 'arrived_on', 'received_on', 'applicant_kind', 'applicant_name',
  'description', 'assignee_id', 'clock_events',
] as const;
export type WorklistRow = Pick<DisclosureRequestRow, (typeof worklistColumns)[number]>;

/** Every open request in reach (optionally of some states / one assignee). */
export async function listOpenRequestRows(
  db: Kysely<Database>, agencyIds: 'all' | readonly string[], statuses: readonly RequestStatus[], assigneeId?: string,
): Promise<WorklistRow[]> {
  if ((agencyIds !== 'all' && agencyIds.length === 0) || statuses.length === 0) return [];
  let q = db
    .selectFrom('disclosure_request')
    .select([...worklistColumns.filter((c) => c !== 'description'), sql<string>`substr(description, 1, 120)`.as('description')])
    .where('status', 'in', statuses);
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds);
  if (assigneeId) q = q.where('assignee_id', '=', assigneeId);
  return q.execute();
}

/** Receipt dates of an applicant's requests to an agency in a month (for 按件计收, the fee core). */
export async function listApplicantRequestsInMonth(
  db: Kysely<Database>, agencyId: string, idNumber: string, month: string,
): Promise<{ id: string; received_on: string | null; reference: string }[]> {
  return db
    .selectFrom('disclosure_request')
    .select(['id', 'received_on', 'reference'])
    .where('agency_id', '=', agencyId)
    .where('applicant_id_number', '=', idNumber)
    .where('received_on', '>=', `${month}-01`)
    .where('received_on', '<=', `${month}-31`)
    .execute();
}
