/**
 * Collects every route as it is registered (Fastify's onRoute hook), so tests can enumerate them —
 * the authorization matrix fails for a route nobody listed.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';

export interface CatalogRoute {
  readonly method: string;
  readonly url: string;
  readonly config: RouteOptions['config'];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far (HEAD twins of GET routes excluded). */
    routeCatalog: readonly CatalogRoute[];
  }
}

/** Call before any route is registered. */
export function registerRouteCatalog(app: FastifyInstance): void {
  const routes: CatalogRoute[] = [];
  app.decorate('routeCatalog', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      // Fastify adds a HEAD twin for every GET; it is not a route of its own
      if (method === 'HEAD' && routes.some((r) => r.method === 'GET' && r.url === route.url)) continue;
      routes.push({ method, url: route.url, config: route.config });
    }
  });
}
