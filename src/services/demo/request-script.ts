/**
 * The script of one simulated request (see request-histories.ts): what happens to it and when,
 * every step a call of the request services on the simulated day, logged as the driver did it.
 */
import { AppError } from '../../core/errors.js';
import { formatIsoDate, parseIsoDate } from '../../core/calendar/day-number.js';
import type { IntakeFields } from '../../core/requests/intake.js';
import { replyBases } from '../../core/requests/outcomes.js';
import { deliveryMethods, type Appeal, type AppealKind } from '../../core/requests/records.js';
import type { ApplicantKind, DisclosureRequest, RequestChannel } from '../../core/requests/request.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { canAccessAgency, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { createAppeal, updateAppeal } from '../requests/appeals.service.js';
import { approveReply, draftReply, issueReply, recordDelivery, returnReply, submitReply } from '../requests/decision.service.js';
import { lapseFee, recordFeePayment, sendFeeNotice } from '../requests/fee-actions.service.js';
import {
  answerClarification, answerConsultation, approveExtension, expireConsultation, lapseClarification, requestReason, sendClarification,
  sendConsultation, sendDelayNotice,
} from '../requests/handling.service.js';
import { confirmReceipt, createStaffRequest, submitPortalRequest } from '../requests/intake.service.js';
import { answerClarificationByApplicant } from '../requests/portal.service.js';
import { listRequestEvents } from '../requests/queries.service.js';
import { policyOf } from '../requests/request-action.js';
import { archiveRequest, transferRequest, voidRequest, withdrawRequest } from '../requests/routing.service.js';
import { between, pick, type Random } from './applicants.js';
import type { HistoryAgency, HistoryAppeal, HistoryLog, HistoryRequest } from './request-histories.js';
import { untilAllowed, type Simulation } from './simulation.js';

export interface HistoryContext {
  /** The services' deps now (the database handle may change between batches: read it at each call). */
  readonly deps: ServiceDeps;
  readonly sim: Simulation;
  readonly rand: Random;
  readonly log: HistoryLog;
  /** Who acts for an agency: its handler, or its head (approvals). */
  actor(agencyId: string, role: 'handler' | 'head'): Principal;
  /** The simulated day. */
  today(): string;
  /** Moves the clock a second on within the simulated day (distinct instants). */
  tick(): void;
  reload(id: string): Promise<DisclosureRequest>;
  /** Agencies open for requests today, other than `exceptId`. */
  activeAgencies(exceptId: string | null): readonly HistoryAgency[];
  intakeKey(): string;
}

export interface NewHistory {
  readonly agencyId: string;
  readonly kind: ApplicantKind;
  readonly channel: RequestChannel;
  readonly fields: IntakeFields;
}

const addDays = (day: string, n: number): string => formatIsoDate(parseIsoDate(day)! + n);

async function act<T>(c: HistoryContext, name: string, call: () => Promise<T>): Promise<T> {
  c.tick();
  c.log.actions[name] = (c.log.actions[name] ?? 0) + 1;
  return call();
}

/** The action, or null when it is refused in the current state (e.g. past the deadline). */
async function tryAct<T>(c: HistoryContext, name: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await act(c, name, call);
  } catch (err) {
    if (err instanceof AppError && err.code === 'WRONG_STATE') return null;
    throw err;
  }
}

/** The reply bases, weighted: most replies grant, every basis occurs. */
export function pickReplyBasis(rand: Random): string {
  const r = rand();
  if (r < 0.35) return '36-2';
  if (r < 0.43) return '37';
  if (r < 0.5) return '36-4';
  return pick(rand, replyBases).key;
}

/** A new request: its arrival, then its handling. */
export async function runHistory(c: HistoryContext, a: NewHistory): Promise<void> {
  const today = c.today();
  let request: DisclosureRequest;
  let code: string | null = null;
  if (a.channel === 'internet') {
    const res = await act(c, 'submitPortalRequest', () => submitPortalRequest(c.deps, { agencyId: a.agencyId, fields: a.fields, intakeKey: c.intakeKey() }));
    request = res.request;
    code = res.trackingCode;
  } else {
    const res = await act(c, 'createStaffRequest', () => createStaffRequest(c.deps, c.actor(a.agencyId, 'handler'), { agencyId: a.agencyId, channel: a.channel, fields: a.fields, arrivedOn: today }));
    request = res.request;
  }
  const entry: HistoryRequest = {
    id: request.id, agencyId: a.agencyId, applicantKind: a.kind, channel: a.channel, receivedOn: request.receivedOn, closing: null, forwardedFrom: null,
  };
  c.log.requests.push(entry);
  await handle(c, entry, request, code);
}

