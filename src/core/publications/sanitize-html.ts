/**
 * The body of a publication is HTML from the console editor, and the editor is never trusted: every
 * write goes through this allowlist. Kept: paragraphs, headings h2–h4, line breaks, emphasis, lists,
 * quotes, simple tables (colspan/rowspan), links (http, https, mailto, site-relative) and <hr>.
 * Dropped with their content: script, style, iframe, object, embed, template, svg, math, head, title,
 * noscript, select, textarea. Any other element is unwrapped (its text kept). Every attribute but
 * the allowed ones goes (no style, class, on*…). Entities are decoded and text re-escaped; the output
 * is well-formed (all elements closed, properly nested).
 */
import { Parser } from 'htmlparser2';

const allowed: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], hr: [], h2: [], h3: [], h4: [], strong: [], b: [], em: [], i: [], u: [], s: [], sub: [], sup: [],
  ul: [], ol: ['start'], li: [], blockquote: [], pre: [], code: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'],
  a: ['href', 'title'],
};
const voidTags = new Set(['br', 'hr']);
const dropWithContent = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'svg', 'math', 'head', 'title', 'noscript', 'select', 'textarea', 'frameset', 'frame', 'applet', 'xml']);
/** Map of deprecated or heading tags to an allowed one. */
const renamed: Readonly<Record<string, string>> = { h1: 'h2', h5: 'h4', h6: 'h4', strike: 's', del: 's', ins: 'u' };

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** A link target we keep: http(s), mailto, or a path on this site ("/…", not "//…"). */
export function safeHref(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  const href = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^\/(?!\/)/.test(href)) return href;
  if (/^(https?:\/\/|mailto:)/i.test(href)) return href;
  return null;
}

function attribute(tag: string, name: string, value: string): string | null {
  if (!(allowed[tag] ?? []).includes(name)) return null;
  if (name === 'href') return safeHref(value);
  if (name === 'colspan' || name === 'rowspan' || name === 'start') return /^\d{1,3}$/.test(value.trim()) ? String(Number(value.trim())) : null;
  if (name === 'scope') return ['row', 'col', 'rowgroup', 'colgroup'].includes(value) ? value : null;
  return value.slice(0, 200);
}

/** Sanitized HTML of `input` (the allowlist above). Empty paragraphs at the ends are trimmed. */
export function sanitizeHtml(input: string, maxDepth = 40): string {
  const out: string[] = [];
  const open: string[] = [];
  let dropDepth = 0;
  const parser = new Parser(
    {
      onopentag(rawName, attribs) {
        const lower = rawName.toLowerCase();
        if (dropDepth > 0 || dropWithContent.has(lower)) {
          if (!voidTags.has(lower)) dropDepth += 1;
          return;
        }
        const name = renamed[lower] ?? lower;
        if (!(name in allowed) || (open.length >= maxDepth && !voidTags.has(name))) {
          open.push(`#${name}`); // unwrapped: remember it so its close tag is ignored
          return;
        }
        const attrs = Object.entries(attribs)
          .map(([k, v]) => [k.toLowerCase(), attribute(name, k.toLowerCase(), v)] as const)
          .filter((e): e is readonly [string, string] => e[1] !== null)
          .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
          .join('');
        const rel = name === 'a' && attrs.includes(' href="http') ? ' rel="noopener noreferrer"' : '';
        out.push(`<${name}${attrs}${rel}>`);
        if (!voidTags.has(name)) open.push(name);
      },
      ontext(text) {
        if (dropDepth === 0) out.push(escapeText(text));
      },
      onclosetag(rawName) {
        const lower = rawName.toLowerCase();
        if (dropDepth > 0) {
          if (!voidTags.has(lower)) dropDepth -= 1;
          return;
        }
        const name = renamed[lower] ?? lower;
        if (voidTags.has(name)) return;
        const at = open.lastIndexOf(open.includes(name) ? name : `#${name}`);
        if (at < 0) return;
        while (open.length > at) {
          const top = open.pop()!;
          if (!top.startsWith('#')) out.push(`</${top}>`);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(input);
  parser.end();
  while (open.length) {
    const top = open.pop()!;
    if (!top.startsWith('#')) out.push(`</${top}>`);
  }
  return out.join('').replace(/^(\s|<p>\s*<\/p>|<br>)+|(\s|<p>\s*<\/p>|<br>)+$/g, '');
}

/** The visible text of sanitized HTML (for summaries, similarity and search). */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  const block = new Set(['p', 'br', 'li', 'tr', 'h2', 'h3', 'h4', 'blockquote', 'pre', 'hr', 'div', 'table']);
  const parser = new Parser(
    {
      ontext: (t) => parts.push(t),
      onopentag: (n) => { if (block.has(n)) parts.push('\n'); },
      onclosetag: (n) => { if (block.has(n)) parts.push('\n'); },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return parts.join('').replace(/[ \t\u3000]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}
