import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import { buildCalendar, defaultCalendar, type Calendar } from '../calendar/calendar.js';
import { baseSchedules } from '../calendar/base-schedules.js';
import { formatIsoDate, parseIsoDate } from '../calendar/day-number.js';
import { computeRequestClock } from './clock.js';
import type { ClockEvent } from './clock-events.js';
import type { ClockPolicy } from './clock-policy.js';

const cal = defaultCalendar();

// chinese-days (the naive oracle below) reads dates in the process time zone: compare under China time.
let savedTz: string | undefined;
beforeAll(() => {
  // eslint-disable-next-line no-restricted-syntax -- the oracle library depends on TZ
  savedTz = process.env.TZ;
  // eslint-disable-next-line no-restricted-syntax
  process.env.TZ = 'Asia/Shanghai';
});
afterAll(() => {
  // eslint-disable-next-line no-restricted-syntax
  if (savedTz === undefined) delete process.env.TZ;
  // eslint-disable-next-line no-restricted-syntax
  else process.env.TZ = savedTz;
});
const day = (iso: string) => parseIsoDate(iso)!;
const at = (base: number, offset: number) => formatIsoDate(base + offset);

/**
 * A request: receipt in [from, to] (by default 2005…2030, so some are provisional) plus an optional
 * 补正 (answered or still open), consultation and fee (each with an optional later receipt by the
 * addressee/applicant), extensions, and sometimes a policy other than the default (null = default).
 */
const arbRequestIn = (from: string, to: string) => fc.record({
  receipt: fc.integer({ min: day(from), max: day(to) }),
  clarification: fc.option(fc.record({ sent: fc.integer({ min: 0, max: 12 }), answer: fc.option(fc.integer({ min: 0, max: 30 }), { freq: 4 }) }), { freq: 2 }),
  consultation: fc.option(fc.record({ sent: fc.integer({ min: 0, max: 30 }), received: fc.option(fc.integer({ min: 0, max: 5 })), answer: fc.option(fc.integer({ min: 0, max: 40 })) })),
  fee: fc.option(fc.record({ notice: fc.integer({ min: 0, max: 30 }), received: fc.option(fc.integer({ min: 0, max: 5 })), paid: fc.option(fc.integer({ min: 0, max: 40 })) })),
  extensions: fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), workdays: fc.integer({ min: 1, max: 20 }) }), { maxLength: 3 }),
  today: fc.integer({ min: 0, max: 200 }),
  policy: fc.option(
    fc.record({
      feePausesClock: fc.boolean(), feeNoticeDayCounts: fc.boolean(), feePaymentDayPaused: fc.boolean(), consultationDispatchDayCounts: fc.boolean(),
      consultationAnswerDayPaused: fc.boolean(), pauseEndsAtLimit: fc.boolean(), extensionMustPrecedeDeadline: fc.boolean(),
    }) satisfies fc.Arbitrary<ClockPolicy>,
    { freq: 2 },
  ),
});
const arbRequest = arbRequestIn('2005-01-01', '2030-06-30');
type Req = typeof arbRequest extends fc.Arbitrary<infer T> ? T : never;

/** The events of a request; `consultation`/`fee` false leave that pause out (everything else unchanged). */
function eventsOf(r: Req, { consultation = true, fee = true }: { consultation?: boolean; fee?: boolean } = {}): ClockEvent[] {
  const ev: ClockEvent[] = [{ kind: 'received', on: at(r.receipt, 0) }];
  if (r.clarification) {
    const sent = r.receipt + r.clarification.sent;
    ev.push({ kind: 'clarificationSent', on: at(sent, 0) });
    if (r.clarification.answer !== null) ev.push({ kind: 'clarificationAnswered', on: at(sent, r.clarification.answer) });
  }
  if (consultation && r.consultation) {
    const sent = r.receipt + r.consultation.sent;
    const c = r.consultation;
    ev.push(c.received === null ? { kind: 'consultationSent', on: at(sent, 0) } : { kind: 'consultationSent', on: at(sent, 0), addresseeReceivedOn: at(sent, c.received) });
    if (c.answer !== null) ev.push({ kind: 'consultationAnswered', on: at(sent, c.answer) });
  }
  if (fee && r.fee) {
    const notice = r.receipt + r.fee.notice;
    const f = r.fee;
    ev.push(f.received === null ? { kind: 'feeNoticeSent', on: at(notice, 0) } : { kind: 'feeNoticeSent', on: at(notice, 0), applicantReceivedOn: at(notice, f.received) });
    if (f.paid !== null) ev.push({ kind: 'feePaid', on: at(notice, f.paid) });
  }
  for (const x of r.extensions) ev.push({ kind: 'extensionApproved', on: at(r.receipt, x.at), workdays: x.workdays });
  return ev;
}

