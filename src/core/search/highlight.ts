/**
 * Highlighting for result lists: the text is HTML-escaped and every occurrence of a query string
 * (compared after normalisation: full-width folded, lower case) is wrapped in <mark>. Snippets are
 * a window of the body around the densest cluster of matches, with ellipses.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => entities[c]!);

/** Per code point of the original: its normalised form, so matches map back to original offsets. */
function normalizedChars(text: string): { chars: string[]; norm: string; starts: number[] } {
  const chars = [...text];
  const starts: number[] = [];
  let norm = '';
  for (const ch of chars) {
    starts.push(norm.length);
    norm += ch.normalize('NFKC').toLowerCase();
  }
  starts.push(norm.length);
  return { chars, norm, starts };
}

/** Match ranges [from, to) in code points of the original text, merged and sorted. */
export function findMatches(text: string, needles: readonly string[]): [number, number][] {
  const { chars, norm, starts } = normalizedChars(text);
  const ranges: [number, number][] = [];
  const charAt = (offset: number): number => {
    // binary search: the code point whose normalised form starts at or before offset
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = norm.indexOf(needle); at >= 0; at = norm.indexOf(needle, at + needle.length)) {
      const from = charAt(at);
      const to = charAt(at + needle.length - 1) + 1;
      ranges.push([from, to]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

const markRanges = (chars: readonly string[], from: number, to: number, ranges: readonly [number, number][]): string => {
  let out = '';
  let at = from;
  for (const [a, b] of ranges) {
    if (b <= from || a >= to) continue;
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    out += escape(chars.slice(at, s).join('')) + '<mark>' + escape(chars.slice(s, e).join('')) + '</mark>';
    at = e;
  }
  return out + escape(chars.slice(at, to).join(''));
};

/** The whole text, escaped, with matches marked. */
export function highlightText(text: string, needles: readonly string[]): string {
  const chars = [...text];
  return markRanges(chars, 0, chars.length, findMatches(text, needles));
}

/**
 * A snippet of at most `length` characters around the window with the most matches (the start of
 * the text when nothing matches), escaped, matches marked, "…" where the text was cut.
 */
export function highlightSnippet(text: string, needles: readonly string[], length = 120): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const ranges = findMatches(chars.join(''), needles);
  if (chars.length <= length) return markRanges(chars, 0, chars.length, ranges);
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0; i < ranges.length; i++) {
    const start = ranges[i]![0];
    let count = 0;
    for (let j = i; j < ranges.length && ranges[j]![1] <= start + length; j++) count++;
    if (count > bestCount) {
      bestCount = count;
      bestStart = start;
    }
  }
  // start a little before the first match, so the match has some context
  let from = Math.max(0, bestStart - Math.floor(length / 6));
  from = Math.min(from, chars.length - length);
  const to = from + length;
  return `${from > 0 ? '…' : ''}${markRanges(chars, from, to, ranges)}${to < chars.length ? '…' : ''}`;
}
