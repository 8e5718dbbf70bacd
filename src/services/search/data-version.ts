/**
 * The portal's data version: one key that changes whenever anything a public page shows changes —
 * the publications' public change feed, the agencies (names, office details), closed report years,
 * and the index's own counter (synonyms, column texts, rebuilds). Pages are cached per version.
 *
 * Checked at most every `checkIntervalMs` (another process's changes are seen within that time)
 * and at once after `notifyPortalChange` (this process's changes: the publications' hook). When the
 * feed is ahead of the search index, the index is synced before the new version is returned, so a
 * page rendered at a version always sees the index of that version.
 */
import { readPortalVersionParts } from '../../db/search-feed.js';
import type { ServiceDeps } from '../deps.js';
import { subscribePublicChanges } from '../publications/public-changes.js';
import { syncSearchIndex } from './indexing.service.js';

export interface PortalVersion {
  readonly key: string;
  /** HTTP date of the latest change (Last-Modified). */
  readonly lastModified: string;
}

interface State {
  version: PortalVersion | null;
  checkedAt: number;
  dirty: boolean;
  pending: Promise<PortalVersion> | null;
}

const states = new WeakMap<object, State>();

const stateOf = (deps: Pick<ServiceDeps, 'db'>): State => {
  let s = states.get(deps.db);
  if (!s) {
    const state: State = { version: null, checkedAt: 0, dirty: true, pending: null };
    states.set(deps.db, (s = state));
    // this process's publications announce their public changes after the commit
    subscribePublicChanges(deps, () => {
      state.dirty = true;
    });
  }
  return s;
};

/** Marks the data as changed; the next page checks at once (publications' public changes do this by themselves). */
export function notifyPortalChange(deps: Pick<ServiceDeps, 'db'>): void {
  stateOf(deps).dirty = true;
}

const httpDate = (iso: string | null): string => new Date(iso ?? 0).toUTCString();

async function refresh(deps: ServiceDeps, state: State): Promise<PortalVersion> {
  state.dirty = false;
  let parts = await readPortalVersionParts(deps.db);
  if (parts.feedId > parts.cursor) {
    await syncSearchIndex(deps);
    parts = await readPortalVersionParts(deps.db);
  }
  const latest = [parts.feedAt, parts.agenciesAt, parts.reportsAt, parts.ownAt].filter((x): x is string => !!x).sort().pop() ?? null;
  const version = { key: `${parts.feedId}|${parts.agencies}|${parts.reports}|${parts.own}`, lastModified: httpDate(latest) };
  state.version = version;
  state.checkedAt = performance.now();
  return version;
}

/** The current data version (from memory when checked less than `checkIntervalMs` ago and nothing was notified). */
export function portalVersion(deps: ServiceDeps, checkIntervalMs = 1000): PortalVersion | Promise<PortalVersion> {
  const state = stateOf(deps);
  if (state.version && !state.dirty && performance.now() - state.checkedAt < checkIntervalMs) return state.version;
  if (state.pending) return state.pending;
  const pending = refresh(deps, state).finally(() => {
    state.pending = null;
  });
  state.pending = pending;
  return pending;
}
