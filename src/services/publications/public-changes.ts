/**
 * In-process notification of public changes (published, changed, withdrawn, validity) for caches
 * and the search index, per database: `subscribePublicChanges(deps, listener)` returns an
 * unsubscribe function. Listeners run after the commit; a failing listener is logged, never undoes
 * the change. Across processes, read the feed `listPublicChanges` (published.service.ts) by cursor.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ServiceDeps } from '../deps.js';

export type PublicChangeKind = 'published' | 'changed' | 'withdrawn' | 'validity';

export interface PublicChange {
  /** The event id (the feed cursor). */
  readonly eventId: number;
  readonly kind: PublicChangeKind;
  readonly publicationId: string;
  readonly agencyId: string;
  readonly indexNumber: string | null;
  readonly at: string;
}

export type PublicChangeListener = (change: PublicChange) => void | Promise<void>;

const listeners = new WeakMap<Kysely<Database>, Set<PublicChangeListener>>();

export function subscribePublicChanges(deps: Pick<ServiceDeps, 'db'>, listener: PublicChangeListener): () => void {
  let set = listeners.get(deps.db);
  if (!set) listeners.set(deps.db, (set = new Set()));
  set.add(listener);
  return () => { set.delete(listener); };
}

/** Called by the services after the commit of a public change. */
export async function notifyPublicChange(deps: ServiceDeps, change: PublicChange): Promise<void> {
  for (const listener of listeners.get(deps.db) ?? []) {
    try {
      await listener(change);
    } catch (err) {
      deps.logger.error({ err, publicationId: change.publicationId, kind: change.kind }, 'public change listener failed');
    }
  }
}
