/**
 * 申请公开 on the portal: GET /apply (the form, with a fresh idempotency key), POST /apply (checks the
 * fields — problems re-render the form —, submits once per key, then Post/Redirect/Get), GET
 * /apply/receipt (the 查询码, carried from the POST in a short-lived HttpOnly cookie, never in a URL).
 * Public form: signed CSRF form token, rate-limited per client.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { agencyDepth } from '../../../core/agencies/agency.js';
import { isAppError, appErrorMessage } from '../../../core/errors.js';
import { checkIntake, type IntakeFields } from '../../../core/requests/intake.js';
import { requestStatusLabels } from '../../../core/requests/states.js';
import { renderApplyPage, renderReceiptPage, type AgencyOption } from '../../../portal/pages/apply.js';
import { listAgencies } from '../../../services/agencies.service.js';
import { systemPrincipal } from '../../../services/authorization.js';
import { submitPortalRequest } from '../../../services/requests/intake.service.js';
import { trackRequest } from '../../../services/requests/portal.service.js';

const HTML = 'text/html; charset=utf-8';
export const receiptCookieName = 'gk_receipt';
const fieldNames = ['applicantKind', 'name', 'idType', 'idNumber', 'contactPerson', 'phone', 'email', 'address', 'postalCode', 'description', 'documentNumber', 'wantedForm', 'wantedDelivery'] as const;

const newIntakeKey = (): string => randomBytes(18).toString('base64url');

export const applyRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.serviceDeps;
  const secure = app.deps.config.secureCookies;

  const agencies = async (): Promise<AgencyOption[]> =>
    (await listAgencies(deps, systemPrincipal('门户'))).map((a) => ({ id: a.id, name: a.name, depth: agencyDepth(a) }));

  const form = async (reply: FastifyReply, status: number, input: { values?: Record<string, string>; errors?: Record<string, string>; intakeKey?: string; message?: string }) =>
    reply.code(status).type(HTML).header('cache-control', 'no-store').send(renderApplyPage({
      agencies: await agencies(), csrfToken: reply.formCsrfToken(), intakeKey: input.intakeKey ?? newIntakeKey(),
      ...(input.values && { values: input.values }), ...(input.errors && { errors: input.errors }), ...(input.message && { message: input.message }),
    }));

  app.get('/apply', async (request, reply) => {
    const agencyId = (request.query as { agencyId?: unknown }).agencyId;
    return form(reply, 200, { values: typeof agencyId === 'string' ? { agencyId } : {} });
  });

  app.post('/apply', { config: { csrf: 'form', rateLimit: app.rateLimits.publicForm } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const k of [...fieldNames, 'agencyId']) if (typeof body[k] === 'string') values[k] = (body[k] as string).slice(0, 5000);
    const intakeKey = typeof body.intakeKey === 'string' ? body.intakeKey : '';
    const errors: Record<string, string> = {};
    if (!values.agencyId) errors.agencyId = '请选择受理机关';
    for (const p of checkIntake({ ...(values as IntakeFields), channel: 'internet' }, deps.clock.today()).problems) errors[p.field] ??= p.message;
    if (Object.keys(errors).length > 0) return form(reply, 422, { values, errors, intakeKey });
    try {
      const result = await submitPortalRequest(deps, { agencyId: values.agencyId!, fields: values as IntakeFields, intakeKey });
      reply.setCookie(receiptCookieName, `${result.trackingCode}${result.duplicate ? '~d' : ''}`, {
        path: '/apply/receipt', httpOnly: true, sameSite: 'lax', secure, maxAge: 3600,
      });
      return reply.code(303).header('location', '/apply/receipt').send();
    } catch (err) {
      if (!isAppError(err)) throw err;
      request.log.info({ code: err.code }, 'portal request refused');
      const message = appErrorMessage(err.code, err.params);
      return form(reply, err.code === 'NOT_FOUND' ? 422 : err.code === 'CONFLICT' ? 409 : 422, {
        values, message, ...(err.code === 'CONFLICT' ? {} : { intakeKey }), ...(err.code === 'NOT_FOUND' && { errors: { agencyId: message } }),
      });
    }
  });

  app.get('/apply/receipt', async (request, reply) => {
    const cookie = request.cookies[receiptCookieName] ?? '';
    const [code, flag] = cookie.split('~');
    reply.header('cache-control', 'no-store');
    if (!code) return reply.code(303).header('location', '/track').send();
    const s = await trackRequest(deps, code);
    return reply.type(HTML).send(renderReceiptPage({
      reference: s.reference, trackingCode: code, agencyName: s.agencyName, arrivedOn: s.arrivedOn,
      statusLabel: requestStatusLabels[s.status], duplicate: flag === 'd',
    }));
  });
};
