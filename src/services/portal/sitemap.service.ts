/**
 * sitemap.xml (sitemaps.org 0.9): an index of the column pages file and one file per 50,000
 * published items (newest first), so a million items stay within the protocol's limits. URLs are
 * absolute, made from the origin the request came to.
 */
import { AppError } from '../../core/errors.js';
import { listSitemapItems } from '../../db/search.repository.js';
import type { ServiceDeps } from '../deps.js';
import { portalVersion } from '../search/data-version.js';
import { loadPortalContext } from '../search/public-context.js';

export const sitemapPageSize = 50_000;
const xmlEscape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const urlset = (urls: readonly { loc: string; lastmod?: string | null }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `<url><loc>${xmlEscape(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`).join('\n')}\n</urlset>\n`;

/** The sitemap index: the columns file and the item files. */
export async function sitemapIndex(deps: ServiceDeps, origin: string): Promise<string> {
  await portalVersion(deps);
  const count = (await listSitemapItems(deps.db, 0, 0)).total;
  const files = ['/sitemap/columns.xml', ...Array.from({ length: Math.ceil(count / sitemapPageSize) }, (_, i) => `/sitemap/items-${i + 1}.xml`)];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files
    .map((f) => `<sitemap><loc>${xmlEscape(origin + f)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`;
}

/** The platform, every agency's column and its fixed parts. */
export async function sitemapColumns(deps: ServiceDeps, origin: string): Promise<string> {
  const version = (await portalVersion(deps)).key;
  const context = await loadPortalContext(deps, version);
  const urls = [{ loc: `${origin}/zwgk` }, { loc: `${origin}/search` }];
  for (const a of context.agencies) {
    const base = `${origin}/zwgk/${encodeURIComponent(a.id)}`;
    urls.push({ loc: base }, ...['guide', 'system', 'catalog', 'reports', 'apply'].map((p) => ({ loc: `${base}/${p}` })));
  }
  return urlset(urls);
}

/** Published items, page n (1-based) of 50,000, newest first. @throws AppError(NOT_FOUND) past the last page */
export async function sitemapItems(deps: ServiceDeps, origin: string, page: number): Promise<string> {
  await portalVersion(deps);
  const { items, total } = await listSitemapItems(deps.db, (page - 1) * sitemapPageSize, sitemapPageSize);
  if (page < 1 || (page > 1 && (page - 1) * sitemapPageSize >= total)) throw new AppError('NOT_FOUND', { what: '该站点地图' });
  return urlset(items.map((i) => ({ loc: `${origin}/zwgk/doc/${encodeURIComponent(i.itemId)}`, lastmod: i.publishedOn })));
}
