import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/calendar.js';
import { computeRequestClock } from './clock.js';
import type { ClockEvent } from './clock-events.js';
import type { ClockPolicy } from './clock-policy.js';

const cal = defaultCalendar();
const clock = (events: ClockEvent[], today = '2026-11-26', policy: Partial<ClockPolicy> = {}) => computeRequestClock(events, cal, today, policy);
const codes = (events: ClockEvent[], today?: string) => clock(events, today).findings.map((f) => f.code);
const received = (on: string): ClockEvent => ({ kind: 'received', on });

describe('rules.md §2.10 worked examples', () => {
  it.each([
    ['2025-09-26', '2025-10-13', '2025-10-30', '2025-11-27', '09-28 (Sun) and 10-11 (Sat) 上班 count; 国庆+中秋 10-01…08 off'],
    ['2025-12-31', '2026-01-12', '2026-01-29', '2026-03-04', 'crosses 2026 元旦 01-01…03 and 春节 02-15…23 (02-14, 02-28 上班)'],
    ['2026-02-10', '2026-02-26', '2026-03-16', '2026-04-14', '2026-02-14 (Sat) counts through 春节'],
    ['2026-09-18', '2026-09-29', '2026-10-22', '2026-11-19', '09-20 (Sun) and 10-10 (Sat) count around 中秋 and 国庆'],
  ])('received %s → 补正 by %s, reply by %s, extended %s (%s)', (on, clarifyBy, replyBy, extendedReplyBy) => {
    const c = clock([received(on)], on);
    expect(c).toMatchObject({ clarifyBy, replyBy, extendedReplyBy, provisional: false, status: 'running', workdaysUsed: 0, workdaysLeft: 20 });
  });

  it('third party consulted (dispatch day counts, answer day paused): received 2026-03-02, sent 03-05, answered 03-12 → reply by 2026-04-07 (清明 04-04…06 skipped)', () => {
    const c = clock([received('2026-03-02'), { kind: 'consultationSent', on: '2026-03-05', party: 'thirdParty' }, { kind: 'consultationAnswered', on: '2026-03-12' }], '2026-03-12');
    expect(c.baseReplyBy).toBe('2026-03-30');
    expect(c.replyBy).toBe('2026-04-07');
    expect(c.consultations[0]).toMatchObject({ limitOn: '2026-03-26', status: 'answered' });
    expect(c.pausedPeriods).toEqual([{ reason: 'consultation', from: '2026-03-06', to: '2026-03-12', open: false, workdays: 5 }]);
    expect(c.countedSpans).toEqual([
      { from: '2026-03-03', to: '2026-03-05', workdays: 3 },
      { from: '2026-03-13', to: '2026-04-07', workdays: 17 },
    ]);
    // by the end of the answer day: 3 used, 17 left (the answer day is paused)
    expect(c).toMatchObject({ workdaysUsed: 3, workdaysLeft: 17, status: 'running' });
  });

  it('补正: received 2026-06-15 → notice by 2026-06-25; 补正 received 06-30 → reply by 2026-07-28 (20 wd restart from the 补正)', () => {
    const c = clock([received('2026-06-15'), { kind: 'clarificationSent', on: '2026-06-18' }, { kind: 'clarificationAnswered', on: '2026-06-30' }], '2026-07-01');
    expect(c).toMatchObject({ clarifyBy: '2026-06-25', countFrom: '2026-06-30', replyBy: '2026-07-28', workdaysUsed: 1, status: 'running' });
  });

  it('unpublished year: received 2026-12-25 → reply by 2027-01-25 at the earliest (not 2027-01-22), provisional with reasons', () => {
    const c = clock([received('2026-12-25')], '2026-12-25');
    expect(c.replyBy).toBe('2027-01-25');
    expect(c.provisional).toBe(true);
    expect(c.replyByProvisional).toBe(true);
    expect(c.provisionalReasons.map((r) => `${r.year}:${r.cause}`)).toEqual(['2027:lateDecember', '2027:noNotice']);
    expect(c.findings.map((f) => f.code)).toEqual(['CLOCK-PROVISIONAL']);
  });
});

