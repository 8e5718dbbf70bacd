/**
 * Property: random consistent reports survive render → parse unchanged, for every renderer that
 * has a reader (flattened text, HTML, Markdown, JSON, DOCX). Compared: format, agency, year and
 * every table cell; reading our own output must not produce an error-level finding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/core/report/generate.js';
import { reportFromJson } from '../src/core/report/json.js';
import type { ReportJson } from '../src/core/report/json.js';
import { parseReportHtml, parseReportMarkdown, parseReportText } from '../src/core/report/parse/index.js';
import type { ParseResult } from '../src/core/report/parse/index.js';
import { renderReport } from '../src/core/report/render/index.js';
import type { FormatId } from '../src/core/report/spec/index.js';
import type { ReportValues } from '../src/core/report/values.js';

type Reader = (report: ReportValues) => ParseResult | Promise<ParseResult>;

const readers: [string, Reader][] = [
  ['txt', (r) => parseReportText(renderReport(r, 'txt'))],
  ['html', (r) => parseReportHtml(renderReport(r, 'html'))],
  ['md', (r) => parseReportMarkdown(renderReport(r, 'md'))],
  ['json', (r) => ({ report: reportFromJson(JSON.parse(renderReport(r, 'json')) as ReportJson), findings: [], source: 'text' })],
];

const reports = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  format: fc.constantFrom<FormatId>('2021', '2019'),
  scale: fc.constantFrom(0, 1, 3, 10, 60, 400, 5000),
}).map((o) => generateReport(o));

const essentials = (r: ReportValues | null) => r && { format: r.format, agency: r.agency, year: r.year, tables: r.tables };

describe('render → parse round trip', () => {
  it.each(readers)('%s: random consistent reports read back unchanged', async (_to, read) => {
    await fc.assert(
      fc.asyncProperty(reports, async (report) => {
        const { report: back, findings } = await read(report);
        expect(essentials(back)).toEqual(essentials(report));
        expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 120 },
    );
  });
});
