/**
 * Access rules of /api/publications (主动公开) and /api/registers (表二登记). Each case makes a fresh
 * publication in the target agency and drives it, as the system, to the state the action needs.
 */
import type { Publication } from '../../../../src/core/publications/publication.js';
import { systemPrincipal } from '../../../../src/services/authorization.js';
import { addPublicationAttachment, createPublication } from '../../../../src/services/publications/editing.service.js';
import { publishVersion, recordReview, submitForReview } from '../../../../src/services/publications/workflow.service.js';
import { saveRegisterFigure } from '../../../../src/services/registers/registers.service.js';
import { adminOnly, byRole, staff, withinReach, type AccessContext, type AccessRules, type Expectation } from '../../../support/access-matrix.js';
import { publicationInput } from '../../../support/publication-fixture.js';

const sys = systemPrincipal('测试准备');
const author: Expectation = byRole({ admin: 200, handler: [200, 404], head: [200, 404] }, 403);
const reviewer: Expectation = byRole({ admin: 200, head: [200, 404] }, 403);
const create: Expectation = byRole({ admin: 201, handler: [201, 404], head: [201, 404] }, 403);
const remove: Expectation = byRole({ admin: 204, handler: [204, 404], head: [204, 404] }, 403);

type State = 'draft' | 'submitted' | 'approved' | 'published';

async function inState(c: AccessContext, state: State): Promise<Publication> {
  const d = c.deps;
  let p = await createPublication(d, sys, publicationInput(c.agencyId, { title: `权限测试 ${c.unique}` }));
  if (state === 'draft') return p;
  p = await submitForReview(d, sys, p.id, { version: p.version });
  if (state === 'submitted') return p;
  p = await recordReview(d, sys, p.id, { version: p.version, kind: 'confidentiality', decision: 'approved' });
  p = await recordReview(d, sys, p.id, { version: p.version, kind: 'release', decision: 'approved' });
  if (state === 'approved') return p;
  return publishVersion(d, sys, p.id, { version: p.version });
}

const action = (state: State, body: Record<string, unknown> = {}) => async (c: AccessContext) => {
  const p = await inState(c, state);
  return { params: { publicationId: p.id }, payload: { version: p.version, ...body } };
};
const attachmentOf = async (c: AccessContext) => {
  const p = await inState(c, 'draft');
  const a = await addPublicationAttachment(c.deps, sys, p.id, { version: p.version, fileName: '附件.txt', content: new TextEncoder().encode('附件内容') });
  return { p, a };
};

export const publicationAccessRules: AccessRules = {
  'GET /api/publications': [staff(200), (c) => ({ query: { agencyId: c.agencyId } })],
  'POST /api/publications': [create, (c) => ({ payload: { agencyId: c.agencyId, title: '新建的主动公开信息', formedOn: '2026-03-02' } })],
  'GET /api/publications/review-queue': [staff(200)],
  'GET /api/publications/deadlines': [staff(200), (c) => ({ query: { agencyId: c.agencyId } })],
  'GET /api/publications/suggestions': [staff(200), (c) => ({ query: { agencyId: c.agencyId } })],
  'GET /api/publications/:publicationId': [withinReach(200), async (c) => ({ params: { publicationId: (await inState(c, 'draft')).id } })],
  'PATCH /api/publications/:publicationId': [author, action('draft', { summary: '补充概述' })],

  'POST /api/publications/:publicationId/actions/submit': [author, action('draft')],
  'POST /api/publications/:publicationId/actions/recall': [author, action('submitted')],
  'POST /api/publications/:publicationId/actions/review': [reviewer, action('submitted', { kind: 'confidentiality', decision: 'approved', opinion: '不涉密' })],
  'POST /api/publications/:publicationId/actions/publish': [author, action('approved')],
  'POST /api/publications/:publicationId/actions/withdraw': [reviewer, action('published', { reason: '误发' })],
  'POST /api/publications/:publicationId/actions/validity': [reviewer, action('published', { validity: 'repealed', validityEndedOn: '2026-03-02' })],
  'POST /api/publications/:publicationId/actions/startChange': [author, action('published', { changeNote: '更正' })],
  'POST /api/publications/:publicationId/actions/discard': [author, action('draft')],

  'POST /api/publications/:publicationId/attachments': [create, async (c) => {
    const p = await inState(c, 'draft');
    return { params: { publicationId: p.id }, payload: { version: p.version, fileName: '附件.txt', contentBase64: Buffer.from('附件内容').toString('base64') } };
  }],
  'DELETE /api/publications/:publicationId/attachments/:attachmentId': [author, async (c) => {
    const { p, a } = await attachmentOf(c);
    return { params: { publicationId: p.id, attachmentId: a.id }, query: { version: String(p.version + 1) } };
  }],
  'GET /api/publication-attachments/:attachmentId/file': [withinReach(200), async (c) => ({ params: { attachmentId: (await attachmentOf(c)).a.id } })],

  'GET /api/publications/settings/vocabularies': [staff(200), () => ({ query: { vocabulary: 'topic' } })],
  'PUT /api/publications/settings/vocabularies/:vocabulary/:code': [adminOnly(200), (c) => ({ params: { vocabulary: 'genre', code: `t-${c.unique}` }, payload: { label: '测试体裁', active: false } })],
  'GET /api/publications/settings/policy': [staff(200)],
  'PUT /api/publications/settings/policy': [adminOnly(200), () => ({ payload: { dueSoonWorkdays: 5 } })],

  'GET /api/registers': [staff(200), (c) => ({ query: { year: '2024', agencyId: c.agencyId } })],
  'PUT /api/registers': [author, (c) => ({ payload: { agencyId: c.agencyId, year: 2024, kind: 'penalty', decisionCount: 3 } })],
  'DELETE /api/registers/:figureId': [remove, async (c) => ({
    params: { figureId: (await saveRegisterFigure(c.deps, sys, { agencyId: c.agencyId, year: 2023, kind: 'licensing', decisionCount: 1 })).id },
  })],
  'POST /api/registers/import': [byRole({ admin: 200, handler: 200, head: 200 }, 403), (c) => ({
    payload: { fileName: 'figures.csv', contentBase64: Buffer.from(`机关,年度,类别,处理决定数量\n${c.agencyId},2024,行政强制,2\n`).toString('base64') },
  })],
  'GET /api/registers/template': [staff(200), () => ({ query: { format: 'csv', year: '2025' } })],
};
