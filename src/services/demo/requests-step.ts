/**
 * Demo step: a few thousand disclosure requests over 2024 … today, generated THROUGH the request
 * services on a simulated clock (request-histories.ts), so every request has a realistic timeline,
 * letters and audit trail, in every state and with every outcome, handled by the demo staff of
 * their agency where there is one. The seed's office (区政务服务管理办公室) has no activity before
 * 2025, so its 2024 tables compile to the seed's published figures (all zero).
 */
import { fixedClock } from '../../clock.js';
import { findUserByUsername } from '../accounts.service.js';
import { resolvePrincipal, systemPrincipal, type Principal } from '../authorization.js';
import { demoAccounts } from './accounts.js';
import { demoAgencyNames as n } from './district.js';
import type { DemoContext, DemoStep } from './index.js';
import { runRequestHistories, type HistoryAgency, type HistoryLog } from './request-histories.js';

/** The demo's size when neither the step nor the deps say (GONGKAI_DEMO_REQUESTS). */
export const defaultDemoRequests = 2500;

export interface RequestsDemoOptions {
  /** About how many requests arrive (default: `deps.demoRequests`, else 2,500; 0 leaves the step out). */
  readonly requests?: number;
  readonly seed?: number;
  /** First simulated day (default 2024-01-02). */
  readonly from?: string;
  /** Receives what the driver did (tests compare it with the database). */
  readonly onLog?: (log: HistoryLog) => void;
}

/** Relative share of requests per agency; the seed's office only from 2025. */
const shares: readonly { name: string; weight: number; from?: string }[] = [
  { name: n.housing, weight: 5 }, { name: n.planning, weight: 4 }, { name: n.market, weight: 3 }, { name: n.education, weight: 3 },
  { name: n.police, weight: 2 }, { name: n.supervisingOffice, weight: 2 }, { name: n.government, weight: 1 }, { name: n.liangshan, weight: 1 },
  { name: n.shuanggui, weight: 1 }, { name: n.lirang, weight: 1 }, { name: n.pingjin, weight: 1 },
  { name: n.serviceOffice, weight: 1, from: '2025-01-01' },
];

/** The demo staff of each agency (handler, head) as principals; the system where an agency has none. */
async function staffOf(ctx: DemoContext): Promise<(agencyId: string, role: 'handler' | 'head') => Principal> {
  const byAgency = new Map<string, Partial<Record<'handler' | 'head', Principal>>>();
  for (const spec of demoAccounts) {
    if ((spec.role !== 'handler' && spec.role !== 'head') || spec.agency === null) continue;
    const user = await findUserByUsername(ctx.deps, spec.username);
    if (!user || !user.active) continue;
    const agencyId = ctx.agency(spec.agency).id;
    const staff = byAgency.get(agencyId) ?? {};
    staff[spec.role] = await resolvePrincipal(ctx.deps.db, user);
    byAgency.set(agencyId, staff);
  }
  const system = systemPrincipal('演示数据');
  return (agencyId, role) => {
    const staff = byAgency.get(agencyId);
    return staff?.[role] ?? (role === 'handler' ? staff?.head : undefined) ?? system;
  };
}

export function createRequestsDemoStep(opts: RequestsDemoOptions = {}): DemoStep {
  const size = (deps: DemoContext['deps']): number => opts.requests ?? deps.demoRequests ?? defaultDemoRequests;
  return {
    key: 'requests', title: '演示申请（2024年至今，经办理流程生成）', once: true,
    enabled: (deps) => size(deps) > 0,
    run: async (ctx) => {
      const from = opts.from ?? '2024-01-02';
      const to = ctx.deps.clock.today();
      if (to <= from) return;
      const agencies: HistoryAgency[] = shares.map((s) => ({ id: ctx.agency(s.name).id, name: s.name, weight: s.weight, ...(s.from && { from: s.from }) }));
      const started = Date.now();
      let month = '';
      // the services log each action at info level: quiet them here, progress is logged once a month
      const quiet = ctx.deps.logger.child({ demo: 'requests' }, { level: 'warn' });
      const log = await runRequestHistories({ ...ctx.deps, logger: quiet, clock: fixedClock(`${from}T01:00:00Z`) }, {
        seed: opts.seed ?? 20240102, from, to, requests: size(ctx.deps), agencies, actor: await staffOf(ctx), daysPerTransaction: 31,
        onDay: (day, l) => {
          if (day.slice(0, 7) === month) return;
          month = day.slice(0, 7);
          ctx.deps.logger.info({ month, requests: l.requests.length, seconds: Math.round((Date.now() - started) / 1000) }, 'demo requests: generating');
        },
      });
      opts.onLog?.(log);
      ctx.notes.push(`演示申请：${log.requests.length} 件（${from.slice(0, 4)}年至今，经登记、补正、征求意见、延期、收费、转送、答复等办理流程生成），行政复议、行政诉讼 ${log.appeals.length} 件，用时 ${Math.round((Date.now() - started) / 1000)} 秒。`);
    },
  };
}

export const requestsDemoStep: DemoStep = createRequestsDemoStep();
