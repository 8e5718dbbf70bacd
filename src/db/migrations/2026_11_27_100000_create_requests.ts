import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/**
 * Disclosure requests (政府信息公开申请) and what hangs off them: the event log, letters (告知书),
 * attachments, administrative reviews / lawsuits (table 四) and the yearly reference counter.
 * The report compile reads disclosure_request by (agency_id, received_on) and (agency_id, replied_on),
 * so both are indexed with the grouping columns included. Frozen in time: never import app code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const txt = (c: any) => c.notNull().defaultTo('');

  await db.schema
    .createTable('request_counter')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('disclosure_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('restrict'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('oral', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arrived_at', 'text', (c) => c.notNull())
    .addColumn('arrived_on', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('applicant_kind', 'text', (c) =>
      c.notNull().check(sql`applicant_kind in ('naturalPerson', 'commercial', 'research', 'nonprofit', 'legalService', 'other')`))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_type', 'text', (c) => c.notNull())
    .addColumn('applicant_id_number', 'text', txt)
    .addColumn('applicant_contact_person', 'text', txt)
    .addColumn('applicant_phone', 'text', txt)
    .addColumn('applicant_email', 'text', txt)
    .addColumn('applicant_address', 'text', txt)
    .addColumn('applicant_postal_code', 'text', txt)
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', txt)
    .addColumn('wanted_form', 'text', (c) => c.notNull())
    .addColumn('wanted_delivery', 'text', (c) => c.notNull())
    .addColumn('intake_key', 'text', (c) => c.unique())
    .addColumn('tracking_hash', 'text', (c) => c.unique())
    .addColumn('assignee_id', 'text', (c) => c.references('user_account.id').onDelete('set null'))
    .addColumn('outcome', 'text')
    .addColumn('outcome_basis', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('transferred_from_id', 'text', (c) => c.references('disclosure_request.id').onDelete('set null'))
    .addColumn('reply_by', 'text')
    .addColumn('clock_events', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const idx = (name: string, cols: string[]) => db.schema.createIndex(name).on('disclosure_request').columns(cols).execute();
  await idx('disclosure_request_received_idx', ['agency_id', 'received_on', 'applicant_kind']);
  await idx('disclosure_request_replied_idx', ['agency_id', 'replied_on', 'outcome', 'applicant_kind']);
  await idx('disclosure_request_status_idx', ['agency_id', 'status', 'reply_by']);
  await idx('disclosure_request_applicant_idx', ['agency_id', 'applicant_id_number', 'received_on']);

  await db.schema
    .createTable('request_event')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('request_id', 'text', (c) => c.notNull().references('disclosure_request.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', txt)
    .addColumn('status_before', 'text')
    .addColumn('status_after', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addUniqueConstraint('request_event_seq_uq', ['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('request_letter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('disclosure_request.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('basis', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('delivery_method', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('delivery_note', 'text', txt)
    .execute();
  await db.schema.createIndex('request_letter_request_idx').on('request_letter').column('request_id').execute();

  await db.schema
    .createTable('request_attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('disclosure_request.id').onDelete('cascade'))
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('letter_id', 'text', (c) => c.references('request_letter.id').onDelete('set null'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_attachment_request_idx').on('request_attachment').column('request_id').execute();

  await db.schema
    .createTable('request_appeal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('restrict'))
    .addColumn('request_id', 'text', (c) => c.references('disclosure_request.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('review', 'suitDirect', 'suitAfterReview')`))
    .addColumn('result', 'text', (c) => c.notNull().check(sql`result in ('upheld', 'corrected', 'other', 'pending')`))
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('review_organ_co_defendant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('case_number', 'text', txt)
    .addColumn('organ', 'text', txt)
    .addColumn('note', 'text', txt)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_appeal_filed_idx').on('request_appeal').columns(['agency_id', 'filed_on']).execute();
  await db.schema.createIndex('request_appeal_decided_idx').on('request_appeal').columns(['agency_id', 'decided_on']).execute();
  await db.schema.createIndex('request_appeal_request_idx').on('request_appeal').column('request_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_appeal').execute();
  await db.schema.dropTable('request_attachment').execute();
  await db.schema.dropTable('request_letter').execute();
  await db.schema.dropTable('request_event').execute();
  await db.schema.dropTable('disclosure_request').execute();
  await db.schema.dropTable('request_counter').execute();
}
