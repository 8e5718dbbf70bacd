/**
 * The simulation: thousands of random request histories driven through the request services on a
 * moving clock (2024-01 … 2026-11, across year ends), then every year's report of every agency is
 * compiled from the database and compared, cell by cell, with a count made HERE from the driver's
 * own log of what it did (never from the database). Every compiled report passes every rule; closed
 * years carry over into the next. On SQLite and PostgreSQL, 2,000 histories each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicantKinds } from '../../src/core/requests/request.js';
import { appealKinds, appealResults, type AppealResult } from '../../src/core/requests/records.js';
import type { OutcomeKey } from '../../src/core/requests/outcomes.js';
import { specForYear, type Cell } from '../../src/core/report/spec/index.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { createAgency } from '../../src/services/agencies.service.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import { runRequestHistories, type HistoryLog, type HistoryRequest } from '../../src/services/demo/request-histories.js';
import { closeYear } from '../../src/services/reports/closing.service.js';
import { compileAgencyReport } from '../../src/services/reports/compile.service.js';
import { testDatabases } from '../support/databases.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';

/** Histories per database (SIMULATION_SIZE overrides both, for a quick local run). */
const sizes = { sqlite: 2000, postgres: 2000 } as const;
const years = [2024, 2025, 2026] as const;

/** The outcome each basis is counted under, written out here (rules.md §2.9 and the default policy). */
const basisOutcome: Readonly<Record<string, OutcomeKey>> = {
  '36-2': 'granted', '36-1': 'granted', '32-consent': 'granted', '15-publicInterest': 'granted', '37': 'partial',
  '14-secret': 'denied_stateSecret', '14-law': 'denied_lawForbidden', '14-safety': 'denied_threeSafety', '15': 'denied_thirdParty',
  '32-objection': 'denied_thirdParty', '16-internal': 'denied_internalAffairs', '16-process': 'denied_processInfo',
  '16-enforcement': 'denied_enforcementFile', '36-7': 'denied_queryMatter', '36-4': 'unable_notHeld', '36-5': 'unable_notHeld',
  '38': 'unable_needCreate', '30-unclear': 'unable_unclear', '39-1': 'rejected_complaint', '36-6': 'rejected_repeat',
  '39-2': 'rejected_publication', '35': 'rejected_massive', confirm: 'rejected_confirm', other: 'other_other',
};

/** The outcome of a received request that was closed, from how the driver closed it. */
function outcomeOf(r: HistoryRequest): OutcomeKey {
  const c = r.closing!;
  switch (c.action) {
    case 'reply': return basisOutcome[c.basis] ?? (() => { throw new Error(`no outcome written for basis ${c.basis}`); })();
    case 'lapseClarification': return 'other_noSupplement';
    case 'lapseFee': return 'other_noFee';
    case 'withdraw': return 'other_other';
    case 'transfer': return 'unable_notHeld';
    case 'void': throw new Error('a voided request was never received');
  }
}

/** Table 三 of one agency and year, counted from the log. */
function expectedTable3(log: HistoryLog, agencyId: string, year: number): Record<string, Cell[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const mine = log.requests.filter((r) => r.agencyId === agencyId && r.receivedOn !== null);
  const closedOn = (r: HistoryRequest) => r.closing?.on ?? null;
  const inRow = (row: string, r: HistoryRequest): boolean => {
    const received = r.receivedOn!;
    const closed = closedOn(r);
    const answeredInYear = closed !== null && closed >= from && closed <= to;
    switch (row) {
      case 'newReceived': return received >= from && received <= to;
      case 'carriedOver': return received < from && (closed === null || closed >= from);
      case 'carriedForward': return received <= to && (closed === null || closed > to);
      case 'total': return answeredInYear;
      default: return answeredInYear && (row === 'other' ? outcomeOf(r).startsWith('other_') : outcomeOf(r) === row);
    }
  };
  const out: Record<string, Cell[]> = {};
  for (const row of specForYear(year).tables.table3.rows) {
    const counted = mine.filter((r) => inRow(row.key, r));
    const cells = applicantKinds.map((k) => counted.filter((r) => r.applicantKind === k).length);
    out[row.key] = [...cells, counted.length];
  }
  return out;
}

/** The agency whose act each appeal is about: the one holding the request (rules §1.6: the original acting agency). */
const actingAgencyOf = (log: HistoryLog): ReadonlyMap<string, string> => new Map(log.requests.map((r) => [r.id, r.agencyId]));

/**
 * Table 四 of one agency and year, counted from the log: the agency's records of cases about its own
 * requests (rules §1.6: only the original acting agency counts a suit; a 复议机关 named co-defendant does
 * not) — decided by whose request it is, not by the flag the driver set.
 */
function expectedTable4(log: HistoryLog, agencyId: string, year: number): Cell[] {
  const to = `${year}-12-31`;
  const acting = actingAgencyOf(log);
  const cases = log.appeals.filter((a) => a.agencyId === agencyId && acting.get(a.requestId) === agencyId && a.filedOn.startsWith(`${year}-`));
  const resultOf = (a: (typeof cases)[number]): AppealResult => (a.decided && a.decided.on <= to ? a.decided.result : 'pending');
  return appealKinds.flatMap((kind) => {
    const group = appealResults.map((res) => cases.filter((a) => a.kind === kind && resultOf(a) === res).length);
    return [...group, group.reduce((s, n) => s + n, 0)];
  });
}

