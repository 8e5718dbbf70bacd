/**
 * Portal settings: an agency's 政府信息公开 column texts (the 指南's own paragraphs and the 制度 page;
 * read by the agency's staff, written by head, supervisor or admin — the write invalidates the portal's
 * page cache) and the agency-name synonym groups of the search (administrator).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { updatePortalText } from '../../../services/portal/column.service.js';
import { getPortalTexts } from '../../../services/portal/portal-texts.service.js';
import { addSynonymGroup, listSynonymGroups, removeSynonymGroup } from '../../../services/search/synonyms.service.js';
import { principalOf } from '../../plugins/auth.js';
import {
  PortalTextBodySchema, PortalTextKeyParamsSchema, PortalTextParamsSchema, PortalTextsSchema, SynonymGroupBodySchema, SynonymGroupListSchema,
  SynonymGroupParamsSchema, SynonymGroupSchema,
} from './portal-settings.schemas.js';
import { wire } from './requests.schemas.js';
import { NoContentSchema, errorResponses } from './shared.schemas.js';

const textTags = ['政务公开：公开指南与制度'];
const synonymTags = ['政务公开：检索同义词'];

export const portalSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;

  app.get('/api/portal-texts/:agencyId', {
    schema: { tags: textTags, summary: '机关政府信息公开栏目的可编辑文字（指南各段、政府信息公开制度）', params: PortalTextParamsSchema, response: { 200: PortalTextsSchema, ...errorResponses } },
  }, async (req) => wire(await getPortalTexts(deps, principalOf(req), req.params.agencyId)));

  app.put('/api/portal-texts/:agencyId/:key', {
    schema: {
      tags: textTags, summary: '修改一段栏目文字（机关负责人、监督人员、系统管理员；空文字恢复默认）；门户页面随即更新',
      params: PortalTextKeyParamsSchema, body: PortalTextBodySchema, response: { 200: PortalTextsSchema, ...errorResponses },
    },
  }, async (req) => {
    const principal = principalOf(req);
    await updatePortalText(deps, principal, req.params.agencyId, req.params.key, req.body.body);
    return wire(await getPortalTexts(deps, principal, req.params.agencyId));
  });

  app.get('/api/search/synonyms', {
    schema: { tags: synonymTags, summary: '检索用的机关名称同义词组（系统管理员）', response: { 200: SynonymGroupListSchema, ...errorResponses } },
  }, async (req) => wire({ groups: await listSynonymGroups(deps, principalOf(req)) }));

  app.post('/api/search/synonyms', {
    schema: { tags: synonymTags, summary: '新增同义词组（系统管理员）：检索其中任一名称时同时检索其他名称', body: SynonymGroupBodySchema, response: { 201: SynonymGroupSchema, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(wire(await addSynonymGroup(deps, principalOf(req), req.body.phrases))));

  app.delete('/api/search/synonyms/:groupId', {
    schema: { tags: synonymTags, summary: '删除同义词组（系统管理员）', params: SynonymGroupParamsSchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await removeSynonymGroup(deps, principalOf(req), req.params.groupId);
    return reply.code(204).send(null);
  });
};
