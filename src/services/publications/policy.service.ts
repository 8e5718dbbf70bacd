/**
 * The publishing policy of the installation (setting `publications.policy`, JSON; defaults in
 * src/core/publications/workflow.ts) and the vocabularies (主题分类, 体裁, 公开方式).
 */
import { roles } from '../../core/accounts/roles.js';
import { AppError } from '../../core/errors.js';
import { checkIndexPattern } from '../../core/publications/index-number.js';
import { defaultPublicationPolicy, type PublicationPolicy } from '../../core/publications/workflow.js';
import { findSetting } from '../../db/setting.repository.js';
import { listTerms, putTerm, vocabularyNames, type VocabularyName, type VocabularyTerm } from '../../db/vocabulary.repository.js';
import { requireRole, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { setSetting } from '../settings.service.js';
import { withTransaction } from '../with-transaction.js';

export const publicationPolicyKey = 'publications.policy';

/** Problems of a policy (Chinese); empty = usable. */
export function checkPublicationPolicy(p: PublicationPolicy): string[] {
  const out = checkIndexPattern(p.indexPattern);
  if (!Array.isArray(p.reviewerRoles) || p.reviewerRoles.some((r) => !(roles as readonly string[]).includes(r) || r === 'supervisor')) {
    out.push('审查角色只能是 handler、head 或 admin');
  }
  if (!Number.isInteger(p.dueSoonWorkdays) || p.dueSoonWorkdays < 0 || p.dueSoonWorkdays > 20) out.push('临近期限提醒应为 0 至 20 个工作日');
  if (!Number.isInteger(p.publishWithinWorkdays) || p.publishWithinWorkdays < 1 || p.publishWithinWorkdays > 60) out.push('公开期限应为 1 至 60 个工作日');
  if (typeof p.agencyCodes !== 'object' || p.agencyCodes === null || Object.values(p.agencyCodes).some((c) => typeof c !== 'string' || !/^[0-9A-Za-z-]{1,24}$/.test(c))) {
    out.push('机关代码只能由字母、数字和连字符组成（1至24个字符）');
  }
  return out;
}

/** The policy in force: the stored one merged over the defaults (an unusable stored policy → defaults, logged). */
export async function loadPublicationPolicy(deps: ServiceDeps): Promise<PublicationPolicy> {
  const stored = await findSetting(deps.db, publicationPolicyKey);
  if (!stored) return defaultPublicationPolicy;
  try {
    const merged = { ...defaultPublicationPolicy, ...(JSON.parse(stored) as Partial<PublicationPolicy>) };
    const problems = checkPublicationPolicy(merged);
    if (problems.length === 0) return merged;
    deps.logger.warn({ problems }, 'stored publication policy unusable; defaults apply');
  } catch {
    deps.logger.warn('stored publication policy is not JSON; defaults apply');
  }
  return defaultPublicationPolicy;
}

/** Changes the policy (administrators). @throws AppError(FORBIDDEN | REQUEST_INVALID) */
export async function updatePublicationPolicy(deps: ServiceDeps, principal: Principal, patch: Partial<PublicationPolicy>): Promise<PublicationPolicy> {
  requireRole(principal, 'admin');
  const next: PublicationPolicy = { ...(await loadPublicationPolicy(deps)), ...patch };
  const problems = checkPublicationPolicy(next);
  if (problems.length) throw new AppError('REQUEST_INVALID', { detail: problems.join('；') });
  await setSetting(deps, principal, publicationPolicyKey, JSON.stringify(next));
  return next;
}

export const isVocabularyName = (v: unknown): v is VocabularyName => typeof v === 'string' && (vocabularyNames as readonly string[]).includes(v);

/** The terms of a vocabulary (active ones unless `all`); readable by anyone (the portal's filters). */
export async function listVocabulary(deps: Pick<ServiceDeps, 'db'>, vocabulary?: VocabularyName, all = false): Promise<VocabularyTerm[]> {
  const terms = await listTerms(deps.db, vocabulary);
  return all ? terms : terms.filter((t) => t.active);
}

/** Adds or changes a term (administrators); a term in use is deactivated, never deleted. */
export async function saveVocabularyTerm(deps: ServiceDeps, principal: Principal, term: VocabularyTerm): Promise<VocabularyTerm> {
  requireRole(principal, 'admin');
  if (!isVocabularyName(term.vocabulary)) throw new AppError('REQUEST_INVALID', { detail: '词表应为 topic、genre 或 disclosureMethod' });
  const code = term.code.trim();
  const label = term.label.trim();
  if (!/^[0-9A-Za-z_-]{1,32}$/.test(code)) throw new AppError('REQUEST_INVALID', { detail: '代码只能由字母、数字、下划线和连字符组成（1至32个字符）' });
  if (label.length === 0 || label.length > 40) throw new AppError('REQUEST_INVALID', { detail: '名称应为1至40个字' });
  const saved: VocabularyTerm = { vocabulary: term.vocabulary, code, label, sortOrder: Math.trunc(term.sortOrder) || 0, active: term.active };
  await withTransaction(deps, principal, async (trx, audit) => {
    const before = (await listTerms(trx, term.vocabulary)).find((t) => t.code === code) ?? null;
    await putTerm(trx, saved, audit.at);
    await audit.record({ action: 'vocabulary.save', entityType: 'vocabulary_term', entityId: `${term.vocabulary}:${code}`, before, after: saved });
  });
  return saved;
}

