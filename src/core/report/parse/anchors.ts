/**
 * Finding a table's row labels in the compact stream: every keyword occurrence is a candidate,
 * widened to the full label where the text agrees (so "2.其他法律…" takes its "2." away from the
 * digits before it); then the best chain of candidates in the spec's row order, with small gaps
 * between consecutive labels, is the table (prose that mentions a label now and then is not).
 */
import type { AnchorDef } from './labels.js';

export interface Anchor {
  readonly def: number;
  readonly id: string;
  readonly kind: AnchorDef['kind'];
  /** Range in the compact stream k. */
  readonly start: number;
  readonly end: number;
}

interface Candidate extends Anchor {
  readonly score: number;
}

function widen(k: string, at: number, keyword: string, full: string, lo: number, hi: number): [number, number] {
  const idx = full.indexOf(keyword);
  let start = at;
  let end = at + keyword.length;
  if (idx < 0) return [start, end];
  for (let j = idx - 1; j >= 0 && start - 1 >= lo && k.charCodeAt(start - 1) === full.charCodeAt(j); j--) start--;
  for (let j = idx + keyword.length; j < full.length && end < hi && k.charCodeAt(end) === full.charCodeAt(j); j++) end++;
  return [start, end];
}

interface KeywordGroup {
  /** Definition index and keyword of each keyword with this first character, longest first. */
  readonly defs: readonly number[];
  readonly keywords: readonly string[];
  /** Second character of each keyword (-1 when it has one character). */
  readonly seconds: readonly number[];
}

interface KeywordIndex {
  /** Keyword group (index + 1) by first character code; 0 = no keyword starts with it. */
  readonly first: Uint16Array;
  readonly groups: readonly KeywordGroup[];
}

const indexes = new WeakMap<readonly AnchorDef[], KeywordIndex>();

function keywordIndex(defs: readonly AnchorDef[]): KeywordIndex {
  let index = indexes.get(defs);
  if (!index) {
    const byFirst = new Map<number, [number, string][]>();
    defs.forEach((def, d) => {
      for (const keyword of def.keywords) {
        const c = keyword.charCodeAt(0);
        byFirst.set(c, [...(byFirst.get(c) ?? []), [d, keyword]]);
      }
    });
    const first = new Uint16Array(65536);
    const groups: KeywordGroup[] = [];
    for (const [c, list] of byFirst) {
      list.sort((a, b) => b[1].length - a[1].length);
      groups.push({ defs: list.map((e) => e[0]), keywords: list.map((e) => e[1]), seconds: list.map((e) => (e[1].length > 1 ? e[1].charCodeAt(1) : -1)) });
      first[c] = groups.length;
    }
    index = { first, groups };
    indexes.set(defs, index);
  }
  return index;
}

/** Scratch arrays reused from call to call (a typed array of more than a few bytes is a costly allocation). */
let lastOfScratch = new Int32Array(64);
let bestScratch = new Float64Array(256);
let backScratch = new Int32Array(256);

/** All candidate occurrences of the definitions' keywords in k[lo, hi), in one pass over k. */
function candidates(k: string, defs: readonly AnchorDef[], lo: number, hi: number): Candidate[] {
  const { first, groups } = keywordIndex(defs);
  const out: Candidate[] = [];
  if (lastOfScratch.length < defs.length) lastOfScratch = new Int32Array(defs.length * 2);
  const lastOf = lastOfScratch;
  lastOf.fill(-1, 0, defs.length);
  for (let at = lo; at < hi; at++) {
    const g = first[k.charCodeAt(at)]!;
    if (g === 0) continue;
    const group = groups[g - 1]!;
    const next = k.charCodeAt(at + 1);
    for (let w = 0; w < group.keywords.length; w++) {
      const second = group.seconds[w]!;
      if (second >= 0 && second !== next) continue;
      const keyword = group.keywords[w]!;
      if (at + keyword.length > hi || !k.startsWith(keyword, at)) continue;
      const d = group.defs[w]!;
      const def = defs[d]!;
      const [start, end] = widen(k, at, keyword, def.full, lo, hi);
      // a shorter keyword inside an occurrence already found adds nothing
      const last = lastOf[d]!;
      if (last >= 0 && out[last]!.start <= start && out[last]!.end >= end) continue;
      lastOf[d] = out.length;
      out.push({ def: d, id: def.id, kind: def.kind, start, end, score: def.weight + Math.min(end - start, 40) / 100 });
    }
  }
  // widening can move a start back before earlier ones: sort only then
  for (let i = 1; i < out.length; i++) if (byPosition(out[i - 1]!, out[i]!) > 0) return out.sort(byPosition);
  return out;
}

const byPosition = (a: Candidate, b: Candidate) => a.start - b.start || b.end - a.end;

/**
 * The best chain of anchors in definition order within k[lo, hi): strictly increasing definition
 * index and position, each label starting at most `maxGap` characters after the previous one ends.
 */
export function findChain(k: string, defs: readonly AnchorDef[], lo: number, hi: number, maxGap: number): Anchor[] {
  const cands = candidates(k, defs, lo, hi);
  const n = cands.length;
  if (n === 0) return [];
  if (bestScratch.length < n) {
    bestScratch = new Float64Array(n * 2);
    backScratch = new Int32Array(n * 2);
  }
  const best = bestScratch;
  const back = backScratch;
  back.fill(-1, 0, n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const c = cands[i]!;
    best[i] = c.score;
    for (let j = i - 1; j >= 0; j--) {
      const p = cands[j]!;
      if (c.start - p.start > maxGap + 200) break;
      if (p.def >= c.def || p.end > c.start || c.start - p.end > maxGap) continue;
      const v = best[j]! + c.score;
      if (v > best[i]!) {
        best[i] = v;
        back[i] = j;
      }
    }
    if (best[i]! > best[top]!) top = i;
  }
  const chain: Anchor[] = [];
  for (let i = top; i >= 0; i = back[i]!) {
    const { def, id, kind, start, end } = cands[i]!;
    chain.push({ def, id, kind, start, end });
  }
  return chain.reverse();
}
