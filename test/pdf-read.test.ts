/**
 * The PDF reader end to end: bytes → extractPdfPages (pdf.js) → pdfToDocModel. On the real
 * hongze-2024.pdf of the corpus (the project's copy, test/fixtures/shared), on PDFs that Chromium prints from our own
 * HTML renderer (live, and the committed fixtures of test/fixtures/reports/pdf), and on bad files.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../src/core/errors.js';
import { hasErrors } from '../src/core/findings.js';
import type { TablesJson } from '../src/core/report/json.js';
import { tablesFromJson } from '../src/core/report/json.js';
import { generateReport } from '../src/core/report/generate.js';
import type { DocModel, GridRow } from '../src/core/report/parse/document.js';
import { parseReportPdf, pdfToDocModel } from '../src/core/report/parse/pdf.js';
import { renderReportHtml } from '../src/core/report/render/index.js';
import { reportOutline } from '../src/core/report/render/outline.js';
import { specFor } from '../src/core/report/spec/index.js';
import type { FormatId } from '../src/core/report/spec/index.js';
import type { ReportValues } from '../src/core/report/values.js';
import type { TableView } from '../src/core/report/view.js';
import { extractPdfPages } from '../src/services/documents/pdf-extract.js';
import { launchBrowser } from './support/browser.js';
import { borderlessCss, oneFontCss, printHtmlToPdf, tablesAcrossPagesCss } from './support/print-pdf.js';
import { sharedCopy } from './support/shared.js';

const fixtures = fileURLToPath(new URL('./fixtures/reports/pdf/', import.meta.url));

const tables = (doc: DocModel) => doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
const paragraphs = (doc: DocModel) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const squeeze = (s: string) => s.replace(/\s+/g, '');
const numeric = /^-?\d+(?:\.\d+)?$/;
const value = (s: string) => (numeric.test(squeeze(s)) ? Number(squeeze(s)) : null);

/** The rows of a grid that end in `n` value cells, at least one of them a number: their values. */
function valueRows(rows: readonly GridRow[], n: number): (number | null)[][] {
  return rows
    .filter((r) => r.length >= n && r.slice(-n).every((c) => c.colspan === 1 && (c.text.trim() === '' || numeric.test(squeeze(c.text)))) && r.slice(-n).some((c) => c.text.trim() !== ''))
    .map((r) => r.slice(-n).map((c) => value(c.text)));
}

/** The numbers of the table whose rows carry the most of them, per table-三 row. */
const table3Rows = (doc: DocModel) => tables(doc).map((t) => valueRows(t, 7)).sort((a, b) => b.length - a.length)[0] ?? [];
const printedRows = (report: Pick<ReportValues, 'format' | 'tables'>) =>
  specFor(report.format).tables.table3.rows.flatMap((r) => (report.tables.table3[r.key] ? [[...report.tables.table3[r.key]!]] : []));

/** A labelled row's numbers (table 二): the cells after the label. */
function labelled(doc: DocModel, label: string): (number | null)[] {
  for (const t of tables(doc)) for (const r of t) if (squeeze(r[0]?.text ?? '') === label) return r.slice(1).map((c) => value(c.text)).filter((v) => v !== null);
  return [];
}

async function read(bytes: Uint8Array): Promise<DocModel> {
  return pdfToDocModel(await extractPdfPages(bytes));
}

interface Truth {
  agency: string;
  year: number;
  format: FormatId;
  table2: TablesJson['table2'] & { regulations: number[]; normativeDocs: number[]; licensing: number; penalty: number; enforcement: number; feesWan: number };
  table3: { rows: Record<string, number[] | null> };
  table4: number[];
}

const hongze = [`${sharedCopy}corpus/`];

