/**
 * Search across published items (the portal's 全文检索) and catalog browsing: the query is parsed
 * with the agency-name synonyms, run on the index (search-query.repository.ts) under the filters,
 * and each hit comes back with its title and a snippet highlighted (escaped HTML with <mark>).
 * Public: no principal; the index holds only published items and every row is re-checked.
 */
import { AppError } from '../../core/errors.js';
import type { MatchKind, SearchFilters } from '../../core/search/document.js';
import { highlightSnippet, highlightText } from '../../core/search/highlight.js';
import { titleKey } from '../../core/search/normalize.js';
import { parseSearchQuery, type SearchQuery } from '../../core/search/query.js';
import { searchDocuments } from '../../db/search-query.repository.js';
import { countSearchDocuments } from '../../db/search.repository.js';
import type { ServiceDeps } from '../deps.js';
import { loadPortalContext, type PortalContext } from './public-context.js';
import { portalVersion } from './data-version.js';
import { loadSynonymMatcher } from './synonyms.service.js';

export interface SearchInput {
  readonly q?: string;
  /** The agency and everything below it. */
  readonly agencyId?: string;
  /** Only the agency's own items (its column's catalog). */
  readonly ownOnly?: boolean;
  readonly topic?: string;
  readonly genre?: string;
  readonly year?: number;
  readonly validity?: string;
  readonly article20Item?: number;
  /** 1-based. */
  readonly page?: number;
  readonly pageSize?: number;
  readonly sort?: 'relevance' | 'date';
}

export interface SearchResultItem {
  readonly itemId: string;
  readonly title: string;
  /** Escaped HTML, matches in <mark>. */
  readonly titleHtml: string;
  /** Escaped HTML, matches in <mark> ('' when browsing). */
  readonly snippetHtml: string;
  /** 内容概述 */
  readonly summary: string;
  readonly agencyId: string;
  readonly agencyName: string;
  readonly publisher: string;
  readonly documentNumber: string;
  readonly indexNumber: string;
  readonly writtenOn: string | null;
  readonly publishedOn: string;
  readonly topic: string;
  readonly topicLabel: string;
  readonly genreLabel: string;
  readonly validity: string;
  readonly validityLabel: string;
  readonly article20Item: number | null;
  readonly match: MatchKind;
}

export interface SearchResults {
  readonly query: string;
  readonly filters: SearchFilters;
  readonly items: readonly SearchResultItem[];
  readonly total: number;
  readonly totalIsExact: boolean;
  readonly page: number;
  readonly pageSize: number;
  readonly pageCount: number;
  /** The data version the results belong to. */
  readonly version: string;
}

export const maxPageSize = 50;
/** Browsing (no query: catalogs) counts and pages this far. */
export const browseCountCap = 100_000;
const documentCounts = new WeakMap<object, { version: string; count: number }>();

/** Documents in the index (BM25's N), counted once per data version. */
async function indexSize(deps: Pick<ServiceDeps, 'db'>, version: string): Promise<number> {
  const hit = documentCounts.get(deps.db);
  if (hit && hit.version === version) return hit.count;
  const count = await countSearchDocuments(deps.db);
  documentCounts.set(deps.db, { version, count });
  return count;
}
/** Results beyond this many are not paged to (the count says "more than"). */
export const searchCountCap = 10_000;

