/**
 * Reading requests: the list (masked), the detail (full personal data, only within reach), the
 * timeline, the live clock with its explanation, and the worklist of open requests sorted by the
 * most pressing due date with overdue / due-soon flags. Out-of-reach requests are NOT_FOUND.
 */
import { AppError } from '../../core/errors.js';
import type { ClockEvent } from '../../core/requests/clock-events.js';
import { computeRequestClock } from '../../core/requests/clock.js';
import { explainClock } from '../../core/requests/clock-explain.js';
import { logFacts, toClockEvents, type RequestEvent } from '../../core/requests/events.js';
import type { RequestAttachment, RequestLetter } from '../../core/requests/records.js';
import type { DisclosureRequest } from '../../core/requests/request.js';
import { allowedActions, openStatuses, type RequestAction, type RequestStatus } from '../../core/requests/states.js';
import { listAttachments } from '../../db/request-attachment.repository.js';
import { listRequestEventRows } from '../../db/request-event.repository.js';
import { findOpenReplyLetter, listLetters } from '../../db/request-letter.repository.js';
import { findRequestById, listOpenRequestRows, listRequestRows, type RequestListFilter } from '../../db/request.repository.js';
import { canAccessAgency, visibleAgencyIds, type Principal } from '../authorization.js';
import { loadCalendar } from '../calendar.service.js';
import type { ServiceDeps } from '../deps.js';
import { policyOf } from './request-action.js';
import { clockFlags, toClockView, toListItem, type ClockView, type RequestListItem } from './views.js';

/** Working days left at or below which an open request is flagged "due soon". */
export const dueSoonWorkdays = 3;

