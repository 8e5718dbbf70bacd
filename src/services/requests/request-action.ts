/**
 * The one path of every request action: authorize (role + agency reach), load the request in the
 * transaction, check its version (CONFLICT) and state (WRONG_STATE), let the action plan its events
 * and changes, append the events, rebuild the clock cache, save with version + 1 and record the audit
 * event (before/after) — all in ONE transaction (withTransaction).
 */
import { computeRequestClock } from '../../core/requests/clock.js';
import type { RequestClock } from '../../core/requests/clock-result.js';
import type { Calendar } from '../../core/calendar/calendar.js';
import { AppError } from '../../core/errors.js';
import { logFacts, toClockEvents, type RequestEvent, type RequestEventData, type RequestEventKind } from '../../core/requests/events.js';
import { defaultRequestPolicy, type RequestPolicy } from '../../core/requests/policy.js';
import type { DisclosureRequest } from '../../core/requests/request.js';
import { actionRoles, checkAction, requestActionLabels, statusAfter, type ActionContext, type RequestAction, type RequestStatus } from '../../core/requests/states.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import { findOpenReplyLetter } from '../../db/request-letter.repository.js';
import { findRequestRow, toDisclosureRequest, updateRequestIfVersion, type RequestPatch } from '../../db/request.repository.js';
import { insertRequestEvent, listRequestEventRows } from '../../db/request-event.repository.js';
import type { Database, DisclosureRequestRow } from '../../db/schema.js';
import type { Kysely } from 'kysely';
import { canAccessAgency, requireRole, type Principal } from '../authorization.js';
import { loadCalendar } from '../calendar.service.js';
import { assertYearsOpen } from '../reports/closed-years.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction, type Actor, type Audit } from '../with-transaction.js';

const conflict = (cause?: unknown) => new AppError('CONFLICT', { detail: '该申请已被他人修改，请刷新后重试' }, cause === undefined ? undefined : { cause });

/** Services may carry an installation's request policy (defaults in core/requests/policy.ts). */
export type RequestDeps = ServiceDeps & { readonly requestPolicy?: RequestPolicy };
export const policyOf = (deps: ServiceDeps): RequestPolicy => (deps as RequestDeps).requestPolicy ?? defaultRequestPolicy;

/** Every action names the version it was based on; `on` is the legal date of the event (default today). */
export interface ActionInput {
  readonly version: number;
  readonly on?: string;
}

export interface ActionRun {
  readonly trx: Kysely<Database>;
  readonly audit: Audit;
  readonly request: DisclosureRequest;
  readonly events: readonly RequestEvent[];
  readonly facts: ReturnType<typeof logFacts>;
  /** The clock as of `on` (before this action). */
  readonly clock: RequestClock;
  readonly calendar: Calendar;
  /** The legal date of the action. */
  readonly on: string;
  readonly today: string;
  readonly policy: RequestPolicy;
}

export interface PlannedEvent {
  readonly kind: RequestEventKind;
  readonly on?: string;
  readonly data?: RequestEventData;
}

export interface ActionPlan {
  readonly events: readonly PlannedEvent[];
  /** The state after (default: statusAfter of the action). */
  readonly status?: RequestStatus;
  readonly patch?: RequestPatch;
  /** Extra audit details. */
  readonly detail?: unknown;
}

export const isIsoDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** @throws AppError(REQUEST_INVALID) unless `value` is a real date between `min` and `max`. */
export function checkLegalDate(value: string, label: string, min: string | null, max: string | null): string {
  if (!isIsoDate(value)) throw new AppError('REQUEST_INVALID', { detail: `${label}“${value}”不是有效日期（YYYY-MM-DD）` });
  if (max !== null && value > max) throw new AppError('REQUEST_INVALID', { detail: `${label}不能晚于 ${max}` });
  if (min !== null && value < min) throw new AppError('REQUEST_INVALID', { detail: `${label}不能早于 ${min}` });
  return value;
}

const snapshot = (r: Pick<DisclosureRequestRow, 'status' | 'version' | 'agency_id' | 'assignee_id' | 'received_on' | 'outcome' | 'outcome_basis' | 'replied_on' | 'reply_by'>) => ({
  status: r.status, version: Number(r.version), agencyId: r.agency_id, assigneeId: r.assignee_id, receivedOn: r.received_on,
  outcome: r.outcome, outcomeBasis: r.outcome_basis, repliedOn: r.replied_on, replyBy: r.reply_by,
});

/** The report dates an action changes (收到申请之日, 答复日期), before and after: none may lie in a closed year. */
function reportDates(row: DisclosureRequestRow, patch: RequestPatch | undefined): (string | null)[] {
  const dates: (string | null)[] = [];
  for (const key of ['received_on', 'replied_on'] as const) {
    if (patch && key in patch && patch[key] !== row[key]) dates.push(row[key], patch[key] ?? null);
  }
  return dates;
}

