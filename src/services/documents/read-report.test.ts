import { existsSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../core/report/generate.js';
import { renderReport } from '../../core/report/render/index.js';
import { renderReportDocx } from '../render/docx.js';
import { decodeText, detectDocumentKind, readReport } from './read-report.js';
import { seedFile, sharedCopy } from '../../../test/support/shared.js';

const report = generateReport({ seed: 7, format: '2021', scale: 60 });
const utf8 = (s: string) => new TextEncoder().encode(s);

/** GBK bytes of a string, from a table built with the platform's own GB18030 decoder. */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

describe(readReport.name, () => {
  it('reads the seed text as UTF-8, and the same text encoded as GBK, to the same report', async () => {
    const text = existsSync(seedFile) ? readFileSync(seedFile, 'utf8') : renderReport(report, 'txt');
    const fromUtf8 = await readReport(utf8(text), { filename: 'report.txt' });
    const fromGbk = await readReport(encodeGbk(text), { filename: 'report.txt' });
    expect(fromUtf8.source).toBe('text');
    expect(fromUtf8.report).not.toBeNull();
    expect(fromGbk.report).toEqual(fromUtf8.report);
  });

  it('honours byte order marks (UTF-8 and UTF-16LE)', async () => {
    const text = renderReport(report, 'txt');
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const u16 = new Uint8Array(2 + text.length * 2);
    u16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      u16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      u16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    for (const bytes of [bom8, u16]) {
      const read = await readReport(bytes);
      expect(read.report?.tables).toEqual(report.tables);
      expect(read.report?.agency).toBe(report.agency);
    }
  });

  it('detects HTML and Markdown by content when the name says nothing or says .txt', async () => {
    const html = utf8(renderReport(report, 'html'));
    const md = utf8(renderReport(report, 'md'));
    expect(detectDocumentKind(html)).toBe('html');
    expect(detectDocumentKind(html, { filename: 'page.txt' })).toBe('html');
    expect(detectDocumentKind(md)).toBe('markdown');
    expect(detectDocumentKind(md, { mimeType: 'text/markdown' })).toBe('markdown');
    expect((await readReport(html)).source).toBe('html');
    expect((await readReport(html)).report?.tables).toEqual(report.tables);
    expect((await readReport(md, { filename: 'r.md' })).report?.tables).toEqual(report.tables);
  });

  it('delegates DOCX by its magic bytes even under a wrong name', async () => {
    const docx = await renderReportDocx(report);
    expect(detectDocumentKind(docx, { filename: 'report.txt' })).toBe('docx');
    const read = await readReport(docx, { filename: 'report.txt' });
    expect(read.source).toBe('docx');
    expect(read.report?.tables).toEqual(report.tables);
  });

  it('never throws: empty files, other ZIPs, damaged PDF/DOCX and random bytes become findings', async () => {
    const cases: [Uint8Array, string, string][] = [
      [new Uint8Array(), 'x.txt', 'PARSE-EMPTY'],
      [zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'book.xlsx', 'PARSE-UNREADABLE'],
      [utf8('%PDF-1.7\n1 0 obj garbage'), 'r.pdf', 'PARSE-UNREADABLE'],
      [zipSync({ 'word/other.xml': strToU8('<x/>') }), 'r.docx', 'PARSE-UNREADABLE'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'old.doc', 'PARSE-UNREADABLE'],
    ];
    for (const [bytes, filename, code] of cases) {
      const read = await readReport(bytes, { filename });
      expect(read.report, filename).toBeNull();
      expect(read.findings.map((f) => f.code), filename).toEqual([code]);
    }
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    await expect(readReport(noise)).resolves.toMatchObject({ report: null });
  });

  const hongze = `${sharedCopy}corpus/raw/hongze-2024.pdf`;
  it('reads the corpus PDF (hongze-2024) to its verified figures', async () => {
    const truth = JSON.parse(readFileSync(`${sharedCopy}corpus/truth/hongze-2024.json`, 'utf8')) as { table3: { rows: Record<string, unknown> }; table4: unknown };
    const read = await readReport(new Uint8Array(readFileSync(hongze)), { filename: 'hongze-2024.pdf' });
    expect(read.source).toBe('pdf');
    for (const [key, row] of Object.entries(truth.table3.rows)) expect(read.report!.tables.table3[key] ?? null, key).toEqual(row);
    expect(read.report!.tables.table4.cases).toEqual(truth.table4);
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 60_000);

  it('decodeText prefers valid UTF-8 and falls back to GB18030', () => {
    expect(decodeText(utf8('年度报告'))).toBe('年度报告');
    expect(decodeText(new Uint8Array([0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6]))).toBe('年度报告');
  });
});
