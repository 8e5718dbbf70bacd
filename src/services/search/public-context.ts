/**
 * What every portal page needs besides its own data, loaded once per data version and database:
 * the agency tree (names, kinds, paths, office details) and the vocabulary labels (主题分类, 体裁).
 */
import type { Agency } from '../../core/agencies/agency.js';
import { sortAgenciesAsTree } from '../../core/agencies/tree.js';
import { validityLabels } from '../../core/publications/publication.js';
import { listAgencyRows } from '../../db/agency.repository.js';
import { listVocabularyLabels } from '../../db/search-texts.repository.js';
import type { ServiceDeps } from '../deps.js';

export interface PortalContext {
  readonly version: string;
  /** Depth-first. */
  readonly agencies: readonly Agency[];
  readonly agencyById: ReadonlyMap<string, Agency>;
  /** [code, label] in vocabulary order. */
  readonly topics: readonly (readonly [string, string])[];
  readonly genres: readonly (readonly [string, string])[];
  topicLabel(code: string): string;
  genreLabel(code: string): string;
  validityLabel(code: string): string;
  /** The agency's full name ('' when unknown). */
  agencyLabel(id: string): string;
}

const cache = new WeakMap<object, PortalContext>();

export async function loadPortalContext(deps: Pick<ServiceDeps, 'db'>, version: string): Promise<PortalContext> {
  const hit = cache.get(deps.db);
  if (hit && hit.version === version) return hit;
  const agencies = sortAgenciesAsTree(await listAgencyRows(deps.db, 'all'));
  const vocab = await listVocabularyLabels(deps.db);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const topics = new Map(vocab.topic);
  const genres = new Map(vocab.genre);
  const context: PortalContext = {
    version, agencies, agencyById, topics: vocab.topic, genres: vocab.genre,
    topicLabel: (code) => topics.get(code) ?? code,
    genreLabel: (code) => genres.get(code) ?? code,
    validityLabel: (code) => (validityLabels as Record<string, string>)[code] ?? code,
    agencyLabel: (id) => agencyById.get(id)?.name ?? '',
  };
  cache.set(deps.db, context);
  return context;
}
