/**
 * The 2019 试行 format: 《中华人民共和国政府信息公开工作年度报告格式（试行）》(issued with
 * 国办公开办函〔2019〕60号), used for the 2019 and 2020 reports. Archived reports keep reading and
 * checking against it (rules.md §1.9).
 */
import type { ColumnSpec, ReportSpec, RowSpec, TableSpec } from '../types.js';
import { OTHER, RESULTS, sections, table3, table3And4Rules, table3HeadRows, table3TailRows, table4 } from '../shared.js';

const docColumns: readonly ColumnSpec[] = [
  { key: 'made', label: '本年新制作数量' },
  { key: 'published', label: '本年新公开数量' },
  { key: 'total', label: '对外公开总数量' },
];
const itemColumns: readonly ColumnSpec[] = [
  { key: 'lastYearItems', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减', allowNegative: true },
  { key: 'decisions', label: '处理决定数量' },
];
const feeColumns: readonly ColumnSpec[] = [
  { key: 'lastYearItems', label: '上一年项目数量' },
  { key: 'change', label: '本年增/减', allowNegative: true },
];
const procurementColumns: readonly ColumnSpec[] = [
  { key: 'projects', label: '采购项目数量' },
  { key: 'amount', label: '采购总金额', allowDecimal: true },
];

const table2: TableSpec = {
  id: 'table2',
  title: '二、主动公开政府信息情况',
  corner: '信息内容',
  columns: docColumns,
  rows: [
    { key: 'regulations', label: '规章', block: '第二十条第（一）项', columns: docColumns },
    { key: 'normativeDocs', label: '规范性文件', block: '第二十条第（一）项', columns: docColumns, aliases: ['行政规范性文件'] },
    { key: 'licensing', label: '行政许可', block: '第二十条第（五）项', columns: itemColumns },
    { key: 'otherServices', label: '其他对外管理服务事项', block: '第二十条第（五）项', columns: itemColumns },
    { key: 'penalty', label: '行政处罚', block: '第二十条第（六）项', columns: itemColumns },
    { key: 'enforcement', label: '行政强制', block: '第二十条第（六）项', columns: itemColumns },
    { key: 'fees', label: '行政事业性收费', block: '第二十条第（八）项', columns: feeColumns },
    { key: 'procurement', label: '政府集中采购', block: '第二十条第（九）项', columns: procurementColumns },
  ],
  labelDepth: 1,
};

const otherRow: RowSpec = { key: 'other', label: OTHER, parents: [RESULTS] };
const table3Rows = [...table3HeadRows, otherRow, ...table3TailRows];
const outcomeRows = table3Rows.slice(2, -2).map((r) => r.key);

export const spec2019: ReportSpec = {
  format: '2019',
  name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
  source: '国办公开办函〔2019〕60号',
  years: [2019, 2020],
  sections,
  tables: { table2, table3: table3(table3Rows), table4 },
  rules: [
    ...table3And4Rules(outcomeRows),
    {
      code: 'T2-INT', kind: 'cellDomain', table: 'table2', severity: 'error',
      description: '表二数量为整数（“本年增/减”可为负数），金额为非负数', basis: '《政府信息公开条例》第二十条；表二各栏含义',
    },
    {
      code: 'T2-BLANK', kind: 'blank', table: 'table2', columns: 'all', severity: 'info',
      description: '表二单元格空白或填“/”', basis: '无相应职权的机关常填“/”，不作为错误',
    },
  ],
  crossYearRules: [
    {
      code: 'T3-CARRY', kind: 'carry', table: 'table3', current: 'carriedOver', previous: 'carriedForward', severity: 'warning',
      description: '本年“上年结转”应等于上年报告的“结转下年度继续办理”',
      basis: '结转的含义：上年末尚未答复的申请即为本年的上年结转（rules.md §1.7）',
    },
  ],
};
