/** Schemas of /api/publications (主动公开): items, versions, reviews, actions, queue, dashboard, suggestions, settings. */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { docTypes, publicationStatuses, reviewDecisions, reviewKinds, validities, versionStatuses } from '../../../core/publications/publication.js';
import { IdSchema, NullableString } from './shared.schemas.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '日期 YYYY-MM-DD' });
const NullableDate = Type.Union([IsoDate, Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);
const Version = Type.Integer({ minimum: 1, description: '信息的版本号（乐观锁）：取自上次读取的 version' });

export const PublicationParamsSchema = Type.Object({ publicationId: IdSchema });
export const PublicationAttachmentParamsSchema = Type.Object({ publicationId: IdSchema, attachmentId: IdSchema });
export const AttachmentIdParamsSchema = Type.Object({ attachmentId: IdSchema });

export const PublicationSchema = Type.Object({
  id: Type.String(), agencyId: Type.String(), status: Type.String({ description: 'draft 未发布 · published 已发布 · withdrawn 已撤回' }),
  version: Type.Integer(), indexNumber: NullableString, publishedVersionId: NullableString,
  title: Type.String(), documentNumber: Type.String(), topic: Type.String(), genre: Type.String(), docType: Type.String(), article20Item: NullableInt,
  writtenOn: NullableString, firstPublishedOn: NullableString, publishedOn: NullableString,
  validity: Type.String({ description: 'valid 有效 · expired 失效 · repealed 废止' }), effectiveOn: NullableString, validityEndedOn: NullableString,
  validityNote: Type.String(), withdrawnOn: NullableString, withdrawnReason: Type.String(), createdBy: NullableString, createdAt: Type.String(), updatedAt: Type.String(),
});

const contentFields = {
  title: Type.String(), summary: Type.String(), bodyHtml: Type.String({ description: '正文（已按白名单过滤的 HTML）' }), publisher: Type.String(),
  documentNumber: Type.String(), writtenOn: NullableString, formedOn: Type.String(), topic: Type.String(), genre: Type.String(), docType: Type.String(),
  article20Item: NullableInt, disclosureMethod: Type.String(), changeNote: Type.String(), sourceRequestIds: Type.Array(Type.String()),
};

export const VersionSchema = Type.Object({
  id: Type.String(), publicationId: Type.String(), agencyId: Type.String(), number: Type.Integer(), status: Type.String(), ...contentFields,
  publishBy: Type.String({ description: '公开期限（形成或变更之日起 20 个工作日）' }), reviewRound: Type.Integer(),
  confidentialityReviewId: NullableString, releaseReviewId: NullableString, createdBy: NullableString, createdAt: Type.String(), updatedAt: Type.String(),
  submittedBy: NullableString, submittedAt: NullableString, publishedBy: NullableString, publishedAt: NullableString, publishedOn: NullableString,
});

export const ReviewSchema = Type.Object({
  id: Type.String(), versionId: Type.String(), publicationId: Type.String(), agencyId: Type.String(), kind: Type.String(), decision: Type.String(),
  round: Type.Integer(), opinion: Type.String(), reviewerId: NullableString, reviewerName: Type.String(), reviewedOn: Type.String(), at: Type.String(),
});

export const PublicationAttachmentSchema = Type.Object({
  id: Type.String(), versionId: Type.String(), publicationId: Type.String(), agencyId: Type.String(), position: Type.Integer(), fileName: Type.String(),
  mediaType: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(), createdAt: Type.String(),
});

const DeadlineSchema = Type.Object({
  publishBy: Type.String(), state: Type.String({ description: 'overdue 已超期 · dueSoon 临近期限 · onTrack 正常' }),
  workdaysLeft: Type.Integer({ description: '剩余工作日（负数为已超期的工作日数）' }), provisional: Type.Boolean(),
});

export const PublicationDetailSchema = Type.Object({
  publication: PublicationSchema,
  versions: Type.Array(VersionSchema),
  reviews: Type.Array(ReviewSchema),
  attachments: Type.Record(Type.String(), Type.Array(PublicationAttachmentSchema), { description: '各版本的附件（键为版本 id）' }),
  events: Type.Array(Type.Object({
    id: Type.Integer(), kind: Type.String(), versionId: NullableString, at: Type.String(), actorName: Type.String(),
    statusBefore: NullableString, statusAfter: NullableString, data: Type.Unknown(),
  })),
  open: Type.Union([Type.Object({
    version: VersionSchema, deadline: DeadlineSchema, publishBlockers: Type.Array(Type.String()), pendingReviews: Type.Array(Type.String()),
  }), Type.Null()], { description: '正在办理的版本、公开期限及尚不能发布的原因' }),
});

const contentInput = {
  summary: Type.Optional(Type.String({ maxLength: 2000 })),
  bodyHtml: Type.Optional(Type.String({ maxLength: 2_000_000, description: '正文 HTML（服务端按白名单过滤）' })),
  publisher: Type.Optional(Type.String({ maxLength: 200 })),
  documentNumber: Type.Optional(Type.String({ maxLength: 100 })),
  writtenOn: Type.Optional(Type.Union([IsoDate, Type.Null(), Type.Literal('')], { description: '成文日期' })),
  formedOn: Type.Optional(Type.Union([IsoDate], { description: '形成（变更）日期：公开期限由此起算' })),
  topic: Type.Optional(Type.String({ maxLength: 32 })),
  genre: Type.Optional(Type.String({ maxLength: 32 })),
  docType: Type.Optional(Type.Enum([...docTypes])),
  article20Item: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 15 }), Type.Null()])),
  disclosureMethod: Type.Optional(Type.String({ maxLength: 32 })),
  changeNote: Type.Optional(Type.String({ maxLength: 1000 })),
  sourceRequestIds: Type.Optional(Type.Array(IdSchema, { maxItems: 200, description: '依申请转主动：来源申请' })),
};
const validityInput = {
  validity: Type.Optional(Type.Enum([...validities])),
  effectiveOn: Type.Optional(NullableDate),
  validityEndedOn: Type.Optional(NullableDate),
  validityNote: Type.Optional(Type.String({ maxLength: 300 })),
};

