/**
 * Plain text → DocModel. Lines become paragraphs, except: the flattened table form of the seed
 * (every cell a line ending in " |", with extra bars "| |||" padding the end of a row) becomes a
 * grid; Markdown pipe-table lines become a grid; a crawler's header block ("标题: …" up to
 * "==== 正文 ====") gives the title and is dropped.
 */
import type { DocBlock, DocModel, GridCell, GridRow } from './document.js';
import { markdownRow } from './markdown-row.js';

const BODY_MARK = /^=+\s*正文\s*=+$/;
const TITLE_LINE = /^标题\s*[:：]\s*(.+)$/;

/** Whitespace as the regular expression class \s (and String.prototype.trim) know it. */
function isRegexSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Where a flattened cell line (trimmed, ending in '|') has its first bar, when only spaces and
 * bars follow it; else -1.
 */
function flatCellBar(line: string): number {
  const bar = line.indexOf('|');
  for (let i = bar + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 124 && !isRegexSpace(c)) return -1;
  }
  return bar;
}

const cell = (text: string): GridCell => ({ text, colspan: 1, rowspan: 1 });

/** Blocks of the document, line by line. */
class Blocks {
  readonly blocks: DocBlock[] = [];
  private rows: GridRow[] | null = null;
  private row: GridCell[] = [];
  private inMarkdown = false;

  private endRow(): void {
    if (this.rows && this.row.length > 0) this.rows.push(this.row);
    this.row = [];
  }

  end(): void {
    this.endRow();
    if (this.rows && this.rows.length > 0) this.blocks.push({ kind: 'table', rows: this.rows });
    this.rows = null;
  }

  /** The next line, trimmed. */
  add(line: string): void {
    const barEnd = line.charCodeAt(line.length - 1) === 124;
    if (barEnd && line.charCodeAt(0) === 124 && line.length > 1 && !/^\|[\s|]*$/.test(line)) {
      if (!this.inMarkdown) this.end();
      this.inMarkdown = true;
      this.rows ??= [];
      const cells = markdownRow(line);
      if (cells) this.rows.push(cells.map(cell));
      return;
    }
    if (this.inMarkdown) {
      this.end();
      this.inMarkdown = false;
    }
    const bar = barEnd ? flatCellBar(line) : -1;
    if (bar >= 0) {
      this.rows ??= [];
      this.row.push(cell(line.slice(0, bar).trim()));
      // bars after the cell's own end the row
      if (bar !== line.length - 1) this.endRow();
      return;
    }
    this.end();
    if (line !== '') this.blocks.push({ kind: 'paragraph', text: line });
  }
}

export function readTextDocument(text: string): DocModel {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out = new Blocks();
  let title: string | undefined;
  if (body.includes('\r') || body.includes('正文')) {
    let lines = body.split(/\r\n|\r|\n/);
    // the crawler's header ends at a "==== 正文 ====" line
    const mark = lines.slice(0, 40).findIndex((l) => BODY_MARK.test(l.trim()));
    if (mark >= 0) {
      for (const l of lines.slice(0, mark)) {
        const m = TITLE_LINE.exec(l.trim());
        if (m) title = m[1]!.trim();
      }
      lines = lines.slice(mark + 1);
    }
    for (const line of lines) out.add(line.trim());
  } else {
    // the common case: '\n' line ends and no header; each line is cut out trimmed
    for (let pos = 0; pos <= body.length;) {
      let end = body.indexOf('\n', pos);
      if (end < 0) end = body.length;
      let a = pos;
      let b = end;
      while (a < b && isRegexSpace(body.charCodeAt(a))) a++;
      while (b > a && isRegexSpace(body.charCodeAt(b - 1))) b--;
      out.add(body.slice(a, b));
      pos = end + 1;
    }
  }
  out.end();
  const { blocks } = out;
  return title === undefined ? { source: 'text', blocks } : { source: 'text', blocks, title };
}
