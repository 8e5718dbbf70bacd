import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.js';
import { listAgencies } from '../../src/services/agencies.service.js';
import { login } from '../../src/services/auth.service.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import { accountsDemoStep, agenciesDemoStep, demoAgencyNames, fillDemoDistrict, fillDemoIfEmpty, type DemoStep } from '../../src/services/demo/index.js';
import { formatDemoAccounts } from '../../src/services/demo/format.js';
import { testDatabases } from '../support/databases.js';
import { testServiceDeps, type TestDeps } from '../support/service-deps.js';

/** The steps of this part only (other parts' generators have their own tests). */
const baseSteps = [agenciesDemoStep, accountsDemoStep];

describe.each(testDatabases)('demo district on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  beforeEach(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle);
  });
  afterEach(() => handle.close());

  it('fills an empty database with the district tree and accounts whose printed passwords work', async () => {
    const result = await fillDemoIfEmpty(deps, baseSteps);
    expect(result?.ranSteps).toEqual(['agencies', 'accounts']);
    const agencies = await listAgencies(deps, systemPrincipal());
    expect(agencies[0]).toMatchObject({ name: '重庆市梁平区人民政府', kind: 'government', parentId: null });
    expect(agencies.map((a) => a.name)).toEqual(expect.arrayContaining(Object.values(demoAgencyNames)));
    expect(agencies.slice(1).every((a) => a.parentId === agencies[0]!.id)).toBe(true);
    expect(agencies.every((a) => a.office.phone && a.office.address && a.office.officeHours && a.office.postalCode)).toBe(true);
    const roles = new Set(result!.createdAccounts.map((a) => a.role));
    expect([...roles].sort()).toEqual(['admin', 'handler', 'head', 'supervisor']);
    for (const a of result!.createdAccounts) {
      expect(a.password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
      const signedIn = await login(deps, { username: a.username, password: a.password });
      if (a.role === 'supervisor') expect(signedIn.principal.reach === 'all' ? -1 : signedIn.principal.reach.size).toBe(agencies.length);
    }
    expect(formatDemoAccounts(result!, { fixedPassword: false })).toContain(result!.createdAccounts[0]!.password);
  });

  it('is idempotent: a second run creates nothing, and start-up leaves a non-empty database alone', async () => {
    await fillDemoDistrict(deps, baseSteps);
    const again = await fillDemoDistrict(deps, baseSteps);
    expect(again.createdAccounts).toEqual([]);
    expect((await listAgencies(deps, systemPrincipal())).length).toBe(12);
    expect(await fillDemoIfEmpty(deps, baseSteps)).toBeNull();
  });

  it('uses GONGKAI_DEMO_PASSWORD for every account when given', async () => {
    const result = await fillDemoDistrict({ ...deps, demoPassword: 'Liangping-demo-2026' }, baseSteps);
    expect(new Set(result.createdAccounts.map((a) => a.password))).toEqual(new Set(['Liangping-demo-2026']));
    await expect(login(deps, { username: 'zhuguan', password: 'Liangping-demo-2026' })).resolves.toBeDefined();
  });

  it('runs a step marked `once` only the first time (the hook for generated data)', async () => {
    let runs = 0;
    const extra: DemoStep = {
      key: 'test-extra', title: '测试', once: true,
      run: async (ctx) => {
        runs += 1;
        ctx.notes.push(`office ${ctx.agency(demoAgencyNames.serviceOffice).shortName}`);
      },
    };
    const first = await fillDemoDistrict(deps, [...baseSteps, extra]);
    expect(first.notes).toEqual(['office 区政务服务办']);
    const second = await fillDemoDistrict(deps, [...baseSteps, extra]);
    expect([runs, second.skippedSteps]).toEqual([1, ['test-extra']]);
  });
});
