/**
 * The conventions the statute leaves open ([U]/[D] in rules.md §1.7, §2) as one named policy with
 * documented defaults. An installation may override them (config); the statute's numbers are not policy.
 */
import type { OutcomeKey } from './outcomes.js';

export interface RequestPolicy {
  /** [U] rules.md §1.7: a withdrawn request is counted as （六）其他处理 3.其他. Default 'other_other'. */
  readonly withdrawalOutcome: OutcomeKey;
  /** [U] rules.md §1.7: 第三十六条(一) "已经主动公开" is counted as （一）予以公开. Default 'granted'. */
  readonly alreadyPublishedOutcome: OutcomeKey;
  /**
   * [U] rules.md §2.9: 第三十六条(五) "不属于本行政机关负责公开" is counted as （四）1.本机关不掌握相关政府信息
   * (the only row available). Default 'unable_notHeld'. Also the outcome of a transfer after receipt.
   */
  readonly notResponsibleOutcome: OutcomeKey;
  /**
   * [D] A transfer (转送) of a request whose receipt was already confirmed closes it at this agency with
   * the 第三十六条(五) outcome and opens a linked request at the responsible agency (both counted by
   * their own agency); an unconfirmed one simply moves. Default true; false moves it in every state
   * (the first agency then never counts it).
   */
  readonly transferClosesReceived: boolean;
  /** Who approves a reply before it is issued: the 机关负责人 (default) or nobody (the handler issues). */
  readonly replyApproval: 'head' | 'none';
  /** [D] 第三十条: a 补正 notice after the 7-working-day window is refused (default true) rather than only flagged. */
  readonly clarificationWindowEnforced: boolean;
}

export const defaultRequestPolicy: RequestPolicy = Object.freeze({
  withdrawalOutcome: 'other_other',
  alreadyPublishedOutcome: 'granted',
  notResponsibleOutcome: 'unable_notHeld',
  transferClosesReceived: true,
  replyApproval: 'head',
  clarificationWindowEnforced: true,
});

export const requestPolicy = (overrides: Partial<RequestPolicy> = {}): RequestPolicy => Object.freeze({ ...defaultRequestPolicy, ...overrides });

/** The outcome a basis is counted under, with the policy's [U] conventions applied (36(一), 36(五), withdrawal). */
export function outcomeOfBasis(basis: { readonly key: string; readonly outcome: OutcomeKey }, policy: RequestPolicy = defaultRequestPolicy): OutcomeKey {
  if (basis.key === '36-1') return policy.alreadyPublishedOutcome;
  if (basis.key === '36-5') return policy.notResponsibleOutcome;
  if (basis.key === 'withdrawal') return policy.withdrawalOutcome;
  return basis.outcome;
}
