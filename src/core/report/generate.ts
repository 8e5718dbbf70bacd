/**
 * Random but consistent reports (every table rule holds), from a seed: for property tests,
 * benchmarks and demo data. Pure and deterministic.
 */
import type { Cell, FormatId, ReportSpec } from './spec/index.js';
import { specFor, TABLE3_TOTAL_COLUMN } from './spec/index.js';
import type { ReportValues, TableValues } from './values.js';
import { createRandom } from '../random.js';

export interface GenerateOptions {
  readonly seed: number;
  readonly format?: FormatId;
  readonly year?: number;
  readonly agency?: string;
  /** Typical size of a cell; 0 makes an all-zero report like the seed. */
  readonly scale?: number;
}

/** 一 covers 监督保障, for a government with the results of 工作考核、社会评议和责任追究 (条例第五十条第（四）项). */
const OVERSIGHT = '监督保障：工作考核、社会评议和责任追究结果见正文。';

const agencies = ['重庆市梁平区政务服务管理办公室', '某市人民政府办公室', '某区住房和城乡建设委员会', '某县市场监督管理局', '某镇人民政府', '某市生态环境局'];

export function generateReport(opts: GenerateOptions): ReportValues {
  const rand = createRandom(opts.seed);
  const int = (max: number) => Math.floor(rand() * (max + 1));
  const format = opts.format ?? (rand() < 0.8 ? '2021' : '2019');
  const spec = specFor(format);
  const year = opts.year ?? (format === '2019' ? 2019 + int(1) : 2021 + int(4));
  const scale = opts.scale ?? [0, 3, 10, 60, 400][int(4)]!;
  const agency = opts.agency ?? agencies[int(agencies.length - 1)]!;
  return {
    format,
    agency,
    year,
    title: `${agency}${year}年政府信息公开工作年度报告`,
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    tables: {
      table2: generateTable2(spec, int, scale),
      table3: generateTable3(spec, int, scale),
      table4: generateTable4(int, Math.ceil(scale / 20)),
    },
    sections: spec.sections.map((s) => ({
      key: s.key,
      heading: `${s.number}、${s.heading}`,
      text: s.table ? '' : `${agency}${year}年${s.heading}。${s.key === 'overview' ? OVERSIGHT : ''}本部分为生成的示例文字，编号${int(99999)}。`,
    })),
  };
}

function generateTable3(spec: ReportSpec, int: (max: number) => number, scale: number): TableValues {
  const rows = spec.tables.table3.rows.map((r) => r.key);
  const outcomes = rows.slice(2, -2);
  const values: Record<string, Cell[]> = Object.fromEntries(rows.map((k) => [k, Array<Cell>(7).fill(0)]));
  // Per applicant column: pick outcomes, carried-forward and carried-over, then derive 新收 so 一+二 = 七+四.
  const columnWeight = [1, 0.3, 0.05, 0.05, 0.1, 0.1];
  for (let c = 0; c < 6; c++) {
    const size = Math.round(scale * columnWeight[c]!);
    let answered = 0;
    for (const key of outcomes) {
      const v = size === 0 ? 0 : int(Math.max(0, Math.round(size / (key === 'granted' || key === 'unable_notHeld' ? 2 : 6))));
      values[key]![c] = v;
      answered += v;
    }
    const forward = size === 0 ? 0 : int(Math.ceil(size / 8));
    const over = Math.min(size === 0 ? 0 : int(Math.ceil(size / 8)), answered + forward);
    values.total![c] = answered;
    values.carriedForward![c] = forward;
    values.carriedOver![c] = over;
    values.newReceived![c] = answered + forward - over;
  }
  for (const key of rows) {
    const row = values[key]!;
    row[TABLE3_TOTAL_COLUMN] = row.slice(0, 6).reduce<number>((a, b) => a + (b ?? 0), 0);
  }
  return values;
}

function generateTable4(int: (max: number) => number, scale: number): TableValues {
  const cells: number[] = [];
  for (let g = 0; g < 3; g++) {
    const parts = [int(scale), int(scale), int(scale), int(scale)];
    cells.push(...parts, parts.reduce((a, b) => a + b, 0));
  }
  return { cases: cells };
}

function generateTable2(spec: ReportSpec, int: (max: number) => number, scale: number): TableValues {
  const out: Record<string, Cell[]> = {};
  for (const row of spec.tables.table2.rows) {
    const cols = row.columns ?? spec.tables.table2.columns;
    out[row.key] = cols.map((col) => {
      if (col.allowDecimal) return Math.round(int(scale * 100) * 100) / 10000; // 万元 with up to 4 decimals
      if (col.allowNegative) return int(scale) - int(scale);
      return int(scale * 5);
    });
    if (spec.format === '2021' && (row.key === 'regulations' || row.key === 'normativeDocs')) {
      const [made, repealed] = out[row.key] as number[];
      out[row.key] = [made!, repealed!, made! + int(scale * 20)];
    }
  }
  return out;
}
