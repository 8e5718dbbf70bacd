/**
 * /api/requests: the list (personal data masked), the worklist (open requests by due date, live
 * clocks), one request (full, within reach), its timeline and clock, and staff entry.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isRequestStatus, type RequestStatus } from '../../../core/requests/states.js';
import { AppError } from '../../../core/errors.js';
import { createStaffRequest } from '../../../services/requests/intake.service.js';
import { getRequestClock, getRequestDetail, getWorklist, listRequestEvents, listRequests } from '../../../services/requests/queries.service.js';
import { principalOf } from '../../plugins/auth.js';
import {
  ClockResultSchema, CreateRequestBodySchema, CreateRequestResultSchema, RequestDetailSchema, RequestEventListSchema, RequestListQuerySchema,
  RequestListSchema, RequestParamsSchema, WorklistQuerySchema, WorklistSchema, wire,
} from './requests.schemas.js';
import { errorResponses } from './shared.schemas.js';

const tags = ['依申请公开'];

/** "a,b" → statuses. @throws AppError(REQUEST_INVALID) on an unknown one */
export function parseStatuses(value: string | undefined): RequestStatus[] | undefined {
  if (!value) return undefined;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((s) => !isRequestStatus(s));
  if (bad) throw new AppError('REQUEST_INVALID', { detail: `未知的状态“${bad}”` });
  return list as RequestStatus[];
}

export const requestsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;

  app.get('/api/requests', {
    schema: { tags, summary: '申请列表（申请人信息已脱敏）', querystring: RequestListQuerySchema, response: { 200: RequestListSchema, ...errorResponses } },
  }, async (req) => {
    const { status, q, ...rest } = req.query;
    return wire(await listRequests(deps, principalOf(req), { ...rest, statuses: parseStatuses(status), text: q }));
  });

  app.get('/api/requests/worklist', {
    schema: { tags, summary: '待办：未办结的申请，按最近期限排序（逾期、临近期限标记）', querystring: WorklistQuerySchema, response: { 200: WorklistSchema, ...errorResponses } },
  }, async (req) => {
    const { status, ...rest } = req.query;
    return wire(await getWorklist(deps, principalOf(req), { ...rest, statuses: parseStatuses(status) }));
  });

  app.get('/api/requests/:requestId', {
    schema: { tags, summary: '申请详情（含时间线、期限、可进行的操作、文书、附件）', params: RequestParamsSchema, response: { 200: RequestDetailSchema, ...errorResponses } },
  }, async (req) => wire(await getRequestDetail(deps, principalOf(req), req.params.requestId)));

  app.get('/api/requests/:requestId/events', {
    schema: { tags, summary: '申请的办理记录（时间线）', params: RequestParamsSchema, response: { 200: RequestEventListSchema, ...errorResponses } },
  }, async (req) => wire({ events: await listRequestEvents(deps, principalOf(req), req.params.requestId) }));

  app.get('/api/requests/:requestId/clock', {
    schema: { tags, summary: '答复期限（实时计算）及计算说明', params: RequestParamsSchema, response: { 200: ClockResultSchema, ...errorResponses } },
  }, async (req) => wire(await getRequestClock(deps, principalOf(req), req.params.requestId)));

  app.post('/api/requests', {
    schema: { tags, summary: '登记申请（当面、邮寄、传真、电子邮件等）', body: CreateRequestBodySchema, response: { 201: CreateRequestResultSchema, 200: CreateRequestResultSchema, ...errorResponses } },
  }, async (req, reply) => {
    const { applicant, ...rest } = req.body;
    const result = await createStaffRequest(deps, principalOf(req), { ...rest, fields: applicant });
    return reply.code(result.duplicate ? 200 : 201).send(wire(result));
  });
};
