/**
 * The dialect-specific text of the search index: SQLite FTS5 MATCH expressions and PostgreSQL
 * tsvector/tsquery literals, both built from the same pre-tokenised fields and parsed query
 * (src/core/search). Nothing here touches the database.
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { SearchFilters } from '../core/search/document.js';
import { facetToken, type IndexTokens } from '../core/search/index-document.js';
import type { QueryPhrase, SearchQuery } from '../core/search/query.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isPostgresDb = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** Which fields a match may come from: title and meta (文号, 索引号, 发布机构), or everything. */
export type MatchScope = 'title' | 'all';

/** Facet tokens of the filters (the agency filter as the facet of the agency at the end of the path). */
export function filterFacets(filters: SearchFilters): string[] {
  const out: string[] = [];
  if (filters.underAgencyPath) {
    const ids = filters.underAgencyPath.split('/').filter(Boolean);
    if (ids.length > 0) out.push(facetToken('agency', ids[ids.length - 1]!));
  }
  if (filters.agencyId) out.push(facetToken('own', filters.agencyId));
  if (filters.topic) out.push(facetToken('topic', filters.topic));
  if (filters.genre) out.push(facetToken('genre', filters.genre));
  if (filters.year !== undefined) out.push(facetToken('year', filters.year));
  if (filters.validity) out.push(facetToken('validity', filters.validity));
  if (filters.article20Item !== undefined) out.push(facetToken('item', filters.article20Item));
  return out;
}

// ---- SQLite FTS5 ----

const ftsColumns: { readonly [S in MatchScope]: string } = { title: '{title meta}', all: '{title meta body}' };

/** Tokens are letters/digits only; quotes are doubled anyway so a token can never end the string. */
const ftsString = (tokens: readonly string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

const ftsPhrase = (p: QueryPhrase, scope: MatchScope): string => `${ftsColumns[scope]}: ${ftsString(p.grams)}${p.prefix ? '*' : ''}`;

/**
 * The phrases whose word segmentation says something: at least one word of two or more characters
 * (a phrase the segmenter cut into single characters agrees with any text), and not for queries
 * with many alternatives (synonyms), where the word index would cost more than it tells.
 */
function wordPhrases(query: SearchQuery): QueryPhrase[] {
  const all = query.terms.flatMap((t) => t.alternatives);
  if (all.length > 3) return [];
  return all.filter((a) => a.words.some((w) => [...w].length >= 2));
}

/** Which word field the segmentation bonus looks at. */
export type WordField = 'title' | 'body';

/** The FTS5 expression "any term's words, as a phrase, in the word column of the field"; null without words. */
export function fts5WordsMatch(query: SearchQuery, field: WordField): string | null {
  const phrases = wordPhrases(query).map((a) => ftsString(a.words));
  return phrases.length > 0 ? `{${field}_words}: (${phrases.join(' OR ')})` : null;
}

/** The FTS5 expression of the query's terms in a scope, with the filters as facet tokens; null when there is nothing to match. */
export function fts5Match(query: SearchQuery | null, scope: MatchScope, filters: SearchFilters): string | null {
  const parts = (query?.terms ?? []).map((t) => (t.alternatives.length === 1 ? ftsPhrase(t.alternatives[0]!, scope) : `(${t.alternatives.map((a) => ftsPhrase(a, scope)).join(' OR ')})`));
  const facets = filterFacets(filters);
  if (facets.length > 0) parts.push(`facets: (${facets.join(' ')})`);
  return parts.length > 0 ? parts.join(' AND ') : null;
}

// ---- PostgreSQL ----

const maxPosition = 16383;
const maxPositionsPerLexeme = 255;
const quoteLexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A tsvector literal from fields of tokens with their weights, positions in order (gaps between fields). */
export function tsvectorLiteral(fields: readonly { readonly tokens: string; readonly weight: 'A' | 'B' | 'C' | 'D' }[]): string {
  const entries = new Map<string, string[]>();
  let position = 1;
  for (const field of fields) {
    for (const token of field.tokens.split(' ')) {
      if (!token) continue;
      const list = entries.get(token) ?? [];
      if (list.length < maxPositionsPerLexeme) list.push(`${Math.min(position, maxPosition)}${field.weight}`);
      entries.set(token, list);
      position++;
    }
    position += 2;
  }
  return [...entries].map(([t, positions]) => `${quoteLexeme(t)}:${positions.join(',')}`).join(' ');
}

/** The grams vector (title A, meta B, body D, facets C) and the words vector of an index row. */
export function tsvectorsOf(tokens: IndexTokens): { grams: string; words: string } {
  return {
    grams: tsvectorLiteral([
      { tokens: tokens.title, weight: 'A' },
      { tokens: tokens.meta, weight: 'B' },
      { tokens: tokens.body, weight: 'D' },
      { tokens: tokens.facets, weight: 'C' },
    ]),
    words: tsvectorLiteral([
      { tokens: tokens.titleWords, weight: 'A' },
      { tokens: tokens.bodyWords, weight: 'D' },
    ]),
  };
}

const tsWeights: { readonly [S in MatchScope]: string } = { title: 'AB', all: 'ABD' };

function tsPhrase(p: QueryPhrase, scope: MatchScope): string {
  const w = tsWeights[scope];
  return `(${p.grams.map((g, i) => `${quoteLexeme(g)}:${p.prefix && i === p.grams.length - 1 ? '*' : ''}${w}`).join(' <-> ')})`;
}

/** The tsquery literal of the query's terms in a scope (facets are filtered by columns on PostgreSQL); null when empty. */
export function tsqueryLiteral(query: SearchQuery | null, scope: MatchScope): string | null {
  const parts = (query?.terms ?? []).map((t) => `(${t.alternatives.map((a) => tsPhrase(a, scope)).join(' | ')})`);
  return parts.length > 0 ? parts.join(' & ') : null;
}

/** The tsquery "any term's words, as a phrase, in the field" over tsv_words (title A, body D); null without words. */
export function tsqueryWordsLiteral(query: SearchQuery, field: WordField): string | null {
  const w = field === 'title' ? 'A' : 'D';
  const phrases = wordPhrases(query).map((a) => `(${a.words.map((x) => `${quoteLexeme(x)}:${w}`).join(' <-> ')})`);
  return phrases.length > 0 ? phrases.join(' | ') : null;
}
