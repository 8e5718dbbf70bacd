/**
 * Second half of the clock: from the walked event state to the result — pause intervals (per the
 * policy), extensions checked against the deadline in force, the due dates, days used/left, overdue
 * and provisional flags.
 */
import type { Calendar } from '../calendar/calendar.js';
import type { DayNumber } from '../calendar/day-number.js';
import { finding, type Finding } from '../findings.js';
import { clockEventLabels, type ConsultationParty, type IsoDate } from './clock-events.js';
import { maxExtensionWorkdays, replyWorkdays, type ClockPolicy } from './clock-policy.js';
import { dueAfter, mergeIntervals, pausedWorkdays, type Interval } from './clock-pauses.js';
import type { ClockStatus, ConsultationClock, CountedSpan, FeeClock, PausedPeriod, PauseReason, RequestClock } from './clock-result.js';

export interface ConsultationState {
  readonly id: string | null;
  readonly party: ConsultationParty | null;
  readonly index: number;
  readonly sent: DayNumber;
  readonly addresseeReceived: DayNumber;
  readonly limit: DayNumber;
  answered: DayNumber | null;
  expired: DayNumber | null;
}

export interface FeeState {
  readonly index: number;
  readonly notice: DayNumber;
  readonly applicantReceived: DayNumber;
  readonly payBy: DayNumber;
  paid: DayNumber | null;
  lapsed: DayNumber | null;
  readonly amount: number | null;
}

export interface ClockState {
  readonly receivedOn: DayNumber;
  readonly clarifyBy: DayNumber;
  clarificationSent: DayNumber | null;
  clarificationAnswerDue: DayNumber | null;
  clarificationAnswered: DayNumber | null;
  readonly consultations: ConsultationState[];
  fee: FeeState | null;
  readonly extensions: { readonly day: DayNumber; readonly workdays: number; readonly index: number }[];
  readonly delays: { readonly day: DayNumber; readonly to: DayNumber; readonly index: number }[];
  repliedOn: DayNumber | null;
  closedOn: DayNumber | null;
  closedBy: 'replied' | 'clarificationLapsed' | 'feeLapsed' | null;
}

interface Pause extends Interval {
  readonly reason: PauseReason;
  readonly open: boolean;
}