export const CreatePublicationBodySchema = Type.Object({
  agencyId: IdSchema, title: Type.String({ minLength: 1, maxLength: 200 }), ...contentInput, ...validityInput,
}, { additionalProperties: false });
export const UpdatePublicationBodySchema = Type.Object({
  version: Version, title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...contentInput, ...validityInput,
}, { additionalProperties: false });

export const VersionBodySchema = Type.Object({ version: Version }, { additionalProperties: false });
export const ReviewBodySchema = Type.Object({
  version: Version, kind: Type.Enum([...reviewKinds], { description: 'confidentiality 保密审查 · release 发布审查' }),
  decision: Type.Enum([...reviewDecisions], { description: 'approved 同意 · rejected 不同意（退回修改）' }),
  opinion: Type.Optional(Type.String({ maxLength: 2000 })), reviewedOn: Type.Optional(IsoDate),
}, { additionalProperties: false });
export const PublishBodySchema = Type.Object({ version: Version, publishedOn: Type.Optional(IsoDate) }, { additionalProperties: false });
export const WithdrawBodySchema = Type.Object({ version: Version, reason: Type.String({ minLength: 1, maxLength: 500 }), on: Type.Optional(IsoDate) }, { additionalProperties: false });
export const ValidityBodySchema = Type.Object({ version: Version, ...validityInput }, { additionalProperties: false });
export const StartChangeBodySchema = Type.Object({
  version: Version, changedOn: Type.Optional(IsoDate), changeNote: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export const DiscardResultSchema = Type.Object({ deleted: Type.Boolean({ description: 'true：从未发布的信息已删除；false：正在办理的版本已放弃' }) });
export const VersionQuerySchema = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const CatalogQuerySchema = Type.Object({
  agencyId: Type.Optional(IdSchema),
  status: Type.Optional(Type.Enum([...publicationStatuses])),
  work: Type.Optional(Type.Enum(['draft', 'submitted', 'approved', 'none'], { description: '正在办理的版本的状态' })),
  docType: Type.Optional(Type.Enum([...docTypes])),
  topic: Type.Optional(Type.String({ maxLength: 32 })),
  genre: Type.Optional(Type.String({ maxLength: 32 })),
  validity: Type.Optional(Type.Enum([...validities])),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  text: Type.Optional(Type.String({ maxLength: 100 })),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
}, { additionalProperties: false });

export const CatalogPageSchema = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), agencyId: Type.String(), status: Type.String(), version: Type.Integer(), indexNumber: NullableString, title: Type.String(),
    documentNumber: Type.String(), docType: Type.String(), topic: Type.String(), genre: Type.String(), validity: Type.String(),
    firstPublishedOn: NullableString, publishedOn: NullableString, updatedAt: Type.String(),
    openVersion: Type.Union([Type.Object({ id: Type.String(), number: Type.Integer(), status: Type.Enum([...versionStatuses]), formedOn: Type.String(), publishBy: Type.String() }), Type.Null()]),
  })),
  total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
});

