/** /api/agencies: the agency tree and each agency's disclosure-office details. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { agencyDepth, type Agency } from '../../../core/agencies/agency.js';
import * as agencies from '../../../services/agencies.service.js';
import { principalOf } from '../../plugins/auth.js';
import {
  AgencyDirectorySchema, AgencyListSchema, AgencyParamsSchema, AgencySchema, CreateAgencyBodySchema, UpdateAgencyBodySchema, type AgencyView,
} from './agencies.schemas.js';
import { NoContentSchema, errorResponses } from './shared.schemas.js';

const tags = ['机关'];
export const toAgencyView = (a: Agency): AgencyView => ({ ...a, depth: agencyDepth(a) });

export const agenciesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;

  app.get('/api/agencies', {
    schema: { tags, summary: '可见的机关（树形顺序）', response: { 200: AgencyListSchema, ...errorResponses } },
  }, async (req) => ({ agencies: (await agencies.listAgencies(deps, principalOf(req))).map(toAgencyView) }));

  app.get('/api/agencies/directory', {
    schema: { tags, summary: '全部机关名录（用于转办、选择机关）', response: { 200: AgencyDirectorySchema, ...errorResponses } },
  }, async () => ({ agencies: await agencies.listAgencyDirectory(deps) }));

  app.get('/api/agencies/:agencyId', {
    schema: { tags, summary: '机关详情', params: AgencyParamsSchema, response: { 200: AgencySchema, ...errorResponses } },
  }, async (req) => toAgencyView(await agencies.getAgency(deps, principalOf(req), req.params.agencyId)));

  app.post('/api/agencies', {
    schema: { tags, summary: '新建机关（系统管理员）', body: CreateAgencyBodySchema, response: { 201: AgencySchema, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(toAgencyView(await agencies.createAgency(deps, principalOf(req), req.body))));

  app.patch('/api/agencies/:agencyId', {
    schema: { tags, summary: '修改机关', params: AgencyParamsSchema, body: UpdateAgencyBodySchema, response: { 200: AgencySchema, ...errorResponses } },
  }, async (req) => toAgencyView(await agencies.updateAgency(deps, principalOf(req), req.params.agencyId, req.body)));

  app.delete('/api/agencies/:agencyId', {
    schema: { tags, summary: '删除机关（无下级、无账号、无业务记录时）', params: AgencyParamsSchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await agencies.deleteAgency(deps, principalOf(req), req.params.agencyId);
    return reply.code(204).send(null);
  });
};
