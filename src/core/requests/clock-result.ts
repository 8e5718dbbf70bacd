/** What the request clock computes (clock.ts). Dates are 'YYYY-MM-DD'; counts are working days. */
import type { ProvisionalReason } from '../calendar/calendar.js';
import type { Finding } from '../findings.js';
import type { ConsultationParty, IsoDate } from './clock-events.js';

/**
 * running: the 20-wd answer clock runs · paused: a consultation or fee pause is open today ·
 * awaitingClarification: a 补正 notice is out, the clock restarts when 补正 arrives ·
 * replied: answered · closed: 逾期不补正 / 逾期未缴费 (视为放弃) · invalid: no usable receipt date.
 */
export type ClockStatus = 'running' | 'paused' | 'awaitingClarification' | 'replied' | 'closed' | 'invalid';

export type PauseReason = 'clarification' | 'consultation' | 'fee';

export interface PausedPeriod {
  readonly reason: PauseReason;
  /** First and last paused day (inclusive). For an open pause `to` is today. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Still running today (its end is not known yet). */
  readonly open: boolean;
  /** Working days inside the period. */
  readonly workdays: number;
}

export interface ConsultationClock {
  readonly consultationId: string | null;
  readonly party: ConsultationParty | null;
  readonly sentOn: IsoDate;
  readonly addresseeReceivedOn: IsoDate;
  /** The consulted party's 15-wd limit (第三十二条、第三十四条). */
  readonly limitOn: IsoDate;
  readonly answeredOn: IsoDate | null;
  readonly expiredOn: IsoDate | null;
  readonly status: 'open' | 'answered' | 'expired';
}

export interface FeeClock {
  readonly noticeOn: IsoDate;
  readonly applicantReceivedOn: IsoDate;
  /** Last day to pay: 20 wd from the day after the applicant received the notice. */
  readonly payBy: IsoDate;
  readonly paidOn: IsoDate | null;
  readonly lapsedOn: IsoDate | null;
  readonly amount: number | null;
  readonly status: 'awaitingPayment' | 'paid' | 'lapsed' | 'expired';
}

/** A stretch of days whose working days count towards the reply period. */
export interface CountedSpan {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly workdays: number;
}

export type ClosedBy = 'replied' | 'clarificationLapsed' | 'feeLapsed';

export interface RequestClock {
  readonly status: ClockStatus;
  readonly today: IsoDate;
  /** The date the figures are taken at: the closing date if closed, else today. */
  readonly asOf: IsoDate;
  readonly receivedOn: IsoDate | null;
  /** 补正 notice due: 7 wd from receipt (第三十条). */
  readonly clarifyBy: IsoDate | null;
  readonly clarificationSentOn: IsoDate | null;
  readonly clarificationAnswerDueOn: IsoDate | null;
  readonly clarificationAnsweredOn: IsoDate | null;
  /** The trigger day of the 20-wd reply period: the receipt, or the 补正 receipt (第三十条). */
  readonly countFrom: IsoDate | null;
  /** 20 wd after countFrom, before pauses and extensions. */
  readonly baseReplyBy: IsoDate | null;
  /** The reply date in force: pauses and extensions applied, or the 第三十五条 date. Null while awaiting 补正. */
  readonly replyBy: IsoDate | null;
  /** The latest date with the full 20-wd extension (or the 第三十五条 date if later). */
  readonly extendedReplyBy: IsoDate | null;
  /** Working days of extension applied (≤ 20). */
  readonly extensionWorkdays: number;
  /** The 第三十五条 reasonable-delay date, if one was notified. */
  readonly delayedReplyBy: IsoDate | null;
  readonly consultations: readonly ConsultationClock[];
  readonly fee: FeeClock | null;
  readonly pausedPeriods: readonly PausedPeriod[];
  /** How the reply period was counted: the stretches between pauses, up to replyBy. */
  readonly countedSpans: readonly CountedSpan[];
  readonly repliedOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
  readonly closedBy: ClosedBy | null;
  /** Working days of the reply period used by asOf (paused days excluded). */
  readonly workdaysUsed: number;
  /** Working days left until replyBy (negative when overdue); null when there is no reply date. */
  readonly workdaysLeft: number | null;
  readonly overdue: boolean;
  readonly overdueWorkdays: number;
  /** Any computed date depends on a year without a published holiday notice. */
  readonly provisional: boolean;
  /** replyBy itself depends on such a year. */
  readonly replyByProvisional: boolean;
  readonly provisionalReasons: readonly ProvisionalReason[];
  readonly findings: readonly Finding[];
}
