import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../test/support/browser.js';
import { generateReport } from '../../core/report/generate.js';
import { renderReportHtml } from '../../core/report/render/index.js';
import { cellKey } from '../../core/report/view.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface AxeResult { violations: { id: string; nodes: { html: string }[] }[]; passes: { id: string }[] }

describe('the HTML report in Chromium (axe-core)', () => {
  it.each(['2021', '2019'] as const)('%s: no accessibility violations; the table rules are checked and pass', async (format) => {
    const report = generateReport({ seed: 9, format, scale: 60 });
    const marks = { table3: new Map([[cellKey('total', 6), 'error' as const], [cellKey('granted', 1), 'warning' as const]]) };
    const page = await browser.newPage();
    try {
      await page.setContent(renderReportHtml(report, { marks }));
      await page.addScriptTag({ path: axePath });
      // Evaluated in the page (its window, document and axe), hence a string.
      const result = (await page.evaluate(
        'axe.run(document).then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ html: n.html })) })), passes: r.passes.map((p) => ({ id: p.id })) }))',
      )) as AxeResult;
      expect(result.violations).toEqual([]);
      const passed = result.passes.map((p) => p.id);
      for (const rule of ['td-headers-attr', 'th-has-data-cells', 'scope-attr-valid', 'html-has-lang', 'document-title', 'color-contrast']) expect(passed).toContain(rule);
      // Printing: A4 pages with the official margins (page box 210 × 297 mm).
      const pdf = await page.pdf({ preferCSSPageSize: true });
      expect(Buffer.from(pdf).toString('latin1')).toMatch(/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]/);
    } finally {
      await page.close();
    }
  });
});