describe.each(hongze)('hongze-2024.pdf, the official PDF of a district government (corpus copy)', (corpus) => {
  const truth = JSON.parse(readFileSync(`${corpus}truth/hongze-2024.json`, 'utf8')) as Truth;
  let doc: DocModel;
  let pages: Awaited<ReturnType<typeof extractPdfPages>>;
  beforeAll(async () => {
    pages = await extractPdfPages(new Uint8Array(readFileSync(`${corpus}raw/hongze-2024.pdf`)));
    doc = pdfToDocModel(pages);
  });

  it('parses to the verified figures, agency and year, with no error finding', () => {
    const result = parseReportPdf(pages);
    expect(result.source).toBe('pdf');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(hasErrors(result.findings)).toBe(false);
    const report = result.report!;
    expect([report.format, report.agency, report.year]).toEqual([truth.format, truth.agency, truth.year]);
    expect(report.tables).toEqual(tablesFromJson(truth.format, { table2: truth.table2, table3: truth.table3.rows, table4: truth.table4 }));
  });

  it('reads every row of table 三 with its 7 numbers, in order (its single （六）其他处理 row included)', () => {
    const expected = Object.values(truth.table3.rows).filter((r): r is number[] => r !== null);
    expect(expected).toHaveLength(23);
    expect(table3Rows(doc)).toEqual(expected);
  });

  it('reads table 二 and the 15 numbers of table 四', () => {
    expect(labelled(doc, '规章')).toEqual(truth.table2.regulations);
    expect(labelled(doc, '行政规范性文件')).toEqual(truth.table2.normativeDocs);
    expect(labelled(doc, '行政许可')).toEqual([truth.table2.licensing]);
    expect(labelled(doc, '行政处罚')).toEqual([truth.table2.penalty]);
    expect(labelled(doc, '行政强制')).toEqual([truth.table2.enforcement]);
    expect(labelled(doc, '行政事业性收费')).toEqual([truth.table2.feesWan]);
    expect(tables(doc).flatMap((t) => valueRows(t, 15))).toEqual([truth.table4]);
  });

  it('joins table 三 across the page break into one table, its spanning labels extended', () => {
    const t3 = tables(doc).find((t) => valueRows(t, 7).length > 20)!;
    const labels = t3.flatMap((r) => r.filter((c) => c.rowspan > 1).map((c) => [squeeze(c.text), c.rowspan]));
    expect(labels).toContainEqual(['（四）无法提供', 3]);
    expect(labels).toContainEqual(['（五）不予处理', 5]);
    expect(labels).toContainEqual(['（三）不予公开', 8]);
  });

  it('rebuilds the prose: title with agency and year, the six section headings, no page numbers', () => {
    const ps = paragraphs(doc);
    expect(squeeze(ps[0]!)).toBe(`${truth.agency}${truth.year}年政府信息公开工作年度报告`);
    for (const h of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(ps).toContain(h);
    }
    expect(ps.filter((p) => /^[-\s\d]+$/.test(p))).toEqual([]);
    // a paragraph broken by the page break (pages 4→5) is one paragraph again
    expect(ps.some((p) => p.includes('答复书模板，使各行政机关答复的方式'))).toBe(true);
  });

  it('reads the same numbers without the ruling lines (alignment alone)', () => {
    const bare = pdfToDocModel(pages.map((p) => ({ ...p, lines: [] })));
    expect(table3Rows(bare)).toEqual(Object.values(truth.table3.rows).filter((r) => r !== null));
    expect(tables(bare).flatMap((t) => valueRows(t, 15))).toEqual([truth.table4]);
  });
});

/** Every cell of the view (text without line breaks, spans) as the grid should give it back. */
const viewGrid = (view: TableView) => [...view.head, ...view.bodies.flat()].map((r) => r.cells.map((c) => [squeeze(c.text), c.colspan, c.rowspan]));
const docGrid = (rows: readonly GridRow[]) => rows.map((r) => r.map((c) => [squeeze(c.text), c.colspan, c.rowspan]));

describe('PDFs printed by Chromium from our HTML renderer', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [7, '2021', ''],
    [12, '2019', ''],
    [13, '2021', tablesAcrossPagesCss],
    [14, '2019', `${oneFontCss} ${tablesAcrossPagesCss}`],
  ] as [number, FormatId, string][])('gives back every cell with its spans (seed %i, %s format, css %j)', async (seed, format, css) => {
    const report = generateReport({ seed, format, scale: 400 });
    const doc = await read(await printHtmlToPdf(browser, renderReportHtml(report), css));
    const views = reportOutline(report).blocks.flatMap((b) => (b.kind === 'table' ? [b.view] : []));
    expect(tables(doc).map(docGrid)).toEqual(views.map(viewGrid));
    expect(squeeze(paragraphs(doc)[0]!)).toBe(squeeze(report.title!));
  });

  it('parses a printed report back to its values with no error finding', async () => {
    const report = generateReport({ seed: 16, format: '2021', scale: 60 });
    const result = parseReportPdf(await extractPdfPages(await printHtmlToPdf(browser, renderReportHtml(report), tablesAcrossPagesCss)));
    expect(hasErrors(result.findings)).toBe(false);
    expect(result.report?.tables).toEqual(report.tables);
    expect([result.report?.agency, result.report?.year, result.report?.format]).toEqual([report.agency, report.year, report.format]);
  });

  it('gives back every number of a table printed without borders', async () => {
    const report = generateReport({ seed: 15, format: '2021', scale: 60 });
    // without the opening paragraph that states the period, table 三 stands on one page: one grid
    // (a borderless table broken across pages is two grids, which only the assembler joins)
    const doc = await read(await printHtmlToPdf(browser, renderReportHtml({ ...report, period: null }), borderlessCss));
    expect(table3Rows(doc)).toEqual(printedRows(report));
    expect(tables(doc).flatMap((t) => valueRows(t, 15))).toEqual([report.tables.table4.cases]);
    // with it, table 三 breaks across pages, and the report still reads back with its tables 三 and 四
    const whole = parseReportPdf(await extractPdfPages(await printHtmlToPdf(browser, renderReportHtml(report), borderlessCss))).report!;
    expect([whole.tables.table3, whole.tables.table4, whole.period]).toEqual([report.tables.table3, report.tables.table4, report.period]);
  });

  it('a PDF with no text (a scan) is unreadable with that reason', async () => {
    const bytes = await printHtmlToPdf(browser, '<!doctype html><html><body><div style="width:400px;height:600px;background:#888"></div></body></html>');
    const pages = await extractPdfPages(bytes);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p.items.length === 0)).toBe(true);
    expect(pdfToDocModel(pages).blocks).toEqual([]);
    const result = parseReportPdf(pages);
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['PARSE-UNREADABLE', 'error']]);
    expect(String(result.findings[0]!.params.reason)).toContain('扫描件');
  });
});

