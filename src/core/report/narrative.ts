/**
 * The figures the prose of a report quotes, computed from its tables, and the sentences that
 * quote them. Prose written with these functions can never disagree with the tables (TXT-T3 checks
 * the prose people typed against the same figures).
 */
import type { Cell, ReportSpec } from './spec/index.js';
import { specFor, TABLE3_TOTAL_COLUMN } from './spec/index.js';
import type { ReportValues, TableValues } from './values.js';
import { isKnown } from './validate-labels.js';

type ReportTables = Pick<ReportValues, 'format' | 'tables'>;

/** Table-三 figures of the 总计 column; null when a cell they need is blank. */
export interface RequestFigures {
  readonly newReceived: number | null;
  readonly carriedOver: number | null;
  readonly granted: number | null;
  readonly partial: number | null;
  /** Σ （三）不予公开 1–8. */
  readonly denied: number | null;
  /** Σ （四）无法提供 1–3. */
  readonly unable: number | null;
  /** Σ （五）不予处理 1–5. */
  readonly rejected: number | null;
  /** （六）其他处理 (Σ of its sub-rows in the 2021 format). */
  readonly other: number | null;
  /** （七）总计: applications answered in the year. */
  readonly answered: number | null;
  readonly carriedForward: number | null;
}

export interface AppealGroupFigures {
  readonly upheld: number | null;
  readonly corrected: number | null;
  readonly other: number | null;
  readonly pending: number | null;
  readonly total: number | null;
}

export interface AppealFigures {
  readonly review: AppealGroupFigures;
  readonly suitDirect: AppealGroupFigures;
  readonly suitAfterReview: AppealGroupFigures;
  /** 行政诉讼 in all: 未经复议直接起诉 + 复议后起诉. */
  readonly suitTotal: number | null;
}

/** Row keys of table 三 by outcome group, from the spec (key prefix = group). */
function outcomeGroups(spec: ReportSpec): Readonly<Record<string, readonly string[]>> {
  const groups: Record<string, string[]> = {};
  for (const row of spec.tables.table3.rows) {
    const group = row.key.split('_')[0]!;
    (groups[group] ??= []).push(row.key);
  }
  return groups;
}
const groupCache = new WeakMap<ReportSpec, Readonly<Record<string, readonly string[]>>>();

/** A row's 总计: the printed total, or Σ of the six applicant cells when the total was left blank. */
export function rowTotal(row: readonly Cell[] | null | undefined): number | null {
  if (!row) return 0;
  const total = row[TABLE3_TOTAL_COLUMN];
  if (isKnown(total)) return total;
  let sum = 0;
  for (let c = 0; c < TABLE3_TOTAL_COLUMN; c++) {
    const v = row[c];
    if (!isKnown(v)) return null;
    sum += v;
  }
  return sum;
}

