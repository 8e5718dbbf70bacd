/**
 * Search relevance on a generated Chinese corpus (300 documents of a district plus planted ones),
 * on both dialects, through the public search service: exact titles and 文号 rank first, short
 * terms (低保, 医保, 粮) find exactly the documents that contain them (checked against a plain
 * substring scan of the same corpus), agency-name synonyms work both ways, and filters and paging
 * return exactly what they should.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/core/search/normalize.js';
import type { DatabaseHandle } from '../../../src/db/database.js';
import { searchPublished, type SearchInput, type SearchResultItem } from '../../../src/services/search/search.service.js';
import { testDatabases } from '../../support/databases.js';
import { corpusRow, createCorpusAgencies, insertPublishedRows, type PublishedRow } from '../../support/published-rows.js';
import { generateCorpus } from '../../support/search-corpus.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';

const exactTitle = '关于印发《梁平区城乡居民最低生活保障实施办法》的通知';
const exactNumber = '梁平府办发〔2024〕912号';

function planted(ids: ReadonlyMap<string, string>): PublishedRow[] {
  const base = { summary: '', writtenOn: '2024-05-06', article20Item: 11, validity: 'valid' as const, genre: 'notice' };
  return [
    { ...base, id: 'p-exact', agencyId: ids.get('office')!, indexNumber: 'P/2024-90001', title: exactTitle, publisher: '重庆市梁平区人民政府办公室',
      documentNumber: exactNumber, publishedOn: '2024-05-08', topic: '16', bodyHtml: '<p>现将《梁平区城乡居民最低生活保障实施办法》印发给你们，请认真贯彻执行。</p>' },
    { ...base, id: 'p-cite', agencyId: ids.get('civil')!, indexNumber: 'P/2024-90002', title: '关于落实城乡居民最低生活保障实施办法的通知', publisher: '重庆市梁平区民政局',
      documentNumber: '梁平民发〔2024〕901号', publishedOn: '2024-06-01', topic: '16', bodyHtml: `<p>根据${exactNumber}文件精神，结合实际制定本通知。</p>` },
    { ...base, id: 'p-market', agencyId: ids.get('market')!, indexNumber: 'P/2025-90003', title: '关于开展春季农资打假专项行动的通知', publisher: '重庆市梁平区市场监督管理局',
      documentNumber: '', publishedOn: '2025-03-03', topic: '08', bodyHtml: '<p>区市场监督管理局联合区农业农村委员会开展农资打假。</p>' },
    { ...base, id: 'p-housing-short', agencyId: ids.get('gov')!, indexNumber: 'P/2025-90004', title: '关于老旧小区加装电梯的答复', publisher: '重庆市梁平区人民政府',
      documentNumber: '', publishedOn: '2025-04-04', topic: '09', bodyHtml: '<p>经区住建委核实，该小区符合加装电梯条件。</p>' },
  ];
}

/** What the index covers of a row, normalised (title, 文号, 索引号, 发布机构, 概述, text). */
const haystack = (r: PublishedRow) => normalizeText([r.title, r.documentNumber, r.indexNumber, r.publisher, r.summary, r.bodyHtml.replace(/<[^>]+>/g, '')].join('\n'));

