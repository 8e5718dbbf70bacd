/** Records attached to a request: letters, attachments, appeals (domain shapes returned by the repositories). */
import type { LetterKind } from './letters/letter.js';
import type { OutcomeKey } from './outcomes.js';

/** draft → submitted (for approval) → approved → issued; a replaced draft becomes superseded. */
export type LetterStatus = 'draft' | 'submitted' | 'approved' | 'issued' | 'superseded';
export const letterStatusLabels: { readonly [S in LetterStatus]: string } = {
  draft: '草稿', submitted: '待审批', approved: '已审批', issued: '已发出', superseded: '已作废',
};

/** How a letter reached the applicant (送达). */
export const deliveryMethods = ['inPerson', 'mail', 'email', 'online', 'fax'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];
export const deliveryMethodLabels: { readonly [D in DeliveryMethod]: string } = {
  inPerson: '当面送达', mail: '邮寄送达', email: '电子邮件送达', online: '平台在线送达', fax: '传真送达',
};

export interface RequestLetter {
  readonly id: string;
  readonly requestId: string;
  readonly agencyId: string;
  readonly kind: LetterKind;
  readonly outcome: OutcomeKey | null;
  readonly basis: string | null;
  readonly title: string;
  readonly body: string;
  readonly status: LetterStatus;
  readonly version: number;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly issuedOn: string | null;
  readonly issuedAt: string | null;
  readonly deliveryMethod: DeliveryMethod | null;
  readonly deliveredOn: string | null;
  readonly deliveryNote: string;
}

/** released: 公开的信息 (sent with the reply) · incoming: the application as received · other. */
export const attachmentPurposes = ['released', 'incoming', 'other'] as const;
export type AttachmentPurpose = (typeof attachmentPurposes)[number];

export interface RequestAttachment {
  readonly id: string;
  readonly requestId: string;
  readonly agencyId: string;
  readonly letterId: string | null;
  readonly purpose: AttachmentPurpose;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
}

/** Table-四 groups: 行政复议; 行政诉讼 未经复议直接起诉 / 复议后起诉. */
export const appealKinds = ['review', 'suitDirect', 'suitAfterReview'] as const;
export type AppealKind = (typeof appealKinds)[number];
export const appealKindLabels: { readonly [K in AppealKind]: string } = {
  review: '行政复议', suitDirect: '行政诉讼（未经复议直接起诉）', suitAfterReview: '行政诉讼（复议后起诉）',
};
/** 结果维持 / 结果纠正 / 其他结果 / 尚未审结. */
export const appealResults = ['upheld', 'corrected', 'other', 'pending'] as const;
export type AppealResult = (typeof appealResults)[number];
export const appealResultLabels: { readonly [R in AppealResult]: string } = {
  upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结',
};

export interface Appeal {
  readonly id: string;
  readonly agencyId: string;
  readonly requestId: string | null;
  readonly kind: AppealKind;
  readonly result: AppealResult;
  readonly filedOn: string;
  readonly decidedOn: string | null;
  /**
   * The agency is in this suit only as the 复议机关 named co-defendant: not counted in its own table 四
   * (国办公开办函〔2016〕201号, rules.md §1.6); the original acting agency counts it.
   */
  readonly reviewOrganCoDefendant: boolean;
  readonly caseNumber: string;
  readonly organ: string;
  readonly note: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
