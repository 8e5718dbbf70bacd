/**
 * SIMILARITY (内容雷同): a prose section nearly identical to the same section of last year's report
 * or of a sibling body's. Chinese has no spaces, so texts are compared as sets of character
 * n-gram shingles (Jaccard index) after dropping whitespace and punctuation and reducing every
 * number to one symbol (copying last year's text and changing the figures is still copying).
 */
import type { Finding } from '../findings.js';
import type { SectionSpec } from './spec/index.js';
import { specFor } from './spec/index.js';
import type { ReportValues } from './values.js';
import { recognizeSection } from './validate-document.js';

export interface SimilarityOptions {
  /** Warn at or above this Jaccard index (0–1). Default 0.8. */
  readonly threshold?: number;
  /** Ignore sections shorter than this many characters after normalisation. Default 80. */
  readonly minLength?: number;
  /** Shingle length in characters. Default 3. */
  readonly shingle?: number;
  /** The sections compared. Default 一、总体情况 and 五、存在的主要问题及改进情况. */
  readonly sections?: readonly SectionSpec['key'][];
}

export interface NamedReport {
  readonly name: string;
  readonly report: ReportValues;
}

export const defaultSimilarityOptions = { threshold: 0.8, minLength: 80, shingle: 3, sections: ['overview', 'problems'] } as const;

/** Letters and digits only; every run of digits becomes "0". */
export function normalizeForSimilarity(text: string): string {
  return text.replace(/\d+(?:\.\d+)?/g, '0').replace(/[^\p{L}\p{N}]+/gu, '');
}

export function shingles(normalized: string, size: number = defaultSimilarityOptions.shingle): Set<string> {
  const set = new Set<string>();
  if (normalized.length <= size) {
    if (normalized) set.add(normalized);
    return set;
  }
  for (let i = 0; i + size <= normalized.length; i++) set.add(normalized.slice(i, i + size));
  return set;
}

/** Jaccard index of two shingle sets (1 = same shingles). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Similarity of two texts in [0, 1]. */
export function textSimilarity(a: string, b: string, size: number = defaultSimilarityOptions.shingle): number {
  return jaccard(shingles(normalizeForSimilarity(a), size), shingles(normalizeForSimilarity(b), size));
}

function sectionTexts(report: ReportValues, keys: ReadonlySet<string>): Map<string, { heading: string; text: string }> {
  const map = new Map<string, { heading: string; text: string }>();
  const sections = specFor(report.format).sections;
  for (const s of report.sections) {
    const key = recognizeSection(s, sections);
    if (!key || !keys.has(key)) continue;
    const prev = map.get(key);
    map.set(key, prev ? { heading: prev.heading, text: `${prev.text}\n${s.text}` } : { heading: s.heading, text: s.text });
  }
  return map;
}

/** SIMILARITY findings of the report's sections against the same sections of other reports. */
export function checkSimilarity(report: ReportValues, others: readonly NamedReport[], options: SimilarityOptions = {}): Finding[] {
  const threshold = options.threshold ?? defaultSimilarityOptions.threshold;
  const minLength = options.minLength ?? defaultSimilarityOptions.minLength;
  const size = options.shingle ?? defaultSimilarityOptions.shingle;
  const keys = new Set<string>(options.sections ?? defaultSimilarityOptions.sections);
  const out: Finding[] = [];
  const own = sectionTexts(report, keys);
  const theirsByReport = others.map((o) => ({ name: o.name, sections: sectionTexts(o.report, keys) }));
  for (const [key, { heading, text }] of own) {
    const mine = normalizeForSimilarity(text);
    if (mine.length < minLength) continue;
    const mineShingles = shingles(mine, size);
    for (const other of theirsByReport) {
      const theirs = other.sections.get(key);
      if (!theirs) continue;
      const normalized = normalizeForSimilarity(theirs.text);
      if (normalized.length < minLength) continue;
      const similarity = jaccard(mineShingles, shingles(normalized, size));
      if (similarity >= threshold) {
        out.push({
          code: 'SIMILARITY', severity: 'warning', at: { section: key },
          params: {
            heading, other: other.name, similarity: Math.round(similarity * 1000) / 10, threshold: Math.round(threshold * 1000) / 10,
            basis: '国办公开办函〔2021〕30号：发布内容不准确不全面或者内容雷同、敷衍塞责等问题，依条例第四十七条追究责任',
          },
        });
      }
    }
  }
  return out;
}