describe('rules.md §3.4 fee examples', () => {
  it('payment window: the applicant receives the notice on 2026-04-10 → pays by 2026-05-12 (05-01…05 off, 05-09 Sat works)', () => {
    const c = clock([received('2026-04-01'), { kind: 'feeNoticeSent', on: '2026-04-10' }], '2026-04-10');
    expect(c.fee).toMatchObject({ payBy: '2026-05-12', status: 'awaitingPayment' });
  });

  it('clock stop [U policy on]: received 2026-04-01, notice 04-10 after 6 wd, paid 04-20 → 14 wd from 04-21 → reply by 2026-05-12', () => {
    const c = clock([received('2026-04-01'), { kind: 'feeNoticeSent', on: '2026-04-10' }, { kind: 'feePaid', on: '2026-04-20' }], '2026-04-21');
    expect(c.replyBy).toBe('2026-05-12');
    expect(c.countedSpans.map((s) => s.workdays)).toEqual([6, 14]);
  });

  it('clock stop policy off: the fee period counts → reply by 2026-04-30 (20 wd straight)', () => {
    const c = clock([received('2026-04-01'), { kind: 'feeNoticeSent', on: '2026-04-10' }, { kind: 'feePaid', on: '2026-04-20' }], '2026-04-21', { feePausesClock: false });
    expect(c.replyBy).toBe('2026-04-30');
  });

  it('unpaid past the window: the pause ends at the window, CLOCK-FEE-EXPIRED; a lapse closes the request without overdue', () => {
    const open = clock([received('2026-04-01'), { kind: 'feeNoticeSent', on: '2026-04-10' }], '2026-05-20');
    expect(open.fee?.status).toBe('expired');
    expect(open.pausedPeriods[0]).toMatchObject({ from: '2026-04-11', to: '2026-05-12' });
    expect(open.findings.map((f) => f.code)).toContain('CLOCK-FEE-EXPIRED');
    const lapsed = clock([received('2026-04-01'), { kind: 'feeNoticeSent', on: '2026-04-10' }, { kind: 'feeLapsed', on: '2026-05-13' }], '2026-08-01');
    expect(lapsed).toMatchObject({ status: 'closed', closedBy: 'feeLapsed', overdue: false });
    expect(lapsed.findings).toEqual([]);
  });
});