describe.each(testDatabases)('search relevance on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let rows: PublishedRow[];
  let agencyIds: Map<string, string>;

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
    agencyIds = await createCorpusAgencies(deps);
    rows = [...[...generateCorpus(300, { seed: 42 })].map((item) => corpusRow(item, agencyIds)), ...planted(agencyIds)];
    await insertPublishedRows(deps.db, rows);
  }, 120_000);
  afterAll(() => handle?.close());

  /** Every result of a search, all pages. */
  async function all(input: SearchInput): Promise<SearchResultItem[]> {
    const out: SearchResultItem[] = [];
    for (let page = 1; ; page++) {
      const r = await searchPublished(deps, { ...input, page, pageSize: 50 });
      out.push(...r.items);
      if (page >= r.pageCount) {
        expect(out).toHaveLength(r.total);
        return out;
      }
    }
  }
  const containing = (...needles: string[]) => new Set(rows.filter((r) => needles.some((n) => haystack(r).includes(normalizeText(n)))).map((r) => r.id));

  it('ranks the exact title first, with or without the book-title marks', async () => {
    for (const q of [exactTitle, '关于印发梁平区城乡居民最低生活保障实施办法的通知']) {
      const r = await searchPublished(deps, { q });
      expect(r.items[0]).toMatchObject({ itemId: 'p-exact', match: 'exact' });
      expect(r.items[0]!.titleHtml).toContain('<mark>');
    }
    const partial = await searchPublished(deps, { q: '城乡居民最低生活保障实施办法' });
    expect(partial.items.slice(0, 2).map((i) => i.itemId).sort()).toEqual(['p-cite', 'p-exact']);
  });

  it('finds a document by its 文号 in any bracket style, and documents citing it after it', async () => {
    for (const q of [exactNumber, '梁平府办发[2024]912号', '梁平府办发（2024）912号']) {
      const r = await searchPublished(deps, { q });
      expect(r.items[0]).toMatchObject({ itemId: 'p-exact', match: 'exact', documentNumber: exactNumber });
      expect(r.items.map((i) => i.itemId)).toContain('p-cite');
    }
  });

  it.each(['低保', '医保', '粮', '梁山街道', '2024'])('finds exactly the documents containing %s, title matches first', async (q) => {
    const results = await all({ q });
    const expected = containing(q);
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(results.map((i) => i.itemId))).toEqual(expected);
    const firstBody = results.findIndex((i) => i.match === 'body');
    if (firstBody >= 0) expect(results.slice(firstBody).every((i) => i.match === 'body')).toBe(true);
    for (const i of results.filter((x) => x.match === 'title')) expect(normalizeText([i.title, i.documentNumber, i.indexNumber, i.publisher].join(' '))).toContain(normalizeText(q));
  });

  it('ANDs the terms of a query', async () => {
    const results = await all({ q: '低保 资金' });
    expect(new Set(results.map((i) => i.itemId))).toEqual(new Set([...containing('低保')].filter((id) => containing('资金').has(id))));
  });

  it('finds agencies under their other names (市监局, 区住建委 ↔ 区住房和城乡建设委员会)', async () => {
    const market = await all({ q: '市监局' });
    expect(new Set(market.map((i) => i.itemId))).toEqual(containing('市监局', '市场监督管理局', '市场监管局'));
    expect(market.map((i) => i.itemId)).toContain('p-market');
    const housing = await all({ q: '区住房和城乡建设委员会' });
    expect(housing.map((i) => i.itemId)).toContain('p-housing-short');
    expect(new Set(housing.map((i) => i.itemId))).toEqual(containing('区住建委', '区住房和城乡建设委员会', '区住房城乡建委'));
  });

  it('applies the filters exactly (agency subtree, own agency, 主题分类, year, 有效性, 第二十条 item)', async () => {
    const civil = agencyIds.get('civil')!;
    const cases: [SearchInput, (r: PublishedRow) => boolean][] = [
      [{ q: '低保', agencyId: civil }, (r) => r.agencyId === civil],
      [{ q: '低保', agencyId: agencyIds.get('gov')! }, () => true],
      [{ q: '低保', agencyId: agencyIds.get('gov')!, ownOnly: true }, (r) => r.agencyId === agencyIds.get('gov')],
      [{ q: '通知', topic: '05' }, (r) => r.topic === '05'],
      [{ q: '通知', year: 2023 }, (r) => r.publishedOn.startsWith('2023')],
      [{ q: '通知', validity: 'repealed' }, (r) => r.validity === 'repealed'],
      [{ q: '补贴', article20Item: 11, year: 2022 }, (r) => r.article20Item === 11 && r.publishedOn.startsWith('2022')],
    ];
    for (const [input, keep] of cases) {
      const expected = new Set([...containing(input.q!)].filter((id) => keep(rows.find((r) => r.id === id)!)));
      expect(new Set((await all(input)).map((i) => i.itemId)), JSON.stringify(input)).toEqual(expected);
    }
  });

  it('browses without a query, newest first, filtered and paged without gaps or repeats', async () => {
    const civil = agencyIds.get('civil')!;
    const listed = await all({ agencyId: civil, ownOnly: true });
    const expected = rows.filter((r) => r.agencyId === civil).map((r) => r.publishedOn).sort().reverse();
    expect(listed.map((i) => i.publishedOn)).toEqual(expected);
    expect(new Set(listed.map((i) => i.itemId)).size).toBe(listed.length);
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push(...(await searchPublished(deps, { agencyId: civil, ownOnly: true, page, pageSize: 7 })).items);
    expect(pages.map((i) => i.itemId)).toEqual(listed.slice(0, 21).map((i) => i.itemId));
  });

  it('pages a ranked result list without gaps or repeats', async () => {
    const whole = (await searchPublished(deps, { q: '通知', pageSize: 50 })).items.map((i) => i.itemId);
    const paged: string[] = [];
    for (let page = 1; page <= 5; page++) paged.push(...(await searchPublished(deps, { q: '通知', page, pageSize: 10 })).items.map((i) => i.itemId));
    expect(paged).toEqual(whole);
  });

  it('answers bad input with REQUEST_INVALID or NOT_FOUND, never a crash', async () => {
    await expect(searchPublished(deps, { q: '低保', page: 0 })).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    await expect(searchPublished(deps, { q: '低保', year: 1800 })).rejects.toMatchObject({ code: 'REQUEST_INVALID' });
    await expect(searchPublished(deps, { q: '低保', agencyId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const q of ['"', "'", '*', 'NEAR(', '低保 OR 医保', '\\', '《》', ':', '{title}: x', 'a-b']) {
      const r = await searchPublished(deps, { q });
      expect(Array.isArray(r.items), q).toBe(true);
    }
    for (const q of ['《》', '"', '*', '、，。']) expect((await searchPublished(deps, { q })).total, q).toBe(0);
  });
});
