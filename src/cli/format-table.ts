/**
 * A TableView for the terminal: the caption, then aligned lines — column labels on top, row labels
 * on the left (indented under their spanning groups), numbers right-aligned. Marked cells carry ✗
 * (error) or ! (warning), in colour when the output is a terminal. Table 四's single row of 15 cells
 * prints as one line per group (行政复议, 未经复议直接起诉, 复议后起诉); table 二 one block per 第二十条 item.
 */
import type { TableView, ViewCell } from '../core/report/view.js';
import { expandTableView } from '../core/report/view.js';
import { displayWidth, padEnd, padStart, truncate } from './format-width.js';

export interface TerminalStyle {
  /** ANSI colours (only when writing to a terminal). */
  readonly color: boolean;
  /** Longest row label, in columns, before it is cut with …. */
  readonly labelWidth?: number;
}

export const markSymbols = { error: '✗', warning: '!' } as const;

const ansi = { bold: '\u001b[1m', red: '\u001b[31m', yellow: '\u001b[33m', dim: '\u001b[2m', reset: '\u001b[0m' } as const;
export const paint = (style: TerminalStyle, code: keyof typeof ansi, text: string): string => (style.color ? `${ansi[code]}${text}${ansi.reset}` : text);

interface Line {
  readonly indent: number;
  readonly label: string;
  /** null: a heading line (a spanning row group or block), no values. */
  readonly cells: readonly ViewCell[] | null;
}

interface Segment {
  readonly header: readonly string[];
  readonly lines: readonly Line[];
}

const isHeader = (c: ViewCell) => c.kind === 'corner' || c.kind === 'group' || c.kind === 'column';
const uniqueCells = (row: readonly ViewCell[]) => row.filter((c, i) => i === 0 || c !== row[i - 1]);

/** Splits the view into runs of rows that share one column header. */
function segmentsOf(view: TableView): Segment[] {
  const grid = expandTableView(view);
  const headCount = view.head.length;
  const head = grid.slice(0, headCount);
  const leaf = head[headCount - 1] ?? [];
  const segments: Segment[] = [];
  let header: string[] = leaf.filter((c) => c.kind === 'column').filter((c, i, all) => i === 0 || c !== all[i - 1]).map((c) => c.text);
  let lines: Line[] = [];
  const flush = () => {
    if (lines.length) segments.push({ header, lines });
    lines = [];
  };
  grid.slice(headCount).forEach((row, i) => {
    const r = headCount + i;
    const cells = uniqueCells(row);
    const block = cells.find((c) => c.kind === 'block');
    if (block) {
      flush();
      lines.push({ indent: 0, label: block.text, cells: null });
      return;
    }
    if (cells.every(isHeader)) {
      if (lines.some((l) => l.cells)) flush();
      header = cells.filter((c) => c.kind === 'column').map((c) => c.text);
      return;
    }
    row.forEach((cell, c) => {
      if (cell.kind === 'rowGroup' && grid[r - 1]?.[c] !== cell) lines.push({ indent: c, label: cell.text, cells: null });
    });
    const labelAt = row.findIndex((c) => c.kind === 'row');
    const values = cells.filter((c) => c.kind === 'value');
    if (labelAt >= 0) lines.push({ indent: labelAt, label: row[labelAt]!.text, cells: values });
    else {
      const pivot = pivotByGroup(head, row, values);
      header = pivot.header;
      lines.push(...pivot.lines);
    }
  });
  flush();
  return segments;
}

/** A row without a label (table 四): one line per column group, labelled by the group path. */
function pivotByGroup(head: readonly (readonly ViewCell[])[], row: readonly ViewCell[], values: readonly ViewCell[]): { header: string[]; lines: Line[] } {
  const out: { label: string; cells: ViewCell[]; header: string[] }[] = [];
  for (const value of values) {
    const c = row.indexOf(value);
    const path = uniqueCells(head.map((h) => h[c]!)).filter((h) => h.kind === 'group').map((h) => h.text);
    const label = path.join(' ');
    const last = out[out.length - 1];
    const leaf = head[head.length - 1]?.[c]?.text ?? '';
    if (last && last.label === label) {
      last.cells.push(value);
      last.header.push(leaf);
    } else out.push({ label, cells: [value], header: [leaf] });
  }
  return { header: out[0]?.header ?? [], lines: out.map((l) => ({ indent: 0, label: l.label, cells: l.cells })) };
}

function valueText(cell: ViewCell, style: TerminalStyle): string {
  if (!cell.mark) return cell.text;
  const text = `${cell.text}${markSymbols[cell.mark]}`;
  return paint(style, cell.mark === 'error' ? 'red' : 'yellow', text);
}

function formatSegment(segment: Segment, style: TerminalStyle): string[] {
  const maxLabel = style.labelWidth ?? 34;
  const labels = segment.lines.map((l) => `${'  '.repeat(l.indent)}${l.label}`);
  const labelWidth = Math.min(maxLabel, Math.max(0, ...labels.map((l, i) => (segment.lines[i]!.cells ? displayWidth(l) : 0))));
  // a group line's values are the header's width, even when the pivot labels are longer
  const valueCount = Math.max(segment.header.length, ...segment.lines.map((l) => l.cells?.length ?? 0));
  const widths = Array.from({ length: valueCount }, (_, c) =>
    Math.max(displayWidth(segment.header[c] ?? ''), ...segment.lines.map((l) => (l.cells?.[c] ? displayWidth(valueText(l.cells[c]!, { color: false })) : 0)), 1),
  );
  const gap = '  ';
  const out: string[] = [];
  // headings before the first row of numbers (table 二's 第二十条 item) come above the column labels
  const lead = Math.max(0, segment.lines.findIndex((l) => l.cells !== null));
  out.push(...labels.slice(0, lead));
  if (segment.header.length) {
    out.push(paint(style, 'dim', `${padEnd('', labelWidth)}${gap}${segment.header.map((h, c) => padStart(h, widths[c]!)).join(gap)}`));
  }
  segment.lines.forEach((line, i) => {
    if (i < lead) return;
    const label = labels[i]!;
    if (!line.cells) {
      out.push(label);
      return;
    }
    const cells = line.cells.map((cell, c) => padStart(valueText(cell, style), widths[c]!));
    out.push(`${padEnd(truncate(label, labelWidth), labelWidth)}${gap}${cells.join(gap)}`.trimEnd());
  });
  return out;
}

/** The table as terminal lines (no trailing newline). */
export function formatTableView(view: TableView, style: TerminalStyle): string[] {
  const out = [paint(style, 'bold', view.caption)];
  for (const segment of segmentsOf(view)) out.push(...formatSegment(segment, style));
  return out;
}
