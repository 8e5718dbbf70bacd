/**
 * A step-by-step Chinese explanation of a computed clock: how each date was reached, which days were
 * skipped and why (周末, 春节…, 补假), which 调休上班 days counted, what was paused, and what is
 * provisional. One line per step; detail lines are indented with two full-width spaces.
 */
import type { Calendar } from '../calendar/calendar.js';
import { formatDateWithWeekday, formatIsoDate, parseIsoDate } from '../calendar/day-number.js';
import { describeProvisionalReason, describeSpan, describeSpanText } from '../calendar/describe-span.js';
import { severityLabels } from '../messages.zh-CN.js';
import { clockMessages } from './messages.zh-CN.js';
import type { ClockFindingCode } from '../finding-codes.js';
import { defaultClockPolicy, type ClockPolicy } from './clock-policy.js';
import type { RequestClock } from './clock-result.js';

const INDENT = '　　';
const day = (iso: string) => parseIsoDate(iso)!;
const w = (iso: string) => formatDateWithWeekday(day(iso));

export function explainClock(clock: RequestClock, calendar: Calendar, policy: ClockPolicy = defaultClockPolicy): string[] {
  const lines: string[] = [];
  const detail = (from: string, to: string) => {
    for (const l of describeSpanText(describeSpan(calendar, day(from), day(to)))) lines.push(`${INDENT}${l}`);
  };
  if (clock.receivedOn === null) {
    lines.push('无法计算：缺少有效的收到申请日期（第三十一条）。');
    pushFindings(lines, clock);
    return lines;
  }
  lines.push(`收到申请之日：${w(clock.receivedOn)}（第三十一条）。依《民法典》第二百零一条，开始的当日不计入，自次日起算；只计工作日（含调休上班日）。`);
  if (clock.clarifyBy !== null) {
    lines.push(`补正告知期限：收到申请后第7个工作日，即 ${w(clock.clarifyBy)}（第三十条，须一次性告知）。`);
    detail(nextDay(clock.receivedOn), clock.clarifyBy);
  }
  if (clock.clarificationSentOn !== null) {
    lines.push(
      `${clock.clarificationSentOn} 发出补正通知${clock.clarificationAnswerDueOn ? `，补正期限 ${clock.clarificationAnswerDueOn}` : ''}；补正期间答复期限不计算。`,
    );
    if (clock.clarificationAnsweredOn !== null) {
      lines.push(`${clock.clarificationAnsweredOn} 收到补正：答复期限自收到补正之日起重新计算（第三十条）。`);
    } else if (clock.closedBy === 'clarificationLapsed') {
      lines.push(`${clock.closedOn} 登记逾期未补正：视为放弃申请，不再处理（表三“逾期不补正”）。`);
    } else {
      lines.push('尚未收到补正：收到补正后，自次日起重新计算20个工作日的答复期限。');
    }
  }
  for (const c of clock.consultations) {
    const who = c.party === 'agency' ? '其他机关（第三十四条）' : c.party === 'thirdParty' ? '第三方（第三十二条）' : '第三方或其他机关（第三十二条、第三十四条）';
    const outcome = c.answeredOn ? `${c.answeredOn} 收到意见` : c.status === 'expired' ? '期满未提出意见' : '尚未答复';
    lines.push(`征求${who}意见：${c.sentOn} 发出，对方 ${c.addresseeReceivedOn} 收到，应于 ${w(c.limitOn)} 前提出意见（15个工作日）；${outcome}。`);
  }
  if (clock.fee) {
    const f = clock.fee;
    const outcome = f.paidOn ? `${f.paidOn} 缴费` : f.lapsedOn ? `${f.lapsedOn} 登记逾期未缴费，视为放弃申请` : f.status === 'expired' ? '缴费期限已过仍未缴费' : '尚未缴费';
    lines.push(
      `收费通知：${f.noticeOn} 发出${f.amount !== null ? `（${f.amount}元）` : ''}，申请人 ${f.applicantReceivedOn} 收到，应于 ${w(f.payBy)} 前缴费（收到通知次日起20个工作日）；${outcome}。`,
    );
    detail(nextDay(f.applicantReceivedOn), f.payBy);
  }
  for (const p of clock.pausedPeriods) {
    if (p.reason === 'clarification') continue;
    const why = p.reason === 'consultation'
      ? `征求意见所需时间不计算在答复期限内（第三十三条第三款）；约定：发出当日${policy.consultationDispatchDayCounts ? '计入' : '不计入'}，收到答复当日${policy.consultationAnswerDayPaused ? '不计入' : '计入'}`
      : `收费通知至缴费期间不计算在答复期限内（[未核实]，可配置）；约定：通知当日${policy.feeNoticeDayCounts ? '计入' : '不计入'}，缴费当日${policy.feePaymentDayPaused ? '不计入' : '计入'}`;
    lines.push(`暂停：${p.from}至${p.to}${p.open ? '（仍在暂停，按今日结束推算）' : ''}，其中 ${p.workdays} 个工作日不计（${why}）。`);
  }
  if (clock.replyBy !== null && clock.countFrom !== null) {
    const ext = clock.extensionWorkdays > 0 ? ` + 延期 ${clock.extensionWorkdays} 个工作日` : '';
    lines.push(`答复期限：自 ${clock.countFrom} 次日起 20 个工作日${ext}（第三十三条），逐段计算：`);
    for (const s of clock.countedSpans) {
      lines.push(`${INDENT}${s.from}至${s.to}：计 ${s.workdays} 个工作日`);
      for (const l of describeSpanText(describeSpan(calendar, day(s.from), day(s.to)))) lines.push(`${INDENT}${INDENT}${l}`);
    }
    const last = clock.countedSpans[clock.countedSpans.length - 1];
    if (last) lines.push(`${INDENT}→ ${w(last.to)}${clock.delayedReplyBy === null ? '，即答复期限' : ''}。`);
    if (clock.delayedReplyBy !== null) {
      lines.push(`已依第三十五条告知延迟答复的合理期限 ${w(clock.delayedReplyBy)}，以此为答复期限。`);
    }
    if (clock.extendedReplyBy !== null && clock.extensionWorkdays < 20) {
      lines.push(`如经政府信息公开工作机构负责人同意并告知申请人延期（累计最长20个工作日），最迟 ${w(clock.extendedReplyBy)}。`);
    }
  }
  pushStatus(lines, clock);
  for (const r of clock.provisionalReasons) lines.push(`暂定：${describeProvisionalReason(r)}。`);
  pushFindings(lines, clock);
  return lines;
}

