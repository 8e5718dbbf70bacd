/**
 * Access rules of the disclosure-request routes (part B): requests, actions, letters, attachments,
 * appeals. Each case makes a fresh request in the target agency and drives it to the state the
 * action needs (through the services, as the system), so only access decides the status.
 */
import type { Principal } from '../../../../src/services/authorization.js';
import { systemPrincipal } from '../../../../src/services/authorization.js';
import type { ServiceDeps } from '../../../../src/services/deps.js';
import { addAttachment } from '../../../../src/services/requests/attachments.service.js';
import { createAppeal } from '../../../../src/services/requests/appeals.service.js';
import * as decision from '../../../../src/services/requests/decision.service.js';
import * as fees from '../../../../src/services/requests/fee-actions.service.js';
import * as handling from '../../../../src/services/requests/handling.service.js';
import { createStaffRequest } from '../../../../src/services/requests/intake.service.js';
import * as routing from '../../../../src/services/requests/routing.service.js';
import type { DisclosureRequest, RequestChannel } from '../../../../src/core/requests/request.js';
import { byRole, staff, withinReach, type AccessContext, type AccessRules, type Expectation } from '../../../support/access-matrix.js';
import { personFields } from '../../../support/request-fixture.js';

const sys: Principal = systemPrincipal('测试准备');
const handle: Expectation = byRole({ admin: 200, handler: [200, 404], head: [200, 404] }, 403);
const approve: Expectation = byRole({ admin: 200, head: [200, 404] }, 403);
const create: Expectation = byRole({ admin: 201, handler: [201, 404], head: [201, 404] }, 403);
const remove: Expectation = byRole({ admin: 204, handler: [204, 404], head: [204, 404] }, 403);

type State = 'registered' | 'inProgress' | 'drafted' | 'awaitingClarification' | 'consulting' | 'awaitingFee' | 'awaitingApproval' | 'approved' | 'replied' | 'closed' | 'reasonRequested';

async function enter(deps: ServiceDeps, agencyId: string, channel: RequestChannel = 'inPerson', arrivedOn = '2026-01-05'): Promise<DisclosureRequest> {
  return (await createStaffRequest(deps, sys, { agencyId, channel, fields: personFields(), arrivedOn })).request;
}

/** A request of the target agency in `state` (received 2026-01-05; today is 2026-03-02, so every period has run out). */
async function inState(c: AccessContext, state: State): Promise<DisclosureRequest> {
  const d = c.deps;
  if (state === 'registered') return enter(d, c.agencyId, 'internet', '2026-03-02');
  const r = await enter(d, c.agencyId);
  const v = { version: r.version };
  switch (state) {
    case 'inProgress': return r;
    case 'drafted': await decision.draftReply(d, sys, r.id, { ...v, basis: '36-4' }); return { ...r, version: r.version + 1 };
    case 'awaitingClarification': return handling.sendClarification(d, sys, r.id, { ...v, on: '2026-01-06', items: '请写明文号', answerDueOn: '2026-01-20' });
    case 'consulting': return handling.sendConsultation(d, sys, r.id, { ...v, on: '2026-01-06', party: 'thirdParty', addressee: '某公司' });
    case 'awaitingFee': return fees.sendFeeNotice(d, sys, r.id, { ...v, on: '2026-01-06', method: 'perPage', pages: 80 });
    case 'reasonRequested': return handling.requestReason(d, sys, r.id, v);
    case 'closed': return routing.withdrawRequest(d, sys, r.id, v);
    default: break;
  }
  await decision.draftReply(d, sys, r.id, { ...v, basis: '36-4' });
  const submitted = await decision.submitReply(d, sys, r.id, { version: r.version + 1 });
  if (state === 'awaitingApproval') return submitted;
  const approved = await decision.approveReply(d, sys, r.id, { version: submitted.version });
  if (state === 'approved') return approved;
  return decision.issueReply(d, sys, r.id, { version: approved.version });
}

/** POST …/actions/<action> on a request in `state` with `body` (version added). */
const action = (state: State, body: Record<string, unknown> = {}) => async (c: AccessContext) => {
  const r = await inState(c, state);
  return { params: { requestId: r.id }, payload: { version: r.version, ...body } };
};
const onRequest = (state: State) => async (c: AccessContext) => ({ params: { requestId: (await inState(c, state)).id } });
const letterOf = async (c: AccessContext) => {
  const r = await enter(c.deps, c.agencyId);
  return (await decision.draftReply(c.deps, sys, r.id, { version: r.version, basis: '36-4' })).id;
};
const attachmentOf = async (c: AccessContext) =>
  (await addAttachment(c.deps, sys, (await enter(c.deps, c.agencyId)).id, { fileName: 'a.txt', content: new TextEncoder().encode('公开的信息'), purpose: 'released' })).id;
const appealOf = async (c: AccessContext) =>
  (await createAppeal(c.deps, sys, { agencyId: c.agencyId, kind: 'review', filedOn: '2026-02-01' })).id;

