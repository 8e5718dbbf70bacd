import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import { defaultCalendar } from '../calendar/calendar.js';
import { formatIsoDate, parseIsoDate } from '../calendar/day-number.js';
import { computeRequestClock } from './clock.js';
import type { ClockEvent } from './clock-events.js';

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

/** A request: receipt in 2005…2030 (so some are provisional) plus optional consultation, fee, extensions. */
const arbRequest = fc.record({
  receipt: fc.integer({ min: day('2005-01-01'), max: day('2030-06-30') }),
  consultation: fc.option(fc.record({ sent: fc.integer({ min: 0, max: 30 }), answer: fc.option(fc.integer({ min: 0, max: 40 })) })),
  fee: fc.option(fc.record({ notice: fc.integer({ min: 0, max: 30 }), paid: fc.option(fc.integer({ min: 0, max: 40 })) })),
  extensions: fc.array(fc.record({ at: fc.integer({ min: 0, max: 60 }), workdays: fc.integer({ min: 1, max: 20 }) }), { maxLength: 3 }),
  today: fc.integer({ min: 0, max: 200 }),
});
type Req = typeof arbRequest extends fc.Arbitrary<infer T> ? T : never;

function eventsOf(r: Req, withConsultation = true): ClockEvent[] {
  const ev: ClockEvent[] = [{ kind: 'received', on: at(r.receipt, 0) }];
  if (withConsultation && r.consultation) {
    const sent = r.receipt + r.consultation.sent;
    ev.push({ kind: 'consultationSent', on: at(sent, 0) });
    if (r.consultation.answer !== null) ev.push({ kind: 'consultationAnswered', on: at(sent, r.consultation.answer) });
  }
  if (r.fee) {
    const notice = r.receipt + r.fee.notice;
    ev.push({ kind: 'feeNoticeSent', on: at(notice, 0) });
    if (r.fee.paid !== null) ev.push({ kind: 'feePaid', on: at(notice, r.fee.paid) });
  }
  for (const x of r.extensions) ev.push({ kind: 'extensionApproved', on: at(r.receipt, x.at), workdays: x.workdays });
  return ev;
}

describe('clock properties', () => {
  it('the reply date and the extended reply date are always working days, extended ≥ reply, extension ≤ 20 wd', () => {
    fc.assert(
      fc.property(arbRequest, (r) => {
        const c = computeRequestClock(eventsOf(r), cal, at(r.receipt, r.today));
        expect(c.replyBy).not.toBeNull();
        expect(cal.isWorkday(day(c.replyBy!))).toBe(true);
        expect(cal.isWorkday(day(c.extendedReplyBy!))).toBe(true);
        expect(cal.isWorkday(day(c.clarifyBy!))).toBe(true);
        expect(c.extendedReplyBy! >= c.replyBy!).toBe(true);
        expect(c.extensionWorkdays).toBeGreaterThanOrEqual(0);
        expect(c.extensionWorkdays).toBeLessThanOrEqual(20);
        expect(c.countedSpans.reduce((n, s) => n + s.workdays, 0)).toBe(20 + c.extensionWorkdays);
      }),
      { numRuns: 500 },
    );
  });

  it('adding a paused interval (a consultation) never makes the reply date earlier', () => {
    fc.assert(
      fc.property(arbRequest, (r) => {
        const today = at(r.receipt, r.today);
        const without = computeRequestClock(eventsOf(r, false), cal, today);
        const withPause = computeRequestClock(eventsOf(r, true), cal, today);
        expect(withPause.replyBy! >= without.replyBy!).toBe(true);
      }),
      { numRuns: 500 },
    );
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
