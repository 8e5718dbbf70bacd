/**
 * Relevance of a candidate document (BM25 over three fields with weights: title 10, meta 5 — 文号,
 * 索引号, 发布机构 — and body 1), computed in the application for the window of candidates the
 * full-text engine returned. Both engines' own rankers need per-phrase document frequencies that
 * they compute by running each phrase over ALL its matches (SQLite FTS5 bm25()) or do not weigh
 * fields the same way (PostgreSQL ts_rank), so one scorer here gives the same order on both
 * dialects at a cost proportional to the window, not to the number of matches.
 *
 * Term frequencies are counted in the folded text (full-width and case folded), or on letters and
 * digits only for a term holding punctuation (a 文号 typed with other brackets); a field whose ICU word
 * segmentation agrees with the term (the word index also matched) counts half as much again.
 */
import type { SearchQuery } from './query.js';

export interface ScoredFields {
  readonly title: string;
  /** 文号, 索引号, 发布机构 (joined). */
  readonly meta: string;
  /** 内容概述 and the start of the text. */
  readonly body: string;
  /** Whether the word index matched the title / body (segmentation agrees). */
  readonly titleWords?: boolean;
  readonly bodyWords?: boolean;
}

export interface ScoreStats {
  /** Documents in the index (N of BM25). */
  readonly documents: number;
  /** Per term of the query (same order): documents matching it (capped counts are fine). */
  readonly termDocuments: readonly number[];
}

const fieldWeights = { title: 10, meta: 5, body: 1 } as const;
/** Typical field lengths (characters) for length normalisation. */
const averageLength = { title: 30, meta: 40, body: 800 } as const;
const k1 = 1.2;
const b = 0.75;

/** Lower case, full-width folded, letters and digits only. */
export const squash = (text: string): string => fold(text).replace(/[^\p{L}\p{N}]+/gu, '');

/** Lower case and full-width folded; skips the work for text that has neither (most Chinese text). */
function fold(text: string): string {
  let out = text;
  if (/[\uff00-\uffef\u3000]/.test(out)) out = out.normalize('NFKC');
  if (/[A-Z]/.test(out)) out = out.toLowerCase();
  return out;
}

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

const saturate = (tf: number, length: number, average: number) => (tf === 0 ? 0 : (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / average)));

/** A term's alternative: counted in the folded text, or — when it holds punctuation or spaces — in the squashed text. */
export interface Needle {
  readonly text: string;
  readonly squashed: boolean;
}

/** Needles of each term (its alternatives), computed once per query. */
export function scoreNeedles(query: SearchQuery): Needle[][] {
  return query.terms.map((t) => t.alternatives.map((a) => {
    const plain = fold(a.text);
    const squashed = squash(a.text);
    return squashed === plain ? { text: plain, squashed: false } : { text: squashed, squashed: true };
  }).filter((n) => n.text !== ''));
}

/** BM25 of a document for the query (higher = more relevant). */
export function scoreDocument(fields: ScoredFields, needles: readonly (readonly Needle[])[], stats: ScoreStats): number {
  const folded = { title: fold(fields.title), meta: fold(fields.meta), body: fold(fields.body) };
  let squashed: { title: string; meta: string; body: string } | null = null;
  const view = (n: Needle) => (n.squashed ? (squashed ??= { title: squash(fields.title), meta: squash(fields.meta), body: squash(fields.body) }) : folded);
  let score = 0;
  needles.forEach((alternatives, i) => {
    const df = Math.min(stats.termDocuments[i] ?? 1, stats.documents);
    const idf = Math.log(1 + (stats.documents - df + 0.5) / (df + 0.5));
    let best = 0;
    for (const needle of alternatives) {
      const { title, meta, body } = view(needle);
      const s =
        fieldWeights.title * saturate(occurrences(title, needle.text), title.length, averageLength.title) * (fields.titleWords ? 1.5 : 1) +
        fieldWeights.meta * saturate(occurrences(meta, needle.text), meta.length, averageLength.meta) +
        fieldWeights.body * saturate(occurrences(body, needle.text), body.length, averageLength.body) * (fields.bodyWords ? 1.5 : 1);
      best = Math.max(best, s);
    }
    score += idf * best;
  });
  return score;
}

/** Whether every term of the query occurs in the title or the meta field (文号, 索引号, 发布机构). */
export function matchesTitle(fields: Pick<ScoredFields, 'title' | 'meta'>, needles: readonly (readonly Needle[])[]): boolean {
  if (needles.length === 0) return false;
  let folded: string | null = null;
  let squashed: string | null = null;
  return needles.every((alternatives) => alternatives.some((n) => {
    const text = n.squashed ? (squashed ??= squash(`${fields.title} ${fields.meta}`)) : (folded ??= fold(`${fields.title}\n${fields.meta}`));
    return text.includes(n.text);
  }));
}
