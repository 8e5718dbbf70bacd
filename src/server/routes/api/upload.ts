/**
 * One uploaded file from a multipart/form-data body (plus its text fields), or from a JSON body
 * { fileName, contentBase64, …fields } for API clients without multipart. Registers
 * @fastify/multipart in the calling plugin when it is not there yet.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';

export interface Upload {
  readonly fileName: string;
  readonly content: Uint8Array;
  readonly fields: Readonly<Record<string, string>>;
}

export async function registerMultipart(app: FastifyInstance, maxBytes: number): Promise<void> {
  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 8, parts: 9 } });
  }
}

/** @throws AppError(REQUEST_INVALID | FILE_TOO_LARGE) */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  const limitMb = Math.floor(maxBytes / 1024 / 1024);
  if (!req.isMultipart()) {
    const b = (req.body ?? {}) as Record<string, unknown>;
    if (typeof b.fileName !== 'string' || typeof b.contentBase64 !== 'string') {
      throw new AppError('REQUEST_INVALID', { detail: '请以 multipart/form-data 上传文件，或提交 JSON { fileName, contentBase64 }' });
    }
    const content = new Uint8Array(Buffer.from(b.contentBase64, 'base64'));
    if (content.length > maxBytes) throw new AppError('FILE_TOO_LARGE', { limitMb });
    const fields = Object.fromEntries(Object.entries(b).filter(([k, v]) => k !== 'contentBase64' && k !== 'fileName' && (typeof v === 'string' || typeof v === 'number')).map(([k, v]) => [k, String(v)]));
    return { fileName: b.fileName, content, fields };
  }
  let file: { name: string; bytes: Uint8Array } | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw new AppError('FILE_TOO_LARGE', { limitMb });
        file = { name: part.filename, bytes: new Uint8Array(bytes) };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('FILE_TOO_LARGE', { limitMb });
    if (/^FST_(FILES|FIELDS|PARTS)_LIMIT$/.test(code)) throw new AppError('REQUEST_INVALID', { detail: '一次只能上传一个文件' });
    throw err;
  }
  if (!file) throw new AppError('REQUEST_INVALID', { detail: '请选择要上传的文件' });
  return { fileName: file.name, content: file.bytes, fields };
}

/** A positive integer field (e.g. the version of a multipart upload). */
export function intField(fields: Readonly<Record<string, string>>, name: string): number {
  const v = Number(fields[name]);
  if (!Number.isInteger(v) || v < 1) throw new AppError('REQUEST_INVALID', { detail: `缺少或无效的字段 ${name}` });
  return v;
}