describe('policies ([U] conventions)', () => {
  const events: ClockEvent[] = [received('2026-03-02'), { kind: 'consultationSent', on: '2026-03-05' }, { kind: 'consultationAnswered', on: '2026-03-12' }];
  it('dispatch day not counted → one working day later (2026-04-08)', () => {
    expect(clock(events, '2026-03-13', { consultationDispatchDayCounts: false }).replyBy).toBe('2026-04-08');
  });
  it('answer day counted → one working day earlier (2026-04-03, before 清明)', () => {
    expect(clock(events, '2026-03-13', { consultationAnswerDayPaused: false }).replyBy).toBe('2026-04-03');
  });

  // the §3.4 fee example: received 2026-04-01 (Wed), notice 04-10 (Fri), paid 04-20 (Mon). Working days used
  // before the notice: 04-02, 03, 07, 08, 09 (04-06 清明 off) + the notice day 04-10 = 6; after the payment
  // 14 more from 04-21: 04-21…24 (4), 27…30 (8), 05-06…08 (11, 05-01…05 off), 05-09 Sat 上班 (12), 05-11 (13), 05-12 (14)
  const fee: ClockEvent[] = [received('2026-04-01'), { kind: 'feeNoticeSent', on: '2026-04-10' }, { kind: 'feePaid', on: '2026-04-20' }];
  it('feeNoticeDayCounts: default (notice day 04-10 counts, 6 + 14 wd) → 2026-05-12; off (04-10 paused, 5 + 15 wd) → one working day later, 2026-05-13', () => {
    expect(clock(fee, '2026-04-21')).toMatchObject({ replyBy: '2026-05-12', workdaysUsed: 7 });
    expect(clock(fee, '2026-04-21').pausedPeriods).toEqual([{ reason: 'fee', from: '2026-04-11', to: '2026-04-20', open: false, workdays: 6 }]);
    const off = clock(fee, '2026-04-21', { feeNoticeDayCounts: false });
    expect(off).toMatchObject({ replyBy: '2026-05-13', workdaysUsed: 6 });
    expect(off.pausedPeriods).toEqual([{ reason: 'fee', from: '2026-04-10', to: '2026-04-20', open: false, workdays: 7 }]);
  });

  it('feePaymentDayPaused: default (payment day 04-20 paused) → 2026-05-12; off (04-20 counts, 7 + 13 wd) → one working day earlier, 2026-05-11 (05-09 is a 上班 Saturday)', () => {
    const off = clock(fee, '2026-04-21', { feePaymentDayPaused: false });
    expect(off).toMatchObject({ replyBy: '2026-05-11', workdaysUsed: 8 });
    expect(off.pausedPeriods).toEqual([{ reason: 'fee', from: '2026-04-11', to: '2026-04-19', open: false, workdays: 5 }]);
    // both off: 04-10 paused, 04-20 counts → 5 + 1 + 14 wd, the same day as the default
    expect(clock(fee, '2026-04-21', { feeNoticeDayCounts: false, feePaymentDayPaused: false }).replyBy).toBe('2026-05-12');
  });

  it('pauseEndsAtLimit, unpaid fee: default (pause ends at payBy 05-12; 14 wd from 05-13) → 2026-06-01; off (paused until today 05-20; 14 wd from 05-21) → 2026-06-09', () => {
    const unpaid = fee.slice(0, 2);
    const atLimit = clock(unpaid, '2026-05-20');
    expect(atLimit).toMatchObject({ replyBy: '2026-06-01', status: 'running' });
    expect(atLimit.pausedPeriods[0]).toMatchObject({ from: '2026-04-11', to: '2026-05-12', open: false });
    const untilToday = clock(unpaid, '2026-05-20', { pauseEndsAtLimit: false });
    // 05-21, 22 (2), 05-25…29 (7), 06-01…05 (12), 06-08 (13), 06-09 (14)
    expect(untilToday.replyBy).toBe('2026-06-09');
    expect(untilToday.fee).toMatchObject({ payBy: '2026-05-12', status: 'expired' });
    // the pause runs on to today: open, and the clock paused (as for an unanswered consultation)
    expect(untilToday.pausedPeriods[0]).toMatchObject({ from: '2026-04-11', to: '2026-05-20', open: true });
    expect(untilToday.status).toBe('paused');
    expect(untilToday.findings.map((f) => f.code)).toContain('CLOCK-FEE-EXPIRED');
  });

  it('pauseEndsAtLimit, unanswered consultation: default (pause ends at the 15-wd limit 03-27) → 2026-04-22; off (paused until today 04-20; 3 used, 17 from 04-21) → 2026-05-15', () => {
    const sent: ClockEvent[] = [received('2026-03-02'), { kind: 'consultationSent', on: '2026-03-05', addresseeReceivedOn: '2026-03-06' }];
    expect(clock(sent, '2026-04-20')).toMatchObject({ replyBy: '2026-04-22', consultations: [{ limitOn: '2026-03-27', status: 'expired' }] });
    // 04-21…24 (4), 04-27…30 (8), 05-06…08 (11, 05-01…05 off), 05-09 Sat 上班 (12), 05-11…15 (17)
    const untilToday = clock(sent, '2026-04-20', { pauseEndsAtLimit: false });
    expect(untilToday).toMatchObject({ replyBy: '2026-05-15', status: 'paused', consultations: [{ limitOn: '2026-03-27', status: 'open' }] });
    expect(untilToday.pausedPeriods[0]).toMatchObject({ from: '2026-03-06', to: '2026-04-20', open: true });
  });

  it('pauseEndsAtLimit, late answer (04-01 after the limit 03-26): default pauses to 03-26 → 2026-04-21; off pauses to the answer day 04-01 → 2026-04-27', () => {
    const late: ClockEvent[] = [received('2026-03-02'), { kind: 'consultationSent', on: '2026-03-05' }, { kind: 'consultationAnswered', on: '2026-04-01' }];
    // 3 used (03-03…05); 17 from 03-27: 03-27 (1), 03-30…04-03 (6), 04-07…10 (10), 04-13…17 (15), 04-20, 21 (17)
    expect(clock(late, '2026-04-02').replyBy).toBe('2026-04-21');
    // 17 from 04-02: 04-02, 03 (2), 04-07…10 (6), 04-13…17 (11), 04-20…24 (16), 04-27 (17)
    const off = clock(late, '2026-04-02', { pauseEndsAtLimit: false });
    expect(off.replyBy).toBe('2026-04-27');
    expect(off.pausedPeriods[0]).toMatchObject({ from: '2026-03-06', to: '2026-04-01' });
  });

  // received 2026-03-02 (Mon): 20 wd → 03-30 (03-03…06, 09…13, 16…20, 23…27, 30); 40 wd → 04-28 (04-06 清明 off)
  const lateExtension: ClockEvent[] = [received('2026-03-02'), { kind: 'extensionApproved', on: '2026-03-31', workdays: 10 }];
  it('extensionMustPrecedeDeadline: default, approved 03-31 after the deadline 03-30 → CLOCK-EXTENSION-LATE, not applied (reply by 03-30, overdue); off → applied, 10 wd after 03-30 → 2026-04-14', () => {
    const strict = clock(lateExtension, '2026-04-01');
    expect(strict).toMatchObject({ extensionWorkdays: 0, replyBy: '2026-03-30', extendedReplyBy: '2026-04-28', overdue: true, overdueWorkdays: 2 });
    expect(strict.findings.map((f) => f.code)).toEqual(['CLOCK-EXTENSION-LATE', 'CLOCK-OVERDUE']);
    // 03-31…04-03 (4), 04-07…10 (8), 04-13, 14 (10)
    const lax = clock(lateExtension, '2026-04-01', { extensionMustPrecedeDeadline: false });
    expect(lax).toMatchObject({ extensionWorkdays: 10, replyBy: '2026-04-14', extendedReplyBy: '2026-04-28', overdue: false });
    expect(lax.findings).toEqual([]);
  });

  it('extensionMustPrecedeDeadline: approved on the deadline day itself (03-30) is in time under the default too → 2026-04-14', () => {
    const onTime = clock([received('2026-03-02'), { kind: 'extensionApproved', on: '2026-03-30', workdays: 10 }], '2026-04-01');
    expect(onTime).toMatchObject({ extensionWorkdays: 10, replyBy: '2026-04-14', overdue: false });
    expect(onTime.findings).toEqual([]);
  });
});

