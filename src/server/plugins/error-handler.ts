/**
 * One error handler: AppError → its HTTP status and Chinese message; schema failures → 400
 * REQUEST_INVALID with the field; anything else is logged with its stack and answered generically.
 * Portal pages (HTML accepted) get an HTML error page; the API gets JSON { error: { code, message } }.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { appErrorMessage, appErrorStatus, isAppError, type AppErrorCode } from '../../core/errors.js';
import type { Params } from '../../core/findings.js';

export type ErrorPageRenderer = (input: { status: number; code: string; message: string; request: FastifyRequest }) => string;

export function registerErrorHandler(app: FastifyInstance, renderPage: ErrorPageRenderer): void {
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) => {
    const wantsHtml = !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (wantsHtml) {
      return reply.code(status).type('text/html; charset=utf-8').send(renderPage({ status, code, message, request }));
    }
    return reply.code(status).send({ error: { code, message } });
  };

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (isAppError(err)) {
      request.log.info({ code: err.code, params: err.params }, 'request failed');
      return send(request, reply, appErrorStatus(err.code), err.code, appErrorMessage(err.code, err.params));
    }
    if (err.validation) {
      const first = err.validation[0];
      const field = first?.instancePath?.replace(/^\//, '') || (first?.params as { missingProperty?: string })?.missingProperty || '';
      const detail = field ? `字段“${field}”不符合要求` : '';
      return send(request, reply, 400, 'REQUEST_INVALID', appErrorMessage('REQUEST_INVALID', { detail }));
    }
    const mapped = mapFastifyError(err);
    if (mapped) {
      request.log.info({ code: mapped.code, fastifyCode: err.code }, 'request rejected');
      return send(request, reply, appErrorStatus(mapped.code), mapped.code, appErrorMessage(mapped.code, mapped.params));
    }
    request.log.error({ err }, 'unhandled error');
    return send(request, reply, 500, 'INTERNAL', appErrorMessage('INTERNAL'));
  });

  app.setNotFoundHandler((request, reply) =>
    send(request, reply, 404, 'NOT_FOUND', appErrorMessage('NOT_FOUND', { what: '该页面' })),
  );
}

/** Framework errors that are really the client's: body too large, bad content type, rate limit. */
function mapFastifyError(err: FastifyError): { code: AppErrorCode; params: Params } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { code: 'FILE_TOO_LARGE', params: { limitMb: '' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { code: 'REQUEST_INVALID', params: { detail: '不支持的请求格式' } };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'REQUEST_INVALID', params: { detail: 'JSON 格式有误' } };
    default:
      if (err.statusCode === 429) return { code: 'RATE_LIMITED', params: {} };
      if (err.statusCode === 413) return { code: 'FILE_TOO_LARGE', params: { limitMb: '' } };
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return { code: 'REQUEST_INVALID', params: {} };
      return null;
  }
}
