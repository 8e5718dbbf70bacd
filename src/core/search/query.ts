/**
 * A search box's text → a query over the gram index (see analyze.ts): terms separated by spaces are
 * ANDed; each term is one phrase of consecutive grams, or — when it names an agency with synonyms
 * (区住建委 ↔ 区住房和城乡建设委员会) — split around that name into parts, the name being an OR of
 * its synonyms. The whole text is also kept as an exact-title key and, when it looks like one, a 文号
 * key, which the repository ranks first.
 *
 * A term's grams: each Han run gives its bigrams, plus its last character when another run follows
 * in the term (the document has a run end there too); a term ending in a single Han character
 * makes that character a prefix (X* matches the bigram starting with X or the unigram X).
 */
import { gramTokens, hanGrams, textRuns, wordTokens } from './analyze.js';
import { documentNumberKey, looksLikeDocumentNumber, normalizeText, titleKey } from './normalize.js';
import type { SynonymMatcher } from './synonyms.js';

export interface QueryPhrase {
  /** Gram tokens, consecutive in a matching document. */
  readonly grams: readonly string[];
  /** Whether the last gram is a prefix (a single trailing Han character). */
  readonly prefix: boolean;
  /** Word tokens of the same text (used for ranking only). */
  readonly words: readonly string[];
  /** The normalised text, for highlighting. */
  readonly text: string;
}

/** One ANDed part: any of its alternatives (more than one for a synonym group). */
export interface QueryTerm {
  readonly alternatives: readonly QueryPhrase[];
}

export interface SearchQuery {
  /** The input, trimmed and shortened to `maxQueryLength`. */
  readonly text: string;
  readonly terms: readonly QueryTerm[];
  /** The whole input as a title key (exact title matches rank first). */
  readonly titleKey: string;
  /** The whole input as a 文号 key when it looks like one, else null. */
  readonly documentNumberKey: string | null;
  /** Normalised strings to mark in titles and snippets. */
  readonly highlights: readonly string[];
}

export const maxQueryLength = 100;
export const maxQueryTerms = 8;

/** The phrase of a piece of text, or null when it has no token (only punctuation). */
export function queryPhrase(text: string): QueryPhrase | null {
  const normalized = normalizeText(text);
  const runs = textRuns(normalized);
  if (runs.length === 0) return null;
  const grams: string[] = [];
  let prefix = false;
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    if (run.kind === 'other') {
      grams.push(...gramTokens(run.text));
      return;
    }
    const g = hanGrams(run.text);
    if (!last) grams.push(...g);
    else if (g.length === 1) {
      grams.push(g[0]!);
      prefix = true;
    } else grams.push(...g.slice(0, -1));
  });
  if (grams.length === 0) return null;
  return { grams, prefix, words: wordTokens(normalized), text: normalized.trim() };
}

/** Splits a term around agency-name synonyms: plain pieces stay phrases, a name becomes an OR. */
function termParts(term: string, synonyms: SynonymMatcher | undefined): QueryTerm[] {
  const parts: QueryTerm[] = [];
  const plain = (text: string) => {
    const p = queryPhrase(text);
    if (p) parts.push({ alternatives: [p] });
  };
  const hit = synonyms?.find(term);
  if (!hit) {
    plain(term);
    return parts;
  }
  plain(term.slice(0, hit.start));
  const alternatives = hit.group.map(queryPhrase).filter((p): p is QueryPhrase => p !== null);
  if (alternatives.length > 0) parts.push({ alternatives });
  parts.push(...termParts(term.slice(hit.end), synonyms));
  return parts;
}

/** Parses the search box. An empty or punctuation-only input gives a query without terms. */
export function parseSearchQuery(input: string, synonyms?: SynonymMatcher): SearchQuery {
  const text = [...(input ?? '').trim()].slice(0, maxQueryLength).join('');
  const rawTerms = [...new Set(normalizeText(text).split(/\s+/).filter(Boolean))].slice(0, maxQueryTerms);
  const terms = rawTerms.flatMap((t) => termParts(t, synonyms));
  const highlights = [...new Set(terms.flatMap((t) => t.alternatives.map((a) => a.text)).filter(Boolean))];
  return {
    text,
    terms,
    titleKey: titleKey(text),
    documentNumberKey: looksLikeDocumentNumber(text) ? documentNumberKey(text) : null,
    highlights,
  };
}
