/**
 * HTML → DocModel with a streaming scan (html-scan.ts; no DOM). Tables become grids with their
 * colspan/rowspan; block elements and <br> break paragraphs (and lines inside a cell, so
 * 商业<br>企业 stays one cell "商业\n企业"); entities such as &nbsp; are decoded; scripts, styles
 * and hidden elements are ignored. A table that contains another table is page layout: its
 * cells are read as paragraphs and the inner tables as grids. The page title comes from
 * <meta name="ArticleTitle"> or <title>.
 */
import type { HtmlHandler } from './html-scan.js';
import { scanHtml } from './html-scan.js';
import type { DocBlock, DocModel, GridCell } from './document.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'textarea', 'button', 'map']);
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'nav',
  'aside', 'blockquote', 'pre', 'hr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'main',
  'center', 'caption', 'body', 'html', 'tbody', 'thead', 'tfoot', 'title', 'option', 'legend', 'details', 'summary',
]);
const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** What an element is to the reader, looked up once when it opens and kept until it closes. */
const SKIPPED = 1;
const BLOCK_EDGE = 2;
const TABLE = 4;
const ROW = 8;
const CELL = 16;
const TITLE = 32;
const META = 64;
const HIDING = 128;
const CLASSES = new Map<string, number>();
for (const name of SKIP) CLASSES.set(name, SKIPPED);
for (const name of BLOCK) CLASSES.set(name, (CLASSES.get(name) ?? 0) | BLOCK_EDGE);
for (const [name, cls] of [['table', TABLE], ['tr', ROW], ['td', CELL], ['th', CELL], ['title', TITLE], ['meta', META]] as const) {
  CLASSES.set(name, (CLASSES.get(name) ?? 0) | cls);
}

interface TableContext {
  rows: GridCell[][];
  row: GridCell[] | null;
  cell: { text: string; colspan: number; rowspan: number } | null;
  /** Page layout: holds other tables, read as paragraphs. */
  layout: boolean;
}

const span = (v: string | undefined): number => {
  const n = v === undefined ? 1 : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
};

const MESSY = /[\n\t\r\f\u00a0]| {2}/;
const SPACES = /[ \t\r\f\u00a0]+/g;

/** Whether the text has a line break, tab, no-break space or two spaces in a row (as MESSY finds). */
function messy(text: string): boolean {
  if (text.length >= 16) return MESSY.test(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || (c === 32 && text.charCodeAt(i + 1) === 32)) return true;
  }
  return false;
}

/** Cell text with runs of spaces squeezed and blank lines dropped (the common clean case is fast). */
function cellText(text: string): string {
  if (!messy(text)) return text.trim();
  return text.split('\n').map((l) => l.replace(SPACES, ' ').trim()).filter((l) => l !== '').join('\n');
}

const PARA_SPACES = /[ \t\r\n\f\u00a0]+/g;
const NOT_SPACE = /[^ \t\r\n\f\u00a0]/;

/** The scanner's events → blocks (tables as grids, the rest as paragraphs) and the page title. */
class HtmlReader implements HtmlHandler {
  readonly blocks: DocBlock[] = [];
  private readonly tables: TableContext[] = [];
  /** Per open element: its class bits, with HIDING when it hides its content. */
  private readonly open: number[] = [];
  private skipping = 0;
  private para = '';
  titleText: string | null = null;
  private inTitle = false;
  articleTitle: string | null = null;

  flush(): void {
    const { para } = this;
    if (para !== '' && NOT_SPACE.test(para)) this.blocks.push({ kind: 'paragraph', text: para.replace(PARA_SPACES, ' ').trim() });
    this.para = '';
  }

  private top(): TableContext | undefined {
    // never index -1: a read past the array's ends leaves the fast path
    const { tables } = this;
    return tables.length > 0 ? tables[tables.length - 1] : undefined;
  }

  private gridCell(): TableContext['cell'] {
    const t = this.top();
    return t && !t.layout ? t.cell : null;
  }

