/**
 * The search index of published items (search_document + SQLite FTS5 search_fts or PostgreSQL
 * tsvector columns): writes, lookups, facet counts and the index state. Queries are in
 * search-query.repository.ts. Only published items in force are ever written here.
 */
import { sql, type Kysely } from 'kysely';
import { parseIsoDate } from '../core/calendar/day-number.js';
import type { IndexedDocument, IndexInput, SearchFilters } from '../core/search/document.js';
import { indexTokens } from '../core/search/index-document.js';
import { documentNumberKey, titleKey } from '../core/search/normalize.js';
import { isPostgresDb, tsvectorsOf } from './search-dialect.js';
import type { Database, SearchDocumentRow } from './schema.js';

type Db = Kysely<Database>;

/** Rank keys of one publication day: day number × this + sequence. */
export const rankKeyStride = 1_000_000;

export function toIndexedDocument(row: SearchDocumentRow): IndexedDocument {
  return {
    id: Number(row.id), itemId: row.item_id, versionId: row.version_id, agencyId: row.agency_id, agencyPath: row.agency_path,
    title: row.title, documentNumber: row.document_number, indexNumber: row.index_number, publisher: row.publisher,
    topic: row.topic, genre: row.genre, article20Item: row.article20_item === null ? null : Number(row.article20_item),
    validity: row.validity, year: Number(row.year), writtenOn: row.written_on, publishedOn: row.published_on,
    summary: row.summary, bodyText: row.body_text, attachmentCount: Number(row.attachment_count),
  };
}

/** The next free rank key of a publication day. */
async function nextRankKey(db: Db, publishedOn: string): Promise<number> {
  const day = parseIsoDate(publishedOn);
  if (day === null) throw new Error(`invalid publication date ${publishedOn}`);
  const base = day * rankKeyStride;
  const row = await db.selectFrom('search_document').select((eb) => eb.fn.max('id').as('max'))
    .where('id', '>=', base).where('id', '<', base + rankKeyStride).executeTakeFirst();
  const max = row?.max === null || row?.max === undefined ? null : Number(row.max);
  return max === null ? base + 1 : max + 1;
}

/** Removes an item from the index. @returns whether it was there */
export async function deleteSearchDocument(db: Db, itemId: string): Promise<boolean> {
  const row = await db.selectFrom('search_document').select('id').where('item_id', '=', itemId).executeTakeFirst();
  if (!row) return false;
  if (!isPostgresDb(db)) await sql`delete from search_fts where rowid = ${Number(row.id)}`.execute(db);
  await db.deleteFrom('search_document').where('id', '=', Number(row.id)).execute();
  return true;
}

/** Indexes (or re-indexes) a published item's version in force. @returns its rank key */
export async function upsertSearchDocument(db: Db, input: IndexInput, at: string): Promise<number> {
  const existing = await db.selectFrom('search_document').select(['id', 'published_on']).where('item_id', '=', input.itemId).executeTakeFirst();
  if (existing) await deleteSearchDocument(db, input.itemId);
  const id = existing && existing.published_on === input.publishedOn ? Number(existing.id) : await nextRankKey(db, input.publishedOn);
  const tokens = indexTokens(input);
  const pg = isPostgresDb(db);
  const values = {
    id, item_id: input.itemId, version_id: input.versionId, agency_id: input.agencyId, agency_path: input.agencyPath,
    title: input.title, title_key: titleKey(input.title), document_number: input.documentNumber,
    document_number_key: documentNumberKey(input.documentNumber), index_number: input.indexNumber, publisher: input.publisher,
    topic: input.topic, genre: input.genre, article20_item: input.article20Item, validity: input.validity, year: input.year,
    written_on: input.writtenOn, published_on: input.publishedOn, summary: input.summary, body_text: input.bodyText,
    attachment_count: input.attachmentNames.length, indexed_at: at,
  };
  if (pg) {
    const v = tsvectorsOf(tokens);
    await db.insertInto('search_document')
      .values({ ...values, tsv: sql`${v.grams}::tsvector`, tsv_words: sql`${v.words}::tsvector` } as never)
      .execute();
  } else {
    await db.insertInto('search_document').values(values).execute();
    await sql`insert into search_fts (rowid, title, title_words, meta, body, body_words, facets)
      values (${id}, ${tokens.title}, ${tokens.titleWords}, ${tokens.meta}, ${tokens.body}, ${tokens.bodyWords}, ${tokens.facets})`.execute(db);
  }
  return id;
}

