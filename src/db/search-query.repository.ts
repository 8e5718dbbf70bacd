/**
 * Searching and browsing the index. The result list is, in order:
 *   1. exact matches: the whole query equals a title (punctuation ignored) or a 文号 — newest first;
 *   2. title matches (title, 文号, 索引号, 发布机构): the newest `window` of them ordered by relevance
 *      (BM25 with field weights, src/core/search/score.ts, plus a bonus where the ICU word index
 *      agrees), then any older ones newest first;
 *   3. body-only matches, likewise.
 * The full-text engines stream matches in rank-key order (= publication order), so taking the
 * newest `window` costs the same however many documents match; rare terms (fewer matches than the
 * window) are ranked fully. Counts of ranked tiers are exact up to 1,000 and estimated beyond (约 N 条);
 * browsing counts exactly up to `countCap`.
 * Every row returned is checked against `publication` (published, and this is its version in
 * force), so an index lagging behind a withdrawal can never show the withdrawn item.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { IndexedDocument, MatchKind, PageRequest, SearchFilters, SearchHit, SearchPage } from '../core/search/document.js';
import type { SearchQuery } from '../core/search/query.js';
import { matchesTitle, scoreDocument, scoreNeedles } from '../core/search/score.js';
import { fts5Match, fts5WordsMatch, isPostgresDb, tsqueryLiteral, tsqueryWordsLiteral, type WordField } from './search-dialect.js';
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
  /** Counts (and so paging) stop here (default 10,000). */
  readonly countCap?: number;
  /** Documents in the index (BM25's N); counted when not given. */
  readonly documents?: number;
  /** Check rows against the publication table (default true; false only for the index's own tests and benches without publications). */
  readonly verifyPublished?: boolean;
}

/** One tier's access: ids newest first; the newest `limit` matches counted with their id range in one pass; the oldest match. */
interface Tier {
  readonly kind: MatchKind;
  /** Whether the newest `window` matches are ordered by relevance (else all by date). */
  readonly rankable: boolean;
  newest(limit: number, offset: number): Promise<number[]>;
  head(limit: number): Promise<Head>;
  oldest(): Promise<number | null>;
}

interface Head {
  readonly n: number;
  readonly newest: number | null;
  readonly oldest: number | null;
}

const headOf = (r: { n: unknown; hi: unknown; lo: unknown } | undefined): Head =>
  ({ n: Number(r?.n ?? 0), newest: r?.hi === null || r?.hi === undefined ? null : Number(r.hi), oldest: r?.lo === null || r?.lo === undefined ? null : Number(r.lo) });

const inList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`));

function sqliteTier(db: Db, kind: MatchKind, rankable: boolean, match: string, exclude: readonly number[]): Tier {
  const not = exclude.length > 0 ? sql`and rowid not in (${inList(exclude)})` : sql``;
  return {
    kind,
    rankable,
    newest: async (limit, offset) => (await sql<{ id: number }>`select rowid as id from search_fts
      where search_fts match ${match} ${not} order by rowid desc limit ${limit} offset ${offset}`.execute(db)).rows.map((r) => Number(r.id)),
    head: async (limit) => headOf((await sql<{ n: number; hi: number; lo: number }>`select count(*) as n, max(id) as hi, min(id) as lo from
      (select rowid as id from search_fts where search_fts match ${match} ${not} order by rowid desc limit ${limit}) as m`.execute(db)).rows[0]),
    oldest: async () => {
      const row = (await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${match} ${not} order by rowid asc limit 1`.execute(db)).rows[0];
      return row ? Number(row.id) : null;
    },
  };
}

/** A tier over search_document with SQL conditions (PostgreSQL full text, or browsing without a query). */
function tableTier(db: Db, kind: MatchKind, rankable: boolean, where: RawBuilder<boolean> | null, filters: SearchFilters, exclude: readonly number[]): Tier {
  const base = () => {
    let q = applyFilters(db.selectFrom('search_document'), filters);
    if (where) q = q.where(where);
    if (exclude.length > 0) q = q.where('id', 'not in', exclude);
    return q;
  };
  return {
    kind,
    rankable,
    newest: async (limit, offset) => (await base().select('id').orderBy('id', 'desc').limit(limit).offset(offset).execute()).map((r) => Number(r.id)),
    head: async (limit) => headOf(await db.selectFrom(base().select('id').orderBy('id', 'desc').limit(limit).as('m'))
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('m.id').as('hi'), eb.fn.min('m.id').as('lo')]).executeTakeFirst()),
    oldest: async () => {
      const row = await base().select('id').orderBy('id', 'asc').limit(1).executeTakeFirst();
      return row ? Number(row.id) : null;
    },
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

