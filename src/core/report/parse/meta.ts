/**
 * What the document says about itself: its title (from the page metadata, a crawler's "标题:"
 * header, or the first lines, also when the title is broken over two lines), the reporting
 * agency and year taken from the title, the stated statistical period, and the format (2021 or
 * 2019 试行) from the tables' own wording, falling back to the year.
 */
import type { FormatId } from '../spec/index.js';
import { specForYear } from '../spec/index.js';
import { simplify } from './normalize.js';
import type { Stream } from './stream.js';

export interface DocumentMeta {
  readonly title: string | null;
  readonly agency: string | null;
  readonly year: number | null;
  readonly period: { readonly from: string; readonly to: string } | null;
}

const TITLE = /^(.{0,60}?)(?:关于)?(\d{4})\s*年\s*度?\s*(.{0,40}?)(政府信息公开|政务公开|信息公开)(工作)?(年度)?(工作)?(报告|年报)/;
const TITLE_YEAR_LAST = /^(.{2,60}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(\d{4})\s*年\s*度?\s*(?:工作)?(?:报告|年报)/;
const AGENCY_SUFFIX = /(政府信息公开|政务公开|信息公开)(工作)?$/;
const MAX_TITLE_LINE = 90;
/** The title is looked for in the first characters of the document (page chrome included). */
const MAX_TITLE_SEARCH = 20_000;

const clean = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '').trim();

/** Agency and year of a title like 重庆市梁平区政务服务管理办公室2024年政府信息公开工作年度报告. */
export function readTitle(raw: string): { title: string; agency: string | null; year: number } | null {
  const line = simplify(clean(raw)).replace(/^标题[:：]/, '');
  const m = TITLE.exec(line);
  if (!m) {
    // {agency}政府信息公开工作{year}年度报告
    const late = TITLE_YEAR_LAST.exec(line);
    const year = late ? Number(late[2]) : 0;
    return late && year >= 2000 && year <= 2100 ? { title: late[0], agency: late[1]!.replace(/^关于/, ''), year } : null;
  }
  const year = Number(m[2]);
  if (year < 2000 || year > 2100) return null;
  let agency = m[1]!.replace(/(关于|的)$/, '').replace(/^(关于)/, '');
  if (agency === '') agency = m[3]!.replace(/(关于|的)$/, '');
  agency = agency.replace(AGENCY_SUFFIX, '').replace(/[（(《“"]+$/, '');
  const title = line.slice(0, m.index + m[0].length);
  return { title, agency: agency.length >= 2 ? agency : null, year };
}

/** Lines of text in reading order (paragraphs and cells), for the title search; read as far as asked. */
class FirstLines {
  private readonly lines: string[] = [];
  private start = 0;
  private readonly end: number;

  constructor(private readonly s: string, private readonly max: number) {
    this.end = Math.min(s.length, MAX_TITLE_SEARCH);
  }

  /** Line i, or undefined past the last one. */
  at(i: number): string | undefined {
    const { lines, s, end } = this;
    while (lines.length <= i && lines.length < this.max && this.start <= end) {
      // the next line ends at a paragraph end, a row start or a cell end
      let j = this.start;
      for (; j < end; j++) {
        const c = s.charCodeAt(j);
        if (c === 10 || c === 0x1e || c === 0x1f) break;
      }
      const line = s.slice(this.start, j).trim();
      if (line !== '') lines.push(line);
      this.start = j + 1;
    }
    return lines[i];
  }
}

function findTitle(stream: Stream, docTitle: string | undefined) {
  if (docTitle) {
    const t = readTitle(docTitle);
    if (t) return t;
  }
  const lines = new FirstLines(stream.s, 400);
  for (let i = 0; lines.at(i) !== undefined; i++) {
    const line = lines.at(i)!;
    if (line.length > MAX_TITLE_LINE) continue;
    const alone = readTitle(line);
    const prev = i > 0 ? lines.at(i - 1) : undefined;
    // a title broken after the agency, or in the middle: join with the neighbouring line
    if (prev !== undefined && prev.length <= 40 && (!alone || alone.agency === null || /^\d{4}/.test(clean(line)))) {
      const joined = readTitle(prev + line);
      if (joined && joined.agency !== null) return joined;
    }
    const next = lines.at(i + 1);
    if (next !== undefined && next.length <= 20 && !alone) {
      const joined = readTitle(line + next);
      if (joined) return joined;
    }
    if (alone) return alone;
  }
  return null;
}

/** A stated period; tried only where a four-digit year and 年 stand (found natively by indexOf). */
const PERIOD = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|-|~|～)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/y;
const pad = (n: string) => n.padStart(2, '0');
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The statistical period the text states (preferring one introduced by 统计). */
function findPeriod(k: string): DocumentMeta['period'] {
  let first: DocumentMeta['period'] = null;
  // matches do not overlap: the next one starts where the last one ended
  let from = 0;
  for (let year = k.indexOf('年', 4); year >= 0; year = k.indexOf('年', year + 1)) {
    const at = year - 4;
    if (at < from || !isDigit(k.charCodeAt(at)) || !isDigit(k.charCodeAt(at + 1)) || !isDigit(k.charCodeAt(at + 2)) || !isDigit(k.charCodeAt(at + 3))) continue;
    PERIOD.lastIndex = at;
    const m = PERIOD.exec(k);
    if (!m) continue;
    from = at + m[0].length;
    const period = { from: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, to: `${m[4] ?? m[1]}-${pad(m[5]!)}-${pad(m[6]!)}` };
    const before = k.slice(Math.max(0, at - 30), at);
    if (before.includes('统计')) return period;
    first ??= period;
  }
  return first;
}

export function readMeta(stream: Stream, docTitle: string | undefined): DocumentMeta {
  const t = findTitle(stream, docTitle);
  const period = findPeriod(stream.k);
  const year = t?.year ?? (period ? Number(period.from.slice(0, 4)) : null);
  return { title: t?.title ?? null, agency: t?.agency ?? null, year, period };
}

const SIGNALS_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '第二十条第(九)项', '政府集中采购'];
const SIGNALS_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '逾期不补正', '缴纳费用'];

/** The format from the tables' wording; null when the document gives no sign. */
export function detectFormat(k: string, year: number | null): { format: FormatId; guessed: boolean } {
  let score = 0;
  for (const w of SIGNALS_2019) if (k.includes(w)) score--;
  for (const w of SIGNALS_2021) if (k.includes(w)) score++;
  if (score > 0) return { format: '2021', guessed: false };
  if (score < 0) return { format: '2019', guessed: false };
  return { format: year !== null ? specForYear(year).format : '2021', guessed: true };
}