export const ReviewQueueSchema = Type.Object({
  items: Type.Array(Type.Object({
    publicationId: Type.String(), version: Type.Integer(), agencyId: Type.String(), versionId: Type.String(), number: Type.Integer(), title: Type.String(),
    formedOn: Type.String(), publishBy: Type.String(), submittedAt: NullableString, isChange: Type.Boolean(), pendingReviews: Type.Array(Type.String()),
    canReview: Type.Boolean(), refusal: NullableString,
  })),
});

export const DeadlineQuerySchema = Type.Object({
  agencyId: Type.Optional(IdSchema), all: Type.Optional(Type.Boolean({ description: '同时列出未临近期限的' })),
}, { additionalProperties: false });
export const DeadlineDashboardSchema = Type.Object({
  today: Type.String(), dueSoonWorkdays: Type.Integer(),
  items: Type.Array(Type.Object({
    publicationId: Type.String(), agencyId: Type.String(), versionId: Type.String(), number: Type.Integer(), status: Type.String(), title: Type.String(),
    formedOn: Type.String(), isChange: Type.Boolean(), deadline: DeadlineSchema,
  })),
  byAgency: Type.Array(Type.Object({ agencyId: Type.String(), counts: Type.Object({ overdue: Type.Integer(), dueSoon: Type.Integer(), onTrack: Type.Integer() }) })),
});

export const SuggestionQuerySchema = Type.Object({
  agencyId: Type.Optional(IdSchema), since: Type.Optional(IsoDate),
  minApplicants: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), threshold: Type.Optional(Type.Number({ minimum: 0.2, maximum: 1 })),
}, { additionalProperties: false });
export const SuggestionListSchema = Type.Object({
  suggestions: Type.Array(Type.Object({
    agencyId: Type.String(), key: Type.String(), documentNumber: Type.String(), subject: Type.String(), applicantCount: Type.Integer(),
    requests: Type.Array(Type.Object({ id: Type.String(), reference: Type.String(), description: Type.String(), documentNumber: Type.String(), repliedOn: Type.String(), outcome: Type.String() })),
    links: Type.Array(Type.Object({ a: Type.String(), b: Type.String(), reason: Type.String({ description: 'documentNumber 文号相同 · similarText 申请内容相似' }), score: Type.Number(), shared: Type.Array(Type.String()) })),
  })),
});

export const VocabularyQuerySchema = Type.Object({
  vocabulary: Type.Optional(Type.Enum(['topic', 'genre', 'disclosureMethod'])), all: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
const TermSchema = Type.Object({ vocabulary: Type.String(), code: Type.String(), label: Type.String(), sortOrder: Type.Integer(), active: Type.Boolean() });
export const VocabularyListSchema = Type.Object({ terms: Type.Array(TermSchema) });
export const TermParamsSchema = Type.Object({ vocabulary: Type.Enum(['topic', 'genre', 'disclosureMethod']), code: Type.String({ minLength: 1, maxLength: 32 }) });
export const TermBodySchema = Type.Object({ label: Type.String({ minLength: 1, maxLength: 40 }), sortOrder: Type.Optional(Type.Integer()), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const TermResultSchema = TermSchema;

export const PolicySchema = Type.Object({
  indexPattern: Type.String({ description: '索引号格式：{agencyCode} {year} {month} {seq:N}' }),
  agencyCodes: Type.Record(Type.String(), Type.String(), { description: '机关 id → 索引号中的机关代码' }),
  reviewerRoles: Type.Array(Type.Enum(['handler', 'head', 'admin', 'supervisor']), { description: '可审查的角色（supervisor 不能审查，保存时拒绝）' }),
  separationOfDuties: Type.Boolean({ description: '起草人不得审查本人稿件' }),
  distinctReviewers: Type.Boolean({ description: '保密审查与发布审查须由不同人员进行' }),
  dueSoonWorkdays: Type.Integer({ minimum: 0, maximum: 20 }),
  publishWithinWorkdays: Type.Integer({ minimum: 1, maximum: 60 }),
});
export const PolicyPatchSchema = Type.Partial(PolicySchema, { additionalProperties: false });
export type PolicyPatch = Static<typeof PolicyPatchSchema>;
