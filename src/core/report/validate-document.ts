/**
 * Rules of the document as a whole: the format matches the year (FORMAT-MISMATCH), the stated
 * statistical period is the calendar year (PERIOD, PERIOD-MISSING, YEAR-MISMATCH) and the six
 * statutory sections are there in order (SECTIONS).
 *
 * SECTIONS is deliberately forgiving, because real reports vary (Shanghai bodies number their own
 * sections and put the tables after the prose; headings are reworded): a section counts as present
 * when a heading, or a heading-like line inside the text, names it by one of its keywords; order is
 * judged on the first occurrence of each section only.
 *
 * SECTIONS also asks, of a government's report (the agency a 人民政府: 条例第五十条第（四）项
 * "各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况", which the
 * format puts under 一、总体情况 — 监督保障), that 一 speak of them: forgivingly, any one of 考核/考评,
 * 评议 or 责任追究/追责/问责 in the text of 一 (in the whole prose when no heading names 一) is
 * enough. A department's report (…局, …委员会, …人民政府办公室) is not asked. Like the rest of
 * SECTIONS it is a warning, not the ERROR rules.md §1.8 suggests.
 */
import type { Finding } from '../findings.js';
import type { FormatId, ReportSpec, SectionSpec } from './spec/index.js';
import { specForYear } from './spec/index.js';
import type { ReportSection, ReportValues } from './values.js';

const formatLabels: Readonly<Record<FormatId, string>> = { '2021': '2021年', '2019': '2019年试行' };

/** A report has prose when some section has text (a bare table has none). */
export const hasProse = (report: Pick<ReportValues, 'sections'>): boolean => report.sections.some((s) => s.text.trim() !== '');

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function chineseDate(iso: string): string {
  const m = DATE.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** The year a title names ("…2024年政府信息公开工作年度报告"), or null. */
export function titleYear(title: string | null): number | null {
  const m = title ? /((?:19|20)\d{2})\s*年/.exec(title) : null;
  return m ? Number(m[1]) : null;
}

function checkPeriod(report: ReportValues, out: Finding[]): void {
  const named = titleYear(report.title) ?? report.year;
  if (!report.period) {
    if (hasProse(report)) out.push({ code: 'PERIOD-MISSING', severity: 'info', at: { field: 'period' }, params: { year: named } });
    return;
  }
  const { from, to } = report.period;
  const fromYear = DATE.exec(from)?.[1];
  const isCalendarYear = fromYear !== undefined && from === `${fromYear}-01-01` && to === `${fromYear}-12-31`;
  const year = report.year ?? named ?? (fromYear ? Number(fromYear) : null);
  if (!isCalendarYear) {
    out.push({
      code: 'PERIOD', severity: 'error', at: { field: 'period' },
      params: {
        expected: year === null ? '1月1日至12月31日' : `${year}年1月1日至${year}年12月31日`,
        stated: `${chineseDate(from)}至${chineseDate(to)}`,
        basis: '《政府信息公开条例》第四十九条、第五十条：年度报告统计上一年度（1月1日至12月31日）情况',
      },
    });
  } else if (named !== null && Number(fromYear) !== named) {
    out.push({ code: 'YEAR-MISMATCH', severity: 'warning', at: { field: 'period' }, params: { titleYear: named, periodYear: Number(fromYear) } });
  }
}

function checkFormat(report: ReportValues, out: Finding[]): void {
  if (report.year === null) return;
  const expected = specForYear(report.year).format;
  if (expected !== report.format) {
    out.push({
      code: 'FORMAT-MISMATCH', severity: 'warning', at: { field: 'format' },
      params: { year: report.year, expected: formatLabels[expected], format: formatLabels[report.format] },
    });
  }
}

/** Most specific first: "因政府信息公开申请行政复议…" is 四, not 三. */
const matchOrder: readonly SectionSpec['key'][] = ['appeals', 'problems', 'other', 'overview', 'proactive', 'requests'];
const NUMBERING = '(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|\\d{1,2}[、.．])';

interface SectionMatcher {
  readonly ordered: readonly { readonly index: number; readonly keywords: readonly string[] }[];
}
const matchers = new WeakMap<readonly SectionSpec[], SectionMatcher>();

function matcherFor(sections: readonly SectionSpec[]): SectionMatcher {
  let m = matchers.get(sections);
  if (!m) {
    const ordered = matchOrder.map((key) => sections.findIndex((s) => s.key === key)).filter((i) => i >= 0)
      .map((index) => ({ index, keywords: sections[index]!.keywords }));
    m = { ordered };
    matchers.set(sections, m);
  }
  return m;
}

/**
 * A numbered heading ("五、", "（五）", "5.") shortly before the keyword, on the same line and in
 * the same sentence. No boundary is asked before the number: crawler dumps run headings into the
 * table digits before them.
 */
const HEADING_BEFORE = new RegExp(`${NUMBERING}[ \\t\\u3000]*[^\\n。；]{0,12}$`);

/** Whether some text names the section in a heading-like way (keywords found by indexOf first). */
function namedInText(texts: readonly string[], keywords: readonly string[]): boolean {
  for (const text of texts) {
    for (const keyword of keywords) {
      for (let i = text.indexOf(keyword); i >= 0; i = text.indexOf(keyword, i + 1)) {
        if (HEADING_BEFORE.test(text.slice(Math.max(0, i - 20), i))) return true;
      }
    }
  }
  return false;
}

/** Which statutory section (index into spec.sections) a printed section is, or -1. */
function statutoryIndex(section: ReportSection, sections: readonly SectionSpec[], matcher: SectionMatcher): number {
  if (section.key) return sections.findIndex((s) => s.key === section.key);
  const heading = section.heading.replace(/\s+/g, '');
  for (const { index, keywords } of matcher.ordered) if (keywords.some((k) => heading.includes(k))) return index;
  return -1;
}

/** The statutory section a printed section is: its key, or the one its heading names by keyword. */
export function recognizeSection(section: ReportSection, sections: readonly SectionSpec[]): SectionSpec['key'] | null {
  const i = statutoryIndex(section, sections, matcherFor(sections));
  return i >= 0 ? sections[i]!.key : null;
}

/** Indexes of a longest strictly increasing subsequence of `seq` (positions in seq). */
function increasingPositions(seq: readonly number[]): Set<number> {
  const best: number[] = seq.map(() => 1);
  const prev: number[] = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j]! < seq[i]! && best[j]! + 1 > best[i]!) { best[i] = best[j]! + 1; prev[i] = j; }
    }
  }
  let end = 0;
  for (let i = 1; i < seq.length; i++) if (best[i]! > best[end]!) end = i;
  const keep = new Set<number>();
  for (let i = seq.length ? end : -1; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}

