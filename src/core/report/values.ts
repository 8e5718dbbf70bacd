/**
 * The figures and prose of one annual report, as plain values. Every table is a map from row key
 * to that row's cells (in column order); a row the document does not print is null.
 */
import type { Cell, FormatId, ReportSpec, SectionSpec, TableId, TableSpec } from './spec/index.js';

export type RowValues = readonly Cell[] | null;
export type TableValues = Readonly<Record<string, RowValues>>;

export interface ReportSection {
  /** Which statutory section this is, when recognised. */
  readonly key: SectionSpec['key'] | null;
  /** The heading as printed, e.g. 一、总体情况. */
  readonly heading: string;
  readonly text: string;
}

export interface ReportValues {
  readonly format: FormatId;
  /** The reporting body (机关), as named in the title. */
  readonly agency: string | null;
  readonly year: number | null;
  readonly title: string | null;
  /** The statistical period the report states, as YYYY-MM-DD dates. */
  readonly period: { readonly from: string; readonly to: string } | null;
  readonly tables: Readonly<Record<TableId, TableValues>>;
  /** The prose, section by section, in document order (may be empty for a bare table). */
  readonly sections: readonly ReportSection[];
}

export const tableIds: readonly TableId[] = ['table2', 'table3', 'table4'];

/** Columns of a row: its own (table 二) or the table's. */
export function rowColumns(table: TableSpec, rowKey: string) {
  return table.rows.find((r) => r.key === rowKey)?.columns ?? table.columns;
}

/** A table with every printed row filled with `value` (0 for an empty report). */
export function filledTable(table: TableSpec, value: Cell = 0): TableValues {
  return Object.fromEntries(table.rows.map((r) => [r.key, rowColumns(table, r.key).map(() => value)]));
}

/** A report with all cells 0 and the six statutory sections with empty text. */
export function emptyReport(spec: ReportSpec, init: { agency?: string | null; year?: number | null } = {}): ReportValues {
  const year = init.year ?? null;
  return {
    format: spec.format,
    agency: init.agency ?? null,
    year,
    title: null,
    period: year === null ? null : { from: `${year}-01-01`, to: `${year}-12-31` },
    tables: {
      table2: filledTable(spec.tables.table2),
      table3: filledTable(spec.tables.table3),
      table4: filledTable(spec.tables.table4),
    },
    sections: spec.sections.map((s) => ({ key: s.key, heading: `${s.number}、${s.heading}`, text: '' })),
  };
}

/** The cell at (row, column), or undefined when the row is not printed. */
export function cellAt(values: TableValues, row: string, column: number): Cell | undefined {
  const r = values[row];
  return r ? r[column] : undefined;
}
