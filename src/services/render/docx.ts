/**
 * The report as a Word document that looks like an official document (GB/T 9704 conventions):
 * A4, margins 37/35/28/26 mm; title in 小标宋 二号 centred; 一、… headings in 黑体 三号; body in
 * 仿宋_GB2312 三号 with a two-character first-line indent and a fixed 28 pt line; tables with single
 * borders and the official merged cells (from TableView), 宋体 五号, grey header rows repeated on
 * every page; page numbers "— 1 —" centred at the bottom in 宋体 四号.
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, LineRuleType, Packer, PageNumber, Paragraph, ShadingType,
  Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import type { IFontAttributesProperties } from 'docx';
import { reportOutline } from '../../core/report/render/index.js';
import type { ReportValues } from '../../core/report/values.js';
import { expandTableView } from '../../core/report/view.js';
import type { TableView, ViewCell } from '../../core/report/view.js';

const mm = (v: number) => Math.round((v / 25.4) * 1440);
/** A4 portrait and the GB/T 9704 margins, in twips. */
export const docxPage = {
  width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26),
} as const;
const textWidth = docxPage.width - docxPage.left - docxPage.right;

/** Fonts per role; eastAsia is what Word uses for Chinese characters. */
const font = (eastAsia: string, latin = 'Times New Roman'): IFontAttributesProperties => ({ eastAsia, ascii: latin, hAnsi: latin, cs: latin });
export const docxFonts = {
  title: font('方正小标宋简体'),
  heading: font('黑体'),
  body: font('仿宋_GB2312'),
  table: font('宋体'),
} as const;
/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt. */
const size = { title: 44, heading: 32, body: 32, pageNumber: 28, table: 21 } as const;
const exactLine = { line: 560, lineRule: LineRuleType.EXACT } as const; // 28 pt
const firstLineIndent = { firstLine: 640, firstLineChars: 200 } as const; // two 16 pt characters

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
const headerShading = { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } as const;

/** Grid column widths: proportional to the longest single-column text in each column. */
function columnWidths(view: TableView): number[] {
  const grid = expandTableView(view);
  const weights = Array.from({ length: view.width }, (_, c) => {
    let w = 2;
    for (const row of grid) {
      const cell = row[c]!;
      if (cell.colspan === 1) w = Math.max(w, Math.min(14, ...[0, ...cell.lines.map((l) => l.length)]));
    }
    return w;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * textWidth));
  widths[widths.length - 1]! += textWidth - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function tableCell(cell: ViewCell, widths: readonly number[], start: number): TableCell {
  const isHeader = cell.kind !== 'value' && cell.kind !== 'row' && cell.kind !== 'rowGroup';
  const width = widths.slice(start, start + cell.colspan).reduce((a, b) => a + b, 0);
  return new TableCell({
    children: [new Paragraph({
      alignment: cell.kind === 'row' ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [new TextRun({ text: cell.text, font: docxFonts.table, size: size.table })],
    })],
    columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
    rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    ...(isHeader ? { shading: headerShading } : {}),
  });
}

function docxTable(view: TableView): Table {
  const widths = columnWidths(view);
  const rows = [...view.head.map((r) => ({ r, head: true })), ...view.bodies.flat().map((r) => ({ r, head: false }))];
  // Grid positions taken by cells merged down from rows above, to find where each cell starts.
  const taken = rows.map(() => new Array<boolean>(view.width).fill(false));
  const tableRows = rows.map(({ r, head }, ri) => {
    let c = 0;
    const cells = r.cells.map((cell) => {
      while (taken[ri]![c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) for (let dc = 0; dc < cell.colspan; dc++) if (taken[ri + dr]) taken[ri + dr]![c + dc] = true;
      const out = tableCell(cell, widths, c);
      c += cell.colspan;
      return out;
    });
    return new TableRow({ children: cells, tableHeader: head, cantSplit: true });
  });
  return new Table({
    rows: tableRows,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
  });
}

const bodyParagraph = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: firstLineIndent,
    spacing: exactLine,
    children: [new TextRun({ text, font: docxFonts.body, size: size.body })],
  });

/** The report as a .docx file. */
export async function renderReportDocx(report: ReportValues): Promise<Uint8Array> {
  const outline = reportOutline(report);
  const children: (Paragraph | Table)[] = outline.titleLines.map((line, i, all) =>
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT, after: i === all.length - 1 ? 560 : 0 },
      children: [new TextRun({ text: line, font: docxFonts.title, size: size.title })],
    }),
  );
  for (const block of outline.blocks) {
    if (block.kind === 'heading') {
      children.push(new Paragraph({
        heading: HeadingLevel.HEADING_1,
        indent: firstLineIndent,
        spacing: exactLine,
        keepNext: true,
        children: [new TextRun({ text: block.text, font: docxFonts.heading, size: size.heading })],
      }));
    } else if (block.kind === 'paragraph') {
      children.push(bodyParagraph(block.text));
    } else {
      children.push(docxTable(block.view), new Paragraph({ spacing: { line: 280, lineRule: LineRuleType.EXACT }, children: [] }));
    }
  }
  const pageNumber = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: docxFonts.table, size: size.pageNumber })],
  });
  const plain = { color: '000000', bold: false, italics: false } as const;
  const doc = new Document({
    creator: 'gongkai',
    title: outline.title,
    styles: {
      default: {
        document: { run: { font: docxFonts.body, size: size.body, language: { value: 'en-US', eastAsia: 'zh-CN' } } },
        title: { run: { font: docxFonts.title, size: size.title, ...plain } },
        heading1: { run: { font: docxFonts.heading, size: size.heading, ...plain } },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: docxPage.width, height: docxPage.height },
          margin: { top: docxPage.top, bottom: docxPage.bottom, left: docxPage.left, right: docxPage.right, header: mm(15), footer: mm(24) },
        },
      },
      footers: { default: new Footer({ children: [pageNumber] }) },
      children,
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
