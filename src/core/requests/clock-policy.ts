/**
 * The statutory periods of the request clock, and the conventions the statute leaves open (items
 * marked [U]/[D] in rules.md) as one named, documented policy with defaults. An agency may override
 * a convention; the numbers of the statute are constants, not policy.
 */

/** 第三十条: 补正 notice within 7 working days of receipt, once. */
export const clarificationWorkdays = 7;
/** 第三十三条: reply within 20 working days. */
export const replyWorkdays = 20;
/** 第三十三条: extensions at most 20 working days in total. */
export const maxExtensionWorkdays = 20;
/** 第三十二条、第三十四条: the consulted party answers within 15 working days of receiving the letter. */
export const consultationWorkdays = 15;
/** 国办函〔2020〕109号 (as restated, rules.md §3.1): pay within 20 wd from the day after receiving the notice. */
export const feePaymentWorkdays = 20;

export interface ClockPolicy {
  /**
   * [U] rules.md §3.2: the time from the 收费通知 until payment is not counted in the reply period.
   * Default true (best knowledge; not found verbatim).
   */
  readonly feePausesClock: boolean;
  /**
   * [D] rules.md §3.4: the day the fee notice is sent still counts as a working day used.
   * Default true (the pause starts the next day).
   */
  readonly feeNoticeDayCounts: boolean;
  /**
   * [D] rules.md §3.4: the day of payment is paused too (counting resumes the day after). Default true.
   */
  readonly feePaymentDayPaused: boolean;
  /**
   * [U] rules.md §2.4/§2.10: the day the 征求意见书 is sent still counts as a working day used.
   * Default true (the §2.10 example: "the dispatch day is consumed").
   */
  readonly consultationDispatchDayCounts: boolean;
  /**
   * [U] rules.md §2.10: the day the consulted party's answer arrives is paused too (counting resumes
   * the day after). Default true (the §2.10 example: "the reply day is paused").
   */
  readonly consultationAnswerDayPaused: boolean;
  /**
   * [D] A pause ends at the end of its own statutory window when nothing happened by then: a
   * consultation at its 15-wd limit (逾期未提出意见), a fee at the end of the 20-wd payment window.
   * Default true; false keeps an unanswered consultation or unpaid fee paused until "today".
   */
  readonly pauseEndsAtLimit: boolean;
  /**
   * [U] rules.md §2.5: an extension must be approved (and notified) before the deadline in force;
   * a later one is reported and not applied. Default true.
   */
  readonly extensionMustPrecedeDeadline: boolean;
}

export const defaultClockPolicy: ClockPolicy = Object.freeze({
  feePausesClock: true,
  feeNoticeDayCounts: true,
  feePaymentDayPaused: true,
  consultationDispatchDayCounts: true,
  consultationAnswerDayPaused: true,
  pauseEndsAtLimit: true,
  extensionMustPrecedeDeadline: true,
});

/** The policy with overrides, frozen. */
export const clockPolicy = (overrides: Partial<ClockPolicy> = {}): ClockPolicy =>
  Object.freeze({ ...defaultClockPolicy, ...overrides });
