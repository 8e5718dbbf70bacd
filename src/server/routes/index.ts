/** Route plugins, one line each (portal pages and the JSON API). */
import type { FastifyPluginAsync } from 'fastify';
import { assetsRoutes } from './portal/assets.routes.js';
import { checkRoutes } from './portal/check.routes.js';
import { homeRoutes } from './portal/home.routes.js';
import { agenciesRoutes } from './api/agencies.routes.js';
import { auditRoutes } from './api/audit.routes.js';
import { authRoutes } from './api/auth.routes.js';
import { usersRoutes } from './api/users.routes.js';
import { consoleRoutes } from './console.routes.js';
import { applyRoutes } from './portal/apply.routes.js';
import { trackRoutes } from './portal/track.routes.js';
import { requestsRoutes } from './api/requests.routes.js';
import { requestActionsRoutes } from './api/requests-actions.routes.js';
import { requestLettersRoutes } from './api/requests-letters.routes.js';
import { appealsRoutes } from './api/appeals.routes.js';
import { reportsRoutes } from './api/reports.routes.js';
import { publicationsRoutes } from './api/publications.routes.js';
import { publicationActionsRoutes } from './api/publications-actions.routes.js';
import { publicationSettingsRoutes } from './api/publications-settings.routes.js';
import { registersRoutes } from './api/registers.routes.js';
import { disclosureRoutes } from './portal/disclosure.routes.js';
import { guideRoutes } from './portal/guide.routes.js';
import { catalogRoutes } from './portal/catalog.routes.js';
import { documentRoutes } from './portal/document.routes.js';
import { portalReportsRoutes } from './portal/reports.routes.js';
import { searchRoutes } from './portal/search.routes.js';
import { sitemapRoutes } from './portal/sitemap.routes.js';
import { portalSettingsRoutes } from './api/portal-settings.routes.js';
import { calendarRoutes } from './api/calendar.routes.js';

export const routes: readonly FastifyPluginAsync[] = [assetsRoutes, homeRoutes, checkRoutes, authRoutes, agenciesRoutes, usersRoutes, auditRoutes, consoleRoutes,
  applyRoutes, trackRoutes, requestsRoutes, requestActionsRoutes, requestLettersRoutes, appealsRoutes, reportsRoutes,
  publicationsRoutes, publicationActionsRoutes, publicationSettingsRoutes, registersRoutes,
  disclosureRoutes, guideRoutes, catalogRoutes, documentRoutes, portalReportsRoutes, searchRoutes, sitemapRoutes,
  portalSettingsRoutes, calendarRoutes];
