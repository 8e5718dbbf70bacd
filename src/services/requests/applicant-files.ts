/**
 * What a request's applicant may download with the 查询码 (the status page and its downloads): the
 * letters ISSUED to the applicant (never a draft, never the 征求意见书 addressed to a third party) and
 * the files RELEASED with an issued reply (purpose `released`, sent with that letter) — never files
 * kept for the record (`incoming`, `other`), nor released files not yet sent.
 */
import type { Kysely } from 'kysely';
import type { RequestAttachment, RequestLetter } from '../../core/requests/records.js';
import { listAttachments } from '../../db/request-attachment.repository.js';
import { listLetters } from '../../db/request-letter.repository.js';
import type { Database } from '../../db/schema.js';

export interface TrackAttachment {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  /** The title of the letter it was released with. */
  readonly letterTitle: string;
}

/** Whether the applicant may see a letter: issued, and addressed to the applicant. */
export const isApplicantLetter = (l: RequestLetter): boolean => l.status === 'issued' && l.kind !== 'consultationLetter';

/** Whether the applicant may download an attachment, given the request's letters. */
export function isReleasedToApplicant(a: RequestAttachment, letters: readonly RequestLetter[]): boolean {
  if (a.purpose !== 'released' || a.letterId === null) return false;
  const letter = letters.find((l) => l.id === a.letterId);
  return letter !== undefined && letter.requestId === a.requestId && isApplicantLetter(letter);
}

/** The applicant's letters and released files of a request, in order. */
export async function applicantFiles(db: Kysely<Database>, requestId: string): Promise<{ letters: RequestLetter[]; attachments: TrackAttachment[] }> {
  const letters = await listLetters(db, requestId);
  const attachments = (await listAttachments(db, requestId)).filter((a) => isReleasedToApplicant(a, letters)).map((a) => ({
    id: a.id, fileName: a.fileName, mediaType: a.mediaType, sizeBytes: a.sizeBytes, letterTitle: letters.find((l) => l.id === a.letterId)?.title ?? '',
  }));
  return { letters: letters.filter(isApplicantLetter), attachments };
}
