/** Schemas of /api/requests: the request, list lines, the worklist, the clock, the timeline, staff entry. */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { idDocumentTypes } from '../../../core/people/id-documents.js';
import { requestEventKinds } from '../../../core/requests/events.js';
import { outcomeKeys } from '../../../core/requests/outcomes.js';
import { applicantKinds, requestChannels, wantedDeliveries, wantedForms } from '../../../core/requests/request.js';
import { requestActions, requestStatuses } from '../../../core/requests/states.js';
import { AttachmentSchema, LetterSchema } from './requests-letters.schemas.js';
import { IdSchema, NullableString } from './shared.schemas.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
export const IsoDateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '日期 YYYY-MM-DD' });

export const RequestStatusSchema = Type.Enum([...requestStatuses], { description: 'registered 已登记（待确认收到） · inProgress 办理中 · awaitingClarification 补正中 · consulting 征求意见中 · awaitingFee 待缴费 · awaitingApproval 待审批答复 · approved 待发出 · replied 已答复 · closed 已办结 · voided 已作废 · archived 已归档' });
export const OutcomeSchema = Type.Enum([...outcomeKeys], { description: '表三办理结果行' });
export const ApplicantKindSchema = Type.Enum([...applicantKinds], { description: '表三申请人列' });
export const ChannelSchema = Type.Enum([...requestChannels], { description: 'inPerson 当面 · registeredMail 邮寄（签收） · ordinaryMail 平常信函 · internet 互联网 · email 电子邮件 · fax 传真' });
export const ActionSchema = Type.Enum([...requestActions]);

export const ApplicantSchema = Type.Object({
  kind: ApplicantKindSchema,
  name: Type.String(),
  idType: Type.Enum([...idDocumentTypes]),
  idNumber: Type.String(),
  contactPerson: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  address: Type.String(),
  postalCode: Type.String(),
});

/** The full request (personal data in clear: only for staff reaching its agency). */
export const RequestSchema = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  reference: Type.String({ description: '申请编号' }),
  status: RequestStatusSchema,
  version: Type.Integer({ description: '乐观锁版本：每个操作须带上' }),
  channel: ChannelSchema,
  oral: Type.Boolean({ description: '口头提出、代为填写' }),
  arrivedAt: Type.String(),
  arrivedOn: IsoDateSchema,
  receivedOn: Nullable(IsoDateSchema),
  applicant: ApplicantSchema,
  description: Type.String(),
  documentNumber: Type.String(),
  wantedForm: Type.Enum([...wantedForms]),
  wantedDelivery: Type.Enum([...wantedDeliveries]),
  assigneeId: NullableString,
  outcome: Nullable(OutcomeSchema),
  outcomeBasis: NullableString,
  repliedOn: Nullable(IsoDateSchema),
  closedAt: NullableString,
  transferredFromId: NullableString,
  replyBy: Nullable(IsoDateSchema),
  createdBy: NullableString,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const RequestListItemSchema = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  reference: Type.String(),
  status: RequestStatusSchema,
  version: Type.Integer(),
  channel: ChannelSchema,
  arrivedOn: Type.String(),
  receivedOn: NullableString,
  applicantKind: ApplicantKindSchema,
  applicantName: Type.String({ description: '自然人姓名已脱敏' }),
  description: Type.String(),
  documentNumber: Type.String(),
  assigneeId: NullableString,
  outcome: Nullable(OutcomeSchema),
  repliedOn: NullableString,
  replyBy: NullableString,
});

const FindingSchema = Type.Object({ code: Type.String(), severity: Type.String(), message: Type.String() });

export const ClockSchema = Type.Object({
  status: Type.String({ description: 'running · paused · awaitingClarification · replied · closed · invalid' }),
  today: Type.String(),
  asOf: Type.String(),
  receivedOn: NullableString,
  clarifyBy: NullableString,
  clarificationSentOn: NullableString,
  clarificationAnswerDueOn: NullableString,
  clarificationAnsweredOn: NullableString,
  countFrom: NullableString,
  baseReplyBy: NullableString,
  replyBy: NullableString,
  extendedReplyBy: NullableString,
  extensionWorkdays: Type.Integer(),
  delayedReplyBy: NullableString,
  consultations: Type.Array(Type.Unknown()),
  fee: Type.Unknown(),
  pausedPeriods: Type.Array(Type.Unknown()),
  countedSpans: Type.Array(Type.Unknown()),
  repliedOn: NullableString,
  closedOn: NullableString,
  closedBy: NullableString,
  workdaysUsed: Type.Integer(),
  workdaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  overdue: Type.Boolean(),
  overdueWorkdays: Type.Integer(),
  provisional: Type.Boolean(),
  replyByProvisional: Type.Boolean(),
  provisionalReasons: Type.Array(Type.Unknown()),
  findings: Type.Array(FindingSchema),
  dueSoon: Type.Boolean(),
  nextDueOn: NullableString,
});
export const ClockResultSchema = Type.Object({ clock: ClockSchema, explanation: Type.Array(Type.String()) });

