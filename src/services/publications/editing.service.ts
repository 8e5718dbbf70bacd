/**
 * Writing publications: a new draft (version 1), editing the open draft, attachments, starting a
 * change of a published item (a new version; the old one stays), discarding a draft. Nothing here
 * publishes: only publishVersion (workflow.service.ts) does.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.js';
import { publishDeadline } from '../../core/publications/deadline.js';
import type { Publication, PublicationAttachment } from '../../core/publications/publication.js';
import { authorRoles, canStartChange } from '../../core/publications/workflow.js';
import { findAgencyById } from '../../db/agency.repository.js';
import {
  copyAttachments, deleteAttachmentRow, deleteUnreferencedFile, findAttachmentRow, insertAttachmentRow, listVersionAttachments, putPublicationFile,
} from '../../db/publication-attachment.repository.js';
import {
  contentColumns, deleteDraftPublication, findPublicationRow, insertPublicationEvent, insertPublicationRow, insertVersionRow, listVersions,
  toPublication, updateVersionRow,
} from '../../db/publication.repository.js';
import type { Database } from '../../db/schema.js';
import { canAccessAgency, requireAgencyAccess, requireRole, type Principal } from '../authorization.js';
import { loadCalendar } from '../calendar.service.js';
import type { ServiceDeps } from '../deps.js';
import { attachmentMaxBytes, attachmentMediaType } from '../requests/attachments.service.js';
import { checkLegalDate } from '../requests/request-action.js';
import { withTransaction } from '../with-transaction.js';
import { emptyContent, mergeContent, mergeValidity, type CreatePublicationInput, type ValidityInput, type VersionContentInput } from './content.js';
import { loadPublicationPolicy } from './policy.service.js';
import { runPublicationAction } from './publication-action.js';

export interface UpdateDraftInput extends VersionContentInput, ValidityInput {
  readonly version: number;
}

const invalid = (detail: string) => new AppError('REQUEST_INVALID', { detail });
/** Attachments per version. */
export const maxAttachments = 50;

/** Source requests must be requests of the same agency. */
async function checkSourceRequests(db: Kysely<Database>, agencyId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.selectFrom('disclosure_request').select(['id', 'agency_id']).where('id', 'in', [...ids]).execute();
  const ok = new Set(rows.filter((r) => r.agency_id === agencyId).map((r) => r.id));
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length) throw invalid(`来源申请不存在或不属于本机关：${bad.slice(0, 3).join('、')}`);
}

/** A new publication with its first version as a draft. @throws AppError(FORBIDDEN | NOT_FOUND | REQUEST_INVALID) */
export async function createPublication(deps: ServiceDeps, principal: Principal, input: CreatePublicationInput): Promise<Publication> {
  requireRole(principal, ...authorRoles);
  requireAgencyAccess(principal, input.agencyId, '该机关');
  const agency = await findAgencyById(deps.db, input.agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { what: '该机关' });
  const today = deps.clock.today();
  const policy = await loadPublicationPolicy(deps);
  const calendar = await loadCalendar(deps);
  const content = await mergeContent(deps.db, emptyContent(today, agency.name), { ...input, formedOn: input.formedOn ?? today }, today);
  await checkSourceRequests(deps.db, agency.id, content.sourceRequestIds);
  const validity = mergeValidity({ validity: 'valid', effectiveOn: null, validityEndedOn: null, validityNote: '' }, input, today, content.writtenOn);
  const id = randomUUID();
  const versionId = randomUUID();
  await withTransaction(deps, principal, async (trx, audit) => {
    await insertPublicationRow(trx, { id, agencyId: agency.id, createdBy: principal.userId, at: audit.at });
    await trx.updateTable('publication').set({
      validity: validity.validity, effective_on: validity.effectiveOn, validity_ended_on: validity.validityEndedOn, validity_note: validity.validityNote,
    }).where('id', '=', id).execute();
    const publishBy = publishDeadline(calendar, content.formedOn, policy.publishWithinWorkdays);
    await insertVersionRow(trx, { id: versionId, publicationId: id, agencyId: agency.id, number: 1, content, publishBy, createdBy: principal.userId, at: audit.at });
    await insertPublicationEvent(trx, {
      publicationId: id, agencyId: agency.id, versionId, kind: 'created', public: false, at: audit.at, actorId: principal.userId,
      actorName: principal.name, statusBefore: null, statusAfter: 'draft', data: { title: content.title, formedOn: content.formedOn, publishBy },
    });
    await audit.record({ action: 'publication.create', entityType: 'publication', entityId: id, agencyId: agency.id, after: { title: content.title, versionId, publishBy, validity } });
  });
  deps.logger.info({ publicationId: id, agencyId: agency.id }, 'publication created');
  return toPublication((await findPublicationRow(deps.db, id))!);
}

