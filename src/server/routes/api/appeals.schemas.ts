/** Schemas of /api/appeals (行政复议、行政诉讼, table 四). */
import { Type } from '@fastify/type-provider-typebox';
import { appealKinds, appealResults } from '../../../core/requests/records.js';
import { IsoDateSchema } from './requests.schemas.js';
import { IdSchema, NullableString } from './shared.schemas.js';

const Kind = Type.Enum([...appealKinds], { description: 'review 行政复议 · suitDirect 未经复议直接起诉 · suitAfterReview 复议后起诉' });
const Result = Type.Enum([...appealResults], { description: 'upheld 结果维持 · corrected 结果纠正 · other 其他结果 · pending 尚未审结' });

export const AppealSchema = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  requestId: NullableString,
  kind: Kind,
  result: Result,
  filedOn: Type.String(),
  decidedOn: NullableString,
  reviewOrganCoDefendant: Type.Boolean({
    description: '本机关仅作为复议机关共同被告：不计入本机关表四（国办公开办函〔2016〕201号）；原行政行为机关照常计入，故不能用于关联本机关所办申请的记录',
  }),
  caseNumber: Type.String(),
  organ: Type.String({ description: '复议机关或法院' }),
  note: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const AppealListSchema = Type.Object({ items: Type.Array(AppealSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const AppealParamsSchema = Type.Object({ appealId: IdSchema });
export const AppealQuerySchema = Type.Object({
  agencyId: Type.Optional(IdSchema),
  requestId: Type.Optional(IdSchema),
  kind: Type.Optional(Kind),
  filedFrom: Type.Optional(IsoDateSchema),
  filedTo: Type.Optional(IsoDateSchema),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
}, { additionalProperties: false });

const fields = {
  kind: Kind,
  result: Type.Optional(Result),
  filedOn: IsoDateSchema,
  decidedOn: Type.Optional(Type.Union([IsoDateSchema, Type.Null()])),
  reviewOrganCoDefendant: Type.Optional(Type.Boolean()),
  caseNumber: Type.Optional(Type.String({ maxLength: 100 })),
  organ: Type.Optional(Type.String({ maxLength: 100 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
};
export const CreateAppealBodySchema = Type.Object({
  agencyId: Type.Optional(IdSchema),
  requestId: Type.Optional(Type.Union([IdSchema, Type.Null()])),
  ...fields,
}, { additionalProperties: false });
export const UpdateAppealBodySchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  kind: Type.Optional(Kind),
  result: Type.Optional(Result),
  filedOn: Type.Optional(IsoDateSchema),
  decidedOn: fields.decidedOn,
  reviewOrganCoDefendant: fields.reviewOrganCoDefendant,
  caseNumber: fields.caseNumber,
  organ: fields.organ,
  note: fields.note,
}, { additionalProperties: false });
