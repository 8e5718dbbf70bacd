/**
 * The demo district, filled by `gongkai demo` and by `npm start` on an empty database.
 * The fill is a list of steps; each is idempotent or marked `once` (then recorded in the setting
 * table and skipped afterwards).
 *
 * HOOK for other parts: add a step to `demoSteps` below (e.g. generated disclosure requests):
 *
 *   export const requestsDemoStep: DemoStep = { key: 'requests', title: '生成演示申请', once: true,
 *     run: async (ctx) => { const office = ctx.agency(demoAgencyNames.serviceOffice); … } };
 */
import { roleLabels, type Role } from '../../core/accounts/roles.js';
import type { Agency } from '../../core/agencies/agency.js';
import { listAgencyRows } from '../../db/agency.repository.js';
import { countUsers } from '../../db/user.repository.js';
import { createUser, findUserByUsername } from '../accounts.service.js';
import { createAgency, findAgencyByIdOrName, listAgencyDirectory } from '../agencies.service.js';
import { systemPrincipal, type Principal } from '../authorization.js';
import type { AccountDeps } from '../deps.js';
import { getSetting, setSetting } from '../settings.service.js';
import { demoAccounts, randomDemoPassword } from './accounts.js';
import { demoDistrict } from './district.js';
import { publicationsDemoStep } from './publications-step.js';
import { requestsDemoStep } from './requests-step.js';

export { demoAgencyNames } from './district.js';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  readonly roleLabel: string;
  readonly displayName: string;
  readonly agencyName: string | null;
}

export interface DemoDeps extends AccountDeps {
  /** GONGKAI_DEMO_PASSWORD: one known password for every demo account, instead of random ones. */
  readonly demoPassword?: string | null;
  /** GONGKAI_DEMO_REQUESTS / `gongkai demo --requests n`: about how many requests to generate (0 = none; default 2,500). */
  readonly demoRequests?: number;
}

export interface DemoContext {
  readonly deps: DemoDeps;
  /** The actor of every demo write ("演示数据"): an administrator. */
  readonly actor: Principal;
  /** A demo agency by full name. @throws Error when it does not exist */
  agency(name: string): Agency;
  /** Accounts created by this run, with their passwords (to print once). */
  readonly createdAccounts: DemoAccount[];
  /** Lines to print after the run. */
  readonly notes: string[];
}

export interface DemoStep {
  readonly key: string;
  readonly title: string;
  /** Run only the first time (recorded as setting `demo.step.<key>`); otherwise the step must be idempotent. */
  readonly once: boolean;
  /** False: left out of this fill and not recorded (a later fill may run it), e.g. GONGKAI_DEMO_REQUESTS=0. */
  enabled?(deps: DemoDeps): boolean;
  run(ctx: DemoContext): Promise<void>;
}

export const agenciesDemoStep: DemoStep = {
  key: 'agencies', title: '演示机关', once: false,
  run: async (ctx) => {
    for (const a of demoDistrict) {
      if (await findAgencyByIdOrName(ctx.deps, a.name)) continue;
      const parentId = a.parent === null ? null : (await findAgencyByIdOrName(ctx.deps, a.parent))?.id ?? null;
      await createAgency(ctx.deps, ctx.actor, { name: a.name, shortName: a.shortName, kind: a.kind, parentId, sortOrder: a.sortOrder, office: a.office });
    }
  },
};

export const accountsDemoStep: DemoStep = {
  key: 'accounts', title: '演示账号', once: false,
  run: async (ctx) => {
    for (const spec of demoAccounts) {
      if (await findUserByUsername(ctx.deps, spec.username)) continue;
      const password = ctx.deps.demoPassword ?? randomDemoPassword();
      const agencyId = spec.agency === null ? null : ctx.agency(spec.agency).id;
      await createUser(ctx.deps, ctx.actor, { username: spec.username, displayName: spec.displayName, role: spec.role, agencyId, password });
      ctx.createdAccounts.push({
        username: spec.username, password, role: spec.role, roleLabel: roleLabels[spec.role], displayName: spec.displayName, agencyName: spec.agency,
      });
    }
  },
};

/** The steps, in order. Add yours here. */
export const demoSteps: DemoStep[] = [agenciesDemoStep, accountsDemoStep, requestsDemoStep, publicationsDemoStep];

export interface DemoResult {
  readonly createdAccounts: readonly DemoAccount[];
  readonly ranSteps: readonly string[];
  readonly skippedSteps: readonly string[];
  /** Steps left out by their setting (see DemoStep.enabled). */
  readonly omittedSteps: readonly string[];
  readonly notes: readonly string[];
}

/** Fills the configured database with the demo district (idempotent). */
export async function fillDemoDistrict(deps: DemoDeps, steps: readonly DemoStep[] = demoSteps): Promise<DemoResult> {
  const actor = systemPrincipal('演示数据');
  const agencies = new Map<string, Agency>();
  const ctx: DemoContext = {
    deps,
    actor,
    agency: (name) => {
      const a = agencies.get(name);
      if (!a) throw new Error(`demo agency not found: ${name}`);
      return a;
    },
    createdAccounts: [],
    notes: [],
  };
  const ran: string[] = [];
  const skipped: string[] = [];
  const omitted: string[] = [];
  for (const step of steps) {
    const doneKey = `demo.step.${step.key}`;
    if (step.once && (await getSetting(deps, doneKey)) !== null) {
      skipped.push(step.key);
      continue;
    }
    if (step.enabled && !step.enabled(deps)) {
      omitted.push(step.key);
      continue;
    }
    await loadAgencies(deps, agencies);
    await step.run(ctx);
    if (step.once) await setSetting(deps, actor, doneKey, deps.clock.now().toISOString());
    ran.push(step.key);
    deps.logger.info({ step: step.key }, 'demo step done');
  }
  return { createdAccounts: ctx.createdAccounts, ranSteps: ran, skippedSteps: skipped, omittedSteps: omitted, notes: ctx.notes };
}

/** On start: fills the demo district when the database has no agencies and no accounts yet; null otherwise. */
export async function fillDemoIfEmpty(deps: DemoDeps, steps: readonly DemoStep[] = demoSteps): Promise<DemoResult | null> {
  const empty = (await countUsers(deps.db)) === 0 && (await listAgencyDirectory(deps)).length === 0;
  return empty ? fillDemoDistrict(deps, steps) : null;
}

async function loadAgencies(deps: AccountDeps, into: Map<string, Agency>): Promise<void> {
  for (const a of await listAgencyRows(deps.db, 'all')) into.set(a.name, a);
}
