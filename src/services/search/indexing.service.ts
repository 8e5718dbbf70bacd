/**
 * Keeping the search index equal to what is published. The publications write a public change
 * feed (publication_event with public = 1); the index applies it in order, remembering the last
 * change applied (search_state 'cursor') in the same transaction as the index rows, so a crash or a
 * second process never skips or double-applies a change. For every changed item the index reads
 * the item as published NOW: published → (re)indexed with its version in force; withdrawn or never
 * published → removed. Runs after each public change (the publications' hook) and before the
 * portal serves a page whose data version moved (portal-state.ts), so no process depends on a timer.
 */
import { sql } from 'kysely';
import type { Agency } from '../../core/agencies/agency.js';
import type { IndexInput, PublishedItem } from '../../core/search/document.js';
import { htmlToText } from '../../core/search/html-text.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { isPostgresDb } from '../../db/search-dialect.js';
import { findPublishedItem, latestPublicChangeId, listPublicChangesAfter, listPublishedIds } from '../../db/search-feed.js';
import {
  bumpSearchVersion, clearSearchIndex, deleteSearchDocument, readSearchState, upsertSearchDocument, writeSearchState,
} from '../../db/search.repository.js';
import type { ServiceDeps } from '../deps.js';

/** The index row of a published item of an agency. */
export function indexInputOf(item: PublishedItem, agency: Pick<Agency, 'id' | 'path' | 'name'>): IndexInput {
  return {
    itemId: item.id, versionId: item.versionId, agencyId: item.agencyId, agencyPath: agency.path,
    title: item.title, documentNumber: item.documentNumber, indexNumber: item.indexNumber, publisher: item.publisher || agency.name,
    summary: item.summary, bodyText: htmlToText(item.bodyHtml), attachmentNames: item.attachments.map((a) => a.fileName),
    topic: item.topic, genre: item.genre, year: Number(item.publishedOn.slice(0, 4)), validity: item.validity,
    article20Item: item.article20Item, writtenOn: item.writtenOn, publishedOn: item.publishedOn,
  };
}

/** Re-reads one item and makes its index row match (indexed, re-indexed or removed). */
export async function reindexItem(db: ServiceDeps['db'], itemId: string, at: string): Promise<'indexed' | 'removed' | 'absent'> {
  const item = await findPublishedItem(db, itemId);
  const agency = item ? await findAgencyById(db, item.agencyId) : null;
  if (item && agency && item.publishedOn) {
    await upsertSearchDocument(db, indexInputOf(item, agency), at);
    return 'indexed';
  }
  return (await deleteSearchDocument(db, itemId)) ? 'removed' : 'absent';
}

const lockKey = 7_264_385_101; // pg advisory lock of the index writer
const inFlight = new WeakMap<object, Promise<number>>();

/** Applies pending public changes (batches of `batch`). Single-flight per database in a process. @returns changes applied */
export function syncSearchIndex(deps: ServiceDeps, opts: { batch?: number } = {}): Promise<number> {
  const running = inFlight.get(deps.db);
  if (running) return running.then(() => syncSearchIndex(deps, opts));
  const run = applyPendingChanges(deps, opts.batch ?? 200).finally(() => inFlight.delete(deps.db));
  inFlight.set(deps.db, run);
  return run;
}

async function applyPendingChanges(deps: ServiceDeps, batch: number): Promise<number> {
  let applied = 0;
  for (;;) {
    const done = await deps.db.transaction().execute(async (trx) => {
      if (isPostgresDb(trx)) await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
      const cursor = await readSearchState(trx, 'cursor');
      const changes = await listPublicChangesAfter(trx, cursor, batch);
      if (changes.length === 0) return true;
      const at = deps.clock.now().toISOString();
      for (const id of new Set(changes.map((c) => c.publicationId))) await reindexItem(trx, id, at);
      await writeSearchState(trx, 'cursor', changes[changes.length - 1]!.id, at);
      await bumpSearchVersion(trx, at);
      applied += changes.length;
      return changes.length < batch;
    });
    if (done) break;
  }
  if (applied > 0) deps.logger.info({ applied }, 'search index synced');
  return applied;
}

/** Whether the feed has changes the index has not applied. */
export async function searchIndexIsBehind(deps: Pick<ServiceDeps, 'db'>): Promise<boolean> {
  return (await latestPublicChangeId(deps.db)) > (await readSearchState(deps.db, 'cursor'));
}

/** Rebuilds the whole index from the published items (e.g. after a restore). @returns items indexed */
export async function rebuildSearchIndex(deps: ServiceDeps): Promise<number> {
  let indexed = 0;
  await deps.db.transaction().execute(async (trx) => {
    if (isPostgresDb(trx)) await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
    const at = deps.clock.now().toISOString();
    const cursor = await latestPublicChangeId(trx);
    await clearSearchIndex(trx);
    for (let after = ''; ;) {
      const ids = await listPublishedIds(trx, after, 500);
      if (ids.length === 0) break;
      for (const id of ids) if ((await reindexItem(trx, id, at)) === 'indexed') indexed++;
      after = ids[ids.length - 1]!;
    }
    await writeSearchState(trx, 'cursor', cursor, at);
    await bumpSearchVersion(trx, at);
  });
  // merge the full-text index's segments into one (SQLite; PostgreSQL's GIN index needs nothing)
  if (!isPostgresDb(deps.db)) await sql`insert into search_fts (search_fts) values ('optimize')`.execute(deps.db);
  deps.logger.info({ indexed }, 'search index rebuilt');
  return indexed;
}
