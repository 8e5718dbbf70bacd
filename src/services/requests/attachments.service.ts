/**
 * Files of a request (the information released, the application as received, …): stored in the
 * database with their SHA-256, size-limited, and of a whitelisted type recognized by content as well
 * as by name (PDF, OFD, Word, Excel, images, plain text, ZIP).
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { attachmentPurposes, type AttachmentPurpose, type RequestAttachment } from '../../core/requests/records.js';
import type { RequestStatus } from '../../core/requests/states.js';
import { deleteAttachmentRow, findAttachment, findAttachmentContent, insertAttachment, listAttachments } from '../../db/request-attachment.repository.js';
import { findLetter } from '../../db/request-letter.repository.js';
import { findRequestRow } from '../../db/request.repository.js';
import { canAccessAgency, requireRole, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction } from '../with-transaction.js';

/** Largest attachment accepted (the HTTP body limit, UPLOAD_LIMIT_MB, may be lower). */
export const attachmentMaxBytes = 50 * 1024 * 1024;

type Sniff = 'pdf' | 'zip' | 'ole' | 'jpeg' | 'png' | 'gif' | 'text';
const types: Readonly<Record<string, { mediaType: string; sniff: Sniff }>> = {
  pdf: { mediaType: 'application/pdf', sniff: 'pdf' },
  ofd: { mediaType: 'application/ofd', sniff: 'zip' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sniff: 'zip' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', sniff: 'zip' },
  doc: { mediaType: 'application/msword', sniff: 'ole' },
  xls: { mediaType: 'application/vnd.ms-excel', sniff: 'ole' },
  zip: { mediaType: 'application/zip', sniff: 'zip' },
  jpg: { mediaType: 'image/jpeg', sniff: 'jpeg' },
  jpeg: { mediaType: 'image/jpeg', sniff: 'jpeg' },
  png: { mediaType: 'image/png', sniff: 'png' },
  gif: { mediaType: 'image/gif', sniff: 'gif' },
  txt: { mediaType: 'text/plain; charset=utf-8', sniff: 'text' },
};
export const attachmentExtensions = Object.keys(types);

const starts = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);
function sniffs(b: Uint8Array, kind: Sniff): boolean {
  switch (kind) {
    case 'pdf': return starts(b, [0x25, 0x50, 0x44, 0x46]);
    case 'zip': return starts(b, [0x50, 0x4b, 0x03, 0x04]);
    case 'ole': return starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    case 'jpeg': return starts(b, [0xff, 0xd8, 0xff]);
    case 'png': return starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'gif': return starts(b, [0x47, 0x49, 0x46, 0x38]);
    case 'text':
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, 65536));
        return !b.subarray(0, 65536).includes(0);
      } catch {
        return false;
      }
  }
}

/** The stored media type of a file, from its extension checked against its first bytes. @throws AppError(FILE_TYPE_UNSUPPORTED) */
export function attachmentMediaType(fileName: string, content: Uint8Array): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const t = types[ext];
  if (!t || !sniffs(content, t.sniff)) throw new AppError('ATTACHMENT_TYPE_UNSUPPORTED', { type: ext || '未知', allowed: attachmentExtensions.join('、') });
  return t.mediaType;
}

const cleanName = (name: string): string => {
  const base = [...name.replace(/^.*[\\/]/, '')].map((c) => (c.charCodeAt(0) < 32 || '"<>|:*?'.includes(c) ? '_' : c)).join('').trim();
  return [...base].slice(-120).join('') || 'file';
};

const attachable: readonly RequestStatus[] = ['registered', 'inProgress', 'awaitingClarification', 'consulting', 'awaitingFee', 'awaitingApproval', 'approved', 'replied', 'closed'];

export async function addAttachment(
  deps: ServiceDeps, principal: Principal, requestId: string,
  input: { readonly fileName: string; readonly content: Uint8Array; readonly purpose: AttachmentPurpose },
): Promise<RequestAttachment> {
  requireRole(principal, 'handler', 'head', 'admin');
  if (!attachmentPurposes.includes(input.purpose)) throw new AppError('REQUEST_INVALID', { detail: '附件用途应为 released、incoming 或 other' });
  if (input.content.length === 0) throw new AppError('REQUEST_INVALID', { detail: '文件为空' });
  if (input.content.length > attachmentMaxBytes) throw new AppError('FILE_TOO_LARGE', { limitMb: attachmentMaxBytes / 1024 / 1024 });
  const fileName = cleanName(input.fileName);
  const mediaType = attachmentMediaType(fileName, input.content);
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  return withTransaction(deps, principal, async (trx, audit) => {
    const row = await findRequestRow(trx, requestId);
    if (!row || !canAccessAgency(principal, row.agency_id)) throw new AppError('NOT_FOUND', { what: '该申请' });
    if (!attachable.includes(row.status as RequestStatus)) throw new AppError('WRONG_STATE', { detail: '已作废或已归档的申请不能再添加附件' });
    const a: RequestAttachment = {
      id: randomUUID(), requestId, agencyId: row.agency_id, letterId: null, purpose: input.purpose, fileName, mediaType,
      sizeBytes: input.content.length, sha256, createdBy: principal.userId, createdAt: audit.at,
    };
    await insertAttachment(trx, a, input.content);
    await audit.record({ action: 'attachment.add', entityType: 'attachment', entityId: a.id, agencyId: row.agency_id, requestId, after: a });
    return a;
  });
}

export async function listRequestAttachments(deps: ServiceDeps, principal: Principal, requestId: string): Promise<RequestAttachment[]> {
  const row = await findRequestRow(deps.db, requestId);
  if (!row || !canAccessAgency(principal, row.agency_id)) throw new AppError('NOT_FOUND', { what: '该申请' });
  return listAttachments(deps.db, requestId);
}

export async function getAttachmentFile(deps: ServiceDeps, principal: Principal, id: string): Promise<{ attachment: RequestAttachment; content: Uint8Array }> {
  const a = await findAttachment(deps.db, id);
  if (!a || !canAccessAgency(principal, a.agencyId)) throw new AppError('NOT_FOUND', { what: '该附件' });
  const content = await findAttachmentContent(deps.db, id);
  if (!content) throw new AppError('NOT_FOUND', { what: '该附件' });
  return { attachment: a, content };
}

/** Deletes an attachment not yet sent with an issued letter. */
export async function deleteAttachment(deps: ServiceDeps, principal: Principal, id: string): Promise<void> {
  requireRole(principal, 'handler', 'head', 'admin');
  await withTransaction(deps, principal, async (trx, audit) => {
    const a = await findAttachment(trx, id);
    if (!a || !canAccessAgency(principal, a.agencyId)) throw new AppError('NOT_FOUND', { what: '该附件' });
    if (a.letterId && (await findLetter(trx, a.letterId))?.status === 'issued') throw new AppError('WRONG_STATE', { detail: '已随答复发出的附件不能删除' });
    await deleteAttachmentRow(trx, id);
    await audit.record({ action: 'attachment.delete', entityType: 'attachment', entityId: id, agencyId: a.agencyId, requestId: a.requestId, before: a });
  });
}
