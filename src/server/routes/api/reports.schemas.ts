/** Schemas of /api/reports: annual reports compiled from the records, drill-down, closing years. */
import { Type } from '@fastify/type-provider-typebox';
import { AppealSchema } from './appeals.schemas.js';
import { RequestListItemSchema } from './requests.schemas.js';
import { IdSchema, NullableString } from './shared.schemas.js';

const Cell = Type.Union([Type.Number(), Type.Null()], { description: '数字；空白为 null' });
const CellRow = Type.Union([Type.Array(Cell), Type.Null()]);

/** The JSON contract of the tables (the same keys as `gongkai check --json`). */
export const ReportTablesSchema = Type.Object({
  table2: Type.Union([
    Type.Object({ regulations: CellRow, normativeDocs: CellRow, licensing: Cell, penalty: Cell, enforcement: Cell, feesWan: Cell }),
    Type.Null(),
  ], { description: '表二（2019 年格式为 null，见 table2Older）' }),
  table2Older: Type.Optional(Type.Record(Type.String(), CellRow, { description: '2019 年试行格式的表二' })),
  table3: Type.Record(Type.String(), CellRow, { description: '表三：行 → 7 栏（自然人、五类法人或其他组织、总计）' }),
  table4: Type.Array(Cell, { description: '表四：15 栏（行政复议；未经复议直接起诉；复议后起诉 × 维持/纠正/其他/尚未审结/总计）' }),
});

export const ReportFindingSchema = Type.Object({
  code: Type.String(),
  severity: Type.String({ description: 'error 错误 · warning 警告 · info 提示' }),
  message: Type.String(),
  at: Type.Object({
    table: Type.Optional(Type.String()), row: Type.Optional(Type.String()), column: Type.Optional(Type.Integer()),
    section: Type.Optional(Type.String()), field: Type.Optional(Type.String()),
  }),
  basis: Type.Union([Type.String(), Type.Null()], { description: '规则的法律或逻辑依据；没有时为 null' }),
});

export const ClosureInfoSchema = Type.Object({
  id: Type.String(), closedAt: Type.String(), closedBy: NullableString, closedByName: Type.String(),
});

export const CompiledReportSchema = Type.Object({
  agencyId: Type.String(),
  agency: Type.String({ description: '机关全称' }),
  year: Type.Integer(),
  format: Type.String({ description: '格式：2021 或 2019（试行）' }),
  title: Type.String(),
  tables: ReportTablesSchema,
  sections: Type.Array(Type.Object({ key: NullableString, heading: Type.String(), text: Type.String() }), { description: '正文（数字由表格生成）' }),
  findings: Type.Array(ReportFindingSchema),
  hasErrors: Type.Boolean(),
  closure: Type.Union([ClosureInfoSchema, Type.Null()], { description: '年度已关闭时的关闭记录' }),
  provenance: Type.Object({
    source: Type.String({ description: 'records 按办理记录统计 · frozen 年度关闭时冻结的数字' }),
    table2: Type.String({ description: 'registers：表二由主动公开登记生成（已发布的规章、规范性文件和登记、导入的数字）' }),
    previous: Type.Union([Type.Object({ year: Type.Integer(), closedAt: Type.String() }), Type.Null()], { description: '用于核对“上年结转”的上年度关闭记录' }),
    cells: Type.Object({
      table2: Type.String(),
      table3: Type.Record(Type.String(), Type.String(), { description: '表三各行的统计口径' }),
      table4: Type.Array(Type.String(), { description: '表四各栏的统计口径' }),
    }),
  }),
});

export const ReportParamsSchema = Type.Object({
  agencyId: IdSchema,
  year: Type.Integer({ minimum: 1000, maximum: 9999, description: '报告年度' }),
});
export const AgencyParamsSchema = Type.Object({ agencyId: IdSchema });

export const CellQuerySchema = Type.Object({
  table: Type.Enum(['table2', 'table3', 'table4'], { description: '表二、表三或表四' }),
  row: Type.String({ minLength: 1, maxLength: 50, description: '行（表三行的键，如 granted；表四为 cases）' }),
  column: Type.Integer({ minimum: 0, maximum: 14, description: '栏（从 0 起）' }),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
}, { additionalProperties: false });

export const CellRecordsSchema = Type.Object({
  agencyId: Type.String(),
  year: Type.Integer(),
  table: Type.String(),
  row: Type.String(),
  column: Type.Integer(),
  label: Type.String(),
  definition: Type.String({ description: '统计口径' }),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  requests: Type.Array(RequestListItemSchema, { description: '表三：计入该单元格的申请（申请人信息已脱敏）' }),
  appeals: Type.Array(AppealSchema, { description: '表四：计入该单元格的案件' }),
  documents: Type.Optional(Type.Array(Type.Object({
    id: Type.String(), indexNumber: NullableString, title: Type.String(), documentNumber: Type.String(), docType: Type.String(),
    writtenOn: NullableString, firstPublishedOn: NullableString, validity: Type.String(), validityEndedOn: NullableString,
  }), { description: '表二第二十条第（一）项：计入该单元格的已发布规章、规范性文件' })),
  figures: Type.Optional(Type.Array(Type.Object({
    id: Type.String(), agencyId: Type.String(), year: Type.Integer(), kind: Type.String(), decisionCount: Type.Union([Type.Integer(), Type.Null()]),
    itemCount: Type.Union([Type.Integer(), Type.Null()]), amountWan: NullableString, note: Type.String(), source: Type.String(),
    importId: NullableString, updatedByName: Type.String(), updatedAt: Type.String(),
  }), { description: '表二其他各行：该单元格所依据的登记数字' })),
});

export const ReopenBodySchema = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500, description: '重新打开的理由' }) }, { additionalProperties: false });

const ClosureFields = {
  id: Type.String(), agencyId: Type.String(), year: Type.Integer(), format: Type.String(),
  closedBy: NullableString, closedByName: Type.String(), closedAt: Type.String(),
  reopenedBy: NullableString, reopenedByName: NullableString, reopenedAt: NullableString, reopenReason: NullableString,
};
export const ClosureSchema = Type.Object(ClosureFields);
export const ClosureListSchema = Type.Object({ closures: Type.Array(ClosureSchema) });
