/**
 * Words the report checker shows (CLI and web page alike): where a finding points
 * (表三“（七）总计”行“自然人”栏; 第三部分“收到和处理…”; 统计期限), the report's format and how the
 * file was read. Derived from the format specs; no rule lives here.
 */
import type { FindingLocation } from '../findings.js';
import { specFor } from './spec/index.js';
import type { FormatId, TableId, TableSpec } from './spec/index.js';
import { rowColumns } from './values.js';

export const tableNames: Readonly<Record<TableId, string>> = { table2: '表二', table3: '表三', table4: '表四' };

/** 2021年格式（国办公开办函〔2021〕30号）. */
export function formatLabel(format: FormatId): string {
  return `${format === '2019' ? '2019年试行' : format + '年'}格式（${specFor(format).source}）`;
}

export const documentKindLabels: Readonly<Record<string, string>> = {
  text: '纯文本', html: '网页（HTML）', markdown: 'Markdown', docx: 'Word 文档（DOCX）', pdf: 'PDF 文件',
};

const fieldNames: Readonly<Record<string, string>> = { period: '统计期限', format: '报告格式', year: '报告年度', agency: '机关名称', title: '标题' };

/** A row's label as printed, with its spanning parents: （三）不予公开 1.属于国家秘密. */
function rowLabel(table: TableSpec, rowKey: string): string | null {
  const row = table.rows.find((r) => r.key === rowKey);
  if (!row) return null;
  const inner = (row.parents ?? []).slice(1);
  return [...inner, row.label].filter(Boolean).join(' ');
}

/** The column's label with its group when the label alone is ambiguous (表四: 行政复议 结果维持). */
function columnLabel(table: TableSpec, rowKey: string | undefined, column: number): string | null {
  const cols = rowKey ? rowColumns(table, rowKey) : table.columns;
  const col = cols[column];
  if (!col) return null;
  const groups = table.id === 'table4' ? (col.groups ?? []).slice(-1) : [];
  return [...groups, col.label].join(' ');
}

/** The location of a finding in words; '' when the finding is about the report as a whole. */
export function describeFindingLocation(format: FormatId | null, at: FindingLocation): string {
  const parts: string[] = [];
  if (at.table) {
    const name = tableNames[at.table as TableId] ?? at.table;
    const table = format ? specFor(format).tables[at.table as TableId] : undefined;
    let where = name;
    if (table && at.row !== undefined) {
      const label = rowLabel(table, at.row);
      if (label) where += `“${label}”行`;
    }
    if (at.column !== undefined) {
      const label = table ? columnLabel(table, at.row, at.column) : null;
      where += label ? `“${label}”栏` : `第${at.column + 1}栏`;
    }
    parts.push(where);
  }
  if (at.section) {
    const section = specFor(format ?? '2021').sections.find((s) => s.key === at.section);
    parts.push(section ? `第${section.number}部分“${section.heading}”` : at.section);
  }
  if (at.field) parts.push(fieldNames[at.field] ?? at.field);
  if (at.line !== undefined) parts.push(`第${at.line}行`);
  return parts.join('，');
}