describe.each(['chromium-2021-across-pages', 'chromium-2019-borderless'])('committed fixture %s.pdf', (name) => {
  const { report } = JSON.parse(readFileSync(`${fixtures}${name}.json`, 'utf8')) as { report: ReportValues };
  it('parses back to the generated values with no error finding', async () => {
    const result = parseReportPdf(await extractPdfPages(new Uint8Array(readFileSync(`${fixtures}${name}.pdf`))));
    expect(hasErrors(result.findings)).toBe(false);
    expect(result.report?.tables).toEqual(report.tables);
    expect([result.report?.agency, result.report?.year, result.report?.format]).toEqual([report.agency, report.year, report.format]);
  });

  it('reads back the generated values of table 三 and table 四, and the title', async () => {
    const doc = await read(new Uint8Array(readFileSync(`${fixtures}${name}.pdf`)));
    expect(table3Rows(doc)).toEqual(printedRows(report));
    const t4 = Object.values(report.tables.table4)[0]!;
    expect(tables(doc).flatMap((t) => valueRows(t, 15))).toEqual([t4]);
    expect(squeeze(paragraphs(doc)[0]!)).toBe(squeeze(report.title!));
  });
});

/** A PDF whose standard security handler needs a user password (random O and U entries). */
function encryptedPdf(): Uint8Array {
  const hex = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) & 0xff).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16)}> <${hex(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('extractPdfPages on bad input', () => {
  const failure = async (bytes: Uint8Array) => {
    try {
      await extractPdfPages(bytes);
    } catch (e) {
      return isAppError(e) ? { code: e.code, reason: String(e.params.reason) } : { code: 'not an AppError', reason: String(e) };
    }
    return null;
  };

  it.each([
    ['an empty file', new Uint8Array(0), '文件为空'],
    ['text that is not a PDF', new TextEncoder().encode('政府信息公开工作年度报告'), '不是有效的 PDF'],
    ['an encrypted PDF', encryptedPdf(), '已加密'],
  ])('%s → FILE_UNREADABLE with the reason', async (_, bytes, reason) => {
    const f = await failure(bytes);
    expect(f?.code).toBe('FILE_UNREADABLE');
    expect(f?.reason).toContain(reason);
  });

  it('turns pages whose text runs sideways (/Rotate with upright content) back to reading order', async () => {
    const { report } = JSON.parse(readFileSync(`${fixtures}chromium-2021-across-pages.json`, 'utf8')) as { report: ReportValues };
    const latin1 = Buffer.from(readFileSync(`${fixtures}chromium-2021-across-pages.pdf`)).toString('latin1');
    const rotated = latin1.replace(/\/Type\s*\/Page\b(?!s)/g, '/Type /Page /Rotate 90');
    expect(rotated).not.toBe(latin1);
    const pages = await extractPdfPages(new Uint8Array(Buffer.from(rotated, 'latin1')));
    expect(pages[0]!.width).toBeLessThan(pages[0]!.height);
    expect(parseReportPdf(pages).report?.tables).toEqual(report.tables);
  });

  it('reads at most maxPages pages', async () => {
    const bytes = new Uint8Array(readFileSync(`${fixtures}chromium-2021-across-pages.pdf`));
    expect((await extractPdfPages(bytes)).length).toBeGreaterThan(2);
    expect(await extractPdfPages(bytes, { maxPages: 2 })).toHaveLength(2);
  });

  it('mutated or truncated PDFs either read or fail with FILE_UNREADABLE, and their pages never break the reader', async () => {
    const bytes = new Uint8Array(readFileSync(`${fixtures}chromium-2019-borderless.pdf`));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(bytes.length - 1), to: fc.integer({ min: 0, max: 255 }), count: fc.integer({ min: 1, max: 16 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(bytes.length) }),
    );
    await fc.assert(fc.asyncProperty(mutation, async (m) => {
      let b: Uint8Array = bytes.slice();
      if (m.kind === 'cut') b = b.subarray(0, m.at);
      else for (let k = 0; k < m.count; k++) b[(m.at + k * 7919) % b.length] = (m.to + k) & 0xff;
      const pages = await extractPdfPages(b).catch((e: unknown) => {
        expect(isAppError(e) && e.code).toBe('FILE_UNREADABLE');
        return [];
      });
      pdfToDocModel(pages);
      expect(Array.isArray(parseReportPdf(pages).findings)).toBe(true);
    }), { numRuns: 30 });
  });
});
