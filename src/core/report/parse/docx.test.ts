import {
  AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType,
  type FileChild,
} from 'docx';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate.js';
import { reportOutline } from '../render/outline.js';
import type { TableView } from '../view.js';
import type { DocModel, GridRow } from './document.js';
import { hasErrors } from '../../findings.js';
import { docxToDocModel, parseReportDocx, readDocx } from './docx.js';

const pack = async (children: FileChild[], numbering?: ConstructorParameters<typeof Document>[0]['numbering']) =>
  new Uint8Array(await Packer.toBuffer(new Document({ numbering, sections: [{ children }] })));

const tables = (doc: DocModel) => doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
const paragraphs = (doc: DocModel) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const simple = (rows: readonly GridRow[]) => rows.map((r) => r.map((c) => ({ text: c.text, colspan: c.colspan, rowspan: c.rowspan })));

/** A TableView as a Word table with the official spans (rowSpan/columnSpan, as a DOCX renderer writes them). */
function viewTable(view: TableView): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [...view.head, ...view.bodies.flat()].map((row) => new TableRow({
      children: row.cells.map((cell) => new TableCell({
        columnSpan: cell.colspan,
        rowSpan: cell.rowspan,
        children: cell.lines.map((line) => new Paragraph({ children: [new TextRun(line)] })),
      })),
    })),
  });
}

/** A report as a DOCX: title lines, headings and paragraphs, the tables with their spans. */
async function reportDocx(seed: number, format: '2021' | '2019') {
  const report = generateReport({ seed, format, scale: 60 });
  const outline = reportOutline(report);
  const children: FileChild[] = outline.titleLines.map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(line)] }));
  for (const b of outline.blocks) children.push(b.kind === 'table' ? viewTable(b.view) : new Paragraph({ children: [new TextRun(b.text)] }));
  return { report, outline, bytes: await pack(children) };
}

const viewGrid = (view: TableView) =>
  [...view.head, ...view.bodies.flat()].map((row) => row.cells.map((c) => ({ text: c.lines.join('\n'), colspan: c.colspan, rowspan: c.rowspan })));

