/**
 * Unpublished, withdrawn and superseded never reach the public: items are made through the
 * publications services (a draft, a reviewed-but-unpublished version, a withdrawn item, a changed
 * item whose first version is superseded, with an attachment only the old version had), then the
 * whole portal is crawled from /zwgk, /search and the sitemap (every link followed), searched for
 * each marker, and the index itself is inspected — on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.js';
import type { Principal } from '../../../src/services/authorization.js';
import * as editing from '../../../src/services/publications/editing.service.js';
import { getPublicationDetail } from '../../../src/services/publications/queries.service.js';
import * as workflow from '../../../src/services/publications/workflow.service.js';
import { searchPublished } from '../../../src/services/search/search.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';
import { publicationInput, publishNew, reviewAndPublish } from '../../support/publication-fixture.js';
import { principalOfRole } from '../../support/request-fixture.js';

const hidden = { draft: '甲草稿未发标记', reviewed: '乙审毕未发标记', withdrawn: '丙已撤回标记', superseded: '丁旧版标记', oldFile: '戊旧附件标记' };
const visible = { plain: '己公开可见标记', changed: '庚新版可见标记' };

describe.each(testDatabases)('nothing unpublished, withdrawn or superseded is public on $name', (target) => {
  let handle: DatabaseHandle;
  let t: TestApp;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  const ids: Record<string, string> = {};
  let oldAttachment = '';

  beforeAll(async () => {
    handle = await target.create();
    t = await createTestApp({ db: handle });
    f = await seedAccessFixture(t.deps);
    handler = await principalOfRole(t.deps, f, 'handler');
    head = await principalOfRole(t.deps, f, 'head');
    const own = f.agencies.ownAgency;
    const item = (marker: string, n: number) => ({ title: `关于${marker}的通知`, bodyHtml: `<p>正文含${marker}。</p>`, documentNumber: `甲教发〔2026〕${n}号`, summary: `${marker}概述` });

    ids.plain = (await publishNew(t.deps, handler, head, own, item(visible.plain, 1))).id;
    ids.draft = (await editing.createPublication(t.deps, handler, publicationInput(own, item(hidden.draft, 2)))).id;
    const reviewed = await editing.createPublication(t.deps, handler, publicationInput(own, item(hidden.reviewed, 3)));
    let cur = await workflow.submitForReview(t.deps, handler, reviewed.id, { version: reviewed.version });
    cur = await workflow.recordReview(t.deps, head, reviewed.id, { version: cur.version, kind: 'confidentiality', decision: 'approved', opinion: '不涉密' });
    await workflow.recordReview(t.deps, head, reviewed.id, { version: cur.version, kind: 'release', decision: 'approved', opinion: '同意' });
    ids.reviewed = reviewed.id;
    const withdrawn = await publishNew(t.deps, handler, head, own, item(hidden.withdrawn, 4));
    await workflow.withdrawPublication(t.deps, head, withdrawn.id, { version: withdrawn.version, reason: '内容有误' });
    ids.withdrawn = withdrawn.id;

    // a changed item: version 1 (with an attachment) is superseded by version 2 (without it)
    const first = await editing.createPublication(t.deps, handler, publicationInput(own, item(hidden.superseded, 5)));
    const file = await editing.addPublicationAttachment(t.deps, handler, first.id, { version: first.version, fileName: `${hidden.oldFile}.txt`, content: new TextEncoder().encode('旧附件内容') });
    oldAttachment = file.id;
    const detail = (id: string) => getPublicationDetail(t.deps, handler, id);
    const v1 = await reviewAndPublish(t.deps, handler, head, (await detail(first.id)).publication);
    let change = await editing.startChange(t.deps, handler, v1.id, { version: v1.version, changeNote: '更正标题' });
    const open = (await detail(v1.id)).open!.version;
    change = await editing.removePublicationAttachment(t.deps, handler, v1.id, (await detail(v1.id)).attachments[open.id]![0]!.id, { version: change.version });
    change = await editing.updateDraft(t.deps, handler, v1.id, { version: change.version, ...item(visible.changed, 5) });
    await reviewAndPublish(t.deps, handler, head, change);
    ids.changed = v1.id;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await handle?.close();
  });

  /** Every portal page reachable from the entry points (same-site links under /zwgk, /search, /sitemap). */
  async function crawl(): Promise<Map<string, { status: number; body: string }>> {
    const seen = new Map<string, { status: number; body: string }>();
    const queue = ['/zwgk', '/search?q=标记', '/search?q=通知', '/sitemap.xml', ...Object.values({ ...hidden, ...visible }).map((m) => `/search?q=${encodeURIComponent(m)}`)];
    while (queue.length > 0 && seen.size < 400) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      seen.set(url, { status: res.statusCode, body: res.body });
      for (const m of res.body.matchAll(/(?:href="|<loc>)(?:https?:\/\/[^/"<]+)?(\/(?:zwgk|search|sitemap)[^"<#]*)/g)) {
        const link = m[1]!.replace(/&amp;/g, '&');
        if (!link.includes('/download/') && !seen.has(link)) queue.push(link);
      }
    }
    return seen;
  }

  it('shows the published and the changed item, never the others, on any page reached', async () => {
    const pages = await crawl();
    expect(pages.size).toBeGreaterThan(20);
    // a search page echoes its query: searches for a hidden marker must list nothing; every other page must not name it
    const echoes = (url: string) => Object.values(hidden).some((m) => decodeURIComponent(url).includes(m));
    for (const [url, p] of pages) if (echoes(url)) expect(p.body, url).not.toContain('class="item-list"');
    const all = [...pages].filter(([url]) => !echoes(url)).map(([, p]) => p.body).join('\n');
    for (const marker of Object.values(hidden)) expect(all, marker).not.toContain(marker);
    for (const marker of Object.values(visible)) expect(all, marker).toContain(marker);
    for (const [url, p] of pages) expect([200, 304], url).toContain(p.status);
  });

  it('answers 404 for the pages and files of items that are not published, or not in this version', async () => {
    for (const key of ['draft', 'reviewed', 'withdrawn']) {
      const res = await t.app.inject({ method: 'GET', url: `/zwgk/doc/${ids[key]}`, headers: { accept: 'text/html' } });
      expect(res.statusCode, key).toBe(404);
    }
    const changed = await t.app.inject({ method: 'GET', url: `/zwgk/doc/${ids.changed}` });
    expect(changed.body).toContain(visible.changed);
    expect(changed.body).not.toContain(hidden.superseded);
    const file = await t.app.inject({ method: 'GET', url: `/zwgk/doc/${ids.changed}/files/${oldAttachment}` });
    expect(file.statusCode).toBe(404);
  });

  it('finds none of them by search, and the index holds none of them', async () => {
    for (const marker of Object.values(hidden)) expect((await searchPublished(t.deps, { q: marker })).total, marker).toBe(0);
    expect((await searchPublished(t.deps, { q: visible.changed })).items.map((i) => i.itemId)).toEqual([ids.changed]);
    const indexed = await t.deps.db.selectFrom('search_document').select(['item_id', 'title', 'body_text']).execute();
    expect(indexed.map((r) => r.item_id).sort()).toEqual([ids.plain, ids.changed].sort());
    for (const marker of Object.values(hidden)) expect(JSON.stringify(indexed)).not.toContain(marker);
  });

  it('takes an item off every page and out of search as soon as it is withdrawn', async () => {
    const before = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(visible.plain)}` });
    expect(before.body).toContain(visible.plain);
    const current = (await getPublicationDetail(t.deps, head, ids.plain!)).publication;
    await workflow.withdrawPublication(t.deps, head, ids.plain!, { version: current.version, reason: '已过时' });
    const search = await t.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent(visible.plain)}` });
    expect(search.body).not.toContain(`/zwgk/doc/${ids.plain!}`);
    expect(search.body).toContain('没有找到');
    for (const url of ['/zwgk', `/zwgk/${f.agencies.ownAgency}`, `/zwgk/${f.agencies.ownAgency}/catalog`, `/zwgk/doc/${ids.plain}`, '/sitemap/items-1.xml']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.body, url).not.toContain(visible.plain);
      expect(res.body, url).not.toContain(ids.plain!);
    }
    expect((await searchPublished(t.deps, { q: visible.plain })).total).toBe(0);
  });
});