/** The list filters of the repository, for one agency (or every visible one) and by page. */
export interface RequestListQuery extends Omit<RequestListFilter, 'agencyIds' | 'limit' | 'offset'> {
  readonly agencyId?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

const pageOf = (q: { page?: number; pageSize?: number }) => {
  const pageSize = Math.min(Math.max(Math.trunc(q.pageSize ?? 50), 1), 500);
  const page = Math.max(Math.trunc(q.page ?? 1), 1);
  return { page, pageSize, offset: (page - 1) * pageSize };
};

/** The agencies to read: one agency (must be in reach) or all the principal reaches. */
function scope(principal: Principal, agencyId: string | undefined): 'all' | readonly string[] {
  if (agencyId === undefined) return visibleAgencyIds(principal);
  return canAccessAgency(principal, agencyId) ? [agencyId] : [];
}

export async function listRequests(deps: ServiceDeps, principal: Principal, q: RequestListQuery = {}): Promise<Page<RequestListItem>> {
  const { page, pageSize, offset } = pageOf(q);
  const { rows, total } = await listRequestRows(deps.db, { ...q, agencyIds: scope(principal, q.agencyId), limit: pageSize, offset });
  return { items: rows.map(toListItem), total, page, pageSize };
}

async function mustRead(deps: ServiceDeps, principal: Principal, id: string): Promise<DisclosureRequest> {
  const r = await findRequestById(deps.db, id);
  if (!r || !canAccessAgency(principal, r.agencyId)) throw new AppError('NOT_FOUND', { what: '该申请' });
  return r;
}

export interface RequestClockResult {
  readonly clock: ClockView;
  /** Chinese lines: how every date was counted (explainClock). */
  readonly explanation: readonly string[];
}

async function clockOf(deps: ServiceDeps, events: readonly ClockEvent[]): Promise<RequestClockResult> {
  const calendar = await loadCalendar(deps);
  const clock = computeRequestClock(events, calendar, deps.clock.today());
  return { clock: toClockView(clock, dueSoonWorkdays), explanation: explainClock(clock, calendar) };
}

export interface RequestDetail {
  /** Full personal data: the caller reaches the request's agency. */
  readonly request: DisclosureRequest;
  readonly events: readonly RequestEvent[];
  readonly clock: ClockView | null;
  readonly explanation: readonly string[];
  /** What the caller may do now (state, policy, role). */
  readonly allowedActions: readonly RequestAction[];
  readonly letters: readonly RequestLetter[];
  readonly attachments: readonly RequestAttachment[];
}

export async function getRequestDetail(deps: ServiceDeps, principal: Principal, id: string): Promise<RequestDetail> {
  const request = await mustRead(deps, principal, id);
  const [events, letters, attachments, draft] = [
    await listRequestEventRows(deps.db, id), await listLetters(deps.db, id), await listAttachments(deps.db, id), await findOpenReplyLetter(deps.db, id),
  ];
  const facts = logFacts(events);
  const clock = facts.received ? await clockOf(deps, toClockEvents(events)) : null;
  const actions = allowedActions(request.status, {
    clarificationSent: facts.clarificationSent, openConsultations: facts.openConsultations.length, feeNoticeSent: facts.feeNoticeSent,
    hasReplyDraft: draft !== null, received: facts.received,
  }, policyOf(deps), principal.role);
  return { request, events, clock: clock?.clock ?? null, explanation: clock?.explanation ?? [], allowedActions: actions, letters, attachments };
}

export async function listRequestEvents(deps: ServiceDeps, principal: Principal, id: string): Promise<RequestEvent[]> {
  await mustRead(deps, principal, id);
  return listRequestEventRows(deps.db, id);
}

export async function getRequestClock(deps: ServiceDeps, principal: Principal, id: string): Promise<RequestClockResult> {
  await mustRead(deps, principal, id);
  return clockOf(deps, toClockEvents(await listRequestEventRows(deps.db, id)));
}

export type WorklistFlag = 'overdue' | 'dueSoon' | 'unconfirmed';

export interface WorklistItem extends RequestListItem {
  /** Null for a registration whose receipt is not confirmed yet. */
  readonly clock: Pick<ClockView, 'status' | 'replyBy' | 'workdaysLeft' | 'overdue' | 'overdueWorkdays' | 'dueSoon' | 'nextDueOn' | 'provisional' | 'clarifyBy'> | null;
  /** The sort key: the clock's next due date, or the arrival date of an unconfirmed registration. */
  readonly dueOn: string | null;
  readonly flags: readonly WorklistFlag[];
}

export interface WorklistQuery {
  readonly agencyId?: string;
  readonly statuses?: readonly RequestStatus[];
  readonly flag?: WorklistFlag;
  readonly assigneeId?: string;
  readonly page?: number;
  readonly pageSize?: number;
}

export interface Worklist extends Page<WorklistItem> {
  readonly today: string;
  readonly counts: { readonly open: number; readonly overdue: number; readonly dueSoon: number; readonly unconfirmed: number };
}

/** Open requests in reach, most pressing first; the clocks are computed live for today. */
export async function getWorklist(deps: ServiceDeps, principal: Principal, q: WorklistQuery = {}): Promise<Worklist> {
  const { page, pageSize, offset } = pageOf(q);
  const statuses = (q.statuses?.length ? q.statuses : openStatuses).filter((s) => openStatuses.includes(s));
  const rows = await listOpenRequestRows(deps.db, scope(principal, q.agencyId), statuses, q.assigneeId);
  const calendar = await loadCalendar(deps);
  const today = deps.clock.today();
  const all: WorklistItem[] = rows.map((r) => {
    const item = toListItem(r);
    if (r.received_on === null) return { ...item, clock: null, dueOn: r.arrived_on, flags: ['unconfirmed'] };
    const c = computeRequestClock(JSON.parse(r.clock_events) as ClockEvent[], calendar, today);
    const { dueSoon, nextDueOn } = clockFlags(c, dueSoonWorkdays);
    const flags: WorklistFlag[] = c.overdue ? ['overdue'] : dueSoon ? ['dueSoon'] : [];
    return {
      ...item,
      clock: { status: c.status, replyBy: c.replyBy, workdaysLeft: c.workdaysLeft, overdue: c.overdue, overdueWorkdays: c.overdueWorkdays, dueSoon, nextDueOn, provisional: c.provisional, clarifyBy: c.clarifyBy },
      dueOn: nextDueOn,
      flags,
    };
  });
  const counts = { open: all.length, overdue: 0, dueSoon: 0, unconfirmed: 0 };
  for (const i of all) for (const f of i.flags) counts[f] += 1;
  const selected = q.flag ? all.filter((i) => i.flags.includes(q.flag!)) : all;
  selected.sort((a, b) => (a.dueOn === b.dueOn ? (a.reference < b.reference ? -1 : 1) : a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1));
  return { items: selected.slice(offset, offset + pageSize), total: selected.length, page, pageSize, today, counts };
}