/** From arrival (or transfer) to the end of the story. */
async function handle(c: HistoryContext, e: HistoryRequest, start: DisclosureRequest, code: string | null): Promise<void> {
  const { sim, rand } = c;
  const p = () => c.actor(e.agencyId, 'handler');
  const head = () => c.actor(e.agencyId, 'head');
  let r = start;
  const v = () => ({ version: r.version });
  const close = (closing: HistoryRequest['closing']) => { e.closing = closing; };

  if (!r.receivedOn) {
    await sim.after(between(rand, 1, 4));
    const x = rand();
    if (x < 0.02) {
      await act(c, 'void', () => voidRequest(c.deps, p(), r.id, { ...v(), reason: '同一申请重复登记' }));
      return close({ action: 'void', on: c.today() });
    }
    if (x < 0.035) {
      await act(c, 'withdraw', () => withdrawRequest(c.deps, p(), r.id, { ...v(), reason: '申请人确认前撤回' }));
      return close({ action: 'withdraw', on: c.today() });
    }
    if (x < 0.045) return; // never confirmed
    const target = x < 0.07 ? pickOther(c, e.agencyId) : null;
    if (target) {
      r = await act(c, 'transfer', () => transferRequest(c.deps, p(), r.id, { ...v(), toAgencyId: target.id, reason: '申请的信息由该机关负责公开' }));
      e.agencyId = target.id;
      await sim.after(between(rand, 1, 3));
    }
    r = await act(c, 'confirmReceipt', () => confirmReceipt(c.deps, p(), r.id, v()));
    e.receivedOn = c.today();
  }

  let clarified = false;
  if (rand() < 0.15) {
    await sim.after(between(rand, 1, 2));
    const due = addDays(c.today(), 15);
    r = await act(c, 'sendClarification', () => sendClarification(c.deps, p(), r.id, { ...v(), items: '请明确所需政府信息的名称、文号或者便于查询的特征性描述', answerDueOn: due }));
    if (rand() < 0.25) {
      await sim.after(16 + between(rand, 0, 5));
      await act(c, 'lapseClarification', () => lapseClarification(c.deps, p(), r.id, v()));
      return close({ action: 'lapseClarification', on: c.today() });
    }
    await sim.after(between(rand, 2, 12));
    if (code && rand() < 0.5) {
      const answerCode = code;
      await act(c, 'answerClarificationByApplicant', () => answerClarificationByApplicant(c.deps, answerCode, { text: '补正：所需信息为本区2025年度相关项目的批准文件' }));
      r = await c.reload(r.id);
    } else {
      r = await act(c, 'answerClarification', () => answerClarification(c.deps, p(), r.id, { ...v(), text: '申请人当面补正了所需信息的文号' }));
    }
    clarified = true;
  }

  let consulted = false;
  if (rand() < 0.1) {
    await sim.after(between(rand, 1, 5));
    const party = rand() < 0.6 ? 'thirdParty' as const : 'agency' as const;
    const sent = await tryAct(c, 'sendConsultation', () => sendConsultation(c.deps, p(), r.id, { ...v(), party, addressee: party === 'thirdParty' ? '相关企业（第三方）' : '相关机关' }));
    if (sent) {
      r = sent;
      consulted = true;
      if (rand() < 0.7) {
        await sim.after(between(rand, 3, 12));
        r = await act(c, 'answerConsultation', () => answerConsultation(c.deps, p(), r.id, { ...v(), opinion: pick(rand, ['agree', 'object', 'other'] as const) }));
      } else {
        await sim.after(22);
        const expired = await untilAllowed(sim, () => act(c, 'expireConsultation', () => expireConsultation(c.deps, p(), r.id, v())), { every: 5, tries: 10 });
        if (!expired) return;
        r = expired;
      }
    }
  }

  if (rand() < 0.1) {
    await sim.after(between(rand, 1, 5));
    r = (await tryAct(c, 'approveExtension', () => approveExtension(c.deps, head(), r.id, { ...v(), workdays: between(rand, 5, 20), reason: '需调取档案并征求有关科室意见' }))) ?? r;
  }

  if (rand() < 0.06) {
    await sim.after(between(rand, 1, 5));
    const sent = await tryAct(c, 'sendFeeNotice', () => sendFeeNotice(c.deps, p(), r.id, { ...v(), method: 'perPage', pages: between(rand, 31, 400), howToPay: '通过政务服务平台在线缴纳' }));
    if (sent) {
      r = sent;
      if (rand() < 0.7) {
        await sim.after(between(rand, 2, 15));
        r = await act(c, 'recordFeePayment', () => recordFeePayment(c.deps, p(), r.id, v()));
      } else {
        await sim.after(30);
        const lapsed = await untilAllowed(sim, () => act(c, 'lapseFee', () => lapseFee(c.deps, p(), r.id, v())), { every: 5, tries: 10 });
        if (!lapsed) return;
        return close({ action: 'lapseFee', on: c.today() });
      }
    }
  }

  let reasoned = false;
  if (rand() < 0.02) {
    await sim.after(between(rand, 1, 3));
    r = await act(c, 'requestReason', () => requestReason(c.deps, p(), r.id, { ...v(), text: '请说明申请的数量和频次的理由' }));
    reasoned = true;
    await sim.after(between(rand, 3, 8));
    const base = r.replyBy && r.replyBy > c.today() ? r.replyBy : c.today();
    r = (await tryAct(c, 'sendDelayNotice', () => sendDelayNotice(c.deps, p(), r.id, { ...v(), newReplyBy: addDays(base, 30), reason: '申请数量较大' }))) ?? r;
  }

  if (rand() < 0.05) await sim.after(between(rand, 60, 420)); // a long stall: overdue, across a year end

  const end = rand();
  if (end < 0.03) {
    await sim.after(between(rand, 1, 10));
    await act(c, 'withdraw', () => withdrawRequest(c.deps, p(), r.id, { ...v(), reason: '申请人撤回申请' }));
    return close({ action: 'withdraw', on: c.today() });
  }
  const target = end < 0.07 ? pickOther(c, e.agencyId) : null;
  if (target) {
    await sim.after(between(rand, 1, 5));
    await act(c, 'transfer', () => transferRequest(c.deps, p(), r.id, { ...v(), toAgencyId: target.id, reason: '该政府信息由其负责公开' }));
    close({ action: 'transfer', on: c.today() });
    const events = await listRequestEvents(c.deps, p(), r.id);
    const newId = [...events].reverse().find((x) => x.kind === 'transferredOut')?.data.newRequestId;
    if (!newId) throw new Error(`transfer of ${r.id} opened no request`);
    sim.startOn(sim.day + between(rand, 1, 3), async () => {
      const forwarded: HistoryRequest = { id: newId, agencyId: target.id, applicantKind: e.applicantKind, channel: e.channel, receivedOn: null, closing: null, forwardedFrom: e.id };
      c.log.requests.push(forwarded);
      await handle(c, forwarded, await c.reload(newId), null);
    });
    return;
  }
  if (end < 0.08) return; // left in progress

  await sim.after(between(rand, 2, 25));
  let basis = pickReplyBasis(rand);
  if (clarified && rand() < 0.15) basis = '30-unclear';
  else if (basis === '30-unclear') basis = '36-2';
  if (consulted && rand() < 0.3) basis = pick(rand, ['32-consent', '32-objection']);
  if (reasoned && rand() < 0.5) basis = '35';
  const responsible = pickOther(c, e.agencyId)?.name ?? '相关负责机关';
  await act(c, 'draftReply', () => draftReply(c.deps, p(), r.id, {
    ...v(), basis, values: { reason: '经审查依法作出的说明', howToObtain: '本机关门户网站“政府信息公开”栏目', responsibleAgency: responsible },
  }));
  r = await c.reload(r.id);
  if (policyOf(c.deps).replyApproval !== 'none') {
    r = await act(c, 'submitReply', () => submitReply(c.deps, p(), r.id, v()));
    if (rand() < 0.1) {
      await sim.after(between(rand, 1, 3));
      r = await act(c, 'returnReply', () => returnReply(c.deps, head(), r.id, { ...v(), comment: '请补充法律依据的表述' }));
      await sim.after(between(rand, 1, 2));
      r = await act(c, 'submitReply', () => submitReply(c.deps, p(), r.id, v()));
    }
    if (rand() < 0.005) return; // awaiting approval
    await sim.after(between(rand, 0, 2));
    r = await act(c, 'approveReply', () => approveReply(c.deps, head(), r.id, v()));
    if (rand() < 0.005) return; // approved, not yet issued
    await sim.after(between(rand, 0, 2));
  }
  r = await act(c, 'issueReply', () => issueReply(c.deps, p(), r.id, v()));
  close({ action: 'reply', on: c.today(), basis });

  if (rand() < 0.4) {
    await sim.after(between(rand, 1, 5));
    r = await act(c, 'recordDelivery', () => recordDelivery(c.deps, p(), r.id, { ...v(), method: pick(rand, deliveryMethods) }));
  }
  if (rand() < 0.3) {
    await sim.after(between(rand, 10, 60));
    r = await act(c, 'archive', () => archiveRequest(c.deps, p(), r.id, v()));
  }
  if (rand() < 0.05) await appeal(c, r);
}

