/**
 * The demo requests step: requests generated through the services over 2024 … today, with the seed's
 * office silent in 2024 — so its compiled 2024 tables equal the seed's published figures (read with
 * the parser from the seed, test/support/shared.ts) —
 * and active afterwards; every compiled report of the district passes the rules; the step runs once.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportText } from '../../src/core/report/parse/index.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import { accountsDemoStep, agenciesDemoStep, demoAgencyNames, fillDemoDistrict } from '../../src/services/demo/index.js';
import type { HistoryLog, HistoryRequest } from '../../src/services/demo/request-histories.js';
import { createRequestsDemoStep } from '../../src/services/demo/requests-step.js';
import { handlingStatuses, type RequestStatus } from '../../src/core/requests/states.js';
import { findAgencyByIdOrName } from '../../src/services/agencies.service.js';
import { compileAgencyReport, compileAllReports } from '../../src/services/reports/compile.service.js';
import { testDatabases } from '../support/databases.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';
import { seedFile } from '../support/shared.js';

const sizes = { sqlite: 300, postgres: 150 } as const;

/** Where a story must have left its request, from what the driver did (not from the database). */
function expectedStatuses(e: HistoryRequest): readonly RequestStatus[] {
  switch (e.closing?.action) {
    case undefined: return e.receivedOn === null ? ['registered'] : handlingStatuses;
    case 'void': return ['voided'];
    case 'withdraw': return e.receivedOn === null ? ['voided'] : ['closed'];
    case 'lapseClarification': case 'lapseFee': case 'transfer': return ['closed'];
    case 'reply': return ['replied', 'archived'];
  }
}

describe.each(testDatabases)('demo requests on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  const admin = systemPrincipal('测试');
  let log: HistoryLog | undefined;
  const steps = [agenciesDemoStep, accountsDemoStep, createRequestsDemoStep({ requests: sizes[target.name], seed: 7, onLog: (l) => { log = l; } })];

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle, {}, '2026-03-02T02:00:00Z');
    const result = await fillDemoDistrict(deps, steps);
    expect(result.ranSteps).toEqual(['agencies', 'accounts', 'requests']);
  }, 300_000);
  afterAll(async () => handle?.close());

  it(`gives the seed's office a 2024 report with exactly the seed's figures (the seed)`, async () => {
    const seed = parseReportText(readFileSync(seedFile, 'utf8')).report!;
    expect(seed.tables.table3.newReceived).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const office = (await findAgencyByIdOrName(deps, demoAgencyNames.serviceOffice))!;
    const compiled = await compileAgencyReport(deps, admin, office.id, 2024);
    expect(compiled.report.tables).toEqual(seed.tables);
    expect(compiled.report.agency).toBe(seed.agency ?? demoAgencyNames.serviceOffice);
    expect(compiled.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const later = [await compileAgencyReport(deps, admin, office.id, 2025), await compileAgencyReport(deps, admin, office.id, 2026)];
    expect(later.reduce((s, c) => s + (c.report.tables.table3.newReceived![6] as number), 0)).toBeGreaterThan(0);
  });

  it('fills the district with requests in many states, each where its story left it, every compiled report passing the rules', async () => {
    const rows = await handle.db.selectFrom('disclosure_request').select(['id', 'status']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(sizes[target.name] * 0.8);
    const stories = new Map(log!.requests.map((e) => [e.id, e]));
    expect(stories.size).toBe(rows.length);
    const misplaced = rows.filter((r) => !expectedStatuses(stories.get(r.id)!).includes(r.status as RequestStatus));
    expect(misplaced.map((r) => [r.status, stories.get(r.id)!.closing?.action ?? 'open'])).toEqual([]);
    // many states: answered, archived and closed in other ways, plus at least two more (open, voided, …)
    const states = new Set(rows.map((r) => r.status));
    expect([...states]).toEqual(expect.arrayContaining(['replied', 'archived', 'closed']));
    expect(states.size).toBeGreaterThanOrEqual(5);
    expect(new Set(log!.requests.map((e) => e.closing?.action ?? 'open')).size).toBeGreaterThanOrEqual(5);
    const actors = await handle.db.selectFrom('request_event').select('actor_name').distinct().execute();
    expect(actors.map((a) => a.actor_name)).toEqual(expect.arrayContaining(['赵敏（区住房城乡建委）', '刘洋（区住房城乡建委）']));
    for (const year of [2024, 2025, 2026]) {
      for (const c of await compileAllReports(deps, admin, year)) {
        expect(c.findings.filter((f) => f.severity === 'error'), `${c.agency} ${year}`).toEqual([]);
      }
    }
  });

  it('runs once: a second fill generates nothing more', async () => {
    const before = await handle.db.selectFrom('disclosure_request').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const again = await fillDemoDistrict(deps, steps);
    expect(again.skippedSteps).toEqual(['requests']);
    const after = await handle.db.selectFrom('disclosure_request').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
