import { describe, expect, it } from 'vitest';
import { PageCache, strongEtag, type CachedPage } from './page-cache.js';

const page = (text: string): CachedPage => {
  const body = Buffer.from(text);
  return { status: 200, body, contentType: 'text/html; charset=utf-8', etag: strongEtag(body), lastModified: 'Mon, 02 Mar 2026 02:00:00 GMT', cacheControl: 'public, max-age=60' };
};

describe('page cache', () => {
  it('serves a page only at the data version it was rendered at', () => {
    const cache = new PageCache();
    cache.set('v1', '/zwgk', page('一'));
    expect(cache.get('v1', '/zwgk')?.body.toString()).toBe('一');
    expect(cache.get('v2', '/zwgk')).toBeUndefined();
    cache.set('v2', '/search', page('二'));
    expect(cache.get('v1', '/zwgk')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('evicts the least recently used pages beyond its byte and entry limits', () => {
    const cache = new PageCache({ maxBytes: 40, maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) cache.set('v', k, page('x'.repeat(10)));
    cache.get('v', 'a');
    cache.set('v', 'd', page('x'.repeat(10)));
    expect(['a', 'b', 'c', 'd'].filter((k) => cache.get('v', k))).toEqual(['a', 'c', 'd']);
    cache.set('v', 'e', page('x'.repeat(30)));
    expect(cache.get('v', 'e')).toBeUndefined(); // larger than a quarter of the budget: never kept
    cache.set('v', 'f', page('x'.repeat(10)));
    cache.set('v', 'g', page('x'.repeat(10)));
    expect(['a', 'c', 'd', 'f', 'g'].filter((k) => cache.get('v', k)).length).toBe(3);
  });

  it('makes ETags from the bytes', () => {
    expect(strongEtag(Buffer.from('一'))).toBe(strongEtag('一'));
    expect(strongEtag('一')).not.toBe(strongEtag('二'));
  });
});
