import { sql, type Kysely } from 'kysely';

/**
 * Imported holiday notices (《国务院办公厅关于XXXX年部分节假日安排的通知》), one row per day: a later
 * year's notice is data, not a release. An imported year replaces that year of the shipped data
 * entirely. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_day')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday', 'makeup_workday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source_title', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addPrimaryKeyConstraint('calendar_day_pk', ['year', 'date'])
    .execute();
  await db.schema.createIndex('calendar_day_date_idx').on('calendar_day').column('date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_day').execute();
}
