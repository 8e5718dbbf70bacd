/** The publications demo step, through the services, on SQLite and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/db/database.js';
import { systemPrincipal } from '../../../src/services/authorization.js';
import { accountsDemoStep, agenciesDemoStep, demoAgencyNames, fillDemoDistrict } from '../../../src/services/demo/index.js';
import { publicationsDemoStep } from '../../../src/services/demo/publications-step.js';
import { publicationDeadlines } from '../../../src/services/publications/dashboard.service.js';
import { listPublished } from '../../../src/services/publications/published.service.js';
import { compileAgencyReport } from '../../../src/services/reports/compile.service.js';
import { findAgencyByIdOrName } from '../../../src/services/agencies.service.js';
import { testDatabases } from '../../support/databases.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';

describe.each(testDatabases)('publications demo step on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  const steps = [agenciesDemoStep, accountsDemoStep, publicationsDemoStep];
  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle, {}, '2026-03-02T02:00:00Z');
    expect((await fillDemoDistrict(deps, steps)).ranSteps).toEqual(['agencies', 'accounts', 'publications']);
  }, 120_000);
  afterAll(async () => handle?.close());

  it('publishes through the workflow, leaves work near its deadline and fills the registers', async () => {
    const all = await listPublished(deps, { pageSize: 200 });
    expect(all.total).toBe(13);
    const housing = (await findAgencyByIdOrName(deps, demoAgencyNames.housing))!;
    const mine = await listPublished(deps, { agencyIds: [housing.id], validity: 'repealed' });
    expect(mine.items).toHaveLength(1);
    const reviews = await deps.db.selectFrom('publication_review').select('reviewer_name').where('agency_id', '=', housing.id).distinct().execute();
    expect(reviews.map((r) => r.reviewer_name)).toEqual(['刘洋（区住房城乡建委）']);
    const d = await publicationDeadlines(deps, systemPrincipal(), { agencyId: housing.id, all: true });
    expect(d.items.map((i) => i.deadline.state).sort()).toEqual(['dueSoon', 'onTrack', 'overdue']);
    const report = await compileAgencyReport(deps, systemPrincipal(), housing.id, 2025);
    expect(report.report.tables.table2).toMatchObject({ licensing: [412], feesWan: [35.62], normativeDocs: [1, 1, 1] });
    const office = (await findAgencyByIdOrName(deps, demoAgencyNames.serviceOffice))!;
    expect((await listPublished(deps, { agencyIds: [office.id] })).total).toBe(0);
    expect((await fillDemoDistrict(deps, steps)).skippedSteps).toEqual(['publications']);
  });
});
