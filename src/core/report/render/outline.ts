/**
 * The document layout shared by every renderer: the title lines, then the sections in order —
 * heading, paragraphs and, for 二/三/四, the table as a TableView. A table whose section the report
 * lacks still gets its statutory heading, at its place among the sections.
 *
 * The statistical period is stated as official reports state it, in an opening paragraph before
 * 一、总体情况 (the seed: "本报告根据《中华人民共和国政府信息公开条例》(…)要求,对以…的名义开展的
 * 政府信息公开工作情况进行报告。本报告中所列数据的统计日期为2024年1月1日至2024年12月31日。") —
 * unless the report's own prose already states it (the seed's values carry that paragraph as
 * their lead section; a compiled report states it in 一), so it is never printed twice and the
 * seed still renders byte for byte.
 */
import { specFor } from '../spec/index.js';
import type { TableId } from '../spec/index.js';
import type { ReportSection, ReportValues } from '../values.js';
import type { Finding } from '../../findings.js';
import { cellMarksFromFindings, toTableView } from '../view.js';
import type { CellMarks, TableView } from '../view.js';

export type OutlineBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly view: TableView };

export interface ReportOutline {
  /** The title as printed: the agency on one line, 「YYYY年政府信息公开工作年度报告」 on the next. */
  readonly titleLines: readonly string[];
  /** The title on one line (for <title> and metadata). */
  readonly title: string;
  readonly blocks: readonly OutlineBlock[];
}

export type ReportMarks = Partial<Record<TableId, CellMarks>>;

/** Marks for every table of a report from its findings (for the checker page's flagged cells). */
export function reportMarksFromFindings(report: Pick<ReportValues, 'format'>, findings: readonly Finding[]): ReportMarks {
  const tables = specFor(report.format).tables;
  return { table2: cellMarksFromFindings(findings, tables.table2), table3: cellMarksFromFindings(findings, tables.table3), table4: cellMarksFromFindings(findings, tables.table4) };
}

const TITLE_TAIL = '政府信息公开工作年度报告';

export function reportTitleLines(report: ReportValues): string[] {
  const agency = report.agency?.trim() ?? '';
  const title = report.title?.trim() ?? '';
  if (title) {
    if (agency && title.startsWith(agency) && title.length > agency.length) return [agency, title.slice(agency.length).trim()];
    return [title];
  }
  const tail = report.year === null ? TITLE_TAIL : `${report.year}年${TITLE_TAIL}`;
  return agency ? [agency, tail] : [tail];
}

/** Sections in document order, with an empty statutory section inserted for every table not covered. */
function sectionsWithTables(report: ReportValues): ReportSection[] {
  const spec = specFor(report.format);
  const out = [...report.sections];
  const order = (key: ReportSection['key']) => spec.sections.findIndex((s) => s.key === key);
  for (const s of spec.sections) {
    if (!s.table || out.some((x) => x.key === s.key)) continue;
    const mine = order(s.key);
    let at = out.length;
    // Before the first section that comes after it in the statutory order.
    const next = out.findIndex((x) => x.key !== null && order(x.key) > mine);
    if (next >= 0) at = next;
    out.splice(at, 0, { key: s.key, heading: `${s.number}、${s.heading}`, text: '' });
  }
  return out;
}

export interface OutlineOptions {
  /** Add the opening paragraph stating the statistical period when the prose does not state it (default true). */
  readonly statePeriod?: boolean;
}

/** 2024-01-01 → 2024年1月1日. */
function chineseDate(iso: string): { full: string; short: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const short = `${Number(m[2])}月${Number(m[3])}日`;
  return { full: `${m[1]}年${short}`, short };
}

/** The opening paragraph stating the period, in the seed's words; null when the prose already states it. */
export function periodParagraph(report: Pick<ReportValues, 'agency' | 'period' | 'sections'>): string | null {
  if (!report.period) return null;
  const from = chineseDate(report.period.from);
  const to = chineseDate(report.period.to);
  if (!from || !to) return null;
  const stated = report.sections.some((s) => s.text.includes(from.full) && (s.text.includes(to.full) || s.text.includes(to.short)));
  if (stated) return null;
  const agency = report.agency?.trim();
  const basis = agency
    ? `本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《政府信息公开条例》）要求，对以${agency}的名义开展的政府信息公开工作情况进行报告。`
    : '本报告根据《中华人民共和国政府信息公开条例》（国务院令第711号，以下简称《政府信息公开条例》）要求编制。';
  return `${basis}本报告中所列数据的统计日期为${from.full}至${to.full}。`;
}

export function reportOutline(report: ReportValues, marks: ReportMarks = {}, opts: OutlineOptions = {}): ReportOutline {
  const spec = specFor(report.format);
  const blocks: OutlineBlock[] = [];
  const done = new Set<TableId>();
  const opening = opts.statePeriod === false ? null : periodParagraph(report);
  if (opening) blocks.push({ kind: 'paragraph', text: opening });
  for (const section of sectionsWithTables(report)) {
    if (section.heading.trim()) blocks.push({ kind: 'heading', text: section.heading.trim() });
    for (const line of section.text.split('\n')) {
      const text = line.trim();
      if (text) blocks.push({ kind: 'paragraph', text });
    }
    const table = spec.sections.find((s) => s.key === section.key)?.table;
    if (table && !done.has(table)) {
      done.add(table);
      blocks.push({ kind: 'table', view: toTableView(spec.tables[table], report.tables[table], marks[table]) });
    }
  }
  const titleLines = reportTitleLines(report);
  return { titleLines, title: titleLines.join(''), blocks };
}
