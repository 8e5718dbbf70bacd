/**
 * Random request histories driven THROUGH the request services on a simulated clock: arrivals on
 * every channel, receipt confirmations, 补正 (answered or lapsed), consultations (answered or
 * expired), extensions, fees (paid or lapsed), 第三十五条 notices, transfers, withdrawals, voids,
 * replies with every basis (drafted, returned, approved, issued), deliveries, archiving, appeals —
 * and stalls, so some requests stay open across year ends (or for good, in every state).
 *
 * Each request is a script that waits simulated days (`sim.after(n)`); one scheduler runs the
 * scripts of each day one at a time with the clock set to that day. The log says what the driver
 * did (not what the database holds), for tests to count independently. Used by the demo step and
 * the simulation test. Deterministic for a seed and period (given the same database state): arrivals
 * draw from the seed's stream, and each request's story from its own stream (seed, arrival number),
 * so a change in one story (a refused action, an edit of the script) never reshuffles the others.
 */
import { formatIsoDate, parseIsoDate } from '../../core/calendar/day-number.js';
import { createRandom } from '../../core/random.js';
import type { AppealKind, AppealResult } from '../../core/requests/records.js';
import type { ApplicantKind, RequestChannel } from '../../core/requests/request.js';
import type { Clock } from '../../clock.js';
import { findRequestById } from '../../db/request.repository.js';
import { systemPrincipal, type Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { fakeRequestFields, pickApplicantKind, type Random } from './applicants.js';
import { runHistory, type HistoryContext } from './request-script.js';
import { Simulation } from './simulation.js';

export type SimClock = Clock & { set(at: Date | string): void };

export interface HistoryAgency {
  readonly id: string;
  readonly name: string;
  /** Relative share of new requests (default 1). */
  readonly weight?: number;
  /** First day the agency receives requests (new or transferred), 'YYYY-MM-DD'. */
  readonly from?: string;
}

export interface HistoryOptions {
  readonly seed: number;
  /** First and last simulated day, 'YYYY-MM-DD' (the last must not be after the real today). */
  readonly from: string;
  readonly to: string;
  /** About how many requests arrive (transfers add their forwarded requests). */
  readonly requests: number;
  readonly agencies: readonly HistoryAgency[];
  /** Who acts for an agency (default: the system, as an administrator). */
  readonly actor?: (agencyId: string, role: 'handler' | 'head') => Principal;
  /**
   * Days per database transaction (default 1: every service call commits on its own). Larger
   * batches make a long fill much faster; every call still records its own audit event.
   */
  readonly daysPerTransaction?: number;
  /** Called after each simulated day (progress). */
  readonly onDay?: (day: string, log: HistoryLog) => void | Promise<void>;
}

/** How a request ended, as the driver did it: the basis of a reply, or the closing action. */
export type HistoryClosing =
  | { readonly action: 'reply'; readonly on: string; readonly basis: string }
  | { readonly action: 'lapseClarification' | 'lapseFee' | 'withdraw' | 'transfer' | 'void'; readonly on: string };

export interface HistoryRequest {
  readonly id: string;
  /** The agency holding it (a transfer before receipt moves it). */
  agencyId: string;
  readonly applicantKind: ApplicantKind;
  readonly channel: RequestChannel;
  /** The 收到申请之日 the driver set (null: never confirmed). */
  receivedOn: string | null;
  closing: HistoryClosing | null;
  /** Set for the request a transfer opened at the responsible agency. */
  readonly forwardedFrom: string | null;
}

/**
 * One appeal record the driver made: at the agency holding the request (the original acting agency),
 * or — for a suit after review with the 复议机关 as co-defendant — also at that agency's parent,
 * flagged `reviewOrganCoDefendant` (rules §1.6).
 */
export interface HistoryAppeal {
  readonly id: string;
  /** The agency the record belongs to. */
  readonly agencyId: string;
  /** The request the case is about (the parent's record is linked to it only if the parent's actor reaches it). */
  readonly requestId: string;
  readonly kind: AppealKind;
  readonly filedOn: string;
  /** Whether the record was flagged `reviewOrganCoDefendant` (recorded at the 复议机关). */
  readonly coDefendant: boolean;
  decided: { readonly result: Exclude<AppealResult, 'pending'>; readonly on: string } | null;
}

export interface HistoryLog {
  readonly requests: HistoryRequest[];
  readonly appeals: HistoryAppeal[];
  /** Service calls made, by action. */
  readonly actions: Record<string, number>;
}

const channels: readonly [RequestChannel, number][] = [['internet', 35], ['inPerson', 25], ['email', 15], ['registeredMail', 10], ['fax', 8], ['ordinaryMail', 7]];

function pickChannel(rand: Random): RequestChannel {
  let r = rand() * 100;
  for (const [c, w] of channels) if ((r -= w) < 0) return c;
  return 'inPerson';
}

/** Runs the histories from `opts.from` to `opts.to`; the clock is left at the last day. */
export async function runRequestHistories(deps: ServiceDeps & { readonly clock: SimClock }, opts: HistoryOptions): Promise<HistoryLog> {
  const rand = createRandom(opts.seed);
  const first = parseIsoDate(opts.from);
  const last = parseIsoDate(opts.to);
  if (first === null || last === null || last < first) throw new Error(`bad simulation period ${opts.from}…${opts.to}`);
  const sim = new Simulation();
  const log: HistoryLog = { requests: [], appeals: [], actions: {} };
  const system = systemPrincipal('演示数据');
  const actor = opts.actor ?? (() => system);
  let tick = 0;
  let current: ServiceDeps = deps;
  let started = 0;
  /** The context of one story, with its own random stream. */
  const contextFor = (own: Random): HistoryContext => ({
    get deps() { return current; },
    sim, rand: own, log, actor,
    today: () => formatIsoDate(sim.day),
    tick: () => {
      tick = (tick + 1) % 18000;
      deps.clock.set(new Date(Date.parse(`${formatIsoDate(sim.day)}T01:00:00Z`) + tick * 1000));
    },
    reload: async (id) => {
      const r = await findRequestById(current.db, id);
      if (!r) throw new Error(`simulated request ${id} vanished`);
      return r;
    },
    activeAgencies: (exceptId) => opts.agencies.filter((a) => a.id !== exceptId && (!a.from || a.from <= formatIsoDate(sim.day))),
    intakeKey: () => `sim-${opts.seed}-${log.requests.length}-${Math.floor(own() * 1e9)}`.padEnd(16, '0'),
  });
  const perDay = opts.requests / (last - first + 1);
  let owed = 0;
  const runDay = async (day: number) => {
    sim.day = day;
    owed += perDay * (0.4 + rand() * 1.2);
    const arrivals = Math.floor(owed);
    owed -= arrivals;
    const today = formatIsoDate(day);
    for (let i = 0; i < arrivals; i++) {
      const open = opts.agencies.filter((a) => !a.from || a.from <= today);
      if (open.length === 0) break;
      const agency = weightedAgency(rand, open);
      const kind = pickApplicantKind(rand);
      const story = { agencyId: agency.id, kind, channel: pickChannel(rand), fields: fakeRequestFields(rand, kind) };
      const c = contextFor(createRandom(storySeed(opts.seed, started++)));
      sim.startOn(day, () => runHistory(c, story));
    }
    await sim.runDay(day);
    await opts.onDay?.(formatIsoDate(day), log);
  };
  const batch = Math.max(1, Math.trunc(opts.daysPerTransaction ?? 1));
  for (let day = first; day <= last; day += batch) {
    const end = Math.min(last, day + batch - 1);
    if (batch === 1) {
      await runDay(day);
      continue;
    }
    await deps.db.transaction().execute(async (trx) => {
      current = { ...deps, db: trx };
      try {
        for (let d = day; d <= end; d++) await runDay(d);
      } finally {
        current = deps;
      }
    });
  }
  return log;
}

/** The seed of the n-th story's stream (a multiplicative hash: neighbouring stories get unrelated streams). */
const storySeed = (seed: number, n: number): number => (Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;

function weightedAgency(rand: Random, agencies: readonly HistoryAgency[]): HistoryAgency {
  const total = agencies.reduce((s, a) => s + (a.weight ?? 1), 0);
  let r = rand() * total;
  for (const a of agencies) if ((r -= a.weight ?? 1) < 0) return a;
  return agencies[agencies.length - 1]!;
}
