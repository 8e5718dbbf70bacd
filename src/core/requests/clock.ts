/**
 * The statutory clock of one request (条例第三十–三十五条; rules.md §2.10, §2.13): events + calendar +
 * today → every due date, pauses, days used/left, overdue, provisional. Invalid event sequences are
 * findings; nothing here throws for bad input. Pure and allocation-light: integer day numbers inside.
 */
import { CalendarRangeError, type Calendar } from '../calendar/calendar.js';
import { formatIsoDate as iso, parseIsoDate, type DayNumber } from '../calendar/day-number.js';
import { finding, type Finding, type Params, type Severity } from '../findings.js';
import type { ClockFindingCode } from '../finding-codes.js';
import { clockEventLabels, type ClockEvent, type ClockEventKind, type ConsultationParty, type IsoDate } from './clock-events.js';
import {
  clarificationWorkdays, clockPolicy, consultationWorkdays, defaultClockPolicy, feePaymentWorkdays, maxExtensionWorkdays,
  type ClockPolicy,
} from './clock-policy.js';
import { assembleClock, type ClockState, type ConsultationState, type FeeState } from './clock-assemble.js';
import type { RequestClock } from './clock-result.js';

interface Dated {
  readonly event: ClockEvent;
  readonly index: number;
  readonly day: DayNumber;
  readonly rank: number;
}

const rankOf = (k: ClockEventKind): number => (k === 'received' ? 0 : k === 'replied' || k === 'clarificationLapsed' || k === 'feeLapsed' ? 2 : 1);

const invalidClock = (today: IsoDate, findings: Finding[]): RequestClock => ({
  status: 'invalid', today, asOf: today, receivedOn: null, clarifyBy: null, clarificationSentOn: null,
  clarificationAnswerDueOn: null, clarificationAnsweredOn: null, countFrom: null, baseReplyBy: null, replyBy: null,
  extendedReplyBy: null, extensionWorkdays: 0, delayedReplyBy: null, consultations: [], fee: null, pausedPeriods: [],
  countedSpans: [], repliedOn: null, closedOn: null, closedBy: null, workdaysUsed: 0, workdaysLeft: null,
  overdue: false, overdueWorkdays: 0, provisional: false, replyByProvisional: false, provisionalReasons: [], findings,
});

/**
 * Computes the clock of one request as of `today` ('YYYY-MM-DD'). `policy` overrides the
 * conventions of clock-policy.ts (defaults documented there).
 */
export function computeRequestClock(
  events: readonly ClockEvent[],
  calendar: Calendar,
  today: IsoDate,
  policy: Partial<ClockPolicy> = defaultClockPolicy,
): RequestClock {
  const findings: Finding[] = [];
  const todayDay = parseIsoDate(today);
  if (todayDay === null || !calendar.contains(todayDay)) {
    findings.push(finding(todayDay === null ? 'CLOCK-DATE-INVALID' : 'CLOCK-DATE-RANGE', 'error', { field: 'today' }, { event: '今天', field: '日期', value: today }));
    return invalidClock(today, findings);
  }
  try {
    return walk(events, calendar, todayDay, today, policy === defaultClockPolicy ? defaultClockPolicy : clockPolicy(policy), findings);
  } catch (err) {
    if (!(err instanceof CalendarRangeError)) throw err;
    findings.push(finding('CLOCK-DATE-RANGE', 'error', {}, { value: today }));
    return invalidClock(today, findings);
  }
}

