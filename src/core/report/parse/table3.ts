/**
 * Reading table 三 from the stream: anchor on the row labels, read the values between consecutive
 * labels (splitting run-together digits under the row sum, then the column rules), fall back to
 * assigning groups of seven numbers by order when the labels are detached from their numbers,
 * and fold a single printed （六）其他处理 row into `other_other` for the 2021 format.
 */
import type { Finding } from '../../findings.js';
import { finding } from '../../findings.js';
import type { Cell, ColumnEquationRule, ReportSpec, RowSumRule } from '../spec/index.js';
import type { TableValues } from '../values.js';
import type { Anchor } from './anchors.js';
import { findChain } from './anchors.js';
import type { AnchorDef } from './labels.js';
import { labelsFor } from './labels.js';
import type { Piece } from './pieces.js';
import { tokenize } from './pieces.js';
import { resolveByColumns } from './resolve.js';
import type { CellReading, ValuePiece } from './row-values.js';
import { agreedCells, nullRows, readCells, rowPieces } from './row-values.js';
import { sumGroups } from './split.js';
import type { Stream } from './stream.js';

export interface TableRead {
  readonly values: TableValues;
  /** Range of the stream string s the table occupies (null when not found). */
  readonly range: readonly [number, number] | null;
}

const TABLE = '表三';
const COLUMNS = 7;
const MAX_GAP = 400;
const OTHER_PARENT = 'parent:（六）其他处理';
const OTHER_SUBROWS = ['other_noSupplement', 'other_noFee', 'other_other'];

interface RowRead {
  readonly reading: CellReading;
  readonly values: readonly ValuePiece[];
}

export function readTable3(stream: Stream, spec: ReportSpec, findings: Finding[]): TableRead {
  const table = spec.tables.table3;
  const labelOf = (key: string) => table.rows.find((r) => r.key === key)?.label ?? key;
  const defs = labelsFor(spec.format).table3;
  const chain = findChain(stream.k, defs, 0, stream.k.length, MAX_GAP);
  if (chain.filter((a) => a.kind === 'row').length < 3) {
    findings.push(finding('PARSE-NO-TABLE', 'error', { table: 'table3' }, { tableLabel: `${TABLE}（收到和处理政府信息公开申请情况）` }));
    return { values: nullRows(table.rows), range: null };
  }
  const rowSum = spec.rules.find((r): r is RowSumRule => r.kind === 'rowSum' && r.table === 'table3');
  const split = { n: COLUMNS, check: rowSum ? sumGroups(rowSum.groups) : undefined };

  const rows = new Map<string, RowRead>();
  const parents = new Map<string, RowRead>();
  const extras: { after: number; text: string; values: readonly ValuePiece[] }[] = [];
  let end = 0;
  chain.forEach((anchor, i) => {
    const from = stream.kToS[anchor.end - 1]! + 1;
    const next = chain[i + 1];
    const to = next ? stream.kToS[next.start]! : Math.min(stream.s.length, from + 600);
    const pieces = tokenize(stream, from, to);
    const { values, extra } = rowPieces(pieces, { extraRows: next !== undefined });
    if (extra) extras.push({ after: i, ...extra });
    const last = values[values.length - 1];
    end = Math.max(end, last ? last.at + last.text.length + 1 : from);
    const read = { reading: readCells(values, split), values };
    if (anchor.kind === 'parent') {
      if (values.length > 0) parents.set(anchor.id, read);
    } else rows.set(anchor.id, read);
  });
  const range = [stream.kToS[headerStart(stream.k, chain[0]!.start)]!, end] as const;

  const byOrder = assignByOrder(stream, spec, chain, rows, range);
  if (byOrder) {
    rows.clear();
    for (const [k, v] of byOrder) rows.set(k, v);
    findings.push(finding('PARSE-ROWS-BY-ORDER', 'warning', { table: 'table3' }, { tableLabel: TABLE, count: byOrder.size }));
    parents.clear();
  } else {
    for (const extra of extras) {
      const missing = unlabelledRow(defs, chain, extra.after);
      if (missing && !rows.has(missing)) {
        rows.set(missing, { reading: readCells(extra.values, split), values: extra.values });
        findings.push(finding('PARSE-INFERRED', 'warning', { table: 'table3', row: missing }, {
          tableLabel: TABLE, rowLabel: labelOf(missing), columnLabel: '各', source: `两行之间标签无法识别的“${extra.text}”行`, value: extra.values.map((p) => p.text || '□').join(' '),
        }));
      } else findings.push(extraRow(extra.text));
    }
  }

  // 2021 format printed with a single （六）其他处理 row: its values are other_other
  const otherParent = parents.get(OTHER_PARENT);
  if (otherParent) {
    parents.delete(OTHER_PARENT);
    if (OTHER_SUBROWS.every((k) => (rows.get(k)?.values.length ?? 0) === 0)) {
      for (const k of OTHER_SUBROWS) rows.delete(k);
      rows.set('other_other', otherParent);
      findings.push(finding('PARSE-MERGED-ROW', 'info', { table: 'table3', row: 'other_other' }, { tableLabel: TABLE, rowLabel: '（六）其他处理' }));
    } else findings.push(extraRow('（六）其他处理'));
  }
  for (const id of parents.keys()) findings.push(extraRow(id.slice('parent:'.length)));

  const out = nullRows(table.rows);
  const ambiguous = new Map<string, readonly (readonly Cell[])[]>();
  for (const row of table.rows) {
    const read = rows.get(row.key);
    if (!read) {
      out[row.key] = null;
      if (!(otherParent && OTHER_SUBROWS.includes(row.key))) {
        findings.push(finding('PARSE-ROW-MISSING', 'error', { table: 'table3', row: row.key }, { tableLabel: TABLE, rowLabel: row.label }));
      }
      continue;
    }
    const { reading } = read;
    if (reading.cells) out[row.key] = reading.cells;
    else if (reading.candidates.length > 1) ambiguous.set(row.key, reading.candidates);
    else {
      out[row.key] = Array<Cell>(COLUMNS).fill(null);
      findings.push(cellProblem(row.key, row.label, reading.text));
    }
    if (reading.mismatch) findings.push(cellProblem(row.key, row.label, reading.text));
  }

  if (ambiguous.size > 0) {
    const equations = spec.rules.filter((r): r is ColumnEquationRule => r.kind === 'columnEquation' && r.table === 'table3');
    const fixed = new Map(Object.entries(out));
    const narrowed = resolveByColumns({ fixed, ambiguous, equations, columns: COLUMNS });
    for (const [key, options] of narrowed) {
      const read = rows.get(key)!;
      if (options.length === 1) {
        out[key] = options[0]!;
        if (read.reading.split) findings.push(recovered(key, labelOf(key), read.reading.text, options[0]!));
      } else {
        out[key] = agreedCells(options, COLUMNS);
        findings.push(finding('PARSE-AMBIGUOUS', 'warning', { table: 'table3', row: key }, {
          tableLabel: TABLE, rowLabel: labelOf(key), text: read.reading.text, candidates: options.slice(0, 8).map((o) => o.join(',')),
        }));
      }
    }
  }
  for (const [key, read] of rows) {
    if (read.reading.split && read.reading.cells) findings.push(recovered(key, labelOf(key), read.reading.text, read.reading.cells));
  }
  return { values: out, range };
}

