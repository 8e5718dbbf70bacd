/**
 * The authorization matrix: every registered /api/ route × every role (and anonymous) × a target in
 * the caller's own agency or in another one, with the expected HTTP status. A rule is one line:
 *
 *   'GET /api/agencies/:agencyId': [withinReach(200), (c) => ({ params: { agencyId: c.agencyId } })],
 *
 * The build function (optional) gives the path params, query and body for a case; it may create
 * throwaway records through `c.deps` (`c.unique` for names). Routes about the caller's own session or
 * account (/api/auth/…: logout, password, sessions) get a fresh caller per case; the others share one
 * signed-in caller per role and app (creating and signing in an account per case was most of the
 * matrix's time).
 */
import type { Role } from '../../src/core/accounts/roles.js';
import { createUser } from '../../src/services/accounts.service.js';
import { systemPrincipal } from '../../src/services/authorization.js';
import type { AccountDeps } from '../../src/services/deps.js';
import type { AccessFixture } from './access-fixture.js';
import type { TestApp, TestClient } from './app.js';

export type Who = Role | 'anonymous';
export type Where = 'own' | 'other';
export const everyone: readonly Who[] = ['anonymous', 'admin', 'supervisor', 'handler', 'head'];
export const wheres: readonly Where[] = ['own', 'other'];

/** Expected status per caller, for a target in its own agency and in another agency. */
export type Expectation = { readonly [W in Who]: readonly [own: number, other: number] };

export interface AccessContext {
  readonly fixture: AccessFixture;
  readonly deps: AccountDeps;
  readonly who: Who;
  readonly where: Where;
  /** The target agency: fixture.agency(where). */
  readonly agencyId: string;
  /** Unique per case, for names that must be unique. */
  readonly unique: string;
  /** The caller's account and session (null for anonymous). */
  readonly userId: string | null;
  readonly sessionId: string | null;
}

export interface AccessCall {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly payload?: unknown;
}

export type AccessRule = readonly [expect: Expectation, build?: (c: AccessContext) => AccessCall | Promise<AccessCall>];
export type AccessRules = Readonly<Record<string, AccessRule>>;

const both = (s: number) => [s, s] as const;
const table = (anonymous: number, f: (r: Role) => readonly [number, number]): Expectation => ({
  anonymous: both(anonymous), admin: f('admin'), supervisor: f('supervisor'), handler: f('handler'), head: f('head'),
});

/** Public: everybody, signed in or not, gets `status`. */
export const anyone = (status: number): Expectation => table(status, () => both(status));
/** Every staff role gets `status`; anonymous 401. */
export const staff = (status: number): Expectation => table(401, () => both(status));
/** Every role reaches its own agency; only the admin reaches the other one. */
export const withinReach = (ok: number, denied = 404): Expectation => table(401, (r) => (r === 'admin' ? both(ok) : [ok, denied]));
/** Only the admin (own and other); the other roles get `denied`. */
export const adminOnly = (ok: number, denied = 403): Expectation => table(401, (r) => (r === 'admin' ? both(ok) : both(denied)));
/** Per role: a status for both targets or [own, other]; unlisted roles get `otherwise`; anonymous 401. */
export const byRole = (m: Partial<Record<Role, number | readonly [number, number]>>, otherwise: number | readonly [number, number] = 403): Expectation =>
  table(401, (r) => {
    const v = m[r] ?? otherwise;
    return typeof v === 'number' ? both(v) : v;
  });

/** The "METHOD url" of a route, as in the rules. */
export const routeKey = (method: string, url: string): string => `${method} ${url}`;

let counter = 0;
const agencyOf = (f: AccessFixture, role: Role): string | null =>
  role === 'admin' ? null : role === 'supervisor' ? f.agencies.districtA : f.agencies.ownAgency;

interface Caller {
  readonly client: TestClient;
  readonly userId: string | null;
  readonly sessionId: string | null;
}

async function newCaller(t: TestApp, f: AccessFixture, who: Who, unique: string): Promise<Caller> {
  if (who === 'anonymous') return { client: t.client(), userId: null, sessionId: null };
  const user = await createUser(t.deps, systemPrincipal('测试准备'), {
    username: `${who}-${unique}`, displayName: `${who} ${unique}`, role: who, agencyId: agencyOf(f, who), password: f.password,
  });
  const client = await t.loginAs(user.username, f.password);
  const sessionId = ((await client.get('/api/auth/me')).json() as { session: { id: string } }).session.id;
  return { client, userId: user.id, sessionId };
}

const sharedCallers = new WeakMap<TestApp, Map<Who, Promise<Caller>>>();

/** Runs one case with a caller of the role (fresh for /api/auth/ routes, else shared); returns the status. */
export async function runAccessCase(t: TestApp, f: AccessFixture, key: string, rule: AccessRule, who: Who, where: Where): Promise<number> {
  const [method, pattern] = key.split(' ') as [string, string];
  const unique = `c${(counter += 1)}`;
  let caller: Promise<Caller>;
  if (pattern.startsWith('/api/auth/')) caller = newCaller(t, f, who, unique);
  else {
    const callers = sharedCallers.get(t) ?? new Map<Who, Promise<Caller>>();
    sharedCallers.set(t, callers);
    caller = callers.get(who) ?? newCaller(t, f, who, `shared-${unique}`);
    callers.set(who, caller);
  }
  const { client, userId, sessionId } = await caller;
  const call = (await rule[1]?.({ fixture: f, deps: t.deps, who, where, agencyId: f.agency(where), unique, userId, sessionId })) ?? {};
  let url = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const v = call.params?.[name];
    if (v === undefined) throw new Error(`${key}: no value for :${name} — give it in the rule's build function`);
    return encodeURIComponent(v);
  });
  if (call.query) url += `?${new URLSearchParams(call.query as Record<string, string>).toString()}`;
  const res = await client.request(method as 'GET', url, call.payload as never);
  return res.statusCode;
}
