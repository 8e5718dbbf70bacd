/**
 * Portal pages per second under load from a second process (bench/portal-load.ts, keep-alive
 * connections), for catalog pages and document pages of the 1,000,000-item database, compared with
 * a bare Fastify route returning the same bytes for the same URLs (target: ≥ 50% of its rate),
 * with p99 latency. The portal serves from its page cache (the steady state of a published site);
 * the time to render each page the first time (cache miss) is printed too.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { buildApp } from '../src/server/app.js';
import { benchItems, ensureSearchBenchData } from './search-data.js';
import { figure, percentile } from './harness.js';

interface Load { requests: number; seconds: number; perSecond: number; p50: number; p99: number; errors: number; bytes: number }

const loader = fileURLToPath(new URL('./portal-load.ts', import.meta.url));
const connections = Number(process.env.PORTAL_BENCH_CONNECTIONS ?? 32);
const seconds = Number(process.env.PORTAL_BENCH_SECONDS ?? 4);
const rounds = Number(process.env.PORTAL_BENCH_ROUNDS ?? 3);

function load(base: string, paths: readonly string[]): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', loader, JSON.stringify({ base, paths, connections, seconds, warmup: 1 })], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Load) : reject(new Error(`load generator exited with ${code}`))));
  });
}

process.stdout.write('portal\n');
const data = await ensureSearchBenchData(benchItems());
const config = loadConfig({ DATABASE_URL: data.file, LOG_LEVEL: 'silent', GONGKAI_DEMO: 'false' });
const handle = createDatabase({ kind: 'sqlite', file: data.file });
const app = await buildApp({ config, logger: createLogger(config), db: handle, clock: systemClock });
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const agencies = [...data.agencies.values()];
const catalog = agencies.flatMap((id) => [1, 2, 3, 5, 8, 13].map((page) => `/zwgk/${id}/catalog${page > 1 ? `?page=${page}` : ''}`))
  .concat(agencies.slice(0, 6).flatMap((id) => [`/zwgk/${id}/catalog?year=2023`, `/zwgk/${id}/catalog?item=11&page=2`]));
const step = Math.floor(data.items / 400);
const documents = (handle.sqlite!.prepare('select item_id from search_document order by id').all() as { item_id: string }[])
  .filter((_, i) => i % step === 0).slice(0, 400).map((r) => `/zwgk/doc/${r.item_id}`);

// first renders (cache misses), and the bytes the bare route will return
const bodies = new Map<string, { body: Buffer; type: string }>();
const cold: Record<string, number[]> = { catalog: [], document: [] };
for (const [kind, paths] of [['catalog', catalog], ['document', documents]] as const) {
  for (const path of paths) {
    const t = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
    const body = Buffer.from(await res.arrayBuffer());
    cold[kind]!.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    bodies.set(path, { body, type: res.headers.get('content-type') ?? 'text/html; charset=utf-8' });
  }
}

const bare = Fastify();
bare.get('/*', async (request, reply) => {
  const page = bodies.get(request.url);
  return page ? reply.type(page.type).send(page.body) : reply.code(404).send();
});
const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });

process.stdout.write(`  ${data.items.toLocaleString('en-US')} published items; ${connections} keep-alive connections from a second process, ${seconds} s per run, best of ${rounds} alternating runs\n`);
for (const [kind, paths] of [['catalog', catalog], ['document', documents]] as const) {
  const c = [...cold[kind]!].sort((a, b) => a - b);
  figure(`${kind} first render (cache miss) p50`, percentile(c, 50), 'ms');
  figure(`${kind} first render (cache miss) p95`, percentile(c, 95), 'ms');
  // alternate the two servers and keep each one's best run: the machine is shared, a run can be disturbed
  let portal: Load | null = null;
  let reference: Load | null = null;
  for (let round = 0; round < rounds; round++) {
    const p = await load(base, paths);
    const r = await load(bareBase, paths);
    if (p.errors || r.errors) throw new Error(`${kind}: ${p.errors} portal errors, ${r.errors} bare errors`);
    if (!portal || p.perSecond > portal.perSecond) portal = p;
    if (!reference || r.perSecond > reference.perSecond) reference = r;
  }
  if (!portal || !reference) throw new Error('no run');
  const avgKb = portal.bytes / portal.requests / 1024;
  process.stdout.write(`  ${kind} pages (${paths.length} URLs, ~${avgKb.toFixed(0)} KB): portal ${Math.round(portal.perSecond)}/s p99 ${portal.p99.toFixed(1)} ms; bare route ${Math.round(reference.perSecond)}/s p99 ${reference.p99.toFixed(1)} ms\n`);
  figure(`${kind} pages/s as a share of the bare route`, portal.perSecond / reference.perSecond, '×', { value: 0.5 });
  figure(`${kind} p99 latency`, portal.p99, 'ms');
}
await bare.close();
await app.close();
await handle.close();
