/**
 * The six prose sections. Headings are found in order (一 … 六), each "N、" followed closely by a
 * keyword of that section, wherever it stands (own line, or run into the text of a crawler dump).
 * A section's text is the prose up to the next heading, without the tables inside it — nor the
 * parts of the table form that stand outside a table's cells as read: a caption on its own line
 * ("表三 收到和处理政府信息公开申请情况", an HTML <caption>, a Word caption paragraph) and table
 * 三's corner note "（本列数据的勾稽关系为：…）" (a Markdown pipe table prints it in its header row).
 */
import type { ReportSpec } from '../spec/index.js';
import type { ReportSection } from '../values.js';
import { CELL_END, ROW_START, squeeze } from './normalize.js';
import type { Stream } from './stream.js';

const HEAD_WINDOW = 26;
const NUMERALS = '一二三四五六七八九十';
const HEADING_STOP = /[。:;，,(（0-9]/;
const NUMBERED = new RegExp(`[${NUMERALS}]、`, 'g');
const NUMERAL_CODES = new Set([...NUMERALS].map((c) => c.charCodeAt(0)));
/** A numeral at k[at]; before the start counts as one too (as NUMERALS.includes('') did). */
const isNumeralAt = (k: string, at: number) => at < 0 || NUMERAL_CODES.has(k.charCodeAt(at));
/** Table 三 row labels that also start with 一、…四、 and are not headings. */
const ROW_LABELS = ['本年新收', '上年结转', '本年度办理结果', '结转下年'];

interface Heading {
  readonly key: ReportSection['key'];
  /** k range of the heading text. */
  readonly start: number;
  readonly end: number;
}

/** Where the heading text ends: at 情况/事项, else after the keyword at the next punctuation. */
function headingEnd(k: string, start: number, keywordEnd: number): number {
  const window = k.slice(start, start + HEAD_WINDOW + 10);
  let best = -1;
  for (const word of ['情况', '事项']) {
    const i = window.indexOf(word, keywordEnd - start - word.length);
    if (i >= 0 && (best < 0 || i + word.length < best)) best = i + word.length;
  }
  if (best >= 0) return start + best;
  let end = keywordEnd;
  while (end < k.length && end - start < HEAD_WINDOW && !HEADING_STOP.test(k[end]!)) end++;
  return end;
}

/**
 * Positions of the '、' after a single numeral ("三、", not "十三、"), in order. A '、' at the
 * very start, or one character in, never counts (there is no numeral before it to tell).
 */
function numberedMarks(k: string): number[] {
  const out: number[] = [];
  NUMBERED.lastIndex = 0;
  while (NUMBERED.test(k)) {
    const at = NUMBERED.lastIndex - 1;
    if (at >= 2 && !isNumeralAt(k, at - 2)) out.push(at);
  }
  return out;
}

function findHeadings(k: string, spec: ReportSpec): Heading[] {
  const out: Heading[] = [];
  const marks = numberedMarks(k);
  let cursor = 0;
  let first = 0;
  for (const section of spec.sections) {
    // any numeral: reports that add sections of their own number the statutory ones differently
    while (first < marks.length && marks[first]! < cursor) first++;
    for (let m = first; m < marks.length; m++) {
      const at = marks[m]!;
      const marker = '、';
      const start = at - 1;
      const text = k.slice(at + marker.length, at + marker.length + HEAD_WINDOW);
      if (ROW_LABELS.some((w) => text.startsWith(w))) continue;
      let best = -1;
      for (const word of section.keywords) {
        const i = text.indexOf(word);
        if (i >= 0 && (best < 0 || i + word.length < best)) best = i + word.length;
      }
      if (best < 0) continue;
      const end = headingEnd(k, start, at + marker.length + best);
      out.push({ key: section.key, start, end });
      cursor = end;
      break;
    }
  }
  return out;
}

const PAGE_CHROME = /打印本页|关闭窗口|分享到|网站标识码|ICP备|版权所有|主办单位|主办：|技术支持|网站地图|附件下载/;

/** Whitespace (as squeeze takes it) other than '\n'. */
const INLINE_SPACES = new RegExp(`[\\t\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff${CELL_END}${ROW_START}]+`, 'g');
/** After INLINE_SPACES: a line break with the (single) spaces and blank lines around it. */
const LINE_BREAKS = / ?\n[ \n]*/g;

/** A caption line: 表二/表三/表四 (or 表2…), then at most a short title with no sentence punctuation. */
const CAPTION_LINE = /^表\s*[一二三四五六七八九十1-9]\s*(?:[\s:：、.．][^。；;，,！？!?]{0,40})?$/;
/** Table 三's corner note, verbatim from the format (half- or full-width brackets). */
const CORNER_NOTE = /[（(]\s*本列数据的勾稽关系为[^）)\n]{0,60}[）)]/g;

/** Prose without caption lines and table 三's corner note (checked only when their characters occur). */
function withoutTableForm(prose: string): string {
  const note = prose.includes('勾稽关系');
  if (!note && !prose.includes('表')) return prose;
  const text = note ? prose.replace(CORNER_NOTE, '') : prose;
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !CAPTION_LINE.test(l));
  return lines.join('\n');
}

/**
 * Prose of s[a, b) without the given ranges (sorted by start), whitespace squeezed: each line's
 * runs of spaces made one space, the line trimmed, blank lines dropped — done over the whole text
 * at once (a run of spaces that holds a line break becomes that line break).
 */
function proseOf(stream: Stream, a: number, b: number, cut: readonly (readonly [number, number])[]): string {
  let text = '';
  let pos = a;
  for (const [x, y] of cut) {
    if (y <= pos || x >= b) continue;
    if (x > pos) text += stream.s.slice(pos, x) + '\n';
    pos = Math.max(pos, y);
  }
  if (pos < b) text += stream.s.slice(pos, b);
  const prose = text.replace(INLINE_SPACES, ' ').replace(LINE_BREAKS, '\n').trim();
  // page chrome after the report (share/print links, the site's footer) is not prose
  const chrome = prose.search(PAGE_CHROME);
  return withoutTableForm(chrome < 0 ? prose : prose.slice(0, Math.max(0, prose.lastIndexOf('\n', chrome))));
}

/** The statutory sections found, in document order, with their prose. */
export function readSections(stream: Stream, spec: ReportSpec, tables: readonly (readonly [number, number])[]): ReportSection[] {
  const headings = findHeadings(stream.k, spec);
  const cut = [...tables].sort((p, q) => p[0] - q[0]);
  return headings.map((h, i) => {
    const [hs, he] = [stream.kToS[h.start]!, stream.kToS[h.end - 1]! + 1];
    const next = headings[i + 1];
    const end = next ? stream.kToS[next.start]! : stream.s.length;
    return { key: h.key, heading: squeeze(stream.s.slice(hs, he)), text: proseOf(stream, he, end, cut) };
  });
}
