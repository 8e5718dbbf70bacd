/**
 * The applicant's side, by 查询码 only (no account): the status page (status, dates, outcome, the
 * letters addressed to the applicant — never the ID number, phone or address) and answering a 补正.
 * An unknown or malformed code is NOT_FOUND (the same answer, so codes cannot be probed).
 */
import { AppError } from '../../core/errors.js';
import { computeRequestClock } from '../../core/requests/clock.js';
import type { ClockEvent } from '../../core/requests/clock-events.js';
import { requestEventLabels, type RequestEvent } from '../../core/requests/events.js';
import { outcomeLabels, type OutcomeKey } from '../../core/requests/outcomes.js';
import { maskPersonName } from '../../core/people/masking.js';
import { requestStatusLabels, type RequestStatus } from '../../core/requests/states.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { listRequestEventRows } from '../../db/request-event.repository.js';
import { findRequestByTrackingHash, toDisclosureRequest } from '../../db/request.repository.js';
import type { Database, DisclosureRequestRow } from '../../db/schema.js';
import type { Kysely } from 'kysely';
import { loadCalendar } from '../calendar.service.js';
import type { ServiceDeps } from '../deps.js';
import { applicantActor } from './intake.service.js';
import { runRequestAction } from './request-action.js';
import { applicantFiles, type TrackAttachment } from './applicant-files.js';
import { isWellFormedTrackingCode, normalizeTrackingCode, trackingHash } from './tracking-code.js';

export interface TrackTimelineEntry {
  readonly on: string;
  readonly label: string;
  readonly detail: string;
}

export interface TrackLetter {
  /** For the downloads (track-files.service.ts). */
  readonly id: string;
  readonly title: string;
  readonly issuedOn: string | null;
  readonly body: string;
}

export interface TrackView {
  readonly reference: string;
  readonly agencyName: string;
  readonly applicantName: string;
  readonly status: RequestStatus;
  readonly statusLabel: string;
  readonly arrivedOn: string;
  readonly receivedOn: string | null;
  /** The reply date in force while open (null before receipt or while awaiting 补正). */
  readonly replyBy: string | null;
  readonly outcome: OutcomeKey | null;
  readonly outcomeLabel: string | null;
  readonly repliedOn: string | null;
  readonly timeline: readonly TrackTimelineEntry[];
  readonly letters: readonly TrackLetter[];
  /** The files released to the applicant with an issued reply (downloads). */
  readonly attachments: readonly TrackAttachment[];
  /** Set while a 补正 is awaited: what to supplement and by when. */
  readonly clarification: { readonly items: string; readonly dueOn: string | null } | null;
  /** After a transfer: the request opened at the responsible agency. */
  readonly forwardedTo: { readonly reference: string; readonly agencyName: string; readonly statusLabel: string } | null;
}

const hidden = new Set(['assigned', 'replySubmitted', 'replyApproved', 'replyReturned', 'archived']);

function describe(e: RequestEvent): string {
  const d = e.data;
  switch (e.kind) {
    case 'clarificationSent': return `需要补正的事项：${d.items ?? ''}${d.answerDueOn ? `；补正期限：${d.answerDueOn}` : ''}`;
    case 'clarificationAnswered': return d.via === 'portal' ? '申请人通过平台提交补正' : '';
    case 'consultationSent': return '征求意见期间不计算在答复期限内';
    case 'extensionApproved': return `答复期限延长 ${d.workdays ?? ''} 个工作日`;
    case 'feeNoticeSent': return `信息处理费 ${d.amount ?? ''} 元`;
    case 'delayNoticeSent': return `延迟答复期限：${d.newReplyBy ?? ''}`;
    case 'transferredOut': return `转送至${d.toAgencyName ?? ''}`;
    default: return '';
  }
}

/** The request of a 查询码. @throws AppError(NOT_FOUND) for an unknown or malformed code (one answer for both) */
export async function findByCode(db: Kysely<Database>, code: string): Promise<DisclosureRequestRow> {
  const normalized = normalizeTrackingCode(code ?? '');
  const row = isWellFormedTrackingCode(normalized) ? await findRequestByTrackingHash(db, trackingHash(normalized)) : undefined;
  if (!row) throw new AppError('NOT_FOUND', { what: '与该查询码对应的申请（请核对查询码）' });
  return row;
}

export async function trackRequest(deps: ServiceDeps, code: string): Promise<TrackView> {
  const row = await findByCode(deps.db, code);
  const r = toDisclosureRequest(row);
  const [agency, events, files] = [await findAgencyById(deps.db, r.agencyId), await listRequestEventRows(deps.db, r.id), await applicantFiles(deps.db, r.id)];
  let replyBy: string | null = null;
  if (r.receivedOn && r.repliedOn === null && !['voided', 'closed', 'replied', 'archived'].includes(r.status)) {
    replyBy = computeRequestClock(JSON.parse(row.clock_events) as ClockEvent[], await loadCalendar(deps), deps.clock.today()).replyBy;
  }
  const lastClar = [...events].reverse().find((e) => e.kind === 'clarificationSent');
  const forwardedId = [...events].reverse().find((e) => e.kind === 'transferredOut' && !e.data.moved)?.data.newRequestId;
  let forwardedTo: TrackView['forwardedTo'] = null;
  if (forwardedId) {
    const f = await deps.db.selectFrom('disclosure_request').select(['reference', 'agency_id', 'status']).where('id', '=', forwardedId).executeTakeFirst();
    if (f) forwardedTo = { reference: f.reference, agencyName: (await findAgencyById(deps.db, f.agency_id))?.name ?? '', statusLabel: requestStatusLabels[f.status as RequestStatus] };
  }
  return {
    reference: r.reference,
    agencyName: agency?.name ?? '',
    applicantName: r.applicant.kind === 'naturalPerson' ? maskPersonName(r.applicant.name) : r.applicant.name,
    status: r.status,
    statusLabel: requestStatusLabels[r.status],
    arrivedOn: r.arrivedOn,
    receivedOn: r.receivedOn,
    replyBy,
    outcome: r.outcome,
    outcomeLabel: r.outcome ? outcomeLabels[r.outcome] : null,
    repliedOn: r.repliedOn,
    timeline: events.filter((e) => !hidden.has(e.kind)).map((e) => ({ on: e.on, label: requestEventLabels[e.kind], detail: describe(e) })),
    letters: files.letters.map((l) => ({ id: l.id, title: l.title, issuedOn: l.issuedOn, body: l.body })),
    attachments: files.attachments,
    clarification: r.status === 'awaitingClarification' && lastClar ? { items: lastClar.data.items ?? '', dueOn: lastClar.data.answerDueOn ?? null } : null,
    forwardedTo,
  };
}

/** The applicant's 补正, submitted with the 查询码: the reply period restarts from today (第三十条). */
export async function answerClarificationByApplicant(deps: ServiceDeps, code: string, input: { readonly text: string }): Promise<TrackView> {
  const text = (input.text ?? '').trim();
  if (!text) throw new AppError('REQUEST_INVALID', { detail: '请填写补正内容' });
  if ([...text].length > 5000) throw new AppError('REQUEST_INVALID', { detail: '补正内容不能超过 5000 个字' });
  const row = await findByCode(deps.db, code);
  await runRequestAction(deps, { applicant: applicantActor }, row.id, 'answerClarification', { version: Number(row.version) }, () => ({
    events: [{ kind: 'clarificationAnswered', data: { via: 'portal', text } }],
  }));
  return trackRequest(deps, code);
}
