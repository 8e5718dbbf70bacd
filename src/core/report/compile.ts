/**
 * Facts → ReportValues: tables 三 and 四 (and 二 when the registers give it) compiled from plain
 * counts that a service loaded from the records, generic over the format spec. Every row and column
 * of the spec is resolved by key: the table-三 outcome rows ARE the outcome keys (a format with a
 * single row for a group — the 2019 （六）其他处理 — sums the group's outcomes), the columns ARE the
 * applicant kinds, table 四's columns are "<appeal kind>.<result>". A spec row or column this module
 * cannot place is a bug and throws (a test compiles every format). The prose figures are written by
 * the narrative functions, so they can never disagree with the tables.
 */
import { applicantKinds, type ApplicantKind } from '../requests/request.js';
import { isOutcomeKey, outcomeGroup, outcomeKeys, type OutcomeKey } from '../requests/outcomes.js';
import { appealKinds, appealResults, type AppealKind, type AppealResult } from '../requests/records.js';
import { describeAppeals, describeProactive, describeRequests } from './narrative.js';
import type { Cell, ColumnSpec, ReportSpec, SectionSpec } from './spec/index.js';
import type { ReportSection, ReportValues, TableValues } from './values.js';
import { filledTable, rowColumns } from './values.js';

/** Requests per applicant kind (a kind left out counts 0). */
export type KindCounts = { readonly [K in ApplicantKind]?: number };

/** What table 三 is compiled from (rules.md §1.7). */
export interface RequestFacts {
  /** 本年新收: received (第三十一条 date) in the year. */
  readonly newReceived: KindCounts;
  /** 上年结转: received before 1 January and not answered on that day. */
  readonly carriedOver: KindCounts;
  /** 结转下年度: received on or before 31 December and not answered by then. */
  readonly carriedForward: KindCounts;
  /** Answered in the year, by outcome (部分公开 counts once: every request has one outcome). */
  readonly outcomes: { readonly [O in OutcomeKey]?: KindCounts };
}

/** Table 四: cases per kind and result (as at 31 December). */
export type AppealFacts = { readonly [K in AppealKind]?: { readonly [R in AppealResult]?: number } };

export interface ReportFacts {
  /** The reporting body's full name. */
  readonly agency: string;
  readonly year: number;
  readonly requests: RequestFacts;
  readonly appeals: AppealFacts;
  /**
   * Table 二 by spec row key, cells in the row's column order (from the proactive-disclosure
   * registers). Absent or null: every cell 0 (nothing registered); a missing row: 0s.
   */
  readonly table2?: Readonly<Record<string, readonly Cell[]>> | null;
}

/** Facts with every count 0 (an agency without activity in the year). */
export function emptyFacts(agency: string, year: number): ReportFacts {
  return { agency, year, requests: { newReceived: {}, carriedOver: {}, carriedForward: {}, outcomes: {} }, appeals: {} };
}

const isApplicantKind = (key: string): key is ApplicantKind => (applicantKinds as readonly string[]).includes(key);
const isAppealKind = (key: string): key is AppealKind => (appealKinds as readonly string[]).includes(key);
const isAppealResult = (key: string): key is AppealResult => (appealResults as readonly string[]).includes(key);
const TOTAL = 'total';

/** The counts a table-三 row adds up, by row key; null when the key is not a table-三 row we know. */
function rowSources(facts: RequestFacts, rowKey: string): readonly (KindCounts | undefined)[] | null {
  switch (rowKey) {
    case 'newReceived': return [facts.newReceived];
    case 'carriedOver': return [facts.carriedOver];
    case 'carriedForward': return [facts.carriedForward];
    case TOTAL: return outcomeKeys.map((k) => facts.outcomes[k]);
    default:
      if (isOutcomeKey(rowKey)) return [facts.outcomes[rowKey]];
      // A format that prints one row for a whole outcome group (2019: （六）其他处理).
      if (outcomeKeys.some((k) => outcomeGroup(k) === rowKey)) return outcomeKeys.filter((k) => outcomeGroup(k) === rowKey).map((k) => facts.outcomes[k]);
      return null;
  }
}

