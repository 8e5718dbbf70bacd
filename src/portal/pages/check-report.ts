/**
 * Parts of the checker's result page: the findings list (each linked to the cell it marks, with
 * its location in words) and the report's tables with the offending cells marked, then its prose.
 */
import { findingBasis, type Finding } from '../../core/findings.js';
import { formatFinding, severityLabels } from '../../core/messages.zh-CN.js';
import { describeFindingLocation } from '../../core/report/check-labels.js';
import { renderTableHtml, reportMarksFromFindings, reportOutline } from '../../core/report/render/index.js';
import type { FormatId, TableId } from '../../core/report/spec/index.js';
import { specFor } from '../../core/report/spec/index.js';
import type { ReportValues } from '../../core/report/values.js';
import { rowColumns } from '../../core/report/values.js';
import { html, raw, type RawHtml } from '../layout.js';

/** Prefix of the report's element ids on the page (tables: r-t2, r-t3, r-t4). */
const ID_PREFIX = 'r-';

export const cellAnchor = (row: string, column: number): string => `cell-${row}-${column}`;

/** Gives every value cell an id (row keys are unique across a report's tables), so findings can link to it. */
function withCellIds(tableHtml: string): string {
  return tableHtml.replace(/<td([^>]*?) data-cell="([A-Za-z0-9_]+):(\d+)"/g, (_m, attrs: string, row: string, col: string) => `<td${attrs} id="${cellAnchor(row, Number(col))}" data-cell="${row}:${col}"`);
}

/** The page anchor a finding links to: its cell, the first cell of its row, or its table. */
export function findingAnchor(format: FormatId | null, f: Finding): string | null {
  const tableId = f.at.table as TableId | undefined;
  if (!format || !tableId || !['table2', 'table3', 'table4'].includes(tableId)) return null;
  const table = specFor(format).tables[tableId];
  if (f.at.row !== undefined && table.rows.some((r) => r.key === f.at.row)) {
    const column = f.at.column ?? 0;
    return column < rowColumns(table, f.at.row).length ? cellAnchor(f.at.row, column) : cellAnchor(f.at.row, 0);
  }
  if (f.at.column !== undefined && f.at.column < table.columns.length) return cellAnchor(table.rows[0]!.key, f.at.column);
  return `${ID_PREFIX}${tableId.replace('table', 't')}`;
}

export function renderFindingsList(format: FormatId | null, findings: readonly Finding[]): RawHtml {
  if (!findings.length) return html`<p>没有发现任何问题。</p>`;
  return html`<ol class="findings">
${findings.map((f) => {
    const where = describeFindingLocation(format, f.at);
    const anchor = findingAnchor(format, f);
    const place = where ? (anchor ? html`<a href="#${anchor}">${where}</a>` : html`${where}`) : null;
    const basis = findingBasis(f);
    return html`<li class="finding finding-${f.severity}">
  <span class="badge badge-${f.severity}">${severityLabels[f.severity]}</span>
  <span class="finding-message">${formatFinding(f)}</span>
  ${basis ? html`<span class="finding-basis">依据：${basis}</span>\n  ` : ''}<span class="finding-meta">${place ? html`位置：${place}\u3000` : ''}代码：<code>${f.code}</code></span>
</li>`;
  })}
</ol>`;
}

/** The tables (with their section headings) and, folded, the prose. */
export function renderReportTables(report: ReportValues, findings: readonly Finding[]): { tables: RawHtml; prose: RawHtml | null } {
  // the prose as read: no opening paragraph stating the period is added to it
  const outline = reportOutline(report, reportMarksFromFindings(report, findings), { statePeriod: false });
  const tables: RawHtml[] = [];
  const prose: RawHtml[] = [];
  let heading: string | null = null;
  for (const block of outline.blocks) {
    if (block.kind === 'heading') {
      heading = block.text;
      prose.push(html`<h3>${block.text}</h3>`);
    } else if (block.kind === 'paragraph') {
      prose.push(html`<p>${block.text}</p>`);
    } else {
      tables.push(html`<h3>${heading ?? block.view.title}</h3>
${raw(withCellIds(renderTableHtml(block.view, { idPrefix: ID_PREFIX })))}`);
    }
  }
  const hasProse = outline.blocks.some((b) => b.kind === 'paragraph');
  return { tables: html`${tables}`, prose: hasProse ? html`${prose}` : null };
}
