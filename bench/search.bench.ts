/**
 * Search latency with 1,000,000 published items on SQLite (target: p95 ≤ 50 ms): a mix of the
 * queries people type — short terms (低保, 医保, 粮), phrases, exact titles and 文号 sampled from the
 * data, agency names with synonyms, several terms, filters (agency subtree, year, 主题分类, 有效性),
 * later pages, newest-first order and browsing without a query — each through the public search
 * service (parse, synonyms, index, BM25 over the window, the published check, highlighting).
 * SEARCH_BENCH_ITEMS changes the size.
 */
import { createDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/clock.js';
import { searchPublished, type SearchInput } from '../src/services/search/search.service.js';
import { benchItems, ensureSearchBenchData } from './search-data.js';
import { figure, percentile } from './harness.js';

process.stdout.write('search\n');
const data = await ensureSearchBenchData(benchItems());
const handle = createDatabase({ kind: 'sqlite', file: data.file });
const config = loadConfig({ DATABASE_URL: data.file, LOG_LEVEL: 'silent', GONGKAI_DEMO: 'false' });
const deps = { db: handle.db, clock: systemClock, logger: createLogger(config) };

// titles and 文号 of real rows, spread over the data
const sampleStep = Math.floor(data.items / 12);
const samples = handle.sqlite!.prepare(`select title, document_number from search_document where rowid in
  (select id from search_document order by id limit 12 offset ?)`);
const sampled: { title: string; document_number: string }[] = [];
for (let i = 0; i < 12; i++) sampled.push(...(samples.all(i * sampleStep) as { title: string; document_number: string }[]).slice(0, 1));

const agency = (key: string) => data.agencies.get(key)!;
const mix: { kind: string; input: SearchInput }[] = [
  ...['低保', '医保', '粮', '政', '通知', '公示', '补贴', '2024'].map((q) => ({ kind: 'short term', input: { q } })),
  ...['最低生活保障', '城乡居民基本医疗保险', '地方储备粮轮换', '老旧小区改造', '高校毕业生就业', '食品安全监督抽检', '防汛抗旱', '养老服务补贴'].map((q) => ({ kind: 'phrase', input: { q } })),
  ...sampled.map((s) => ({ kind: 'exact title', input: { q: s.title } })),
  ...sampled.filter((s) => s.document_number).map((s) => ({ kind: '文号', input: { q: s.document_number.replace('〔', '[').replace('〕', ']') } })),
  ...['市监局', '区住建委', '医保局 基金', '人社局 补贴'].map((q) => ({ kind: 'synonym', input: { q } })),
  ...['低保 资金', '医保 缴费 2024', '粮食 收购 检查', '安全生产 燃气'].map((q) => ({ kind: 'several terms', input: { q } })),
  { kind: 'filter', input: { q: '低保', agencyId: agency('civil') } },
  { kind: 'filter', input: { q: '通知', agencyId: agency('gov'), year: 2023 } },
  { kind: 'filter', input: { q: '补贴', topic: '14', validity: 'valid' } },
  { kind: 'filter', input: { q: '粮', agencyId: agency('lirang'), ownOnly: true } },
  { kind: 'filter', input: { q: '检查', validity: 'repealed' } },
  { kind: 'later page', input: { q: '低保', page: 3 } },
  { kind: 'later page', input: { q: '通知', page: 10 } },
  { kind: 'later page', input: { q: '医保', page: 25 } },
  { kind: 'newest first', input: { q: '低保', sort: 'date' } },
  { kind: 'newest first', input: { q: '城乡 低保', sort: 'date', page: 2 } },
  { kind: 'browse', input: { agencyId: agency('market'), ownOnly: true } },
  { kind: 'browse', input: { agencyId: agency('agri'), ownOnly: true, topic: '05', year: 2022 } },
  { kind: 'browse', input: { agencyId: agency('gov'), page: 40 } },
];

// warm-up: the data version, the synonyms, the first touch of each query's pages
for (const m of mix) await searchPublished(deps, m.input);

const rounds = 5;
const times: { kind: string; ms: number }[] = [];
let hits = 0;
for (let r = 0; r < rounds; r++) {
  for (const m of mix) {
    const t = performance.now();
    const res = await searchPublished(deps, m.input);
    times.push({ kind: m.kind, ms: performance.now() - t });
    hits += res.items.length;
  }
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const all = sorted(times.map((t) => t.ms));
process.stdout.write(`  ${data.items.toLocaleString('en-US')} published items, ${mix.length} queries × ${rounds} rounds, ${hits} results shown\n`);
for (const kind of [...new Set(mix.map((m) => m.kind))]) {
  const k = sorted(times.filter((t) => t.kind === kind).map((t) => t.ms));
  process.stdout.write(`    ${kind.padEnd(14)} p50 ${percentile(k, 50).toFixed(1)} ms, p95 ${percentile(k, 95).toFixed(1)} ms, max ${k[k.length - 1]!.toFixed(1)} ms\n`);
}
figure('search p50', percentile(all, 50), 'ms');
figure('search p95', percentile(all, 95), 'ms', { value: 50, lowerIsBetter: true });
figure('search p99', percentile(all, 99), 'ms');
await handle.close();
