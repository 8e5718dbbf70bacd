/** /api/appeals: 行政复议 and 行政诉讼 about requests (table 四), with the 复议机关 co-defendant flag. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createAppeal, deleteAppeal, getAppeal, listAppeals, updateAppeal } from '../../../services/requests/appeals.service.js';
import { principalOf } from '../../plugins/auth.js';
import { AppealListSchema, AppealParamsSchema, AppealQuerySchema, AppealSchema, CreateAppealBodySchema, UpdateAppealBodySchema } from './appeals.schemas.js';
import { wire } from './requests.schemas.js';
import { NoContentSchema, errorResponses } from './shared.schemas.js';

const tags = ['行政复议与行政诉讼'];

export const appealsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;

  app.get('/api/appeals', {
    schema: { tags, summary: '行政复议、行政诉讼记录', querystring: AppealQuerySchema, response: { 200: AppealListSchema, ...errorResponses } },
  }, async (req) => wire(await listAppeals(deps, principalOf(req), req.query)));

  app.post('/api/appeals', {
    schema: { tags, summary: '登记行政复议或行政诉讼', body: CreateAppealBodySchema, response: { 201: AppealSchema, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await createAppeal(deps, principalOf(req), req.body)));

  app.get('/api/appeals/:appealId', {
    schema: { tags, summary: '行政复议或行政诉讼记录', params: AppealParamsSchema, response: { 200: AppealSchema, ...errorResponses } },
  }, async (req) => getAppeal(deps, principalOf(req), req.params.appealId));

  app.patch('/api/appeals/:appealId', {
    schema: { tags, summary: '修改（如登记审结结果）', params: AppealParamsSchema, body: UpdateAppealBodySchema, response: { 200: AppealSchema, ...errorResponses } },
  }, async (req) => updateAppeal(deps, principalOf(req), req.params.appealId, req.body));

  app.delete('/api/appeals/:appealId', {
    schema: { tags, summary: '删除记录', params: AppealParamsSchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await deleteAppeal(deps, principalOf(req), req.params.appealId);
    return reply.code(204).send(null);
  });
};