export const requestAccessRules: AccessRules = {
  'GET /api/requests': [staff(200), (c) => ({ query: { agencyId: c.agencyId } })],
  'GET /api/requests/worklist': [staff(200), (c) => ({ query: { agencyId: c.agencyId } })],
  'GET /api/requests/:requestId': [withinReach(200), onRequest('inProgress')],
  'GET /api/requests/:requestId/events': [withinReach(200), onRequest('inProgress')],
  'GET /api/requests/:requestId/clock': [withinReach(200), onRequest('inProgress')],
  'POST /api/requests': [create, (c) => ({ payload: { agencyId: c.agencyId, channel: 'inPerson', arrivedOn: '2026-03-02', applicant: personFields() } })],

  'POST /api/requests/:requestId/actions/confirmReceipt': [handle, action('registered')],
  'POST /api/requests/:requestId/actions/void': [handle, action('registered', { reason: '重复登记' })],
  'POST /api/requests/:requestId/actions/assign': [handle, action('inProgress', { assigneeId: null })],
  'POST /api/requests/:requestId/actions/sendClarification': [handle, action('inProgress', { on: '2026-01-06', items: '请写明文号', answerDueOn: '2026-01-20' })],
  'POST /api/requests/:requestId/actions/answerClarification': [handle, action('awaitingClarification', { on: '2026-01-10', text: '文号为…' })],
  'POST /api/requests/:requestId/actions/lapseClarification': [handle, action('awaitingClarification')],
  'POST /api/requests/:requestId/actions/sendConsultation': [handle, action('inProgress', { on: '2026-01-06', party: 'agency', addressee: '甲区财政局' })],
  'POST /api/requests/:requestId/actions/answerConsultation': [handle, action('consulting', { on: '2026-01-10', opinion: 'agree' })],
  'POST /api/requests/:requestId/actions/expireConsultation': [handle, action('consulting')],
  'POST /api/requests/:requestId/actions/approveExtension': [approve, action('inProgress', { on: '2026-01-06', workdays: 5, reason: '需要检索档案' })],
  'POST /api/requests/:requestId/actions/sendFeeNotice': [handle, action('inProgress', { on: '2026-01-06', method: 'perPage', pages: 80 })],
  'POST /api/requests/:requestId/actions/recordFeePayment': [handle, action('awaitingFee', { on: '2026-01-09' })],
  'POST /api/requests/:requestId/actions/lapseFee': [handle, action('awaitingFee')],
  'POST /api/requests/:requestId/actions/requestReason': [handle, action('inProgress')],
  'POST /api/requests/:requestId/actions/sendDelayNotice': [handle, action('reasonRequested', { newReplyBy: '2026-06-30' })],
  'POST /api/requests/:requestId/actions/transfer': [handle, async (c) => ({ ...(await action('inProgress')(c)), payload: { version: 1, toAgencyId: c.fixture.agencies.townA } })],
  'POST /api/requests/:requestId/actions/withdraw': [handle, action('inProgress')],
  'POST /api/requests/:requestId/actions/archive': [handle, action('closed')],
  'POST /api/requests/:requestId/actions/draftReply': [handle, action('inProgress', { basis: '36-4' })],
  'POST /api/requests/:requestId/actions/submitReply': [handle, action('drafted')],
  'POST /api/requests/:requestId/actions/approveReply': [approve, action('awaitingApproval')],
  'POST /api/requests/:requestId/actions/returnReply': [approve, action('awaitingApproval', { comment: '请补充理由' })],
  'POST /api/requests/:requestId/actions/issueReply': [handle, action('approved')],
  'POST /api/requests/:requestId/actions/recordDelivery': [handle, action('replied', { method: 'email' })],

  'GET /api/requests/:requestId/letters': [withinReach(200), onRequest('inProgress')],
  'GET /api/letters/:letterId': [withinReach(200), async (c) => ({ params: { letterId: await letterOf(c) } })],
  'PATCH /api/letters/:letterId': [handle, async (c) => ({ params: { letterId: await letterOf(c) }, payload: { version: 1, title: '答复告知书' } })],
  'GET /api/letters/:letterId/file': [withinReach(200), async (c) => ({ params: { letterId: await letterOf(c) }, query: { format: 'docx' } })],
  'GET /api/requests/:requestId/attachments': [withinReach(200), onRequest('inProgress')],
  'POST /api/requests/:requestId/attachments': [create, async (c) => ({
    params: { requestId: (await enter(c.deps, c.agencyId)).id },
    payload: { fileName: '公开信息.txt', purpose: 'released', contentBase64: Buffer.from('公开的信息').toString('base64') },
  })],
  'GET /api/attachments/:attachmentId/file': [withinReach(200), async (c) => ({ params: { attachmentId: await attachmentOf(c) } })],
  'DELETE /api/attachments/:attachmentId': [remove, async (c) => ({ params: { attachmentId: await attachmentOf(c) } })],

  'GET /api/appeals': [staff(200), (c) => ({ query: { agencyId: c.agencyId } })],
  'POST /api/appeals': [create, (c) => ({ payload: { agencyId: c.agencyId, kind: 'suitAfterReview', filedOn: '2026-02-01', reviewOrganCoDefendant: true } })],
  'GET /api/appeals/:appealId': [withinReach(200), async (c) => ({ params: { appealId: await appealOf(c) } })],
  'PATCH /api/appeals/:appealId': [handle, async (c) => ({ params: { appealId: await appealOf(c) }, payload: { version: 1, result: 'upheld', decidedOn: '2026-02-20' } })],
  'DELETE /api/appeals/:appealId': [remove, async (c) => ({ params: { appealId: await appealOf(c) } })],
};
