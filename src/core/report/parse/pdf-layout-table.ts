/**
 * Tables of a PDF page drawn without ruling lines, recovered from alignment: a "number row" is a
 * line that ends in numbers standing apart from its label; consecutive number rows whose numbers
 * line up form a table. Columns are clusters of the numbers' x centres. A label-only line inside
 * the table continues the label of the nearest row when it starts at or right of that label
 * (a wrapped label), or becomes a row of its own when it starts further left (a group label such
 * as （三）不予公开). Lines just above the first row become header rows (wide group headers and
 * per-column headers, characters stacked over several lines joined per column).
 */
import type { DocTable, TableCell } from './pdf-tables.js';
import { joinRuns, lineOf, type Run, type TextLine } from './pdf-text.js';

export interface LayoutTables {
  readonly tables: { readonly top: number; readonly table: DocTable }[];
  /** The lines that belong to no table. */
  readonly lines: TextLine[];
}

interface Chunk { readonly text: string; readonly x0: number; readonly x1: number }
interface NumberRow { readonly line: TextLine; readonly label: Chunk[]; readonly numbers: Chunk[] }
/** A piece of label text at a height: a row's own label, its wrapped continuation, or a group label. */
interface LabelPiece { readonly y: number; readonly x0: number; readonly text: string }

const numberText = /^(?:[-+]?\d[\d,，]*(?:\.\d+)?|[/／\\—–-]|无)$/;
const sectionHeading = /^[一二三四五六七八九十]+、/;
const maxHeaderLines = 10;
/** Label-only lines allowed between two number rows (wrapped labels and group labels). */
const maxPendingLines = 6;

/** A section heading ends a table; a short 三、本年… inside the table (a group label) does not. */
const isSectionHeading = (line: TextLine, size: number) =>
  sectionHeading.test(line.text) && ([...line.text].length >= 10 || line.size > 1.15 * size);

/** A line's runs glued into chunks (runs closer than a third of the glyph size). */
function chunksOf(line: TextLine): Chunk[] {
  const out: { runs: Run[]; x1: number }[] = [];
  for (const r of line.runs) {
    const last = out[out.length - 1];
    if (last && r.x - last.x1 <= line.size / 3) {
      last.runs.push(r);
      last.x1 = Math.max(last.x1, r.x + r.width);
    } else out.push({ runs: [r], x1: r.x + r.width });
  }
  return out.map((c) => ({ text: joinRuns(c.runs, line.size), x0: c.runs[0]!.x, x1: c.x1 }));
}

/** Splits a line into label and trailing numbers when the numbers stand apart (else null). */
function numberRow(line: TextLine): NumberRow | null {
  const chunks = chunksOf(line).flatMap((c) => (c.text.includes(' ') && c.text.split(' ').every((t) => numberText.test(t)) ? splitSpaced(c) : [c]));
  let k = chunks.length;
  while (k > 0 && numberText.test(chunks[k - 1]!.text)) k--;
  const numbers = chunks.slice(k), label = chunks.slice(0, k);
  if (!numbers.some((n) => /\d/.test(n.text))) return null;
  if (label.length === 0 && numbers.length < 3) return null;
  const gap = label.length === 0 ? Infinity : numbers[0]!.x0 - label[label.length - 1]!.x1;
  if (numbers.length === 1 && gap < 3 * line.size) return null;
  if (numbers.length >= 2 && gap < 1.2 * line.size) return null;
  return { line, label, numbers };
}

/** "0 0 1" glued into one chunk by a PDF producer: evenly spread pieces. */
function splitSpaced(c: Chunk): Chunk[] {
  const parts = c.text.split(' ');
  const w = (c.x1 - c.x0) / parts.length;
  return parts.map((text, i) => ({ text, x0: c.x0 + i * w, x1: c.x0 + (i + 1) * w }));
}

const centre = (c: Chunk) => (c.x0 + c.x1) / 2;

