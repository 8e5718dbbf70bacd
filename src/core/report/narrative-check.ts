/**
 * TXT-T3: figures quoted in the prose (收到申请N件, 予以公开N件, …占P%, 行政复议N件) against the
 * tables. Conservative by design: a sentence is read only when its wording is unambiguous, and
 * skipped when it compares with other years, quotes another body (代表, 本级) or a cumulative
 * figure. A stated count is accepted when it equals any reading the format allows (收到 may
 * include 上年结转); a percentage when it rounds right at its own precision for one of the usual
 * denominators. Expected values are those of （七）总计 as denominator, 2 decimals.
 */
import type { Finding } from '../findings.js';
import type { ReportSection, ReportValues } from './values.js';
import type { AppealFigures, RequestFigures } from './narrative.js';
import { appealFigures, formatPercent, requestFigures } from './narrative.js';

type Needs = 'request' | 'outcome' | 'appeal';

interface FigurePattern {
  readonly what: string;
  readonly re: RegExp;
  readonly needs: Needs;
  /** The table figure first, then other readings that are also right. */
  readonly values: (f: RequestFigures, a: AppealFigures) => readonly (number | null)[];
  /** The match is a percentage (group 1), not a count. */
  readonly percentOnly?: boolean;
  /** Literal words one of which the sentence must contain before the pattern is tried. */
  readonly hints: readonly string[];
}

const BASIS = '正文引用的件数和比例应与表三、表四一致（比例以“（七）总计”为分母，保留两位小数）';
const NUM = '(?<![\\d.])(\\d+)件';
/** Not the second half of "不予公开、无法提供共N件"-style joint figures. */
const NOT_JOINT = '(?<!(?:公开|提供|处理|复议|诉讼)[、和及与或])';
const FILL = '(?:答复)?(?:的)?(?:有|共计?|合计)?';
const sum = (...v: (number | null)[]) => (v.every((x) => x !== null) ? (v as number[]).reduce((a, b) => a + b, 0) : null);

const re = (source: string) => new RegExp(source, 'g');

