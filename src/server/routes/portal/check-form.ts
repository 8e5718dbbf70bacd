/**
 * The checker form as posted: multipart (file uploads, and the text box of the same form) or
 * application/x-www-form-urlencoded (the paste form). Limits come from config.uploads.maxBytes;
 * a part over the limit is AppError FILE_TOO_LARGE.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { uploadLimitMb } from '../../../services/check.service.js';

export interface Upload {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly mimeType: string;
}

export interface CheckForm {
  readonly fields: ReadonlyMap<string, string>;
  /** Uploaded files by field name; a file input left empty is absent. */
  readonly files: ReadonlyMap<string, Upload>;
}

const tooLarge = (maxBytes: number) => new AppError('FILE_TOO_LARGE', { limitMb: uploadLimitMb(maxBytes) });

/** Fastify/multipart errors that mean "too large". */
export const isTooLargeError = (err: { code?: string; statusCode?: number }): boolean =>
  err.statusCode === 413 || ['FST_ERR_CTP_BODY_TOO_LARGE', 'FST_REQ_FILE_TOO_LARGE'].includes(err.code ?? '');

export async function readCheckForm(request: FastifyRequest, maxBytes: number): Promise<CheckForm> {
  const fields = new Map<string, string>();
  const files = new Map<string, Upload>();
  if (!request.isMultipart()) {
    const body = request.body;
    if (body && typeof body === 'object') {
      for (const [key, value] of Object.entries(body as Record<string, unknown>)) if (typeof value === 'string') fields.set(key, value);
    }
    return { fields, files };
  }
  const parts = request.parts({ limits: { fileSize: maxBytes, fieldSize: maxBytes, files: 2, fields: 8, parts: 10 } });
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw tooLarge(maxBytes);
        if (part.filename) files.set(part.fieldname, { bytes: new Uint8Array(bytes), filename: part.filename, mimeType: part.mimetype });
      } else {
        if (part.valueTruncated) throw tooLarge(maxBytes);
        if (typeof part.value === 'string') fields.set(part.fieldname, part.value);
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (isTooLargeError(err as { code?: string })) throw tooLarge(maxBytes);
    const code = (err as { code?: string }).code ?? '';
    if (/^FST_(FILES|FIELDS|PARTS)_LIMIT$/.test(code)) throw new AppError('REQUEST_INVALID', { detail: '表单中的文件或字段过多' });
    throw err;
  }
  return { fields, files };
}
