import type { Kysely } from 'kysely';

/**
 * The catalog's browse counts (per 主题分类, 体裁, year, 有效性 and 第二十条 item of one agency) read
 * this covering index instead of every row of the agency. Frozen in time: never import app code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('search_document_facets_idx').on('search_document')
    .columns(['agency_id', 'topic', 'genre', 'year', 'validity', 'article20_item']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('search_document_facets_idx').execute();
}