/** Order matters: joint and longer phrases first; each match masks its text for later patterns. */
const patterns: readonly FigurePattern[] = [
  {
    what: '予以公开和部分公开件数', needs: 'outcome', hints: ['予以公开'],
    re: re(`(?<!不)予以公开(?:和|及|与|、)部分公开${FILL}${NUM}`), values: (f) => [sum(f.granted, f.partial)],
  },
  {
    what: '予以公开和部分公开占比', needs: 'outcome', percentOnly: true, hints: ['予以公开'],
    re: re('(?<!不)予以公开(?:和|及|与|、)部分公开(?:的)?(?:比例|比率)?(?:占|为)(?:比)?(?:为)?(\\d+(?:\\.\\d+)?)%'),
    values: (f) => [sum(f.granted, f.partial)],
  },
  {
    what: '上年结转件数', needs: 'request', hints: ['结转'],
    re: re(`上一?年度?结转(?:的)?(?:政府信息公开|信息公开)?(?:申请)?(?:数量)?(?:为|共)?${NUM}`), values: (f) => [f.carriedOver],
  },
  {
    what: '结转下年度件数', needs: 'request', hints: ['下'],
    re: re(`(?:结转至?|转入?|结转到)下一?年度?(?:继续)?(?:办理)?${FILL}${NUM}`), values: (f) => [f.carriedForward],
  },
  {
    what: '收到申请件数', needs: 'request', hints: ['收到', '新收'],
    re: re(`(?:新收|收到)(?:各类|的)?(?:政府信息公开|信息公开|依申请公开)?申请(?:数量|总数|总量)?(?:为|共计?|合计)?${NUM}`),
    values: (f) => [f.newReceived, sum(f.newReceived, f.carriedOver)],
  },
  {
    what: '办结件数', needs: 'request', hints: ['办结', '答复'],
    re: re(`(?:办结(?:各类|的)?(?:政府信息公开|信息公开)?(?:申请)?|答复(?:各类|的)?(?:政府信息公开|信息公开)?申请)(?:共计?|合计)?${NUM}`),
    values: (f) => [f.answered],
  },
  { what: '予以公开件数', needs: 'outcome', hints: ['予以公开', '同意公开', '全部公开'], re: re(`${NOT_JOINT}(?<!不)(?:予以公开|同意公开|全部公开)${FILL}${NUM}`), values: (f) => [f.granted] },
  { what: '部分公开件数', needs: 'outcome', hints: ['部分公开'], re: re(`${NOT_JOINT}部分公开${FILL}${NUM}`), values: (f) => [f.partial] },
  { what: '不予公开件数', needs: 'outcome', hints: ['不予公开'], re: re(`${NOT_JOINT}不予公开${FILL}${NUM}`), values: (f) => [f.denied] },
  { what: '无法提供件数', needs: 'outcome', hints: ['无法提供'], re: re(`${NOT_JOINT}无法提供${FILL}${NUM}`), values: (f) => [f.unable] },
  { what: '不予处理件数', needs: 'outcome', hints: ['不予处理'], re: re(`${NOT_JOINT}不予处理${FILL}${NUM}`), values: (f) => [f.rejected] },
  { what: '其他处理件数', needs: 'outcome', hints: ['其他处理'], re: re(`${NOT_JOINT}其他处理${FILL}${NUM}`), values: (f) => [f.other] },
  {
    what: '行政复议件数', needs: 'appeal', hints: ['行政复议'],
    re: re(`${NOT_JOINT}行政复议(?:案件)?(?:数量?)?(?:为|共计?)?${NUM}`), values: (_f, a) => [a.review.total],
  },
  {
    what: '行政诉讼件数', needs: 'appeal', hints: ['行政诉讼'],
    re: re(`${NOT_JOINT}行政诉讼(?:案件)?(?:数量?)?(?:为|共计?)?${NUM}`), values: (_f, a) => [a.suitTotal],
  },
];

/** A percentage right after a count: "，占33.9%", "占比为4.34%", "占办结总数的34.16%". */
const PERCENT_AFTER = /^[，,]?(?:约)?占[^，。；%\d]{0,8}?(\d+(?:\.\d+)?)%/;
/** Sentences that compare with other periods, quote cumulative figures or another body's. */
const SKIP = /同比|[较比]上一?年|[较比]去年|上年同期|去年|累计|历年|以来|代表|本级/;
const YEAR = /((?:19|20)\d{2})年/g;
const SCANNED = new Set<ReportSection['key']>(['overview', 'requests', 'appeals', null]);

/** Half-width digits and %, no whitespace, no thousands separators. */
export function normalizeProse(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/．/g, '.')
    .replace(/[\s\u3000]+/g, '')
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
}

function yearsOk(sentence: string, year: number | null): boolean {
  if (year === null) return true;
  for (const m of sentence.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (y !== year && y !== year + 1) return false;
  }
  return true;
}

/** A stated percentage is right when it rounds right at its own precision for some denominator. */
function percentOk(stated: string, part: number, wholes: readonly (number | null)[]): boolean {
  const decimals = stated.includes('.') ? stated.length - stated.indexOf('.') - 1 : 0;
  const tolerance = 0.5 * 10 ** -decimals + 1e-9;
  return wholes.some((w) => w !== null && w > 0 && Math.abs(Number(stated) - (part * 100) / w) <= tolerance);
}

function clause(sentence: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < 24 && !'，,、；：:（('.includes(sentence[from - 1]!)) from--;
  return sentence.slice(from, end);
}

