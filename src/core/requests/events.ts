/**
 * The event log of a request: every transition is one event (who, when, the legal date, the state
 * before/after, details). `toClockEvents` maps the log onto the statutory clock's ClockEvent types.
 */
import type { ClockEvent, ConsultationParty, IsoDate } from './clock-events.js';
import type { RequestStatus } from './states.js';

export const requestEventKinds = [
  'registered', 'received', 'assigned',
  'clarificationSent', 'clarificationAnswered', 'clarificationLapsed',
  'consultationSent', 'consultationAnswered', 'consultationExpired',
  'extensionApproved', 'feeNoticeSent', 'feePaid', 'feeLapsed',
  'reasonRequested', 'delayNoticeSent',
  'replySubmitted', 'replyApproved', 'replyReturned', 'replied', 'delivered',
  'transferredOut', 'transferredIn', 'withdrawn', 'voided', 'archived',
] as const;
export type RequestEventKind = (typeof requestEventKinds)[number];

export const requestEventLabels: { readonly [K in RequestEventKind]: string } = {
  registered: '登记申请',
  received: '收到申请（确认收到）',
  assigned: '分派经办人',
  clarificationSent: '发出补正通知',
  clarificationAnswered: '收到补正',
  clarificationLapsed: '逾期未补正，不再处理',
  consultationSent: '发出征求意见书',
  consultationAnswered: '收到征求意见答复',
  consultationExpired: '征求意见期满未答复',
  extensionApproved: '批准延期答复',
  feeNoticeSent: '发出收费通知',
  feePaid: '缴纳信息处理费',
  feeLapsed: '逾期未缴费，不再处理',
  reasonRequested: '要求申请人说明理由（第三十五条）',
  delayNoticeSent: '告知延迟答复期限（第三十五条）',
  replySubmitted: '答复提交审批',
  replyApproved: '答复审批通过',
  replyReturned: '答复退回修改',
  replied: '作出答复',
  delivered: '答复送达',
  transferredOut: '转送负责机关',
  transferredIn: '由其他机关转来',
  withdrawn: '申请人撤回申请',
  voided: '作废登记',
  archived: '归档',
};

/** Details of an event (JSON), by kind; all optional fields are absent rather than null. */
export interface RequestEventData {
  readonly channel?: string;
  readonly assigneeId?: string | null;
  readonly assigneeName?: string;
  /** 补正: the matters to supplement and the agency-set deadline. */
  readonly items?: string;
  readonly answerDueOn?: IsoDate;
  /** Who recorded an answer: the applicant on the portal, or staff. */
  readonly via?: 'portal' | 'staff';
  readonly text?: string;
  readonly consultationId?: string;
  readonly party?: ConsultationParty;
  readonly addressee?: string;
  readonly addresseeReceivedOn?: IsoDate;
  readonly opinion?: 'agree' | 'object' | 'other';
  readonly workdays?: number;
  readonly reason?: string;
  readonly amount?: number;
  readonly method?: string;
  readonly applicantReceivedOn?: IsoDate;
  readonly fee?: unknown;
  readonly newReplyBy?: IsoDate;
  readonly letterId?: string;
  readonly outcome?: string;
  readonly basis?: string;
  readonly comment?: string;
  readonly toAgencyId?: string;
  readonly toAgencyName?: string;
  readonly fromAgencyId?: string;
  readonly fromRequestId?: string;
  readonly newRequestId?: string | null;
  /** A transfer before receipt moves the request itself. */
  readonly moved?: boolean;
  readonly note?: string;
}

export interface RequestEvent {
  readonly seq: number;
  readonly kind: RequestEventKind;
  /** The legal date of the event. */
  readonly on: IsoDate;
  /** When it was recorded (ISO UTC). */
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly statusBefore: RequestStatus | null;
  readonly statusAfter: RequestStatus;
  readonly data: RequestEventData;
}

/**
 * The clock's view of the log. A withdrawal or a transfer-out after receipt stops the clock like a
 * reply ('replied' on that date); events before receipt and bookkeeping events are not clock events.
 */
export function toClockEvents(events: readonly Pick<RequestEvent, 'kind' | 'on' | 'data'>[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  let received = false;
  for (const e of events) {
    const d = e.data;
    switch (e.kind) {
      case 'received':
        received = true;
        out.push({ kind: 'received', on: e.on });
        break;
      case 'clarificationSent':
        out.push({ kind: 'clarificationSent', on: e.on, ...(d.answerDueOn && { answerDueOn: d.answerDueOn }) });
        break;
      case 'clarificationAnswered':
      case 'clarificationLapsed':
      case 'feePaid':
      case 'feeLapsed':
      case 'replied':
        out.push({ kind: e.kind, on: e.on });
        break;
      case 'consultationSent':
        out.push({
          kind: 'consultationSent', on: e.on,
          ...(d.consultationId && { consultationId: d.consultationId }),
          ...(d.party && { party: d.party }),
          ...(d.addresseeReceivedOn && { addresseeReceivedOn: d.addresseeReceivedOn }),
        });
        break;
      case 'consultationAnswered':
      case 'consultationExpired':
        out.push({ kind: e.kind, on: e.on, ...(d.consultationId && { consultationId: d.consultationId }) });
        break;
      case 'extensionApproved':
        out.push({ kind: 'extensionApproved', on: e.on, workdays: d.workdays ?? 0 });
        break;
      case 'feeNoticeSent':
        out.push({
          kind: 'feeNoticeSent', on: e.on,
          ...(d.applicantReceivedOn && { applicantReceivedOn: d.applicantReceivedOn }),
          ...(d.amount !== undefined && { amount: d.amount }),
        });
        break;
      case 'delayNoticeSent':
        out.push({ kind: 'delayNoticeSent', on: e.on, newReplyBy: d.newReplyBy ?? '' });
        break;
      case 'withdrawn':
        if (received) out.push({ kind: 'replied', on: e.on });
        break;
      case 'transferredOut':
        if (received && !d.moved) out.push({ kind: 'replied', on: e.on });
        break;
      default:
        break;
    }
  }
  return out;
}

/** Facts about the log the action guards need (states.ts ActionContext, minus the letter). */
export function logFacts(events: readonly Pick<RequestEvent, 'kind' | 'data'>[]): {
  clarificationSent: boolean; openConsultations: string[]; feeNoticeSent: boolean; received: boolean; extensionWorkdays: number;
} {
  const open = new Set<string>();
  let clarificationSent = false;
  let feeNoticeSent = false;
  let received = false;
  let extensionWorkdays = 0;
  for (const e of events) {
    if (e.kind === 'clarificationSent') clarificationSent = true;
    else if (e.kind === 'feeNoticeSent') feeNoticeSent = true;
    else if (e.kind === 'received') received = true;
    else if (e.kind === 'extensionApproved') extensionWorkdays += e.data.workdays ?? 0;
    else if (e.kind === 'consultationSent' && e.data.consultationId) open.add(e.data.consultationId);
    else if ((e.kind === 'consultationAnswered' || e.kind === 'consultationExpired') && e.data.consultationId) open.delete(e.data.consultationId);
  }
  return { clarificationSent, openConsultations: [...open], feeNoticeSent, received, extensionWorkdays };
}
