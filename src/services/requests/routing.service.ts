/**
 * Where a request goes: transfer (转送) to the agency actually responsible, withdrawal (撤回), voiding
 * an unconfirmed registration (作废) and archiving (归档, 第四十五条).
 *
 * Transfer: before receipt (or when the policy says so) the request itself moves; after receipt it is
 * closed here with the 第三十六条(五) reply naming the responsible agency (policy.notResponsibleOutcome)
 * and a linked request opens there, registered until that agency confirms receipt — so each agency
 * counts what it received and answered (table 三 stays balanced).
 */
import { AppError } from '../../core/errors.js';
import { composeReplyLetter } from '../../core/requests/letters/letter.js';
import type { DisclosureRequest } from '../../core/requests/request.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { insertLetter } from '../../db/request-letter.repository.js';
import type { Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { randomTrackingCode } from './tracking-code.js';
import { insertNewRequest } from './intake.service.js';
import { insertIssuedLetter, letterFacts } from './letter-facts.js';
import { runRequestAction, type ActionInput } from './request-action.js';
import { randomUUID } from 'node:crypto';

export async function transferRequest(
  deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly toAgencyId: string; readonly reason?: string },
): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'transfer', input, async ({ trx, audit, request, facts, calendar, on, policy }) => {
    const target = await findAgencyById(trx, input.toAgencyId);
    if (!target) throw new AppError('NOT_FOUND', { what: '负责机关' });
    if (target.id === request.agencyId) throw new AppError('REQUEST_INVALID', { detail: '不能转送给本机关' });
    const reason = (input.reason ?? '').trim().slice(0, 1000);
    if (!facts.received || !policy.transferClosesReceived) {
      return {
        events: [{ kind: 'transferredOut', data: { toAgencyId: target.id, toAgencyName: target.name, moved: true, reason } }],
        patch: { agency_id: target.id, assignee_id: null },
      };
    }
    const forwarded = await insertNewRequest(deps, trx, principal, audit.at, {
      agencyId: target.id,
      intake: {
        applicant: request.applicant, description: request.description, documentNumber: request.documentNumber,
        wantedForm: request.wantedForm, wantedDelivery: request.wantedDelivery, channel: request.channel,
      },
      channel: request.channel, oral: request.oral, arrivedOn: on, arrivedAt: audit.at, receivedOn: null, intakeKey: null,
      trackingCode: randomTrackingCode(), transferredFromId: request.id,
      extraFirstEvent: { kind: 'transferredIn', data: { fromAgencyId: request.agencyId, fromRequestId: request.id, reason } },
    }, calendar);
    await audit.record({
      action: 'request.create', entityType: 'request', entityId: forwarded.id, agencyId: target.id, requestId: forwarded.id,
      after: { reference: forwarded.reference, status: forwarded.status, transferredFromId: request.id },
    });
    const contact = [target.office.phone && `联系电话：${target.office.phone}`, target.office.address && `地址：${target.office.address}`].filter(Boolean).join('，');
    const letter = composeReplyLetter('36-5', await letterFacts(trx, request, {
      reason: reason || '该政府信息不属于本机关负责公开', responsibleAgency: target.name, responsibleContact: contact ? `（${contact}）` : '',
    }));
    if (letter) {
      await insertLetter(trx, {
        id: randomUUID(), requestId: request.id, agencyId: request.agencyId, kind: 'reply', outcome: policy.notResponsibleOutcome, basis: '36-5',
        title: letter.title, body: letter.body, status: 'issued', createdBy: principal.userId, at: audit.at, issuedOn: on,
      });
    }
    return {
      events: [{ kind: 'transferredOut', data: { toAgencyId: target.id, toAgencyName: target.name, moved: false, newRequestId: forwarded.id, reason } }],
      status: 'closed',
      patch: { outcome: policy.notResponsibleOutcome, outcome_basis: '36-5', replied_on: on, closed_at: audit.at },
    };
  });
}

/** 撤回: after receipt → closed as policy.withdrawalOutcome ([U] （六）3); before receipt → voided (never counted). */
export async function withdrawRequest(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly reason?: string }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'withdraw', input, async ({ trx, audit, request, facts, on, policy }) => {
    const reason = (input.reason ?? '').trim().slice(0, 1000);
    if (!facts.received) return { events: [{ kind: 'withdrawn', data: { reason } }], patch: { closed_at: audit.at } };
    await insertIssuedLetter(trx, principal, audit.at, request, on, { kind: 'closingNotice', basis: 'withdrawal', values: { withdrawnOn: on } });
    return {
      events: [{ kind: 'withdrawn', data: { reason } }],
      patch: { outcome: policy.withdrawalOutcome, outcome_basis: 'withdrawal', replied_on: on, closed_at: audit.at },
    };
  });
}

/** 作废: a registration never confirmed as received (spam, a duplicate, not an application). */
export async function voidRequest(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly reason: string }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'void', input, ({ audit }) => {
    const reason = (input.reason ?? '').trim();
    if (!reason) throw new AppError('REQUEST_INVALID', { detail: '请填写作废理由' });
    return { events: [{ kind: 'voided', data: { reason: reason.slice(0, 1000) } }], patch: { closed_at: audit.at } };
  });
}

export async function archiveRequest(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'archive', input, () => ({ events: [{ kind: 'archived' }] }));
}