function walk(events: readonly ClockEvent[], calendar: Calendar, todayDay: DayNumber, today: IsoDate, policy: ClockPolicy, findings: Finding[]): RequestClock {
  const report = (code: ClockFindingCode, severity: Severity, index: number | null, params: Params) =>
    findings.push(finding(code, severity, index === null ? {} : { event: index }, params));
  const dateOf = (e: ClockEvent, index: number, field: string, value: string | undefined, label: string): DayNumber | null => {
    if (value === undefined) return null;
    const day = typeof value === 'string' ? parseIsoDate(value) : null;
    if (day === null) report('CLOCK-DATE-INVALID', 'error', index, { event: clockEventLabels[e.kind], field: label, value: String(value) });
    else if (!calendar.contains(day)) report('CLOCK-DATE-RANGE', 'error', index, { value });
    else return day;
    return Number.NaN;
  };

  const dated: Dated[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const day = dateOf(e, i, 'on', e.on ?? '', '日期');
    if (day === null || Number.isNaN(day)) continue;
    dated.push({ event: e, index: i, day, rank: rankOf(e.kind) });
  }
  dated.sort((a, b) => a.day - b.day || a.rank - b.rank || a.index - b.index);

  const receipt = dated.find((d) => d.event.kind === 'received');
  if (!receipt) {
    report('CLOCK-NO-RECEIPT', 'error', null, {});
    return invalidClock(today, findings);
  }
  const st: ClockState = {
    receivedOn: receipt.day, clarifyBy: calendar.addWorkdays(receipt.day, clarificationWorkdays), clarificationSent: null,
    clarificationAnswerDue: null, clarificationAnswered: null, consultations: [], fee: null, extensions: [],
    delays: [], repliedOn: null, closedOn: null, closedBy: null,
  };
  const label = (d: Dated) => clockEventLabels[d.event.kind];

  for (const d of dated) {
    const e = d.event;
    const base = { event: label(d), date: iso(d.day) };
    if (d === receipt) continue;
    if (d.day < st.receivedOn) {
      report('CLOCK-BEFORE-RECEIPT', 'error', d.index, { ...base, receivedOn: iso(st.receivedOn) });
      continue;
    }
    if (st.closedOn !== null) {
      report('CLOCK-AFTER-CLOSE', 'warning', d.index, { ...base, closedBy: clockEventLabels[closingEvent[st.closedBy!]], closedOn: iso(st.closedOn) });
      continue;
    }
    switch (e.kind) {
      case 'received':
        report('CLOCK-REPEATED', 'error', d.index, { ...base, first: iso(st.receivedOn) });
        break;
      case 'clarificationSent':
        if (st.clarificationSent !== null) {
          report('CLOCK-CLARIFY-REPEATED', 'error', d.index, { date: iso(d.day), first: iso(st.clarificationSent) });
          break;
        }
        if (d.day > st.clarifyBy) report('CLOCK-CLARIFY-LATE', 'warning', d.index, { date: iso(d.day), clarifyBy: iso(st.clarifyBy) });
        st.clarificationSent = d.day;
        st.clarificationAnswerDue = dateOf(e, d.index, 'answerDueOn', e.answerDueOn, '补正期限') || null;
        break;
      case 'clarificationAnswered':
      case 'clarificationLapsed':
        if (st.clarificationSent === null || st.clarificationAnswered !== null) {
          report('CLOCK-UNMATCHED', 'error', d.index, { ...base, expected: clockEventLabels.clarificationSent });
        } else if (e.kind === 'clarificationAnswered') {
          st.clarificationAnswered = d.day;
        } else {
          if (st.clarificationAnswerDue !== null && d.day <= st.clarificationAnswerDue) {
            report('CLOCK-LAPSE-EARLY', 'error', d.index, { ...base, deadline: iso(st.clarificationAnswerDue) });
          }
          close(st, d.day, 'clarificationLapsed');
        }
        break;
      case 'consultationSent': {
        const received = dateOf(e, d.index, 'addresseeReceivedOn', e.addresseeReceivedOn, '对方收到日期');
        const from = received !== null && !Number.isNaN(received) && received >= d.day ? received : d.day;
        const c: ConsultationState = {
          id: e.consultationId ?? null, party: (e.party ?? null) as ConsultationParty | null, index: d.index, sent: d.day,
          addresseeReceived: from, limit: calendar.addWorkdays(from, consultationWorkdays), answered: null, expired: null,
        };
        st.consultations.push(c);
        break;
      }
      case 'consultationAnswered':
      case 'consultationExpired': {
        const id = e.consultationId ?? null;
        const c = st.consultations.find((x) => x.answered === null && x.expired === null && (id === null || x.id === id));
        if (!c) {
          report('CLOCK-UNMATCHED', 'error', d.index, { ...base, expected: clockEventLabels.consultationSent });
          break;
        }
        if (e.kind === 'consultationAnswered') {
          c.answered = d.day;
          if (d.day > c.limit) report('CLOCK-CONSULT-LATE', 'info', d.index, { date: iso(d.day), limitOn: iso(c.limit) });
        } else c.expired = d.day;
        break;
      }
      case 'extensionApproved': {
        const w = e.workdays;
        if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > maxExtensionWorkdays) {
          report('CLOCK-EXTENSION-INVALID', 'error', d.index, { value: String(w) });
          break;
        }
        st.extensions.push({ day: d.day, workdays: w, index: d.index });
        break;
      }
      case 'feeNoticeSent': {
        if (st.fee !== null) {
          report('CLOCK-REPEATED', 'error', d.index, { ...base, first: iso(st.fee.notice) });
          break;
        }
        const received = dateOf(e, d.index, 'applicantReceivedOn', e.applicantReceivedOn, '申请人收到日期');
        const from = received !== null && !Number.isNaN(received) && received >= d.day ? received : d.day;
        const fee: FeeState = {
          index: d.index, notice: d.day, applicantReceived: from, payBy: calendar.addWorkdays(from, feePaymentWorkdays),
          paid: null, lapsed: null, amount: typeof e.amount === 'number' ? e.amount : null,
        };
        st.fee = fee;
        break;
      }
      case 'feePaid':
      case 'feeLapsed': {
        const fee = st.fee;
        if (fee === null || fee.paid !== null) {
          report('CLOCK-UNMATCHED', 'error', d.index, { ...base, expected: clockEventLabels.feeNoticeSent });
          break;
        }
        if (e.kind === 'feePaid') {
          fee.paid = d.day;
          if (d.day > fee.payBy) report('CLOCK-FEE-LATE', 'warning', d.index, { date: iso(d.day), payBy: iso(fee.payBy) });
        } else {
          if (d.day <= fee.payBy) report('CLOCK-LAPSE-EARLY', 'error', d.index, { ...base, deadline: iso(fee.payBy) });
          fee.lapsed = d.day;
          close(st, d.day, 'feeLapsed');
        }
        break;
      }
      case 'delayNoticeSent': {
        const to = dateOf(e, d.index, 'newReplyBy', e.newReplyBy ?? '', '延迟答复期限');
        if (to === null || Number.isNaN(to)) break;
        if (to <= d.day) {
          report('CLOCK-DELAY-INVALID', 'error', d.index, { date: iso(d.day), newReplyBy: iso(to) });
          break;
        }
        st.delays.push({ day: d.day, to, index: d.index });
        break;
      }
      case 'replied':
        st.repliedOn = d.day;
        close(st, d.day, 'replied');
        break;
    }
  }
  return assembleClock(st, calendar, todayDay, today, policy, findings);
}

const closingEvent = { replied: 'replied', clarificationLapsed: 'clarificationLapsed', feeLapsed: 'feeLapsed' } as const;

function close(st: ClockState, day: DayNumber, by: ClockState['closedBy'] & string): void {
  st.closedOn = day;
  st.closedBy = by;
}