function checkSentence(
  raw: string, section: ReportSection, f: RequestFigures, a: AppealFigures, found: { at: number; finding: Finding }[],
): void {
  let text = raw;
  const where = { section: section.key ?? section.heading };
  const emit = (position: number, params: Finding['params']) =>
    found.push({ at: position, finding: { code: 'TXT-T3', severity: 'warning', at: where, params: { ...params, basis: BASIS } } });
  const isOutcomeSentence = raw.includes('申请') || raw.includes('公开');
  const isRequestSentence = isOutcomeSentence && (section.key === 'requests' || /信息公开|公开申请|依申请/.test(raw));
  const isAppealSentence = section.key === 'appeals' || raw.includes('信息公开');
  const denominators = [f.answered, f.newReceived, f.newReceived !== null && f.carriedOver !== null ? f.newReceived + f.carriedOver : null];
  for (const p of patterns) {
    if (p.needs === 'request' ? !isRequestSentence : p.needs === 'outcome' ? !isOutcomeSentence : !isAppealSentence) continue;
    if (!p.hints.some((h) => raw.includes(h))) continue;
    const masks: [number, number][] = [];
    for (const m of text.matchAll(p.re)) {
      const start = m.index;
      let end = start + m[0].length;
      const values = p.values(f, a);
      const expected = values[0] ?? null;
      if (p.percentOnly) {
        masks.push([start, end]);
        if (expected === null || f.answered === null || f.answered <= 0) continue;
        if (!percentOk(m[1]!, expected, denominators)) {
          emit(start, { quote: clause(raw, start, end), what: p.what, stated: `${m[1]}%`, expected: `${formatPercent(expected, f.answered)}%` });
        }
        continue;
      }
      const stated = Number(m[1]);
      const pct = PERCENT_AFTER.exec(text.slice(end));
      if (pct) end += pct[0].length;
      masks.push([start, end]);
      if (expected === null) continue;
      if (!values.some((v) => v === stated)) {
        emit(start, { quote: clause(raw, start, end), what: p.what, stated, expected });
      }
      if (pct && p.needs !== 'appeal' && f.answered !== null && f.answered > 0 && !percentOk(pct[1]!, expected, denominators)) {
        emit(start + 0.5, { quote: clause(raw, start, end), what: p.what.replace('件数', '占比'), stated: `${pct[1]}%`, expected: `${formatPercent(expected, f.answered)}%` });
      }
    }
    for (const [s, e] of masks) text = text.slice(0, s) + '□'.repeat(e - s) + text.slice(e);
  }
}

/** Sentence ends and figure marks, found in one pass. */
const MARKS = /[。！？!?件%％]/g;
/** Longer "sentences" are table dumps or run-on text, not prose to quote from: skipped. */
export const MAX_SENTENCE = 600;

/** The sentences (split at 。！？) of a text that contain 件 or %, at most MAX_SENTENCE characters long. */
export function figureSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let hasFigure = false;
  MARKS.lastIndex = 0;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    const c = m[0];
    if (c === '件' || c === '%' || c === '％') {
      hasFigure = true;
      continue;
    }
    if (hasFigure && m.index - start <= MAX_SENTENCE) out.push(text.slice(start, m.index));
    start = m.index + 1;
    hasFigure = false;
  }
  if (hasFigure && text.length - start <= MAX_SENTENCE) out.push(text.slice(start));
  return out;
}

/** TXT-T3 findings of the report's prose (sections 一, 三, 四 and unrecognised sections). */
export function checkNarrative(report: Pick<ReportValues, 'format' | 'year' | 'tables' | 'sections'>): Finding[] {
  const out: Finding[] = [];
  let f: RequestFigures | undefined;
  let a: AppealFigures | undefined;
  for (const section of report.sections) {
    if (!SCANNED.has(section.key)) continue;
    for (const rawSentence of figureSentences(section.text)) {
      const sentence = normalizeProse(rawSentence);
      if (SKIP.test(sentence) || !yearsOk(sentence, report.year)) continue;
      f ??= requestFigures(report);
      a ??= appealFigures(report);
      const found: { at: number; finding: Finding }[] = [];
      checkSentence(sentence, section, f, a, found);
      found.sort((x, y) => x.at - y.at);
      for (const x of found) out.push(x.finding);
    }
  }
  return out;
}
