/**
 * 申请查询 on the portal, by 查询码 (always POSTed, never in a URL): GET /track (the form), POST /track
 * (the status page), POST /track/clarification (the applicant's 补正). Public forms: CSRF form token,
 * rate-limited per client (which also slows down guessing codes of 100 bits).
 *
 * Downloads: a status page sets the code in a short-lived HttpOnly cookie (path /track, SameSite
 * Strict), so the page's plain links — GET /track/letters/:letterId/(pdf|docx) and
 * GET /track/files/:attachmentId — work without JavaScript and without the code in a URL. Only the
 * issued letters and released files of THAT request are served (track-files.service.ts); the
 * downloads are rate-limited like the form, since the cookie could otherwise be used to probe codes.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { appErrorMessage, isAppError } from '../../../core/errors.js';
import { renderTrackFormPage, renderTrackStatusPage } from '../../../portal/pages/track.js';
import { answerClarificationByApplicant, trackRequest } from '../../../services/requests/portal.service.js';
import { trackAttachmentFile, trackLetterFile } from '../../../services/requests/track-files.service.js';
import type { LetterFile } from '../../../services/requests/letter-export.service.js';
import { attachmentDisposition } from '../api/requests-letters.routes.js';

const HTML = 'text/html; charset=utf-8';
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const trackCookieName = 'gk_track';
/** How long the downloads of a status page keep working. */
const trackCookieSeconds = 30 * 60;

export const trackRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.serviceDeps;
  const { config } = app.deps;
  const limited = { csrf: 'form' as const, rateLimit: app.rateLimits.publicForm };
  const page = (reply: FastifyReply, status: number, html: string) => reply.code(status).type(HTML).header('cache-control', 'no-store').send(html);
  const remember = (reply: FastifyReply, code: string) =>
    reply.setCookie(trackCookieName, code, { path: '/track', httpOnly: true, sameSite: 'strict', secure: config.secureCookies, maxAge: trackCookieSeconds });

  app.get('/track', async (_request, reply) => page(reply, 200, renderTrackFormPage({ csrfToken: reply.formCsrfToken() })));

  app.post('/track', { config: limited }, async (request, reply) => {
    const code = str((request.body as Record<string, unknown> | undefined)?.code).trim();
    if (!code) return page(reply, 422, renderTrackFormPage({ csrfToken: reply.formCsrfToken(), error: '请输入查询码' }));
    try {
      const status = await trackRequest(deps, code);
      remember(reply, code);
      return page(reply, 200, renderTrackStatusPage({ status, code, csrfToken: reply.formCsrfToken() }));
    } catch (err) {
      if (!isAppError(err) || err.code !== 'NOT_FOUND') throw err;
      return page(reply, 404, renderTrackFormPage({ csrfToken: reply.formCsrfToken(), error: appErrorMessage(err.code, err.params) }));
    }
  });

  app.post('/track/clarification', { config: limited }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const code = str(body.code).trim();
    try {
      const status = await answerClarificationByApplicant(deps, code, { text: str(body.text) });
      remember(reply, code);
      return page(reply, 200, renderTrackStatusPage({ status, code, csrfToken: reply.formCsrfToken(), notice: '补正已提交，答复期限自今日起重新计算。' }));
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === 'NOT_FOUND') return page(reply, 404, renderTrackFormPage({ csrfToken: reply.formCsrfToken(), error: appErrorMessage(err.code, err.params) }));
      const status = await trackRequest(deps, code);
      remember(reply, code);
      const message = appErrorMessage(err.code, err.params);
      return page(reply, err.code === 'REQUEST_INVALID' ? 422 : 409, renderTrackStatusPage({
        status, code, csrfToken: reply.formCsrfToken(), ...(err.code === 'REQUEST_INVALID' ? { clarificationError: message } : { notice: message }),
      }));
    }
  });

  /**
   * Sends a file for the code in the cookie; without one the form asks for the code. An unknown code
   * or a file not released to it is the error page's 404 (NOT_FOUND).
   */
  const download = async (request: FastifyRequest, reply: FastifyReply, get: (code: string) => Promise<LetterFile>) => {
    const code = request.cookies[trackCookieName] ?? '';
    if (!code) return page(reply, 403, renderTrackFormPage({ csrfToken: reply.formCsrfToken(), error: '下载文书和公开的文件，请先输入查询码查询（查询后 30 分钟内可下载）' }));
    const file = await get(code);
    return reply.header('content-disposition', attachmentDisposition(file.fileName)).header('cache-control', 'no-store, private')
      .type(file.mediaType).send(Buffer.from(file.bytes));
  };

  app.get<{ Params: { letterId: string; format: string } }>('/track/letters/:letterId/:format', { config: { rateLimit: app.rateLimits.publicForm } }, async (request, reply) => {
    const { letterId, format } = request.params;
    if (format !== 'pdf' && format !== 'docx') return reply.callNotFound();
    return download(request, reply, (code) => trackLetterFile(deps, code, letterId, format, { chromiumPath: config.chromiumPath }));
  });

  app.get<{ Params: { attachmentId: string } }>('/track/files/:attachmentId', { config: { rateLimit: app.rateLimits.publicForm } }, async (request, reply) =>
    download(request, reply, (code) => trackAttachmentFile(deps, code, request.params.attachmentId)));
};