/** Who acts: a staff principal (role and reach checked) or the applicant holding the 查询码 (checked by the caller). */
export type ActionActor = { readonly principal: Principal } | { readonly applicant: Actor };

/**
 * Runs one action. `plan` may throw AppError (REQUEST_INVALID, WRONG_STATE …); nothing is written then.
 * An action dated in a year closed for the request's agency (or changing a report date in one) is
 * refused with YEAR_CLOSED (closed years are frozen, reports/closed-years.ts).
 * @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT | WRONG_STATE | REQUEST_INVALID | YEAR_CLOSED)
 */
export async function runRequestAction(
  deps: ServiceDeps,
  who: ActionActor,
  requestId: string,
  action: RequestAction,
  input: ActionInput,
  plan: (run: ActionRun) => ActionPlan | Promise<ActionPlan>,
): Promise<DisclosureRequest> {
  const principal = 'principal' in who ? who.principal : null;
  if (principal) requireRole(principal, ...actionRoles(action));
  const policy = policyOf(deps);
  const calendar = await loadCalendar(deps); // outside the transaction (SQLite has one connection)
  const today = deps.clock.today();
  const actor = principal ?? (who as { applicant: Actor }).applicant;
  return withTransaction(deps, actor, async (trx, audit) => {
    const row = await findRequestRow(trx, requestId);
    if (!row || (principal && !canAccessAgency(principal, row.agency_id))) throw new AppError('NOT_FOUND', { what: '该申请' });
    if (Number(row.version) !== input.version) throw conflict();
    const events = await listRequestEventRows(trx, requestId);
    const facts = logFacts(events);
    const status = row.status as RequestStatus;
    const needsDraft = action === 'submitReply' || action === 'issueReply';
    const ctx: ActionContext = {
      clarificationSent: facts.clarificationSent,
      openConsultations: facts.openConsultations.length,
      feeNoticeSent: facts.feeNoticeSent,
      hasReplyDraft: needsDraft ? (await findOpenReplyLetter(trx, requestId)) !== null : false,
      received: facts.received,
    };
    const check = checkAction(status, action, ctx, policy);
    if (!check.ok) throw new AppError('WRONG_STATE', { detail: check.reason });
    const lastOn = events.reduce((m, e) => (e.on > m ? e.on : m), row.arrived_on);
    const on = checkLegalDate(input.on ?? today, '日期', lastOn, today);
    const frozen = `将“${requestActionLabels[action]}”的日期定在该年度内`;
    await assertYearsOpen(trx, row.agency_id, [on], frozen, today);
    const clock = computeRequestClock(toClockEvents(events), calendar, on);
    const request = toDisclosureRequest(row);
    const planned = await plan({ trx, audit, request, events, facts, clock, calendar, on, today, policy });
    await assertYearsOpen(trx, row.agency_id, [...planned.events.map((e) => e.on), ...reportDates(row, planned.patch)], frozen, today);
    const next = planned.status ?? statusAfter(status, action, ctx) ?? status;
    const appended: RequestEvent[] = planned.events.map((p, i) => ({
      seq: events.length + i + 1, kind: p.kind, on: p.on ?? on, at: audit.at, actorId: actor.userId, actorName: actor.name,
      statusBefore: i === 0 ? status : next, statusAfter: next, data: p.data ?? {},
    }));
    const clockEvents = toClockEvents([...events, ...appended]);
    const after = computeRequestClock(clockEvents, calendar, today);
    const patch: RequestPatch = { ...planned.patch, status: next, clock_events: JSON.stringify(clockEvents), reply_by: after.replyBy, updated_at: audit.at };
    // the versioned update first: a concurrent writer (PostgreSQL) waits on the row lock here and then finds another version
    if (!(await updateRequestIfVersion(trx, requestId, input.version, patch))) throw conflict();
    try {
      for (const e of appended) await insertRequestEvent(trx, requestId, e);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(err);
      throw err;
    }
    const saved = await findRequestRow(trx, requestId);
    if (!saved) throw new Error(`request ${requestId} vanished inside its own transaction`);
    await audit.record({
      action: `request.${action}`, entityType: 'request', entityId: requestId, agencyId: row.agency_id, requestId,
      before: snapshot(row), after: { ...snapshot(saved), events: appended.map((e) => ({ kind: e.kind, on: e.on, data: e.data })), ...(planned.detail !== undefined && { detail: planned.detail }) },
    });
    deps.logger.info({ requestId, action, status: next }, 'request action');
    return toDisclosureRequest(saved);
  });
}