function count(value: number | undefined, what: string): number {
  const v = value ?? 0;
  if (!Number.isInteger(v) || v < 0) throw new Error(`compileReport: ${what} is not a count: ${String(value)}`);
  return v;
}

function kindCell(sources: readonly (KindCounts | undefined)[], column: ColumnSpec, rowKey: string): number {
  const kinds: readonly ApplicantKind[] = column.key === TOTAL ? applicantKinds : isApplicantKind(column.key) ? [column.key] : [];
  if (kinds.length === 0) throw new Error(`compileReport: table 三 column "${column.key}" is not an applicant kind`);
  let sum = 0;
  for (const s of sources) for (const k of kinds) sum += count(s?.[k], `${rowKey}.${k}`);
  return sum;
}

function compileTable3(spec: ReportSpec, facts: RequestFacts): TableValues {
  const table = spec.tables.table3;
  const out: Record<string, Cell[]> = {};
  for (const row of table.rows) {
    const sources = rowSources(facts, row.key);
    if (!sources) throw new Error(`compileReport: table 三 row "${row.key}" of the ${spec.format} format has no source`);
    out[row.key] = rowColumns(table, row.key).map((c) => kindCell(sources, c, row.key));
  }
  return out;
}

function compileTable4(spec: ReportSpec, facts: AppealFacts): TableValues {
  const table = spec.tables.table4;
  const out: Record<string, Cell[]> = {};
  for (const row of table.rows) {
    out[row.key] = rowColumns(table, row.key).map((c) => {
      const [kind, result] = c.key.split('.') as [string, string | undefined];
      if (!isAppealKind(kind) || result === undefined || !(result === TOTAL || isAppealResult(result))) {
        throw new Error(`compileReport: table 四 column "${c.key}" is not "<appeal kind>.<result>"`);
      }
      const results: readonly AppealResult[] = result === TOTAL ? appealResults : [result];
      return results.reduce((sum, r) => sum + count(facts[kind]?.[r], `${kind}.${r}`), 0);
    });
  }
  return out;
}

function compileTable2(spec: ReportSpec, facts: ReportFacts['table2']): TableValues {
  const table = spec.tables.table2;
  const zeros = filledTable(table, 0);
  if (!facts) return zeros;
  const known = new Set(table.rows.map((r) => r.key));
  const unknown = Object.keys(facts).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`compileReport: table 二 facts have rows the ${spec.format} format does not: ${unknown.join(', ')}`);
  const out: Record<string, readonly Cell[] | null> = { ...zeros };
  for (const row of table.rows) {
    const cells = facts[row.key];
    if (!cells) continue;
    const width = rowColumns(table, row.key).length;
    if (cells.length !== width) throw new Error(`compileReport: table 二 row "${row.key}" needs ${width} cells, got ${cells.length}`);
    out[row.key] = [...cells];
  }
  return out;
}

/** The text of a section: the figures sentence of the table sections, a plain statement for 一. */
function sectionText(section: SectionSpec, report: Pick<ReportValues, 'format' | 'tables'>, facts: ReportFacts): string {
  switch (section.key) {
    case 'overview':
      return `本报告由${facts.agency}依据政府信息公开申请办理记录和行政复议、行政诉讼记录编制，统计期限为${facts.year}年1月1日至${facts.year}年12月31日。`;
    case 'proactive': return describeProactive(report);
    case 'requests': return describeRequests(report);
    case 'appeals': return describeAppeals(report);
    default: return '';
  }
}

/** The report of one body and year in the given format, compiled from its facts. */
export function compileReport(spec: ReportSpec, facts: ReportFacts): ReportValues {
  const tables = {
    table2: compileTable2(spec, facts.table2),
    table3: compileTable3(spec, facts.requests),
    table4: compileTable4(spec, facts.appeals),
  };
  const figures = { format: spec.format, tables };
  const sections: ReportSection[] = spec.sections.map((s) => ({ key: s.key, heading: `${s.number}、${s.heading}`, text: sectionText(s, figures, facts) }));
  return {
    format: spec.format,
    agency: facts.agency,
    year: facts.year,
    title: `${facts.agency}${facts.year}年政府信息公开工作年度报告`,
    period: { from: `${facts.year}-01-01`, to: `${facts.year}-12-31` },
    tables,
    sections,
  };
}
