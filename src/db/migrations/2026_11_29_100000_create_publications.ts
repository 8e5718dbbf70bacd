import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/**
 * Proactive disclosure (主动公开): publications with versions, reviews, attachments, an event log
 * (also the change feed of the portal and its search index), index-number counters, vocabularies
 * (主题分类, 体裁, 公开方式) and the table-二 registers (decision counts and fee amounts).
 *
 * Database-level review guard (未经审核不得发布), portable to SQLite and PostgreSQL:
 * - publication_version.confidentiality_review_id / release_review_id reference the approving
 *   reviews through composite foreign keys (review id, THIS version id, kind, 'approved') — the kind
 *   and 'approved' are constant columns, so only an approved review of the right kind of the same
 *   version can be referenced;
 * - a version that is approved, published or superseded must reference both (CHECK);
 * - a publication that is published or withdrawn must name its published version and that version's
 *   two reviews (CHECK), matched by a composite foreign key on (version id, publication id, review ids).
 * So no row can be published without an approved 保密审查 and 发布审查 of exactly the text shown.
 * The foreign keys form cycles: SQLite declares them inline (checked at write time), PostgreSQL adds
 * them after the tables exist. Frozen in time: never import app code here.
 */
const fk = {
  versionPublication: { name: 'publication_version_publication_fk', cols: ['publication_id'], table: 'publication', refs: ['id'] },
  versionConfidentiality: {
    name: 'publication_version_cr_fk', cols: ['confidentiality_review_id', 'id', 'cr_kind', 'cr_decision'],
    table: 'publication_review', refs: ['id', 'version_id', 'kind', 'decision'],
  },
  versionRelease: {
    name: 'publication_version_rr_fk', cols: ['release_review_id', 'id', 'rr_kind', 'rr_decision'],
    table: 'publication_review', refs: ['id', 'version_id', 'kind', 'decision'],
  },
  publicationVersion: {
    name: 'publication_published_version_fk',
    cols: ['published_version_id', 'id', 'published_confidentiality_review_id', 'published_release_review_id'],
    table: 'publication_version', refs: ['id', 'publication_id', 'confidentiality_review_id', 'release_review_id'],
  },
} as const;
type Fk = (typeof fk)[keyof typeof fk];

