/**
 * 主动公开的政府信息 (条例第十九–二十六条): a publication (the document) and its versions (texts). The
 * document carries the 索引号 and the 有效性; each version carries the text and its metadata, is
 * reviewed (保密审查 and 发布审查) and only then published. A change is a new version; the old ones stay.
 */

export const publicationStatuses = ['draft', 'published', 'withdrawn'] as const;
/** draft: never published · published: shown on the portal · withdrawn: taken down (撤回). */
export type PublicationStatus = (typeof publicationStatuses)[number];

export const versionStatuses = ['draft', 'submitted', 'approved', 'published', 'superseded', 'discarded'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

export const validities = ['valid', 'expired', 'repealed'] as const;
/** 有效 · 失效 · 废止 */
export type Validity = (typeof validities)[number];

export const docTypes = ['regulation', 'normativeDocument', 'other'] as const;
/** 规章 · 行政规范性文件 · 其他 (the first two are the table-二 register of 第二十条第（一）项). */
export type DocType = (typeof docTypes)[number];

export const reviewKinds = ['confidentiality', 'release'] as const;
/** 保密审查 · 发布审查 */
export type ReviewKind = (typeof reviewKinds)[number];
export const reviewDecisions = ['approved', 'rejected'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const publicationStatusLabels: { readonly [S in PublicationStatus]: string } = {
  draft: '未发布', published: '已发布', withdrawn: '已撤回',
};
export const versionStatusLabels: { readonly [S in VersionStatus]: string } = {
  draft: '草稿', submitted: '待审查', approved: '审查通过（待发布）', published: '已发布', superseded: '已被新版本替代', discarded: '已放弃',
};
export const validityLabels: { readonly [V in Validity]: string } = { valid: '有效', expired: '失效', repealed: '废止' };
export const docTypeLabels: { readonly [D in DocType]: string } = { regulation: '规章', normativeDocument: '行政规范性文件', other: '其他' };
export const reviewKindLabels: { readonly [K in ReviewKind]: string } = { confidentiality: '保密审查', release: '发布审查' };
export const reviewDecisionLabels: { readonly [D in ReviewDecision]: string } = { approved: '同意发布', rejected: '不同意（退回修改）' };

/** 条例第二十条: the 15 items of information every body publishes proactively (short labels). */
export const article20Items: readonly string[] = [
  '行政法规、规章和规范性文件',
  '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '国民经济和社会发展统计信息',
  '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '财政预算、决算信息',
  '行政事业性收费项目及其依据、标准',
  '政府集中采购项目的目录、标准及实施情况',
  '重大建设项目的批准和实施情况',
  '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '突发公共事件的应急预案、预警信息及应对情况',
  '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '公务员招考的职位、名额、报考条件等事项以及录用结果',
  '法律、行政法规、规章和国务院有关规定规定应当主动公开的其他政府信息',
];
const cnNumbers = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
/** "第二十条第（六）项". */
export const article20ItemLabel = (item: number): string => `第二十条第（${cnNumbers[item - 1] ?? String(item)}）项`;

/** The text and metadata of one version, as edited. */
export interface VersionContent {
  readonly title: string;
  /** 内容概述 */
  readonly summary: string;
  /** Sanitized HTML. */
  readonly bodyHtml: string;
  /** 发布机构 */
  readonly publisher: string;
  /** 文号 */
  readonly documentNumber: string;
  /** 成文日期 */
  readonly writtenOn: string | null;
  /** The date the information was made (version 1) or changed (later versions): 第二十六条. */
  readonly formedOn: string;
  /** 主题分类 code (vocabulary topic). */
  readonly topic: string;
  /** 体裁 code (vocabulary genre). */
  readonly genre: string;
  readonly docType: DocType;
  /** The 第二十条 item (1–15), or null. */
  readonly article20Item: number | null;
  /** 公开方式 code (vocabulary disclosureMethod). */
  readonly disclosureMethod: string;
  /** What changed (later versions). */
  readonly changeNote: string;
  /** 依申请转主动: the requests that asked for it. */
  readonly sourceRequestIds: readonly string[];
}

export interface Review {
  readonly id: string;
  readonly versionId: string;
  readonly publicationId: string;
  readonly agencyId: string;
  readonly kind: ReviewKind;
  readonly decision: ReviewDecision;
  readonly round: number;
  readonly opinion: string;
  readonly reviewerId: string | null;
  readonly reviewerName: string;
  readonly reviewedOn: string;
  readonly at: string;
}

export interface PublicationAttachment {
  readonly id: string;
  readonly versionId: string;
  readonly publicationId: string;
  readonly agencyId: string;
  readonly position: number;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdAt: string;
}

export interface PublicationVersion extends VersionContent {
  readonly id: string;
  readonly publicationId: string;
  readonly agencyId: string;
  readonly number: number;
  readonly status: VersionStatus;
  /** formedOn + 20 working days (第二十六条), as computed at the last save. */
  readonly publishBy: string;
  readonly reviewRound: number;
  readonly confidentialityReviewId: string | null;
  readonly releaseReviewId: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
  readonly publishedBy: string | null;
  readonly publishedAt: string | null;
  readonly publishedOn: string | null;
}

export interface Publication {
  readonly id: string;
  readonly agencyId: string;
  readonly status: PublicationStatus;
  /** Optimistic lock: every action names it. */
  readonly version: number;
  readonly indexNumber: string | null;
  readonly publishedVersionId: string | null;
  /** Projection of the published version (empty until published). */
  readonly title: string;
  readonly documentNumber: string;
  readonly topic: string;
  readonly genre: string;
  readonly docType: DocType;
  readonly article20Item: number | null;
  readonly writtenOn: string | null;
  readonly firstPublishedOn: string | null;
  readonly publishedOn: string | null;
  readonly validity: Validity;
  /** 施行日期 */
  readonly effectiveOn: string | null;
  /** The day it lapsed or was repealed (null while valid). */
  readonly validityEndedOn: string | null;
  readonly validityNote: string;
  readonly withdrawnOn: string | null;
  readonly withdrawnReason: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const isDocType = (v: unknown): v is DocType => typeof v === 'string' && (docTypes as readonly string[]).includes(v);
export const isValidity = (v: unknown): v is Validity => typeof v === 'string' && (validities as readonly string[]).includes(v);
export const isReviewKind = (v: unknown): v is ReviewKind => typeof v === 'string' && (reviewKinds as readonly string[]).includes(v);
