/**
 * Writes the PDF fixtures of test/fixtures/reports/pdf/ (run once, results committed):
 *   node_modules/.bin/tsx test/support/make-pdf-fixtures.ts
 * Each fixture is a generated report rendered by our HTML renderer and printed by Chromium; the
 * JSON beside it holds the report's values, which the reader must give back.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateReport } from '../../src/core/report/generate.js';
import { renderReportHtml } from '../../src/core/report/render/index.js';
import { launchBrowser } from './browser.js';
import { borderlessCss, oneFontCss, printHtmlToPdf, tablesAcrossPagesCss } from './print-pdf.js';

export const pdfFixtures = [
  { name: 'chromium-2021-across-pages', seed: 31, format: '2021', css: `${oneFontCss} ${tablesAcrossPagesCss}` },
  { name: 'chromium-2019-borderless', seed: 32, format: '2019', css: `${oneFontCss} ${borderlessCss}` },
] as const;

const dir = fileURLToPath(new URL('../fixtures/reports/pdf/', import.meta.url));

async function main() {
  const browser = await launchBrowser();
  try {
    for (const f of pdfFixtures) {
      const report = generateReport({ seed: f.seed, format: f.format, scale: 60 });
      writeFileSync(`${dir}${f.name}.pdf`, await printHtmlToPdf(browser, renderReportHtml(report), f.css));
      writeFileSync(`${dir}${f.name}.json`, `${JSON.stringify({ generatedBy: 'test/support/make-pdf-fixtures.ts', seed: f.seed, css: f.css, report }, null, 1)}\n`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
