/**
 * The document layout shared by every renderer: the title lines, then the sections in order —
 * heading, paragraphs and, for 二/三/四, the table as a TableView. A table whose section the report
 * lacks still gets its statutory heading, at its place among the sections.
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

export function reportOutline(report: ReportValues, marks: ReportMarks = {}): ReportOutline {
  const spec = specFor(report.format);
  const blocks: OutlineBlock[] = [];
  const done = new Set<TableId>();
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
