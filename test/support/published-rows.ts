/**
 * Published items written straight into the publication tables, for tests and benches that need
 * many of them (hundreds on both dialects). Each row passes the database's review guard the honest
 * way: a draft version, an approved 保密审查 and 发布审查 of it, then the version and the publication
 * marked published — plus the public 'published' event the search index consumes. The workflow
 * itself (who may do what) is the publications services' business and tested there; the browser
 * test publishes through them.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { corpusAgencies, type CorpusItem } from './search-corpus.js';
import { createAgency } from '../../src/services/agencies.service.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import type { ServiceDeps } from '../../src/services/deps.js';

export interface PublishedRow {
  readonly id: string;
  readonly agencyId: string;
  readonly indexNumber: string;
  readonly title: string;
  readonly summary: string;
  readonly bodyHtml: string;
  readonly publisher: string;
  readonly documentNumber: string;
  readonly writtenOn: string | null;
  readonly publishedOn: string;
  readonly topic: string;
  readonly genre: string;
  readonly article20Item: number | null;
  readonly validity: 'valid' | 'expired' | 'repealed';
}

/** Inserts published items (each with its guard-satisfying reviews and a public event). */
export async function insertPublishedRows(db: Kysely<Database>, rows: readonly PublishedRow[], at = '2026-03-01T00:00:00.000Z'): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const versionId = randomUUID();
      const cr = randomUUID();
      const rr = randomUUID();
      await trx.insertInto('publication').values({ id: r.id, agency_id: r.agencyId, status: 'draft', created_at: at, updated_at: at }).execute();
      await trx.insertInto('publication_version').values({
        id: versionId, publication_id: r.id, agency_id: r.agencyId, number: 1, status: 'draft', title: r.title, summary: r.summary,
        body_html: r.bodyHtml, publisher: r.publisher, document_number: r.documentNumber, written_on: r.writtenOn, formed_on: r.writtenOn ?? r.publishedOn,
        publish_by: r.publishedOn, topic: r.topic, genre: r.genre, article20_item: r.article20Item, created_at: at, updated_at: at,
      }).execute();
      for (const [id, kind] of [[cr, 'confidentiality'], [rr, 'release']] as const) {
        await trx.insertInto('publication_review').values({
          id, version_id: versionId, publication_id: r.id, agency_id: r.agencyId, kind, decision: 'approved', round: 1,
          reviewer_name: '测试审查人', reviewed_on: r.publishedOn, at,
        }).execute();
      }
      await trx.updateTable('publication_version').set({
        status: 'published', review_round: 1, confidentiality_review_id: cr, release_review_id: rr, published_at: at, published_on: r.publishedOn,
      }).where('id', '=', versionId).execute();
      await trx.updateTable('publication').set({
        status: 'published', index_number: r.indexNumber, published_version_id: versionId, published_confidentiality_review_id: cr,
        published_release_review_id: rr, title: r.title, document_number: r.documentNumber, topic: r.topic, genre: r.genre,
        article20_item: r.article20Item, written_on: r.writtenOn, first_published_on: r.publishedOn, published_on: r.publishedOn,
        validity: r.validity, validity_ended_on: r.validity === 'valid' ? null : r.publishedOn,
      }).where('id', '=', r.id).execute();
      await trx.insertInto('publication_event').values({
        publication_id: r.id, agency_id: r.agencyId, version_id: versionId, kind: 'published', public: 1, at, status_before: 'draft', status_after: 'published',
      }).execute();
    }
  });
}

/** Creates the corpus's agencies (a district and its departments/towns). @returns key → id */
export async function createCorpusAgencies(deps: ServiceDeps): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const admin = systemPrincipal('测试');
  for (const a of corpusAgencies) {
    const created = await createAgency(deps, admin, {
      name: a.name, shortName: a.shortName, kind: a.kind, parentId: a.parent ? ids.get(a.parent)! : null,
      office: { officeName: `${a.shortName}办公室`, address: `重庆市梁平区演示路${ids.size + 1}号`, officeHours: '工作日 9:00—17:00', phone: `023-5322${String(ids.size).padStart(4, '0')}` },
    });
    ids.set(a.key, created.id);
  }
  return ids;
}

/** A corpus item as a published row of the agency ids given. */
export function corpusRow(item: CorpusItem, agencyIds: ReadonlyMap<string, string>): PublishedRow {
  const agency = corpusAgencies.find((a) => a.key === item.agencyKey)!;
  return {
    id: item.id, agencyId: agencyIds.get(item.agencyKey)!, indexNumber: item.indexNumber, title: item.title, summary: item.summary,
    bodyHtml: `<p>${item.body.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</p>`,
    publisher: agency.name, documentNumber: item.documentNumber, writtenOn: item.writtenOn, publishedOn: item.publishedOn,
    topic: item.topic, genre: item.genre, article20Item: item.article20Item, validity: item.validity,
  };
}
