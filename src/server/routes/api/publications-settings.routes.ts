/** /api/publications/settings: the vocabularies (主题分类, 体裁, 公开方式) and the publishing policy (索引号 pattern, reviewers). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { loadPublicationPolicy, listVocabulary, saveVocabularyTerm, updatePublicationPolicy } from '../../../services/publications/policy.service.js';
import { principalOf } from '../../plugins/auth.js';
import {
  PolicyPatchSchema, PolicySchema, TermBodySchema, TermParamsSchema, TermResultSchema, VocabularyListSchema, VocabularyQuerySchema,
} from './publications.schemas.js';
import { wire } from './requests.schemas.js';
import { errorResponses } from './shared.schemas.js';

const tags = ['主动公开：设置'];

export const publicationSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;

  app.get('/api/publications/settings/vocabularies', {
    schema: { tags, summary: '主题分类、体裁、公开方式词表', querystring: VocabularyQuerySchema, response: { 200: VocabularyListSchema, ...errorResponses } },
  }, async (req) => wire({ terms: await listVocabulary(deps, req.query.vocabulary, req.query.all ?? false) }));

  app.put('/api/publications/settings/vocabularies/:vocabulary/:code', {
    schema: { tags, summary: '新增或修改词表条目（系统管理员；停用而不删除）', params: TermParamsSchema, body: TermBodySchema, response: { 200: TermResultSchema, ...errorResponses } },
  }, async (req) => wire(await saveVocabularyTerm(deps, principalOf(req), {
    vocabulary: req.params.vocabulary, code: req.params.code, label: req.body.label, sortOrder: req.body.sortOrder ?? 0, active: req.body.active ?? true,
  })));

  app.get('/api/publications/settings/policy', {
    schema: { tags, summary: '发布规则：索引号格式、审查角色、审查与起草分离', response: { 200: PolicySchema, ...errorResponses } },
  }, async () => wire(await loadPublicationPolicy(deps)));

  app.put('/api/publications/settings/policy', {
    schema: { tags, summary: '修改发布规则（系统管理员）', body: PolicyPatchSchema, response: { 200: PolicySchema, ...errorResponses } },
  }, async (req) => wire(await updatePublicationPolicy(deps, principalOf(req), req.body)));
};