function clusterCentres(xs: number[], gap: number): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const x of sorted) {
    const last = groups[groups.length - 1];
    if (last && x - last[last.length - 1]! <= gap) last.push(x);
    else groups.push([x]);
  }
  return groups.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** A row fits the table when its numbers sit in the table's columns, or the table's columns among its numbers. */
function aligned(row: NumberRow, columns: readonly number[], tol: number): boolean {
  const centres = row.numbers.map(centre);
  const near = (xs: readonly number[], x: number) => xs.some((c) => Math.abs(c - x) <= tol);
  return columns.length === 0 || centres.every((x) => near(columns, x)) || columns.every((c) => near(centres, c));
}

export function findLayoutTables(lines: readonly TextLine[]): LayoutTables {
  const ordered = [...lines].sort((a, b) => b.y - a.y);
  const tables: { top: number; table: DocTable }[] = [];
  const used = new Set<TextLine>();
  let i = 0;
  while (i < ordered.length) {
    const first = numberRow(ordered[i]!);
    if (!first) {
      i++;
      continue;
    }
    const size = first.line.size;
    const rows: NumberRow[] = [first];
    const between: TextLine[] = [];
    let columns = clusterCentres(first.numbers.map(centre), 1.5 * size);
    let j = i + 1;
    let pending: TextLine[] = [];
    for (; j < ordered.length; j++) {
      const line = ordered[j]!;
      const above = pending[pending.length - 1] ?? rows[rows.length - 1]!.line;
      if (above.y - line.y > 3 * Math.max(size, line.size)) break;
      const row = numberRow(line);
      if (row && aligned(row, columns, 1.5 * size) && row.numbers.length >= Math.min(2, rows[0]!.numbers.length)) {
        between.push(...pending);
        pending = [];
        rows.push(row);
        columns = clusterCentres(rows.flatMap((r) => r.numbers.map(centre)), 1.5 * size);
      } else if (row || isSectionHeading(line, size) || pending.length >= maxPendingLines) break;
      else pending.push(line);
    }
    // label-only lines right below the last row that continue its label
    const lastRow = rows[rows.length - 1]!;
    for (const line of pending) {
      if (lastRow.line.y - line.y <= 1.2 * size && line.x0 >= (lastRow.label[0]?.x0 ?? Infinity) - size) between.push(line);
      else break;
    }
    const multiRow = rows.length >= 2 || rows[0]!.numbers.length >= 2;
    if (!multiRow) {
      i++;
      continue;
    }
    const header = headerLines(ordered, i, used, size, columns);
    const table = buildTable(rows, between, header, columns, size);
    for (const l of [...rows.map((r) => r.line), ...between, ...header]) used.add(l);
    tables.push({ top: Math.max(...[...header, first.line].map((l) => l.y + l.size)), table });
    i = j;
  }
  return { tables, lines: ordered.filter((l) => !used.has(l)) };
}

/** Lines directly above the first number row that are column headers. */
function headerLines(ordered: readonly TextLine[], firstRow: number, used: ReadonlySet<TextLine>, size: number, columns: readonly number[]): TextLine[] {
  const out: TextLine[] = [];
  let below = ordered[firstRow]!;
  for (let k = firstRow - 1; k >= 0 && out.length < maxHeaderLines; k--) {
    const line = ordered[k]!;
    if (used.has(line) || isSectionHeading(line, size) || line.size > 1.3 * size) break;
    if (line.y - below.y > 4 * Math.max(size, line.size) || numberRow(line) || isProse(line, columns)) break;
    out.push(line);
    below = line;
  }
  return out.reverse();
}

/** A line of running text: a long chunk running over several number columns (header cells are short). */
function isProse(line: TextLine, columns: readonly number[]): boolean {
  return chunksOf(line).some((c) => [...c.text].length > 14 && columns.filter((x) => x > c.x0 && x < c.x1).length >= 2);
}

/**
 * Row labels with their wrapped continuations, and group labels (text standing left of the row
 * labels, e.g. （三）不予公开 or a stacked 三、本年度办理结果) as rows of their own.
 */
