/**
 * The editable texts of an agency's 政府信息公开 column as staff see them for editing (the 指南's
 * own paragraphs and the 制度 page): every key with its label, the stored text or '' (the page then
 * prints its built-in wording), when and by whom it was last changed, the portal pages they appear
 * on, and whether this user may change them (head, supervisor, admin — the rule of
 * `updatePortalText`, which does the writing and invalidates the portal's page cache).
 */
import { portalTextKeys, portalTextLabels, maxPortalTextLength, type PortalTextKey } from '../../core/search/portal-texts.js';
import { AppError } from '../../core/errors.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { requireAgencyAccess, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';

export interface PortalTextEntry {
  readonly key: PortalTextKey;
  readonly label: string;
  /** '' = not written (the page prints its built-in wording or nothing). */
  readonly body: string;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  /** The portal page showing it. */
  readonly pageUrl: string;
}

export interface PortalTexts {
  readonly agency: { readonly id: string; readonly name: string };
  readonly texts: readonly PortalTextEntry[];
  readonly maxLength: number;
  readonly canEdit: boolean;
  readonly guideUrl: string;
  readonly systemUrl: string;
}

const pageOf = (agencyId: string, key: PortalTextKey): string => `/zwgk/${encodeURIComponent(agencyId)}/${key === 'system' ? 'system' : 'guide'}`;

/** @throws AppError(NOT_FOUND) when the agency is out of reach or does not exist */
export async function getPortalTexts(deps: ServiceDeps, principal: Principal, agencyId: string): Promise<PortalTexts> {
  requireAgencyAccess(principal, agencyId, '该机关');
  const agency = await findAgencyById(deps.db, agencyId);
  if (!agency) throw new AppError('NOT_FOUND', { what: '该机关' });
  const rows = await deps.db.selectFrom('portal_text as t').leftJoin('user_account as u', 'u.id', 't.updated_by')
    .select(['t.key', 't.body', 't.updated_at', 'u.display_name']).where('t.agency_id', '=', agencyId).execute();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    agency: { id: agency.id, name: agency.name },
    texts: portalTextKeys.map((key) => {
      const r = byKey.get(key);
      return { key, label: portalTextLabels[key], body: r?.body ?? '', updatedAt: r?.updated_at ?? null, updatedBy: r?.display_name ?? null, pageUrl: pageOf(agencyId, key) };
    }),
    maxLength: maxPortalTextLength,
    canEdit: principal.role === 'head' || principal.role === 'supervisor' || principal.role === 'admin',
    guideUrl: pageOf(agencyId, 'guide.intro'),
    systemUrl: pageOf(agencyId, 'system'),
  };
}