const topics: readonly [string, string][] = [
  ['01', '综合政务'], ['02', '国民经济管理、国有资产监管'], ['03', '财政、金融、审计'], ['04', '国土资源、能源'],
  ['05', '农业、林业、水利'], ['06', '工业、交通'], ['07', '商贸、海关、旅游'], ['08', '市场监管、安全生产监管'],
  ['09', '城乡建设、环境保护'], ['10', '科技、教育'], ['11', '文化、广电、新闻出版'], ['12', '卫生、体育'],
  ['13', '人口与计划生育、妇女儿童工作'], ['14', '劳动、人事、监察'], ['15', '公安、安全、司法'], ['16', '民政、扶贫、救灾'],
  ['17', '民族、宗教'], ['18', '对外事务'], ['19', '港澳台侨工作'], ['20', '国防'], ['21', '其他'],
];
const genres: readonly [string, string][] = [
  ['resolution', '决议'], ['decision', '决定'], ['order', '命令（令）'], ['communique', '公报'], ['announcement', '公告'],
  ['publicNotice', '通告'], ['opinion', '意见'], ['notice', '通知'], ['bulletin', '通报'], ['report', '报告'],
  ['request', '请示'], ['reply', '批复'], ['motion', '议案'], ['letter', '函'], ['minutes', '纪要'],
  ['plan', '规划计划'], ['statistics', '统计信息'], ['news', '工作动态'], ['other', '其他'],
];
const methods: readonly [string, string][] = [['proactive', '主动公开'], ['fromRequests', '依申请公开转主动公开']];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const txt = (c: any) => c.notNull().defaultTo('');
  const inline = <T extends { addForeignKeyConstraint: (...a: any[]) => T }>(t: T, ...keys: Fk[]): T =>
    pg ? t : keys.reduce((acc, k) => acc.addForeignKeyConstraint(k.name, [...k.cols], k.table, [...k.refs]), t);

  await db.schema
    .createTable('vocabulary_term')
    .addColumn('vocabulary', 'text', (c) => c.notNull().check(sql`vocabulary in ('topic', 'genre', 'disclosureMethod')`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vocabulary_term_pk', ['vocabulary', 'code'])
    .execute();
  const seededAt = '2026-11-29T00:00:00.000Z';
  const seed = (vocabulary: string, list: readonly [string, string][]) =>
    list.map(([code, label], i) => ({ vocabulary, code, label, sort_order: (i + 1) * 10, active: 1, updated_at: seededAt }));
  await db.insertInto('vocabulary_term').values([...seed('topic', topics), ...seed('genre', genres), ...seed('disclosureMethod', methods)]).execute();

  await db.schema
    .createTable('publication_counter')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('publication_counter_pk', ['agency_id', 'year'])
    .execute();

  let publication = db.schema
    .createTable('publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'published', 'withdrawn')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('index_number', 'text', (c) => c.unique())
    .addColumn('index_year', 'integer')
    .addColumn('index_seq', 'integer')
    .addColumn('published_version_id', 'text')
    .addColumn('published_confidentiality_review_id', 'text')
    .addColumn('published_release_review_id', 'text')
    // projection of the published version (written only when a version is published)
    .addColumn('title', 'text', txt)
    .addColumn('document_number', 'text', txt)
    .addColumn('topic', 'text', txt)
    .addColumn('genre', 'text', txt)
    .addColumn('doc_type', 'text', (c) => c.notNull().defaultTo('other').check(sql`doc_type in ('regulation', 'normativeDocument', 'other')`))
    .addColumn('article20_item', 'integer')
    .addColumn('written_on', 'text')
    .addColumn('first_published_on', 'text')
    .addColumn('published_on', 'text')
    // 有效性: a property of the document, not of a text version
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('valid').check(sql`validity in ('valid', 'expired', 'repealed')`))
    .addColumn('effective_on', 'text')
    .addColumn('validity_ended_on', 'text')
    .addColumn('validity_note', 'text', txt)
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawn_reason', 'text', txt)
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('publication_published_reviewed_ck', sql`status = 'draft' or (published_version_id is not null
      and published_confidentiality_review_id is not null and published_release_review_id is not null and index_number is not null)`)
    .addCheckConstraint('publication_validity_dates_ck', sql`(validity = 'valid') = (validity_ended_on is null)`);
  publication = inline(publication, fk.publicationVersion);
  await publication.execute();
  await db.schema.createIndex('publication_agency_status_idx').on('publication').columns(['agency_id', 'status', 'published_on']).execute();
  await db.schema.createIndex('publication_status_published_idx').on('publication').columns(['status', 'published_on']).execute();
  await db.schema.createIndex('publication_register_idx').on('publication').columns(['agency_id', 'doc_type', 'status', 'written_on']).execute();

  let version = db.schema
    .createTable('publication_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('publication_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'submitted', 'approved', 'published', 'superseded', 'discarded')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', txt)
    .addColumn('body_html', 'text', txt)
    .addColumn('publisher', 'text', txt)
    .addColumn('document_number', 'text', txt)
    .addColumn('written_on', 'text')
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('publish_by', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', txt)
    .addColumn('genre', 'text', txt)
    .addColumn('doc_type', 'text', (c) => c.notNull().defaultTo('other').check(sql`doc_type in ('regulation', 'normativeDocument', 'other')`))
    .addColumn('article20_item', 'integer', (c) => c.check(sql`article20_item between 1 and 15`))
    .addColumn('disclosure_method', 'text', (c) => c.notNull().defaultTo('proactive'))
    .addColumn('change_note', 'text', txt)
    .addColumn('source_request_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('review_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('confidentiality_review_id', 'text')
    .addColumn('release_review_id', 'text')
    .addColumn('cr_kind', 'text', (c) => c.notNull().defaultTo('confidentiality').check(sql`cr_kind = 'confidentiality'`))
    .addColumn('rr_kind', 'text', (c) => c.notNull().defaultTo('release').check(sql`rr_kind = 'release'`))
    .addColumn('cr_decision', 'text', (c) => c.notNull().defaultTo('approved').check(sql`cr_decision = 'approved'`))
    .addColumn('rr_decision', 'text', (c) => c.notNull().defaultTo('approved').check(sql`rr_decision = 'approved'`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_on', 'text')
    .addUniqueConstraint('publication_version_number_uq', ['publication_id', 'number'])
    .addUniqueConstraint('publication_version_reviews_uq', ['id', 'publication_id', 'confidentiality_review_id', 'release_review_id'])
    .addCheckConstraint('publication_version_reviewed_ck', sql`status not in ('approved', 'published', 'superseded')
      or (confidentiality_review_id is not null and release_review_id is not null)`);
  version = inline(version, fk.versionPublication, fk.versionConfidentiality, fk.versionRelease);
  await version.execute();
  await db.schema.createIndex('publication_version_publication_idx').on('publication_version').columns(['publication_id', 'number']).execute();
  await db.schema.createIndex('publication_version_work_idx').on('publication_version').columns(['agency_id', 'status', 'publish_by']).execute();

  await db.schema
    .createTable('publication_review')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('publication_version.id').onDelete('cascade'))
    .addColumn('publication_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('confidentiality', 'release')`))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('approved', 'rejected')`))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('opinion', 'text', txt)
    .addColumn('reviewer_id', 'text')
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('publication_review_ref_uq', ['id', 'version_id', 'kind', 'decision'])
    .addUniqueConstraint('publication_review_round_uq', ['version_id', 'kind', 'round'])
    .execute();
  await db.schema.createIndex('publication_review_publication_idx').on('publication_review').column('publication_id').execute();

  if (pg) {
    for (const [table, k] of [
      ['publication_version', fk.versionPublication], ['publication_version', fk.versionConfidentiality],
      ['publication_version', fk.versionRelease], ['publication', fk.publicationVersion],
    ] as const) {
      await db.schema.alterTable(table).addForeignKeyConstraint(k.name, [...k.cols], k.table, [...k.refs]).execute();
    }
  }

  await db.schema
    .createTable('publication_file')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('publication_attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('publication_version.id').onDelete('cascade'))
    .addColumn('publication_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('publication_file.sha256').onDelete('restrict'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publication_attachment_version_idx').on('publication_attachment').columns(['version_id', 'position']).execute();
  await db.schema.createIndex('publication_attachment_sha_idx').on('publication_attachment').column('sha256').execute();

  await db.schema
    .createTable('publication_event')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('publication_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', txt)
    .addColumn('status_before', 'text')
    .addColumn('status_after', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('publication_event_publication_idx').on('publication_event').columns(['publication_id', 'id']).execute();
  await db.schema.createIndex('publication_event_public_idx').on('publication_event').columns(['public', 'id']).execute();

  await db.schema
    .createTable('register_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_kind', 'text', (c) => c.notNull().check(sql`file_kind in ('xlsx', 'csv')`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addColumn('imported_by_name', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('register_figure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('licensing', 'otherServices', 'penalty', 'enforcement', 'fees', 'procurement')`))
    .addColumn('decision_count', 'integer', (c) => c.check(sql`decision_count >= 0`))
    .addColumn('item_count', 'integer', (c) => c.check(sql`item_count >= 0`))
    .addColumn('amount_wan', 'text')
    .addColumn('note', 'text', txt)
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('entry', 'import')`))
    .addColumn('import_id', 'text', (c) => c.references('register_import.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('register_figure_uq', ['agency_id', 'year', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('register_figure').execute();
  await db.schema.dropTable('register_import').execute();
  await db.schema.dropTable('publication_event').execute();
  await db.schema.dropTable('publication_attachment').execute();
  await db.schema.dropTable('publication_file').execute();
  if (isPostgres(db)) {
    await db.schema.alterTable('publication').dropConstraint(fk.publicationVersion.name).execute();
    await db.schema.alterTable('publication_version').dropConstraint(fk.versionConfidentiality.name).execute();
    await db.schema.alterTable('publication_version').dropConstraint(fk.versionRelease.name).execute();
  }
  await db.schema.dropTable('publication_review').execute();
  await db.schema.dropTable('publication_version').execute();
  await db.schema.dropTable('publication').execute();
  await db.schema.dropTable('publication_counter').execute();
  await db.schema.dropTable('vocabulary_term').execute();
}
