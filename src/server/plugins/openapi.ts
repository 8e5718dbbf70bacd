/**
 * The OpenAPI document of the JSON API, built from the routes' TypeBox schemas: served as
 * /api/openapi.json and browsable with Swagger UI at /api/docs (both public). Only /api/ routes
 * appear; register this before the routes.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { sessionCookieName } from './auth.js';
import { csrfHeaderName } from './csrf.js';

export async function registerOpenApi(app: FastifyInstance, opts: { readonly version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'gongkai 政府信息公开平台 API',
        description: '工作人员控制台所用的 JSON API。除登录外均需登录会话（Cookie）；修改类请求需带 x-csrf-token（取自 GET /api/auth/me）。错误统一为 { error: { code, message } }，代码见 docs/errors.md。',
        version: opts.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName },
          csrf: { type: 'apiKey', in: 'header', name: csrfHeaderName },
        },
      },
      security: [{ session: [] }],
    },
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/api/') ? schema : { ...(schema ?? {}), hide: true },
      url,
    }),
  });
  await app.register(async (docs) => {
    // everything Swagger UI registers is public documentation
    docs.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), access: 'public' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: false } });
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
}
