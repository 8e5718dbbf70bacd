/** Schemas of letters (告知书/通知书) and attachments of a request. */
import { Type } from '@fastify/type-provider-typebox';
import { attachmentPurposes, deliveryMethods } from '../../../core/requests/records.js';
import { IdSchema, NullableString } from './shared.schemas.js';

export const LetterSchema = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  agencyId: Type.String(),
  kind: Type.String({ description: 'reply 答复告知书 · closingNotice 终止处理告知书 · clarificationNotice · extensionNotice · feeNotice · delayNotice · reasonRequest · consultationLetter' }),
  outcome: NullableString,
  basis: NullableString,
  title: Type.String(),
  body: Type.String({ description: '纯文本，段落之间空一行；“〔请填写：…〕”为待填写内容' }),
  status: Type.Enum(['draft', 'submitted', 'approved', 'issued', 'superseded']),
  version: Type.Integer(),
  createdBy: NullableString,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  approvedBy: NullableString,
  approvedAt: NullableString,
  issuedOn: NullableString,
  issuedAt: NullableString,
  deliveryMethod: Type.Union([Type.Enum([...deliveryMethods]), Type.Null()]),
  deliveredOn: NullableString,
  deliveryNote: Type.String(),
});
export const LetterListSchema = Type.Object({ letters: Type.Array(LetterSchema) });
export const LetterParamsSchema = Type.Object({ letterId: IdSchema });
export const LetterPatchSchema = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  body: Type.Optional(Type.String({ minLength: 1, maxLength: 20000 })),
}, { additionalProperties: false });
export const LetterFileQuerySchema = Type.Object({ format: Type.Enum(['docx', 'pdf']) }, { additionalProperties: false });

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  requestId: Type.String(),
  agencyId: Type.String(),
  letterId: NullableString,
  purpose: Type.Enum([...attachmentPurposes], { description: 'released 公开的信息 · incoming 申请原件 · other 其他' }),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  createdBy: NullableString,
  createdAt: Type.String(),
});
export const AttachmentListSchema = Type.Object({ attachments: Type.Array(AttachmentSchema) });
export const AttachmentParamsSchema = Type.Object({ attachmentId: IdSchema });
