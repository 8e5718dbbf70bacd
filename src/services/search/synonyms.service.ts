/**
 * Agency-name synonyms for search: the built-in defaults (core), the groups configured by the
 * administrator (search_synonym) and every agency's full name ↔ short name, merged into one matcher
 * that is cached per database until the portal's data version moves.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../core/errors.js';
import { buildSynonymMatcher, defaultAgencySynonyms, type SynonymGroup, type SynonymMatcher } from '../../core/search/synonyms.js';
import { listAgencyRows } from '../../db/agency.repository.js';
import { bumpSearchVersion } from '../../db/search.repository.js';
import { deleteSynonymGroupRow, insertSynonymGroupRow, listSynonymGroupRows } from '../../db/search-texts.repository.js';
import { requireRole, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { withTransaction } from '../with-transaction.js';
import { notifyPortalChange } from './data-version.js';

export interface ConfiguredSynonymGroup {
  readonly id: string;
  readonly phrases: readonly string[];
  readonly updatedAt: string;
}

const cache = new WeakMap<object, { version: string; matcher: SynonymMatcher }>();

/** The matcher for a data version (built once per version and database). */
export async function loadSynonymMatcher(deps: Pick<ServiceDeps, 'db'>, version: string): Promise<SynonymMatcher> {
  const hit = cache.get(deps.db);
  if (hit && hit.version === version) return hit.matcher;
  const configured = (await listSynonymGroupRows(deps.db)).map((g) => g.phrases);
  const directory: SynonymGroup[] = (await listAgencyRows(deps.db, 'all'))
    .filter((a) => a.shortName && a.shortName !== a.name)
    .map((a) => [a.name, a.shortName]);
  const matcher = buildSynonymMatcher([...defaultAgencySynonyms, ...configured, ...directory]);
  cache.set(deps.db, { version, matcher });
  return matcher;
}

export async function listSynonymGroups(deps: ServiceDeps, principal: Principal): Promise<ConfiguredSynonymGroup[]> {
  requireRole(principal, 'admin');
  return listSynonymGroupRows(deps.db);
}

/** Adds a group of interchangeable names (2–20 phrases of 2–60 characters). @throws AppError(FORBIDDEN | REQUEST_INVALID) */
export async function addSynonymGroup(deps: ServiceDeps, principal: Principal, phrases: readonly string[]): Promise<ConfiguredSynonymGroup> {
  requireRole(principal, 'admin');
  const clean = [...new Set((phrases ?? []).map((p) => String(p ?? '').trim()).filter(Boolean))];
  if (clean.length < 2 || clean.length > 20) throw new AppError('REQUEST_INVALID', { detail: '同义词组应包含 2 至 20 个名称' });
  const bad = clean.find((p) => [...p].length < 2 || [...p].length > 60);
  if (bad) throw new AppError('REQUEST_INVALID', { detail: `名称“${bad.slice(0, 60)}”的长度应为 2 至 60 个字` });
  const added = await withTransaction(deps, principal, async (trx, audit) => {
    const group = { id: randomUUID(), phrases: clean, updatedAt: audit.at };
    await insertSynonymGroupRow(trx, group, principal.userId);
    await bumpSearchVersion(trx, audit.at);
    await audit.record({ action: 'search.synonyms.add', entityType: 'search_synonym', entityId: group.id, agencyId: null, after: group });
    return group;
  });
  notifyPortalChange(deps);
  return added;
}

/** @throws AppError(FORBIDDEN | NOT_FOUND) */
export async function removeSynonymGroup(deps: ServiceDeps, principal: Principal, id: string): Promise<void> {
  requireRole(principal, 'admin');
  await withTransaction(deps, principal, async (trx, audit) => {
    const before = (await listSynonymGroupRows(trx)).find((g) => g.id === id);
    if (!before) throw new AppError('NOT_FOUND', { what: '该同义词组' });
    await deleteSynonymGroupRow(trx, id);
    await bumpSearchVersion(trx, audit.at);
    await audit.record({ action: 'search.synonyms.remove', entityType: 'search_synonym', entityId: id, agencyId: null, before });
  });
  notifyPortalChange(deps);
}
