/** request_attachment: files of a request, stored in the database with their SHA-256. */
import type { Kysely } from 'kysely';
import type { AttachmentPurpose, RequestAttachment } from '../core/requests/records.js';
import type { Database, RequestAttachmentRow } from './schema.js';

const infoColumns = ['id', 'request_id', 'agency_id', 'letter_id', 'purpose', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_by', 'created_at'] as const;

export function toRequestAttachment(row: Omit<RequestAttachmentRow, 'content'>): RequestAttachment {
  return {
    id: row.id, requestId: row.request_id, agencyId: row.agency_id, letterId: row.letter_id, purpose: row.purpose as AttachmentPurpose,
    fileName: row.file_name, mediaType: row.media_type, sizeBytes: Number(row.size_bytes), sha256: row.sha256,
    createdBy: row.created_by, createdAt: row.created_at,
  };
}

export async function insertAttachment(db: Kysely<Database>, a: RequestAttachment, content: Uint8Array): Promise<void> {
  await db
    .insertInto('request_attachment')
    .values({
      id: a.id, request_id: a.requestId, agency_id: a.agencyId, letter_id: a.letterId, purpose: a.purpose, file_name: a.fileName,
      media_type: a.mediaType, size_bytes: a.sizeBytes, sha256: a.sha256, content: Buffer.from(content), created_by: a.createdBy, created_at: a.createdAt,
    })
    .execute();
}

export async function listAttachments(db: Kysely<Database>, requestId: string): Promise<RequestAttachment[]> {
  const rows = await db.selectFrom('request_attachment').select([...infoColumns]).where('request_id', '=', requestId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toRequestAttachment);
}

export async function findAttachment(db: Kysely<Database>, id: string): Promise<RequestAttachment | null> {
  const row = await db.selectFrom('request_attachment').select([...infoColumns]).where('id', '=', id).executeTakeFirst();
  return row ? toRequestAttachment(row) : null;
}

export async function findAttachmentContent(db: Kysely<Database>, id: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('request_attachment').select('content').where('id', '=', id).executeTakeFirst();
  return row ? new Uint8Array(row.content) : null;
}

export async function deleteAttachmentRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('request_attachment').where('id', '=', id).execute();
}
