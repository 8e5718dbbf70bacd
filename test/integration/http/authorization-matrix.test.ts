/**
 * Every registered /api/ route × every role and anonymous × own/other agency → the expected status
 * (rules in ./access-rules/). Callers: see test/support/access-matrix.ts (fresh for /api/auth/ routes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { everyone, routeKey, runAccessCase, wheres, type Expectation, type Who } from '../../support/access-matrix.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';
import { accessRules, unlistedPrefixes } from './access-rules/index.js';

describe.each(testDatabases)('authorization matrix on $name', (target) => {
  let t: TestApp;
  let f: AccessFixture;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = await target.create();
    t = await createTestApp({ db });
    f = await seedAccessFixture(t.deps);
    close = async () => {
      await t.close();
      await db.close();
    };
  });
  afterAll(() => close?.());

  it('has a rule for every registered /api/ route and a route for every rule', () => {
    const registered = t.app.routeCatalog
      .filter((r) => r.url.startsWith('/api/') && !Object.keys(unlistedPrefixes).some((p) => r.url.startsWith(p)))
      .map((r) => routeKey(r.method, r.url));
    expect(registered.filter((k) => !(k in accessRules)), 'routes without a rule in test/integration/http/access-rules/').toEqual([]);
    expect(Object.keys(accessRules).filter((k) => !registered.includes(k)), 'rules for routes that do not exist').toEqual([]);
  });

  it.each(Object.keys(accessRules))('%s answers each caller as expected', async (key) => {
    const rule = accessRules[key]!;
    const actual: Record<string, [number, number]> = {};
    for (const who of everyone) {
      const row: [number, number] = [0, 0];
      for (const [i, where] of wheres.entries()) row[i] = await runAccessCase(t, f, key, rule, who, where);
      actual[who] = row;
    }
    const expected = Object.fromEntries(everyone.map((w: Who) => [w, [...rule[0][w]]])) as Record<keyof Expectation, number[]>;
    expect(actual).toEqual(expected);
  });
});
