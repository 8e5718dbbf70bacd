/**
 * Tokenises a stretch of the stream into pieces: numbers, null cells (blank grid cells, "/", "—")
 * and text. A number from a grid cell is atomic (its cell boundaries are known); a number from
 * running text may be several cells run together and is split later (split.ts).
 */
import { CELL_END, ROW_START, digitValue, isSpace } from './normalize.js';
import type { Stream } from './stream.js';

export type Piece =
  | { readonly kind: 'num'; readonly text: string; readonly atomic: boolean; readonly at: number; readonly line: number }
  | { readonly kind: 'null'; readonly text: string; readonly at: number; readonly line: number }
  | { readonly kind: 'text'; readonly text: string; readonly at: number; readonly line: number };

const CELL = CELL_END.charCodeAt(0);
const ROW = ROW_START.charCodeAt(0);
const NEWLINE = 10;
const NULL_CHARS = new Set([...'/／\\-—–―－−×xX✕'].map((c) => c.charCodeAt(0)));
const UNITS = new Set(['件', '元', '万元', '个', '项', '条', '次', '人次', '万', '宗', '起', '份']);
const DASHES = new Set([...'-－−'].map((c) => c.charCodeAt(0)));
const DOTS = new Set([...'.．'].map((c) => c.charCodeAt(0)));

const isNullText = (t: string): boolean => {
  if (t === '无' || t === '空') return true;
  for (let i = 0; i < t.length; i++) if (!NULL_CHARS.has(t.charCodeAt(i))) return false;
  return t.length > 0;
};

/** Pieces of s[a, b). `line` counts grid rows and lines outside cells, from 0. */
export function tokenize(stream: Stream, a: number, b: number): Piece[] {
  const { s, inCell } = stream;
  const out: Piece[] = [];
  let line = 0;
  let fresh = a > 0 && (s.charCodeAt(a - 1) === ROW || s.charCodeAt(a - 1) === CELL);
  let content = false;
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    splitChunk(s, start, end, inCell[start] === 1, line, out);
    content = true;
    start = -1;
  };
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c === ROW) {
      flush(i);
      line++;
      fresh = true;
      content = false;
    } else if (c === CELL) {
      flush(i);
      if (fresh && !content) out.push({ kind: 'null', text: '', at: i, line });
      fresh = true;
      content = false;
    } else if (isSpace(c)) {
      flush(i);
      if (c === NEWLINE && inCell[i] !== 1) line++;
    } else if (start < 0) start = i;
  }
  flush(b);
  return dropPageNumbers(out);
}

const PAGE_DASH = /^[-—–－]+$/;

/** Page numbers of a PDF conversion ("— 5 —") are not cells. */
function dropPageNumbers(pieces: Piece[]): Piece[] {
  if (!pieces.some((p) => p.kind === 'null' && PAGE_DASH.test(p.text))) return pieces;
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const [a, b, c] = [pieces[i]!, pieces[i + 1], pieces[i + 2]];
    if (a.kind === 'null' && PAGE_DASH.test(a.text) && b?.kind === 'num' && !b.atomic && c?.kind === 'null' && PAGE_DASH.test(c.text)
      && a.line === c.line) {
      i += 2;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Splits one whitespace-free chunk into number and text pieces. */
function splitChunk(s: string, a: number, b: number, atomic: boolean, line: number, out: Piece[]): void {
  const whole = s.slice(a, b);
  if (isNullText(whole)) {
    out.push({ kind: 'null', text: whole, at: a, line });
    return;
  }
  let num = '';
  let numAt = a;
  let text = '';
  let textAt = a;
  const endNum = () => {
    if (num !== '') out.push({ kind: 'num', text: num, atomic, at: numAt, line });
    num = '';
  };
  const endText = () => {
    if (text !== '' && !UNITS.has(text)) out.push(isNullText(text) ? { kind: 'null', text, at: textAt, line } : { kind: 'text', text, at: textAt, line });
    text = '';
  };
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    const d = digitValue(c);
    const nextDigit = i + 1 < b && digitValue(s.charCodeAt(i + 1)) >= 0;
    if (d >= 0) {
      if (num === '') {
        endText();
        numAt = i;
      }
      num += String(d);
    } else if (DOTS.has(c) && num !== '' && nextDigit && !num.includes('.')) {
      num += '.';
    } else if (DASHES.has(c) && nextDigit) {
      endNum();
      endText();
      num = '-';
      numAt = i;
    } else if (atomic && (c === 44 || c === 0xff0c) && num !== '' && nextDigit && isThousands(s, i + 1, b)) {
      // 1,234 in a table cell
    } else {
      endNum();
      if (text === '') textAt = i;
      text += s[i];
    }
  }
  endNum();
  endText();
}

function isThousands(s: string, from: number, b: number): boolean {
  let n = 0;
  while (from + n < b && digitValue(s.charCodeAt(from + n)) >= 0) n++;
  return n === 3;
}

/** Numeric value of a number piece's text, or null when it is not a finite number. */
export function pieceValue(text: string): number | null {
  if (text === '' || text === '-') return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}
