/**
 * Property: random consistent reports survive render → parse unchanged, for every renderer that
 * has a reader (flattened text, HTML, Markdown, JSON, DOCX, PDF). Compared: format, agency, year,
 * every table cell, the statistical period (the renderers state it in an opening paragraph, as
 * official reports do) and the six sections — key, heading and text, whitespace normalised (no
 * table caption or corner note may leak into them); reading our own output must not produce an
 * error-level finding.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './support/browser.js';
import { generateReport } from '../src/core/report/generate.js';
import { reportFromJson } from '../src/core/report/json.js';
import type { ReportJson } from '../src/core/report/json.js';
import { docxToDocModel } from '../src/core/report/parse/docx.js';
import { parseDocModel, parseReportHtml, parseReportMarkdown, parseReportText } from '../src/core/report/parse/index.js';
import { pdfToDocModel } from '../src/core/report/parse/pdf.js';
import type { ParseResult } from '../src/core/report/parse/index.js';
import { renderReport } from '../src/core/report/render/index.js';
import type { FormatId } from '../src/core/report/spec/index.js';
import type { ReportValues } from '../src/core/report/values.js';
import { extractPdfPages } from '../src/services/documents/pdf-extract.js';
import { closePdfBrowser, renderReportDocx, renderReportPdf } from '../src/services/render/index.js';

type Reader = (report: ReportValues) => ParseResult | Promise<ParseResult>;

/** Renderer → reader, with the number of random reports to try (PDF goes through Chromium). */
const readers: [string, Reader, number][] = [
  ['txt', (r) => parseReportText(renderReport(r, 'txt')), 120],
  ['html', (r) => parseReportHtml(renderReport(r, 'html')), 120],
  ['md', (r) => parseReportMarkdown(renderReport(r, 'md')), 120],
  ['json', (r) => ({ report: reportFromJson(JSON.parse(renderReport(r, 'json')) as ReportJson), findings: [], source: 'text' }), 120],
  ['docx', async (r) => parseDocModel(docxToDocModel(await renderReportDocx(r))), 40],
  ['pdf', async (r) => parseDocModel(pdfToDocModel(await extractPdfPages(await renderReportPdf(r, { chromiumPath })))), 8],
];

afterAll(() => closePdfBrowser());

const reports = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  format: fc.constantFrom<FormatId>('2021', '2019'),
  scale: fc.constantFrom(0, 1, 3, 10, 60, 400, 5000),
}).map((o) => generateReport(o));

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
const essentials = (r: ReportValues | null) => r && {
  format: r.format, agency: r.agency, year: r.year, tables: r.tables, period: r.period,
  sections: r.sections.map((s) => ({ key: s.key, heading: squeeze(s.heading), text: squeeze(s.text) })),
};

describe('render → parse round trip', () => {
  it.each(readers)('%s: random consistent reports read back unchanged', async (_to, read, numRuns) => {
    await fc.assert(
      fc.asyncProperty(reports, async (report) => {
        const { report: back, findings } = await read(report);
        expect(essentials(back)).toEqual(essentials(report));
        expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns },
    );
  }, 120_000);
});
