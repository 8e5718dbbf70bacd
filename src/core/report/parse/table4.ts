/**
 * Reading table 四: fifteen numbers after its header (行政复议 … 复议后起诉 … 总计). The header is
 * recognised as a run of header characters, so headers whose characters are spread over lines or
 * cells ("结 果 维 持") still end where the numbers begin. Run-together digits are split under the
 * three 总计 = 维持 + 纠正 + 其他 + 尚未审结 groups.
 */
import type { Finding } from '../../findings.js';
import { finding } from '../../findings.js';
import type { ReportSpec, RowSumRule } from '../spec/index.js';
import { tokenize } from './pieces.js';
import { agreedCells, readCells } from './row-values.js';
import type { ValuePiece } from './row-values.js';
import { sumGroups } from './split.js';
import type { Stream } from './stream.js';
import { sToK } from './stream.js';
import type { TableRead } from './table3.js';

const TABLE = '表四';
const CELLS = 15;
const HEADER_CHARS = new Uint8Array(65536);
for (const c of '行政复议诉讼未经直接起诉后结果维持纠正其他尚未审结总计情况()、/件单位:') HEADER_CHARS[c.charCodeAt(0)] = 1;
const isHeaderChar = (k: string, at: number) => HEADER_CHARS[k.charCodeAt(at)] === 1;
const STARTS = ['复议后起诉', '直接起诉', '尚未审结', '结果维持', '结果纠正'];
const MIN_HEADER = 10;
const HEADING = /^[一二三四五六七八九十]+、/;

/** Range (in k) of the table 四 header found after k position `from`, or null. */
function headerZone(k: string, from: number): [number, number] | null {
  let cursor = from;
  for (;;) {
    let at = -1;
    for (const word of STARTS) {
      const i = k.indexOf(word, cursor);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at < 0) return null;
    let end = at;
    while (end < k.length && isHeaderChar(k, end)) end++;
    let start = at;
    while (start > from && isHeaderChar(k, start - 1)) start--;
    if (end - start >= MIN_HEADER) return [start, end];
    cursor = at + 1;
  }
}

export function readTable4(stream: Stream, spec: ReportSpec, from: number, findings: Finding[]): TableRead {
  const zone = headerZone(stream.k, sToK(stream, from));
  if (!zone) {
    findings.push(finding('PARSE-NO-TABLE', 'error', { table: 'table4' }, { tableLabel: `${TABLE}（政府信息公开行政复议、行政诉讼情况）` }));
    return { values: { cases: null }, range: null };
  }
  const [start, end] = zone;
  const sFrom = stream.kToS[end - 1]! + 1;
  const pieces = tokenize(stream, sFrom, Math.min(stream.s.length, sFrom + 3000));
  let i = 0;
  // header cells the character run did not cover (a note, split header words) come before the numbers
  while (i < pieces.length && i < 40 && pieces[i]!.kind === 'text' && !HEADING.test(pieces[i]!.text)) i++;
  const values: ValuePiece[] = [];
  for (; i < pieces.length && pieces[i]!.kind !== 'text'; i++) values.push(pieces[i] as ValuePiece);

  const rule = spec.rules.find((r): r is RowSumRule => r.kind === 'rowSum' && r.table === 'table4');
  const reading = readCells(values, { n: CELLS, check: rule ? sumGroups(rule.groups) : undefined });
  const at = { table: 'table4', row: 'cases' };
  let cells = reading.cells;
  if (!cells && reading.candidates.length > 1) {
    cells = agreedCells(reading.candidates, CELLS);
    findings.push(finding('PARSE-AMBIGUOUS', 'warning', at, {
      tableLabel: TABLE, rowLabel: '行政复议、行政诉讼', text: reading.text, candidates: reading.candidates.slice(0, 8).map((c) => c.join(',')),
    }));
  } else if (!cells) {
    cells = Array(CELLS).fill(null);
    findings.push(finding('PARSE-CELL', 'warning', at, { tableLabel: TABLE, rowLabel: '行政复议、行政诉讼', columnLabel: '各', text: reading.text }));
  } else if (reading.split) {
    findings.push(finding('PARSE-SPLIT-RECOVERED', 'info', at, { tableLabel: TABLE, rowLabel: '行政复议、行政诉讼', text: reading.text, values: [...cells] }));
  }
  if (reading.mismatch) {
    findings.push(finding('PARSE-CELL', 'warning', at, { tableLabel: TABLE, rowLabel: '行政复议、行政诉讼', columnLabel: '各', text: reading.text }));
  }
  const last = values[values.length - 1];
  return { values: { cases: cells }, range: [stream.kToS[start]!, last ? last.at + last.text.length + 1 : sFrom] };
}
