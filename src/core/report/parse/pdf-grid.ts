/**
 * Tables of a PDF page from its ruling lines: segments are merged, grouped into connected
 * frames, and each frame becomes a grid whose column/row boundaries are the distinct x/y of its
 * lines. Where a boundary is not drawn between two grid units, the units belong to one merged
 * cell (colspan/rowspan). Text runs are then dealt into the cells by their centre.
 */
import { groupLines, runMidX, runMidY, splitRunAt, type Run } from './pdf-text.js';

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A cell of a page table, in page coordinates (rows counted from the top of the table). */
export interface FrameCell {
  readonly row: number;
  readonly rowspan: number;
  readonly x0: number;
  readonly x1: number;
  text: string;
}

export interface PageTable {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** Column boundaries, ascending. */
  readonly xs: readonly number[];
  /** Row boundaries, top first (rowCount + 1 of them). */
  readonly ys: readonly number[];
  readonly rowCount: number;
  readonly cells: FrameCell[];
}

const snap = 2; // PDF units within which lines are the same line / touch
const minCoverage = 0.5;

interface HLine { y: number; x1: number; x2: number }
interface VLine { x: number; y1: number; y2: number }

function mergeCollinear<T>(items: T[], key: (t: T) => number, lo: (t: T) => number, hi: (t: T) => number, make: (k: number, a: number, b: number) => T): T[] {
  const sorted = [...items].sort((a, b) => key(a) - key(b) || lo(a) - lo(b));
  const rows: T[][] = [];
  for (const it of sorted) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(key(last[0]!) - key(it)) <= snap / 2) last.push(it);
    else rows.push([it]);
  }
  const out: T[] = [];
  for (const row of rows) {
    const k = row.reduce((s, t) => s + key(t), 0) / row.length;
    const spans = row.map((t) => [lo(t), hi(t)] as [number, number]).sort((a, b) => a[0] - b[0]);
    let [a, b] = spans[0]!;
    for (const [c, d] of spans.slice(1)) {
      if (c <= b + snap) b = Math.max(b, d);
      else {
        out.push(make(k, a, b));
        [a, b] = [c, d];
      }
    }
    out.push(make(k, a, b));
  }
  return out;
}

function clusterValues(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= snap) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** Connected frames of horizontal and vertical lines (lines touching within `snap`). */
function frames(h: HLine[], v: VLine[]): { h: HLine[]; v: VLine[] }[] {
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < h.length; i++) {
    const a = h[i]!;
    for (let j = 0; j < v.length; j++) {
      const b = v[j]!;
      if (b.x >= a.x1 - snap && b.x <= a.x2 + snap && a.y >= b.y1 - snap && a.y <= b.y2 + snap) parent[find(i)] = find(h.length + j);
    }
  }
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  const group = (i: number) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((line, i) => group(i).h.push(line));
  v.forEach((line, j) => group(h.length + j).v.push(line));
  return [...groups.values()];
}

/** Fraction of [a, b] covered by the given spans. */
function coverage(spans: [number, number][], a: number, b: number): number {
  if (b <= a) return 1;
  let covered = 0;
  let cursor = a;
  for (const [s, e] of [...spans].sort((p, q) => p[0] - q[0])) {
    const lo = Math.max(s, cursor), hi = Math.min(e, b);
    if (hi > lo) {
      covered += hi - lo;
      cursor = hi;
    }
  }
  return covered / (b - a);
}

function buildTable(f: { h: HLine[]; v: VLine[] }): PageTable | null {
  const xs = clusterValues(f.v.map((l) => l.x));
  const ysDesc = clusterValues(f.h.map((l) => l.y)).reverse();
  const cols = xs.length - 1, rows = ysDesc.length - 1;
  if (cols < 1 || rows < 1) return null;
  const vAt = (x: number) => f.v.filter((l) => Math.abs(l.x - x) <= snap).map((l) => [l.y1, l.y2] as [number, number]);
  const hAt = (y: number) => f.h.filter((l) => Math.abs(l.y - y) <= snap).map((l) => [l.x1, l.x2] as [number, number]);
  const vSpans = xs.map(vAt), hSpans = ysDesc.map(hAt);
  // union of grid units not separated by a drawn boundary
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const unite = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const top = ysDesc[r]!, bottom = ysDesc[r + 1]!;
      if (c + 1 < cols && coverage(vSpans[c + 1]!, bottom, top) < minCoverage) unite(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && coverage(hSpans[r + 1]!, xs[c]!, xs[c + 1]!) < minCoverage) unite(r * cols + c, (r + 1) * cols + c);
    }
  }
  const members = new Map<number, [number, number][]>();
  for (let i = 0; i < rows * cols; i++) {
    const root = find(i);
    const list = members.get(root) ?? [];
    list.push([Math.floor(i / cols), i % cols]);
    members.set(root, list);
  }
  const cells: FrameCell[] = [];
  for (const units of members.values()) {
    const r0 = Math.min(...units.map((u) => u[0])), r1 = Math.max(...units.map((u) => u[0]));
    const c0 = Math.min(...units.map((u) => u[1])), c1 = Math.max(...units.map((u) => u[1]));
    if (units.length === (r1 - r0 + 1) * (c1 - c0 + 1)) {
      cells.push({ row: r0, rowspan: r1 - r0 + 1, x0: xs[c0]!, x1: xs[c1 + 1]!, text: '' });
      continue;
    }
    // not a rectangle (a border missing in an odd place): one cell per row run
    for (let r = r0; r <= r1; r++) {
      const inRow = units.filter((u) => u[0] === r).map((u) => u[1]).sort((a, b) => a - b);
      let start = inRow[0];
      for (let k = 0; k < inRow.length; k++) {
        const c = inRow[k]!;
        if (k + 1 < inRow.length && inRow[k + 1] === c + 1) continue;
        cells.push({ row: r, rowspan: 1, x0: xs[start!]!, x1: xs[c + 1]!, text: '' });
        start = inRow[k + 1];
      }
    }
  }
  cells.sort((a, b) => a.row - b.row || a.x0 - b.x0);
  return { top: ysDesc[0]!, bottom: ysDesc[rows]!, left: xs[0]!, right: xs[cols]!, xs, ys: ysDesc, rowCount: rows, cells };
}

