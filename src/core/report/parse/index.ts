/**
 * Reading published annual reports: text, HTML and Markdown here (DOCX and PDF in docx.ts and
 * pdf.ts) → DocModel → ReportValues + Finding[]. Pure; never throws on bad input (a failure
 * inside a reader is itself reported as PARSE-UNREADABLE).
 */
import type { Finding } from '../../findings.js';
import { finding } from '../../findings.js';
import type { ReportValues } from '../values.js';
import { assembleReport } from './assemble.js';
import type { DocModel } from './document.js';
import { readHtmlDocument } from './html.js';
import { readMarkdownDocument } from './markdown.js';
import { CELL_END, ROW_START } from './normalize.js';
import { readTextDocument } from './text.js';

export type { DocModel } from './document.js';
export { readHtmlDocument } from './html.js';
export { readMarkdownDocument } from './markdown.js';
export { readTextDocument } from './text.js';

export interface ParseResult {
  readonly report: ReportValues | null;
  readonly findings: Finding[];
  readonly source: DocModel['source'];
}

function guarded(source: DocModel['source'], read: () => DocModel): ParseResult {
  try {
    return parseDocModel(read());
  } catch (err) {
    // A reader bug must not take the checker down with it: report it as an unreadable document.
    const reason = err instanceof Error ? err.message : String(err);
    return { report: null, findings: [finding('PARSE-UNREADABLE', 'error', {}, { reason })], source };
  }
}

/** A DocModel (from any reader) → the report and the findings about reading it. */
export function parseDocModel(doc: DocModel): ParseResult {
  try {
    const { report, findings } = assembleReport(doc);
    return { report, findings, source: doc.source };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { report: null, findings: [finding('PARSE-UNREADABLE', 'error', {}, { reason })], source: doc.source };
  }
}

/** The stream's cell/row marker characters must not come from the input. */
const clean = (input: string) =>
  input.includes(CELL_END) || input.includes(ROW_START) ? input.replaceAll(CELL_END, ' ').replaceAll(ROW_START, ' ') : input;

/** Plain text: the seed's flattened tables, crawler dumps (cells run together), pasted text. */
export function parseReportText(text: string): ParseResult {
  return guarded('text', () => readTextDocument(clean(text)));
}

/** An HTML page as published (page chrome around the report is tolerated). */
export function parseReportHtml(html: string): ParseResult {
  return guarded('html', () => readHtmlDocument(clean(html)));
}

/** Markdown with pipe tables. */
export function parseReportMarkdown(md: string): ParseResult {
  return guarded('markdown', () => readMarkdownDocument(clean(md)));
}
