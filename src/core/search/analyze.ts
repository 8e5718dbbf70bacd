/**
 * Chinese text → index tokens. Two views of the same text, each a space-separated token string
 * (the database tokenizers only split on ASCII spaces and punctuation; every token we emit is a run
 * of letters/digits, so the SQL side never re-segments Chinese):
 *
 * - words: dictionary word segmentation by ICU (`Intl.Segmenter('zh', { granularity: 'word' })`,
 *   built into Node with full ICU). Good for ranking; not reliable for recall, because the same
 *   characters may be cut differently in a query and in a document.
 * - grams: for each run of Han characters its overlapping bigrams, then the run's last character as
 *   a unigram; runs of other letters/digits as one token. Any substring of a run of ≥ 2 characters is
 *   found as a phrase of consecutive bigrams; a single character X is found by the prefix query X*
 *   (every character either starts a bigram or ends a run). So 低保, 医保 and 粮 are found whatever
 *   the segmenter does with them.
 */
import { normalizeText } from './normalize.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const han = /\p{Script=Han}/u;
/** Characters that make tokens: letters and digits of any script (marks kept with their letters). */
const tokenChar = /[\p{L}\p{N}\p{M}]/u;

export const isHan = (ch: string): boolean => han.test(ch);

/** A run of the text: Han characters, or other letters/digits (one token). Separators are dropped. */
export interface TextRun {
  readonly kind: 'han' | 'other';
  readonly text: string;
}

/** Splits normalised text into runs of Han characters and runs of other token characters. */
export function textRuns(normalized: string): TextRun[] {
  const runs: TextRun[] = [];
  let kind: 'han' | 'other' | null = null;
  let start = 0;
  let i = 0;
  const chars = [...normalized];
  const close = (end: number) => {
    if (kind !== null && end > start) runs.push({ kind, text: chars.slice(start, end).join('') });
  };
  for (; i < chars.length; i++) {
    const ch = chars[i]!;
    const k: 'han' | 'other' | null = han.test(ch) ? 'han' : tokenChar.test(ch) ? 'other' : null;
    if (k === kind) continue;
    close(i);
    kind = k;
    start = i;
  }
  close(i);
  return runs;
}

/** Bigrams of a Han run, then its last character (the scheme described above). */
export function hanGrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  if (chars.length > 0) out.push(chars[chars.length - 1]!);
  return out;
}

/** An ASCII-safe token: letters/digits only (anything else would be split again by the database). */
const cleanOther = (text: string): string[] => text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);

/** The gram tokens of a text (see the module comment). */
export function gramTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of textRuns(normalizeText(text))) {
    if (run.kind === 'han') for (const g of hanGrams(run.text)) out.push(g);
    else for (const t of cleanOther(run.text)) out.push(t);
  }
  return out;
}

/** The word tokens of a text (ICU dictionary segmentation of the normalised text; punctuation dropped). */
export function wordTokens(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(normalizeText(text))) {
    if (!s.isWordLike) continue;
    for (const t of cleanOther(s.segment)) out.push(t);
  }
  return out;
}

/** The index text of a field: its tokens joined by spaces. */
export const joinTokens = (tokens: readonly string[]): string => tokens.join(' ');