/** Checks and turns the input into repository filters. @throws AppError(REQUEST_INVALID | NOT_FOUND) */
export function searchFiltersOf(input: SearchInput, context: PortalContext): SearchFilters {
  const filters: { -readonly [K in keyof SearchFilters]: SearchFilters[K] } = {};
  if (input.agencyId) {
    const agency = context.agencyById.get(input.agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { what: '该机关' });
    if (input.ownOnly) filters.agencyId = agency.id;
    else filters.underAgencyPath = agency.path;
  }
  const code = (v: string | undefined, what: string) => {
    if (v === undefined || v === '') return undefined;
    if (v.length > 60) throw new AppError('REQUEST_INVALID', { detail: `${what}不正确` });
    return v;
  };
  const topic = code(input.topic, '主题分类');
  if (topic) filters.topic = topic;
  const genre = code(input.genre, '体裁');
  if (genre) filters.genre = genre;
  const validity = code(input.validity, '有效性');
  if (validity) filters.validity = validity;
  if (input.year !== undefined) {
    if (!Number.isInteger(input.year) || input.year < 1949 || input.year > 2100) throw new AppError('REQUEST_INVALID', { detail: '年份应为 1949 至 2100 之间的整数' });
    filters.year = input.year;
  }
  if (input.article20Item !== undefined) {
    if (!Number.isInteger(input.article20Item) || input.article20Item < 1 || input.article20Item > 15) throw new AppError('REQUEST_INVALID', { detail: '第二十条的项应为 1 至 15' });
    filters.article20Item = input.article20Item;
  }
  return filters;
}

function pageOf(input: SearchInput, cap: number): { page: number; pageSize: number } {
  const pageSize = input.pageSize ?? 20;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) throw new AppError('REQUEST_INVALID', { detail: `每页条数应为 1 至 ${maxPageSize}` });
  const page = input.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || (page - 1) * pageSize >= cap) throw new AppError('REQUEST_INVALID', { detail: '页码超出范围' });
  return { page, pageSize };
}

/** Searches (with `q`) or browses (without) the published items. @throws AppError(REQUEST_INVALID | NOT_FOUND) */
export async function searchPublished(deps: ServiceDeps, input: SearchInput): Promise<SearchResults> {
  const version = (await portalVersion(deps)).key;
  const context = await loadPortalContext(deps, version);
  const filters = searchFiltersOf(input, context);
  const text = (input.q ?? '').trim();
  const cap = text ? searchCountCap : browseCountCap;
  const { page, pageSize } = pageOf(input, cap);
  const query: SearchQuery | null = text ? parseSearchQuery(text, await loadSynonymMatcher(deps, version)) : null;
  // text without a letter or digit (only punctuation) matches nothing, rather than everything
  const result = query && query.terms.length === 0 ? { hits: [], total: 0, totalIsExact: true } : await searchDocuments(deps.db, {
    query, filters, page: { offset: (page - 1) * pageSize, limit: pageSize }, sort: input.sort ?? (query ? 'relevance' : 'date'), countCap: cap,
    ...(query && { documents: await indexSize(deps, version) }),
  });
  const needles = query?.highlights ?? [];
  const items = result.hits.map(({ document: d, match }): SearchResultItem => ({
    itemId: d.itemId,
    title: d.title,
    // an exact match may differ in punctuation from the query: the whole title is the match
    titleHtml: match === 'exact' && query && titleKey(d.title) === query.titleKey ? `<mark>${highlightText(d.title, [])}</mark>` : highlightText(d.title, needles),
    snippetHtml: query ? highlightSnippet(`${d.summary} ${d.bodyText}`, needles, 120) : '',
    summary: d.summary,
    agencyId: d.agencyId,
    agencyName: context.agencyLabel(d.agencyId),
    publisher: d.publisher,
    documentNumber: d.documentNumber,
    indexNumber: d.indexNumber,
    writtenOn: d.writtenOn,
    publishedOn: d.publishedOn,
    topic: d.topic,
    topicLabel: context.topicLabel(d.topic),
    genreLabel: context.genreLabel(d.genre),
    validity: d.validity,
    validityLabel: context.validityLabel(d.validity),
    article20Item: d.article20Item,
    match,
  }));
  return {
    query: query?.text ?? '', filters, items, total: result.total, totalIsExact: result.totalIsExact, page, pageSize,
    pageCount: Math.max(1, Math.ceil(Math.min(result.total, cap) / pageSize)), version,
  };
}
