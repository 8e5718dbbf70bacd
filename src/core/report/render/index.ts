/**
 * Pure renderers of a report to text formats. Each renders the TableViews of view.ts and the
 * document outline of outline.ts; none holds layout of its own. DOCX and PDF live in
 * src/services/render (they need libraries with I/O).
 */
import { reportToJson } from '../json.js';
import type { ReportValues } from '../values.js';
import { renderReportHtml } from './html.js';
import type { ReportMarks } from './outline.js';
import { renderReportMarkdown } from './markdown.js';
import { renderReportText } from './text.js';

export type TextRenderTarget = 'html' | 'txt' | 'md' | 'json';
export const textRenderTargets: readonly TextRenderTarget[] = ['html', 'txt', 'md', 'json'];

export interface RenderOptions {
  /** html: marks on cells (from findings), shown as flag-error / flag-warning. */
  readonly marks?: ReportMarks;
  /** html: prefix of element ids. */
  readonly idPrefix?: string;
  /** txt: labels with half-width punctuation as in the seed (default true). */
  readonly halfWidth?: boolean;
  /** json: include the prose sections (default true). */
  readonly withSections?: boolean;
}

export function renderReport(report: ReportValues, to: TextRenderTarget, opts: RenderOptions = {}): string {
  switch (to) {
    case 'html':
      return renderReportHtml(report, opts);
    case 'txt':
      return renderReportText(report, opts);
    case 'md':
      return renderReportMarkdown(report);
    case 'json':
      return `${JSON.stringify(reportToJson(report, { withSections: opts.withSections ?? true }), null, 2)}\n`;
  }
}

export { renderReportBody, renderReportHtml, renderTableHtml, reportCss, reportFonts } from './html.js';
export type { HtmlDocumentOptions, HtmlTableOptions } from './html.js';
export { renderReportText, tableToTextLines } from './text.js';
export type { TextOptions } from './text.js';
export { renderReportMarkdown, renderTableMarkdown } from './markdown.js';
export { reportMarksFromFindings, reportOutline, reportTitleLines } from './outline.js';
export type { OutlineBlock, ReportMarks, ReportOutline } from './outline.js';
export { reportJsonSchema } from './json-schema.js';
