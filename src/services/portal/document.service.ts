/**
 * Page data of the catalog (法定主动公开内容: browse lists with counts, a page of items) and of one
 * published item (its version in force and that version's attachments). Nothing unpublished,
 * withdrawn or superseded is ever returned: the item is read as published, at request time.
 */
import { AppError } from '../../core/errors.js';
import { article20ItemLabel, article20Items } from '../../core/publications/publication.js';
import type { PublishedItem, SearchFilters } from '../../core/search/document.js';
import { findPublishedAttachment, findPublishedItem } from '../../db/search-feed.js';
import { countByFacets, type FacetColumn } from '../../db/search.repository.js';
import type { ServiceDeps } from '../deps.js';
import { portalVersion } from '../search/data-version.js';
import { loadPortalContext, type PortalContext } from '../search/public-context.js';
import { searchFiltersOf, searchPublished, type SearchInput, type SearchResults } from '../search/search.service.js';
import { columnAgencyOf } from './column.service.js';

export interface FacetCount {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export interface CatalogInput {
  readonly agencyId: string;
  readonly item?: number;
  readonly topic?: string;
  readonly genre?: string;
  readonly year?: number;
  readonly validity?: string;
  readonly page?: number;
}

export interface CatalogData {
  readonly agency: { readonly id: string; readonly name: string };
  readonly results: SearchResults;
  readonly facets: { readonly item: FacetCount[]; readonly topic: FacetCount[]; readonly genre: FacetCount[]; readonly year: FacetCount[]; readonly validity: FacetCount[] };
}

const catalogPageSize = 20;
const facetCache = new WeakMap<object, { version: string; byAgency: Map<string, CatalogData['facets']> }>();

async function facetCounts(deps: ServiceDeps, context: PortalContext, filters: SearchFilters): Promise<CatalogData['facets']> {
  const counts = await countByFacets(deps.db, filters);
  const of = (column: FacetColumn, label: (v: string) => string, order: (a: FacetCount, b: FacetCount) => number) =>
    counts[column].map((c) => ({ ...c, label: label(c.value) })).sort(order);
  const byLabelOrder = (list: readonly (readonly [string, string])[]) => (a: FacetCount, b: FacetCount) => {
    const ia = list.findIndex(([c]) => c === a.value);
    const ib = list.findIndex(([c]) => c === b.value);
    return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib) || a.value.localeCompare(b.value);
  };
  const validityOrder = ['valid', 'expired', 'repealed'];
  return {
    item: of('article20_item', (v) => `（${article20ItemLabel(Number(v)).replace(/^第二十条第（(.+)）项$/, '$1')}）${article20Items[Number(v) - 1] ?? ''}`, (a, b) => Number(a.value) - Number(b.value)),
    topic: of('topic', context.topicLabel, byLabelOrder(context.topics)),
    genre: of('genre', context.genreLabel, byLabelOrder(context.genres)),
    year: of('year', (v) => `${v}年`, (a, b) => Number(b.value) - Number(a.value)),
    validity: of('validity', context.validityLabel, (a, b) => validityOrder.indexOf(a.value) - validityOrder.indexOf(b.value)),
  };
}

/** An agency's catalog: its own published items under the filters, newest first, with browse counts. @throws AppError(NOT_FOUND | REQUEST_INVALID) */
export async function loadCatalog(deps: ServiceDeps, input: CatalogInput): Promise<CatalogData> {
  const version = (await portalVersion(deps)).key;
  const context = await loadPortalContext(deps, version);
  const agency = columnAgencyOf(context, input.agencyId);
  const search: SearchInput = {
    agencyId: agency.id, ownOnly: true, article20Item: input.item, topic: input.topic, genre: input.genre, year: input.year, validity: input.validity,
    page: input.page ?? 1, pageSize: catalogPageSize, sort: 'date',
  };
  const results = await searchPublished(deps, search);
  // the browse counts are the same for every page and filter of the column: once per data version
  let cached = facetCache.get(deps.db);
  if (!cached || cached.version !== version) facetCache.set(deps.db, (cached = { version, byAgency: new Map() }));
  let facets = cached.byAgency.get(agency.id);
  if (!facets) cached.byAgency.set(agency.id, (facets = await facetCounts(deps, context, searchFiltersOf({ agencyId: agency.id, ownOnly: true }, context))));
  return { agency: { id: agency.id, name: agency.name }, results, facets };
}

export interface DocumentData {
  readonly item: PublishedItem;
  readonly agency: { readonly id: string; readonly name: string };
  readonly topicLabel: string;
  readonly genreLabel: string;
  readonly validityLabel: string;
  readonly article20Label: string;
}

/** A published item (its version in force). @throws AppError(NOT_FOUND) when missing, unpublished or withdrawn */
export async function loadPublishedDocument(deps: ServiceDeps, itemId: string): Promise<DocumentData> {
  const version = (await portalVersion(deps)).key;
  const context = await loadPortalContext(deps, version);
  const item = await findPublishedItem(deps.db, itemId);
  if (!item) throw new AppError('NOT_FOUND', { what: '该政府信息' });
  const agency = context.agencyById.get(item.agencyId);
  return {
    item,
    agency: { id: item.agencyId, name: agency?.name ?? item.publisher },
    topicLabel: context.topicLabel(item.topic),
    genreLabel: context.genreLabel(item.genre),
    validityLabel: context.validityLabel(item.validity),
    article20Label: item.article20Item ? `${article20ItemLabel(item.article20Item)}（${article20Items[item.article20Item - 1] ?? ''}）` : '',
  };
}

/** An attachment of an item's version in force. @throws AppError(NOT_FOUND) */
export async function loadPublishedAttachment(deps: ServiceDeps, itemId: string, attachmentId: string): Promise<{ fileName: string; mediaType: string; content: Uint8Array; sha256: string }> {
  const file = await findPublishedAttachment(deps.db, itemId, attachmentId);
  if (!file) throw new AppError('NOT_FOUND', { what: '该附件' });
  return { fileName: file.fileName, mediaType: file.mediaType, content: file.content, sha256: file.sha256 };
}
