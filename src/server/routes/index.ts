/** Route plugins, one line each (portal pages and the JSON API). */
import type { FastifyPluginAsync } from 'fastify';
import { assetsRoutes } from './portal/assets.routes.js';

export const routes: readonly FastifyPluginAsync[] = [assetsRoutes];
