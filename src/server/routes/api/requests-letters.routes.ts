/**
 * Letters and attachments of a request: list, read, edit a draft, download a letter as DOCX or PDF;
 * upload (multipart: `purpose` field + `file`), download and delete attachments.
 */
import multipart from '@fastify/multipart';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../../core/errors.js';
import type { AttachmentPurpose } from '../../../core/requests/records.js';
import { addAttachment, attachmentMaxBytes, deleteAttachment, getAttachmentFile, listRequestAttachments } from '../../../services/requests/attachments.service.js';
import { getLetter, listRequestLetters, updateLetter } from '../../../services/requests/decision.service.js';
import { exportLetter } from '../../../services/requests/letter-export.service.js';
import { closePdfBrowser } from '../../../services/render/pdf.js';
import { principalOf } from '../../plugins/auth.js';
import {
  AttachmentListSchema, AttachmentParamsSchema, AttachmentSchema, LetterFileQuerySchema, LetterListSchema, LetterParamsSchema, LetterPatchSchema, LetterSchema,
} from './requests-letters.schemas.js';
import { RequestParamsSchema, wire } from './requests.schemas.js';
import { NoContentSchema, errorResponses } from './shared.schemas.js';

const tags = ['依申请公开：文书与附件'];
const FileSchema = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '文件内容' });

/** attachment; filename="<ASCII>"; filename*=UTF-8''<name> (RFC 6266 / 5987). */
export function attachmentDisposition(name: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1] ?? 'bin';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="file.${ext}"; filename*=UTF-8''${encoded}`;
}

export const requestLettersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = app.serviceDeps;
  const { config } = app.deps;
  const maxBytes = Math.min(config.uploads.maxBytes, attachmentMaxBytes);
  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5 } });
  }
  app.addHook('onClose', async () => closePdfBrowser());

  app.get('/api/requests/:requestId/letters', {
    schema: { tags, summary: '申请的文书', params: RequestParamsSchema, response: { 200: LetterListSchema, ...errorResponses } },
  }, async (req) => wire({ letters: await listRequestLetters(deps, principalOf(req), req.params.requestId) }));

  app.get('/api/letters/:letterId', {
    schema: { tags, summary: '文书', params: LetterParamsSchema, response: { 200: LetterSchema, ...errorResponses } },
  }, async (req) => getLetter(deps, principalOf(req), req.params.letterId));

  app.patch('/api/letters/:letterId', {
    schema: { tags, summary: '修改文书草稿', params: LetterParamsSchema, body: LetterPatchSchema, response: { 200: LetterSchema, ...errorResponses } },
  }, async (req) => updateLetter(deps, principalOf(req), req.params.letterId, req.body));

  app.get('/api/letters/:letterId/file', {
    schema: { tags, summary: '下载文书（DOCX 或 PDF）', params: LetterParamsSchema, querystring: LetterFileQuerySchema, response: { 200: FileSchema, ...errorResponses } },
  }, async (req, reply) => {
    const file = await exportLetter(deps, principalOf(req), req.params.letterId, req.query.format, { chromiumPath: config.chromiumPath });
    return reply.header('content-disposition', attachmentDisposition(file.fileName)).header('cache-control', 'no-store').type(file.mediaType).send(Buffer.from(file.bytes));
  });

  app.get('/api/requests/:requestId/attachments', {
    schema: { tags, summary: '申请的附件', params: RequestParamsSchema, response: { 200: AttachmentListSchema, ...errorResponses } },
  }, async (req) => wire({ attachments: await listRequestAttachments(deps, principalOf(req), req.params.requestId) }));

  app.post('/api/requests/:requestId/attachments', {
    schema: {
      tags, summary: '上传附件（multipart/form-data：purpose = released | incoming | other，file；或 JSON { fileName, purpose, contentBase64 }）', params: RequestParamsSchema,
      consumes: ['multipart/form-data', 'application/json'], response: { 201: AttachmentSchema, ...errorResponses },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) {
      const b = (req.body ?? {}) as { fileName?: unknown; purpose?: unknown; contentBase64?: unknown };
      if (typeof b.fileName !== 'string' || typeof b.contentBase64 !== 'string') {
        throw new AppError('REQUEST_INVALID', { detail: '请以 multipart/form-data 上传文件，或提交 JSON { fileName, purpose, contentBase64 }' });
      }
      const content = new Uint8Array(Buffer.from(b.contentBase64, 'base64'));
      const purpose = (typeof b.purpose === 'string' ? b.purpose : 'released') as AttachmentPurpose;
      return reply.code(201).send(await addAttachment(deps, principalOf(req), req.params.requestId, { fileName: b.fileName, content, purpose }));
    }
    let purpose = 'released';
    let file: { name: string; bytes: Uint8Array } | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { limitMb: Math.floor(maxBytes / 1024 / 1024) });
          file = { name: part.filename, bytes: new Uint8Array(bytes) };
        } else if (part.fieldname === 'purpose' && typeof part.value === 'string') {
          purpose = part.value;
        }
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const code = (err as { code?: string }).code ?? '';
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { limitMb: Math.floor(maxBytes / 1024 / 1024) });
      if (/^FST_(FILES|FIELDS|PARTS)_LIMIT$/.test(code)) throw new AppError('REQUEST_INVALID', { detail: '一次只能上传一个文件' });
      throw err;
    }
    if (!file) throw new AppError('REQUEST_INVALID', { detail: '请选择要上传的文件' });
    const a = await addAttachment(deps, principalOf(req), req.params.requestId, { fileName: file.name, content: file.bytes, purpose: purpose as AttachmentPurpose });
    return reply.code(201).send(a);
  });

  app.get('/api/attachments/:attachmentId/file', {
    schema: { tags, summary: '下载附件', params: AttachmentParamsSchema, response: { 200: FileSchema, ...errorResponses } },
  }, async (req, reply) => {
    const { attachment, content } = await getAttachmentFile(deps, principalOf(req), req.params.attachmentId);
    return reply.header('content-disposition', attachmentDisposition(attachment.fileName)).header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff').type(attachment.mediaType).send(Buffer.from(content));
  });

  app.delete('/api/attachments/:attachmentId', {
    schema: { tags, summary: '删除附件（未随答复发出的）', params: AttachmentParamsSchema, response: { 204: NoContentSchema, ...errorResponses } },
  }, async (req, reply) => {
    await deleteAttachment(deps, principalOf(req), req.params.attachmentId);
    return reply.code(204).send(null);
  });
};