export const RequestEventSchema = Type.Object({
  seq: Type.Integer(),
  kind: Type.Enum([...requestEventKinds]),
  on: Type.String(),
  at: Type.String(),
  actorId: NullableString,
  actorName: Type.String(),
  statusBefore: Nullable(RequestStatusSchema),
  statusAfter: RequestStatusSchema,
  data: Type.Unknown(),
});
export const RequestEventListSchema = Type.Object({ events: Type.Array(RequestEventSchema) });

export const RequestDetailSchema = Type.Object({
  request: RequestSchema,
  events: Type.Array(RequestEventSchema),
  clock: Nullable(ClockSchema),
  explanation: Type.Array(Type.String()),
  allowedActions: Type.Array(ActionSchema, { description: '当前状态下当前用户可以进行的操作' }),
  letters: Type.Array(LetterSchema),
  attachments: Type.Array(AttachmentSchema),
});

const PageFields = { total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() };
export const RequestListSchema = Type.Object({ items: Type.Array(RequestListItemSchema), ...PageFields });

export const WorklistItemSchema = Type.Object({
    ...RequestListItemSchema.properties,
    clock: Nullable(Type.Object({
      status: Type.String(), replyBy: NullableString, workdaysLeft: Type.Union([Type.Integer(), Type.Null()]), overdue: Type.Boolean(),
      overdueWorkdays: Type.Integer(), dueSoon: Type.Boolean(), nextDueOn: NullableString, provisional: Type.Boolean(), clarifyBy: NullableString,
    })),
    dueOn: NullableString,
    flags: Type.Array(Type.Enum(['overdue', 'dueSoon', 'unconfirmed'])),
});
export const WorklistSchema = Type.Object({
  items: Type.Array(WorklistItemSchema),
  ...PageFields,
  today: Type.String(),
  counts: Type.Object({ open: Type.Integer(), overdue: Type.Integer(), dueSoon: Type.Integer(), unconfirmed: Type.Integer() }),
});

const Page = { page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) };
const Statuses = Type.Optional(Type.String({ maxLength: 300, description: '状态，多个用逗号分隔' }));

export const RequestListQuerySchema = Type.Object({
  agencyId: Type.Optional(IdSchema),
  status: Statuses,
  outcome: Type.Optional(OutcomeSchema),
  applicantKind: Type.Optional(ApplicantKindSchema),
  receivedFrom: Type.Optional(IsoDateSchema),
  receivedTo: Type.Optional(IsoDateSchema),
  repliedFrom: Type.Optional(IsoDateSchema),
  repliedTo: Type.Optional(IsoDateSchema),
  q: Type.Optional(Type.String({ maxLength: 100, description: '申请编号、内容或文号中的文字' })),
  assigneeId: Type.Optional(IdSchema),
  ...Page,
}, { additionalProperties: false });

export const WorklistQuerySchema = Type.Object({
  agencyId: Type.Optional(IdSchema),
  status: Statuses,
  flag: Type.Optional(Type.Enum(['overdue', 'dueSoon', 'unconfirmed'])),
  assigneeId: Type.Optional(IdSchema),
  ...Page,
}, { additionalProperties: false });

export const RequestParamsSchema = Type.Object({ requestId: IdSchema });

const Field = (max: number) => Type.Optional(Type.String({ maxLength: max }));
export const IntakeFieldsSchema = Type.Object({
  applicantKind: ApplicantKindSchema,
  name: Type.String({ maxLength: 100 }),
  idType: Type.Enum([...idDocumentTypes]),
  idNumber: Type.String({ maxLength: 50 }),
  contactPerson: Field(50),
  phone: Field(30),
  email: Field(100),
  address: Field(200),
  postalCode: Field(6),
  description: Type.String({ maxLength: 2000 }),
  documentNumber: Field(100),
  wantedForm: Type.Enum([...wantedForms]),
  wantedDelivery: Type.Enum([...wantedDeliveries]),
}, { additionalProperties: false });

export const CreateRequestBodySchema = Type.Object({
  agencyId: IdSchema,
  channel: ChannelSchema,
  applicant: IntakeFieldsSchema,
  arrivedOn: IsoDateSchema,
  signedOn: Type.Optional(IsoDateSchema),
  confirmedOn: Type.Optional(IsoDateSchema),
  oral: Type.Optional(Type.Boolean()),
  intakeKey: Type.Optional(Type.String({ minLength: 16, maxLength: 100, description: '幂等键：同一键重复提交只登记一次' })),
}, { additionalProperties: false });
export type CreateRequestBody = Static<typeof CreateRequestBodySchema>;

export const CreateRequestResultSchema = Type.Object({
  request: RequestSchema,
  trackingCode: Type.Union([Type.String(), Type.Null()], { description: '查询码（只显示这一次）；重复提交时为 null' }),
  duplicate: Type.Boolean(),
});

/** The same value typed without `readonly` (the services' read-only views vs TypeBox's mutable Static types). */
export type Wire<T> = T extends readonly (infer U)[] ? Wire<U>[] : T extends object ? { -readonly [K in keyof T]: Wire<T[K]> } : T;
export const wire = <T>(value: T): Wire<T> => value as Wire<T>;
