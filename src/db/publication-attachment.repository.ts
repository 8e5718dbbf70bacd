/** publication_attachment rows (per version) and publication_file bytes (once per SHA-256). */
import type { Kysely } from 'kysely';
import type { PublicationAttachment } from '../core/publications/publication.js';
import type { Database, PublicationAttachmentRow } from './schema.js';

export const toAttachment = (r: PublicationAttachmentRow): PublicationAttachment => ({
  id: r.id, versionId: r.version_id, publicationId: r.publication_id, agencyId: r.agency_id, position: Number(r.position),
  fileName: r.file_name, mediaType: r.media_type, sizeBytes: Number(r.size_bytes), sha256: r.sha256, createdAt: r.created_at,
});

/** Stores the bytes unless a file with this SHA-256 is stored already. */
export async function putPublicationFile(db: Kysely<Database>, sha256: string, content: Uint8Array, at: string): Promise<void> {
  await db
    .insertInto('publication_file')
    .values({ sha256, size_bytes: content.length, content: Buffer.from(content), created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function insertAttachmentRow(db: Kysely<Database>, a: PublicationAttachment & { createdBy: string | null }): Promise<void> {
  await db.insertInto('publication_attachment').values({
    id: a.id, version_id: a.versionId, publication_id: a.publicationId, agency_id: a.agencyId, position: a.position, file_name: a.fileName,
    media_type: a.mediaType, size_bytes: a.sizeBytes, sha256: a.sha256, created_by: a.createdBy, created_at: a.createdAt,
  }).execute();
}

export async function listVersionAttachments(db: Kysely<Database>, versionId: string): Promise<PublicationAttachment[]> {
  const rows = await db.selectFrom('publication_attachment').selectAll().where('version_id', '=', versionId).orderBy('position').orderBy('id').execute();
  return rows.map(toAttachment);
}

export async function findAttachmentRow(db: Kysely<Database>, id: string): Promise<PublicationAttachment | null> {
  const row = await db.selectFrom('publication_attachment').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAttachment(row) : null;
}

export async function findFileContent(db: Kysely<Database>, sha256: string): Promise<Uint8Array | null> {
  const row = await db.selectFrom('publication_file').select('content').where('sha256', '=', sha256).executeTakeFirst();
  return row ? new Uint8Array(row.content) : null;
}

export async function deleteAttachmentRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('publication_attachment').where('id', '=', id).execute();
}

/** Removes stored bytes no attachment refers to any more. */
export async function deleteUnreferencedFile(db: Kysely<Database>, sha256: string): Promise<void> {
  const used = await db.selectFrom('publication_attachment').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  if (!used) await db.deleteFrom('publication_file').where('sha256', '=', sha256).execute();
}

/** Copies the attachment rows of one version to another (the bytes are shared). */
export async function copyAttachments(db: Kysely<Database>, fromVersionId: string, toVersionId: string, newId: () => string, at: string, by: string | null): Promise<void> {
  for (const a of await listVersionAttachments(db, fromVersionId)) {
    await insertAttachmentRow(db, { ...a, id: newId(), versionId: toVersionId, createdAt: at, createdBy: by });
  }
}
