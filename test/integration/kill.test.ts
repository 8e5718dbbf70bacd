/**
 * Durability: the real server process (src/server/main.ts on a SQLite file, a free port) takes a
 * burst of submissions — public portal forms (POST /apply → 303) and staff API entries (POST
 * /api/requests → 201 with the reference) from concurrent clients — and is killed with SIGKILL in
 * the middle of it; restarted; again, several times. Every submission that was acknowledged must
 * be in the database afterwards, exactly once (by its idempotency key), with the reference the
 * client was given. (Each restart also shows the server comes back on the killed database.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { createDatabase } from '../../src/db/database.js';
import { migrateOrThrow } from '../../src/db/migrate.js';
import { createLogger } from '../../src/logger.js';
import { createUser } from '../../src/services/accounts.service.js';
import { createAgency } from '../../src/services/agencies.service.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import { testConfig } from '../support/app.js';
import { personFields } from '../support/request-fixture.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rounds = 3;
const clients = 12;
const password = 'Kill-test-pass-2026';

interface Ack {
  readonly key: string;
  readonly via: 'portal' | 'api';
  readonly reference: string | null;
}

let dir: string;
let dbFile: string;
let agencyId: string;

/** Starts the server; resolves with its base URL once it listens. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      ...process.env, DATABASE_URL: dbFile, PORT: '0', HOST: '127.0.0.1', GONGKAI_DEMO: 'false', LOG_LEVEL: 'warn',
      RATE_LIMIT_FORMS: '100000', RATE_LIMIT_LOGIN: '100000', PASSWORD_HASH_COST: '10', SESSION_SECRET: 'kill-test-session-secret-0123456789abcdef',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /已启动：(http:\/\/[^\s（]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => { out += c.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}): ${out}`)); });
  });
}

const cookieOf = (res: Response): string => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

/** A staff session (cookie + CSRF token) and a portal form token (cookie + _csrf). */
async function sessions(url: string) {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'kill.handler', password }) });
  if (login.status !== 200) throw new Error(`login ${login.status}`);
  const staff = { cookie: cookieOf(login), csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
  const page = await fetch(`${url}/apply`);
  const html = await page.text();
  const portal = { cookie: cookieOf(page), csrf: /name="_csrf" value="([^"]+)"/.exec(html)![1]! };
  return { staff, portal };
}

/** One submission; the ack when the server acknowledged it, null otherwise. */
async function submit(url: string, s: Awaited<ReturnType<typeof sessions>>, via: Ack['via'], n: number): Promise<Ack | null> {
  const key = `kill-${via}-${n}-${randomBytes(6).toString('hex')}`;
  const fields = personFields({ description: `申请公开第${n}号文件的批准文件` });
  if (via === 'portal') {
    const body = new URLSearchParams({ ...(fields as Record<string, string>), agencyId, intakeKey: key, _csrf: s.portal.csrf });
    const res = await fetch(`${url}/apply`, { method: 'POST', redirect: 'manual', headers: { cookie: s.portal.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
    await res.arrayBuffer();
    return res.status === 303 && res.headers.get('location') === '/apply/receipt' ? { key: `portal:${key}`, via, reference: null } : null;
  }
  const res = await fetch(`${url}/api/requests`, {
    method: 'POST',
    headers: { cookie: s.staff.cookie, 'x-csrf-token': s.staff.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ agencyId, channel: 'inPerson', applicant: fields, arrivedOn: '2026-11-20', intakeKey: key }),
  });
  if (res.status !== 201) return null;
  const json = (await res.json()) as { request: { reference: string } };
  return { key: `staff:${key}`, via, reference: json.request.reference };
}

/** Fires submissions from concurrent clients and SIGKILLs the server after `killAfter` acks. */
async function burstAndKill(child: ChildProcess, url: string, killAfter: number, counter: { n: number }): Promise<{ acks: Ack[]; failed: number }> {
  const s = await sessions(url);
  const acks: Ack[] = [];
  let failed = 0;
  let killed = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const worker = async (w: number) => {
    while (!killed) {
      const n = (counter.n += 1);
      try {
        const ack = await submit(url, s, (n + w) % 2 === 0 ? 'portal' : 'api', n);
        if (ack) acks.push(ack);
        else failed += 1;
      } catch {
        failed += 1; // connection refused / reset: the server is gone
      }
      if (!killed && acks.length >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, w) => worker(w)));
  await exited;
  return { acks, failed };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gk-kill-'));
  dbFile = join(dir, 'gongkai.db');
  const handle = createDatabase({ kind: 'sqlite', file: dbFile });
  await migrateOrThrow(handle.db);
  const config = testConfig();
  const deps = { db: handle.db, clock: fixedClock('2026-11-20T02:00:00Z'), logger: createLogger(config), auth: config.auth };
  const sys = systemPrincipal('测试准备');
  agencyId = (await createAgency(deps, sys, { name: '重庆市梁平区测试局', kind: 'department', parentId: null })).id;
  await createUser(deps, sys, { username: 'kill.handler', displayName: '测试经办人', role: 'handler', agencyId, password });
  await handle.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SIGKILL during a burst of submissions', () => {
  it(`loses no acknowledged submission (${rounds} kills, ${clients} concurrent clients, portal and API)`, async () => {
    const acked: Ack[] = [];
    const counter = { n: 0 };
    let unanswered = 0;
    for (let round = 0; round < rounds; round++) {
      const { child, url } = await startServer();
      const { acks, failed } = await burstAndKill(child, url, 60 + round * 40, counter);
      acked.push(...acks);
      unanswered += failed;
    }
    // opened after the last kill: SQLite recovers the write-ahead log the killed process left
    const handle = createDatabase({ kind: 'sqlite', file: dbFile });
    try {
      const rows = await handle.db.selectFrom('disclosure_request').select(['intake_key', 'reference']).where('intake_key', 'is not', null).execute();
      const byKey = new Map(rows.map((r) => [r.intake_key!, r.reference]));
      const lost = acked.filter((a) => !byKey.has(a.key));
      expect(lost, 'acknowledged submissions missing after SIGKILL').toEqual([]);
      expect(acked.filter((a) => a.reference !== null && byKey.get(a.key) !== a.reference)).toEqual([]);
      expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);
      expect(acked.some((a) => a.via === 'portal') && acked.some((a) => a.via === 'api')).toBe(true);
      process.stdout.write(`kill test: ${acked.length} acknowledged, ${unanswered} cut off by the kills, ${rows.length} stored\n`);
    } finally {
      await handle.close();
    }
  }, 120_000);
});
