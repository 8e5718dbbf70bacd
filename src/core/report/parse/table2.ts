/**
 * Reading table 二 (主动公开): its row labels (规章, 行政规范性文件, 行政许可, …) anchored in spec
 * order before table 三; each row's own columns. Digits that ran together in a three-column row
 * ("8855698") are resolved from the prose when it states the figures (制发88件, 现行有效698件),
 * else left blank with PARSE-AMBIGUOUS. A missing 规章 row (no rule-making power) reads as zeros.
 */
import type { Finding } from '../../findings.js';
import { finding } from '../../findings.js';
import type { Cell, ColumnSpec, ReportSpec, RowSpec, TableSpec } from '../spec/index.js';
import { rowColumns } from '../values.js';
import type { Anchor } from './anchors.js';
import { findChain } from './anchors.js';
import type { AnchorDef } from './labels.js';
import { labelsFor } from './labels.js';
import { tokenize } from './pieces.js';
import { agreedCells, nullRows, readCells, rowPieces } from './row-values.js';
import type { Stream } from './stream.js';
import { sToK } from './stream.js';
import type { TableRead } from './table3.js';

const TABLE = '表二';
const MAX_GAP = 200;
const NEAR = 600;

/** Words of the prose that name a column of the 第二十条第（一）项 block, by column key. */
const PROSE_COLUMNS: Readonly<Record<string, string>> = {
  made: '制发|印发|出台|新制定|制定',
  repealed: '废止|宣布失效',
  inForce: '现行有效',
};
const PROSE_NOUNS: Readonly<Record<string, string>> = { regulations: '规章', normativeDocs: '规范性文件' };

/** Figures the prose states for a row's columns (e.g. 现行有效行政规范性文件698件). */
function proseFigures(text: string, rowKey: string, columnKeys: readonly string[]): (number | null)[] {
  const noun = PROSE_NOUNS[rowKey];
  return columnKeys.map((key) => {
    const words = PROSE_COLUMNS[key];
    if (!noun || !words) return null;
    const patterns = [
      new RegExp(`(?:${words})[^0-9。;；]{0,12}?${noun}[^0-9。;；]{0,4}?(\\d+)件`),
      new RegExp(`${noun}[^0-9。;；]{0,8}?(?:${words})[^0-9。;；]{0,4}?(\\d+)件`),
    ];
    for (const re of patterns) {
      const m = re.exec(text);
      if (m) return Number(m[1]);
    }
    return null;
  });
}

/**
 * Rows printed out of order (a PDF conversion may put the 第二十条第（一）项 block after the
 * others): labels not in the main chain, found near it and directly followed by numbers.
 */
function withStrays(stream: Stream, chain: readonly Anchor[], defs: readonly AnchorDef[], hi: number): Anchor[] {
  const found = new Set(chain.map((a) => a.id));
  const missing = defs.filter((d) => !found.has(d.id));
  if (missing.length === 0) return [...chain];
  const lo = Math.max(0, chain[0]!.start - NEAR);
  const top = Math.min(hi, chain[chain.length - 1]!.end + NEAR);
  const strays = findChain(stream.k, missing, lo, top, MAX_GAP)
    .filter((a) => !chain.some((c) => a.start < c.end && c.start < a.end))
    .map((a) => ({ ...a, def: defs.findIndex((d) => d.id === a.id) }))
    .filter((a) => {
      const from = stream.kToS[a.end - 1]! + 1;
      const pieces = tokenize(stream, from, Math.min(stream.s.length, from + 40));
      return pieces[0]?.kind === 'num';
    });
  return [...chain, ...strays].sort((a, b) => a.start - b.start);
}

/** Each row of table 二 with its columns, by key (computed once per spec table). */
const rowIndexes = new WeakMap<TableSpec, ReadonlyMap<string, { readonly row: RowSpec; readonly columns: readonly ColumnSpec[] }>>();

function rowIndex(table: TableSpec): ReadonlyMap<string, { readonly row: RowSpec; readonly columns: readonly ColumnSpec[] }> {
  let index = rowIndexes.get(table);
  if (!index) {
    const byKey = new Map<string, { readonly row: RowSpec; readonly columns: readonly ColumnSpec[] }>();
    for (const row of table.rows) if (!byKey.has(row.key)) byKey.set(row.key, { row, columns: rowColumns(table, row.key) });
    index = byKey;
    rowIndexes.set(table, index);
  }
  return index;
}

