/**
 * A published item → the token fields of its index row (see analyze.ts and the migration
 * 2026_12_01_100000_create_search_index): title grams and words, meta grams (文号, 索引号, 发布机构,
 * attachment names), body grams and words (内容概述 + text), and facet tokens that let the full-text
 * engine itself apply the filters (agency with its ancestors, 主题分类, 体裁, year, 有效性, 第二十条 item).
 */
import { gramTokens, joinTokens, wordTokens } from './analyze.js';

/** What the index needs to know of a published item (plain text, not HTML). */
export interface IndexableItem {
  readonly title: string;
  readonly documentNumber: string;
  readonly indexNumber: string;
  readonly publisher: string;
  readonly summary: string;
  readonly bodyText: string;
  readonly attachmentNames: readonly string[];
  /** Materialized path of the agency ("/root/…/id/"): the item is found under every ancestor. */
  readonly agencyPath: string;
  readonly topic: string;
  readonly genre: string;
  readonly year: number;
  readonly validity: string;
  readonly article20Item: number | null;
}

export interface IndexTokens {
  readonly title: string;
  readonly titleWords: string;
  readonly meta: string;
  readonly body: string;
  readonly bodyWords: string;
  readonly facets: string;
}

/** Body text beyond this many characters is not indexed (PostgreSQL tsvector limits; snippets come from the start). */
export const maxIndexedBodyLength = 50_000;

/** agency: the item's agency or an ancestor (subtree filter) · own: the item's own agency. */
export type FacetKind = 'agency' | 'own' | 'topic' | 'genre' | 'year' | 'validity' | 'item';
const facetPrefix: { readonly [K in FacetKind]: string } = { agency: 'fa', own: 'fo', topic: 'ft', genre: 'fg', year: 'fy', validity: 'fv', item: 'fi' };

/** cyrb53: a fast 53-bit string hash, as base 36 (facet values → ASCII tokens). */
function hash53(value: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The token of a facet value, e.g. facetToken('year', '2024') = "fy2024" (values other than years are hashed). */
export function facetToken(kind: FacetKind, value: string | number): string {
  const v = String(value);
  return facetPrefix[kind] + (kind === 'year' ? v.replace(/\D/g, '') : hash53(v));
}

/** Agency ids on the path, root first. */
export const pathAgencyIds = (agencyPath: string): string[] => agencyPath.split('/').filter(Boolean);

export function indexTokens(item: IndexableItem): IndexTokens {
  const body = `${item.summary}\n${item.bodyText}`.slice(0, maxIndexedBodyLength);
  const agencies = pathAgencyIds(item.agencyPath);
  const facets = [
    ...agencies.map((id) => facetToken('agency', id)),
    ...(agencies.length > 0 ? [facetToken('own', agencies[agencies.length - 1]!)] : []),
    ...(item.topic ? [facetToken('topic', item.topic)] : []),
    ...(item.genre ? [facetToken('genre', item.genre)] : []),
    facetToken('year', item.year),
    facetToken('validity', item.validity),
    ...(item.article20Item !== null ? [facetToken('item', item.article20Item)] : []),
  ];
  return {
    title: joinTokens(gramTokens(item.title)),
    titleWords: joinTokens(wordTokens(item.title)),
    meta: joinTokens([item.documentNumber, item.indexNumber, item.publisher, ...item.attachmentNames].flatMap((t) => [...gramTokens(t), '']).filter(Boolean)),
    body: joinTokens(gramTokens(body)),
    bodyWords: joinTokens(wordTokens(body)),
    facets: joinTokens(facets),
  };
}
