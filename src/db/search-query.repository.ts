/**
 * Searching and browsing the index. The result list is, in order:
 *   1. exact matches: the whole query equals a title (punctuation ignored) or a 文号 — newest first;
 *   2. title matches (title, 文号, 索引号, 发布机构): the newest `window` of them ordered by relevance
 *      (SQLite bm25 with column weights / PostgreSQL ts_rank with weights A/B/D, plus the words
 *      columns where the segmentation agrees), then any older ones newest first;
 *   3. body-only matches, likewise.
 * Ordering a bounded window keeps a query's cost independent of how many documents match (the
 * full-text engines stream matches in rank-key order, which is publication order) while rare
 * terms — fewer matches than the window — are ranked fully. Counts stop at `countCap`.
 * Every row returned is checked against `publication` (published, and this is its version in
 * force), so an index lagging behind a withdrawal can never show the withdrawn item.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { IndexedDocument, MatchKind, PageRequest, SearchFilters, SearchHit, SearchPage } from '../core/search/document.js';
import type { SearchQuery } from '../core/search/query.js';
import { bm25Weights, fts5Match, isPostgresDb, tsqueryLiteral, tsqueryWordsLiteral } from './search-dialect.js';
import { applyFilters, toIndexedDocument } from './search.repository.js';
import type { Database, SearchDocumentRow } from './schema.js';

type Db = Kysely<Database>;

export interface SearchRequest {
  /** null (or a query without terms): browse by the filters, newest first. */
  readonly query: SearchQuery | null;
  readonly filters: SearchFilters;
  readonly page: PageRequest;
  /** 'relevance' (default with a query) or 'date' (newest first). */
  readonly sort?: 'relevance' | 'date';
  /** How many of the newest matches of a tier are ordered by relevance (default 400). */
  readonly window?: number;
  /** Counts stop here (default 10,000). */
  readonly countCap?: number;
  /** Check rows against the publication table (default true; false only for the index's own tests and benches without publications). */
  readonly verifyPublished?: boolean;
}

/** One tier's access: newest-first ids with scores (lower = better), and a capped count. */
interface Tier {
  readonly kind: MatchKind;
  /** Whether the newest `window` matches are ordered by relevance (else all by date). */
  readonly rankable: boolean;
  ranked(limit: number): Promise<{ id: number; score: number }[]>;
  newest(limit: number, offset: number): Promise<number[]>;
  count(cap: number): Promise<number>;
}