export async function findSearchDocument(db: Db, itemId: string): Promise<IndexedDocument | null> {
  const row = await db.selectFrom('search_document').selectAll().where('item_id', '=', itemId).executeTakeFirst();
  return row ? toIndexedDocument(row as SearchDocumentRow) : null;
}

/** Empties the index (before a full rebuild). */
export async function clearSearchIndex(db: Db): Promise<void> {
  if (!isPostgresDb(db)) await sql`delete from search_fts`.execute(db);
  await db.deleteFrom('search_document').execute();
}

export async function countSearchDocuments(db: Db): Promise<number> {
  const row = await db.selectFrom('search_document').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The exact SQL conditions of the filters (also the check of rows found through facet tokens). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function applyFilters<Q extends { where: (...args: any[]) => Q }>(q: Q, filters: SearchFilters, table = 'search_document'): Q {
  let out = q;
  const col = (c: string) => sql.ref(`${table}.${c}`);
  if (filters.underAgencyPath) out = out.where(col('agency_path'), 'like', `${filters.underAgencyPath}%`);
  if (filters.agencyId) out = out.where(col('agency_id'), '=', filters.agencyId);
  if (filters.topic) out = out.where(col('topic'), '=', filters.topic);
  if (filters.genre) out = out.where(col('genre'), '=', filters.genre);
  if (filters.year !== undefined) out = out.where(col('year'), '=', filters.year);
  if (filters.validity) out = out.where(col('validity'), '=', filters.validity);
  if (filters.article20Item !== undefined) out = out.where(col('article20_item'), '=', filters.article20Item);
  return out;
}

export type FacetColumn = 'topic' | 'genre' | 'year' | 'validity' | 'article20_item';
const facetColumns: readonly FacetColumn[] = ['topic', 'genre', 'year', 'validity', 'article20_item'];

/** Counts of items per value of each facet column under the filters, in one grouped pass. */
export async function countByFacets(db: Db, filters: SearchFilters): Promise<Record<FacetColumn, { value: string; count: number }[]>> {
  const rows = await applyFilters(db.selectFrom('search_document').select([...facetColumns, (eb) => eb.fn.countAll<number>().as('n')]), filters)
    .groupBy([...facetColumns]).execute();
  const out = {} as Record<FacetColumn, { value: string; count: number }[]>;
  for (const column of facetColumns) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const v = r[column];
      if (v === null || v === '') continue;
      counts.set(String(v), (counts.get(String(v)) ?? 0) + Number(r.n));
    }
    out[column] = [...counts].map(([value, count]) => ({ value, count }));
  }
  return out;
}

/** Items per agency (own items). */
export async function countByAgency(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('search_document').select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('agency_id').execute();
  return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
}

/** A page of indexed items for the sitemap (newest first) and the total. */
export async function listSitemapItems(db: Db, offset: number, limit: number): Promise<{ items: { itemId: string; publishedOn: string }[]; total: number }> {
  const total = Number((await db.selectFrom('search_document').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  if (limit === 0) return { items: [], total };
  const rows = await db.selectFrom('search_document').select(['item_id', 'published_on']).orderBy('id', 'desc').limit(limit).offset(offset).execute();
  return { items: rows.map((r) => ({ itemId: r.item_id, publishedOn: r.published_on })), total };
}

// ---- state: the data version and the change-feed cursor ----

export type SearchStateKey = 'version' | 'cursor';

export async function readSearchState(db: Db, key: SearchStateKey): Promise<number> {
  const row = await db.selectFrom('search_state').select('value').where('key', '=', key).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function writeSearchState(db: Db, key: SearchStateKey, value: number, at: string): Promise<void> {
  await db.insertInto('search_state').values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

/** Adds 1 to the index version (every change of what the portal shows). */
export async function bumpSearchVersion(db: Db, at: string): Promise<number> {
  await db.insertInto('search_state').values({ key: 'version', value: 1, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`search_state.value + 1`, updated_at: at }))
    .execute();
  return readSearchState(db, 'version');
}
