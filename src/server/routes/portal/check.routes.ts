/**
 * 年度报告检查 (the report checker page): GET /check (the form), POST /check (paste or upload →
 * the result page), POST /check/download?to=docx|pdf|json|txt|html (the report JSON posted back by
 * the result page's download buttons → the file). Stateless: nothing is stored. Public and
 * side-effect free, so no CSRF token (csrf: 'none'); rate-limited per client as a public form.
 * Failures render the form (or an error page) with the Chinese message and the code, never a stack.
 */
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { AppError, appErrorMessage, appErrorStatus, isAppError } from '../../../core/errors.js';
import { renderErrorPage } from '../../../portal/error-page.js';
import { renderCheckFormPage, renderCheckResultPage } from '../../../portal/pages/check.js';
import { assertReadableFileType, assertUploadSize, checkReportFile, readPreviousReport, reportFileName, uploadLimitMb } from '../../../services/check.service.js';
import { closePdfBrowser, renderReportFile, type RenderTarget } from '../../../services/render/index.js';
import { readReportJson } from '../../../services/report-json.js';
import { isTooLargeError, readCheckForm } from './check-form.js';

const downloadTargets: readonly RenderTarget[] = ['docx', 'pdf', 'json', 'txt', 'html'];
const HTML = 'text/html; charset=utf-8';

/** attachment; filename="<ASCII fallback>"; filename*=UTF-8''<the Chinese name> (RFC 6266 / 5987). */
export function contentDisposition(name: string, extension: string): string {
  const fallback = `annual-report.${extension}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const checkRoutes: FastifyPluginAsync = async (app) => {
  const { config } = app.deps;
  const maxBytes = config.uploads.maxBytes;
  const maxMb = uploadLimitMb(maxBytes);
  if (!app.hasContentTypeParser('multipart/form-data')) {
    await app.register(multipart, { limits: { fileSize: maxBytes, fieldSize: maxBytes, files: 2, fields: 8, parts: 10 } });
  }
  app.addHook('onClose', async () => closePdfBrowser());

  // Errors of these routes are pages: the form again with the message (POST /check) or an error page.
  app.setErrorHandler(async (err: FastifyError, request, reply) => {
    let error: AppError | null = isAppError(err) ? err : null;
    if (!error && isTooLargeError(err)) error = new AppError('FILE_TOO_LARGE', { limitMb: maxMb });
    if (!error) throw err; // the app's handler logs it and answers generically
    request.log.info({ code: error.code, params: error.params }, 'check request failed');
    const status = appErrorStatus(error.code);
    const message = appErrorMessage(error.code, error.params);
    const page = request.routeOptions.url === '/check'
      ? renderCheckFormPage({ maxMb, error: { message, code: error.code } })
      : renderErrorPage({ status, code: error.code, message });
    return reply.code(status).type(HTML).send(page);
  });

  app.get('/check', async (_request, reply) => reply.type(HTML).send(renderCheckFormPage({ maxMb })));

  app.post('/check', { config: { csrf: 'none', rateLimit: app.rateLimits.publicForm } }, async (request, reply) => {
    const form = await readCheckForm(request, maxBytes);
    const upload = form.files.get('file');
    const text = form.fields.get('text') ?? '';
    if (!upload && !text.trim()) throw new AppError('REQUEST_INVALID', { detail: '请选择要上传的年度报告文件，或粘贴报告全文' });
    if (upload) assertReadableFileType(upload.filename);
    const input = upload ?? { bytes: new TextEncoder().encode(text), filename: '', mimeType: 'text/plain' };
    assertUploadSize(input.bytes.length, maxBytes);
    const previousUpload = form.files.get('previous');
    if (previousUpload) assertReadableFileType(previousUpload.filename);
    const previous = previousUpload ? await readPreviousReport(previousUpload) : null;
    const result = await checkReportFile({ ...input, filename: input.filename || undefined, previous });
    return reply.code(result.report ? 200 : 422).type(HTML).send(renderCheckResultPage({ ...result, file: input.filename }));
  });

  app.post('/check/download', { config: { csrf: 'none', rateLimit: app.rateLimits.publicForm } }, async (request, reply) => {
    const to = (request.query as { to?: unknown }).to;
    if (typeof to !== 'string' || !(downloadTargets as readonly string[]).includes(to)) {
      throw new AppError('REQUEST_INVALID', { detail: `下载格式应为 ${downloadTargets.join('、')} 之一` });
    }
    const body = request.body as Record<string, unknown> | null | undefined;
    const json = body && typeof body === 'object' && typeof body.report === 'string' ? body.report : '';
    if (!json.trim()) throw new AppError('REPORT_INVALID', { detail: '缺少报告数据（report 字段）' });
    const report = readReportJson(json);
    const file = await renderReportFile(report, to as RenderTarget, { chromiumPath: config.chromiumPath });
    return reply
      .header('content-disposition', contentDisposition(reportFileName(report, file.extension), file.extension))
      .header('cache-control', 'no-store')
      .type(file.mimeType)
      .send(Buffer.from(file.bytes));
  });
};
