/** Static assets of the portal (CSS, fonts, images), cached by content. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

const assetsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'portal', 'assets');

export const assetsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(fastifyStatic, { root: assetsDir, prefix: '/assets/', maxAge: '1h', decorateReply: false, index: false });
};
