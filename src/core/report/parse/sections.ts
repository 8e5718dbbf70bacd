/**
 * The six prose sections. Headings are found in order (一 … 六), each "N、" followed closely by a
 * keyword of that section, wherever it stands (own line, or run into the text of a crawler dump).
 * A section's text is the prose up to the next heading, without the tables inside it.
 */
import type { ReportSpec } from '../spec/index.js';
import type { ReportSection } from '../values.js';
import { squeeze } from './normalize.js';
import type { Stream } from './stream.js';

const HEAD_WINDOW = 26;
const NUMERALS = '一二三四五六七八九十';
const HEADING_STOP = /[。:;，,(（0-9]/;
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

function findHeadings(k: string, spec: ReportSpec): Heading[] {
  const out: Heading[] = [];
  let cursor = 0;
  for (const section of spec.sections) {
    // any numeral: reports that add sections of their own number the statutory ones differently
    for (let at = k.indexOf('、', cursor); at >= 0; at = k.indexOf('、', at + 1)) {
      if (!NUMERALS.includes(k[at - 1] ?? '') || NUMERALS.includes(k[at - 2] ?? '')) continue;
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

/** Prose of s[a, b) without the given ranges, whitespace squeezed. */
function proseOf(stream: Stream, a: number, b: number, cut: readonly (readonly [number, number])[]): string {
  let text = '';
  let pos = a;
  for (const [x, y] of [...cut].sort((p, q) => p[0] - q[0])) {
    if (y <= pos || x >= b) continue;
    if (x > pos) text += stream.s.slice(pos, x) + '\n';
    pos = Math.max(pos, y);
  }
  if (pos < b) text += stream.s.slice(pos, b);
  const lines = text.split('\n').map(squeeze).filter((l) => l !== '');
  // page chrome after the report (share/print links, the site's footer) is not prose
  const chrome = lines.findIndex((l) => PAGE_CHROME.test(l));
  return (chrome >= 0 ? lines.slice(0, chrome) : lines).join('\n');
}

const PAGE_CHROME = /打印本页|关闭窗口|分享到|网站标识码|ICP备|版权所有|主办单位|主办：|技术支持|网站地图|附件下载/;

/** The statutory sections found, in document order, with their prose. */
export function readSections(stream: Stream, spec: ReportSpec, tables: readonly (readonly [number, number])[]): ReportSection[] {
  const headings = findHeadings(stream.k, spec);
  return headings.map((h, i) => {
    const [hs, he] = [stream.kToS[h.start]!, stream.kToS[h.end - 1]! + 1];
    const next = headings[i + 1];
    const end = next ? stream.kToS[next.start]! : stream.s.length;
    return { key: h.key, heading: squeeze(stream.s.slice(hs, he)), text: proseOf(stream, he, end, tables) };
  });
}
