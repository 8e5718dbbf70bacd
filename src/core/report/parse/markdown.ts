/**
 * Markdown → DocModel: pipe tables become grids (the |---| line is dropped; consecutive table
 * lines form one grid), every other line becomes a paragraph with its markup (#, >, **, list
 * bullets, HTML line breaks) removed.
 */
import type { DocBlock, DocModel, GridRow } from './document.js';
import { markdownRow } from './markdown-row.js';

const isTableLine = (line: string) => line.startsWith('|') && line.length > 1 && line.lastIndexOf('|') > 0;

function plain(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^>\s?/, '')
    .replace(/^[-*+]\s+(?=\S)/, '')
    .replace(/\*\*|__/g, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .trim();
}

export function readMarkdownDocument(md: string): DocModel {
  const blocks: DocBlock[] = [];
  let rows: GridRow[] | null = null;
  const endTable = () => {
    if (rows && rows.length > 0) blocks.push({ kind: 'table', rows });
    rows = null;
  };
  for (const raw of md.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (isTableLine(line)) {
      rows ??= [];
      const cells = markdownRow(line);
      if (cells) rows.push(cells.map((text) => ({ text, colspan: 1, rowspan: 1 })));
      continue;
    }
    endTable();
    const text = plain(line);
    if (text !== '' && !/^(-{3,}|\*{3,}|_{3,})$/.test(text)) blocks.push({ kind: 'paragraph', text });
  }
  endTable();
  return { source: 'markdown', blocks };
}
