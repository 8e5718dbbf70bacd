/**
 * Intake (登记): the portal form (channel internet; receipt confirmed later, 第三十一条(三)) and staff
 * entry of walk-in, mail, fax and e-mail requests with the 第三十一条 receipt-date rules. A repeated
 * submission with the same idempotency key returns the request created first (one request per key,
 * guarded by a unique constraint).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { computeRequestClock } from '../../core/requests/clock.js';
import { toClockEvents, type RequestEvent, type RequestEventKind } from '../../core/requests/events.js';
import { checkIntake, type IntakeFields, type IntakeRequest } from '../../core/requests/intake.js';
import { channelReceiptRule, type DisclosureRequest, type RequestChannel } from '../../core/requests/request.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { isUniqueViolation } from '../../db/constraint-errors.js';
import { insertRequestEvent } from '../../db/request-event.repository.js';
import { findRequestByIntakeKey, findRequestRow, insertRequest, nextReference, toDisclosureRequest } from '../../db/request.repository.js';
import type { DisclosureRequestRow } from '../../db/schema.js';
import { requireAgencyAccess, requireRole, type Principal } from '../authorization.js';
import type { Calendar } from '../../core/calendar/calendar.js';
import { loadCalendar } from '../calendar.service.js';
import { assertYearsOpen } from '../reports/closed-years.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction, type Actor } from '../with-transaction.js';
import { checkLegalDate, runRequestAction, type ActionInput } from './request-action.js';
import { derivedTrackingCode, randomTrackingCode, trackingHash, trackingSecret } from './tracking-code.js';

export interface IntakeResult {
  readonly request: DisclosureRequest;
  /** The 查询码 (shown once; only its hash is stored). Null for a staff entry repeated with the same key. */
  readonly trackingCode: string | null;
  /** True when the key had been used: the request returned is the one created first. */
  readonly duplicate: boolean;
}

export const applicantActor: Actor = { userId: null, name: '申请人（网上）' };
const keyPattern = /^[A-Za-z0-9_-]{16,100}$/;

function checkFields(fields: IntakeFields, today: string): IntakeRequest {
  const c = checkIntake(fields, today);
  if (!c.value) throw new AppError('REQUEST_INVALID', { detail: c.problems.map((p) => p.message).join('；') });
  return c.value;
}

const sameSubmission = (row: DisclosureRequestRow, agencyId: string, v: IntakeRequest): boolean =>
  row.agency_id === agencyId && row.applicant_name === v.applicant.name && row.description === v.description && row.applicant_id_number === v.applicant.idNumber;

interface NewRequest {
  readonly agencyId: string;
  readonly intake: IntakeRequest;
  readonly channel: RequestChannel;
  readonly oral: boolean;
  readonly arrivedOn: string;
  readonly arrivedAt: string;
  /** The 收到申请之日 when known at entry (当面, 邮寄签收, or a confirmation recorded with the entry). */
  readonly receivedOn: string | null;
  readonly intakeKey: string | null;
  readonly trackingCode: string;
  readonly transferredFromId?: string | null;
  readonly extraFirstEvent?: { kind: RequestEventKind; data: RequestEvent['data'] };
}

/**
 * Inserts a request with its first events inside the caller's transaction.
 * @throws AppError(YEAR_CLOSED) when its 收到申请之日 lies in a year closed for the agency
 */
