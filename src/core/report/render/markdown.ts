/**
 * Markdown: the title as `#`, section headings as `##`, paragraphs, and each table as a pipe table.
 * Markdown has no spans, so the grid is expanded: a cell merged down several rows is repeated in
 * each of them (三、本年度办理结果 on all its 22 rows), a cell merged across columns is printed in
 * the first and the others are left empty. The first header row of the form is the pipe table's
 * header row.
 */
import type { ReportValues } from '../values.js';
import { expandTableView } from '../view.js';
import type { TableView } from '../view.js';
import { reportOutline } from './outline.js';

const escapeCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** One table as a GitHub-flavoured Markdown pipe table. */
export function renderTableMarkdown(view: TableView): string {
  const grid = expandTableView(view);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines: string[] = [];
  grid.forEach((row, r) => {
    // A cell merged down rows is repeated in each row; one merged across columns is printed once,
    // in the first column it covers, the others left empty (repeating it would read as more cells).
    lines.push(line(row.map((c, i) => (i > 0 && row[i - 1] === c ? '' : escapeCell(c.text)))));
    if (r === 0) lines.push(line(row.map((c) => (c.kind === 'value' ? '---:' : ':---:'))));
  });
  return lines.join('\n');
}

export function renderReportMarkdown(report: ReportValues): string {
  const outline = reportOutline(report);
  const parts = [`# ${outline.title}`];
  for (const block of outline.blocks) {
    if (block.kind === 'heading') parts.push(`## ${block.text}`);
    else if (block.kind === 'paragraph') parts.push(escapeParagraph(block.text));
    else parts.push(renderTableMarkdown(block.view));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Keeps prose from being read as Markdown syntax (a leading #, -, 1. or |). */
function escapeParagraph(text: string): string {
  return text.replace(/^[#>|*+-]/, (m) => `\\${m}`).replace(/^(\d+)\./, '$1\\.');
}
