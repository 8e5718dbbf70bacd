/**
 * Keeping the index equal to what is published, on both dialects: the change feed is applied in
 * order with its cursor (publish, change, 有效性, withdraw), twice-applied or concurrent syncs change
 * nothing, and a full rebuild gives the same index.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.js';
import { readSearchState } from '../../../src/db/search.repository.js';
import type { Principal } from '../../../src/services/authorization.js';
import * as editing from '../../../src/services/publications/editing.service.js';
import { getPublicationDetail } from '../../../src/services/publications/queries.service.js';
import * as workflow from '../../../src/services/publications/workflow.service.js';
import { rebuildSearchIndex, searchIndexIsBehind, syncSearchIndex } from '../../../src/services/search/indexing.service.js';
import { searchPublished } from '../../../src/services/search/search.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { testDatabases } from '../../support/databases.js';
import { publicationInput, publishNew, reviewAndPublish } from '../../support/publication-fixture.js';
import { principalOfRole } from '../../support/request-fixture.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';

describe.each(testDatabases)('search index maintenance on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  const indexed = async () => (await deps.db.selectFrom('search_document').select(['item_id', 'title', 'validity', 'version_id']).orderBy('item_id').execute());

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
    f = await seedAccessFixture(deps);
    handler = await principalOfRole(deps, f, 'handler');
    head = await principalOfRole(deps, f, 'head');
  });
  afterAll(() => handle?.close());

  it('applies publish, change, validity and withdrawal from the feed, in order, once', async () => {
    const a = await publishNew(deps, handler, head, f.agencies.ownAgency, { title: '关于城乡低保提标的通知', documentNumber: '甲教发〔2026〕21号' });
    const b = await publishNew(deps, handler, head, f.agencies.ownAgency, { title: '关于医保参保缴费的通知', documentNumber: '甲教发〔2026〕22号' });
    expect(await searchIndexIsBehind(deps)).toBe(true);
    expect(await syncSearchIndex(deps)).toBe(2);
    expect(await searchIndexIsBehind(deps)).toBe(false);
    expect(await syncSearchIndex(deps)).toBe(0);
    expect((await indexed()).map((r) => r.title).sort()).toEqual(['关于医保参保缴费的通知', '关于城乡低保提标的通知'].sort());

    // a change: the new version replaces the old one in the index
    let change = await editing.startChange(deps, handler, a.id, { version: a.version, changeNote: '标准调整' });
    change = await editing.updateDraft(deps, handler, a.id, { version: change.version, title: '关于城乡低保再次提标的通知' });
    const changed = await reviewAndPublish(deps, handler, head, change);
    // 有效性: 废止
    const repealed = await workflow.setValidity(deps, head, b.id, { version: b.version, validity: 'repealed', validityEndedOn: '2026-03-01', validityNote: '已被新文件替代' });
    await Promise.all([syncSearchIndex(deps), syncSearchIndex(deps), syncSearchIndex(deps)]);
    const rows = await indexed();
    expect(rows.map((r) => [r.item_id, r.title, r.validity])).toEqual([[a.id, '关于城乡低保再次提标的通知', 'valid'], [b.id, '关于医保参保缴费的通知', 'repealed']].sort((x, y) => x[0]!.localeCompare(y[0]!)));
    expect(rows.find((r) => r.item_id === a.id)!.version_id).toBe(changed.publishedVersionId);
    expect((await searchPublished(deps, { q: '医保', validity: 'repealed' })).items.map((i) => i.itemId)).toEqual([b.id]);
    expect((await searchPublished(deps, { q: '医保', validity: 'valid' })).total).toBe(0);

    await workflow.withdrawPublication(deps, head, b.id, { version: repealed.version, reason: '误发' });
    await syncSearchIndex(deps);
    expect((await indexed()).map((r) => r.item_id)).toEqual([a.id]);
    const events = await deps.db.selectFrom('publication_event').select((eb) => eb.fn.max('id').as('m')).where('public', '=', 1).executeTakeFirstOrThrow();
    expect(await readSearchState(deps.db, 'cursor')).toBe(Number(events.m));
  });

  it('rebuilds to the same index, and the portal catches up by itself when the feed moves', async () => {
    const before = await indexed();
    const results = (await searchPublished(deps, { q: '低保' })).items.map((i) => i.itemId);
    expect(await rebuildSearchIndex(deps)).toBe(before.length);
    expect(await indexed()).toEqual(before);
    expect((await searchPublished(deps, { q: '低保' })).items.map((i) => i.itemId)).toEqual(results);

    const draft = await editing.createPublication(deps, handler, publicationInput(f.agencies.ownAgency, { title: '关于粮食安全责任制考核的通知', topic: '05', documentNumber: '甲教发〔2026〕23号' }));
    const detail = await getPublicationDetail(deps, handler, draft.id);
    await reviewAndPublish(deps, handler, head, detail.publication);
    // no explicit sync: the search service sees the data version move and syncs first
    expect((await searchPublished(deps, { q: '粮' })).items.map((i) => i.itemId)).toEqual([draft.id]);
  });
});