describe('open pauses and limits', () => {
  it('an unanswered consultation pauses the clock until today (status paused), then ends at its 15-wd limit', () => {
    const sent: ClockEvent[] = [received('2026-03-02'), { kind: 'consultationSent', on: '2026-03-05', addresseeReceivedOn: '2026-03-06' }];
    const paused = clock(sent, '2026-03-10');
    expect(paused.status).toBe('paused');
    expect(paused.consultations[0]!.limitOn).toBe('2026-03-27');
    expect(paused.pausedPeriods[0]).toMatchObject({ from: '2026-03-06', to: '2026-03-10', open: true });
    expect(paused.workdaysUsed).toBe(3);
    const expired = clock(sent, '2026-04-20');
    expect(expired.consultations[0]!.status).toBe('expired');
    expect(expired.pausedPeriods[0]).toMatchObject({ to: '2026-03-27', open: false });
    // 3 wd used, 17 more from 03-30: 03-30…04-03 (5), 04-07…04-10 (9), 04-13…17 (14), 04-20…22 (17)
    expect(expired.replyBy).toBe('2026-04-22');
  });

  it('a late answer only pauses up to the limit (CLOCK-CONSULT-LATE)', () => {
    const c = clock([received('2026-03-02'), { kind: 'consultationSent', on: '2026-03-05' }, { kind: 'consultationAnswered', on: '2026-04-01' }], '2026-04-02');
    expect(c.pausedPeriods[0]).toMatchObject({ to: '2026-03-26' });
    expect(c.findings.map((f) => f.code)).toEqual(['CLOCK-CONSULT-LATE']);
  });

  it('two overlapping consultations are one pause', () => {
    const c = clock([
      received('2026-03-02'),
      { kind: 'consultationSent', on: '2026-03-05', consultationId: 'a', party: 'thirdParty' },
      { kind: 'consultationSent', on: '2026-03-09', consultationId: 'b', party: 'agency' },
      { kind: 'consultationAnswered', on: '2026-03-12', consultationId: 'a' },
      { kind: 'consultationAnswered', on: '2026-03-16', consultationId: 'b' },
    ], '2026-03-17');
    // paused 03-06…03-16 (7 wd); 17 more from 03-17: 03-17…20 (4), 23…27 (9), 30…04-03 (14), 04-07…09 (17)
    expect(c.replyBy).toBe('2026-04-09');
  });
});

