/**
 * Handling a received request: assignment, 补正 (第三十条), consultation (第三十二、三十四条),
 * extension (第三十三条, by the 机关负责人), the 第三十五条 reason request and delay notice. Each is one
 * action (request-action.ts): authorized, versioned, state-checked, one transaction with its audit
 * event; the notices the applicant or the consulted party receives are generated as issued letters.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { computeRequestClock } from '../../core/requests/clock.js';
import { maxExtensionWorkdays } from '../../core/requests/clock-policy.js';
import type { ConsultationParty } from '../../core/requests/clock-events.js';
import { toClockEvents } from '../../core/requests/events.js';
import { consultationRules } from '../../core/requests/letters/notice-templates.js';
import type { DisclosureRequest } from '../../core/requests/request.js';
import { findUserById } from '../../db/user.repository.js';
import type { Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { checkLegalDate, runRequestAction, type ActionInput } from './request-action.js';
import { insertIssuedLetter } from './letter-facts.js';

const need = (value: string | undefined, label: string, max = 2000): string => {
  const v = (value ?? '').trim();
  if (!v) throw new AppError('REQUEST_INVALID', { detail: `请填写${label}` });
  if ([...v].length > max) throw new AppError('REQUEST_INVALID', { detail: `${label}不能超过 ${max} 个字` });
  return v;
};

/** 分派经办人 (null: unassign). The assignee must be an active handler or head of the request's agency. */
export async function assignRequest(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly assigneeId: string | null }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'assign', input, async ({ trx, request }) => {
    let name = '';
    if (input.assigneeId !== null) {
      const user = await findUserById(trx, input.assigneeId);
      if (!user || !user.active || user.agencyId !== request.agencyId || (user.role !== 'handler' && user.role !== 'head')) {
        throw new AppError('REQUEST_INVALID', { detail: '经办人应为本机关在用的经办人或负责人账号' });
      }
      name = user.displayName;
    }
    return { events: [{ kind: 'assigned', data: { assigneeId: input.assigneeId, assigneeName: name } }], patch: { assignee_id: input.assigneeId } };
  });
}

/** 补正通知: once, within 7 working days of receipt (第三十条), with the matters and a reasonable deadline. */
export async function sendClarification(
  deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly items: string; readonly answerDueOn: string },
): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'sendClarification', input, async ({ trx, audit, request, clock, on, policy }) => {
    const items = need(input.items, '需要补正的事项');
    const due = checkLegalDate(input.answerDueOn, '补正期限', null, null);
    if (due <= on) throw new AppError('REQUEST_INVALID', { detail: '补正期限应晚于补正通知日期' });
    if (policy.clarificationWindowEnforced && clock.clarifyBy && on > clock.clarifyBy) {
      throw new AppError('WRONG_STATE', { detail: `补正通知应在收到申请之日起7个工作日内（${clock.clarifyBy}前）发出（第三十条）` });
    }
    await insertIssuedLetter(trx, principal, audit.at, request, on, { kind: 'clarificationNotice', values: { clarificationItems: items, clarificationDueOn: due } });
    return { events: [{ kind: 'clarificationSent', data: { items, answerDueOn: due } }] };
  });
}

/** 收到补正, recorded by staff (the applicant answers on the portal: portal.service.ts). */
export async function answerClarification(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly text?: string }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'answerClarification', input, () => ({
    events: [{ kind: 'clarificationAnswered', data: { via: 'staff', text: (input.text ?? '').trim().slice(0, 5000) } }],
  }));
}

/** 逾期不补正: after the 补正期限 the request is closed as （六）1 (视为放弃申请). */
export async function lapseClarification(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'lapseClarification', input, async ({ trx, audit, request, events, on }) => {
    const sent = [...events].reverse().find((e) => e.kind === 'clarificationSent');
    const due = sent?.data.answerDueOn;
    if (!due || on <= due) throw new AppError('WRONG_STATE', { detail: `补正期限${due ? `（${due}）` : ''}尚未届满` });
    await insertIssuedLetter(trx, principal, audit.at, request, on, {
      kind: 'closingNotice', basis: '30-lapse', values: { clarificationSentOn: sent.on, clarificationDueOn: due },
    });
    return {
      events: [{ kind: 'clarificationLapsed' }],
      patch: { outcome: 'other_noSupplement', outcome_basis: '30-lapse', replied_on: on, closed_at: audit.at },
    };
  });
}

/** 征求意见: of a third party (第三十二条) or another agency (第三十四条); pauses the clock. */
export async function sendConsultation(
  deps: ServiceDeps, principal: Principal, id: string,
  input: ActionInput & { readonly party: ConsultationParty; readonly addressee: string; readonly reason?: string; readonly addresseeReceivedOn?: string },
): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'sendConsultation', input, async ({ trx, audit, request, clock, on }) => {
    if (input.party !== 'thirdParty' && input.party !== 'agency') throw new AppError('REQUEST_INVALID', { detail: '征求意见对象应为第三方或其他机关' });
    const addressee = need(input.addressee, '征求意见对象', 200);
    if (clock.replyBy && on > clock.replyBy) throw new AppError('WRONG_STATE', { detail: `已超过答复期限（${clock.replyBy}），不能再暂停计算` });
    const receivedOn = input.addresseeReceivedOn ? checkLegalDate(input.addresseeReceivedOn, '对方收到日期', on, null) : undefined;
    const consultationId = randomUUID();
    await insertIssuedLetter(trx, principal, audit.at, request, on, {
      kind: 'consultationLetter',
      values: {
        addressee,
        consultationReason: input.reason?.trim() || (input.party === 'thirdParty' ? '可能涉及贵方的合法权益' : '由贵机关与本机关共同制作'),
        consultationRule: consultationRules[input.party],
      },
    });
    return { events: [{ kind: 'consultationSent', data: { consultationId, party: input.party, addressee, ...(receivedOn && { addresseeReceivedOn: receivedOn }) } }] };
  });
}