function rowsTotal(t3: TableValues, keys: readonly string[] | undefined): number | null {
  let sum = 0;
  for (const key of keys ?? []) {
    const v = rowTotal(t3[key]);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

export function requestFigures(report: ReportTables): RequestFigures {
  const spec = specFor(report.format);
  let groups = groupCache.get(spec);
  if (!groups) {
    groups = outcomeGroups(spec);
    groupCache.set(spec, groups);
  }
  const t3 = report.tables.table3 ?? {};
  const one = (key: string) => rowTotal(t3[key]);
  return {
    newReceived: one('newReceived'),
    carriedOver: one('carriedOver'),
    granted: one('granted'),
    partial: one('partial'),
    denied: rowsTotal(t3, groups.denied),
    unable: rowsTotal(t3, groups.unable),
    rejected: rowsTotal(t3, groups.rejected),
    other: rowsTotal(t3, groups.other),
    answered: one('total'),
    carriedForward: one('carriedForward'),
  };
}

const known = (v: Cell | undefined): number | null => (isKnown(v) ? v : null);

function appealGroup(cells: readonly Cell[], from: number): AppealGroupFigures {
  const parts = [known(cells[from]), known(cells[from + 1]), known(cells[from + 2]), known(cells[from + 3])];
  const partsSum = parts.every((p) => p !== null) ? (parts as number[]).reduce((a, b) => a + b, 0) : null;
  return { upheld: parts[0]!, corrected: parts[1]!, other: parts[2]!, pending: parts[3]!, total: known(cells[from + 4]) ?? partsSum };
}

export function appealFigures(report: ReportTables): AppealFigures {
  const cells = report.tables.table4?.cases ?? [];
  const review = appealGroup(cells, 0);
  const suitDirect = appealGroup(cells, 5);
  const suitAfterReview = appealGroup(cells, 10);
  const suitTotal = suitDirect.total !== null && suitAfterReview.total !== null ? suitDirect.total + suitAfterReview.total : null;
  return { review, suitDirect, suitAfterReview, suitTotal };
}

/** part/whole as a percentage with 2 decimals ("34.16"), rounded half up; null when whole is 0. */
export function formatPercent(part: number, whole: number): string | null {
  if (!(whole > 0)) return null;
  return (Math.round((part * 10000) / whole) / 100).toFixed(2);
}

const n = (v: number | null): string => (v === null ? '（空白）' : String(v));

/**
 * The figures sentence of section 三, e.g. "本年新收政府信息公开申请859件，上年结转18件；办结805件，
 * 其中予以公开272件、部分公开3件、…，予以公开和部分公开占34.16%；结转下年度继续办理72件。"
 */
export function describeRequests(report: ReportTables): string {
  const f = requestFigures(report);
  const outcomes = ([
    ['予以公开', f.granted], ['部分公开', f.partial], ['不予公开', f.denied], ['无法提供', f.unable],
    ['不予处理', f.rejected], ['其他处理', f.other],
  ] as const).map(([label, v]) => `${label}${n(v)}件`).join('、');
  const percent = f.granted !== null && f.partial !== null && f.answered !== null ? formatPercent(f.granted + f.partial, f.answered) : null;
  return `本年新收政府信息公开申请${n(f.newReceived)}件，上年结转${n(f.carriedOver)}件；`
    + `办结${n(f.answered)}件，其中${outcomes}${percent === null ? '' : `，予以公开和部分公开占${percent}%`}；`
    + `结转下年度继续办理${n(f.carriedForward)}件。`;
}

const groupText = (g: AppealGroupFigures) =>
  `结果维持${n(g.upheld)}件、结果纠正${n(g.corrected)}件、其他结果${n(g.other)}件、尚未审结${n(g.pending)}件`;

/** The figures sentence of section 四, from table 四. */
export function describeAppeals(report: ReportTables): string {
  const a = appealFigures(report);
  return `本年因政府信息公开工作被申请行政复议${n(a.review.total)}件，其中${groupText(a.review)}；`
    + `被提起行政诉讼${n(a.suitTotal)}件，其中未经复议直接起诉${n(a.suitDirect.total)}件（${groupText(a.suitDirect)}），`
    + `复议后起诉${n(a.suitAfterReview.total)}件（${groupText(a.suitAfterReview)}）。`;
}

/** The figures sentence of section 二, from table 二 (2021 format; the 2019 format quotes its own columns). */
export function describeProactive(report: ReportTables): string {
  const t2 = report.tables.table2 ?? {};
  const cell = (row: string, c: number) => known(t2[row]?.[c]);
  if (report.format === '2019') {
    return `本年新制作规章${n(cell('regulations', 0))}件、新公开${n(cell('regulations', 1))}件，对外公开总数${n(cell('regulations', 2))}件；`
      + `新制作规范性文件${n(cell('normativeDocs', 0))}件、新公开${n(cell('normativeDocs', 1))}件，对外公开总数${n(cell('normativeDocs', 2))}件。`;
  }
  const docs = (row: string, label: string) => t2[row]
    ? `本年制发${label}${n(cell(row, 0))}件、废止${n(cell(row, 1))}件，现行有效${n(cell(row, 2))}件；`
    : '';
  const fee = cell('feesWan', 0);
  return `${docs('regulations', '规章')}${docs('normativeDocs', '行政规范性文件')}`
    + `本年作出行政许可决定${n(cell('licensing', 0))}件、行政处罚决定${n(cell('penalty', 0))}件、行政强制决定${n(cell('enforcement', 0))}件；`
    + `收取行政事业性收费${fee === null ? '（空白）' : String(fee)}万元。`;
}