/**
 * A 行政复议 or 行政诉讼 about the request, recorded by its agency (the original acting agency, which
 * counts it in table 四). A suit after review in which the 复议机关 is a co-defendant is also recorded
 * at the agency's parent in the deployment (its 复议机关, e.g. the district government) flagged
 * `reviewOrganCoDefendant`: the parent keeps the case on record without counting it (rules §1.6).
 */
async function appeal(c: HistoryContext, r: DisclosureRequest): Promise<void> {
  const { sim, rand } = c;
  const p = () => c.actor(r.agencyId, 'handler');
  await sim.after(between(rand, 10, 60));
  const kind = pick<AppealKind>(rand, ['review', 'review', 'suitDirect', 'suitAfterReview']);
  const coDefendant = kind === 'suitAfterReview' && rand() < 0.3;
  const filedOn = c.today();
  const caseNumber = `（${filedOn.slice(0, 4)}）渝演${between(rand, 100, 999)}号`;
  const organ = kind === 'review' ? '重庆市梁平区人民政府' : '重庆市梁平区人民法院';
  const created = await act(c, 'createAppeal', () => createAppeal(c.deps, p(), { requestId: r.id, kind, filedOn, caseNumber, organ }));
  const records: { readonly appeal: Appeal; readonly by: () => Principal; readonly h: HistoryAppeal }[] = [
    { appeal: created, by: p, h: { id: created.id, agencyId: created.agencyId, requestId: r.id, kind, filedOn, coDefendant: false, decided: null } },
  ];
  const parentId = coDefendant ? (await findAgencyById(c.deps.db, r.agencyId))?.parentId ?? null : null;
  if (parentId !== null) {
    const by = () => c.actor(parentId, 'handler');
    const linked = canAccessAgency(by(), r.agencyId);
    const atOrgan = await act(c, 'createAppeal', () => createAppeal(c.deps, by(), {
      agencyId: parentId, requestId: linked ? r.id : null, kind, filedOn, caseNumber, organ, reviewOrganCoDefendant: true,
    }));
    records.push({ appeal: atOrgan, by, h: { id: atOrgan.id, agencyId: parentId, requestId: r.id, kind, filedOn, coDefendant: true, decided: null } });
  }
  for (const { h } of records) c.log.appeals.push(h);
  if (rand() < 0.75) {
    await sim.after(between(rand, 30, 300));
    const result = pick(rand, ['upheld', 'upheld', 'corrected', 'other'] as const);
    for (const { appeal: a, by, h } of records) {
      await act(c, 'updateAppeal', () => updateAppeal(c.deps, by(), a.id, { version: a.version, result, decidedOn: c.today() }));
      h.decided = { result, on: c.today() };
    }
  }
}

function pickOther(c: HistoryContext, agencyId: string): HistoryAgency | null {
  const others = c.activeAgencies(agencyId);
  return others.length ? pick(c.rand, others) : null;
}
