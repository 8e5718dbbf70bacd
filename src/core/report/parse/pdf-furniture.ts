/**
 * Page furniture: page numbers ("- 3 -", "第3页", "3/5") and running headers/footers (the same
 * line in the top or bottom band of several pages) are not part of the report's text.
 */
import type { TextLine } from './pdf-text.js';

export interface PageLines {
  readonly height: number;
  readonly lines: readonly TextLine[];
}

/** Share of the page height at the top and at the bottom where furniture lives. */
const band = 0.1;

const pageNumber = [
  /^[-—–－_~\s]*\d{1,4}[-—–－_~\s]*$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/,
];

const inBand = (l: TextLine, height: number) => l.y > height * (1 - band) || l.y < height * band;
/** A line's shape with its digits masked, so "第3页" on every page reads the same. */
const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/** Each page's lines without page numbers and repeated headers/footers. */
export function dropPageFurniture(pages: readonly PageLines[]): TextLine[][] {
  const seen = new Map<string, Set<number>>();
  pages.forEach((p, i) => {
    for (const l of p.lines) {
      if (!inBand(l, p.height)) continue;
      const key = shape(l.text);
      const set = seen.get(key) ?? new Set<number>();
      set.add(i);
      seen.set(key, set);
    }
  });
  const repeated = (text: string) => pages.length >= 2 && (seen.get(shape(text))?.size ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((p) =>
    p.lines.filter((l) => !(inBand(l, p.height) && (pageNumber.some((re) => re.test(l.text.trim())) || repeated(l.text)))),
  );
}
