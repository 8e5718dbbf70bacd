/**
 * Highlighting for result lists: the text is HTML-escaped and every occurrence of a query string
 * (compared after normalisation: full-width folded, lower case) is wrapped in <mark>. Snippets are
 * a window of the body around the densest cluster of matches, with ellipses. Offsets are UTF-16
 * indexes of the original text; text that normalisation leaves unchanged (most Chinese text) is
 * searched directly, anything else through a map from normalised back to original offsets.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => entities[c]!);
const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** The normalised text and, when it differs, the original offset of each normalised offset. */
function normalized(text: string): { norm: string; origin: number[] | null } {
  const whole = fold(text);
  if (whole === text) return { norm: text, origin: null };
  let norm = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const part = fold(text.slice(i, i + width));
    for (let k = 0; k < part.length; k++) origin.push(i);
    norm += part;
    i += width;
  }
  origin.push(text.length);
  return { norm, origin };
}

/** Match ranges [from, to) in UTF-16 offsets of the original text, merged and sorted. */
export function findMatches(text: string, needles: readonly string[]): [number, number][] {
  const { norm, origin } = normalized(text);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let at = norm.indexOf(needle); at >= 0; at = norm.indexOf(needle, at + needle.length)) {
      if (!origin) ranges.push([at, at + needle.length]);
      else {
        // the end: after the original character that the last matched normalised unit came from
        const last = origin[at + needle.length - 1]!;
        ranges.push([origin[at]!, last + (text.codePointAt(last)! > 0xffff ? 2 : 1)]);
      }
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

function markRanges(text: string, from: number, to: number, ranges: readonly [number, number][]): string {
  let out = '';
  let at = from;
  for (const [a, b] of ranges) {
    if (b <= from || a >= to) continue;
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    out += `${escape(text.slice(at, s))}<mark>${escape(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escape(text.slice(at, to));
}

/** The whole text, escaped, with matches marked. */
export function highlightText(text: string, needles: readonly string[]): string {
  return markRanges(text, 0, text.length, findMatches(text, needles));
}

/** Moves an offset off the second half of a surrogate pair. */
const whole = (text: string, i: number) => (i > 0 && i < text.length && /[\udc00-\udfff]/.test(text[i]!) ? i - 1 : i);

/**
 * A snippet of about `length` characters around the window with the most matches (the start of
 * the text when nothing matches), escaped, matches marked, "…" where the text was cut. Only the
 * first `scan` characters are looked at.
 */
export function highlightSnippet(text: string, needles: readonly string[], length = 120, scan = 20_000): string {
  const flat = text.slice(0, scan).replace(/\s+/g, ' ').trim();
  const ranges = findMatches(flat, needles);
  if (flat.length <= length) return markRanges(flat, 0, flat.length, ranges);
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
  const from = whole(flat, Math.min(Math.max(0, bestStart - Math.floor(length / 6)), flat.length - length));
  const to = whole(flat, from + length);
  return `${from > 0 ? '…' : ''}${markRanges(flat, from, to, ranges)}${to < flat.length || text.length > scan ? '…' : ''}`;
}
