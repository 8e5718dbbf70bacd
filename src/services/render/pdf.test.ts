import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../../test/support/browser.js';
import { isAppError } from '../../core/errors.js';
import { generateReport } from '../../core/report/generate.js';
import { specs } from '../../core/report/spec/index.js';
import { closePdfBrowser, renderReportPdf } from './pdf.js';

/** The text layer of each page, as pdf.js reads it (items in content order). */
async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = new URL('../../../node_modules/pdfjs-dist/', import.meta.url).pathname;
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes), cMapUrl: `${root}cmaps/`, cMapPacked: true, standardFontDataUrl: `${root}standard_fonts/`,
    isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

afterAll(() => closePdfBrowser());

describe('renderReportPdf', () => {
  it('prints an A4 PDF whose text layer has the title, headings, every table label and the page numbers', async () => {
    const report = generateReport({ seed: 8, format: '2021', scale: 60 });
    const bytes = await renderReportPdf(report, { chromiumPath });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = await pdfText(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('').replace(/\s+/g, '');
    expect(all).toContain(report.agency!);
    for (const s of specs['2021'].sections) expect(all).toContain(`${s.number}、${s.heading}`);
    const spec = specs['2021'];
    for (const table of Object.values(spec.tables)) {
      for (const r of table.rows) expect(all).toContain(r.label.replace(/\s+/g, ''));
      for (const c of table.columns) for (const g of c.groups ?? []) expect(all).toContain(g);
    }
    expect(all).toContain('本年收费金额（单位：万元）');
    expect(all).toContain(spec.tables.table3.corner!);
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
    // The A4 media box, in points.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/MediaBox\s*\[\s*0 0 59[45]\.\d+ 841\.\d+\s*\]/);
    // The text layer has ideographs, not the radicals fonts share glyphs with (⼀ for 一, ⺠ for 民).
    expect(pages.join('')).not.toMatch(/[\u2e80-\u2fdf]/);
    // The cross-reference table still points at every object after the text layer was repaired.
    const xref = raw.slice(raw.lastIndexOf('\nxref\n'));
    const offsets = [...xref.matchAll(/^(\d{10}) \d{5} n/gm)].map((m) => Number(m[1]));
    expect(offsets.length).toBeGreaterThan(50);
    offsets.forEach((offset, i) => expect(raw.slice(offset, offset + 12)).toMatch(new RegExp(`^${i + 1} 0 obj`)));
    expect(Number(/startxref\s+(\d+)/.exec(raw)![1])).toBe(raw.lastIndexOf('\nxref\n') + 1);
  });

  it('reuses one browser: a second and concurrent documents come out as well', async () => {
    const reports = [1, 2, 3].map((seed) => generateReport({ seed, format: '2019' }));
    const pdfs = await Promise.all(reports.map((r) => renderReportPdf(r, { chromiumPath })));
    for (const [i, pdf] of pdfs.entries()) {
      const text = (await pdfText(pdf)).join('').replace(/\s+/g, '');
      expect(text).toContain(reports[i]!.agency!);
      expect(text).toContain('第二十条第（九）项');
    }
  });

  it('fails with RENDER_FAILED and a Chinese reason when Chromium is missing', async () => {
    const err = await renderReportPdf(generateReport({ seed: 1 }), { chromiumPath: '/nonexistent/chromium' }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('RENDER_FAILED');
    expect(isAppError(err) && err.params).toMatchObject({ target: 'PDF' });
    expect(isAppError(err) && String(err.params.reason)).toContain('未找到 Chromium');
  });
});
