import type { Kysely } from 'kysely';

/**
 * The worklist of a principal who reaches every agency reads the open requests by status alone;
 * among a million closed ones that needs an index led by status. Frozen in time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('disclosure_request_open_idx').on('disclosure_request').columns(['status', 'agency_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('disclosure_request_open_idx').execute();
}
