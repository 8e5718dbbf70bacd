/**
 * The shape of a statutory report format: tables (rows × columns with exact labels and header
 * spans), sections of the prose, and the rules that tie cells together. Specs are frozen plain
 * data; compile, validate, render and parse are generic functions over them.
 */
import type { Severity } from '../../findings.js';
import type { ReportFindingCode } from '../../finding-codes.js';

export type FormatId = '2021' | '2019';
export type TableId = 'table2' | 'table3' | 'table4';

/** A numeric cell: null when the source left it blank or wrote "/" (not the same as 0). */
export type Cell = number | null;

export interface ColumnSpec {
  readonly key: string;
  /** Exact label of the lowest header cell above this column. */
  readonly label: string;
  /** Labels of the header cells above it, outermost first (they span neighbouring columns). */
  readonly groups?: readonly string[];
  /** Unit shown in the header, e.g. 万元. */
  readonly unit?: string;
  readonly allowDecimal?: boolean;
  readonly allowNegative?: boolean;
}

export interface RowSpec {
  readonly key: string;
  /** Exact label of the innermost label cell. */
  readonly label: string;
  /** Labels of the spanning label cells to its left, outermost first. */
  readonly parents?: readonly string[];
  /** Other spellings seen in published reports (matched after normalisation). */
  readonly aliases?: readonly string[];
  /** Columns of this row (table 二 rows have their own header); defaults to the table's columns. */
  readonly columns?: readonly ColumnSpec[];
  /** Header cell text printed above this row's block (table 二: 第二十条第（一）项). */
  readonly block?: string;
}

export interface TableSpec {
  readonly id: TableId;
  /** Heading of the report section that holds the table. */
  readonly title: string;
  /** Text of the top-left header cell (table 三 carries the 勾稽 note there). */
  readonly corner?: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly RowSpec[];
  /** Number of label columns at the left (table 三: 3 levels). */
  readonly labelDepth: number;
}

export interface SectionSpec {
  readonly key: 'overview' | 'proactive' | 'requests' | 'appeals' | 'problems' | 'other';
  readonly number: string;
  readonly heading: string;
  /** Keywords, any of which identify the heading in published variants. */
  readonly keywords: readonly string[];
  readonly table?: TableId;
}

/** A reference to cells: rows of a table (all columns, or the given column indexes). */
export interface CellRef {
  readonly table: TableId;
  readonly rows: readonly string[];
}

interface RuleBase {
  readonly code: ReportFindingCode;
  readonly severity: Severity;
  /** Legal or logical basis, quoted to the user. */
  readonly basis: string;
  readonly description: string;
}

/** Per column: Σ left rows = Σ right rows (T3-BAL, T3-OUTSUM). */
export interface ColumnEquationRule extends RuleBase {
  readonly kind: 'columnEquation';
  readonly table: TableId;
  readonly left: readonly string[];
  readonly right: readonly string[];
}

/** Per row: column `total` = Σ columns `parts` (T3-ROWSUM, T4-SUM). */
export interface RowSumRule extends RuleBase {
  readonly kind: 'rowSum';
  readonly table: TableId;
  readonly rows: 'all' | readonly string[];
  readonly groups: readonly { readonly total: number; readonly parts: readonly number[] }[];
}

/** Every cell a non-negative integer, or within its column's allowance (T3-INT, T4-INT, T2-INT). */
export interface CellDomainRule extends RuleBase {
  readonly kind: 'cellDomain';
  readonly table: TableId;
}

/** Total cells must be printed, never blank (T3-BLANK, T4-BLANK). */
export interface BlankRule extends RuleBase {
  readonly kind: 'blank';
  readonly table: TableId;
  /** Column indexes that must not be blank; 'all' for every cell. */
  readonly columns: 'all' | readonly number[];
}

/** Fee amounts reported in 万元 that look like 元 (T2-UNIT). */
export interface UnitRule extends RuleBase {
  readonly kind: 'unit';
  readonly table: TableId;
  readonly row: string;
  readonly column: number;
  /** Above this many 万元 the value is probably in 元. */
  readonly threshold: number;
}

/** Year Y row `current` = year Y−1 row `previous` (T3-CARRY). */
export interface CarryRule extends RuleBase {
  readonly kind: 'carry';
  readonly table: TableId;
  readonly current: string;
  readonly previous: string;
}

/** 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y) (T2-STOCK), 废止 ≤ stock + 制发 (T2-REPEAL). */
export interface StockRule extends RuleBase {
  readonly kind: 'stock' | 'repeal';
  readonly table: TableId;
  readonly rows: readonly string[];
  /** Column indexes of made, repealed and in force. */
  readonly made: number;
  readonly repealed: number;
  readonly inForce: number;
}

export type TableRule = ColumnEquationRule | RowSumRule | CellDomainRule | BlankRule | UnitRule;
export type CrossYearRule = CarryRule | StockRule;

export interface ReportSpec {
  readonly format: FormatId;
  readonly name: string;
  /** The notice that issued the format. */
  readonly source: string;
  /** First and last report year the format is used for (inclusive; null = open). */
  readonly years: readonly [number, number | null];
  readonly sections: readonly SectionSpec[];
  readonly tables: { readonly table2: TableSpec; readonly table3: TableSpec; readonly table4: TableSpec };
  readonly rules: readonly TableRule[];
  readonly crossYearRules: readonly CrossYearRule[];
}
