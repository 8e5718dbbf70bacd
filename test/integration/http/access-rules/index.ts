/**
 * Every /api/ route's expected access. Add your routes' rules in a file of this folder and spread
 * it here; the matrix test fails for a registered route without a rule and for a rule without a route.
 */
import type { AccessRules } from '../../../support/access-matrix.js';
import { accountAccessRules } from './accounts.js';
import { requestAccessRules } from './requests.js';
import { reportAccessRules } from './reports.js';
import { publicationAccessRules } from './publications.js';
import { portalSettingsAccessRules } from './portal-settings.js';

export const accessRules: AccessRules = {
  ...accountAccessRules,
  ...requestAccessRules,
  ...reportAccessRules,
  ...publicationAccessRules,
  ...portalSettingsAccessRules,
};

/** Routes left out of the matrix, with the reason (prefix match). */
export const unlistedPrefixes: Readonly<Record<string, string>> = {
  '/api/docs': 'Swagger UI: public documentation pages and assets registered by @fastify/swagger-ui',
};
