/**
 * 信息处理费 on a request (第四十二条, 国办函〔2020〕109号): the notice with the amount from the fee core
 * (按件: the 件 numbered after the applicant's earlier requests to this agency in the natural month of
 * receipt — each earlier request (by receipt date, then 申请编号) counted as one 件; 按量: pages),
 * payment, or lapse after the 20-working-day window (→ （六）2, 视为放弃申请).
 */
import { AppError } from '../../core/errors.js';
import { assessRequestFee, decideFee, type FeeWaiver } from '../../core/fees/fee-assessment.js';
import { hasErrors } from '../../core/findings.js';
import { formatFinding } from '../../core/messages.zh-CN.js';
import type { DisclosureRequest } from '../../core/requests/request.js';
import { listApplicantRequestsInMonth } from '../../db/request.repository.js';
import type { Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { insertIssuedLetter } from './letter-facts.js';
import { checkLegalDate, runRequestAction, type ActionInput } from './request-action.js';

export interface FeeNoticeInput extends ActionInput {
  readonly method: 'perItem' | 'perPage';
  /** 按件: 件 of this request after 一事一申请 splitting (default 1). */
  readonly items?: number;
  /** 按量: pages. */
  readonly pages?: number;
  readonly waiver?: FeeWaiver | null;
  /** 缴纳方式 printed on the notice. */
  readonly howToPay?: string;
  /** When the applicant received the notice (default: the notice date). */
  readonly applicantReceivedOn?: string;
}

export async function sendFeeNotice(deps: ServiceDeps, principal: Principal, id: string, input: FeeNoticeInput): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'sendFeeNotice', input, async ({ trx, audit, request, on }) => {
    let assessment;
    let earlier = 0;
    if (input.method === 'perItem') {
      if (!request.receivedOn) throw new AppError('WRONG_STATE', { detail: '尚未确定收到申请之日' });
      const month = request.receivedOn.slice(0, 7);
      const others = (await listApplicantRequestsInMonth(trx, request.agencyId, request.applicant.idNumber, month))
        .filter((r) => r.id !== request.id && r.received_on !== null)
        .filter((r) => r.received_on! < request.receivedOn! || (r.received_on === request.receivedOn && r.reference < request.reference));
      earlier = others.length;
      assessment = assessRequestFee({ perItem: { earlierItems: earlier, items: input.items ?? 1 } });
    } else if (input.method === 'perPage') {
      assessment = assessRequestFee({ perPage: { pages: input.pages ?? -1 } });
    } else {
      throw new AppError('REQUEST_INVALID', { detail: '计费方式应为按件计收或按量计收' });
    }
    const decision = decideFee(assessment, input.waiver ?? null);
    if (hasErrors(decision.findings)) throw new AppError('REQUEST_INVALID', { detail: decision.findings.map(formatFinding).join('；') });
    if (decision.charged <= 0 && decision.waiver && decision.assessed > 0) {
      throw new AppError('REQUEST_INVALID', { detail: `${decision.waiver.kind === 'waive' ? '已决定免收' : '减收后为 0 元'}，不收取信息处理费，无需发出收费通知，请直接办理答复` });
    }
    if (decision.charged <= 0) {
      throw new AppError('REQUEST_INVALID', { detail: input.method === 'perItem' ? `按规定无需收费（本月第 ${earlier + 1} 件起，10件以内不收费）` : '按规定无需收费（30页以内不收费）' });
    }
    const receivedOn = input.applicantReceivedOn ? checkLegalDate(input.applicantReceivedOn, '申请人收到通知日期', on, null) : on;
    const detail = decision.method === 'perItem'
      ? `按件计收，本月第 ${earlier + 1}${(input.items ?? 1) > 1 ? `—${earlier + (input.items ?? 1)}` : ''} 件`
      : `按量计收，共 ${input.pages} 页`;
    await insertIssuedLetter(trx, principal, audit.at, request, on, {
      kind: 'feeNotice', values: { feeAmount: decision.charged, feeDetail: decision.waiver ? `${detail}；减免后收取，理由：${decision.waiver.reason}` : detail, howToPay: input.howToPay?.trim() || '' },
    });
    return {
      events: [{
        kind: 'feeNoticeSent',
        data: {
          amount: decision.charged, method: decision.method ?? input.method, applicantReceivedOn: receivedOn,
          fee: { assessed: decision.assessed, charged: decision.charged, bands: assessment.bands, waiver: decision.waiver, earlierItems: earlier },
        },
      }],
    };
  });
}

export async function recordFeePayment(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'recordFeePayment', input, ({ events }) => {
    const notice = [...events].reverse().find((e) => e.kind === 'feeNoticeSent');
    return { events: [{ kind: 'feePaid', data: { amount: notice?.data.amount ?? 0 } }] };
  });
}

/** 逾期未缴费: after the payment window the request is closed as （六）2. */
export async function lapseFee(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'lapseFee', input, async ({ trx, audit, request, clock, events, on }) => {
    const payBy = clock.fee?.payBy;
    if (!payBy || on <= payBy) throw new AppError('WRONG_STATE', { detail: `缴费期限${payBy ? `（${payBy}）` : ''}尚未届满` });
    const notice = [...events].reverse().find((e) => e.kind === 'feeNoticeSent');
    await insertIssuedLetter(trx, principal, audit.at, request, on, { kind: 'closingNotice', basis: '42-lapse', values: { feeNoticeOn: notice?.on ?? '' } });
    return { events: [{ kind: 'feeLapsed' }], patch: { outcome: 'other_noFee', outcome_basis: '42-lapse', replied_on: on, closed_at: audit.at } };
  });
}