const clockOf = (r: Req, calendar: Calendar = cal, pauses?: { consultation?: boolean; fee?: boolean }) =>
  computeRequestClock(eventsOf(r, pauses), calendar, at(r.receipt, r.today), r.policy ?? undefined);

/** `later` is the same date as `earlier` or after it; both null (补正 still open) counts as equal. */
function expectNotEarlier(later: string | null, earlier: string | null, what: string): void {
  if (earlier === null) {
    expect(later, what).toBeNull();
    return;
  }
  expect(later, what).not.toBeNull();
  expect(later! >= earlier, `${what}: ${later} < ${earlier}`).toBe(true);
}

describe('clock properties', () => {
  it('every computed deadline is a working day (reply, extended reply, 补正 notice, each consultation limit, fee payment), extended ≥ reply, extension ≤ 20 wd', () => {
    fc.assert(
      fc.property(arbRequest, (r) => {
        const c = clockOf(r);
        expect(cal.isWorkday(day(c.clarifyBy!))).toBe(true);
        for (const k of c.consultations) {
          expect(cal.isWorkday(day(k.limitOn)), `consultation limit ${k.limitOn}`).toBe(true);
          // 15 wd from the day after the addressee received the letter (default: the day it was sent)
          expect(k.limitOn).toBe(formatIsoDate(cal.addWorkdays(day(k.addresseeReceivedOn), 15)));
        }
        if (r.consultation) expect(c.consultations).toHaveLength(1);
        if (r.fee) {
          expect(c.fee).not.toBeNull();
          expect(cal.isWorkday(day(c.fee!.payBy)), `fee payBy ${c.fee!.payBy}`).toBe(true);
          expect(c.fee!.payBy).toBe(formatIsoDate(cal.addWorkdays(day(c.fee!.applicantReceivedOn), 20)));
        } else expect(c.fee).toBeNull();
        if (r.clarification && r.clarification.answer === null) {
          // 补正 notice out, no answer: the reply period has not restarted, so there is no reply date yet
          expect(c).toMatchObject({ status: 'awaitingClarification', countFrom: null, baseReplyBy: null, replyBy: null, extendedReplyBy: null });
          return;
        }
        // the 20 wd (re)start the day after receipt or, after 补正, the day after the 补正 arrived (第三十条)
        const countFrom = r.clarification ? at(r.receipt, r.clarification.sent + r.clarification.answer!) : at(r.receipt, 0);
        expect(c.countFrom).toBe(countFrom);
        expect(c.baseReplyBy).toBe(formatIsoDate(cal.addWorkdays(day(countFrom), 20)));
        expect(c.replyBy).not.toBeNull();
        expect(cal.isWorkday(day(c.replyBy!))).toBe(true);
        expect(cal.isWorkday(day(c.extendedReplyBy!))).toBe(true);
        expect(c.replyBy! >= c.baseReplyBy!).toBe(true);
        expect(c.extendedReplyBy! >= c.replyBy!).toBe(true);
        expect(c.extensionWorkdays).toBeGreaterThanOrEqual(0);
        expect(c.extensionWorkdays).toBeLessThanOrEqual(20);
        expect(c.countedSpans.reduce((n, s) => n + s.workdays, 0)).toBe(20 + c.extensionWorkdays);
        expect(c.countedSpans[0]!.from > countFrom).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a paused interval (a consultation, a fee notice + payment, or both) never makes the reply date or the extended reply date earlier', () => {
    fc.assert(
      fc.property(arbRequest, (r) => {
        const none = clockOf(r, cal, { consultation: false, fee: false });
        const consultation = clockOf(r, cal, { consultation: true, fee: false });
        const fee = clockOf(r, cal, { consultation: false, fee: true });
        const both = clockOf(r, cal, { consultation: true, fee: true });
        for (const [more, fewer, what] of [[consultation, none, '+consultation'], [fee, none, '+fee'], [both, consultation, 'consultation+fee'], [both, fee, 'fee+consultation']] as const) {
          expectNotEarlier(more.replyBy, fewer.replyBy, `replyBy ${what}`);
          expectNotEarlier(more.extendedReplyBy, fewer.extendedReplyBy, `extendedReplyBy ${what}`);
        }
      }),
      { numRuns: 500 },
    );
  });

  // "The statutory minimum": a calendar whose days off are the weekends and the 13 statutory days of
  // 国务院令第795号 only — no 第六条 补假, no extra notice days. For years with a published notice the
  // notice *is* the law (its 调休上班 Saturdays are working days), so the minimal calendar keeps the
  // shipped notices (through 2026) and differs from the default one only in the provisional years
  // (2027 on), where the default also gives 补假 for holidays on a weekend. A calendar of statutory days
  // alone in 2026 too would not be a lower bound: see the next test.
  const minimal = buildCalendar(baseSchedules(), { substituteWeekendHolidays: false });

  it('never earlier than the statutory minimum: receipts 2026-01-01…2030-12-31, every day, no events → reply date ≥ the 20th working day of the statutory-days-only calendar', () => {
    let strictlyLater = 0;
    for (let receipt = day('2026-01-01'); receipt <= day('2030-12-31'); receipt++) {
      const c = computeRequestClock([{ kind: 'received', on: at(receipt, 0) }], cal, at(receipt, 0));
      const floor = formatIsoDate(minimal.addWorkdays(receipt, 20));
      expect(c.replyBy! >= floor, `received ${at(receipt, 0)}: ${c.replyBy} < ${floor}`).toBe(true);
      if (c.replyBy! > floor) strictlyLater++;
    }
    // the comparison is not vacuous: 补假 of 2027–2030 push some dates later than the minimum
    expect(strictlyLater).toBeGreaterThan(0);
  });

  it('never earlier than the statutory minimum with pauses, 补正 and extensions (receipts 2026–2030): reply and extended reply dates ≥ the same clock on the statutory-days-only calendar, reply date ≥ its 20th working day after the count start', () => {
    fc.assert(
      fc.property(arbRequestIn('2026-01-01', '2030-12-31'), (r) => {
        const c = clockOf(r);
        const m = clockOf(r, minimal);
        expectNotEarlier(c.replyBy, m.replyBy, 'replyBy');
        expectNotEarlier(c.extendedReplyBy, m.extendedReplyBy, 'extendedReplyBy');
        if (c.countFrom !== null) expectNotEarlier(c.replyBy, formatIsoDate(minimal.addWorkdays(day(c.countFrom), 20)), 'replyBy vs 20 wd');
      }),
      { numRuns: 500 },
    );
  });

  it('why the minimal calendar keeps the 2026 notice: received 2026-01-19 → reply by 2026-02-14 (a 调休上班 Saturday), earlier than 2026-02-20 counted on statutory days alone (春节 02-16…19, no 调休)', () => {
    const statutoryOnly = buildCalendar([], { substituteWeekendHolidays: false });
    expect(computeRequestClock([{ kind: 'received', on: '2026-01-19' }], cal, '2026-01-19').replyBy).toBe('2026-02-14');
    expect(computeRequestClock([{ kind: 'received', on: '2026-01-19' }], statutoryOnly, '2026-01-19').replyBy).toBe('2026-02-20');
    expect(computeRequestClock([{ kind: 'received', on: '2026-01-19' }], minimal, '2026-01-19').replyBy).toBe('2026-02-14');
  });

  it('2027 is provisional: for receipts in Nov–Dec 2026 the reply date is never earlier than a plain Mon–Fri count (chinese-days), and is flagged once it reaches 2026-12-29', () => {
    fc.assert(
      fc.property(fc.integer({ min: day('2026-11-01'), max: day('2026-12-31') }), (receipt) => {
        const c = computeRequestClock([{ kind: 'received', on: at(receipt, 0) }], cal, at(receipt, 0));
        const naive = chineseDays.findWorkday(20, at(receipt, 0));
        expect(c.replyBy! >= naive).toBe(true);
        expect(c.replyByProvisional).toBe(c.replyBy! >= '2026-12-29');
      }),
    );
  });
});