export function readTable2(stream: Stream, spec: ReportSpec, limit: number | null, findings: Finding[]): TableRead {
  const table = spec.tables.table2;
  const hi = limit === null ? stream.k.length : sToK(stream, limit);
  const chain = findChain(stream.k, labelsFor(spec.format).table2, 0, hi, MAX_GAP);
  const out = nullRows(table.rows);
  if (chain.length < 2) {
    findings.push(finding('PARSE-NO-TABLE', 'warning', { table: 'table2' }, { tableLabel: `${TABLE}（主动公开政府信息情况）` }));
    return { values: out, range: null };
  }
  const sLimit = limit ?? stream.s.length;
  const anchors = withStrays(stream, chain, labelsFor(spec.format).table2, hi);
  const range = [stream.kToS[anchors[0]!.start]!, 0] as [number, number];
  const header = stream.k.lastIndexOf('第二十条', anchors[0]!.start);
  if (header >= 0 && anchors[0]!.start - header < 120) range[0] = stream.kToS[header]!;
  let prose: string | null = null;
  const rowsByKey = rowIndex(table);
  anchors.forEach((anchor, i) => {
    const { row, columns } = rowsByKey.get(anchor.id)!;
    const from = stream.kToS[anchor.end - 1]! + 1;
    const next = anchors[i + 1];
    const to = next ? stream.kToS[next.start]! : Math.min(sLimit, from + 400);
    const { values } = rowPieces(tokenize(stream, from, to), { extraRows: false });
    const last = values[values.length - 1];
    range[1] = Math.max(range[1], last ? last.at + last.text.length + 1 : from);
    const reading = readCells(values, {
      n: columns.length,
      allowDecimal: (c) => columns[c]?.allowDecimal === true,
      allowNegative: (c) => columns[c]?.allowNegative === true,
    });
    const at = { table: 'table2', row: row.key };
    // the source text is written out only for a finding
    const base = () => ({ tableLabel: TABLE, rowLabel: row.label, text: reading.text });
    if (reading.cells) {
      out[row.key] = reading.cells;
      if (reading.split) findings.push(finding('PARSE-SPLIT-RECOVERED', 'info', at, { ...base(), values: [...reading.cells] }));
      if (reading.mismatch) findings.push(finding('PARSE-CELL', 'warning', at, { ...base(), columnLabel: '各' }));
      return;
    }
    if (reading.candidates.length === 0) {
      out[row.key] = columns.map(() => null);
      findings.push(finding('PARSE-CELL', 'warning', at, { ...base(), columnLabel: '各' }));
      return;
    }
    prose ??= stream.k.slice(0, sToK(stream, range[0])) + '。' + stream.k.slice(hi);
    const stated = proseFigures(prose, row.key, columns.map((c) => c.key));
    // the readings that agree with the most figures the prose states (a figure the table
    // contradicts, such as a stale 现行有效 count, does not rule out every reading)
    const score = (c: readonly Cell[]) => stated.reduce<number>((n, v, j) => n + (v !== null && c[j] === v ? 1 : 0), 0);
    const top = Math.max(0, ...reading.candidates.map(score));
    const fits = top > 0 ? reading.candidates.filter((c) => score(c) === top) : [];
    if (fits.length === 1) {
      out[row.key] = fits[0]!;
      findings.push(finding('PARSE-INFERRED', 'info', at, { ...base(), columnLabel: '各', source: '正文所述数字', value: fits[0]!.join('、') }));
      return;
    }
    out[row.key] = agreedCells(fits.length > 1 ? fits : reading.candidates, columns.length);
    findings.push(finding('PARSE-AMBIGUOUS', 'warning', at, { ...base(), candidates: reading.candidates.slice(0, 16).map((c) => c.join(',')) }));
  });

  const printed = new Set(anchors.map((a) => a.id));
  for (const row of table.rows) {
    if (printed.has(row.key)) continue;
    const at = { table: 'table2', row: row.key };
    if (row.key === 'regulations' && printed.has('normativeDocs')) {
      // agencies without rule-making power leave the 规章 row out: nothing made, repealed or in force
      out[row.key] = rowColumns(table, row.key).map(() => 0);
      findings.push(finding('PARSE-INFERRED', 'info', at, { tableLabel: TABLE, rowLabel: row.label, columnLabel: '各', source: '未列出该行（无规章）', value: 0 }));
    } else {
      findings.push(finding('PARSE-ROW-MISSING', 'warning', at, { tableLabel: TABLE, rowLabel: row.label }));
    }
  }
  return { values: out, range };
}
