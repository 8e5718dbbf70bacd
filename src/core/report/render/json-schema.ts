/**
 * The JSON Schema (draft 2020-12) of the report's JSON contract (json.ts), generated from the specs
 * so it cannot drift from them. The published copies, src/core/report/report.schema.json and
 * docs/report.schema.json, are this function's output (a test compares them).
 */
import { specFor } from '../spec/index.js';
import type { FormatId, TableSpec } from '../spec/index.js';

type Schema = Record<string, unknown>;

const cell: Schema = { $ref: '#/$defs/cell' };
const row = (n: number): Schema => ({ type: 'array', items: cell, minItems: n, maxItems: n });
const rowOrNull = (n: number): Schema => ({ anyOf: [row(n), { type: 'null' }] });
const closedObject = (properties: Record<string, Schema>): Schema => ({
  type: 'object', required: Object.keys(properties), properties, additionalProperties: false,
});

const rowsOf = (table: TableSpec): Record<string, Schema> =>
  Object.fromEntries(table.rows.map((r) => [r.key, rowOrNull((r.columns ?? table.columns).length)]));

function tablesSchema(format: FormatId): Schema {
  const spec = specFor(format);
  const table3Base = closedObject(rowsOf(spec.tables.table3));
  const table3 = {
    ...table3Base,
    // 2019: the single （六）其他处理 row is `other`, repeated as `other_other` (with the two other
    // 2021 sub-rows null) for comparison with 2021 reports — optional, so older JSON stays valid.
    ...(format === '2019' && {
      properties: {
        ...(table3Base.properties as Schema),
        other_noSupplement: { type: 'null' },
        other_noFee: { type: 'null' },
        other_other: rowOrNull(spec.tables.table3.columns.length),
      },
    }),
    description: `表三：行键 → 7 个数（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）；${format}年格式`,
  };
  const table4 = { ...row(spec.tables.table4.columns.length), description: '表四：15 个数（行政复议 维持/纠正/其他/尚未审结/总计，未经复议直接起诉 ×5，复议后起诉 ×5）' };
  if (format === '2019') {
    return closedObject({
      table2: { type: 'null', description: '2019年试行格式的表二见 table2Older' },
      table2Older: { ...closedObject(rowsOf(spec.tables.table2)), description: '2019年试行格式的表二（含第二十条第（九）项）；一行没有可读数字时整行为 null' },
      table3,
      table4,
    });
  }
  const t2 = spec.tables.table2;
  const width = (key: string) => (t2.rows.find((r) => r.key === key)?.columns ?? t2.columns).length;
  const table2 = closedObject(Object.fromEntries(t2.rows.map((r) => [r.key, width(r.key) === 1 ? cell : rowOrNull(width(r.key))])));
  return closedObject({
    table2: { ...table2, description: '表二：regulations/normativeDocs 为 [本年制发, 本年废止, 现行有效]（三栏都没有可读数字——空白、“/”、无法识别或拆分不唯一——时整行为 null）；其余为单个数；feesWan 单位万元' },
    table3,
    table4,
  });
}

export function reportJsonSchema(): Schema {
  const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:gongkai:schema:report',
    title: '政府信息公开工作年度报告',
    description: 'gongkai 年度报告 JSON：表格为行键到数值的映射；空白或“/”单元格为 null（不等于 0）。',
    type: 'object',
    required: ['format', 'agency', 'year', 'tables'],
    properties: {
      format: { enum: ['2021', '2019'], description: '年度报告格式：2021（国办公开办函〔2021〕30号）或 2019（试行）' },
      agency: { type: ['string', 'null'] },
      year: { type: ['integer', 'null'] },
      title: { type: ['string', 'null'] },
      period: { anyOf: [{ type: 'null' }, closedObject({ from: date, to: date })] },
      tables: { type: 'object' },
      sections: {
        type: 'array',
        items: {
          type: 'object',
          required: ['key', 'heading', 'text'],
          properties: {
            key: { enum: [...specFor('2021').sections.map((s) => s.key), null] },
            heading: { type: 'string' },
            text: { type: 'string' },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
    oneOf: (['2021', '2019'] as const).map((format) => ({
      properties: { format: { const: format }, tables: { $ref: `#/$defs/tables${format}` } },
    })),
    $defs: {
      cell: { type: ['number', 'null'], description: '单元格：数字；空白或“/”为 null' },
      tables2021: tablesSchema('2021'),
      tables2019: tablesSchema('2019'),
    },
  };
}
