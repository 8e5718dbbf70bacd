import { sql, type Kysely } from 'kysely';

/**
 * Closed report years and the index the year's compile reads.
 *
 * closed_report: the frozen figures of an agency's year (the report JSON) with who closed it and
 * when; a reopened closure keeps its row (reopened_*), and at most one closure per agency and year is
 * in force (partial unique index, portable to SQLite and PostgreSQL).
 *
 * disclosure_request_year_idx: table 三 of a year is ONE grouped pass over an agency's requests by
 * (year received, year answered, applicant kind, outcome) — an expression index so the pass reads
 * the index in group order (no sort) on both dialects. Frozen in time: never import app code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('closed_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_by_name', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('reopened_by', 'text')
    .addColumn('reopened_by_name', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('reopen_reason', 'text')
    .execute();
  await db.schema
    .createIndex('closed_report_in_force_uq')
    .on('closed_report')
    .columns(['agency_id', 'year'])
    .unique()
    .where(sql.ref('reopened_at'), 'is', null)
    .execute();
  await db.schema.createIndex('closed_report_agency_idx').on('closed_report').columns(['agency_id', 'year', 'closed_at']).execute();
  await sql`create index disclosure_request_year_idx on disclosure_request
    (agency_id, substr(received_on, 1, 4), substr(replied_on, 1, 4), applicant_kind, outcome)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index disclosure_request_year_idx`.execute(db);
  await db.schema.dropTable('closed_report').execute();
}