  /** The table turns out to be layout: what it read so far becomes paragraphs. */
  private toLayout(t: TableContext): void {
    const pending = t.cell?.text ?? '';
    t.cell = null;
    endRow(t);
    for (const row of t.rows) for (const c of row) for (const line of c.text.split('\n')) this.blocks.push({ kind: 'paragraph', text: line });
    t.rows = [];
    t.layout = true;
    const lines = pending.split('\n');
    const last = lines.pop() ?? '';
    for (const line of lines) {
      this.para += line;
      this.flush();
    }
    this.para += last;
  }

  /** A block element opens or closes: a line break inside a grid cell, else a paragraph end. */
  private blockEdge(): void {
    const c = this.gridCell();
    if (c) c.text += '\n';
    else this.flush();
  }

  onopentag(name: string, attribs: Readonly<Record<string, string>>): void {
    const cls = CLASSES.get(name) ?? 0;
    const hidden = (cls & SKIPPED) !== 0 || (attribs.style !== undefined && HIDDEN.test(attribs.style)) || attribs.hidden !== undefined;
    this.open.push(hidden ? cls | HIDING : cls);
    if (hidden) this.skipping++;
    if (this.skipping > 0) return;
    if ((cls & META) !== 0 && attribs.name?.toLowerCase() === 'articletitle' && attribs.content) this.articleTitle ??= attribs.content;
    if ((cls & TITLE) !== 0) this.inTitle = this.titleText === null;
    const t = this.top();
    if ((cls & TABLE) !== 0) {
      if (t && !t.layout && t.cell) this.toLayout(t);
      this.flush();
      this.tables.push({ rows: [], row: null, cell: null, layout: false });
    } else if (t && !t.layout && (cls & ROW) !== 0) {
      endRow(t);
      t.row = [];
    } else if (t && !t.layout && (cls & CELL) !== 0) {
      endCell(t);
      t.cell = { text: '', colspan: span(attribs.colspan), rowspan: span(attribs.rowspan) };
    } else if (t?.layout && (cls & (CELL | ROW)) !== 0) this.flush();
    else if ((cls & BLOCK_EDGE) !== 0) this.blockEdge();
  }

  ontext(text: string): void {
    if (this.skipping > 0) return;
    if (this.inTitle) {
      this.titleText = (this.titleText ?? '') + text;
      return;
    }
    const c = this.gridCell();
    if (c) c.text += text;
    else this.para += text;
  }

  onclosetag(): void {
    // the scanner closes elements in the order it opened them: the element's class is on top
    const cls = this.open.length > 0 ? this.open.pop()! : 0;
    if ((cls & HIDING) !== 0) {
      this.skipping--;
      return;
    }
    if (this.skipping > 0) return;
    if ((cls & TITLE) !== 0) this.inTitle = false;
    const t = this.top();
    if ((cls & TABLE) !== 0 && t) {
      this.tables.pop();
      if (!t.layout) {
        endRow(t);
        if (t.rows.length > 0) this.blocks.push({ kind: 'table', rows: t.rows });
      }
      this.flush();
    } else if (t && !t.layout && (cls & CELL) !== 0) endCell(t);
    else if (t && !t.layout && (cls & ROW) !== 0) endRow(t);
    else if (t?.layout && (cls & (CELL | ROW)) !== 0) this.flush();
    else if ((cls & BLOCK_EDGE) !== 0) this.blockEdge();
  }

  /** Tables still open at the end of the page. */
  end(): void {
    while (this.tables.length > 0) {
      const t = this.tables.pop()!;
      if (!t.layout) {
        endRow(t);
        if (t.rows.length > 0) this.blocks.push({ kind: 'table', rows: t.rows });
      }
    }
    this.flush();
  }
}

function endCell(t: TableContext): void {
  if (!t.cell) return;
  t.row ??= [];
  t.row.push({ text: cellText(t.cell.text), colspan: t.cell.colspan, rowspan: t.cell.rowspan });
  t.cell = null;
}

function endRow(t: TableContext): void {
  endCell(t);
  if (t.row && t.row.length > 0) t.rows.push(t.row);
  t.row = null;
}

export function readHtmlDocument(html: string): DocModel {
  const reader = new HtmlReader();
  scanHtml(html, reader);
  reader.end();
  const { blocks } = reader;
  const title = (reader.articleTitle ?? reader.titleText ?? '').replace(/\s+/g, ' ').trim();
  return title === '' ? { source: 'html', blocks } : { source: 'html', blocks, title };
}