function openConsultation(events: Parameters<Parameters<typeof runRequestAction>[5]>[0]['events'], wanted: string | undefined): string {
  const open = new Map<string, string>();
  for (const e of events) {
    if (e.kind === 'consultationSent' && e.data.consultationId) open.set(e.data.consultationId, e.data.addressee ?? '');
    if ((e.kind === 'consultationAnswered' || e.kind === 'consultationExpired') && e.data.consultationId) open.delete(e.data.consultationId);
  }
  if (wanted !== undefined) {
    if (!open.has(wanted)) throw new AppError('NOT_FOUND', { what: '该征求意见' });
    return wanted;
  }
  if (open.size !== 1) throw new AppError('REQUEST_INVALID', { detail: '有多个尚未答复的征求意见，请指明 consultationId' });
  return [...open.keys()][0]!;
}

/** The consulted party answered (agree / object / other). */
export async function answerConsultation(
  deps: ServiceDeps, principal: Principal, id: string,
  input: ActionInput & { readonly consultationId?: string; readonly opinion: 'agree' | 'object' | 'other'; readonly text?: string },
): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'answerConsultation', input, ({ events }) => {
    if (!['agree', 'object', 'other'].includes(input.opinion)) throw new AppError('REQUEST_INVALID', { detail: '意见应为同意、不同意或其他' });
    const consultationId = openConsultation(events, input.consultationId);
    return { events: [{ kind: 'consultationAnswered', data: { consultationId, opinion: input.opinion, text: (input.text ?? '').trim().slice(0, 5000) } }] };
  });
}

/** No answer within the 15 working days: the pause ends (第三十二条 逾期 → the agency decides; 第三十四条 → 视为同意). */
export async function expireConsultation(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly consultationId?: string }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'expireConsultation', input, ({ events, clock, on }) => {
    const consultationId = openConsultation(events, input.consultationId);
    const limit = clock.consultations.find((c) => c.consultationId === consultationId)?.limitOn;
    if (limit && on <= limit) throw new AppError('WRONG_STATE', { detail: `征求意见的15个工作日期限（${limit}）尚未届满` });
    return { events: [{ kind: 'consultationExpired', data: { consultationId } }] };
  });
}

/** 延期答复: approved by the 机关负责人 before the deadline in force, ≤ 20 working days in total (第三十三条第二款). */
export async function approveExtension(
  deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly workdays: number; readonly reason: string },
): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'approveExtension', input, async ({ trx, audit, request, events, facts, clock, calendar, on }) => {
    const reason = need(input.reason, '延期理由', 500);
    const w = input.workdays;
    if (!Number.isInteger(w) || w < 1 || w > maxExtensionWorkdays) throw new AppError('REQUEST_INVALID', { detail: '延长的期限应为1至20个工作日' });
    if (facts.extensionWorkdays + w > maxExtensionWorkdays) {
      throw new AppError('REQUEST_INVALID', { detail: `延期累计不得超过20个工作日（已延长 ${facts.extensionWorkdays} 个工作日）` });
    }
    if (!clock.replyBy) throw new AppError('WRONG_STATE', { detail: '当前没有进行中的答复期限' });
    if (on > clock.replyBy) throw new AppError('WRONG_STATE', { detail: `答复期限（${clock.replyBy}）已过，不能再延期` });
    const next = computeRequestClock(toClockEvents([...events, { kind: 'extensionApproved', on, data: { workdays: w } }]), calendar, on);
    await insertIssuedLetter(trx, principal, audit.at, request, on, {
      kind: 'extensionNotice', values: { reason, extensionWorkdays: w, replyByText: next.replyBy ?? '' },
    });
    return { events: [{ kind: 'extensionApproved', data: { workdays: w, reason } }], detail: { replyBy: next.replyBy } };
  });
}

/** 第三十五条: ask the applicant to explain the number/frequency of requests. */
export async function requestReason(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly text?: string }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'requestReason', input, async ({ trx, audit, request, on }) => {
    const text = (input.text ?? '').trim().slice(0, 2000);
    await insertIssuedLetter(trx, principal, audit.at, request, on, { kind: 'reasonRequest', values: { reason: text } });
    return { events: [{ kind: 'reasonRequested', data: { text } }] };
  });
}

/** 第三十五条: the reason is reasonable but the 第三十三条 period is not enough — a reasonable later date. */
export async function sendDelayNotice(
  deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly newReplyBy: string; readonly reason?: string },
): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'sendDelayNotice', input, async ({ trx, audit, request, events, clock, on }) => {
    if (!events.some((e) => e.kind === 'reasonRequested')) throw new AppError('WRONG_STATE', { detail: '应先要求申请人说明理由（第三十五条）' });
    const newReplyBy = checkLegalDate(input.newReplyBy, '延迟答复期限', null, null);
    if (newReplyBy <= on || (clock.replyBy !== null && newReplyBy <= clock.replyBy)) {
      throw new AppError('REQUEST_INVALID', { detail: '延迟答复期限应晚于当前的答复期限' });
    }
    const reason = (input.reason ?? '').trim().slice(0, 2000);
    await insertIssuedLetter(trx, principal, audit.at, request, on, { kind: 'delayNotice', values: { newReplyByText: newReplyBy, reason } });
    return { events: [{ kind: 'delayNoticeSent', data: { newReplyBy, reason } }] };
  });
}
