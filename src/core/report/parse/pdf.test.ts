import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocModel, GridRow, PdfPage, PdfTextItem } from './document.js';
import { parseReportPdf, pdfToDocModel } from './pdf.js';

type Line = { x1: number; y1: number; x2: number; y2: number };

/** A run of text of `size` points, every character one size wide (as CJK glyphs are). */
const t = (str: string, x: number, y: number, size = 10): PdfTextItem => ({ str, x, y, width: [...str].length * size, height: size });
const h = (y: number, x1: number, x2: number): Line => ({ x1, y1: y, x2, y2: y });
const v = (x: number, y1: number, y2: number): Line => ({ x1: x, y1, x2: x, y2 });
const page = (items: PdfTextItem[], lines: Line[] = []): PdfPage => ({ width: 595, height: 842, items, lines });

const tables = (doc: DocModel) => doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
const paragraphs = (doc: DocModel) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const grid = (rows: readonly GridRow[]) => rows.map((r) => r.map((c) => `${c.text}${c.colspan > 1 ? `/c${c.colspan}` : ''}${c.rowspan > 1 ? `/r${c.rowspan}` : ''}`));

describe('pdfToDocModel: ruled tables', () => {
  // columns at x 100 | 200 | 250 | 300; rows at y 700 | 680 | 660 | 640
  const frame = [h(700, 100, 300), h(680, 100, 300), h(660, 200, 300), h(640, 100, 300), v(100, 640, 700), v(200, 640, 700), v(250, 640, 680), v(300, 640, 700)];

  it('turns ruling lines into a grid with colspans and rowspans and deals the runs into its cells', () => {
    const doc = pdfToDocModel([page([
      t('项目', 105, 686), t('申请人情况', 205, 686),
      t('（三）不予', 105, 664), t('公开', 105, 652),
      t('12', 205, 666), t('3', 255, 666),
      t('0', 205, 646), t('/', 255, 646),
    ], frame)]);
    expect(grid(tables(doc)[0]!)).toEqual([
      ['项目', '申请人情况/c2'],
      ['（三）不予\n公开/r2', '12', '3'],
      ['0', '/'],
    ]);
  });

  it('splits a run that pdf.js glued across two cells at the cell border', () => {
    const doc = pdfToDocModel([page([t('项目', 105, 686), t('合计总数', 205, 686, 12.5)], frame)]);
    expect(grid(tables(doc)[0]!)[0]).toEqual(['项目', '合计总数/c2']);
    // "12" and "34" printed in neighbouring cells but extracted as one run
    const glued = pdfToDocModel([page([t('项目', 105, 686), t('1234', 230, 666, 10)], frame)]);
    expect(grid(tables(glued)[0]!)[1]).toEqual(['/r2', '12', '34']);
    const across = pdfToDocModel([page([t('项目', 105, 686), { str: '7 8', x: 215, y: 666, width: 60, height: 10 }], frame)]);
    expect(grid(tables(across)[0]!)[1]!.slice(1)).toEqual(['7', '8']);
  });

  it('keeps a vertical label (one run written top to bottom) as stacked characters', () => {
    const doc = pdfToDocModel([page([t('项目', 105, 686), t('x', 205, 686), { str: '三、本', x: 140, y: 645, width: 10, height: 30 }], frame)]);
    expect(tables(doc)[0]![1]![0]!.text).toBe('三\n、\n本');
  });

  it('treats a frame around a single line (a boxed page number) as running text', () => {
    const doc = pdfToDocModel([page([t('正文第一段。', 100, 700), t('- 3 -', 280, 40)], [h(55, 270, 340), h(35, 270, 340), v(270, 35, 55), v(340, 35, 55)])]);
    expect(tables(doc)).toEqual([]);
    expect(paragraphs(doc)).toEqual(['正文第一段。']);
  });

  it('joins a table continued on the next page: the repeated header goes, the spanning label extends', () => {
    // page 1: header row, then a label spanning to the bottom with two rows; page 2: header again, empty label cell, two rows
    const p1 = page([
      t('类别', 105, 686), t('数量', 255, 686),
      t('（五）不予处理', 100.5, 640, 7), t('1.信访', 155, 666), t('4', 255, 666), t('2.重复', 155, 646), t('0', 255, 646),
      t('- 1 -', 280, 40),
    ], [h(700, 100, 300), h(680, 100, 300), h(660, 150, 300), h(640, 100, 300), v(100, 640, 700), v(150, 640, 680), v(250, 640, 700), v(300, 640, 700)]);
    const p2 = page([
      t('类别', 105, 786), t('数量', 255, 786),
      t('3.出版物', 155, 766), t('2', 255, 766), t('4.大量', 155, 746), t('1', 255, 746),
      t('四、结转', 105, 726), t('0', 255, 726),
      t('- 2 -', 280, 40),
    ], [h(800, 100, 300), h(780, 100, 300), h(760, 150, 300), h(740, 100, 300), h(720, 100, 300), v(100, 720, 800), v(150, 740, 780), v(250, 720, 800), v(300, 720, 800)]);
    const doc = pdfToDocModel([p1, p2]);
    expect(tables(doc)).toHaveLength(1);
    expect(grid(tables(doc)[0]!)).toEqual([
      ['类别/c2', '数量'],
      ['（五）不予处理/r4', '1.信访', '4'],
      ['2.重复', '0'],
      ['3.出版物', '2'],
      ['4.大量', '1'],
      ['四、结转/c2', '0'],
    ]);
    expect(paragraphs(doc)).toEqual([]);
  });
});

