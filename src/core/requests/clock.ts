/**
 * The statutory clock of one request (条例第三十–三十五条; rules.md §2.10, §2.13): events + calendar +
 * today → every due date, pauses, days used/left, overdue, provisional. Invalid event sequences are
 * findings; nothing here throws for bad input. Pure and allocation-light: integer day numbers inside.
 */
import { CalendarRangeError, type Calendar } from '../calendar/calendar.js';
import { parseIsoDate, type DayNumber } from '../calendar/day-number.js';
import { finding, type Finding, type Params, type Severity } from '../findings.js';
import type { ClockFindingCode } from '../finding-codes.js';
import { clockEventLabels, type ClockEvent, type ClockEventKind, type ConsultationParty, type IsoDate } from './clock-events.js';
import {
  clarificationWorkdays, clockPolicy, consultationWorkdays, defaultClockPolicy, feePaymentWorkdays, maxExtensionWorkdays,
  type ClockPolicy,
} from './clock-policy.js';
import { assembleClock, type ClockState, type ConsultationState } from './clock-assemble.js';
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

interface Ctx {
  readonly calendar: Calendar;
  readonly findings: Finding[];
}

function report(ctx: Ctx, code: ClockFindingCode, severity: Severity, index: number | null, params: Params): void {
  ctx.findings.push(finding(code, severity, index === null ? {} : { event: index }, params));
}

/** An optional date field: null when absent, NaN (reported) when invalid or out of range. */
function dateField(ctx: Ctx, e: ClockEvent, index: number, value: unknown, label: string): DayNumber | null {
  if (value === undefined) return null;
  const day = typeof value === 'string' ? parseIsoDate(value) : null;
  if (day === null) report(ctx, 'CLOCK-DATE-INVALID', 'error', index, { event: clockEventLabels[e.kind] ?? String(e.kind), field: label, value: String(value) });
  else if (!ctx.calendar.contains(day)) report(ctx, 'CLOCK-DATE-RANGE', 'error', index, { value: String(value) });
  else return day;
  return Number.NaN;
}

const valid = (d: DayNumber | null): d is DayNumber => d !== null && !Number.isNaN(d);

/** The params most findings quote: the event's label and date. */
const about = (ctx: Ctx, d: Dated) => ({ event: clockEventLabels[d.event.kind], date: ctx.calendar.isoDate(d.day) });

