/**
 * POST /api/requests/:requestId/actions/<action>: one route per lifecycle action (the names of
 * RequestAction, as listed in a request's allowedActions). Each answers the request's detail.
 */
import type { FastifyPluginAsyncTypebox, Static, TSchema } from '@fastify/type-provider-typebox';
import type { RequestAction } from '../../../core/requests/states.js';
import { requestActionLabels } from '../../../core/requests/states.js';
import type { Principal } from '../../../services/authorization.js';
import type { ServiceDeps } from '../../../services/deps.js';
import * as decision from '../../../services/requests/decision.service.js';
import * as fees from '../../../services/requests/fee-actions.service.js';
import * as handling from '../../../services/requests/handling.service.js';
import { confirmReceipt } from '../../../services/requests/intake.service.js';
import { getRequestDetail } from '../../../services/requests/queries.service.js';
import * as routing from '../../../services/requests/routing.service.js';
import { principalOf } from '../../plugins/auth.js';
import { actionBodies } from './requests-actions.schemas.js';
import { RequestDetailSchema, RequestParamsSchema, wire } from './requests.schemas.js';
import { errorResponses } from './shared.schemas.js';

type Bodies = typeof actionBodies;
type Run<A extends keyof Bodies> = (deps: ServiceDeps, p: Principal, id: string, body: Static<Bodies[A]>) => Promise<unknown>;

const runners: { readonly [A in keyof Bodies]: Run<A> } = {
  confirmReceipt: (d, p, id, b) => confirmReceipt(d, p, id, b),
  assign: (d, p, id, b) => handling.assignRequest(d, p, id, b),
  sendClarification: (d, p, id, b) => handling.sendClarification(d, p, id, b),
  answerClarification: (d, p, id, b) => handling.answerClarification(d, p, id, b),
  lapseClarification: (d, p, id, b) => handling.lapseClarification(d, p, id, b),
  sendConsultation: (d, p, id, b) => handling.sendConsultation(d, p, id, b),
  answerConsultation: (d, p, id, b) => handling.answerConsultation(d, p, id, b),
  expireConsultation: (d, p, id, b) => handling.expireConsultation(d, p, id, b),
  approveExtension: (d, p, id, b) => handling.approveExtension(d, p, id, b),
  sendFeeNotice: (d, p, id, b) => fees.sendFeeNotice(d, p, id, b),
  recordFeePayment: (d, p, id, b) => fees.recordFeePayment(d, p, id, b),
  lapseFee: (d, p, id, b) => fees.lapseFee(d, p, id, b),
  requestReason: (d, p, id, b) => handling.requestReason(d, p, id, b),
  sendDelayNotice: (d, p, id, b) => handling.sendDelayNotice(d, p, id, b),
  transfer: (d, p, id, b) => routing.transferRequest(d, p, id, b),
  withdraw: (d, p, id, b) => routing.withdrawRequest(d, p, id, b),
  void: (d, p, id, b) => routing.voidRequest(d, p, id, b),
  archive: (d, p, id, b) => routing.archiveRequest(d, p, id, b),
  draftReply: (d, p, id, b) => decision.draftReply(d, p, id, b),
  submitReply: (d, p, id, b) => decision.submitReply(d, p, id, b),
  approveReply: (d, p, id, b) => decision.approveReply(d, p, id, b),
  returnReply: (d, p, id, b) => decision.returnReply(d, p, id, b),
  issueReply: (d, p, id, b) => decision.issueReply(d, p, id, b),
  recordDelivery: (d, p, id, b) => decision.recordDelivery(d, p, id, b),
};

export const requestActionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;
  for (const action of Object.keys(runners) as (keyof Bodies & RequestAction)[]) {
    const run = runners[action] as Run<typeof action>;
    app.post(`/api/requests/:requestId/actions/${action}`, {
      schema: {
        tags: ['依申请公开：办理'], summary: requestActionLabels[action], params: RequestParamsSchema, body: actionBodies[action] as TSchema,
        response: { 200: RequestDetailSchema, ...errorResponses },
      },
    }, async (req) => {
      const principal = principalOf(req);
      const { requestId } = req.params as { requestId: string };
      await run(deps, principal, requestId, req.body as never);
      return wire(await getRequestDetail(deps, principal, requestId));
    });
  }
};