/** Start of the table's header (the 勾稽 note, 申请人情况) shortly before its first row label. */
function headerStart(k: string, first: number): number {
  let start = first;
  for (const word of ['本列数据', '勾稽关系', '申请人情况']) {
    const at = k.lastIndexOf(word, first);
    if (at >= 0 && first - at < 300 && at < start) start = at;
  }
  if (start < first && k[start - 1] === '(') start--;
  return start;
}

const extraRow = (text: string) => finding('PARSE-EXTRA-ROW', 'warning', { table: 'table3' }, { tableLabel: TABLE, text });
const cellProblem = (row: string, rowLabel: string, text: string) =>
  finding('PARSE-CELL', 'warning', { table: 'table3', row }, { tableLabel: TABLE, rowLabel, columnLabel: '各', text });
const recovered = (row: string, rowLabel: string, text: string, values: readonly Cell[]) =>
  finding('PARSE-SPLIT-RECOVERED', 'info', { table: 'table3', row }, { tableLabel: TABLE, rowLabel, text, values: [...values] });

/**
 * The one row the spec has between chain[i] and chain[i + 1] that the chain does not have (its
 * label garbled beyond recognition), if there is exactly one.
 */
function unlabelledRow(defs: readonly AnchorDef[], chain: readonly Anchor[], i: number): string | null {
  const a = chain[i];
  const b = chain[i + 1];
  if (!a || !b) return null;
  const found = new Set(chain.map((c) => c.id));
  const between = defs.slice(a.def + 1, b.def).filter((d) => d.kind === 'row' && !found.has(d.id));
  return between.length === 1 ? between[0]!.id : null;
}

/** Lines (grid rows or text lines) that end with exactly seven values: the table's number groups. */
function lineGroups(pieces: readonly Piece[]): ValuePiece[][] {
  const groups: ValuePiece[][] = [];
  let i = 0;
  while (i < pieces.length) {
    const line = pieces[i]!.line;
    let run: ValuePiece[] = [];
    for (; i < pieces.length && pieces[i]!.line === line; i++) {
      const p = pieces[i]!;
      if (p.kind === 'text') run = [];
      else run.push(p);
    }
    while (run.length > COLUMNS && run[run.length - 1]!.kind === 'null') run.pop();
    if (run.length === COLUMNS && run.some((p) => p.kind === 'num')) groups.push(run);
  }
  return groups;
}

/**
 * When labels and numbers are out of step (PDF-to-text conversions), but the table region holds
 * exactly one group of seven values per printed row, the groups are the rows in order.
 */
function assignByOrder(stream: Stream, spec: ReportSpec, chain: readonly Anchor[], rows: ReadonlyMap<string, RowRead>,
  range: readonly [number, number]): Map<string, RowRead> | null {
  const keys = spec.tables.table3.rows.map((r) => r.key);
  const defective = keys.some((k) => !rows.has(k) && !(OTHER_SUBROWS.includes(k) && chain.some((a) => a.id === OTHER_PARENT)))
    || [...rows.values()].some((r) => r.values.length === 0);
  if (!defective) return null;
  const groups = lineGroups(tokenize(stream, range[0], range[1]));
  let order = keys;
  if (groups.length !== keys.length) {
    if (spec.format !== '2021' || groups.length !== keys.length - 2) return null;
    order = keys.filter((k) => k !== 'other_noSupplement' && k !== 'other_noFee');
  }
  const split = { n: COLUMNS };
  return new Map(order.map((k, i) => [k, { reading: readCells(groups[i]!, split), values: groups[i]! }]));
}
