/**
 * The lifecycle of a request (rules.md §2.13, 第四十五条 登记、审核、办理、答复、归档): its states, the
 * actions allowed in each state and where they lead. Every action is recorded as an event
 * (events.ts); the services refuse an action not allowed in the current state (WRONG_STATE).
 *
 *   registered ──confirmReceipt──▶ inProgress ──sendClarification──▶ awaitingClarification ──answer──▶ inProgress
 *        │ void/withdraw → voided       │  ├─sendConsultation──▶ consulting ──answer/expire (none open)──▶ inProgress
 *        │ transfer (moves)             │  ├─sendFeeNotice──▶ awaitingFee ──recordFeePayment──▶ inProgress
 *                                       │  ├─submitReply──▶ awaitingApproval ──approveReply──▶ approved ──issueReply──▶ replied
 *                                       │  └─withdraw / transfer / lapses ──▶ closed                 returnReply ◀┘
 *   replied | closed ──archive──▶ archived
 */
import type { Role } from '../accounts/roles.js';
import type { RequestPolicy } from './policy.js';

export const requestStatuses = [
  'registered', 'inProgress', 'awaitingClarification', 'consulting', 'awaitingFee', 'awaitingApproval', 'approved',
  'replied', 'closed', 'voided', 'archived',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const isRequestStatus = (v: unknown): v is RequestStatus => typeof v === 'string' && (requestStatuses as readonly string[]).includes(v);

export const requestStatusLabels: { readonly [S in RequestStatus]: string } = {
  registered: '已登记（待确认收到）',
  inProgress: '办理中',
  awaitingClarification: '补正中',
  consulting: '征求意见中',
  awaitingFee: '待缴费',
  awaitingApproval: '待审批答复',
  approved: '答复已审批（待发出）',
  replied: '已答复',
  closed: '已办结',
  voided: '已作废（未受理）',
  archived: '已归档',
};

/** States in which the request is still being handled (its clock runs or is paused). */
export const openStatuses: readonly RequestStatus[] = [
  'registered', 'inProgress', 'awaitingClarification', 'consulting', 'awaitingFee', 'awaitingApproval', 'approved',
];
export const isOpenStatus = (s: RequestStatus): boolean => openStatuses.includes(s);
/** Open and received (the receipt confirmed): what the clock and the worklist track. */
export const handlingStatuses: readonly RequestStatus[] = openStatuses.filter((s) => s !== 'registered');

export const requestActions = [
  'confirmReceipt', 'void', 'assign',
  'sendClarification', 'answerClarification', 'lapseClarification',
  'sendConsultation', 'answerConsultation', 'expireConsultation',
  'approveExtension', 'sendFeeNotice', 'recordFeePayment', 'lapseFee',
  'requestReason', 'sendDelayNotice', 'transfer', 'withdraw',
  'draftReply', 'submitReply', 'approveReply', 'returnReply', 'issueReply', 'recordDelivery', 'archive',
] as const;
export type RequestAction = (typeof requestActions)[number];

export const requestActionLabels: { readonly [A in RequestAction]: string } = {
  confirmReceipt: '确认收到申请',
  void: '作废登记',
  assign: '分派经办人',
  sendClarification: '发出补正通知',
  answerClarification: '登记收到补正',
  lapseClarification: '逾期未补正，不再处理',
  sendConsultation: '征求第三方或其他机关意见',
  answerConsultation: '登记征求意见答复',
  expireConsultation: '征求意见期满未答复',
  approveExtension: '批准延期答复',
  sendFeeNotice: '发出收费通知',
  recordFeePayment: '登记已缴费',
  lapseFee: '逾期未缴费，不再处理',
  requestReason: '要求说明理由（第三十五条）',
  sendDelayNotice: '告知延迟答复期限（第三十五条）',
  transfer: '转送负责机关',
  withdraw: '申请人撤回申请',
  draftReply: '起草答复告知书',
  submitReply: '提交审批',
  approveReply: '审批通过答复',
  returnReply: '退回修改答复',
  issueReply: '发出答复',
  recordDelivery: '登记送达',
  archive: '归档',
};

const working: readonly RequestStatus[] = ['inProgress', 'consulting', 'awaitingFee', 'awaitingApproval', 'approved'];

/** The states each action may start from (before policy and per-request guards). */
export const actionFrom: { readonly [A in RequestAction]: readonly RequestStatus[] } = {
  confirmReceipt: ['registered'],
  void: ['registered'],
  assign: openStatuses,
  sendClarification: ['inProgress'],
  answerClarification: ['awaitingClarification'],
  lapseClarification: ['awaitingClarification'],
  sendConsultation: ['inProgress', 'consulting'],
  answerConsultation: ['consulting'],
  expireConsultation: ['consulting'],
  approveExtension: working,
  sendFeeNotice: ['inProgress'],
  recordFeePayment: ['awaitingFee'],
  lapseFee: ['awaitingFee'],
  requestReason: ['inProgress'],
  sendDelayNotice: ['inProgress', 'consulting'],
  transfer: ['registered', 'inProgress'],
  withdraw: openStatuses,
  draftReply: ['inProgress'],
  submitReply: ['inProgress'],
  approveReply: ['awaitingApproval'],
  returnReply: ['awaitingApproval'],
  issueReply: ['approved', 'inProgress'],
  recordDelivery: ['replied', 'archived'],
  archive: ['replied', 'closed'],
};

/** Who may take an action: approvals need the 机关负责人 (or the administrator, e.g. the system). */
const approvers: readonly Role[] = ['head', 'admin'];
const handlers: readonly Role[] = ['handler', 'head', 'admin'];
/** Who may take an action: approvals need the 机关负责人 (or the administrator, e.g. the system). */
export const actionRoles = (action: RequestAction): readonly Role[] =>
  action === 'approveExtension' || action === 'approveReply' || action === 'returnReply' ? approvers : handlers;

/** What the guards of an action need to know about the request besides its state. */
export interface ActionContext {
  /** A 补正 notice was already sent (一次性, 第三十条). */
  readonly clarificationSent: boolean;
  /** Consultations without answer or expiry. */
  readonly openConsultations: number;
  /** A fee notice was already sent. */
  readonly feeNoticeSent: boolean;
  /** A reply letter draft exists (not yet issued). */
  readonly hasReplyDraft: boolean;
  /** The receipt was confirmed (received_on set). */
  readonly received: boolean;
}

export type ActionCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const no = (reason: string): ActionCheck => ({ ok: false, reason });
const yes: ActionCheck = { ok: true };

/** Whether the action may be taken now (state, policy, guards); the reason in Chinese when not. */
export function checkAction(status: RequestStatus, action: RequestAction, ctx: ActionContext, policy: RequestPolicy): ActionCheck {
  if (!actionFrom[action].includes(status)) {
    return no(`“${requestActionLabels[action]}”不能在“${requestStatusLabels[status]}”状态下进行`);
  }
  switch (action) {
    case 'sendClarification':
      return ctx.clarificationSent ? no('补正通知应一次性发出（第三十条），本申请已发过补正通知') : yes;
    case 'answerConsultation':
    case 'expireConsultation':
      return ctx.openConsultations > 0 ? yes : no('没有尚未答复的征求意见');
    case 'sendFeeNotice':
      return ctx.feeNoticeSent ? no('本申请已发出过收费通知') : yes;
    case 'submitReply':
      return policy.replyApproval === 'none' ? no('本机关的答复无需审批，可直接发出') : ctx.hasReplyDraft ? yes : no('请先起草答复告知书');
    case 'issueReply':
      if (status === 'inProgress' && policy.replyApproval !== 'none') return no('答复告知书须经机关负责人审批后才能发出');
      return ctx.hasReplyDraft ? yes : no('请先起草答复告知书');
    default:
      return yes;
  }
}

/** The actions allowed now (for the console's buttons); role filtering by `role` when given. */
export function allowedActions(status: RequestStatus, ctx: ActionContext, policy: RequestPolicy, role?: Role): RequestAction[] {
  return requestActions.filter((a) => checkAction(status, a, ctx, policy).ok && (role === undefined || actionRoles(a).includes(role)));
}

/** The state after an action that succeeded (null: decided by the service, e.g. a transfer). */
export function statusAfter(status: RequestStatus, action: RequestAction, ctx: ActionContext): RequestStatus | null {
  switch (action) {
    case 'confirmReceipt': return 'inProgress';
    case 'void': return 'voided';
    case 'sendClarification': return 'awaitingClarification';
    case 'answerClarification': return 'inProgress';
    case 'lapseClarification': case 'lapseFee': return 'closed';
    case 'sendConsultation': return 'consulting';
    case 'answerConsultation': case 'expireConsultation': return ctx.openConsultations > 1 ? 'consulting' : 'inProgress';
    case 'sendFeeNotice': return 'awaitingFee';
    case 'recordFeePayment': return 'inProgress';
    case 'withdraw': return ctx.received ? 'closed' : 'voided';
    case 'submitReply': return 'awaitingApproval';
    case 'approveReply': return 'approved';
    case 'returnReply': return 'inProgress';
    case 'issueReply': return 'replied';
    case 'archive': return 'archived';
    case 'transfer': return null;
    default: return status;
  }
}
