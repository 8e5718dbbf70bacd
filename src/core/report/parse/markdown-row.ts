/** One Markdown pipe-table line → its cell texts; null for the |---|:--:| separator line. */
export function markdownRow(line: string): string[] | null {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '\\' && body[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  const texts = cells.map((c) => c.replace(/<br\s*\/?>/gi, '\n').trim());
  if (texts.length > 0 && texts.every((c) => /^:?-{3,}:?$/.test(c))) return null;
  return texts;
}
