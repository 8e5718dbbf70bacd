/**
 * Page tables → DocModel grids: a table that runs on from one page to the next is joined into
 * one (same left and right edges, nothing in between); a header repeated at the top of the next
 * page is dropped, and a label cell spanning rows across the page break (empty on the new page)
 * is extended instead of leaving an empty cell. Cell positions become colspans over the union of
 * the column boundaries.
 */
import type { GridCell, GridRow } from './document.js';
import type { PageTable } from './pdf-grid.js';

export interface TableCell {
  row: number;
  rowspan: number;
  readonly x0: number;
  readonly x1: number;
  readonly text: string;
}

export interface DocTable {
  readonly left: number;
  readonly right: number;
  xs: number[];
  rowCount: number;
  cells: TableCell[];
}

const edgeTolerance = 4;
const numeric = /^[\s\d.,，\-—–/／%]*$/;

export function fromPageTable(t: PageTable): DocTable {
  return {
    left: t.left,
    right: t.right,
    xs: [...t.xs],
    rowCount: t.rowCount,
    cells: t.cells.map((c) => ({ row: c.row, rowspan: c.rowspan, x0: c.x0, x1: c.x1, text: c.text })),
  };
}

/** Whether `next` (first on its page) continues `prev` (last on the previous page). */
export function continuesTable(prev: DocTable, next: DocTable): boolean {
  return Math.abs(prev.left - next.left) <= edgeTolerance && Math.abs(prev.right - next.right) <= edgeTolerance;
}

const rowTexts = (t: DocTable, r: number) => t.cells.filter((c) => c.row === r).map((c) => c.text);
const sameTexts = (a: string[], b: string[]) => a.length === b.length && a.every((s, i) => s === b[i]) && a.some((s) => s !== '');

/** `prev` with the rows of `next` appended (mutates and returns prev). */
export function appendTable(prev: DocTable, next: DocTable): DocTable {
  // a header row repeated on the new page
  let skip = 0;
  while (skip < next.rowCount && skip < prev.rowCount && sameTexts(rowTexts(prev, skip), rowTexts(next, skip))) skip++;
  const cells = next.cells.filter((c) => c.row >= skip).map((c) => ({ ...c, row: c.row - skip }));
  // label cells spanning rows over the page break: extend them over the new page's empty cells
  const spanning = prev.cells.filter((c) => c.row + c.rowspan === prev.rowCount && c.text.trim() !== '' && !numeric.test(c.text));
  const kept: TableCell[] = [];
  for (const c of cells) {
    const above = c.row === 0 && c.text.trim() === ''
      ? spanning.find((p) => Math.abs(p.x0 - c.x0) <= edgeTolerance && Math.abs(p.x1 - c.x1) <= edgeTolerance)
      : undefined;
    if (above) above.rowspan += c.rowspan;
    else kept.push(c);
  }
  for (const c of kept) prev.cells.push({ ...c, row: c.row + prev.rowCount });
  prev.rowCount += next.rowCount - skip;
  prev.xs = unionBoundaries(prev.xs, next.xs);
  return prev;
}

function unionBoundaries(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of [...a, ...b].sort((p, q) => p - q)) {
    if (out.length > 0 && x - out[out.length - 1]! <= 2) continue;
    out.push(x);
  }
  return out;
}

function columnIndex(xs: readonly number[], x: number): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i]! - x) < Math.abs(xs[best]! - x)) best = i;
  return best;
}

/** The table as DocModel rows: per row, the cells that start in it, left to right. */
export function toGridRows(t: DocTable): GridRow[] {
  const rows: GridCell[][] = Array.from({ length: t.rowCount }, () => []);
  const ordered = [...t.cells].sort((a, b) => a.row - b.row || a.x0 - b.x0);
  for (const c of ordered) {
    const colspan = Math.max(1, columnIndex(t.xs, c.x1) - columnIndex(t.xs, c.x0));
    const rowspan = Math.max(1, Math.min(c.rowspan, t.rowCount - c.row));
    rows[c.row]?.push({ text: c.text, colspan, rowspan });
  }
  return rows;
}
