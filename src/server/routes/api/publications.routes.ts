/**
 * /api/publications (主动公开): the catalog, one item, new drafts and edits, the review queue, the
 * deadline dashboard (第二十六条) and the 依申请转主动 suggestions (第四十四条). The workflow actions
 * and attachments are in publications-actions.routes.ts; vocabularies and policy in publications-settings.routes.ts.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicationDeadlines } from '../../../services/publications/dashboard.service.js';
import { createPublication, updateDraft } from '../../../services/publications/editing.service.js';
import { getPublicationDetail, listPublications, listReviewQueue } from '../../../services/publications/queries.service.js';
import { listPublicationSuggestions } from '../../../services/publications/suggestions.service.js';
import { principalOf } from '../../plugins/auth.js';
import {
  CatalogPageSchema, CatalogQuerySchema, CreatePublicationBodySchema, DeadlineDashboardSchema, DeadlineQuerySchema, PublicationDetailSchema,
  PublicationParamsSchema, PublicationSchema, ReviewQueueSchema, SuggestionListSchema, SuggestionQuerySchema, UpdatePublicationBodySchema,
} from './publications.schemas.js';
import { wire } from './requests.schemas.js';
import { errorResponses } from './shared.schemas.js';

const tags = ['主动公开'];

export const publicationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;

  app.get('/api/publications', {
    schema: { tags, summary: '主动公开信息目录（本人可见机关；可按状态、类型、主题分类、体裁、有效性、年度筛选）', querystring: CatalogQuerySchema, response: { 200: CatalogPageSchema, ...errorResponses } },
  }, async (req) => wire(await listPublications(deps, principalOf(req), req.query)));

  app.post('/api/publications', {
    schema: { tags, summary: '新建主动公开信息（第 1 版草稿）', body: CreatePublicationBodySchema, response: { 201: PublicationSchema, ...errorResponses } },
  }, async (req, reply) => {
    const { writtenOn, ...rest } = req.body;
    return reply.code(201).send(wire(await createPublication(deps, principalOf(req), { ...rest, ...(writtenOn !== undefined && { writtenOn: writtenOn || null }) })));
  });

  app.get('/api/publications/review-queue', {
    schema: { tags, summary: '待审查的稿件（保密审查、发布审查）', response: { 200: ReviewQueueSchema, ...errorResponses } },
  }, async (req) => wire({ items: await listReviewQueue(deps, principalOf(req)) }));

  app.get('/api/publications/deadlines', {
    schema: {
      tags, summary: '公开期限提醒：形成或变更之日起 20 个工作日内公开（第二十六条），列出已超期和临近期限的', querystring: DeadlineQuerySchema,
      response: { 200: DeadlineDashboardSchema, ...errorResponses },
    },
  }, async (req) => wire(await publicationDeadlines(deps, principalOf(req), req.query)));

  app.get('/api/publications/suggestions', {
    schema: {
      tags, summary: '依申请公开转主动公开建议（第四十四条）：多个申请人申请公开的同一信息', querystring: SuggestionQuerySchema,
      response: { 200: SuggestionListSchema, ...errorResponses },
    },
  }, async (req) => wire({ suggestions: await listPublicationSuggestions(deps, principalOf(req), req.query) }));

  app.get('/api/publications/:publicationId', {
    schema: { tags, summary: '主动公开信息：各版本、审查意见、附件、办理记录', params: PublicationParamsSchema, response: { 200: PublicationDetailSchema, ...errorResponses } },
  }, async (req) => wire(await getPublicationDetail(deps, principalOf(req), req.params.publicationId)));

  app.patch('/api/publications/:publicationId', {
    schema: { tags, summary: '修改正在编辑的草稿', params: PublicationParamsSchema, body: UpdatePublicationBodySchema, response: { 200: PublicationSchema, ...errorResponses } },
  }, async (req) => {
    const { writtenOn, ...rest } = req.body;
    return wire(await updateDraft(deps, principalOf(req), req.params.publicationId, { ...rest, ...(writtenOn !== undefined && { writtenOn: writtenOn || null }) }));
  });
};
