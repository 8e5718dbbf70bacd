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

/** A flattened cell line: its text and whether bars after the cell end the row. */
function flatCell(line: string): { text: string; rowEnd: boolean } | null {
  if (!line.endsWith('|')) return null;
  const bar = line.indexOf('|');
  const rest = line.slice(bar + 1);
  if (/[^\s|]/.test(rest)) return null;
  return { text: line.slice(0, bar).trim(), rowEnd: rest.includes('|') };
}

const cell = (text: string): GridCell => ({ text, colspan: 1, rowspan: 1 });

export function readTextDocument(text: string): DocModel {
  let lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  let title: string | undefined;
  const mark = lines.slice(0, 40).findIndex((l) => BODY_MARK.test(l.trim()));
  if (mark >= 0) {
    for (const l of lines.slice(0, mark)) {
      const m = TITLE_LINE.exec(l.trim());
      if (m) title = m[1]!.trim();
    }
    lines = lines.slice(mark + 1);
  }
  const blocks: DocBlock[] = [];
  let rows: GridRow[] | null = null;
  let row: GridCell[] = [];
  const endRow = () => {
    if (rows && row.length > 0) rows.push(row);
    row = [];
  };
  const endTable = () => {
    endRow();
    if (rows && rows.length > 0) blocks.push({ kind: 'table', rows });
    rows = null;
  };
  let inMarkdown = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('|') && line.length > 1 && line.endsWith('|') && line !== '|' && !/^\|[\s|]*$/.test(line)) {
      if (!inMarkdown) endTable();
      inMarkdown = true;
      rows ??= [];
      const cells = markdownRow(line);
      if (cells) rows.push(cells.map(cell));
      continue;
    }
    if (inMarkdown) {
      endTable();
      inMarkdown = false;
    }
    const flat = flatCell(line);
    if (flat) {
      rows ??= [];
      row.push(cell(flat.text));
      if (flat.rowEnd) endRow();
      continue;
    }
    endTable();
    if (line !== '') blocks.push({ kind: 'paragraph', text: line });
  }
  endTable();
  return title === undefined ? { source: 'text', blocks } : { source: 'text', blocks, title };
}