/** The tables drawn with ruling lines on a page (frames of at least 2×2 lines), top first. */
export function findRuledTables(segments: readonly Segment[]): PageTable[] {
  const h: HLine[] = [], v: VLine[] = [];
  for (const s of segments) {
    if (![s.x1, s.y1, s.x2, s.y2].every(Number.isFinite)) continue;
    if (Math.abs(s.y1 - s.y2) <= 1 && Math.abs(s.x2 - s.x1) > snap) h.push({ y: (s.y1 + s.y2) / 2, x1: Math.min(s.x1, s.x2), x2: Math.max(s.x1, s.x2) });
    else if (Math.abs(s.x1 - s.x2) <= 1 && Math.abs(s.y2 - s.y1) > snap) v.push({ x: (s.x1 + s.x2) / 2, y1: Math.min(s.y1, s.y2), y2: Math.max(s.y1, s.y2) });
  }
  const hm = mergeCollinear(h, (l) => l.y, (l) => l.x1, (l) => l.x2, (y, x1, x2) => ({ y, x1, x2 }));
  const vm = mergeCollinear(v, (l) => l.x, (l) => l.y1, (l) => l.y2, (x, y1, y2) => ({ x, y1, y2 }));
  const tables: PageTable[] = [];
  for (const f of frames(hm, vm)) {
    if (f.h.length < 2 || f.v.length < 2) continue;
    const t = buildTable(f);
    if (t && t.right - t.left > 10 && t.top - t.bottom > 5) tables.push(t);
  }
  return tables.sort((a, b) => b.top - a.top);
}

const inside = (t: PageTable, x: number, y: number) => x >= t.left - 1 && x <= t.right + 1 && y <= t.top + 1 && y >= t.bottom - 1;

/** Bottom and top y of a cell. */
const cellBounds = (t: PageTable, c: FrameCell): [number, number] => [t.ys[c.row + c.rowspan]!, t.ys[c.row]!];

/**
 * Deals the runs into the tables' cells (each cell's text: its lines joined by '\n') and returns
 * the runs that fall in no table.
 */
export function fillTables(tables: readonly PageTable[], runs: readonly Run[]): Run[] {
  const free: Run[] = [];
  const perCell = new Map<FrameCell, Run[]>();
  for (const run of runs) {
    const table = tables.find((t) => inside(t, runMidX(run), runMidY(run)));
    if (!table) {
      free.push(run);
      continue;
    }
    for (const piece of splitRunAt(run, table.xs)) {
      const x = runMidX(piece), y = runMidY(piece);
      const cell = table.cells.find((c) => {
        const [lo, hi] = cellBounds(table, c);
        return x >= c.x0 && x <= c.x1 && y >= lo && y <= hi;
      }) ?? nearestCell(table, x, y);
      if (!cell) continue;
      const list = perCell.get(cell) ?? [];
      list.push(piece);
      perCell.set(cell, list);
    }
  }
  for (const [cell, list] of perCell) cell.text = groupLines(list).map((l) => l.text).join('\n');
  return free;
}

function nearestCell(t: PageTable, x: number, y: number): FrameCell | undefined {
  let best: FrameCell | undefined;
  let bestD = Infinity;
  for (const c of t.cells) {
    const [lo, hi] = cellBounds(t, c);
    const dx = x < c.x0 ? c.x0 - x : x > c.x1 ? x - c.x1 : 0;
    const dy = y < lo ? lo - y : y > hi ? y - hi : 0;
    if (dx + dy < bestD) {
      best = c;
      bestD = dx + dy;
    }
  }
  return best;
}