function pushStatus(lines: string[], clock: RequestClock): void {
  if (clock.status === 'replied') {
    lines.push(`${clock.repliedOn} 已答复${clock.overdue ? `，晚于答复期限（逾期 ${clock.overdueWorkdays} 个工作日）` : '，在答复期限内'}。`);
  } else if (clock.status === 'closed' && clock.closedBy === 'feeLapsed') {
    lines.push(`${clock.closedOn} 逾期未缴费，视为放弃申请（表三“逾期未缴费”）。`);
  } else if (clock.status !== 'closed' && clock.replyBy !== null) {
    lines.push(
      clock.overdue
        ? `截至 ${clock.asOf}：已超过答复期限 ${clock.replyBy}（逾期 ${clock.overdueWorkdays} 个工作日）。`
        : `截至 ${clock.asOf}：已用 ${clock.workdaysUsed} 个工作日，距答复期限还有 ${clock.workdaysLeft} 个工作日${clock.status === 'paused' ? '（暂停中）' : ''}。`,
    );
  }
}

function pushFindings(lines: string[], clock: RequestClock): void {
  for (const f of clock.findings) {
    if (f.code === 'CLOCK-PROVISIONAL' || f.code === 'CLOCK-OVERDUE') continue; // said above
    const message = clockMessages[f.code as ClockFindingCode];
    if (message) lines.push(`${severityLabels[f.severity]}：${message(f.params)}。`);
  }
}

const nextDay = (iso: string): string => formatIsoDate(parseIsoDate(iso)! + 1);
