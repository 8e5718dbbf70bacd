/**
 * HTML: a complete printable, accessible document (renderReportHtml) and the tables-and-prose
 * fragment the portal embeds (renderReportBody). Every table is a semantic <table> with <caption>,
 * <thead> and the official spans; every value cell names its row and column headers through
 * `headers`, so screen readers announce both. Print CSS: A4, GB/T 9704-like margins, 仿宋/黑体.
 */
import type { ReportValues } from '../values.js';
import type { TableView, ViewCell } from '../view.js';
import { reportOutline, reportTitleLines } from './outline.js';
import type { ReportMarks } from './outline.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => (/[&<>"']/.test(s) ? s.replace(/[&<>"']/g, (c) => entities[c] ?? c) : s);

export interface HtmlTableOptions {
  /** Prefix of element ids, for pages that show several reports. */
  readonly idPrefix?: string;
}

const markText = { error: '（有错误）', warning: '（有警告）' } as const;
const hidden = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';

const scopes: Record<Exclude<ViewCell['kind'], 'value'>, string> = {
  corner: 'col', group: 'colgroup', column: 'col', block: 'colgroup', rowGroup: 'rowgroup', row: 'row',
};

function spanAttrs(cell: ViewCell): string {
  return (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '');
}

/**
 * Header cells are shared by every view of a spec and a value cell's `headers` list too: their HTML
 * is cached per id base, so a report costs little more than its values.
 */
const headerCache = new WeakMap<object, Map<string, string>>();
function cached(key: object, base: string, make: () => string): string {
  let byBase = headerCache.get(key);
  if (!byBase) headerCache.set(key, (byBase = new Map()));
  let html = byBase.get(base);
  if (html === undefined) byBase.set(base, (html = make()));
  return html;
}

function cellHtml(cell: ViewCell, base: string): string {
  if (cell.kind === 'value') {
    // The opening tag up to the class depends only on the cell's place: cached with its headers list.
    const open = (make: () => string) => (cell.headers ? cached(cell.headers, base, make) : make());
    const start = open(() => {
      const headers = cell.headers?.length ? ` headers="${cell.headers.map((h) => `${base}-${h}`).join(' ')}"` : '';
      return `<td${headers}${spanAttrs(cell)} data-cell="${escapeHtml(`${cell.row}:${cell.column}`)}"`;
    });
    if (!cell.mark) return `${start}>${escapeHtml(cell.text)}</td>`;
    return `${start} class="flag-${cell.mark}">${escapeHtml(cell.text)}<span style="${hidden}">${markText[cell.mark]}</span></td>`;
  }
  return cached(cell, base, () => {
    const id = cell.id ? ` id="${base}-${cell.id}"` : '';
    return `<th${id} scope="${scopes[cell.kind as Exclude<ViewCell['kind'], 'value'>]}"${spanAttrs(cell)}>${escapeHtml(cell.text)}</th>`;
  });
}

/** One table as a semantic HTML <table class="report-table">. */
export function renderTableHtml(view: TableView, opts: HtmlTableOptions = {}): string {
  const base = `${opts.idPrefix ?? ''}${view.id.replace('table', 't')}`;
  const rows = (list: readonly { readonly cells: readonly ViewCell[] }[]) =>
    list.map((row) => `<tr>${row.cells.map((c) => cellHtml(c, base)).join('')}</tr>`).join('\n');
  const parts = [`<table class="report-table" id="${base}">`, `<caption id="${base}-caption">${escapeHtml(view.caption)}</caption>`];
  if (view.head.length) parts.push(`<thead>\n${rows(view.head)}\n</thead>`);
  for (const body of view.bodies) parts.push(`<tbody>\n${rows(body)}\n</tbody>`);
  parts.push('</table>');
  // A scrollable region must be reachable by keyboard (narrow screens scroll wide tables).
  return `<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${base}-caption">${parts.join('\n')}</div>`;
}

/** Title, prose and tables as an HTML fragment (no <html>/<head>), for embedding in portal pages. */
export function renderReportBody(report: ReportValues, marks?: ReportMarks, opts: HtmlTableOptions = {}): string {
  const outline = reportOutline(report, marks);
  const parts = [`<h1 class="report-title">${outline.titleLines.map(escapeHtml).join('<br>')}</h1>`];
  for (const block of outline.blocks) {
    if (block.kind === 'heading') parts.push(`<h2>${escapeHtml(block.text)}</h2>`);
    else if (block.kind === 'paragraph') parts.push(`<p>${escapeHtml(block.text)}</p>`);
    else parts.push(renderTableHtml(block.view, opts));
  }
  return parts.join('\n');
}

/** Fonts of official documents (GB/T 9704), with fallbacks available on Linux servers. */
export const reportFonts = {
  title: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "小标宋", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif',
  heading: '"黑体", "SimHei", "Heiti SC", "STHeiti", "Noto Sans CJK SC", sans-serif',
  body: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  table: '"宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", serif',
} as const;

/** Print stylesheet: A4; margins top 37mm, bottom 35mm, left 28mm, right 26mm; page numbers "— 1 —". */
export const reportCss = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: ${reportFonts.table}; font-size: 14pt; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 156mm; padding: 12mm 0; font-family: ${reportFonts.body}; font-size: 16pt; line-height: 28pt; color: #000; background: #fff; }
.report-title { font-family: ${reportFonts.title}; font-size: 22pt; line-height: 1.5; font-weight: normal; text-align: center; margin: 0 0 28pt; }
h2 { font-family: ${reportFonts.heading}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; break-after: avoid; page-break-after: avoid; }
p { margin: 0; text-indent: 2em; text-align: justify; }
.table-scroll { overflow-x: auto; margin: 6pt 0 14pt; }
table.report-table { border-collapse: collapse; width: 100%; font-family: ${reportFonts.table}; font-size: 10.5pt; line-height: 1.35; page-break-inside: auto; }
table.report-table caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table.report-table th, table.report-table td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: middle; }
table.report-table th { font-weight: normal; text-align: center; background: #ededed; }
table.report-table th[scope="row"], table.report-table th[scope="rowgroup"] { text-align: left; background: #fff; }
table.report-table td { text-align: center; font-variant-numeric: tabular-nums; min-width: 2.5em; }
table.report-table td.flag-error { background: #ffe1e3; outline: 2px solid #a40e26; outline-offset: -2px; }
table.report-table td.flag-warning { background: #fff4d6; }
table.report-table thead { display: table-header-group; }
table.report-table tr { page-break-inside: avoid; break-inside: avoid; }
@media print { body { max-width: none; padding: 0; } .table-scroll { overflow: visible; } }
`;

export interface HtmlDocumentOptions extends HtmlTableOptions {
  readonly marks?: ReportMarks;
}

/** A complete, printable HTML document of the report. */
export function renderReportHtml(report: ReportValues, opts: HtmlDocumentOptions = {}): string {
  const title = reportTitleLines(report).join('');
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="gongkai">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${reportCss}</style>`,
    '</head>',
    '<body>',
    '<main class="report-document">',
    renderReportBody(report, opts.marks, opts),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
