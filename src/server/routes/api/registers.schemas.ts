/** Schemas of /api/registers: the table-二 register figures, their import and template. */
import { Type } from '@fastify/type-provider-typebox';
import { registerKinds } from '../../../core/publications/registers.js';
import { IdSchema, NullableString } from './shared.schemas.js';

const NullableCount = Type.Union([Type.Integer({ minimum: 0, maximum: 999_999_999 }), Type.Null()]);

export const FigureSchema = Type.Object({
  id: Type.String(), agencyId: Type.String(), year: Type.Integer(), kind: Type.String(),
  decisionCount: Type.Union([Type.Integer(), Type.Null()], { description: '处理决定数量' }),
  itemCount: Type.Union([Type.Integer(), Type.Null()], { description: '年末项目数量（2019 年格式）' }),
  amountWan: Type.Union([Type.String(), Type.Null()], { description: '金额（万元，十进制字符串）' }),
  note: Type.String(), source: Type.String({ description: 'entry 手工登记 · import 导入' }), importId: NullableString, version: Type.Integer(),
  updatedBy: NullableString, updatedByName: Type.String(), createdAt: Type.String(), updatedAt: Type.String(),
});

export const FigureListQuerySchema = Type.Object({
  year: Type.Integer({ minimum: 2008, maximum: 2100 }), agencyId: Type.Optional(IdSchema),
}, { additionalProperties: false });
export const FigureListSchema = Type.Object({ figures: Type.Array(FigureSchema) });

export const FigureBodySchema = Type.Object({
  agencyId: IdSchema,
  year: Type.Integer({ minimum: 2008, maximum: 2100 }),
  kind: Type.Enum([...registerKinds], { description: 'licensing 行政许可 · otherServices 其他对外管理服务事项 · penalty 行政处罚 · enforcement 行政强制 · fees 行政事业性收费 · procurement 政府集中采购' }),
  decisionCount: Type.Optional(NullableCount),
  itemCount: Type.Optional(NullableCount),
  amountWan: Type.Optional(Type.Union([Type.String({ maxLength: 24 }), Type.Number({ minimum: 0 }), Type.Null()], { description: '金额（万元）' })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });

export const FigureParamsSchema = Type.Object({ figureId: IdSchema });

export const ImportResultSchema = Type.Object({
  imported: Type.Boolean({ description: 'false：文件有错误，全部未导入' }),
  importId: NullableString,
  count: Type.Integer(),
  findings: Type.Array(Type.Object({
    code: Type.String(), severity: Type.String(), message: Type.String(),
    line: Type.Union([Type.Integer(), Type.Null()], { description: '行号（XLSX 为工作表行号）' }), field: NullableString,
  })),
});

export const TemplateQuerySchema = Type.Object({
  format: Type.Optional(Type.Enum(['xlsx', 'csv'])), year: Type.Optional(Type.Integer({ minimum: 2008, maximum: 2100 })), agencyId: Type.Optional(IdSchema),
}, { additionalProperties: false });
