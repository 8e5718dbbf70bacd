/**
 * The events the statutory clock of one request reads (条例第三十–三十五条, 国办函〔2020〕109号).
 * The requests lifecycle maps its stored events onto these; the clock (clock.ts) needs nothing else.
 * Every date is a legal date 'YYYY-MM-DD' (Asia/Shanghai). Events may arrive in any order: the clock
 * sorts them by date (stable, so same-day events keep their given order).
 */

/** A legal date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** 收到申请之日 (第三十一条): the legal receipt date, not the arrival instant. Exactly one per request. */
export interface ReceivedEvent {
  readonly kind: 'received';
  readonly on: IsoDate;
}

/** 补正通知 sent (第三十条): once only, within 7 working days of receipt; suspends the answer clock. */
export interface ClarificationSentEvent {
  readonly kind: 'clarificationSent';
  readonly on: IsoDate;
  /** The agency-set 补正期限 ("合理的补正期限", no statutory number), if recorded. */
  readonly answerDueOn?: IsoDate;
}

/** 补正 received: the 20-working-day answer clock restarts from this date (第三十条). */
export interface ClarificationAnsweredEvent {
  readonly kind: 'clarificationAnswered';
  readonly on: IsoDate;
}

/** 逾期不补正: the request is treated as abandoned (table 三 row 21); the clock stops. */
export interface ClarificationLapsedEvent {
  readonly kind: 'clarificationLapsed';
  readonly on: IsoDate;
}

/** Who is consulted: a third party (第三十二条) or another agency (第三十四条). */
export type ConsultationParty = 'thirdParty' | 'agency';

/** 征求意见书 sent: pauses the answer clock (第三十三条第三款); the addressee has 15 working days. */
export interface ConsultationSentEvent {
  readonly kind: 'consultationSent';
  readonly on: IsoDate;
  /** Matches the answer/expiry of this consultation; optional when only one is open at a time. */
  readonly consultationId?: string;
  readonly party?: ConsultationParty;
  /** The addressee's receipt of the letter; its 15-wd limit counts from here (default: `on`). */
  readonly addresseeReceivedOn?: IsoDate;
}

/** The consulted party's answer arrived. */
export interface ConsultationAnsweredEvent {
  readonly kind: 'consultationAnswered';
  readonly on: IsoDate;
  readonly consultationId?: string;
}

/** Recorded expiry of a consultation without answer (the clock also ends the pause at the limit by itself). */
export interface ConsultationExpiredEvent {
  readonly kind: 'consultationExpired';
  readonly on: IsoDate;
  readonly consultationId?: string;
}

/** 延期答复 approved by the head of the 工作机构 and notified (第三十三条第二款); ≤ 20 wd in total. */
export interface ExtensionApprovedEvent {
  readonly kind: 'extensionApproved';
  readonly on: IsoDate;
  /** Length in working days (an integer 1–20; several extensions add up to at most 20). */
  readonly workdays: number;
}

/** 收费通知 sent (信息处理费); the applicant pays within 20 wd from the day after receiving it. */
export interface FeeNoticeSentEvent {
  readonly kind: 'feeNoticeSent';
  readonly on: IsoDate;
  /** The applicant's receipt of the notice (default: `on`). */
  readonly applicantReceivedOn?: IsoDate;
  /** Amount in 元, for display. */
  readonly amount?: number;
}

/** The fee was paid. */
export interface FeePaidEvent {
  readonly kind: 'feePaid';
  readonly on: IsoDate;
}

/** 逾期未缴费: treated as abandoned (table 三 row 22); the clock stops. */
export interface FeeLapsedEvent {
  readonly kind: 'feeLapsed';
  readonly on: IsoDate;
}

/** 第三十五条: the agency set a reasonable later reply date and told the applicant. */
export interface DelayNoticeEvent {
  readonly kind: 'delayNoticeSent';
  readonly on: IsoDate;
  /** The new reply date set by the agency. */
  readonly newReplyBy: IsoDate;
}

/** 答复 issued (any reply type of 第三十六–三十九条): the clock stops. */
export interface RepliedEvent {
  readonly kind: 'replied';
  readonly on: IsoDate;
}

export type ClockEvent =
  | ReceivedEvent
  | ClarificationSentEvent
  | ClarificationAnsweredEvent
  | ClarificationLapsedEvent
  | ConsultationSentEvent
  | ConsultationAnsweredEvent
  | ConsultationExpiredEvent
  | ExtensionApprovedEvent
  | FeeNoticeSentEvent
  | FeePaidEvent
  | FeeLapsedEvent
  | DelayNoticeEvent
  | RepliedEvent;

export type ClockEventKind = ClockEvent['kind'];

/** Every event kind, in lifecycle order (for CLI parsing, forms and exhaustiveness tests). */
export const clockEventKinds = [
  'received',
  'clarificationSent',
  'clarificationAnswered',
  'clarificationLapsed',
  'consultationSent',
  'consultationAnswered',
  'consultationExpired',
  'extensionApproved',
  'feeNoticeSent',
  'feePaid',
  'feeLapsed',
  'delayNoticeSent',
  'replied',
] as const satisfies readonly ClockEventKind[];

/** Chinese label of each event kind (explanations, findings, forms). */
export const clockEventLabels: { readonly [K in ClockEventKind]: string } = {
  received: '收到申请',
  clarificationSent: '发出补正通知',
  clarificationAnswered: '收到补正',
  clarificationLapsed: '逾期未补正',
  consultationSent: '发出征求意见书',
  consultationAnswered: '收到征求意见答复',
  consultationExpired: '征求意见期满',
  extensionApproved: '批准延期答复',
  feeNoticeSent: '发出收费通知',
  feePaid: '缴纳信息处理费',
  feeLapsed: '逾期未缴费',
  delayNoticeSent: '告知延迟答复期限（第三十五条）',
  replied: '作出答复',
};