/** Edits the open draft (and, before the first publication, the validity). @throws AppError(… | WRONG_STATE) */
export async function updateDraft(deps: ServiceDeps, principal: Principal, id: string, input: UpdateDraftInput): Promise<Publication> {
  return runPublicationAction(deps, principal, id, input.version, 'edit', authorRoles, async ({ trx, publication, open, policy, calendar, today }) => {
    if (!open || open.status !== 'draft') throw new AppError('WRONG_STATE', { detail: open ? '已提交审查的稿件不能修改，请先撤回' : '没有正在编辑的版本' });
    const content = await mergeContent(trx, open, input, today);
    await checkSourceRequests(trx, publication.agencyId, content.sourceRequestIds);
    const publishBy = publishDeadline(calendar, content.formedOn, policy.publishWithinWorkdays);
    const touchesValidity = input.validity !== undefined || input.effectiveOn !== undefined || input.validityEndedOn !== undefined || input.validityNote !== undefined;
    if (touchesValidity && publication.status !== 'draft') throw new AppError('WRONG_STATE', { detail: '已发布信息的有效性请通过“变更有效性”办理' });
    const validity = touchesValidity ? mergeValidity(publication, input, today, content.writtenOn) : null;
    await updateVersionRow(trx, open.id, { ...contentColumns(content, publishBy), updated_at: deps.clock.now().toISOString() });
    return {
      event: 'edited', versionId: open.id,
      patch: validity ? { validity: validity.validity, effective_on: validity.effectiveOn, validity_ended_on: validity.validityEndedOn, validity_note: validity.validityNote } : {},
      data: { fields: Object.keys(input).filter((k) => k !== 'version' && k !== 'bodyHtml'), bodyChanged: input.bodyHtml !== undefined },
    };
  });
}

/** Adds a file to the open draft. @throws AppError(… | FILE_TOO_LARGE | ATTACHMENT_TYPE_UNSUPPORTED) */
export async function addPublicationAttachment(
  deps: ServiceDeps, principal: Principal, id: string, input: { readonly version: number; readonly fileName: string; readonly content: Uint8Array },
): Promise<PublicationAttachment> {
  if (input.content.length === 0) throw invalid('文件为空');
  if (input.content.length > attachmentMaxBytes) throw new AppError('FILE_TOO_LARGE', { limitMb: attachmentMaxBytes / 1024 / 1024 });
  const fileName = [...input.fileName.replace(/^.*[\\/]/, '')].map((c) => (c.charCodeAt(0) < 32 || '"<>|:*?'.includes(c) ? '_' : c)).join('').trim().slice(-120) || 'file';
  const mediaType = attachmentMediaType(fileName, input.content);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  let added: PublicationAttachment | null = null;
  await runPublicationAction(deps, principal, id, input.version, 'attach', authorRoles, async ({ trx, audit, open }) => {
    if (!open || open.status !== 'draft') throw new AppError('WRONG_STATE', { detail: '只能给正在编辑的草稿添加附件' });
    const existing = await listVersionAttachments(trx, open.id);
    if (existing.length >= maxAttachments) throw invalid(`每个版本最多 ${maxAttachments} 个附件`);
    await putPublicationFile(trx, sha256, input.content, audit.at);
    added = {
      id: randomUUID(), versionId: open.id, publicationId: id, agencyId: open.agencyId, position: existing.reduce((m, a) => Math.max(m, a.position), 0) + 1,
      fileName, mediaType, sizeBytes: input.content.length, sha256, createdAt: audit.at,
    };
    await insertAttachmentRow(trx, { ...added, createdBy: principal.userId });
    return { event: 'attachmentAdded', versionId: open.id, data: { attachmentId: added.id, fileName, sizeBytes: input.content.length, sha256 } };
  });
  return added!;
}

