/**
 * The plain text of a publication's (sanitized) HTML body, for indexing and snippets: entities
 * decoded, scripts/styles skipped, a line break after each block, runs of blank space collapsed.
 */
import { Parser } from 'htmlparser2';

const blocks = new Set(['p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'table', 'blockquote', 'pre', 'caption', 'section', 'article']);
const skipped = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (skipped.has(name)) skipDepth++;
        else if (blocks.has(name)) parts.push('\n');
        else if (name === 'td' || name === 'th') parts.push(' ');
      },
      onclosetag(name) {
        if (skipped.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (blocks.has(name)) parts.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) parts.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