describe('overdue, reply and 第三十五条', () => {
  it('not replied by the date → overdue with the working days counted', () => {
    const c = clock([received('2025-09-26')], '2025-11-03');
    expect(c).toMatchObject({ overdue: true, overdueWorkdays: 2, workdaysLeft: -2, status: 'running' });
    expect(c.findings.map((f) => f.code)).toEqual(['CLOCK-OVERDUE']);
  });

  it('replied on the last day is in time; a day later is overdue', () => {
    expect(clock([received('2025-09-26'), { kind: 'replied', on: '2025-10-30' }])).toMatchObject({ status: 'replied', overdue: false, workdaysUsed: 20, workdaysLeft: 0 });
    expect(clock([received('2025-09-26'), { kind: 'replied', on: '2025-10-31' }])).toMatchObject({ overdue: true, overdueWorkdays: 1 });
  });

  it('an extension approved in time adds its working days', () => {
    const c = clock([received('2025-09-26'), { kind: 'extensionApproved', on: '2025-10-29', workdays: 10 }], '2025-10-30');
    expect(c).toMatchObject({ extensionWorkdays: 10, replyBy: '2025-11-13', extendedReplyBy: '2025-11-27' });
  });

  it('a 第三十五条 delay notice sets the reply date', () => {
    const c = clock([received('2025-09-26'), { kind: 'delayNoticeSent', on: '2025-10-20', newReplyBy: '2025-12-31' }], '2025-11-05');
    expect(c).toMatchObject({ replyBy: '2025-12-31', delayedReplyBy: '2025-12-31', overdue: false, replyByProvisional: false });
  });
});

