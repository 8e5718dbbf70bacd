/** Route plugins, one line each (portal pages and the JSON API). */
import type { FastifyPluginAsync } from 'fastify';
import { assetsRoutes } from './portal/assets.routes.js';
import { agenciesRoutes } from './api/agencies.routes.js';
import { auditRoutes } from './api/audit.routes.js';
import { authRoutes } from './api/auth.routes.js';
import { usersRoutes } from './api/users.routes.js';

export const routes: readonly FastifyPluginAsync[] = [assetsRoutes, authRoutes, agenciesRoutes, usersRoutes, auditRoutes];