export async function insertNewRequest(
  deps: ServiceDeps, trx: ServiceDeps['db'], actor: Actor, at: string, n: NewRequest, calendar: Calendar | null,
): Promise<DisclosureRequestRow> {
  await assertYearsOpen(trx, n.agencyId, [n.receivedOn], '登记收到申请之日在该年度内的申请', deps.clock.today());
  const id = randomUUID();
  const reference = await nextReference(trx, Number(n.arrivedOn.slice(0, 4)));
  const status = n.receivedOn ? 'inProgress' : 'registered';
  const planned: { kind: RequestEventKind; on: string; data: RequestEvent['data'] }[] = [
    n.extraFirstEvent ? { ...n.extraFirstEvent, on: n.arrivedOn } : { kind: 'registered', on: n.arrivedOn, data: { channel: n.channel } },
  ];
  if (n.receivedOn) planned.push({ kind: 'received', on: n.receivedOn, data: { note: channelReceiptRule[n.channel] } });
  const events: RequestEvent[] = planned.map((p, i) => ({
    seq: i + 1, kind: p.kind, on: p.on, at, actorId: actor.userId, actorName: actor.name, statusBefore: i === 0 ? null : 'registered',
    statusAfter: status, data: p.data,
  }));
  const clockEvents = toClockEvents(events);
  if (n.receivedOn && !calendar) throw new Error('insertNewRequest: a received request needs the calendar');
  const replyBy = n.receivedOn && calendar ? computeRequestClock(clockEvents, calendar, deps.clock.today()).replyBy : null;
  await insertRequest(trx, {
    id, agencyId: n.agencyId, reference, status, channel: n.channel, oral: n.oral, arrivedAt: n.arrivedAt, arrivedOn: n.arrivedOn,
    receivedOn: n.receivedOn, applicant: n.intake.applicant, description: n.intake.description, documentNumber: n.intake.documentNumber,
    wantedForm: n.intake.wantedForm, wantedDelivery: n.intake.wantedDelivery, intakeKey: n.intakeKey, trackingHash: trackingHash(n.trackingCode),
    transferredFromId: n.transferredFromId ?? null, createdBy: actor.userId, at, clockEvents: JSON.stringify(clockEvents), replyBy,
  });
  for (const e of events) await insertRequestEvent(trx, id, e);
  const row = await findRequestRow(trx, id);
  if (!row) throw new Error(`request ${id} vanished inside its own transaction`);
  return row;
}

/** A submission of the public form. @throws AppError(REQUEST_INVALID | NOT_FOUND | CONFLICT) */
export async function submitPortalRequest(
  deps: ServiceDeps, input: { readonly agencyId: string; readonly fields: IntakeFields; readonly intakeKey: string },
): Promise<IntakeResult> {
  if (!keyPattern.test(input.intakeKey)) throw new AppError('REQUEST_INVALID', { detail: '表单标识无效，请重新打开申请页面' });
  const today = deps.clock.today();
  const intake = checkFields({ ...input.fields, channel: 'internet' }, today);
  const key = `portal:${input.intakeKey}`;
  const code = derivedTrackingCode(await trackingSecret(deps), key);
  const replay = async (): Promise<IntakeResult | null> => {
    const row = await findRequestByIntakeKey(deps.db, key);
    if (!row) return null;
    if (!sameSubmission(row, input.agencyId, intake)) throw new AppError('CONFLICT', { detail: '该表单已经提交过其他内容，请重新打开申请页面填写' });
    return { request: toDisclosureRequest(row), trackingCode: code, duplicate: true };
  };
  const first = await replay();
  if (first) return first;
  if (!(await findAgencyById(deps.db, input.agencyId))) throw new AppError('NOT_FOUND', { what: '所选机关' });
  try {
    const row = await withTransaction(deps, applicantActor, async (trx, audit) => {
      const r = await insertNewRequest(deps, trx, applicantActor, audit.at, {
        agencyId: input.agencyId, intake, channel: 'internet', oral: false, arrivedOn: today, arrivedAt: audit.at, receivedOn: null,
        intakeKey: key, trackingCode: code,
      }, null);
      await audit.record({ action: 'request.submit', entityType: 'request', entityId: r.id, agencyId: r.agency_id, requestId: r.id, after: { reference: r.reference, status: r.status, channel: 'internet' } });
      return r;
    });
    deps.logger.info({ requestId: row.id, agencyId: row.agency_id }, 'request submitted on the portal');
    return { request: toDisclosureRequest(row), trackingCode: code, duplicate: false };
  } catch (err) {
    if (isUniqueViolation(err)) {
      const again = await replay();
      if (again) return again;
    }
    throw err;
  }
}