describe('invalid sequences are findings, not crashes', () => {
  it('a second 补正 notice → CLOCK-CLARIFY-REPEATED; the first one counts', () => {
    const c = clock([received('2026-06-15'), { kind: 'clarificationSent', on: '2026-06-18' }, { kind: 'clarificationSent', on: '2026-06-22' }], '2026-06-23');
    expect(c.findings.map((f) => f.code)).toEqual(['CLOCK-CLARIFY-REPEATED']);
    expect(c.findings[0]!.at.event).toBe(2);
    expect(c).toMatchObject({ clarificationSentOn: '2026-06-18', status: 'awaitingClarification', replyBy: null });
  });

  it('a lapsed 补正 closes the request without a reply date (table 三 逾期不补正)', () => {
    const c = clock([received('2026-06-15'), { kind: 'clarificationSent', on: '2026-06-18', answerDueOn: '2026-06-30' }, { kind: 'clarificationLapsed', on: '2026-07-01' }], '2026-09-01');
    expect(c).toMatchObject({ status: 'closed', closedBy: 'clarificationLapsed', replyBy: null, overdue: false, clarificationAnswerDueOn: '2026-06-30' });
    expect(c.findings).toEqual([]);
  });

  it('a reply before receipt → CLOCK-BEFORE-RECEIPT, ignored', () => {
    const c = clock([{ kind: 'replied', on: '2026-03-01' }, received('2026-03-02')], '2026-03-03');
    expect(c.findings.map((f) => f.code)).toEqual(['CLOCK-BEFORE-RECEIPT']);
    expect(c.status).toBe('running');
  });

  it('an extension after the deadline → CLOCK-EXTENSION-LATE, not applied (overdue stays)', () => {
    const c = clock([received('2025-09-26'), { kind: 'extensionApproved', on: '2025-10-31', workdays: 20 }], '2025-11-03');
    expect(c.findings.map((f) => f.code)).toEqual(['CLOCK-EXTENSION-LATE', 'CLOCK-OVERDUE']);
    expect(c).toMatchObject({ extensionWorkdays: 0, replyBy: '2025-10-30', overdue: true });
  });

  it('extensions over 20 wd in total → CLOCK-EXTENSION-OVER, capped at 20', () => {
    const c = clock([received('2025-09-26'), { kind: 'extensionApproved', on: '2025-10-20', workdays: 15 }, { kind: 'extensionApproved', on: '2025-10-21', workdays: 10 }], '2025-10-22');
    expect(c.extensionWorkdays).toBe(20);
    expect(c.replyBy).toBe('2025-11-27');
    expect(c.findings.map((f) => f.code)).toEqual(['CLOCK-EXTENSION-OVER']);
  });

  it.each([
    [[{ kind: 'clarificationAnswered', on: '2026-03-05' }], 'CLOCK-UNMATCHED'],
    [[{ kind: 'feePaid', on: '2026-03-05' }], 'CLOCK-UNMATCHED'],
    [[{ kind: 'consultationAnswered', on: '2026-03-05', consultationId: 'x' }], 'CLOCK-UNMATCHED'],
    [[received('2026-03-03')], 'CLOCK-REPEATED'],
    [[{ kind: 'extensionApproved', on: '2026-03-05', workdays: 0 }], 'CLOCK-EXTENSION-INVALID'],
    [[{ kind: 'extensionApproved', on: '2026-03-05', workdays: 2.5 }], 'CLOCK-EXTENSION-INVALID'],
    [[{ kind: 'delayNoticeSent', on: '2026-03-05', newReplyBy: '2026-03-05' }], 'CLOCK-DELAY-INVALID'],
    [[{ kind: 'replied', on: '2026-02-30' }], 'CLOCK-DATE-INVALID'],
    [[{ kind: 'replied', on: '2026-03-10' }, { kind: 'clarificationSent', on: '2026-03-11' }], 'CLOCK-AFTER-CLOSE'],
    [[{ kind: 'clarificationSent', on: '2026-03-20' }], 'CLOCK-CLARIFY-LATE'],
    [[{ kind: 'clarificationSent', on: '2026-03-04', answerDueOn: '2026-03-20' }, { kind: 'clarificationLapsed', on: '2026-03-18' }], 'CLOCK-LAPSE-EARLY'],
    [[{ kind: 'consultationSent', on: '2026-04-20' }, { kind: 'replied', on: '2026-04-21' }], 'CLOCK-PAUSE-LATE'],
  ] as [ClockEvent[], string][])('%j → %s', (extra, code) => {
    expect(codes([received('2026-03-02'), ...extra], '2026-04-22')).toContain(code);
  });

  it('no receipt → invalid clock with CLOCK-NO-RECEIPT; a bad "today" → CLOCK-DATE-INVALID', () => {
    expect(clock([{ kind: 'replied', on: '2026-03-01' }])).toMatchObject({ status: 'invalid', replyBy: null });
    expect(codes([])).toEqual(['CLOCK-NO-RECEIPT']);
    expect(computeRequestClock([received('2026-03-02')], cal, '2026-3-1').findings.map((f) => f.code)).toEqual(['CLOCK-DATE-INVALID']);
    expect(codes([received('1999-03-02')])).toEqual(['CLOCK-DATE-RANGE', 'CLOCK-NO-RECEIPT']);
  });

  it('events given out of order are sorted by date', () => {
    const c = clock([{ kind: 'consultationAnswered', on: '2026-03-12' }, { kind: 'consultationSent', on: '2026-03-05' }, received('2026-03-02')], '2026-03-13');
    expect(c.replyBy).toBe('2026-04-07');
    expect(c.findings).toEqual([]);
  });
});
