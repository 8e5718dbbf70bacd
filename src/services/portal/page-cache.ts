/**
 * Rendered portal pages, in memory: an LRU bounded by total bytes, keyed by URL within one data
 * version (a new version starts an empty cache, so a publish, change or withdrawal is never served
 * stale by this process). Entries carry their validators (ETag from the content, Last-Modified from
 * the data version) so the edge can answer 304 without rendering.
 */
import { createHash } from 'node:crypto';

export interface CachedPage {
  readonly status: number;
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  /** HTTP date of the data version's last change. */
  readonly lastModified: string;
  readonly cacheControl: string;
  /** Other headers of the answer (e.g. Content-Disposition of a download). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PageCacheOptions {
  /** Total bytes of bodies kept (default 64 MB). */
  readonly maxBytes?: number;
  /** Entries kept (default 20,000). */
  readonly maxEntries?: number;
}

export function strongEtag(body: Buffer | Uint8Array | string): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

export class PageCache {
  private version = '';
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  hits = 0;
  misses = 0;

  constructor(opts: PageCacheOptions = {}) {
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntries = opts.maxEntries ?? 20_000;
  }

  /** The entry of a URL rendered at this data version, most recently used last. */
  get(version: string, key: string): CachedPage | undefined {
    if (version !== this.version) return undefined;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      this.hits++;
    } else this.misses++;
    return hit;
  }

  set(version: string, key: string, page: CachedPage): void {
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(key);
    }
    if (page.body.length > this.maxBytes / 4) return;
    this.entries.set(key, page);
    this.bytes += page.body.length;
    while (this.bytes > this.maxBytes || this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.bytes -= this.entries.get(oldest.value)!.body.length;
      this.entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
