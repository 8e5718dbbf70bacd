/**
 * Page data of the 政府信息公开 platform: the district page (every agency's column), one agency's
 * column, its 指南 (from the 第十二条 office details and the agency's own texts) and 制度, and the
 * editing of those texts (staff of the agency: head, supervisor, admin; audited).
 */
import { AppError } from '../../core/errors.js';
import type { Agency } from '../../core/agencies/agency.js';
import { agencyKindLabels } from '../../core/agencies/agency.js';
import { article20ItemLabel, article20Items } from '../../core/publications/publication.js';
import { maxPortalTextLength, portalTextKeys, type PortalTextKey } from '../../core/search/portal-texts.js';
import { bumpSearchVersion, countByAgency } from '../../db/search.repository.js';
import { listPortalTexts, writePortalText } from '../../db/search-texts.repository.js';
import { requireAgencyAccess, requireRole, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { notifyPortalChange, portalVersion } from '../search/data-version.js';
import { loadPortalContext, type PortalContext } from '../search/public-context.js';
import { searchPublished, type SearchResultItem } from '../search/search.service.js';
import { withTransaction } from '../with-transaction.js';

export interface ColumnAgency {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly itemCount: number;
}

async function contextAndCounts(deps: ServiceDeps): Promise<{ context: PortalContext; counts: ReadonlyMap<string, number> }> {
  const version = (await portalVersion(deps)).key;
  const context = await loadPortalContext(deps, version);
  return { context, counts: await countByAgency(deps.db) };
}

const columnAgency = (a: Agency, counts: ReadonlyMap<string, number>): ColumnAgency =>
  ({ id: a.id, name: a.name, kind: a.kind, kindLabel: agencyKindLabels[a.kind] ?? a.kind, itemCount: counts.get(a.id) ?? 0 });

/** The agency of a column. @throws AppError(NOT_FOUND) */
export function columnAgencyOf(context: PortalContext, agencyId: string): Agency {
  const agency = context.agencyById.get(agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { what: '该机关的政府信息公开栏目' });
  return agency;
}

export async function loadDisclosureHome(deps: ServiceDeps): Promise<{
  governments: ColumnAgency[]; groups: { title: string; agencies: ColumnAgency[] }[]; latest: SearchResultItem[]; totalItems: number;
}> {
  const { context, counts } = await contextAndCounts(deps);
  const roots = context.agencies.filter((a) => a.parentId === null);
  const below = context.agencies.filter((a) => a.parentId !== null);
  const latest = await searchPublished(deps, { pageSize: 10 });
  return {
    governments: roots.map((a) => columnAgency(a, counts)),
    groups: [
      { title: '部门政府信息公开', agencies: below.filter((a) => a.kind === 'department' || a.kind === 'other').map((a) => columnAgency(a, counts)) },
      { title: '镇街政府信息公开', agencies: below.filter((a) => a.kind === 'town' || a.kind === 'subdistrict' || a.kind === 'government').map((a) => columnAgency(a, counts)) },
    ],
    latest: [...latest.items],
    totalItems: [...counts.values()].reduce((s, n) => s + n, 0),
  };
}

export async function loadColumn(deps: ServiceDeps, agencyId: string): Promise<{
  agency: ColumnAgency; parent: { id: string; name: string } | null; children: ColumnAgency[]; latest: SearchResultItem[];
}> {
  const { context, counts } = await contextAndCounts(deps);
  const agency = columnAgencyOf(context, agencyId);
  const parent = agency.parentId ? context.agencyById.get(agency.parentId) ?? null : null;
  const latest = await searchPublished(deps, { agencyId, ownOnly: true, pageSize: 10 });
  return {
    agency: columnAgency(agency, counts),
    parent: parent ? { id: parent.id, name: parent.name } : null,
    children: context.agencies.filter((a) => a.parentId === agency.id).map((a) => columnAgency(a, counts)),
    latest: [...latest.items],
  };
}

export async function loadGuide(deps: ServiceDeps, agencyId: string): Promise<{
  agency: Agency; parentName: string | null; texts: Partial<Record<PortalTextKey, string>>; topics: string[]; article20Items: string[]; updatedOn: string | null;
}> {
  const version = (await portalVersion(deps)).key;
  const context = await loadPortalContext(deps, version);
  const agency = columnAgencyOf(context, agencyId);
  const stored = await listPortalTexts(deps.db, agency.id);
  const texts: Partial<Record<PortalTextKey, string>> = {};
  for (const k of portalTextKeys) if (stored[k]) texts[k] = stored[k].body;
  const dates = [agency.updatedAt, ...Object.values(stored).map((t) => t.updatedAt)].sort();
  return {
    agency,
    parentName: agency.parentId ? context.agencyById.get(agency.parentId)?.name ?? null : null,
    texts,
    topics: context.topics.map(([, label]) => label),
    article20Items: article20Items.map((label, i) => `${article20ItemLabel(i + 1)}：${label}`),
    updatedOn: dates.length > 0 ? dates[dates.length - 1]!.slice(0, 10) : null,
  };
}

/**
 * Sets (or, with an empty body, removes) one editable text of an agency's column.
 * @throws AppError(FORBIDDEN | NOT_FOUND | REQUEST_INVALID)
 */
export async function updatePortalText(deps: ServiceDeps, principal: Principal, agencyId: string, key: string, body: string): Promise<void> {
  requireRole(principal, 'head', 'supervisor', 'admin');
  requireAgencyAccess(principal, agencyId, '该机关');
  if (!(portalTextKeys as readonly string[]).includes(key)) throw new AppError('REQUEST_INVALID', { detail: `未知的栏目文字：${String(key).slice(0, 40)}` });
  const text = String(body ?? '').replace(/\r\n?/g, '\n').trim();
  if ([...text].length > maxPortalTextLength) throw new AppError('REQUEST_INVALID', { detail: `栏目文字不能超过 ${maxPortalTextLength} 个字` });
  await withTransaction(deps, principal, async (trx, audit) => {
    const exists = await trx.selectFrom('agency').select('id').where('id', '=', agencyId).executeTakeFirst();
    if (!exists) throw new AppError('NOT_FOUND', { what: '该机关' });
    const before = (await listPortalTexts(trx, agencyId))[key]?.body ?? null;
    await writePortalText(trx, { agencyId, key, body: text, at: audit.at, by: principal.userId });
    await bumpSearchVersion(trx, audit.at);
    await audit.record({ action: 'portal.text.update', entityType: 'portal_text', entityId: `${agencyId}/${key}`, agencyId, before, after: text || null });
  });
  notifyPortalChange(deps);
}