describe.each(testDatabases)('simulation on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let log: HistoryLog;
  const agencies: { id: string; name: string }[] = [];
  let gov: { id: string; name: string };
  const admin = systemPrincipal('模拟测试');
  const size = Number(process.env.SIMULATION_SIZE) || sizes[target.name];

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle, {}, '2024-01-02T02:00:00Z');
    gov = await createAgency(deps, admin, { name: '模拟区人民政府', kind: 'government', parentId: null });
    for (const name of ['模拟区教育委员会', '模拟区住房和城乡建设委员会', '模拟区市场监督管理局']) {
      agencies.push(await createAgency(deps, admin, { name, kind: 'department', parentId: gov.id }));
    }
    agencies.push(gov);
    const started = performance.now();
    log = await runRequestHistories(deps, { seed: 20261126, from: '2024-01-02', to: '2026-11-20', requests: size, agencies });
    const calls = Object.values(log.actions).reduce((a, b) => a + b, 0);
    process.stdout.write(`simulation on ${target.name}: ${log.requests.length} requests, ${log.appeals.length} appeals, ${calls} service calls in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }, 600_000);
  afterAll(async () => handle?.close());

  it('drove every kind of step and left requests in every state', async () => {
    expect(log.requests.length).toBeGreaterThanOrEqual(size);
    for (const action of ['confirmReceipt', 'sendClarification', 'lapseClarification', 'answerClarification', 'sendConsultation', 'answerConsultation',
      'approveExtension', 'sendFeeNotice', 'recordFeePayment', 'transfer', 'withdraw', 'void', 'draftReply', 'returnReply', 'issueReply', 'createAppeal', 'updateAppeal']) {
      expect(log.actions[action] ?? 0, action).toBeGreaterThan(0);
    }
    const statuses = await handle.db.selectFrom('disclosure_request').select('status').distinct().execute();
    const expectedStates = ['registered', 'inProgress', 'replied', 'closed', 'voided', 'archived', 'awaitingApproval', 'approved'];
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(expectedStates));
    const reached = new Set(log.requests.filter((r) => r.closing && r.receivedOn).map(outcomeOf));
    expect(reached.size, 'outcomes reached').toBeGreaterThanOrEqual(target.name === 'sqlite' ? 21 : 15);
    // suits with the 复议机关 as co-defendant: recorded by the department (unflagged) and, flagged, by the district government
    const acting = actingAgencyOf(log);
    const atOrgan = log.appeals.filter((a) => a.coDefendant);
    if (target.name === 'sqlite') expect(atOrgan.length, 'co-defendant suits').toBeGreaterThan(0);
    for (const a of atOrgan) {
      expect(a.agencyId).toBe(gov.id);
      expect(acting.get(a.requestId)).not.toBe(gov.id);
      expect(log.appeals.filter((o) => o.requestId === a.requestId && o.agencyId === acting.get(a.requestId) && o.filedOn === a.filedOn && !o.coDefendant)).toHaveLength(1);
    }
  });

  it('every cell of every year equals the count over the histories, and every rule passes', async () => {
    for (const year of years) {
      for (const a of agencies) {
        const compiled = await compileAgencyReport(deps, admin, a.id, year);
        expect(compiled.report.tables.table3, `${a.name} ${year} 表三`).toEqual(expectedTable3(log, a.id, year));
        expect(compiled.report.tables.table4.cases, `${a.name} ${year} 表四`).toEqual(expectedTable4(log, a.id, year));
        expect(compiled.findings.filter((f) => f.severity === 'error'), `${a.name} ${year}`).toEqual([]);
      }
    }
    const busiest = await compileAgencyReport(deps, admin, agencies[0]!.id, 2025);
    expect(busiest.report.tables.table3.newReceived![6]).toBeGreaterThan(size / 25);
    expect(busiest.report.tables.table3.carriedOver![6]).toBeGreaterThan(0);
  });

  it('closing 2024 and 2025 freezes them, and each next year carries over exactly their 结转下年度', async () => {
    for (const a of agencies) {
      const live2024 = await compileAgencyReport(deps, admin, a.id, 2024);
      const closed2024 = await closeYear(deps, admin, a.id, 2024);
      expect(closed2024.report.tables).toEqual(live2024.report.tables);
      await closeYear(deps, admin, a.id, 2025);
      const y2025 = await compileAgencyReport(deps, admin, a.id, 2025);
      const y2026 = await compileAgencyReport(deps, admin, a.id, 2026);
      expect(y2025.provenance.source).toBe('frozen');
      expect(y2026.provenance.previous?.year).toBe(2025);
      expect(y2025.report.tables.table3.carriedOver).toEqual(live2024.report.tables.table3.carriedForward);
      expect(y2026.report.tables.table3.carriedOver).toEqual(y2025.report.tables.table3.carriedForward);
      expect([...y2025.findings, ...y2026.findings].filter((f) => f.severity === 'error')).toEqual([]);
    }
  });
});