/** Removes a file from the open draft (the published version keeps its own). */
export async function removePublicationAttachment(deps: ServiceDeps, principal: Principal, id: string, attachmentId: string, input: { readonly version: number }): Promise<Publication> {
  return runPublicationAction(deps, principal, id, input.version, 'detach', authorRoles, async ({ trx, open }) => {
    const a = await findAttachmentRow(trx, attachmentId);
    if (!a || a.publicationId !== id) throw new AppError('NOT_FOUND', { what: '该附件' });
    if (!open || open.status !== 'draft' || a.versionId !== open.id) throw new AppError('WRONG_STATE', { detail: '只能删除正在编辑的草稿中的附件' });
    await deleteAttachmentRow(trx, attachmentId);
    await deleteUnreferencedFile(trx, a.sha256);
    return { event: 'attachmentRemoved', versionId: open.id, data: { attachmentId, fileName: a.fileName } };
  });
}

/**
 * Starts a change of a published (or withdrawn) item: a new draft version with the shown text,
 * formed on `changedOn` (第二十六条: 20 working days from the change). The shown version stays until
 * the new one is reviewed and published.
 */
export async function startChange(
  deps: ServiceDeps, principal: Principal, id: string, input: { readonly version: number; readonly changedOn?: string; readonly changeNote?: string },
): Promise<Publication> {
  return runPublicationAction(deps, principal, id, input.version, 'startChange', authorRoles, async ({ trx, audit, publication, open, shown, policy, calendar, today }) => {
    if (!canStartChange(publication.status) || !shown) throw new AppError('WRONG_STATE', { detail: '只有已发布或已撤回的信息可以变更' });
    if (open) throw new AppError('WRONG_STATE', { detail: `已有正在办理的第 ${open.number} 版` });
    const changedOn = checkLegalDate(input.changedOn ?? today, '变更日期', shown.publishedOn ?? '2004-01-01', today);
    const content = await mergeContent(trx, shown, { formedOn: changedOn, changeNote: input.changeNote ?? '' }, today);
    const versionId = randomUUID();
    const number = (await listVersions(trx, id)).reduce((m, v) => Math.max(m, v.number), 0) + 1;
    const publishBy = publishDeadline(calendar, changedOn, policy.publishWithinWorkdays);
    await insertVersionRow(trx, { id: versionId, publicationId: id, agencyId: publication.agencyId, number, content, publishBy, createdBy: principal.userId, at: audit.at });
    await copyAttachments(trx, shown.id, versionId, randomUUID, audit.at, principal.userId);
    return { event: 'changeStarted', versionId, data: { number, changedOn, publishBy } };
  });
}

/**
 * Discards work: a never-published publication is deleted (with its drafts and reviews); otherwise
 * the open version (draft, submitted or approved) is marked discarded and the shown one stays.
 */
export async function discardDraft(deps: ServiceDeps, principal: Principal, id: string, input: { readonly version: number }): Promise<{ deleted: boolean }> {
  requireRole(principal, ...authorRoles);
  const row = await findPublicationRow(deps.db, id);
  if (!row || !canAccessAgency(principal, row.agency_id)) throw new AppError('NOT_FOUND', { what: '该信息' });
  if (row.status === 'draft') {
    await withTransaction(deps, principal, async (trx, audit) => {
      const fresh = await findPublicationRow(trx, id);
      if (!fresh || fresh.status !== 'draft') throw new AppError('WRONG_STATE', { detail: '该信息已发布' });
      if (Number(fresh.version) !== input.version) throw new AppError('CONFLICT', { detail: '该信息已被他人修改，请刷新后重试' });
      const files = await trx.selectFrom('publication_attachment').select('sha256').where('publication_id', '=', id).execute();
      await deleteDraftPublication(trx, id);
      for (const f of new Set(files.map((x) => x.sha256))) await deleteUnreferencedFile(trx, f);
      await insertPublicationEvent(trx, {
        publicationId: id, agencyId: fresh.agency_id, versionId: null, kind: 'deleted', public: false, at: audit.at, actorId: principal.userId,
        actorName: principal.name, statusBefore: 'draft', statusAfter: null,
      });
      await audit.record({ action: 'publication.delete', entityType: 'publication', entityId: id, agencyId: fresh.agency_id, before: toPublication(fresh) });
    });
    return { deleted: true };
  }
  await runPublicationAction(deps, principal, id, input.version, 'discard', authorRoles, async ({ trx, audit, open }) => {
    if (!open) throw new AppError('WRONG_STATE', { detail: '没有正在办理的版本' });
    await updateVersionRow(trx, open.id, { status: 'discarded', updated_at: audit.at });
    return { event: 'discarded', versionId: open.id, data: { number: open.number } };
  });
  return { deleted: false };
}
