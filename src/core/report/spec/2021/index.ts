/**
 * The 2021 format: 《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号),
 * used for reports of 2021 onwards. Labels verbatim (rules.md §1.4–1.6).
 */
import type { ColumnSpec, ReportSpec, RowSpec, TableSpec } from '../types.js';
import { OTHER, RESULTS, sections, table3, table3And4Rules, table3HeadRows, table3TailRows, table4 } from '../shared.js';

const docColumns: readonly ColumnSpec[] = [
  { key: 'made', label: '本年制发件数' },
  { key: 'repealed', label: '本年废止件数' },
  { key: 'inForce', label: '现行有效件数' },
];
const decisions: readonly ColumnSpec[] = [{ key: 'decisions', label: '本年处理决定数量' }];
const feeAmount: readonly ColumnSpec[] = [
  { key: 'amountWan', label: '本年收费金额（单位：万元）', unit: '万元', allowDecimal: true },
];

const table2: TableSpec = {
  id: 'table2',
  title: '二、主动公开政府信息情况',
  corner: '信息内容',
  columns: docColumns,
  rows: [
    { key: 'regulations', label: '规章', block: '第二十条第（一）项', columns: docColumns },
    { key: 'normativeDocs', label: '行政规范性文件', block: '第二十条第（一）项', columns: docColumns, aliases: ['规范性文件'] },
    { key: 'licensing', label: '行政许可', block: '第二十条第（五）项', columns: decisions },
    { key: 'penalty', label: '行政处罚', block: '第二十条第（六）项', columns: decisions },
    { key: 'enforcement', label: '行政强制', block: '第二十条第（六）项', columns: decisions },
    { key: 'feesWan', label: '行政事业性收费', block: '第二十条第（八）项', columns: feeAmount },
  ],
  labelDepth: 1,
};

const otherRows: readonly RowSpec[] = [
  { key: 'other_noSupplement', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', parents: [RESULTS, OTHER] },
  { key: 'other_noFee', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', parents: [RESULTS, OTHER] },
  { key: 'other_other', label: '3.其他', parents: [RESULTS, OTHER] },
];

const table3Rows = [...table3HeadRows, ...otherRows, ...table3TailRows];
const outcomeRows = table3Rows.slice(2, -2).map((r) => r.key);

export const spec2021: ReportSpec = {
  format: '2021',
  name: '中华人民共和国政府信息公开工作年度报告格式',
  source: '国办公开办函〔2021〕30号',
  years: [2021, null],
  sections,
  tables: { table2, table3: table3(table3Rows), table4 },
  rules: [
    ...table3And4Rules(outcomeRows),
    {
      code: 'T2-INT', kind: 'cellDomain', table: 'table2', severity: 'error',
      description: '表二件数为非负整数，收费金额为非负数（万元，可有小数）', basis: '《政府信息公开条例》第二十条；表二各栏含义',
    },
    {
      code: 'T2-BLANK', kind: 'blank', table: 'table2', columns: 'all', severity: 'info',
      description: '表二单元格空白或填“/”', basis: '无相应职权的机关常填“/”，不作为错误',
    },
    {
      code: 'T2-UNIT', kind: 'unit', table: 'table2', row: 'feesWan', column: 0, threshold: 100_000, severity: 'warning',
      description: '收费金额单位为万元，数值过大可能误填为元', basis: '表二“本年收费金额（单位：万元）”',
    },
  ],
  crossYearRules: [
    {
      code: 'T3-CARRY', kind: 'carry', table: 'table3', current: 'carriedOver', previous: 'carriedForward', severity: 'warning',
      description: '本年“上年结转”应等于上年报告的“结转下年度继续办理”',
      basis: '结转的含义：上年末尚未答复的申请即为本年的上年结转（rules.md §1.7）',
    },
    {
      code: 'T2-STOCK', kind: 'stock', table: 'table2', rows: ['regulations', 'normativeDocs'], made: 0, repealed: 1, inForce: 2,
      severity: 'warning',
      description: '现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
      basis: '表二第二十条第（一）项各栏含义（推导规则；修改计数口径各机关不一）',
    },
    {
      code: 'T2-REPEAL', kind: 'repeal', table: 'table2', rows: ['regulations', 'normativeDocs'], made: 0, repealed: 1, inForce: 2,
      severity: 'warning',
      description: '本年废止件数不应超过上年现行有效件数与本年制发件数之和',
      basis: '表二第二十条第（一）项各栏含义（推导规则）',
    },
  ],
};
