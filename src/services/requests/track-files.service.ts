/**
 * Downloads for the applicant, by 查询码 (the public track page): an issued letter as PDF or DOCX, a
 * file released with an issued reply. Anything else — a draft, a 征求意见书, an internal file, a file
 * or letter of another request, an unknown code — is the same NOT_FOUND, so nothing can be probed.
 */
import { AppError } from '../../core/errors.js';
import { findAttachment, findAttachmentContent } from '../../db/request-attachment.repository.js';
import { findLetter, listLetters } from '../../db/request-letter.repository.js';
import type { ServiceDeps } from '../deps.js';
import { isApplicantLetter, isReleasedToApplicant } from './applicant-files.js';
import { letterFile, type LetterFile, type LetterFormat } from './letter-export.service.js';
import { findByCode } from './portal.service.js';

const notFound = () => new AppError('NOT_FOUND', { what: '该文件' });

/** An issued letter of the code's request. @throws AppError(NOT_FOUND | RENDER_FAILED) */
export async function trackLetterFile(
  deps: ServiceDeps, code: string, letterId: string, format: LetterFormat, opts: { readonly chromiumPath: string },
): Promise<LetterFile> {
  const request = await findByCode(deps.db, code);
  const letter = await findLetter(deps.db, letterId);
  if (!letter || letter.requestId !== request.id || !isApplicantLetter(letter)) throw notFound();
  deps.logger.info({ requestId: request.id, letterId, format }, 'letter downloaded by the applicant');
  return letterFile(deps, letter, format, opts);
}

/** A file released to the code's request with an issued reply. @throws AppError(NOT_FOUND) */
export async function trackAttachmentFile(deps: ServiceDeps, code: string, attachmentId: string): Promise<LetterFile> {
  const request = await findByCode(deps.db, code);
  const attachment = await findAttachment(deps.db, attachmentId);
  if (!attachment || attachment.requestId !== request.id || !isReleasedToApplicant(attachment, await listLetters(deps.db, request.id))) throw notFound();
  const bytes = await findAttachmentContent(deps.db, attachmentId);
  if (!bytes) throw notFound();
  deps.logger.info({ requestId: request.id, attachmentId }, 'released file downloaded by the applicant');
  return { bytes, mediaType: attachment.mediaType, fileName: attachment.fileName };
}
