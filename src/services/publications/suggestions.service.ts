/**
 * 依申请转主动 (条例第四十四条): released requests (予以公开 / 部分公开) of the agencies in reach, grouped by
 * the same 文号 or alike descriptions (src/core/publications/suggestions.ts), asked by several
 * applicants, and not yet the source of a publication — with the requests listed, so the console can
 * start a draft from them (sourceRequestIds, 公开方式 "依申请公开转主动公开").
 */
import { formatIsoDate, parseIsoDate } from '../../core/calendar/day-number.js';
import { suggestPublications, type ReleasedRequest, type Suggestion, type SuggestionOptions } from '../../core/publications/suggestions.js';
import { canAccessAgency, visibleAgencyIds, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';

export interface SuggestionQuery extends Partial<SuggestionOptions> {
  readonly agencyId?: string;
  /** Replies on or after this date (default: two years before today). */
  readonly since?: string;
}

/** Requests already named as the source of a publication version. */
async function usedRequestIds(deps: ServiceDeps, agencyIds: 'all' | readonly string[]): Promise<Set<string>> {
  let q = deps.db.selectFrom('publication_version').select('source_request_ids').where('source_request_ids', '<>', '[]').where('status', '<>', 'discarded');
  if (agencyIds !== 'all') q = q.where('agency_id', 'in', agencyIds);
  const used = new Set<string>();
  for (const r of await q.execute()) for (const id of JSON.parse(r.source_request_ids) as string[]) used.add(id);
  return used;
}

export async function listPublicationSuggestions(deps: ServiceDeps, principal: Principal, q: SuggestionQuery = {}): Promise<Suggestion[]> {
  const agencyIds = q.agencyId ? (canAccessAgency(principal, q.agencyId) ? [q.agencyId] : []) : visibleAgencyIds(principal);
  if (agencyIds !== 'all' && agencyIds.length === 0) return [];
  const since = q.since ?? formatIsoDate(parseIsoDate(deps.clock.today())! - 730);
  let query = deps.db
    .selectFrom('disclosure_request')
    .select(['id', 'reference', 'agency_id', 'description', 'document_number', 'applicant_id_number', 'applicant_name', 'replied_on', 'outcome'])
    .where('outcome', 'in', ['granted', 'partial'])
    .where('replied_on', '>=', since);
  if (agencyIds !== 'all') query = query.where('agency_id', 'in', agencyIds);
  const used = await usedRequestIds(deps, agencyIds);
  const released: ReleasedRequest[] = (await query.execute())
    .filter((r) => !used.has(r.id))
    .map((r) => ({
      id: r.id, reference: r.reference, agencyId: r.agency_id, description: r.description, documentNumber: r.document_number,
      applicantKey: r.applicant_id_number.trim() || r.applicant_name.trim(), repliedOn: r.replied_on ?? '', outcome: r.outcome ?? '',
    }));
  const options: Partial<SuggestionOptions> = {
    ...(q.minApplicants !== undefined && { minApplicants: Math.max(1, Math.trunc(q.minApplicants)) }),
    ...(q.threshold !== undefined && { threshold: Math.min(Math.max(q.threshold, 0.2), 1) }),
  };
  return suggestPublications(released, options);
}
