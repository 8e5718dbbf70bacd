/**
 * Sustained request submissions on SQLite (a file in WAL mode, as deployed): through the service
 * layer — the public portal path (idempotency key, 查询码, audit) and staff entry of a walk-in request
 * (received at once: clock computed) — one after another and with 16 in flight, and through HTTP
 * (the citizen's form POST /apply with its form token; the JSON staff API with a session and CSRF
 * token; app.inject); then a sustained run: 30 s of portal submissions, 16 in flight, so that SQLite's
 * WAL checkpoints fall inside the window. Target ≥ 500 submissions/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureAsync, report, type BenchResult } from './harness.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createDatabase } from '../src/db/database.js';
import { migrateOrThrow } from '../src/db/migrate.js';
import { createLogger } from '../src/logger.js';
import { createUser } from '../src/services/accounts.service.js';
import { createAgency } from '../src/services/agencies.service.js';
import { systemPrincipal } from '../src/services/authorization.js';
import { fakeRequestFields } from '../src/services/demo/applicants.js';
import { createStaffRequest, submitPortalRequest } from '../src/services/requests/intake.service.js';
import { createRandom } from '../src/core/random.js';
import { buildApp } from '../src/server/app.js';

const TARGET = 500;
const dir = mkdtempSync(join(tmpdir(), 'gk-bench-submissions-'));
const config = loadConfig({ DATABASE_URL: join(dir, 'gongkai.db'), LOG_LEVEL: 'silent', PASSWORD_HASH_COST: '10', GONGKAI_DEMO: 'false', RATE_LIMIT_FORMS: '100000' });
const handle = createDatabase(config.db);
await migrateOrThrow(handle.db);
const logger = createLogger(config);
const deps = { db: handle.db, clock: systemClock, logger, auth: config.auth };
const sys = systemPrincipal('基准测试');
const agency = await createAgency(deps, sys, { name: '基准测试局', kind: 'department', parentId: null });
const rand = createRandom(7);
let n = 0;
const fields = () => fakeRequestFields(rand, rand() < 0.7 ? 'naturalPerson' : 'commercial');
const key = () => `bench-${process.pid}-${(n += 1)}-${Math.floor(rand() * 1e9)}`;
const today = systemClock.today();

const portal = () => submitPortalRequest(deps, { agencyId: agency.id, fields: fields(), intakeKey: key() });
const walkIn = () => createStaffRequest(deps, sys, { agencyId: agency.id, channel: 'inPerson', fields: fields(), arrivedOn: today, intakeKey: key() });
/** `width` submissions in flight at once, counted as width operations. */
const inFlight = (width: number, one: () => Promise<unknown>) => async () => {
  await Promise.all(Array.from({ length: width }, one));
};

/** The best of `runs` timed windows (the machine is shared: the best window is the least disturbed). */
async function best(name: string, fn: () => Promise<unknown>, runs = 3, seconds = 1.5, width = 1): Promise<BenchResult> {
  let top: BenchResult | null = null;
  for (let i = 0; i < runs; i++) {
    const r = await measureAsync(name, fn, { seconds });
    if (!top || r.perSecond > top.perSecond) top = r;
  }
  return { ...top!, name: `${name}, best of ${runs} × ${seconds} s`, ops: top!.ops * width, perSecond: top!.perSecond * width };
}

for (let i = 0; i < 300; i++) await (i % 2 ? portal() : walkIn()); // warm-up: JIT, statement cache, calendar cache
report(await best('portal submissions (service layer, one at a time)', portal), { perSecond: TARGET, label: 'submissions/s, SQLite file' });
report(await best('staff walk-in entries with the clock (service layer, one at a time)', walkIn), { perSecond: TARGET, label: 'submissions/s' });
report(await best('portal submissions, 16 in flight', inFlight(16, portal), 3, 1.5, 16), { perSecond: TARGET, label: 'submissions/s' });

// HTTP: the staff JSON API through the whole Fastify stack (session, CSRF, schema, audit)
const app = await buildApp({ config, logger, db: handle, clock: systemClock });
await app.ready();
await createUser(deps, sys, { username: 'bench.handler', displayName: '基准测试', role: 'handler', agencyId: agency.id, password: 'Bench-pass-2026x' });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench.handler', password: 'Bench-pass-2026x' } });
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const csrf = (login.json() as { csrfToken: string }).csrfToken;
const viaHttp = async () => {
  const res = await app.inject({
    method: 'POST', url: '/api/requests', headers: { cookie, 'x-csrf-token': csrf },
    payload: { agencyId: agency.id, channel: 'inPerson', applicant: fields(), arrivedOn: today, intakeKey: key() },
  });
  if (res.statusCode !== 201) throw new Error(`POST /api/requests ${res.statusCode} ${res.body}`);
};
for (let i = 0; i < 100; i++) await viaHttp();
report(await best('staff API POST /api/requests over HTTP (inject, one at a time)', viaHttp), { perSecond: TARGET, label: 'submissions/s' });

// the citizen's form: the form token and its nonce cookie from GET /apply, then one POST per submission
const applyPage = await app.inject({ method: 'GET', url: '/apply' });
const formToken = /name="_csrf" value="([^"]+)"/.exec(applyPage.body)?.[1] ?? '';
const formCookie = applyPage.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
const viaForm = async () => {
  const body = new URLSearchParams({ _csrf: formToken, intakeKey: key(), agencyId: agency.id, ...(fields() as unknown as Record<string, string>) });
  const res = await app.inject({ method: 'POST', url: '/apply', headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  if (res.statusCode !== 303) throw new Error(`POST /apply ${res.statusCode} ${res.body.slice(0, 300)}`);
};
for (let i = 0; i < 100; i++) await viaForm();
report(await best('portal form POST /apply over HTTP (inject, one at a time)', viaForm), { perSecond: TARGET, label: 'submissions/s' });

// sustained: one long window, not the best of short ones (checkpoints and growing indexes included)
const sustained = await measureAsync('portal submissions, 16 in flight, sustained over 30 s', inFlight(16, portal), { seconds: 30 });
report({ ...sustained, ops: sustained.ops * 16, perSecond: sustained.perSecond * 16 }, { perSecond: TARGET, label: 'submissions/s, SQLite file' });

await app.close();
const stored = await handle.db.selectFrom('disclosure_request').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
process.stdout.write(`  (${Number(stored.n).toLocaleString('en-US')} requests stored, each with its events and audit record)\n`);
await handle.close();
rmSync(dir, { recursive: true, force: true });