describe('docxToDocModel', () => {
  it.each([[3, '2021'], [8, '2019'], [21, '2021']] as const)('reads back a generated report (seed %i, %s format): paragraphs in order, every table cell with its spans', async (seed, format) => {
    const { outline, bytes } = await reportDocx(seed, format);
    const doc = docxToDocModel(bytes);

    expect(doc.source).toBe('docx');
    expect(paragraphs(doc)).toEqual([...outline.titleLines, ...outline.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]))]);
    const views = outline.blocks.flatMap((b) => (b.kind === 'table' ? [b.view] : []));
    expect(tables(doc).map(simple)).toEqual(views.map(viewGrid));
    // body order: every table comes right after its section's text
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'table')).toHaveLength(3);
  });

  it.each([[4, '2021'], [9, '2019']] as const)('parseReportDocx gives back the values, agency and year of a generated report (seed %i, %s)', async (seed, format) => {
    const { report, bytes } = await reportDocx(seed, format);
    const result = parseReportDocx(bytes);
    expect(result.source).toBe('docx');
    expect(hasErrors(result.findings)).toBe(false);
    expect(result.report?.tables).toEqual(report.tables);
    expect([result.report?.format, result.report?.agency, result.report?.year]).toEqual([report.format, report.agency, report.year]);
  });

  it('parseReportDocx reports an unreadable file as PARSE-UNREADABLE with the reason', () => {
    const result = parseReportDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(result.report).toBeNull();
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['PARSE-UNREADABLE', 'error']]);
    expect(String(result.findings[0]!.params.reason)).toContain('另存为 .docx');
  });

  it('reads explicit vertical merges (restart/continue) and column spans', async () => {
    const cell = (text: string, opts: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...opts });
    const bytes = await pack([new Table({
      rows: [
        new TableRow({ children: [cell('三、本年度办理结果', { verticalMerge: VerticalMergeType.RESTART }), cell('（一）予以公开', { columnSpan: 2 }), cell('5')] }),
        new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('（三）不予公开', { verticalMerge: VerticalMergeType.RESTART }), cell('1.属于国家秘密'), cell('0')] }),
        new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('2.其他法律行政法规禁止公开'), cell('1')] }),
        new TableRow({ children: [cell('四、结转下年度继续办理', { columnSpan: 3 }), cell('0')] }),
      ],
    })]);
    expect(simple(tables(docxToDocModel(bytes))[0]!)).toEqual([
      [{ text: '三、本年度办理结果', colspan: 1, rowspan: 3 }, { text: '（一）予以公开', colspan: 2, rowspan: 1 }, { text: '5', colspan: 1, rowspan: 1 }],
      [{ text: '（三）不予公开', colspan: 1, rowspan: 2 }, { text: '1.属于国家秘密', colspan: 1, rowspan: 1 }, { text: '0', colspan: 1, rowspan: 1 }],
      [{ text: '2.其他法律行政法规禁止公开', colspan: 1, rowspan: 1 }, { text: '1', colspan: 1, rowspan: 1 }],
      [{ text: '四、结转下年度继续办理', colspan: 3, rowspan: 1 }, { text: '0', colspan: 1, rowspan: 1 }],
    ]);
  });

  it('restores automatic heading numbers (一、 / （一）) and keeps tabs and line breaks as spaces and new lines', async () => {
    const numbering = {
      config: [{
        reference: 'headings',
        levels: [
          { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
          { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
        ],
      }],
    };
    const h = (text: string, level: number) => new Paragraph({ numbering: { reference: 'headings', level }, children: [new TextRun(text)] });
    const bytes = await pack([
      h('总体情况', 0), h('主动公开情况', 1), h('依申请公开情况', 1), h('主动公开政府信息情况', 0),
      new Paragraph({ children: [new TextRun('收到申请'), new TextRun({ text: '17', break: 0 }), new TextRun({ children: ['\t', '件'] }), new TextRun({ text: '均已办结', break: 1 })] }),
    ], numbering);
    expect(paragraphs(docxToDocModel(bytes))).toEqual(['一、总体情况', '（一）主动公开情况', '（二）依申请公开情况', '二、主动公开政府信息情况', '收到申请17 件\n均已办结']);
  });

  it('unwraps a table that only frames the content and flattens a table nested in a cell into its text', async () => {
    const inner = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('规章')] }), new TableCell({ children: [new Paragraph('3')] })] })] });
    const framed = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('表二'), inner] })] })] });
    const nested = new Table({ rows: [new TableRow({ children: [
      new TableCell({ children: [new Paragraph('说明')] }),
      new TableCell({ children: [new Paragraph('见下表'), new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('甲')] }), new TableCell({ children: [new Paragraph('1')] })] })] })] }),
    ] })] });
    const doc = docxToDocModel(await pack([framed, nested]));
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '表二' },
      { kind: 'table', rows: [[{ text: '规章', colspan: 1, rowspan: 1 }, { text: '3', colspan: 1, rowspan: 1 }]] },
      { kind: 'table', rows: [[{ text: '说明', colspan: 1, rowspan: 1 }, { text: '见下表\n甲 1', colspan: 1, rowspan: 1 }]] },
    ]);
  });

  it('skips deleted revisions and field instructions, and finds the main part through [Content_Types].xml', () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>
      <w:p><w:r><w:t>本年</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del><w:ins><w:r><w:t xml:space="preserve">新收 </w:t></w:r></w:ins>
      <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>95</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>件&amp;</w:t></w:r></w:p>
    </w:body></w:document>`;
    const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const bytes = zipSync({ '[Content_Types].xml': strToU8(types), 'word/document2.xml': strToU8(xml) });
    expect(paragraphs(docxToDocModel(bytes))).toEqual(['本年新收 95件&']);
  });

  it.each([
    ['an empty file', new Uint8Array(0), '文件为空'],
    ['a legacy .doc (OLE)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), '旧版 .doc'],
    ['RTF', strToU8('{\\rtf1\\ansi 年度报告}'), 'RTF'],
    ['HTML saved as .doc', strToU8('<html><body>年度报告</body></html>'), '网页'],
    ['a PDF', strToU8('%PDF-1.7\n'), 'PDF'],
    ['plain text', strToU8('政府信息公开工作年度报告'), '不是有效的 .docx'],
    ['a zip without a document', zipSync({ 'a.txt': strToU8('x') }), 'word/document.xml'],
    ['a truncated zip', zipSync({ 'word/document.xml': strToU8('<w:document/>') }).subarray(0, 30), '已损坏'],
  ])('says why %s cannot be read, without throwing', (_, bytes, reason) => {
    const read = readDocx(bytes);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(reason);
    expect(docxToDocModel(bytes)).toEqual({ source: 'docx', blocks: [] });
  });

  it('never throws on mutated or truncated DOCX files', async () => {
    const report = generateReport({ seed: 5, format: '2021', scale: 10 });
    const outline = reportOutline(report);
    const bytes = await pack(outline.blocks.map((b) => (b.kind === 'table' ? viewTable(b.view) : new Paragraph(b.text))));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(bytes.length - 1), to: fc.integer({ min: 0, max: 255 }), count: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(bytes.length) }),
    );
    fc.assert(fc.property(mutation, (m) => {
      let b: Uint8Array = bytes.slice();
      if (m.kind === 'cut') b = b.subarray(0, m.at);
      else for (let k = 0; k < m.count; k++) b[(m.at + k * 997) % b.length] = (m.to + k) & 0xff;
      const read = readDocx(b);
      expect(typeof read.ok).toBe('boolean');
      expect(Array.isArray(parseReportDocx(b).findings)).toBe(true);
    }), { numRuns: 300 });
  });
});
