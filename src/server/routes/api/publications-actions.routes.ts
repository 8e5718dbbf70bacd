/**
 * /api/publications/:publicationId/actions/* — one route per workflow step (submit, recall, review,
 * publish, withdraw, validity, startChange, discard) — and the attachments of the open draft.
 * Publishing is refused (409 REVIEW_REQUIRED) unless both reviews of the version approved it.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addPublicationAttachment, discardDraft, removePublicationAttachment, startChange } from '../../../services/publications/editing.service.js';
import { getPublicationAttachmentFile } from '../../../services/publications/queries.service.js';
import { attachmentMaxBytes } from '../../../services/requests/attachments.service.js';
import {
  publishVersion, recallSubmission, recordReview, setValidity, submitForReview, withdrawPublication,
} from '../../../services/publications/workflow.service.js';
import { principalOf } from '../../plugins/auth.js';
import {
  AttachmentIdParamsSchema, DiscardResultSchema, PublicationAttachmentParamsSchema, PublicationAttachmentSchema, PublicationParamsSchema, PublicationSchema,
  PublishBodySchema, ReviewBodySchema, StartChangeBodySchema, ValidityBodySchema, VersionBodySchema, VersionQuerySchema, WithdrawBodySchema,
} from './publications.schemas.js';
import { attachmentDisposition } from './requests-letters.routes.js';
import { wire } from './requests.schemas.js';
import { errorResponses } from './shared.schemas.js';
import { intField, readUpload, registerMultipart } from './upload.js';

const tags = ['主动公开：审查与发布'];
const FileSchema = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '文件内容' });
const ok = { 200: PublicationSchema, ...errorResponses };

export const publicationActionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;
  const maxBytes = Math.min(app.deps.config.uploads.maxBytes, attachmentMaxBytes);
  await registerMultipart(app, maxBytes);
  const params = PublicationParamsSchema;
  const p = (req: { params: { publicationId: string } }) => req.params.publicationId;

  app.post('/api/publications/:publicationId/actions/submit', {
    schema: { tags, summary: '提交保密审查和发布审查', params, body: VersionBodySchema, response: ok },
  }, async (req) => wire(await submitForReview(deps, principalOf(req), p(req), req.body)));

  app.post('/api/publications/:publicationId/actions/recall', {
    schema: { tags, summary: '撤回待审查的稿件（回到草稿）', params, body: VersionBodySchema, response: ok },
  }, async (req) => wire(await recallSubmission(deps, principalOf(req), p(req), req.body)));

  app.post('/api/publications/:publicationId/actions/review', {
    schema: { tags, summary: '登记保密审查或发布审查意见（起草人不得审查本人稿件；不同意须写明意见，稿件退回草稿）', params, body: ReviewBodySchema, response: ok },
  }, async (req) => wire(await recordReview(deps, principalOf(req), p(req), req.body)));

  app.post('/api/publications/:publicationId/actions/publish', {
    schema: { tags, summary: '发布经保密审查和发布审查同意的版本（首次发布时生成索引号）', params, body: PublishBodySchema, response: ok },
  }, async (req) => wire(await publishVersion(deps, principalOf(req), p(req), req.body)));

  app.post('/api/publications/:publicationId/actions/withdraw', {
    schema: { tags, summary: '撤回已发布的信息（须说明原因）', params, body: WithdrawBodySchema, response: ok },
  }, async (req) => wire(await withdrawPublication(deps, principalOf(req), p(req), req.body)));

  app.post('/api/publications/:publicationId/actions/validity', {
    schema: { tags, summary: '变更有效性（有效、失效、废止及日期）', params, body: ValidityBodySchema, response: ok },
  }, async (req) => wire(await setValidity(deps, principalOf(req), p(req), req.body)));

  app.post('/api/publications/:publicationId/actions/startChange', {
    schema: { tags, summary: '变更已发布的信息：新建一个版本（经审查发布后替换现行版本，原版本保留）', params, body: StartChangeBodySchema, response: ok },
  }, async (req) => wire(await startChange(deps, principalOf(req), p(req), req.body)));

  app.post('/api/publications/:publicationId/actions/discard', {
    schema: { tags, summary: '放弃：删除从未发布的信息，或放弃正在办理的版本', params, body: VersionBodySchema, response: { 200: DiscardResultSchema, ...errorResponses } },
  }, async (req) => discardDraft(deps, principalOf(req), p(req), req.body));

  app.post('/api/publications/:publicationId/attachments', {
    schema: {
      tags, summary: '给正在编辑的草稿添加附件（multipart/form-data：version，file；或 JSON { version, fileName, contentBase64 }）', params,
      consumes: ['multipart/form-data', 'application/json'], response: { 201: PublicationAttachmentSchema, ...errorResponses },
    },
  }, async (req, reply) => {
    const up = await readUpload(req, maxBytes);
    const a = await addPublicationAttachment(deps, principalOf(req), p(req), { version: intField(up.fields, 'version'), fileName: up.fileName, content: up.content });
    return reply.code(201).send(a);
  });

  app.delete('/api/publications/:publicationId/attachments/:attachmentId', {
    schema: { tags, summary: '删除草稿中的附件', params: PublicationAttachmentParamsSchema, querystring: VersionQuerySchema, response: ok },
  }, async (req) => wire(await removePublicationAttachment(deps, principalOf(req), req.params.publicationId, req.params.attachmentId, { version: req.query.version })));

  app.get('/api/publication-attachments/:attachmentId/file', {
    schema: { tags, summary: '下载附件（任一版本）', params: AttachmentIdParamsSchema, response: { 200: FileSchema, ...errorResponses } },
  }, async (req, reply) => {
    const { attachment, content } = await getPublicationAttachmentFile(deps, principalOf(req), req.params.attachmentId);
    return reply.header('content-disposition', attachmentDisposition(attachment.fileName)).header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff').type(attachment.mediaType).send(Buffer.from(content));
  });
};
