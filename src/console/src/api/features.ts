/**
 * Which parts of the API this server offers, read from its OpenAPI document: the console shows a
 * screen only when the routes behind it exist (no dead links while parts are still being built).
 */
import { api } from './client.js';

export type Feature = 'requests' | 'intake' | 'reports' | 'publications' | 'registers' | 'calendar' | 'portalTexts' | 'synonyms';

type Has = (path: string, method?: string) => boolean;

/** What each feature needs in the OpenAPI document (paths as OpenAPI writes them: {param}). */
const needs: Readonly<Record<Feature, (has: Has) => boolean>> = {
  requests: (has) => has('/api/requests/worklist') && has('/api/requests/{requestId}'),
  intake: (has) => has('/api/requests', 'post'),
  reports: (has) => has('/api/reports/{agencyId}/{year}') && has('/api/reports/{agencyId}/{year}/cells'),
  publications: (has) => has('/api/publications') && has('/api/publications/{publicationId}') && has('/api/publications/review-queue'),
  registers: (has) => has('/api/registers') && has('/api/registers/import'),
  calendar: (has) => has('/api/calendar/years') && has('/api/calendar/years/{year}'),
  portalTexts: (has) => has('/api/portal-texts/{agencyId}') && has('/api/portal-texts/{agencyId}/{key}', 'put'),
  synonyms: (has) => has('/api/search/synonyms') && has('/api/search/synonyms', 'post'),
};

export interface ApiFeatures {
  has(feature: Feature): boolean;
  /** The OpenAPI path and methods, for screens that adapt to what exists. */
  hasPath(path: string, method?: string): boolean;
}

interface OpenApiDoc { paths?: Record<string, Record<string, unknown>> }

export const featuresFrom = (doc: OpenApiDoc): ApiFeatures => {
  const paths = doc.paths ?? {};
  const hasPath = (path: string, method?: string): boolean => {
    const item = paths[path];
    return item !== undefined && (method === undefined || method.toLowerCase() in item);
  };
  return {
    hasPath,
    has: (feature) => needs[feature](hasPath),
  };
};

export const loadFeatures = async (): Promise<ApiFeatures> => {
  try {
    return featuresFrom(await api.get<OpenApiDoc>('/api/openapi.json'));
  } catch {
    return featuresFrom({});
  }
};