function buildTiers(db: Db, req: SearchRequest, query: SearchQuery | null, exclude: readonly number[]): Tier[] {
  const ranked = req.sort !== 'date';
  if (isPostgresDb(db)) {
    if (!query) return [tableTier(db, 'browse', false, null, req.filters, [])];
    const all = tsqueryLiteral(query, 'all')!;
    return [tableTier(db, 'match', ranked, sql<boolean>`tsv @@ ${all}::tsquery`, req.filters, ranked ? exclude : [])];
  }
  const all = fts5Match(query, 'all', req.filters);
  if (!all) return [tableTier(db, 'browse', false, null, req.filters, [])];
  if (!query) return [sqliteTier(db, 'browse', false, all, [])];
  return [sqliteTier(db, 'match', ranked, all, ranked ? exclude : [])];
}

/** Ids among `ids` whose word index (ICU segmentation) matches a term of the query in the field. */
async function wordMatches(db: Db, query: SearchQuery, ids: readonly number[], field: WordField): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  if (isPostgresDb(db)) {
    const q = tsqueryWordsLiteral(query, field);
    if (!q) return new Set();
    const rows = await db.selectFrom('search_document').select('id').where('id', 'in', ids).where(sql<boolean>`tsv_words @@ ${q}::tsquery`).execute();
    return new Set(rows.map((r) => Number(r.id)));
  }
  const match = fts5WordsMatch(query, field);
  if (!match) return new Set();
  // Stream the word matches newest first from the window's newest id down to its oldest, in chunks:
  // FTS5 seeks well from an upper rowid bound (descending) but scans from a lower one.
  const wanted = new Set(ids);
  const oldest = Math.min(...ids);
  const found = new Set<number>();
  let upper = Math.max(...ids);
  for (let chunk = 0; chunk < maxWordChunks; chunk++) {
    const rows = (await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${match}
      and rowid <= ${upper} order by rowid desc limit ${wordChunk}`.execute(db)).rows.map((r) => Number(r.id));
    for (const id of rows) if (wanted.has(id)) found.add(id);
    if (rows.length < wordChunk || rows[rows.length - 1]! <= oldest) break;
    upper = rows[rows.length - 1]! - 1;
  }
  return found;
}

/** Added to the score of a title match: all title matches of the window come before body-only ones. */
const titleBoost = 1e6;

/** Word matches are read in chunks of this size, at most this many chunks (the bonus is skipped beyond). */
const wordChunk = 500;
const maxWordChunks = 2;

/**
 * Phrase matching costs the engines about one position-list read per gram per matching document,
 * so long queries (an exact title: ~25 grams) and many synonyms rank a smaller window and count
 * exactly a shorter way; short ones keep the full window.
 */
function queryCost(query: SearchQuery): number {
  return query.terms.reduce((sum, t) => sum + t.alternatives.reduce((s, a) => s + a.grams.length, 0), 0);
}

/**
 * A tier's size: exact up to `exactUpTo`, beyond that estimated from the density of the newest
 * `exactUpTo` matches over the rank-key (publication-day) range of all its matches (shown as 约 N 条).
 */
async function tierCount(tier: Tier, exactUpTo: number, cap: number): Promise<{ count: number; exact: boolean }> {
  const head = await tier.head(exactUpTo);
  if (head.n < exactUpTo || head.newest === null || head.oldest === null) return { count: head.n, exact: true };
  const first = (await tier.oldest()) ?? head.oldest;
  const estimate = Math.round((exactUpTo * (head.newest - first + 1)) / (head.newest - head.oldest + 1));
  return { count: Math.min(Math.max(estimate, exactUpTo), cap), exact: false };
}

/** Exact counts up to this many (at most) for ranked results (counting costs in proportion). */
const exactCountLimit = 1000;

/** Per term, how many documents match it (up to 1,000), for BM25's idf; a single term needs none. */
async function termDocuments(db: Db, query: SearchQuery, filters: SearchFilters): Promise<number[]> {
  if (query.terms.length < 2) return [1];
  return Promise.all(query.terms.map(async (t) =>
    (await buildTiers(db, { query: null, filters, page: { offset: 0, limit: 0 }, sort: 'date' }, { ...query, terms: [t] }, [])[0]!.head(exactCountLimit)).n));
}

/** The newest `window` ids of a tier, ordered by relevance (ties: newer first). */
async function rankWindow(db: Db, tier: Tier, query: SearchQuery, window: number, stats: { documents: number; termDocuments: number[] }): Promise<{ ids: number[]; complete: boolean }> {
  const ids = await tier.newest(window, 0);
  if (ids.length === 0) return { ids, complete: true };
  const rows = await db.selectFrom('search_document')
    .select(['id', 'title', 'document_number', 'index_number', 'publisher', 'summary', sql<string>`substr(body_text, 1, 2000)`.as('body')])
    .where('id', 'in', ids).execute();
  // the word index agrees on the title (titles are short: cheap); bodies are scored on their grams only
  const titleWords = await wordMatches(db, query, ids, 'title');
  const needles = scoreNeedles(query);
  const scored = rows.map((r) => {
    const id = Number(r.id);
    const fields = {
      title: r.title, meta: `${r.document_number} ${r.index_number} ${r.publisher}`, body: `${r.summary} ${r.body}`,
      titleWords: titleWords.has(id),
    };
    // title matches (every term in the title, 文号, 索引号 or 发布机构) before body-only matches, then BM25
    return { id, score: (matchesTitle(fields, needles) ? titleBoost : 0) + scoreDocument(fields, needles, stats) };
  });
  scored.sort((a, b) => b.score - a.score || b.id - a.id);
  return { ids: scored.map((s) => s.id), complete: ids.length < window };
}

/** The part [offset, offset + limit) of a tier's list: the ranked window first, then older ones by date. */
async function tierSlice(tier: Tier, offset: number, limit: number, window: number, rank: () => Promise<{ ids: number[]; complete: boolean }>): Promise<number[]> {
  const out: number[] = [];
  if (tier.rankable && offset < window) {
    const ranked = await rank();
    out.push(...ranked.ids.slice(offset, offset + limit));
    if (ranked.complete) return out;
  }
  const from = Math.max(offset, tier.rankable ? window : 0);
  const need = offset + limit - from;
  if (need > 0) out.push(...(await tier.newest(need, from)));
  return out;
}

/** Rows by id, only those still published in this version (when verified). */
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
  const cost = req.query ? queryCost(req.query) : 1;
  const window = req.window ?? Math.max(100, Math.min(400, Math.floor(4000 / cost)));
  const exactUpTo = Math.max(200, Math.min(exactCountLimit, Math.floor(10_000 / cost)));
  const { offset, limit } = req.page;
  const query = req.query && req.query.terms.length > 0 ? req.query : null;
  const exact = query && req.sort !== 'date' ? await exactIds(db, query, req.filters) : [];
  const tiers = buildTiers(db, req, query, exact);
  const sizes = await Promise.all(tiers.map((t) => tierCount(t, t.rankable ? Math.min(exactUpTo, cap) : cap, cap)));
  const counts = sizes.map((c) => c.count);
  let stats: { documents: number; termDocuments: number[] } | null = null;
  const rank = (tier: Tier) => async () => {
    stats ??= {
      documents: req.documents ?? Number((await db.selectFrom('search_document').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0),
      termDocuments: await termDocuments(db, query!, req.filters),
    };
    return rankWindow(db, tier, query!, window, stats);
  };
  const picked: { id: number; match: MatchKind }[] = exact.slice(offset, offset + limit).map((id) => ({ id, match: 'exact' as const }));
  let start = exact.length;
  for (let i = 0; i < tiers.length && picked.length < limit; i++) {
    const tier = tiers[i]!;
    const localOffset = Math.max(0, offset + picked.length - start);
    if (localOffset < counts[i]!) {
      for (const id of await tierSlice(tier, localOffset, limit - picked.length, window, rank(tier))) picked.push({ id, match: tier.kind });
    }
    start += counts[i]!;
  }
  const docs = await loadDocuments(db, picked.map((p) => p.id), req.filters, req.verifyPublished ?? true);
  const needles = query ? scoreNeedles(query) : [];
  const hits: SearchHit[] = picked.flatMap((p) => {
    const d = docs.get(p.id);
    if (!d) return [];
    const match: MatchKind = p.match !== 'match' ? p.match
      : matchesTitle({ title: d.title, meta: `${d.documentNumber} ${d.indexNumber} ${d.publisher}` }, needles) ? 'title' : 'body';
    return [{ document: d, match }];
  });
  const total = exact.length + counts.reduce((a, b) => a + b, 0);
  return { hits, total: Math.min(total, cap), totalIsExact: sizes.every((c) => c.exact && c.count < cap) };
}
