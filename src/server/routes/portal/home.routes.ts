/** GET / — the portal's home page. */
import type { FastifyPluginAsync } from 'fastify';
import { renderHomePage } from '../../../portal/pages/home.js';

export const homeRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(renderHomePage()));
};
