/**
 * Publications for tests: a draft through 保密审查 and 发布审查 to the portal in one call, by the
 * proper roles (a handler drafts and publishes, a head reviews).
 */
import type { Publication } from '../../src/core/publications/publication.js';
import type { Principal } from '../../src/services/authorization.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import type { CreatePublicationInput } from '../../src/services/publications/content.js';
import { createPublication } from '../../src/services/publications/editing.service.js';
import { publishVersion, recordReview, submitForReview } from '../../src/services/publications/workflow.service.js';

export const publicationInput = (agencyId: string, over: Partial<CreatePublicationInput> = {}): CreatePublicationInput => ({
  agencyId, title: '关于做好2026年春季学期义务教育招生工作的通知', bodyHtml: '<p>各学校：</p><p>现将有关事项通知如下。</p>',
  documentNumber: '甲教发〔2026〕3号', writtenOn: '2026-02-26', formedOn: '2026-02-27', topic: '10', genre: 'notice', ...over,
});

/** Submits, reviews (both kinds, approved) and publishes the open version of `p`. */
export async function reviewAndPublish(deps: ServiceDeps, author: Principal, reviewer: Principal, p: Publication, publishedOn?: string): Promise<Publication> {
  let cur = await submitForReview(deps, author, p.id, { version: p.version });
  cur = await recordReview(deps, reviewer, p.id, { version: cur.version, kind: 'confidentiality', decision: 'approved', opinion: '不涉密' });
  cur = await recordReview(deps, reviewer, p.id, { version: cur.version, kind: 'release', decision: 'approved', opinion: '同意发布' });
  return publishVersion(deps, author, p.id, { version: cur.version, ...(publishedOn && { publishedOn }) });
}

/** A new publication, reviewed and published. */
export async function publishNew(
  deps: ServiceDeps, author: Principal, reviewer: Principal, agencyId: string, over: Partial<CreatePublicationInput> = {}, publishedOn?: string,
): Promise<Publication> {
  const p = await createPublication(deps, author, publicationInput(agencyId, over));
  return reviewAndPublish(deps, author, reviewer, p, publishedOn);
}