const inList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`));

function sqliteTier(db: Db, kind: MatchKind, rankable: boolean, match: string, exclude: readonly number[]): Tier {
  const not = exclude.length > 0 ? sql`and rowid not in (${inList(exclude)})` : sql``;
  const weights = sql.raw(bm25Weights.join(', '));
  return {
    kind,
    rankable,
    ranked: async (limit) => (await sql<{ id: number; score: number }>`select rowid as id, bm25(search_fts, ${weights}) as score from search_fts
      where search_fts match ${match} ${not} order by rowid desc limit ${limit}`.execute(db)).rows,
    newest: async (limit, offset) => (await sql<{ id: number }>`select rowid as id from search_fts
      where search_fts match ${match} ${not} order by rowid desc limit ${limit} offset ${offset}`.execute(db)).rows.map((r) => Number(r.id)),
    count: async (cap) => Number((await sql<{ n: number }>`select count(*) as n from (select rowid from search_fts
      where search_fts match ${match} ${not} limit ${cap})`.execute(db)).rows[0]?.n ?? 0),
  };
}

function postgresTier(db: Db, kind: MatchKind, rankable: boolean, where: RawBuilder<boolean>, score: RawBuilder<number>, filters: SearchFilters, exclude: readonly number[]): Tier {
  const base = () => {
    let q = applyFilters(db.selectFrom('search_document'), filters).where(where);
    if (exclude.length > 0) q = q.where('id', 'not in', exclude);
    return q;
  };
  return {
    kind,
    rankable,
    ranked: async (limit) => (await base().select(['id', score.as('score')]).orderBy('id', 'desc').limit(limit).execute())
      .map((r) => ({ id: Number(r.id), score: -Number(r.score) })),
    newest: async (limit, offset) => (await base().select('id').orderBy('id', 'desc').limit(limit).offset(offset).execute()).map((r) => Number(r.id)),
    count: async (cap) => Number((await db.selectFrom(base().select('id').limit(cap).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0),
  };
}

/** A tier whose rows are the filtered index itself (browsing without a query, or a query-less SQLite listing). */
function browseTier(db: Db, filters: SearchFilters): Tier {
  const base = () => applyFilters(db.selectFrom('search_document'), filters);
  return {
    kind: 'browse',
    rankable: false,
    ranked: async () => [],
    newest: async (limit, offset) => (await base().select('id').orderBy('id', 'desc').limit(limit).offset(offset).execute()).map((r) => Number(r.id)),
    count: async (cap) => Number((await db.selectFrom(base().select('id').limit(cap).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0),
  };
}

/** Ids of exact title / 文号 matches under the filters, newest first (at most 50). */
async function exactIds(db: Db, query: SearchQuery, filters: SearchFilters): Promise<number[]> {
  if (!query.titleKey && !query.documentNumberKey) return [];
  const rows = await applyFilters(db.selectFrom('search_document').select('id'), filters)
    .where((eb) => eb.or([
      ...(query.titleKey ? [eb('title_key', '=', query.titleKey)] : []),
      ...(query.documentNumberKey ? [eb('document_number_key', '=', query.documentNumberKey)] : []),
    ]))
    .orderBy('id', 'desc').limit(50).execute();
  return rows.map((r) => Number(r.id));
}

function buildTiers(db: Db, req: SearchRequest, exclude: readonly number[]): Tier[] {
  const q = req.query && req.query.terms.length > 0 ? req.query : null;
  const byDate = req.sort === 'date';
  if (isPostgresDb(db)) {
    if (!q) return [browseTier(db, req.filters)];
    const all = tsqueryLiteral(q, 'all')!;
    const title = tsqueryLiteral(q, 'title')!;
    const words = tsqueryWordsLiteral(q);
    const wordScore = words ? sql`+ 0.5 * ts_rank(tsv_words, ${words}::tsquery)` : sql``;
    const score = sql<number>`(ts_rank('{0.1, 0, 0.6, 1.0}', tsv, ${all}::tsquery) ${wordScore})`;
    if (byDate) return [postgresTier(db, 'body', false, sql<boolean>`tsv @@ ${all}::tsquery`, score, req.filters, [])];
    return [
      postgresTier(db, 'title', true, sql<boolean>`tsv @@ ${title}::tsquery`, score, req.filters, exclude),
      postgresTier(db, 'body', true, sql<boolean>`tsv @@ ${all}::tsquery and not (tsv @@ ${title}::tsquery)`, score, req.filters, exclude),
    ];
  }
  const all = fts5Match(q, 'all', req.filters);
  if (!all) return [browseTier(db, req.filters)];
  if (!q) return [sqliteTier(db, 'browse', false, all, [])];
  if (byDate) return [sqliteTier(db, 'body', false, all, [])];
  const title = fts5Match(q, 'title', req.filters)!;
  return [sqliteTier(db, 'title', true, title, exclude), sqliteTier(db, 'body', true, `(${all}) NOT (${title})`, exclude)];
}

/** The part [offset, offset + limit) of a tier's list: the ranked window first, then older ones by date. */
async function tierSlice(tier: Tier, offset: number, limit: number, window: number): Promise<number[]> {
  const out: number[] = [];
  if (tier.rankable && offset < window) {
    const ranked = await tier.ranked(window);
    const complete = ranked.length < window;
    ranked.sort((a, b) => a.score - b.score || b.id - a.id);
    out.push(...ranked.slice(offset, offset + limit).map((r) => r.id));
    if (complete) return out;
  }
  const from = Math.max(offset, tier.rankable ? window : 0);
  const need = offset + limit - from;
  if (need > 0) out.push(...(await tier.newest(need, from)));
  return out;
}

/** Rows by id, in the given order, only those still published in this version (when verified). */
async function loadDocuments(db: Db, ids: readonly number[], filters: SearchFilters, verify: boolean): Promise<Map<number, IndexedDocument>> {
  if (ids.length === 0) return new Map();
  let q = applyFilters(db.selectFrom('search_document').selectAll('search_document'), filters).where('search_document.id', 'in', ids);
  if (verify) {
    q = q.innerJoin('publication', (j) => j.onRef('publication.id', '=', 'search_document.item_id')
      .onRef('publication.published_version_id', '=', 'search_document.version_id')
      .on('publication.status', '=', 'published'));
  }
  const rows = (await q.execute()) as SearchDocumentRow[];
  return new Map(rows.map((r) => [Number(r.id), toIndexedDocument(r)]));
}

export async function searchDocuments(db: Db, req: SearchRequest): Promise<SearchPage> {
  const cap = req.countCap ?? 10_000;
  const window = req.window ?? 400;
  const { offset, limit } = req.page;
  const q = req.query && req.query.terms.length > 0 ? req.query : null;
  const exact = q && req.sort !== 'date' ? await exactIds(db, q, req.filters) : [];
  const tiers = buildTiers(db, req, exact);
  const counts = await Promise.all(tiers.map((t) => t.count(cap)));
  const picked: { id: number; match: MatchKind }[] = exact.slice(offset, offset + limit).map((id) => ({ id, match: 'exact' as const }));
  let start = exact.length;
  for (let i = 0; i < tiers.length && picked.length < limit; i++) {
    const tier = tiers[i]!;
    const localOffset = Math.max(0, offset + picked.length - start);
    if (localOffset < counts[i]!) {
      for (const id of await tierSlice(tier, localOffset, limit - picked.length, window)) picked.push({ id, match: tier.kind });
    }
    start += counts[i]!;
  }
  const docs = await loadDocuments(db, picked.map((p) => p.id), req.filters, req.verifyPublished ?? true);
  const hits: SearchHit[] = picked.flatMap((p) => {
    const document = docs.get(p.id);
    return document ? [{ document, match: p.match }] : [];
  });
  const total = exact.length + counts.reduce((a, b) => a + b, 0);
  return { hits, total: Math.min(total, cap), totalIsExact: counts.every((c) => c < cap) };
}
