/**
 * The decision: a reply letter (答复告知书) drafted from the template of its legal basis, edited,
 * submitted to and approved by the 机关负责人 (policy.replyApproval), issued — which sets the outcome
 * (exactly one table-三 row), the basis and the reply date — and its delivery (送达) recorded.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { composeReplyLetter, unfilledMarkers } from '../../core/requests/letters/letter.js';
import { findOutcomeBasis } from '../../core/requests/outcomes.js';
import { outcomeOfBasis } from '../../core/requests/policy.js';
import { deliveryMethods, type DeliveryMethod, type RequestLetter } from '../../core/requests/records.js';
import type { DisclosureRequest } from '../../core/requests/request.js';
import { findLetter, findOpenReplyLetter, insertLetter, listLetters, updateLetterIfVersion } from '../../db/request-letter.repository.js';
import { findRequestRow } from '../../db/request.repository.js';
import { canAccessAgency, requireRole, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction } from '../with-transaction.js';
import { runRequestAction, type ActionInput } from './request-action.js';
import { letterFacts } from './letter-facts.js';

export interface DraftReplyInput extends ActionInput {
  /** A basis key of outcomes.ts (replyBases). */
  readonly basis: string;
  /** Template values: reason, howToObtain, responsibleAgency, responsibleContact, … */
  readonly values?: Readonly<Record<string, string>>;
}

/** Drafts (or redrafts: the previous draft is superseded) the reply letter. */
export async function draftReply(deps: ServiceDeps, principal: Principal, id: string, input: DraftReplyInput): Promise<RequestLetter> {
  let letterId = '';
  await runRequestAction(deps, { principal }, id, 'draftReply', input, async ({ trx, audit, request, events, policy }) => {
    const basis = findOutcomeBasis(input.basis);
    if (!basis || basis.closingOnly) throw new AppError('REQUEST_INVALID', { detail: `未知的答复依据“${input.basis}”` });
    const values: Record<string, string> = { ...input.values };
    const clar = events.find((e) => e.kind === 'clarificationSent');
    if (clar && !values.clarificationSentOn) values.clarificationSentOn = clar.on;
    const text = composeReplyLetter(basis.key, await letterFacts(trx, request, values));
    if (!text) throw new AppError('REQUEST_INVALID', { detail: `答复依据“${input.basis}”没有模板` });
    const previous = await findOpenReplyLetter(trx, request.id);
    if (previous) await updateLetterIfVersion(trx, previous.id, previous.version, { status: 'superseded', updated_at: audit.at });
    letterId = randomUUID();
    const outcome = outcomeOfBasis(basis, policy);
    await insertLetter(trx, {
      id: letterId, requestId: request.id, agencyId: request.agencyId, kind: 'reply', outcome, basis: basis.key,
      title: text.title, body: text.body, status: 'draft', createdBy: principal.userId, at: audit.at,
    });
    return { events: [], detail: { letterId, basis: basis.key, outcome, superseded: previous?.id ?? null } };
  });
  const letter = await findLetter(deps.db, letterId);
  if (!letter) throw new Error(`letter ${letterId} missing after its transaction`);
  return letter;
}

/** Edits a draft letter (title, body). @throws AppError(NOT_FOUND | WRONG_STATE | CONFLICT | REQUEST_INVALID) */
export async function updateLetter(
  deps: ServiceDeps, principal: Principal, letterId: string, input: { readonly version: number; readonly title?: string; readonly body?: string },
): Promise<RequestLetter> {
  requireRole(principal, 'handler', 'head', 'admin');
  return withTransaction(deps, principal, async (trx, audit) => {
    const before = await findLetter(trx, letterId);
    if (!before || !canAccessAgency(principal, before.agencyId)) throw new AppError('NOT_FOUND', { what: '该文书' });
    if (before.status !== 'draft') throw new AppError('WRONG_STATE', { detail: '只有草稿可以修改（已提交审批的请先退回）' });
    if (before.version !== input.version) throw new AppError('CONFLICT', { detail: '该文书已被他人修改，请刷新后重试' });
    const title = input.title?.trim();
    const body = input.body?.replace(/\r\n/g, '\n');
    if (title !== undefined && (title.length === 0 || title.length > 100)) throw new AppError('REQUEST_INVALID', { detail: '标题应为1至100个字' });
    if (body !== undefined && (body.trim().length === 0 || body.length > 20000)) throw new AppError('REQUEST_INVALID', { detail: '正文应为1至20000个字' });
    const ok = await updateLetterIfVersion(trx, letterId, before.version, {
      ...(title !== undefined && { title }), ...(body !== undefined && { body }), updated_at: audit.at,
    });
    if (!ok) throw new AppError('CONFLICT', { detail: '该文书已被他人修改，请刷新后重试' });
    const after = (await findLetter(trx, letterId))!;
    await audit.record({ action: 'letter.update', entityType: 'letter', entityId: letterId, agencyId: before.agencyId, requestId: before.requestId, before, after });
    return after;
  });
}

