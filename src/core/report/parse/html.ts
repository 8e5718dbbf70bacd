/**
 * HTML → DocModel with a streaming scan (html-scan.ts; no DOM). Tables become grids with their
 * colspan/rowspan; block elements and <br> break paragraphs (and lines inside a cell, so
 * 商业<br>企业 stays one cell "商业\n企业"); entities such as &nbsp; are decoded; scripts, styles
 * and hidden elements are ignored. A table that contains another table is page layout: its
 * cells are read as paragraphs and the inner tables as grids. The page title comes from
 * <meta name="ArticleTitle"> or <title>.
 */
import { scanHtml } from './html-scan.js';
import type { DocBlock, DocModel, GridCell } from './document.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'select', 'textarea', 'button', 'map']);
const BLOCK = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer', 'nav',
  'aside', 'blockquote', 'pre', 'hr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'main',
  'center', 'caption', 'body', 'html', 'tbody', 'thead', 'tfoot', 'title', 'option', 'legend', 'details', 'summary',
]);
const HIDDEN = /display\s*:\s*none|visibility\s*:\s*hidden/i;

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

/** Cell text with runs of spaces squeezed and blank lines dropped (the common clean case is fast). */
function cellText(text: string): string {
  if (!MESSY.test(text)) return text.trim();
  return text.split('\n').map((l) => l.replace(SPACES, ' ').trim()).filter((l) => l !== '').join('\n');
}

const PARA_SPACES = /[ \t\r\n\f\u00a0]+/g;
const NOT_SPACE = /[^ \t\r\n\f\u00a0]/;

export function readHtmlDocument(html: string): DocModel {
  const blocks: DocBlock[] = [];
  const tables: TableContext[] = [];
  const stack: boolean[] = [];
  let skipping = 0;
  let para = '';
  let titleText: string | null = null;
  let inTitle = false;
  let articleTitle: string | null = null;

  const flush = () => {
    if (para !== '' && NOT_SPACE.test(para)) blocks.push({ kind: 'paragraph', text: para.replace(PARA_SPACES, ' ').trim() });
    para = '';
  };
  const top = () => tables[tables.length - 1];
  const gridCell = () => {
    const t = top();
    return t && !t.layout ? t.cell : null;
  };
  const endCell = (t: TableContext) => {
    if (!t.cell) return;
    t.row ??= [];
    t.row.push({ text: cellText(t.cell.text), colspan: t.cell.colspan, rowspan: t.cell.rowspan });
    t.cell = null;
  };
  const endRow = (t: TableContext) => {
    endCell(t);
    if (t.row && t.row.length > 0) t.rows.push(t.row);
    t.row = null;
  };
  /** The table turns out to be layout: what it read so far becomes paragraphs. */
  const toLayout = (t: TableContext) => {
    const pending = t.cell?.text ?? '';
    t.cell = null;
    endRow(t);
    for (const row of t.rows) for (const c of row) for (const line of c.text.split('\n')) blocks.push({ kind: 'paragraph', text: line });
    t.rows = [];
    t.layout = true;
    const lines = pending.split('\n');
    const last = lines.pop() ?? '';
    for (const line of lines) {
      para += line;
      flush();
    }
    para += last;
  };

  scanHtml(html, {
    onopentag(name, attribs) {
      const hidden = SKIP.has(name) || (attribs.style !== undefined && HIDDEN.test(attribs.style)) || attribs.hidden !== undefined;
      stack.push(hidden);
      if (hidden) skipping++;
      if (skipping > 0) return;
      if (name === 'meta' && attribs.name?.toLowerCase() === 'articletitle' && attribs.content) articleTitle ??= attribs.content;
      if (name === 'title') inTitle = titleText === null;
      const t = top();
      if (name === 'table') {
        if (t && !t.layout && t.cell) toLayout(t);
        flush();
        tables.push({ rows: [], row: null, cell: null, layout: false });
      } else if (t && !t.layout && name === 'tr') {
        endRow(t);
        t.row = [];
      } else if (t && !t.layout && (name === 'td' || name === 'th')) {
        endCell(t);
        t.cell = { text: '', colspan: span(attribs.colspan), rowspan: span(attribs.rowspan) };
      } else if (t?.layout && (name === 'td' || name === 'th' || name === 'tr')) flush();
      else if (BLOCK.has(name)) {
        const c = gridCell();
        if (c) c.text += '\n';
        else flush();
      }
    },
    ontext(text) {
      if (skipping > 0) return;
      if (inTitle) {
        titleText = (titleText ?? '') + text;
        return;
      }
      const c = gridCell();
      if (c) c.text += text;
      else para += text;
    },
    onclosetag(name) {
      const hidden = stack.pop() ?? false;
      if (hidden) {
        skipping--;
        return;
      }
      if (skipping > 0) return;
      if (name === 'title') inTitle = false;
      const t = top();
      if (name === 'table' && t) {
        tables.pop();
        if (!t.layout) {
          endRow(t);
          if (t.rows.length > 0) blocks.push({ kind: 'table', rows: t.rows });
        }
        flush();
      } else if (t && !t.layout && (name === 'td' || name === 'th')) endCell(t);
      else if (t && !t.layout && name === 'tr') endRow(t);
      else if (t?.layout && (name === 'td' || name === 'th' || name === 'tr')) flush();
      else if (BLOCK.has(name)) {
        const c = gridCell();
        if (c) c.text += '\n';
        else flush();
      }
    },
  });
  while (tables.length > 0) {
    const t = tables.pop()!;
    if (!t.layout) {
      endRow(t);
      if (t.rows.length > 0) blocks.push({ kind: 'table', rows: t.rows });
    }
  }
  flush();
  const title = (articleTitle ?? titleText ?? '').replace(/\s+/g, ' ').trim();
  return title === '' ? { source: 'html', blocks } : { source: 'html', blocks, title };
}