export interface StaffIntakeInput {
  readonly agencyId: string;
  readonly channel: RequestChannel;
  readonly fields: IntakeFields;
  /** 到达日期: the day it reached the office (当面提交之日, 邮件签收/收到之日, 传真/邮件到达之日). */
  readonly arrivedOn: string;
  /** 邮寄（需签收）: the signing date if other than arrivedOn. Ignored for other channels. */
  readonly signedOn?: string;
  /** 平常信函 / 互联网 / 电子邮件 / 传真: the date receipt was confirmed with the applicant, if already done. */
  readonly confirmedOn?: string;
  /** 口头提出、代为填写. */
  readonly oral?: boolean;
  /** Idempotency key of the client (retries of the same entry create one request). */
  readonly intakeKey?: string;
}

/** Staff entry. @throws AppError(FORBIDDEN | NOT_FOUND | REQUEST_INVALID | YEAR_CLOSED) */
export async function createStaffRequest(deps: ServiceDeps, principal: Principal, input: StaffIntakeInput): Promise<IntakeResult> {
  requireRole(principal, 'handler', 'head', 'admin');
  requireAgencyAccess(principal, input.agencyId, '该机关');
  const today = deps.clock.today();
  const intake = checkFields({ ...input.fields, channel: input.channel }, today);
  const arrivedOn = checkLegalDate(input.arrivedOn, '到达日期', null, today);
  let receivedOn: string | null = null;
  if (input.channel === 'inPerson') receivedOn = arrivedOn;
  else if (input.channel === 'registeredMail') receivedOn = checkLegalDate(input.signedOn ?? arrivedOn, '签收日期', arrivedOn, today);
  else if (input.confirmedOn !== undefined) receivedOn = checkLegalDate(input.confirmedOn, '确认日期', arrivedOn, today);
  if (input.intakeKey !== undefined && !keyPattern.test(input.intakeKey)) throw new AppError('REQUEST_INVALID', { detail: 'intakeKey 应为16至100位字母、数字、- 或 _' });
  const key = input.intakeKey ? `staff:${input.intakeKey}` : null;
  const replay = async (): Promise<IntakeResult | null> => {
    const row = key ? await findRequestByIntakeKey(deps.db, key) : undefined;
    if (!row) return null;
    if (!sameSubmission(row, input.agencyId, intake)) throw new AppError('CONFLICT', { detail: '该登记标识已用于另一份申请' });
    return { request: toDisclosureRequest(row), trackingCode: null, duplicate: true };
  };
  const first = await replay();
  if (first) return first;
  if (!(await findAgencyById(deps.db, input.agencyId))) throw new AppError('NOT_FOUND', { what: '该机关' });
  const calendar = receivedOn ? await loadCalendar(deps) : null;
  const code = randomTrackingCode();
  const arrivedAt = arrivedOn === today ? deps.clock.now().toISOString() : new Date(`${arrivedOn}T09:00:00+08:00`).toISOString();
  try {
    const row = await withTransaction(deps, principal, async (trx, audit) => {
      const r = await insertNewRequest(deps, trx, principal, audit.at, {
        agencyId: input.agencyId, intake, channel: input.channel, oral: input.oral === true, arrivedOn, arrivedAt, receivedOn, intakeKey: key, trackingCode: code,
      }, calendar);
      await audit.record({ action: 'request.create', entityType: 'request', entityId: r.id, agencyId: r.agency_id, requestId: r.id, after: { reference: r.reference, status: r.status, channel: input.channel, receivedOn } });
      return r;
    });
    return { request: toDisclosureRequest(row), trackingCode: code, duplicate: false };
  } catch (err) {
    if (isUniqueViolation(err)) {
      const again = await replay();
      if (again) return again;
    }
    throw err;
  }
}

/**
 * 确认收到 (第三十一条(二)(三)): the date of the confirmation with the applicant becomes the 收到申请之日.
 * @throws AppError(FORBIDDEN | NOT_FOUND | CONFLICT | WRONG_STATE | REQUEST_INVALID)
 */
export async function confirmReceipt(deps: ServiceDeps, principal: Principal, requestId: string, input: ActionInput & { readonly note?: string }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, requestId, 'confirmReceipt', input, ({ request, events, on }) => {
    const transferred = events.some((e) => e.kind === 'transferredIn');
    const rule = transferred ? '由其他机关转送，以本机关确认收到之日为收到申请之日' : channelReceiptRule[request.channel];
    return {
      events: [{ kind: 'received', data: { note: input.note?.trim() || rule } }],
      patch: { received_on: on },
    };
  });
}