function requireComplete(letter: RequestLetter): void {
  const left = unfilledMarkers(`${letter.title}\n${letter.body}`);
  if (left.length > 0) throw new AppError('REQUEST_INVALID', { detail: `答复告知书还有未填写的内容：${[...new Set(left)].join('、')}` });
}

async function openReply(trx: ServiceDeps['db'], requestId: string): Promise<RequestLetter> {
  const letter = await findOpenReplyLetter(trx, requestId);
  if (!letter) throw new AppError('WRONG_STATE', { detail: '请先起草答复告知书' });
  return letter;
}

export async function submitReply(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'submitReply', input, async ({ trx, audit }) => {
    const letter = await openReply(trx, id);
    if (letter.status !== 'draft') throw new AppError('WRONG_STATE', { detail: '答复告知书已提交' });
    requireComplete(letter);
    await updateLetterIfVersion(trx, letter.id, letter.version, { status: 'submitted', updated_at: audit.at });
    return { events: [{ kind: 'replySubmitted', data: { letterId: letter.id } }] };
  });
}

export async function approveReply(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly comment?: string }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'approveReply', input, async ({ trx, audit }) => {
    const letter = await openReply(trx, id);
    await updateLetterIfVersion(trx, letter.id, letter.version, { status: 'approved', approved_by: principal.userId, approved_at: audit.at, updated_at: audit.at });
    return { events: [{ kind: 'replyApproved', data: { letterId: letter.id, comment: (input.comment ?? '').trim().slice(0, 1000) } }] };
  });
}

export async function returnReply(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput & { readonly comment: string }): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'returnReply', input, async ({ trx, audit }) => {
    const comment = (input.comment ?? '').trim();
    if (!comment) throw new AppError('REQUEST_INVALID', { detail: '请填写退回意见' });
    const letter = await openReply(trx, id);
    await updateLetterIfVersion(trx, letter.id, letter.version, { status: 'draft', updated_at: audit.at });
    return { events: [{ kind: 'replyReturned', data: { letterId: letter.id, comment: comment.slice(0, 1000) } }] };
  });
}

/** 发出答复: the outcome, basis and reply date are set from the letter; released files are linked to it. */
export async function issueReply(deps: ServiceDeps, principal: Principal, id: string, input: ActionInput): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'issueReply', input, async ({ trx, audit, on, policy }) => {
    const letter = await openReply(trx, id);
    const ready = policy.replyApproval === 'none' ? letter.status === 'draft' || letter.status === 'approved' : letter.status === 'approved';
    if (!ready) throw new AppError('WRONG_STATE', { detail: '答复告知书尚未审批' });
    requireComplete(letter);
    await updateLetterIfVersion(trx, letter.id, letter.version, { status: 'issued', issued_on: on, issued_at: audit.at, updated_at: audit.at });
    await trx.updateTable('request_attachment').set({ letter_id: letter.id }).where('request_id', '=', id).where('purpose', '=', 'released').where('letter_id', 'is', null).execute();
    return {
      events: [{ kind: 'replied', data: { letterId: letter.id, outcome: letter.outcome ?? undefined, basis: letter.basis ?? undefined } }],
      patch: { outcome: letter.outcome, outcome_basis: letter.basis, replied_on: on, closed_at: audit.at },
    };
  });
}

/** 送达: how and when a letter (default: the issued reply) reached the applicant. */
export async function recordDelivery(
  deps: ServiceDeps, principal: Principal, id: string,
  input: ActionInput & { readonly method: DeliveryMethod; readonly letterId?: string; readonly note?: string },
): Promise<DisclosureRequest> {
  return runRequestAction(deps, { principal }, id, 'recordDelivery', input, async ({ trx, audit, on }) => {
    if (!deliveryMethods.includes(input.method)) throw new AppError('REQUEST_INVALID', { detail: '送达方式不正确' });
    const letters = await listLetters(trx, id);
    const letter = input.letterId ? letters.find((l) => l.id === input.letterId) : [...letters].reverse().find((l) => l.kind === 'reply' && l.status === 'issued');
    if (!letter || letter.status !== 'issued') throw new AppError('NOT_FOUND', { what: '已发出的文书' });
    const note = (input.note ?? '').trim().slice(0, 500);
    await updateLetterIfVersion(trx, letter.id, letter.version, { delivery_method: input.method, delivered_on: on, delivery_note: note, updated_at: audit.at });
    return { events: [{ kind: 'delivered', data: { letterId: letter.id, method: input.method, note } }] };
  });
}

/** The letters of a request in reach. */
export async function listRequestLetters(deps: ServiceDeps, principal: Principal, requestId: string): Promise<RequestLetter[]> {
  const row = await findRequestRow(deps.db, requestId);
  if (!row || !canAccessAgency(principal, row.agency_id)) throw new AppError('NOT_FOUND', { what: '该申请' });
  return listLetters(deps.db, requestId);
}

/** One letter in reach. */
export async function getLetter(deps: ServiceDeps, principal: Principal, letterId: string): Promise<RequestLetter> {
  const letter = await findLetter(deps.db, letterId);
  if (!letter || !canAccessAgency(principal, letter.agencyId)) throw new AppError('NOT_FOUND', { what: '该文书' });
  return letter;
}