/** A government (各级人民政府) by its name: 某某县人民政府, 某某镇人民政府 — not its 办公室 or departments. */
export const isGovernmentAgency = (agency: string | null): boolean => agency !== null && /人民政府$/.test(agency.replace(/\s+/g, ''));

/** Words by which 一 reports the results of 工作考核、社会评议和责任追究. */
const OVERSIGHT_WORDS = /考核|考评|评议|责任追究|追责|问责/;

/** 条例第五十条第（四）项: a government's 一 reports 工作考核、社会评议和责任追究结果. */
function checkGovernmentOverview(spec: ReportSpec, report: ReportValues, indexes: readonly number[], out: Finding[]): void {
  if (!isGovernmentAgency(report.agency)) return;
  const overview = spec.sections.findIndex((s) => s.key === 'overview');
  const named = report.sections.filter((_, j) => indexes[j] === overview);
  const texts = named.length > 0 ? named.map((s) => s.text) : report.sections.flatMap((s) => [s.heading, s.text]);
  if (texts.some((t) => OVERSIGHT_WORDS.test(t))) return;
  const s = spec.sections[overview]!;
  out.push({
    code: 'SECTIONS', severity: 'warning', at: { section: s.key },
    params: {
      problem: 'oversight', number: s.number, heading: s.heading,
      basis: '《政府信息公开条例》第五十条第（四）项：各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和责任追究结果情况',
    },
  });
}

function checkSections(spec: ReportSpec, report: ReportValues, out: Finding[]): void {
  if (!hasProse(report)) return;
  const matcher = matcherFor(spec.sections);
  const firstAt: { index: number; section: ReportSection }[] = [];
  const seen = new Set<number>();
  const indexes = report.sections.map((section) => {
    const i = statutoryIndex(section, spec.sections, matcher);
    if (i >= 0 && !seen.has(i)) {
      seen.add(i);
      firstAt.push({ index: i, section });
    }
    return i;
  });
  const basis = '《政府信息公开条例》第五十条；国办公开办函〔2021〕30号 年度报告格式';
  // the headings and texts, gathered only when a section is not found by its heading
  let texts: string[] | null = null;
  spec.sections.forEach((s, i) => {
    if (seen.has(i)) return;
    texts ??= report.sections.flatMap((x) => [x.heading, x.text]);
    if (namedInText(texts, s.keywords)) return;
    out.push({ code: 'SECTIONS', severity: 'warning', at: { section: s.key }, params: { problem: 'missing', number: s.number, heading: s.heading, basis } });
  });
  const keep = increasingPositions(firstAt.map((f) => f.index));
  firstAt.forEach((f, pos) => {
    if (keep.has(pos)) return;
    const s = spec.sections[f.index]!;
    out.push({
      code: 'SECTIONS', severity: 'warning', at: { section: s.key },
      params: { problem: 'order', number: s.number, heading: f.section.heading || s.heading, basis },
    });
  });
  checkGovernmentOverview(spec, report, indexes, out);
}

/** Document-level findings: format vs year, period, sections. */
export function validateDocument(spec: ReportSpec, report: ReportValues): Finding[] {
  const out: Finding[] = [];
  checkFormat(report, out);
  checkPeriod(report, out);
  checkSections(spec, report, out);
  return out;
}