function labelRows(rows: readonly NumberRow[], between: readonly TextLine[], size: number, valuesLeft: number): { y: number; label: string; row: NumberRow | null }[] {
  const betweenChunks = between.map((line) => ({ line, chunks: chunksOf(line) }));
  // label columns: the left edges where label text starts (一、… / （一）… / 1.… in table 三)
  // (a left edge seen once is an indented continuation, not a column)
  const edges = [...rows.flatMap((r) => r.label.map((c) => c.x0)), ...betweenChunks.flatMap((b) => b.chunks.map((c) => c.x0))];
  const starts = clusterCentres(edges, size).filter((c) => edges.filter((x) => Math.abs(x - c) <= size).length >= 2);
  const columnOf = (x: number) => {
    let k = 0;
    starts.forEach((sx, i) => (sx <= x + size / 2 ? (k = i) : undefined));
    return k;
  };
  // every piece of label text goes to the nearest row by height …
  const near = new Map<NumberRow, LabelPiece[]>(rows.map((r) => [r, r.label.map((c) => ({ y: r.line.y, x0: c.x0, text: c.text }))]));
  const nearest = (y: number) => rows.reduce((best, r) => (Math.abs(r.line.y - y) < Math.abs(best.line.y - y) ? r : best));
  const inner: { y: number; label: string; row: null }[] = [];
  for (const { line, chunks } of betweenChunks) {
    // text reaching into the number columns is a header inside the table (表二's 第二十条第（五）项): a row of its own
    if (chunks.some((c) => c.x0 >= valuesLeft)) {
      inner.push({ y: line.y, label: line.text, row: null });
      continue;
    }
    const pieces = near.get(nearest(line.y))!;
    for (const c of chunks) pieces.push({ y: line.y, x0: c.x0, text: c.text });
  }
  // … and belongs to that row's label when it is in the row's label column (its right-most one);
  // text in a column further left is a group label spanning several rows
  const own = new Map<NumberRow, LabelPiece[]>();
  const groups: LabelPiece[] = [];
  for (const [r, pieces] of near) {
    const column = Math.max(-1, ...pieces.map((p) => columnOf(p.x0)));
    own.set(r, pieces.filter((p) => columnOf(p.x0) >= column));
    groups.push(...pieces.filter((p) => columnOf(p.x0) < column));
  }
  const out = rows.map((r) => ({
    y: r.line.y,
    label: own.get(r)!.sort((a, b) => b.y - a.y || a.x0 - b.x0).map((p) => p.text).join(''),
    row: r as NumberRow | null,
  }));
  // stacked fragments of one group label: same left edge, lines close together
  groups.sort((a, b) => columnOf(a.x0) - columnOf(b.x0) || b.y - a.y);
  let current: LabelPiece[] = [];
  const flush = () => {
    // ordered by the top of its first line: rows printed beside that line come after it
    if (current.length > 0) out.push({ y: current[0]!.y + 0.8 * size, label: current.map((p) => p.text).join(''), row: null });
    current = [];
  };
  for (const g of groups) {
    const last = current[current.length - 1];
    if (last && (columnOf(g.x0) !== columnOf(last.x0) || last.y - g.y > 2.2 * size)) flush();
    current.push(g);
  }
  flush();
  return [...out, ...inner].sort((a, b) => b.y - a.y);
}

