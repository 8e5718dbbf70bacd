/**
 * Which parts of the API this server offers, read from its OpenAPI document: the console shows a
 * screen only when the routes behind it exist (no dead links while parts are still being built).
 */
import { api } from './client.js';

export type Feature = 'requests' | 'intake' | 'reports' | 'publications' | 'calendar';

/** A feature is on when every listed path (or one of the alternatives in an inner array) is in the document. */
const needs: Readonly<Record<Feature, readonly (string | readonly string[])[]>> = {
  requests: ['/api/requests', '/api/requests/{requestId}'],
  intake: [['/api/requests/intake', '/api/requests']],
  reports: [['/api/reports/compile', '/api/reports/{agencyId}/{year}', '/api/report-compile', '/api/reports']],
  publications: ['/api/publications'],
  calendar: [['/api/calendar', '/api/calendar/years']],
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
    has: (feature) => needs[feature].every((need) => (typeof need === 'string' ? hasPath(need) : need.some((p) => hasPath(p)))),
  };
};

export const loadFeatures = async (): Promise<ApiFeatures> => {
  try {
    return featuresFrom(await api.get<OpenApiDoc>('/api/openapi.json'));
  } catch {
    return featuresFrom({});
  }
};
