/**
 * The JSON contract of a report (`gongkai check --json`, `gongkai report --json`, the API):
 * `table3` maps row keys to 7 numbers; `table2` has `regulations`/`normativeDocs` as
 * [made, repealed, inForce] and `licensing`, `penalty`, `enforcement`, `feesWan` as numbers;
 * `table4` is 15 numbers in table order. Blank or "/" cells are null; a table-二 row of which no
 * cell holds a number (every cell blank, "/", unreadable or ambiguous — e.g. run-together digits
 * with several splits) is null as a whole, as in the corpus truth files, while a row with some
 * readable cells stays an array with nulls ([62, null, null]). A 2019-format report has
 * `table2: null` and its own table 二 under `table2Older`; its single （六）其他处理 row is `other`,
 * and — for comparison with 2021 reports (rules.md §1.9: 2019 （六） ↦ 2021 （六）1+2+3, not
 * splittable) — also `other_other` with `other_noSupplement`/`other_noFee` null, as in the
 * corpus truth files.
 */
import { specFor } from './spec/index.js';
import type { Cell, FormatId } from './spec/index.js';
import type { ReportValues, TableValues } from './values.js';

export interface Table2Json {
  readonly regulations: readonly Cell[] | null;
  readonly normativeDocs: readonly Cell[] | null;
  readonly licensing: Cell;
  readonly penalty: Cell;
  readonly enforcement: Cell;
  readonly feesWan: Cell;
}

export interface Table2OlderJson {
  readonly regulations: readonly Cell[] | null;
  readonly normativeDocs: readonly Cell[] | null;
  readonly licensing: readonly Cell[] | null;
  readonly otherServices: readonly Cell[] | null;
  readonly penalty: readonly Cell[] | null;
  readonly enforcement: readonly Cell[] | null;
  readonly fees: readonly Cell[] | null;
  readonly procurement: readonly Cell[] | null;
}

export interface TablesJson {
  readonly table2: Table2Json | null;
  readonly table2Older?: Table2OlderJson;
  readonly table3: Readonly<Record<string, readonly Cell[] | null>>;
  readonly table4: readonly Cell[];
}

export interface ReportJson {
  readonly format: FormatId;
  readonly agency: string | null;
  readonly year: number | null;
  readonly title?: string | null;
  readonly period?: { readonly from: string; readonly to: string } | null;
  readonly tables: TablesJson;
  readonly sections?: readonly { readonly key: string | null; readonly heading: string; readonly text: string }[];
}

const single = (row: readonly Cell[] | null | undefined): Cell => (row ? (row[0] ?? null) : null);
const rowOrNull = (row: readonly Cell[] | null | undefined) => (row ? [...row] : null);
/** A table-二 row in the contract: null when not one of its cells holds a number. */
const table2Row = (row: readonly Cell[] | null | undefined) => (row?.some((c) => c !== null) ? [...row] : null);

/** Tables in the JSON contract's shape. */
export function tablesToJson(format: FormatId, tables: ReportValues['tables']): TablesJson {
  const t2 = tables.table2;
  const table3: Record<string, readonly Cell[] | null> = {};
  for (const r of specFor(format).tables.table3.rows) {
    table3[r.key] = rowOrNull(tables.table3[r.key]);
    if (format === '2019' && r.key === 'other') {
      table3.other_noSupplement = null;
      table3.other_noFee = null;
      table3.other_other = rowOrNull(tables.table3.other);
    }
  }
  const table4 = [...(tables.table4.cases ?? Array.from({ length: 15 }, () => null))];
  if (format === '2019') {
    const table2Older = Object.fromEntries(specFor('2019').tables.table2.rows.map((r) => [r.key, table2Row(t2[r.key])])) as unknown as Table2OlderJson;
    return { table2: null, table2Older, table3, table4 };
  }
  return {
    table2: {
      regulations: table2Row(t2.regulations),
      normativeDocs: table2Row(t2.normativeDocs),
      licensing: single(t2.licensing),
      penalty: single(t2.penalty),
      enforcement: single(t2.enforcement),
      feesWan: single(t2.feesWan),
    },
    table3,
    table4,
  };
}

/** Tables from the JSON contract's shape (accepts `table3.rows` as the corpus truth files use). */
export function tablesFromJson(format: FormatId, json: TablesJson): ReportValues['tables'] {
  const spec = specFor(format);
  const t3src = ((json.table3 as { rows?: unknown }).rows ?? json.table3) as Record<string, readonly Cell[] | null | undefined>;
  const table3: Record<string, readonly Cell[] | null> = {};
  for (const r of spec.tables.table3.rows) table3[r.key] = rowOrNull(t3src[r.key]);
  if (format === '2019' && !t3src.other && t3src.other_other) table3.other = rowOrNull(t3src.other_other);
  const table4: TableValues = { cases: [...json.table4] };
  let table2: Record<string, readonly Cell[] | null> = {};
  if (format === '2019') {
    const older = (json.table2Older ?? {}) as unknown as Record<string, readonly Cell[] | null | undefined>;
    for (const r of spec.tables.table2.rows) table2[r.key] = rowOrNull(older[r.key]);
  } else if (json.table2) {
    const t = json.table2;
    const wrap = (c: Cell | undefined) => (c === undefined ? null : [c]);
    table2 = {
      regulations: rowOrNull(t.regulations), normativeDocs: rowOrNull(t.normativeDocs),
      licensing: wrap(t.licensing), penalty: wrap(t.penalty), enforcement: wrap(t.enforcement), feesWan: wrap(t.feesWan),
    };
  } else {
    for (const r of spec.tables.table2.rows) table2[r.key] = null;
  }
  return { table2, table3, table4 };
}

export function reportToJson(report: ReportValues, opts: { withSections?: boolean } = {}): ReportJson {
  return {
    format: report.format,
    agency: report.agency,
    year: report.year,
    title: report.title,
    period: report.period,
    tables: tablesToJson(report.format, report.tables),
    ...(opts.withSections ? { sections: report.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.text })) } : {}),
  };
}

export function reportFromJson(json: ReportJson): ReportValues {
  return {
    format: json.format,
    agency: json.agency ?? null,
    year: json.year ?? null,
    title: json.title ?? null,
    period: json.period ?? null,
    tables: tablesFromJson(json.format, json.tables),
    sections: (json.sections ?? []).map((s) => ({ key: (s.key ?? null) as ReportValues['sections'][number]['key'], heading: s.heading, text: s.text })),
  };
}
