/**
 * Lines of running text → paragraphs. A PDF wraps a paragraph onto many lines; a new paragraph
 * starts where the line is indented or centred, the previous line stopped short of the right
 * margin, the font size changes, the vertical gap is wide, or the line opens with a heading
 * number (一、 / （一）). Consecutive centred title lines in a large font are one paragraph.
 */
import type { TextLine } from './pdf-text.js';

export interface PlacedLine {
  readonly line: TextLine;
  readonly page: number;
}

export interface Margins {
  readonly left: number;
  readonly right: number;
  /** Typical body glyph size. */
  readonly size: number;
  /** Typical distance between consecutive body lines. */
  readonly pitch: number;
}

const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

const quantile = (xs: readonly number[], q: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

/** The body's left and right margins, glyph size and line pitch, from all running-text lines. */
export function measureMargins(lines: readonly PlacedLine[]): Margins {
  const size = median(lines.map((l) => l.line.size)) || 10;
  const body = lines.filter((l) => Math.abs(l.line.size - size) <= size * 0.2);
  // the most common left edge (to the nearest point) is the margin; indented lines are fewer
  const counts = new Map<number, number>();
  for (const l of body) counts.set(Math.round(l.line.x0), (counts.get(Math.round(l.line.x0)) ?? 0) + 1);
  let left = Infinity, best = 0;
  for (const [x, n] of counts) if (n > best || (n === best && x < left)) [left, best] = [x, n];
  const pitches: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const a = body[i - 1]!, b = body[i]!;
    const d = a.line.y - b.line.y;
    if (a.page === b.page && d > 0) pitches.push(d);
  }
  return {
    left: Number.isFinite(left) ? left : 0,
    right: quantile(body.map((l) => l.line.x1), 0.9),
    size,
    pitch: median(pitches) || size * 1.5,
  };
}

const headingStart = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])/;
const asciiEnd = /[A-Za-z0-9,.;:%)]$/;
const asciiStart = /^[A-Za-z0-9(]/;

function isCentredTitle(l: TextLine, m: Margins): boolean {
  const centre = (l.x0 + l.x1) / 2;
  return l.size >= m.size * 1.2 && Math.abs(centre - (m.left + m.right) / 2) <= 2.5 * l.size && l.x0 > m.left + l.size;
}

function startsParagraph(prev: PlacedLine, cur: PlacedLine, m: Margins): boolean {
  const p = prev.line, c = cur.line;
  if (Math.abs(p.size - c.size) > 0.2 * Math.max(p.size, c.size)) return true;
  if (c.x0 > m.left + 0.9 * c.size) return true;
  if (p.x1 < m.right - 1.5 * p.size) return true;
  if (prev.page === cur.page && p.y - c.y > 1.6 * Math.max(m.pitch, c.size)) return true;
  return headingStart.test(c.text);
}

/** Paragraph texts of consecutive running-text lines (in reading order, possibly across pages). */
export function buildParagraphs(lines: readonly PlacedLine[], m: Margins): string[] {
  const out: string[] = [];
  let prev: PlacedLine | null = null;
  for (const cur of lines) {
    const text = cur.line.text;
    if (text === '') continue;
    const joinTitle = prev !== null && isCentredTitle(prev.line, m) && isCentredTitle(cur.line, m)
      && Math.abs(prev.line.size - cur.line.size) <= 0.1 * cur.line.size && prev.page === cur.page;
    if (prev === null || (!joinTitle && startsParagraph(prev, cur, m))) out.push(text);
    else {
      const last = out[out.length - 1]!;
      out[out.length - 1] = last + (asciiEnd.test(last) && asciiStart.test(text) ? ' ' : '') + text;
    }
    prev = cur;
  }
  return out;
}
