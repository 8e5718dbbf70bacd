/**
 * PDF reader: positioned text (PdfPage, from the extractor in src/services/documents) → DocModel.
 * Per page: tables from ruling lines (pdf-grid), else from the alignment of numbers
 * (pdf-layout-table); the remaining text as lines without page furniture. Across pages: tables
 * that run on are joined (pdf-tables), running text is rebuilt into paragraphs (pdf-paragraphs).
 */
import { finding } from '../../findings.js';
import type { DocBlock, DocModel, PdfPage } from './document.js';
import { parseDocModel, type ParseResult } from './index.js';
import { dropPageFurniture } from './pdf-furniture.js';
import { fillTables, findRuledTables, type PageTable } from './pdf-grid.js';
import { findLayoutTables } from './pdf-layout-table.js';
import { buildParagraphs, measureMargins, type PlacedLine } from './pdf-paragraphs.js';
import { appendTable, continuesTable, fromPageTable, toGridRows, type DocTable } from './pdf-tables.js';
import { cleanRuns, groupLines, type TextLine } from './pdf-text.js';

type Entry =
  | { readonly kind: 'line'; readonly top: number; readonly placed: PlacedLine }
  | { readonly kind: 'table'; readonly top: number; readonly page: number; readonly table: DocTable };

/** A frame with fewer than two filled cells (a boxed page number or note) is running text. */
const isRealTable = (t: PageTable) => t.cells.filter((c) => c.text.trim() !== '').length >= 2;

interface PageContent {
  readonly height: number;
  readonly lines: TextLine[];
  readonly tables: { readonly top: number; readonly table: DocTable }[];
}

function readPage(page: PdfPage): PageContent {
  const runs = cleanRuns(Array.isArray(page.items) ? page.items : []);
  let ruled = findRuledTables(Array.isArray(page.lines) ? page.lines : []);
  let free = fillTables(ruled, runs);
  if (!ruled.every(isRealTable)) {
    ruled = ruled.filter(isRealTable);
    for (const t of ruled) for (const c of t.cells) c.text = '';
    free = fillTables(ruled, runs);
  }
  const height = Number.isFinite(page.height) && page.height > 0 ? page.height : 842;
  return { height, lines: groupLines(free), tables: ruled.map((t) => ({ top: t.top, table: fromPageTable(t) })) };
}

/** Blocks in reading order over all pages (tables joined across page breaks, lines still lines). */
function pageEntries(pages: readonly PdfPage[]): Entry[] {
  const contents = pages.map(readPage);
  const lines = dropPageFurniture(contents);
  const entries: Entry[] = [];
  contents.forEach((c, page) => {
    const layout = findLayoutTables(lines[page]!);
    const own: Entry[] = [
      ...layout.lines.map((line): Entry => ({ kind: 'line', top: line.y + line.size, placed: { line, page } })),
      ...[...c.tables, ...layout.tables].map((t): Entry => ({ kind: 'table', top: t.top, page, table: t.table })),
    ];
    own.sort((a, b) => b.top - a.top);
    for (const e of own) {
      const last = entries[entries.length - 1];
      if (e.kind === 'table' && last?.kind === 'table' && last.page === e.page - 1 && continuesTable(last.table, e.table)) {
        appendTable(last.table, e.table);
        entries[entries.length - 1] = { ...last, page: e.page };
      } else entries.push(e);
    }
  });
  return entries;
}

/** The document's blocks in reading order: paragraphs of running text and table grids. */
export function pdfToDocModel(pages: readonly PdfPage[]): DocModel {
  const entries = pageEntries(Array.isArray(pages) ? pages : []);
  const margins = measureMargins(entries.flatMap((e) => (e.kind === 'line' ? [e.placed] : [])));
  const blocks: DocBlock[] = [];
  let run: PlacedLine[] = [];
  const flush = () => {
    for (const text of buildParagraphs(run, margins)) blocks.push({ kind: 'paragraph', text });
    run = [];
  };
  for (const e of entries) {
    if (e.kind === 'line') run.push(e.placed);
    else {
      flush();
      blocks.push({ kind: 'table', rows: toGridRows(e.table) });
    }
  }
  flush();
  return { source: 'pdf', blocks };
}

const unreadable = (reason: string): ParseResult => ({ report: null, findings: [finding('PARSE-UNREADABLE', 'error', {}, { reason })], source: 'pdf' });

/**
 * A PDF's pages (from extractPdfPages) → the report and the findings about reading it. A PDF
 * without any text (a scan) is unreadable with that reason; never throws.
 */
export function parseReportPdf(pages: readonly PdfPage[]): ParseResult {
  if (!Array.isArray(pages) || pages.length === 0) return { report: null, findings: [finding('PARSE-EMPTY', 'error')], source: 'pdf' };
  if (pages.every((p) => !Array.isArray(p.items) || p.items.every((i: PdfPage['items'][number]) => typeof i.str !== 'string' || i.str.trim() === ''))) {
    return unreadable('PDF 是扫描件（只有图像，没有文字层），无法读取其中的文字；请上传带文字的 PDF 或 Word 文件，或先进行文字识别（OCR）');
  }
  try {
    return parseDocModel(pdfToDocModel(pages));
  } catch (err) {
    return unreadable(`PDF 内容无法解析（${err instanceof Error ? err.message : String(err)}）`);
  }
}
