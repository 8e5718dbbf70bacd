/** Bodies of the request actions (POST /api/requests/:requestId/…): each names the version it is based on. */
import { Type, type TProperties } from '@fastify/type-provider-typebox';
import { deliveryMethods } from '../../../core/requests/records.js';
import { IsoDateSchema } from './requests.schemas.js';
import { IdSchema } from './shared.schemas.js';

const base = {
  version: Type.Integer({ minimum: 1, description: '申请当前的 version（乐观锁）' }),
  on: Type.Optional({ ...IsoDateSchema, description: '事件的法定日期，默认今天；不得晚于今天、早于上一事件' }),
};
function body(): ReturnType<typeof Type.Object<typeof base>>;
function body<P extends TProperties>(props: P): ReturnType<typeof Type.Object<typeof base & P>>;
function body(props: TProperties = {}) {
  return Type.Object({ ...base, ...props }, { additionalProperties: false });
}
const text = (max: number, description?: string) => Type.String({ maxLength: max, ...(description && { description }) });
const optText = (max: number, description?: string) => Type.Optional(text(max, description));

export const actionBodies = {
  confirmReceipt: body({ note: optText(500) }),
  assign: body({ assigneeId: Type.Union([IdSchema, Type.Null()]) }),
  sendClarification: body({ items: text(2000, '需要补正的事项'), answerDueOn: { ...IsoDateSchema, description: '补正期限（机关确定的合理期限）' } }),
  answerClarification: body({ text: optText(5000, '补正内容') }),
  lapseClarification: body(),
  sendConsultation: body({
    party: Type.Enum(['thirdParty', 'agency'], { description: 'thirdParty 第三方（第三十二条） · agency 其他机关（第三十四条）' }),
    addressee: text(200), reason: optText(1000), addresseeReceivedOn: Type.Optional(IsoDateSchema),
  }),
  answerConsultation: body({ consultationId: Type.Optional(IdSchema), opinion: Type.Enum(['agree', 'object', 'other']), text: optText(5000) }),
  expireConsultation: body({ consultationId: Type.Optional(IdSchema) }),
  approveExtension: body({ workdays: Type.Integer({ minimum: 1, maximum: 20 }), reason: text(500) }),
  sendFeeNotice: body({
    method: Type.Enum(['perItem', 'perPage'], { description: '按件计收 · 按量计收' }),
    items: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: '按件：一事一申请拆分后的件数' })),
    pages: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, description: '按量：页数' })),
    waiver: Type.Optional(Type.Union([Type.Object({
      kind: Type.Enum(['waive', 'reduce']), amount: Type.Optional(Type.Integer({ minimum: 0 })), reason: text(500), basis: optText(200),
    }, { additionalProperties: false }), Type.Null()])),
    howToPay: optText(500),
    applicantReceivedOn: Type.Optional(IsoDateSchema),
  }),
  recordFeePayment: body(),
  lapseFee: body(),
  requestReason: body({ text: optText(2000) }),
  sendDelayNotice: body({ newReplyBy: IsoDateSchema, reason: optText(2000) }),
  transfer: body({ toAgencyId: IdSchema, reason: optText(1000) }),
  withdraw: body({ reason: optText(1000) }),
  void: body({ reason: text(1000) }),
  archive: body(),
  draftReply: body({
    basis: Type.String({ maxLength: 40, description: '答复依据（outcomes.ts 的 basis key，如 36-2、37、14-secret）' }),
    values: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 5000 }), { description: '模板内容：reason、howToObtain、responsibleAgency …' })),
  }),
  submitReply: body(),
  approveReply: body({ comment: optText(1000) }),
  returnReply: body({ comment: text(1000) }),
  issueReply: body(),
  recordDelivery: body({ method: Type.Enum([...deliveryMethods]), letterId: Type.Optional(IdSchema), note: optText(500) }),
} as const;