function walk(events: readonly ClockEvent[], calendar: Calendar, todayDay: DayNumber, today: IsoDate, policy: ClockPolicy, findings: Finding[]): RequestClock {
  const ctx: Ctx = { calendar, findings };
  const dated: Dated[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const day = dateField(ctx, e, i, e.on ?? '', '日期');
    if (valid(day)) dated.push({ event: e, index: i, day, rank: rankOf(e.kind) });
  }
  if (dated.length > 1) dated.sort(byDate);

  let receipt: Dated | undefined;
  for (const d of dated) if (d.event.kind === 'received') { receipt = d; break; }
  if (!receipt) {
    report(ctx, 'CLOCK-NO-RECEIPT', 'error', null, {});
    return invalidClock(today, findings);
  }
  const st: ClockState = {
    receivedOn: receipt.day, clarifyBy: calendar.addWorkdays(receipt.day, clarificationWorkdays), clarificationSent: null,
    clarificationAnswerDue: null, clarificationAnswered: null, consultations: [], fee: null, extensions: [],
    delays: [], repliedOn: null, closedOn: null, closedBy: null,
  };

  for (const d of dated) {
    if (d === receipt) continue;
    const e = d.event;
    if (d.day < st.receivedOn) {
      report(ctx, 'CLOCK-BEFORE-RECEIPT', 'error', d.index, { ...about(ctx, d), receivedOn: calendar.isoDate(st.receivedOn) });
      continue;
    }
    if (st.closedOn !== null) {
      report(ctx, 'CLOCK-AFTER-CLOSE', 'warning', d.index, { ...about(ctx, d), closedBy: clockEventLabels[st.closedBy === 'replied' ? 'replied' : st.closedBy!], closedOn: calendar.isoDate(st.closedOn) });
      continue;
    }
    switch (e.kind) {
      case 'received':
        report(ctx, 'CLOCK-REPEATED', 'error', d.index, { ...about(ctx, d), first: calendar.isoDate(st.receivedOn) });
        break;
      case 'clarificationSent': {
        if (st.clarificationSent !== null) {
          report(ctx, 'CLOCK-CLARIFY-REPEATED', 'error', d.index, { date: calendar.isoDate(d.day), first: calendar.isoDate(st.clarificationSent) });
          break;
        }
        if (d.day > st.clarifyBy) report(ctx, 'CLOCK-CLARIFY-LATE', 'warning', d.index, { date: calendar.isoDate(d.day), clarifyBy: calendar.isoDate(st.clarifyBy) });
        st.clarificationSent = d.day;
        const due = dateField(ctx, e, d.index, e.answerDueOn, '补正期限');
        st.clarificationAnswerDue = valid(due) ? due : null;
        break;
      }
      case 'clarificationAnswered':
      case 'clarificationLapsed':
        if (st.clarificationSent === null || st.clarificationAnswered !== null) {
          report(ctx, 'CLOCK-UNMATCHED', 'error', d.index, { ...about(ctx, d), expected: clockEventLabels.clarificationSent });
        } else if (e.kind === 'clarificationAnswered') {
          st.clarificationAnswered = d.day;
        } else {
          if (st.clarificationAnswerDue !== null && d.day <= st.clarificationAnswerDue) {
            report(ctx, 'CLOCK-LAPSE-EARLY', 'error', d.index, { ...about(ctx, d), deadline: calendar.isoDate(st.clarificationAnswerDue) });
          }
          close(st, d.day, 'clarificationLapsed');
        }
        break;
      case 'consultationSent': {
        const received = dateField(ctx, e, d.index, e.addresseeReceivedOn, '对方收到日期');
        const from = valid(received) && received >= d.day ? received : d.day;
        st.consultations.push({
          id: e.consultationId ?? null, party: (e.party ?? null) as ConsultationParty | null, index: d.index, sent: d.day,
          addresseeReceived: from, limit: calendar.addWorkdays(from, consultationWorkdays), answered: null, expired: null,
        });
        break;
      }
      case 'consultationAnswered':
      case 'consultationExpired': {
        const id = e.consultationId ?? null;
        let c: ConsultationState | undefined;
        for (const x of st.consultations) if (x.answered === null && x.expired === null && (id === null || x.id === id)) { c = x; break; }
        if (!c) {
          report(ctx, 'CLOCK-UNMATCHED', 'error', d.index, { ...about(ctx, d), expected: clockEventLabels.consultationSent });
        } else if (e.kind === 'consultationAnswered') {
          c.answered = d.day;
          if (d.day > c.limit) report(ctx, 'CLOCK-CONSULT-LATE', 'info', d.index, { date: calendar.isoDate(d.day), limitOn: calendar.isoDate(c.limit) });
        } else c.expired = d.day;
        break;
      }
      case 'extensionApproved': {
        const w = e.workdays;
        if (typeof w !== 'number' || !Number.isInteger(w) || w < 1 || w > maxExtensionWorkdays) {
          report(ctx, 'CLOCK-EXTENSION-INVALID', 'error', d.index, { value: String(w) });
        } else st.extensions.push({ day: d.day, workdays: w, index: d.index });
        break;
      }
      case 'feeNoticeSent': {
        if (st.fee !== null) {
          report(ctx, 'CLOCK-REPEATED', 'error', d.index, { ...about(ctx, d), first: calendar.isoDate(st.fee.notice) });
          break;
        }
        const received = dateField(ctx, e, d.index, e.applicantReceivedOn, '申请人收到日期');
        const from = valid(received) && received >= d.day ? received : d.day;
        st.fee = {
          index: d.index, notice: d.day, applicantReceived: from, payBy: calendar.addWorkdays(from, feePaymentWorkdays),
          paid: null, lapsed: null, amount: typeof e.amount === 'number' ? e.amount : null,
        };
        break;
      }
      case 'feePaid':
      case 'feeLapsed': {
        const fee = st.fee;
        if (fee === null || fee.paid !== null) {
          report(ctx, 'CLOCK-UNMATCHED', 'error', d.index, { ...about(ctx, d), expected: clockEventLabels.feeNoticeSent });
        } else if (e.kind === 'feePaid') {
          fee.paid = d.day;
          if (d.day > fee.payBy) report(ctx, 'CLOCK-FEE-LATE', 'warning', d.index, { date: calendar.isoDate(d.day), payBy: calendar.isoDate(fee.payBy) });
        } else {
          if (d.day <= fee.payBy) report(ctx, 'CLOCK-LAPSE-EARLY', 'error', d.index, { ...about(ctx, d), deadline: calendar.isoDate(fee.payBy) });
          fee.lapsed = d.day;
          close(st, d.day, 'feeLapsed');
        }
        break;
      }
      case 'delayNoticeSent': {
        const to = dateField(ctx, e, d.index, e.newReplyBy ?? '', '延迟答复期限');
        if (!valid(to)) break;
        if (to <= d.day) report(ctx, 'CLOCK-DELAY-INVALID', 'error', d.index, { date: calendar.isoDate(d.day), newReplyBy: calendar.isoDate(to) });
        else st.delays.push({ day: d.day, to, index: d.index });
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

function byDate(a: Dated, b: Dated): number {
  return a.day - b.day || a.rank - b.rank || a.index - b.index;
}

function close(st: ClockState, day: DayNumber, by: ClockState['closedBy'] & string): void {
  st.closedOn = day;
  st.closedBy = by;
}