describe('pdfToDocModel: tables without ruling lines', () => {
  it('finds label + number rows, wrapped labels, group labels and stacked column headers', () => {
    const cols = [300, 330, 360];
    const row = (label: string, y: number, values: string[], x = 100) => [t(label, x, y, 9), ...values.map((s, k) => t(s, cols[k]!, y, 9))];
    const doc = pdfToDocModel([page([
      t('三、收到和处理政府信息公开申请情况', 80, 760, 16),
      t('自然', 300, 736, 9), t('人', 300, 727, 9), t('商业', 330, 736, 9), t('企业', 330, 727, 9), t('总计', 360, 731, 9),
      ...row('一、本年新收政府信息公开申请数量', 712, ['5', '1', '6'], 80),
      ...row('（一）予以公开', 694, ['2', '0', '2']),
      // a label wrapped over two lines, its numbers on the line between them
      t('（二）部分公开（区分处理的，只计这', 100, 680, 9), t('一情形，不计其他情形）', 100, 668, 9), t('1', 300, 674, 9), t('1', 330, 674, 9), t('2', 360, 674, 9),
      // a group label left of the row labels, spread over two lines
      t('（三）不予', 90, 652, 9), ...row('1.属于国家秘密', 656, ['0', '0', '0'], 150),
      t('公开', 90, 641, 9), ...row('2.其他法律行政法规禁止公开', 644, ['3', '0', '3'], 150),
      t('四、存在的主要问题及改进情况', 80, 600, 16),
    ])]);
    expect(grid(tables(doc)[0]!)).toEqual([
      ['', '自然\n人', '商业\n企业', '总计'],
      ['一、本年新收政府信息公开申请数量', '5', '1', '6'],
      ['（一）予以公开', '2', '0', '2'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1', '1', '2'],
      ['（三）不予公开', '/c3'],
      ['1.属于国家秘密', '0', '0', '0'],
      ['2.其他法律行政法规禁止公开', '3', '0', '3'],
    ]);
    expect(paragraphs(doc)).toEqual(['三、收到和处理政府信息公开申请情况', '四、存在的主要问题及改进情况']);
  });

  it('leaves prose with numbers in it alone', () => {
    const doc = pdfToDocModel([page([
      t('2024年，共收到申请 17 件，办结 17 件。', 80, 700),
      t('全年收取信息处理费 0 元。', 80, 680),
    ])]);
    expect(tables(doc)).toEqual([]);
  });
});

describe('pdfToDocModel: running text', () => {
  const body = (str: string, x: number, y: number) => t(str, x, y, 16);
  /** A justified line: stretched to the right margin at 530. */
  const full = (str: string, x: number, y: number) => ({ ...t(str, x, y, 16), width: 530 - x });
  it('rebuilds paragraphs and drops page numbers and repeated headers', () => {
    const pages = [
      page([
        t('某某区人民政府', 200, 780, 22), t('2024年政府信息公开工作年度报告', 130, 750, 22),
        body('一、总体情况', 112, 700),
        full('2024年，本机关坚持以人民为中心，全面推进政务公开，', 112, 680),
        body('不断提高工作质量。', 80, 660),
        full('（一）主动公开情况。全年主动公开信息2428条，公开常务会', 112, 640),
        full('议7期，解读信息发布7条，回应关切', 80, 620),
        t('某某区人民政府办公室', 240, 815, 9), t('- 1 -', 280, 40, 12),
      ]),
      page([
        body('12次。', 80, 780),
        t('某某区人民政府办公室', 240, 815, 9), t('- 2 -', 280, 40, 12),
      ]),
    ];
    expect(paragraphs(pdfToDocModel(pages))).toEqual([
      '某某区人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '2024年，本机关坚持以人民为中心，全面推进政务公开，不断提高工作质量。',
      '（一）主动公开情况。全年主动公开信息2428条，公开常务会议7期，解读信息发布7条，回应关切12次。',
    ]);
  });

  it('maps compatibility ideographs (Kangxi radicals) to the usual characters', () => {
    expect(paragraphs(pdfToDocModel([page([t('⾏政复议结果纠正⽆人⺠政府', 80, 700)])]))).toEqual(['行政复议结果纠正无人民政府']);
  });

  it('gives no blocks for a page without text (a scan)', () => {
    expect(pdfToDocModel([page([], [h(700, 100, 300)]), page([])]).blocks).toEqual([]);
  });
});

describe('parseReportPdf', () => {
  it('says a PDF without a text layer is a scan, and a PDF without pages is empty', () => {
    const scan = parseReportPdf([page([{ str: ' ', x: 0, y: 0, width: 1, height: 1 }], [h(700, 100, 300)]), page([])]);
    expect(scan.report).toBeNull();
    expect(scan.findings.map((f) => [f.code, f.severity])).toEqual([['PARSE-UNREADABLE', 'error']]);
    expect(String(scan.findings[0]!.params.reason)).toContain('扫描件');
    expect(parseReportPdf([]).findings.map((f) => f.code)).toEqual(['PARSE-EMPTY']);
  });
});

describe('pdfToDocModel never throws', () => {
  const num = fc.oneof(fc.double({ min: -100, max: 1000, noNaN: false }), fc.integer({ min: 0, max: 842 }));
  const item = fc.record({ str: fc.oneof(fc.string(), fc.constantFrom('0', '12', '三、本', '（一）予以公开', ' ', '- 3 -')), x: num, y: num, width: num, height: num });
  const line = fc.record({ x1: num, y1: num, x2: num, y2: num });
  const aligned = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.boolean()).map(([a, b, horizontal]) =>
    horizontal ? { x1: 80 + a * 10, y1: 400 + b * 10, x2: 80 + a * 10 + 100, y2: 400 + b * 10 } : { x1: 80 + a * 10, y1: 400 + b * 10, x2: 80 + a * 10, y2: 400 + b * 10 + 100 });
  const pageArb = fc.record({
    width: num, height: num,
    items: fc.array(item, { maxLength: 40 }),
    lines: fc.array(fc.oneof(line, aligned), { maxLength: 40 }),
  });

  it('on arbitrary positioned text and lines, and every span it reports is at least 1', () => {
    fc.assert(fc.property(fc.array(pageArb, { maxLength: 3 }), (pages) => {
      expect(parseReportPdf(pages).source).toBe('pdf');
      const doc = pdfToDocModel(pages);
      for (const rows of tables(doc)) for (const r of rows) for (const c of r) {
        expect(c.colspan).toBeGreaterThanOrEqual(1);
        expect(c.rowspan).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: 300 });
  });
});