function buildTable(rows: NumberRow[], between: TextLine[], header: TextLine[], columns: number[], size: number): DocTable {
  const spacing = columns.length > 1 ? Math.min(...columns.slice(1).map((c, k) => c - columns[k]!)) : 4 * size;
  const bounds = [columns[0]! - spacing / 2, ...columns.slice(1).map((c, k) => (c + columns[k]!) / 2), columns[columns.length - 1]! + spacing / 2];
  const labelX = Math.min(...rows.flatMap((r) => r.label.map((c) => c.x0)), ...between.map((l) => l.x0), bounds[0]!);
  const hasLabels = rows.some((r) => r.label.length > 0) || between.length > 0;
  const xs = hasLabels ? [labelX, ...bounds] : bounds;
  const colOf = (x: number) => Math.max(0, Math.min(columns.length - 1, bounds.findIndex((b, k) => k > 0 && x < b) - 1));
  const cells: TableCell[] = [];
  let rowIndex = 0;
  for (const h of headerRows(header, bounds, hasLabels ? labelX : null)) {
    cells.push(...h.map((c) => ({ ...c, row: rowIndex })));
    rowIndex++;
  }
  for (const r of labelRows(rows, between, size, bounds[0]!)) {
    if (hasLabels) cells.push({ row: rowIndex, rowspan: 1, x0: labelX, x1: bounds[0]!, text: r.label });
    if (r.row === null) cells.push({ row: rowIndex, rowspan: 1, x0: bounds[0]!, x1: bounds[bounds.length - 1]!, text: '' });
    else cellsOf(r.row.numbers, columns.length, colOf).forEach((text, k) => cells.push({ row: rowIndex, rowspan: 1, x0: bounds[k]!, x1: bounds[k + 1]!, text }));
    rowIndex++;
  }
  return { left: xs[0]!, right: xs[xs.length - 1]!, xs, rowCount: rowIndex, cells };
}

function cellsOf(numbers: readonly Chunk[], count: number, colOf: (x: number) => number): string[] {
  const cells: string[] = Array.from({ length: count }, () => '');
  for (const n of numbers) {
    const k = colOf(centre(n));
    cells[k] = cells[k] === '' ? n.text : `${cells[k]} ${n.text}`;
  }
  return cells;
}

/**
 * Header lines as up to two rows: headers wider than a column (group headers) with the columns
 * they cover, then each column's stacked characters; text left of the columns is the label header.
 */
function headerRows(header: readonly TextLine[], bounds: readonly number[], labelX: number | null): Omit<TableCell, 'row'>[][] {
  if (header.length === 0) return [];
  const spacing = bounds.length > 2 ? bounds[2]! - bounds[1]! : bounds[1]! - bounds[0]!;
  const groups: Omit<TableCell, 'row'>[] = [];
  const perColumn: Run[][] = Array.from({ length: bounds.length - 1 }, () => []);
  const labelRuns: Run[] = [];
  for (const line of header) {
    for (const r of line.runs) {
      const mid = r.x + r.width / 2;
      if (mid < bounds[0]!) labelRuns.push(r);
      else if (r.width > 1.5 * spacing) {
        const k0 = Math.max(0, bounds.findIndex((b) => b > r.x) - 1);
        const k1 = Math.max(k0 + 1, bounds.findIndex((b) => b >= r.x + r.width));
        groups.push({ rowspan: 1, x0: bounds[k0]!, x1: bounds[k1 === 0 ? bounds.length - 1 : k1]!, text: r.str.trim() });
      } else {
        const k = bounds.findIndex((b, idx) => idx > 0 && mid < b) - 1;
        perColumn[k < 0 ? perColumn.length - 1 : k]!.push(r);
      }
    }
  }
  const stacked = (runs: Run[]) => (runs.length === 0 ? '' : stackText(runs));
  const rows: Omit<TableCell, 'row'>[][] = [];
  if (groups.length > 0) rows.push(groups.sort((a, b) => a.x0 - b.x0));
  const cols = perColumn.map((runs, k) => ({ rowspan: 1, x0: bounds[k]!, x1: bounds[k + 1]!, text: stacked(runs) }));
  if (labelX !== null) cols.unshift({ rowspan: 1, x0: labelX, x1: bounds[0]!, text: stacked(labelRuns) });
  rows.push(cols);
  return rows;
}

/** Runs of one header cell, line by line top to bottom, joined with '\n'. */
function stackText(runs: Run[]): string {
  const byLine = new Map<number, Run[]>();
  for (const r of runs) {
    const key = Math.round(r.y / Math.max(1, r.height * 0.5));
    byLine.set(key, [...(byLine.get(key) ?? []), r]);
  }
  return [...byLine.entries()].sort((a, b) => b[0] - a[0]).map(([, rs]) => lineOf(rs).text).join('\n');
}
