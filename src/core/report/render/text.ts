/**
 * The flattened text form, as crawlers and copy-paste produce it and as the seed
 * (../shared/seed/liangping-zwfwb-2024.txt) shows: title lines, the prose, and each table with
 * every cell on its own line followed by " |"; the last cell of a row is followed by one "|" per
 * grid cell the row lacks (merged cells), except in a table's last row. Labels are printed with
 * half-width punctuation (NFKC), as in the seed; prose is printed as written.
 */
import type { ReportValues } from '../values.js';
import type { TableView, ViewCell } from '../view.js';
import { reportOutline } from './outline.js';

export interface TextOptions {
  /** Print labels with half-width punctuation as in the seed (default true). */
  readonly halfWidth?: boolean;
}

const labelCache = new Map<string, string>();

function printLabel(cell: ViewCell, halfWidth: boolean): string {
  if (cell.kind === 'value') return cell.text;
  const key = cell.lines.join('\n');
  let out = halfWidth ? labelCache.get(key) : undefined;
  if (out === undefined) {
    out = cell.lines.join(' ');
    if (halfWidth) {
      out = out.normalize('NFKC');
      labelCache.set(key, out);
    }
  }
  return out;
}

/** The lines of one table in the flattened form. */
export function tableToTextLines(view: TableView, opts: TextOptions = {}): string[] {
  const halfWidth = opts.halfWidth ?? true;
  const rows = [...view.head, ...view.bodies.flat()];
  const lines: string[] = [];
  rows.forEach((row, r) => {
    const last = row.cells.length - 1;
    row.cells.forEach((cell, c) => {
      const text = printLabel(cell, halfWidth);
      const missing = view.width - row.cells.length;
      lines.push(c === last && r < rows.length - 1 && missing > 0 ? `${text} | ${'|'.repeat(missing)}` : `${text} |`);
    });
  });
  return lines;
}

export function renderReportText(report: ReportValues, opts: TextOptions = {}): string {
  const outline = reportOutline(report);
  const lines: string[] = [...outline.titleLines];
  for (const block of outline.blocks) {
    if (block.kind === 'table') {
      for (const line of tableToTextLines(block.view, opts)) lines.push(line);
    } else {
      lines.push(block.text);
    }
  }
  return lines.join('\n');
}
