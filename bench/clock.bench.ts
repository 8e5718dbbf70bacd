/**
 * The statutory clock: full request-clock computations per second (target ≥ 100,000/s on one core),
 * and one pass over a district's 10,000 open requests (the console's live clocks, no caching).
 */
import { figure, measure, report } from './harness.js';
import { buildCalendar, defaultCalendar } from '../src/core/calendar/calendar.js';
import { baseSchedules } from '../src/core/calendar/base-schedules.js';
import { formatIsoDate, parseIsoDate } from '../src/core/calendar/day-number.js';
import { computeRequestClock } from '../src/core/requests/clock.js';
import { explainClock } from '../src/core/requests/clock-explain.js';
import type { ClockEvent } from '../src/core/requests/clock-events.js';
import { createRandom } from '../src/core/random.js';

const today = '2026-11-26';
const todayDay = parseIsoDate(today)!;
const rand = createRandom(20261126);
const pick = (n: number) => Math.floor(rand() * n);
const d = (day: number) => formatIsoDate(day);

/** 10,000 open requests received in the last ~60 days, a realistic mix of events. */
function openRequests(n: number): ClockEvent[][] {
  const out: ClockEvent[][] = [];
  for (let i = 0; i < n; i++) {
    const received = todayDay - 1 - pick(60);
    const ev: ClockEvent[] = [{ kind: 'received', on: d(received) }];
    const r = rand();
    if (r < 0.15) {
      ev.push({ kind: 'clarificationSent', on: d(received + 2 + pick(5)) });
      if (rand() < 0.7) ev.push({ kind: 'clarificationAnswered', on: d(received + 8 + pick(5)) });
    } else if (r < 0.35) {
      const sent = received + 1 + pick(10);
      ev.push({ kind: 'consultationSent', on: d(sent), party: 'thirdParty' });
      if (rand() < 0.6) ev.push({ kind: 'consultationAnswered', on: d(sent + 3 + pick(15)) });
    } else if (r < 0.45) {
      const notice = received + 3 + pick(10);
      ev.push({ kind: 'feeNoticeSent', on: d(notice), amount: 100 });
      if (rand() < 0.5) ev.push({ kind: 'feePaid', on: d(notice + 2 + pick(10)) });
    }
    if (rand() < 0.2) ev.push({ kind: 'extensionApproved', on: d(received + 20 + pick(5)), workdays: 10 + pick(11) });
    out.push(ev);
  }
  return out;
}

process.stdout.write('clock\n');
const buildStart = performance.now();
const calendar = buildCalendar(baseSchedules());
figure('calendar build (2004–2100, precomputed index)', performance.now() - buildStart, 'ms', { value: 200, lowerIsBetter: true });
defaultCalendar();

const receipt = parseIsoDate('2026-03-02')!;
let k = 0;
report(measure('addWorkdays(day, 20)', () => calendar.addWorkdays(receipt + (k++ % 300), 20)));

const requests = openRequests(10_000);
let i = 0;
const clockResult = measure('full request clock (events → all dates, pauses, used/left, overdue, provisional)', () =>
  computeRequestClock(requests[i++ % requests.length]!, calendar, today),
);
report(clockResult, { perSecond: 100_000, label: 'one core' });

const simple: ClockEvent[] = [{ kind: 'received', on: '2026-11-02' }];
report(measure('clock of a request with only its receipt', () => computeRequestClock(simple, calendar, today)));

let j = 0;
report(measure('clock + Chinese explanation', () => {
  const ev = requests[j++ % requests.length]!;
  return explainClock(computeRequestClock(ev, calendar, today), calendar);
}));

const passes: number[] = [];
for (let p = 0; p < 20; p++) {
  const t = performance.now();
  let overdue = 0;
  for (const ev of requests) if (computeRequestClock(ev, calendar, today).overdue) overdue++;
  passes.push(performance.now() - t);
  if (p === 0) process.stdout.write(`  (10,000 open requests: ${overdue} overdue today)\n`);
}
passes.sort((a, b) => a - b);
figure('live clocks for 10,000 open requests, median pass', passes[Math.floor(passes.length / 2)]!, 'ms', { value: 100, lowerIsBetter: true });
