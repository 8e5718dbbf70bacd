/**
 * 申请查询 on the portal, by 查询码 (always POSTed, never in a URL): GET /track (the form), POST /track
 * (the status page), POST /track/clarification (the applicant's 补正). Public forms: CSRF form token,
 * rate-limited per client (which also slows down guessing codes of 100 bits).
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { appErrorMessage, isAppError } from '../../../core/errors.js';
import { renderTrackFormPage, renderTrackStatusPage } from '../../../portal/pages/track.js';
import { answerClarificationByApplicant, trackRequest } from '../../../services/requests/portal.service.js';

const HTML = 'text/html; charset=utf-8';
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const trackRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.serviceDeps;
  const limited = { csrf: 'form' as const, rateLimit: app.rateLimits.publicForm };
  const page = (reply: FastifyReply, status: number, html: string) => reply.code(status).type(HTML).header('cache-control', 'no-store').send(html);

  app.get('/track', async (_request, reply) => page(reply, 200, renderTrackFormPage({ csrfToken: reply.formCsrfToken() })));

  app.post('/track', { config: limited }, async (request, reply) => {
    const code = str((request.body as Record<string, unknown> | undefined)?.code).trim();
    if (!code) return page(reply, 422, renderTrackFormPage({ csrfToken: reply.formCsrfToken(), error: '请输入查询码' }));
    try {
      const status = await trackRequest(deps, code);
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
      return page(reply, 200, renderTrackStatusPage({ status, code, csrfToken: reply.formCsrfToken(), notice: '补正已提交，答复期限自今日起重新计算。' }));
    } catch (err) {
      if (!isAppError(err)) throw err;
      if (err.code === 'NOT_FOUND') return page(reply, 404, renderTrackFormPage({ csrfToken: reply.formCsrfToken(), error: appErrorMessage(err.code, err.params) }));
      const status = await trackRequest(deps, code);
      const message = appErrorMessage(err.code, err.params);
      return page(reply, err.code === 'REQUEST_INVALID' ? 422 : 409, renderTrackStatusPage({
        status, code, csrfToken: reply.formCsrfToken(), ...(err.code === 'REQUEST_INVALID' ? { clarificationError: message } : { notice: message }),
      }));
    }
  });
};
