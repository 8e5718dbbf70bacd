import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/**
 * The portal's search index and page texts.
 *
 * search_document: one row per PUBLISHED item (current version only; withdrawn, repealed-and-hidden,
 * superseded or unpublished items have no row). `id` is the rank key: day number of the publication
 * date × 1,000,000 + a sequence, so id order is publication order and "newest first" is an index scan.
 * Token columns are pre-tokenised by the app (src/core/search/analyze.ts): space-separated tokens.
 *
 * Full text, per dialect:
 * - SQLite: search_fts, an FTS5 contentless table (rowid = search_document.id) over title grams,
 *   title words, meta grams (文号, 索引号, 发布机构), body grams, body words and facet tokens;
 *   tokenizer 'ascii' (splits on ASCII spaces only; every non-ASCII character is part of a token),
 *   prefix index of 1 character (single-character queries such as 粮).
 * - PostgreSQL: search_document.tsv (grams; weights A title, B meta, D body; facet tokens) with a GIN
 *   index, and tsv_words (words, for ranking only). Both are built by the app as tsvector literals.
 *
 * search_synonym: configured groups of interchangeable agency names (JSON array of phrases).
 * portal_text: editable texts of an agency's 政府信息公开 column (指南 paragraphs, 制度).
 * search_state: counters ('version' = data version of the portal, bumped by every index change).
 * Frozen in time: never import app code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const txt = (c: any) => c.notNull().defaultTo('');
  let table = db.schema
    .createTable('search_document')
    .addColumn('id', pg ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().unique())
    .addColumn('version_id', 'text', txt)
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('cascade'))
    .addColumn('agency_path', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text', txt)
    .addColumn('document_number_key', 'text', txt)
    .addColumn('index_number', 'text', txt)
    .addColumn('publisher', 'text', txt)
    .addColumn('topic', 'text', txt)
    .addColumn('genre', 'text', txt)
    .addColumn('article20_item', 'integer')
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('valid'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('written_on', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', txt)
    .addColumn('body_text', 'text', txt)
    .addColumn('attachment_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('indexed_at', 'text', (c) => c.notNull());
  if (pg) table = table.addColumn('tsv', sql`tsvector`, (c) => c.notNull()).addColumn('tsv_words', sql`tsvector`, (c) => c.notNull());
  await table.execute();
  const idx = (name: string, cols: string[]) => db.schema.createIndex(name).on('search_document').columns(cols).execute();
  await idx('search_document_title_key_idx', ['title_key']);
  await idx('search_document_number_key_idx', ['document_number_key']);
  await idx('search_document_agency_idx', ['agency_id', 'id']);
  await idx('search_document_topic_idx', ['topic', 'id']);
  await idx('search_document_year_idx', ['year', 'id']);
  if (pg) {
    await sql`create index search_document_path_idx on search_document (agency_path text_pattern_ops, id)`.execute(db);
    await sql`create index search_document_tsv_idx on search_document using gin (tsv)`.execute(db);
  } else {
    await idx('search_document_path_idx', ['agency_path', 'id']);
    await sql`create virtual table search_fts using fts5(
      title, title_words, meta, body, body_words, facets,
      content='', contentless_delete=1, tokenize='ascii', prefix='1')`.execute(db);
  }

  await db.schema
    .createTable('search_synonym')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phrases', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('portal_text')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('portal_text_pk', ['agency_id', 'key'])
    .execute();

  await db.schema
    .createTable('search_state')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_state').execute();
  await db.schema.dropTable('portal_text').execute();
  await db.schema.dropTable('search_synonym').execute();
  if (!isPostgres(db)) await sql`drop table search_fts`.execute(db);
  await db.schema.dropTable('search_document').execute();
}