export function assembleClock(st: ClockState, calendar: Calendar, todayDay: DayNumber, today: IsoDate, policy: ClockPolicy, findings: Finding[]): RequestClock {
  const asOf = st.closedOn ?? todayDay;
  // a 补正 notice without its answer: the reply period has not (re)started, so there is no reply date
  const clarificationOpen = st.clarificationSent !== null && st.clarificationAnswered === null;
  const countFrom = st.clarificationAnswered ?? st.receivedOn;

  // pauses: consultations and the fee (per policy), each ending at its event, its limit, or today
  const pauses: Pause[] = [];
  const consultations: ConsultationClock[] = st.consultations.map((c) => {
    const from = c.sent + (policy.consultationDispatchDayCounts ? 1 : 0);
    const ended = c.answered ?? c.expired;
    let to: DayNumber;
    let open = false;
    let status: ConsultationClock['status'] = c.answered !== null ? 'answered' : c.expired !== null ? 'expired' : 'open';
    if (ended !== null) {
      to = policy.pauseEndsAtLimit && ended > c.limit ? c.limit : ended - (policy.consultationAnswerDayPaused ? 0 : 1);
    } else if (policy.pauseEndsAtLimit && asOf > c.limit) {
      to = c.limit;
      status = 'expired';
    } else {
      to = asOf;
      open = st.closedOn === null;
    }
    pauses.push({ reason: 'consultation', from, to, open });
    return {
      consultationId: c.id, party: c.party, sentOn: calendar.isoDate(c.sent), addresseeReceivedOn: calendar.isoDate(c.addresseeReceived),
      limitOn: calendar.isoDate(c.limit), answeredOn: isoOrNull(calendar, c.answered), expiredOn: isoOrNull(calendar, c.expired), status,
    };
  });

  let fee: FeeClock | null = null;
  if (st.fee) {
    const f = st.fee;
    let status: FeeClock['status'] = f.paid !== null ? 'paid' : f.lapsed !== null ? 'lapsed' : 'awaitingPayment';
    let to: DayNumber;
    let open = false;
    if (f.paid !== null) {
      to = policy.pauseEndsAtLimit && f.paid > f.payBy ? f.payBy : f.paid - (policy.feePaymentDayPaused ? 0 : 1);
    } else if (f.lapsed !== null) {
      to = f.lapsed;
    } else if (asOf > f.payBy) {
      status = 'expired';
      to = policy.pauseEndsAtLimit ? f.payBy : asOf;
      // without the limit the pause runs on to today: still open while the request is
      open = !policy.pauseEndsAtLimit && st.closedOn === null;
      if (st.closedOn === null) findings.push(finding('CLOCK-FEE-EXPIRED', 'warning', { event: f.index }, { payBy: calendar.isoDate(f.payBy) }));
    } else {
      to = asOf;
      open = st.closedOn === null;
    }
    if (policy.feePausesClock) pauses.push({ reason: 'fee', from: f.notice + (policy.feeNoticeDayCounts ? 1 : 0), to, open });
    fee = {
      noticeOn: calendar.isoDate(f.notice), applicantReceivedOn: calendar.isoDate(f.applicantReceived), payBy: calendar.isoDate(f.payBy), paidOn: isoOrNull(calendar, f.paid),
      lapsedOn: isoOrNull(calendar, f.lapsed), amount: f.amount, status,
    };
  }
  const merged = mergeIntervals(pauses.filter((p) => p.to > countFrom).map((p) => ({ from: Math.max(p.from, countFrom + 1), to: p.to })));

  // extensions, each checked against the deadline in force when it was approved
  let extension = 0;
  for (const x of st.extensions) {
    if (policy.extensionMustPrecedeDeadline && !clarificationOpen) {
      const inForce = dueAfter(calendar, countFrom, replyWorkdays + extension, merged);
      if (x.day > inForce) {
        findings.push(finding('CLOCK-EXTENSION-LATE', 'error', { event: x.index }, { date: calendar.isoDate(x.day), replyBy: calendar.isoDate(inForce) }));
        continue;
      }
    }
    const applied = Math.min(x.workdays, maxExtensionWorkdays - extension);
    if (applied < x.workdays) {
      findings.push(finding('CLOCK-EXTENSION-OVER', 'error', { event: x.index }, { requested: extension + x.workdays, applied: extension + applied }));
    }
    extension += applied;
  }

  let replyBy: DayNumber | null = null;
  let extendedReplyBy: DayNumber | null = null;
  let baseReplyBy: DayNumber | null = null;
  let delayedReplyBy: DayNumber | null = null;
  const spans: Interval[] = [];
  if (!clarificationOpen) {
    baseReplyBy = calendar.addWorkdays(countFrom, replyWorkdays);
    const statutory = dueAfter(calendar, countFrom, replyWorkdays + extension, merged, spans);
    replyBy = statutory;
    extendedReplyBy = extension >= maxExtensionWorkdays ? statutory : dueAfter(calendar, countFrom, replyWorkdays + maxExtensionWorkdays, merged);
    for (const dl of st.delays) {
      if (dl.day > statutory) findings.push(finding('CLOCK-DELAY-LATE', 'warning', { event: dl.index }, { date: calendar.isoDate(dl.day), replyBy: calendar.isoDate(statutory) }));
      delayedReplyBy = dl.to;
    }
    if (delayedReplyBy !== null) {
      replyBy = delayedReplyBy;
      if (delayedReplyBy > extendedReplyBy) extendedReplyBy = delayedReplyBy;
    }
    for (const c of st.consultations) if (c.sent > statutory) lateNotice(calendar, findings, c.index, clockEventLabels.consultationSent, c.sent, statutory);
    if (st.fee && st.fee.notice > statutory) lateNotice(calendar, findings, st.fee.index, clockEventLabels.feeNoticeSent, st.fee.notice, statutory);
  }

  // figures as of the closing date or today
  let used = 0;
  let left: number | null = null;
  let overdueWorkdays = 0;
  if (!clarificationOpen && asOf > countFrom) {
    used = calendar.countWorkdays(countFrom + 1, asOf) - pausedWorkdays(calendar, countFrom + 1, asOf, merged);
  }
  if (replyBy !== null) {
    if (asOf > replyBy) {
      overdueWorkdays = calendar.countWorkdays(replyBy + 1, asOf);
      left = overdueWorkdays === 0 ? 0 : -overdueWorkdays;
    } else {
      const from = asOf > countFrom ? asOf : countFrom; // before receipt nothing is used yet
      left = calendar.countWorkdays(from + 1, replyBy) - pausedWorkdays(calendar, from + 1, replyBy, merged);
    }
  }
  const overdue = replyBy !== null && asOf > replyBy && st.closedBy !== 'clarificationLapsed' && st.closedBy !== 'feeLapsed';
  if (overdue) {
    findings.push(finding('CLOCK-OVERDUE', 'warning', {}, { replyBy: calendar.isoDate(replyBy!), asOf: calendar.isoDate(asOf), days: asOf - replyBy!, workdays: overdueWorkdays, replied: st.closedBy === 'replied' }));
  }

  // provisional: any computed date counted over a year without a notice
  let last = st.clarifyBy;
  for (const d of [replyBy, extendedReplyBy, st.fee?.payBy ?? null, ...st.consultations.map((c) => c.limit)]) if (d !== null && d > last) last = d;
  const provisional = calendar.isProvisionalRange(st.receivedOn + 1, last);
  const replyByProvisional = replyBy !== null && delayedReplyBy === null && calendar.isProvisionalRange(countFrom + 1, replyBy);
  const provisionalReasons = provisional ? calendar.provisionalReasons(st.receivedOn + 1, last) : [];
  if (provisional) {
    const years = [...new Set(provisionalReasons.map((r) => r.year))];
    findings.push(finding('CLOCK-PROVISIONAL', 'info', {}, { years }));
  }

  const status: ClockStatus =
    st.closedBy === 'replied' ? 'replied'
      : st.closedBy !== null ? 'closed'
        : clarificationOpen ? 'awaitingClarification'
          : pauses.some((p) => p.open && p.from <= todayDay) ? 'paused' : 'running';

  const pausedPeriods: PausedPeriod[] = [];
  if (st.clarificationSent !== null) {
    const to = st.clarificationAnswered ?? asOf;
    pausedPeriods.push(period(calendar, 'clarification', st.clarificationSent + 1, to, st.clarificationAnswered === null && st.closedOn === null));
  }
  for (const p of pauses) if (p.to >= p.from) pausedPeriods.push(period(calendar, p.reason, p.from, p.to, p.open));

  const countedSpans: CountedSpan[] = spans
    .filter((s) => s.to >= s.from)
    .map((s) => ({ from: calendar.isoDate(s.from), to: calendar.isoDate(s.to), workdays: calendar.countWorkdays(s.from, s.to) }));

  return {
    status, today, asOf: calendar.isoDate(asOf), receivedOn: calendar.isoDate(st.receivedOn), clarifyBy: calendar.isoDate(st.clarifyBy),
    clarificationSentOn: isoOrNull(calendar, st.clarificationSent), clarificationAnswerDueOn: isoOrNull(calendar, st.clarificationAnswerDue),
    clarificationAnsweredOn: isoOrNull(calendar, st.clarificationAnswered), countFrom: clarificationOpen ? null : calendar.isoDate(countFrom),
    baseReplyBy: isoOrNull(calendar, baseReplyBy), replyBy: isoOrNull(calendar, replyBy), extendedReplyBy: isoOrNull(calendar, extendedReplyBy),
    extensionWorkdays: extension, delayedReplyBy: isoOrNull(calendar, delayedReplyBy), consultations, fee, pausedPeriods, countedSpans,
    repliedOn: isoOrNull(calendar, st.repliedOn), closedOn: isoOrNull(calendar, st.closedOn), closedBy: st.closedBy, workdaysUsed: used,
    workdaysLeft: left, overdue, overdueWorkdays: overdue ? overdueWorkdays : 0, provisional, replyByProvisional,
    provisionalReasons, findings,
  };
}

function isoOrNull(calendar: Calendar, d: DayNumber | null): IsoDate | null {
  return d === null ? null : calendar.isoDate(d);
}

function period(calendar: Calendar, reason: PauseReason, from: DayNumber, to: DayNumber, open: boolean): PausedPeriod {
  return { reason, from: calendar.isoDate(from), to: calendar.isoDate(to), open, workdays: to >= from ? calendar.countWorkdays(from, to) : 0 };
}

function lateNotice(calendar: Calendar, findings: Finding[], index: number, event: string, day: DayNumber, replyBy: DayNumber): void {
  findings.push(finding('CLOCK-PAUSE-LATE', 'warning', { event: index }, { event, date: calendar.isoDate(day), replyBy: calendar.isoDate(replyBy) }));
}

