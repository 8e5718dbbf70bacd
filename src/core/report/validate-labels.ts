/**
 * Labels of rows and columns as the findings quote them, precomputed once per spec so that
 * validation does no string work until a finding is made.
 */
import type { ColumnSpec, ReportSpec, RowSpec, TableId, TableSpec } from './spec/index.js';
import type { TableValues } from './values.js';

export const tableLabels: Readonly<Record<TableId, string>> = { table2: '表二', table3: '表三', table4: '表四' };

export interface RowIndex {
  readonly key: string;
  readonly spec: RowSpec;
  /** The row label a reader recognises: the innermost label, with its group for numbered sub-rows. */
  readonly label: string;
  readonly columns: readonly ColumnSpec[];
  /** Column labels, qualified by their header groups when the bare label repeats (table 四). */
  readonly columnLabels: readonly string[];
}

export interface TableIndex {
  readonly id: TableId;
  readonly label: string;
  readonly spec: TableSpec;
  readonly rows: readonly RowIndex[];
  readonly rowByKey: ReadonlyMap<string, RowIndex>;
  /** Qualified labels of the table's own columns. */
  readonly columnLabels: readonly string[];
}

export type SpecIndex = Readonly<Record<TableId, TableIndex>>;

function qualifiedLabels(columns: readonly ColumnSpec[]): string[] {
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.label, (counts.get(c.label) ?? 0) + 1);
  return columns.map((c) => (counts.get(c.label)! > 1 && c.groups?.length ? [...c.groups, c.label].join('·') : c.label));
}

function rowLabel(row: RowSpec): string {
  const parent = row.parents && row.parents.length >= 2 ? row.parents[row.parents.length - 1] : undefined;
  return parent ? `${parent}${row.label}` : row.label;
}

function indexTable(table: TableSpec): TableIndex {
  const tableColumnLabels = qualifiedLabels(table.columns);
  const rows = table.rows.map((r): RowIndex => {
    const columns = r.columns ?? table.columns;
    return { key: r.key, spec: r, label: rowLabel(r), columns, columnLabels: r.columns ? qualifiedLabels(columns) : tableColumnLabels };
  });
  return {
    id: table.id,
    label: tableLabels[table.id],
    spec: table,
    rows,
    rowByKey: new Map(rows.map((r) => [r.key, r])),
    columnLabels: tableColumnLabels,
  };
}

const cache = new WeakMap<ReportSpec, SpecIndex>();

/** The label index of a spec (computed once per spec object). */
export function specIndex(spec: ReportSpec): SpecIndex {
  let index = cache.get(spec);
  if (!index) {
    index = { table2: indexTable(spec.tables.table2), table3: indexTable(spec.tables.table3), table4: indexTable(spec.tables.table4) };
    cache.set(spec, index);
  }
  return index;
}

/** A usable number: finite. Blank (null), missing (undefined) and NaN are not. */
export const isKnown = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Equal within floating-point noise (万元 amounts have decimals). */
export const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Σ of one column over rows: a row that is not printed (null or absent) counts as 0; a blank cell
 * in a printed row makes the sum unknown (null).
 */
export function columnSum(values: TableValues, rows: readonly string[], column: number): number | null {
  let sum = 0;
  for (const key of rows) {
    const row = values[key];
    if (!row) continue;
    const v = row[column];
    if (!isKnown(v)) return null;
    sum += v;
  }
  return sum;
}
