/**
 * How each cell of a compiled report is counted, in Chinese (the console shows it above the
 * drill-down list), and the mapping of a table cell to the records it counts.
 */
import { appealKinds, appealResultLabels, appealResults, type AppealKind, type AppealResult } from '../../core/requests/records.js';
import { applicantKinds, type ApplicantKind } from '../../core/requests/request.js';
import { specForYear, TABLE3_TOTAL_COLUMN } from '../../core/report/spec/index.js';
import { specIndex } from '../../core/report/validate-labels.js';
import { rowOutcomes } from '../../db/report.repository.js';
import { table2Definition } from '../registers/table2.service.js';

const appealKindText: { readonly [K in AppealKind]: string } = {
  review: '行政复议', suitDirect: '未经复议直接提起的行政诉讼', suitAfterReview: '经复议后提起的行政诉讼',
};

/** Table-三 row → how it is counted for `year`. */
export function table3RowDefinition(row: string, year: number): string | null {
  const y = `${year}年`;
  switch (row) {
    case 'newReceived': return `收到申请之日（第三十一条）在${y}1月1日至12月31日之间的申请`;
    case 'carriedOver': return `${y}1月1日以前收到、当日尚未答复的申请（即上年度“结转下年度继续办理”）`;
    case 'carriedForward': return `${y}12月31日以前收到、当日尚未答复的申请`;
    case 'total': return `${y}内作出答复或办结的全部申请（每件只计一种办理结果）`;
    default: {
      const outcomes = rowOutcomes(row);
      if (!outcomes) return null;
      const label = specIndex(specForYear(year)).table3.rowByKey.get(row)?.label ?? row;
      return `${y}内作出答复或办结、办理结果为“${label}”的申请`;
    }
  }
}

/** Table-四 column → kind and result (null for 总计). */
export function table4Column(column: number): { kind: AppealKind; result: AppealResult | null } | null {
  if (!Number.isInteger(column) || column < 0 || column >= appealKinds.length * 5) return null;
  const kind = appealKinds[Math.floor(column / 5)]!;
  const r = column % 5;
  return { kind, result: r < appealResults.length ? appealResults[r]! : null };
}

export function table4ColumnDefinition(column: number, year: number): string | null {
  const c = table4Column(column);
  if (!c) return null;
  const result = c.result === null ? '' : c.result === 'pending'
    ? `，截至${year}年12月31日尚未审结`
    : `，截至${year}年12月31日的结果为“${appealResultLabels[c.result]}”`;
  const exclusion = c.kind === 'suitAfterReview' ? '；本机关仅作为复议机关被列为共同被告的不计入（国办公开办函〔2016〕201号）' : '';
  return `${year}年内立案的${appealKindText[c.kind]}${result}${exclusion}`;
}

/** Table-三 column → applicant kind (null for 总计). */
export function table3Column(column: number): { kind: ApplicantKind | null } | null {
  if (!Number.isInteger(column) || column < 0 || column > TABLE3_TOTAL_COLUMN) return null;
  return { kind: column === TABLE3_TOTAL_COLUMN ? null : applicantKinds[column]! };
}

export interface CellDefinitions {
  /** Table-三 row key → how it is counted. */
  readonly table3: Readonly<Record<string, string>>;
  /** Table-四 column → how it is counted. */
  readonly table4: readonly string[];
  /** Table 二: how it is compiled from the registers. */
  readonly table2: string;
}

export function cellDefinitions(year: number): CellDefinitions {
  const spec = specForYear(year);
  return {
    table3: Object.fromEntries(spec.tables.table3.rows.map((r) => [r.key, table3RowDefinition(r.key, year) ?? ''])),
    table4: spec.tables.table4.columns.map((_, i) => table4ColumnDefinition(i, year) ?? ''),
    table2: table2Definition(year),
  };
}
