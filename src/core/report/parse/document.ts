/**
 * The common intermediate form every reader produces before the report is assembled:
 * the document as blocks in reading order. Plain text and crawler dumps give paragraphs (lines);
 * HTML, Markdown and DOCX give real tables as grids of cell texts with their spans; PDF gives
 * lines rebuilt from positioned text (and grids where the layout reveals cells).
 *
 * Readers (text, html, markdown, docx, pdf) turn bytes/text into a DocModel; the assembler
 * (assemble.ts) turns a DocModel into ReportValues + Finding[] using the format specs.
 */
export interface GridCell {
  /** Cell text with whitespace normalised (inner line breaks kept as '\n'). */
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
}

export type GridRow = readonly GridCell[];

export type DocBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly rows: readonly GridRow[] };

export interface DocModel {
  /** What the document was read from. */
  readonly source: 'text' | 'html' | 'markdown' | 'docx' | 'pdf';
  readonly blocks: readonly DocBlock[];
  /** The document's own title when its container states one (HTML <title>/ArticleTitle, a crawler's "标题:" line, DOCX core properties). */
  readonly title?: string;
}

/** A positioned run of text on a PDF page (from pdf.js getTextContent), in PDF user units. */
export interface PdfTextItem {
  readonly str: string;
  /** Left edge and baseline (origin bottom-left, as pdf.js reports transform[4], transform[5]). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
  /** Horizontal and vertical ruling segments (table borders), when the extractor provides them. */
  readonly lines?: readonly { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }[];
}
