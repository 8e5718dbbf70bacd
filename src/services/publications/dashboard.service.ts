/**
 * The deadline dashboard (第二十六条): every version being worked on in reach — new items and changes
 * of published ones — with its 20-working-day deadline recomputed with today's calendar, the ones
 * past or near the deadline first, and counts per agency.
 */
import { deadlineState, type DeadlineState, type PublicationDeadline } from '../../core/publications/deadline.js';
import type { VersionStatus } from '../../core/publications/publication.js';
import { listOpenVersionRows } from '../../db/publication-query.repository.js';
import { canAccessAgency, visibleAgencyIds, type Principal } from '../authorization.js';
import { loadCalendar } from '../calendar.service.js';
import type { ServiceDeps } from '../deps.js';
import { loadPublicationPolicy } from './policy.service.js';

export interface DeadlineItem {
  readonly publicationId: string;
  readonly agencyId: string;
  readonly versionId: string;
  readonly number: number;
  readonly status: VersionStatus;
  readonly title: string;
  readonly formedOn: string;
  readonly isChange: boolean;
  readonly deadline: PublicationDeadline;
}

export interface DeadlineDashboard {
  readonly today: string;
  readonly dueSoonWorkdays: number;
  /** Overdue and due-soon items (all items with `all`), most urgent first. */
  readonly items: readonly DeadlineItem[];
  readonly byAgency: readonly { readonly agencyId: string; readonly counts: { readonly [S in DeadlineState]: number } }[];
}

/** @param q.agencyId one agency in reach (else all in reach); q.all: include items on track. */
export async function publicationDeadlines(deps: ServiceDeps, principal: Principal, q: { readonly agencyId?: string; readonly all?: boolean } = {}): Promise<DeadlineDashboard> {
  const policy = await loadPublicationPolicy(deps);
  const calendar = await loadCalendar(deps);
  const today = deps.clock.today();
  const agencyIds = q.agencyId ? (canAccessAgency(principal, q.agencyId) ? [q.agencyId] : []) : visibleAgencyIds(principal);
  const rows = await listOpenVersionRows(deps.db, agencyIds, ['draft', 'submitted', 'approved']);
  const all: DeadlineItem[] = rows.map((r) => ({
    publicationId: r.publicationId, agencyId: r.agencyId, versionId: r.versionId, number: r.number, status: r.status, title: r.title,
    formedOn: r.formedOn, isChange: r.publicationStatus !== 'draft',
    deadline: deadlineState(calendar, r.formedOn, today, policy.dueSoonWorkdays, policy.publishWithinWorkdays),
  }));
  const counts = new Map<string, Record<DeadlineState, number>>();
  for (const i of all) {
    const c = counts.get(i.agencyId) ?? { overdue: 0, dueSoon: 0, onTrack: 0 };
    c[i.deadline.state] += 1;
    counts.set(i.agencyId, c);
  }
  const items = all
    .filter((i) => q.all || i.deadline.state !== 'onTrack')
    .sort((a, b) => a.deadline.workdaysLeft - b.deadline.workdaysLeft || a.deadline.publishBy.localeCompare(b.deadline.publishBy) || a.versionId.localeCompare(b.versionId));
  return {
    today, dueSoonWorkdays: policy.dueSoonWorkdays, items,
    byAgency: [...counts.entries()].map(([agencyId, c]) => ({ agencyId, counts: c })).sort((a, b) => b.counts.overdue - a.counts.overdue || a.agencyId.localeCompare(b.agencyId)),
  };
}
