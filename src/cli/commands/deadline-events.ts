/**
 * Reading clock events from the command line (`--event kind:date[:arg]`) and from a JSON file
 * (`--events file.json`: an array of ClockEvent objects, or `{ "events": [...] }`). Bad input is a
 * usage error with a Chinese message (exit code 2), never a crash.
 */
import { AppError } from '../../core/errors.js';
import { parseIsoDate } from '../../core/calendar/day-number.js';
import { clockEventKinds, type ClockEvent, type ClockEventKind } from '../../core/requests/clock-events.js';
import { defaultClockPolicy, type ClockPolicy } from '../../core/requests/clock-policy.js';

const usage = (detail: string): never => {
  throw new AppError('USAGE', { detail });
};

/** A strict 'YYYY-MM-DD' within the calendar (2004–2099), or a usage error naming the field. */
export function requireDate(value: unknown, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const day = parseIsoDate(text);
  if (day === null) return usage(`${what}“${String(value)}”不是有效日期，应为 YYYY-MM-DD，例如 2026-06-15`);
  if (text < '2004-01-01' || text > '2099-12-31') return usage(`${what} ${text} 超出支持的范围（2004-01-01 至 2099-12-31）`);
  return text;
}

/** CLI spelling → event kind. */
const aliases: Readonly<Record<string, ClockEventKind>> = {
  received: 'received',
  'clarification-sent': 'clarificationSent',
  'clarification-answered': 'clarificationAnswered',
  'clarification-lapsed': 'clarificationLapsed',
  'consultation-sent': 'consultationSent',
  'consultation-answered': 'consultationAnswered',
  'consultation-expired': 'consultationExpired',
  extension: 'extensionApproved',
  'extension-approved': 'extensionApproved',
  'fee-notice': 'feeNoticeSent',
  'fee-notice-sent': 'feeNoticeSent',
  'fee-paid': 'feePaid',
  'fee-lapsed': 'feeLapsed',
  'delay-notice': 'delayNoticeSent',
  replied: 'replied',
  reply: 'replied',
};

export const eventSyntaxHelp = [
  'received:日期',
  'clarification-sent:日期[:补正期限]',
  'clarification-answered:日期',
  'clarification-lapsed:日期',
  'consultation-sent:日期[:编号]',
  'consultation-answered:日期[:编号]',
  'consultation-expired:日期[:编号]',
  'extension:日期:工作日数',
  'fee-notice:日期[:金额]',
  'fee-paid:日期',
  'fee-lapsed:日期',
  'delay-notice:日期:新答复期限',
  'replied:日期',
].join('，');

/** `clarification-sent:2026-06-18` → { kind: 'clarificationSent', on: '2026-06-18' }. */
export function parseEventSpec(spec: string): ClockEvent {
  const [name = '', date, arg, ...rest] = spec.split(':');
  const kind = aliases[name.trim()] ?? usage(`事件“${spec}”的类型“${name}”无效；可用：${eventSyntaxHelp}`);
  if (rest.length > 0) usage(`事件“${spec}”的格式有误；可用：${eventSyntaxHelp}`);
  const on = requireDate(date, `事件“${spec}”的日期`);
  switch (kind) {
    case 'clarificationSent':
      return arg ? { kind, on, answerDueOn: requireDate(arg, `事件“${spec}”的补正期限`) } : { kind, on };
    case 'consultationSent':
    case 'consultationAnswered':
    case 'consultationExpired':
      return arg ? { kind, on, consultationId: arg } : { kind, on };
    case 'extensionApproved': {
      if (!arg || !/^\d{1,2}$/.test(arg) || Number(arg) < 1 || Number(arg) > 20) usage(`事件“${spec}”应写明延期的工作日数（1至20），例如 extension:2026-07-20:10`);
      return { kind, on, workdays: Number(arg) };
    }
    case 'feeNoticeSent':
      if (arg !== undefined && !/^\d+$/.test(arg)) usage(`事件“${spec}”的金额应为整数元`);
      return arg ? { kind, on, amount: Number(arg) } : { kind, on };
    case 'delayNoticeSent':
      return { kind, on, newReplyBy: requireDate(arg, `事件“${spec}”的新答复期限`) };
    default:
      if (arg !== undefined) usage(`事件“${spec}”不需要附加参数`);
      return { kind, on } as ClockEvent;
  }
}

const dateFields = ['on', 'answerDueOn', 'addresseeReceivedOn', 'applicantReceivedOn', 'newReplyBy'] as const;

/** Events from a parsed JSON file, checked field by field. */
export function eventsFromJson(data: unknown, file: string): ClockEvent[] {
  const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { events?: unknown }).events) ? (data as { events: unknown[] }).events : null;
  if (!list) return usage(`事件文件 ${file} 应为事件数组，或 { "events": [...] }`);
  return list.map((raw, i) => {
    const where = `事件文件 ${file} 第${i + 1}个事件`;
    if (typeof raw !== 'object' || raw === null) return usage(`${where}应为对象`);
    const e = raw as Record<string, unknown>;
    const kind = typeof e.kind === 'string' ? (clockEventKinds as readonly string[]).includes(e.kind) ? e.kind : aliases[e.kind] : undefined;
    if (!kind) return usage(`${where}的类型“${String(e.kind)}”无效；可用：${clockEventKinds.join('、')}`);
    for (const f of dateFields) if (e[f] !== undefined) requireDate(e[f], `${where}的 ${f}`);
    if (e.on === undefined) usage(`${where}缺少日期 on`);
    if (kind === 'extensionApproved' && (typeof e.workdays !== 'number' || !Number.isInteger(e.workdays))) usage(`${where}应有整数 workdays（延期工作日数）`);
    if (kind === 'delayNoticeSent' && e.newReplyBy === undefined) usage(`${where}缺少新答复期限 newReplyBy`);
    return { ...e, kind } as ClockEvent;
  });
}

/** `--policy feePausesClock=false` → overrides of the clock policy. */
export function parsePolicy(specs: readonly string[]): Partial<ClockPolicy> {
  const out: Record<string, boolean> = {};
  for (const spec of specs) {
    const [key = '', value] = spec.split('=');
    if (!(key in defaultClockPolicy)) usage(`未知的约定“${key}”；可用：${Object.keys(defaultClockPolicy).join('、')}`);
    if (value !== 'true' && value !== 'false') usage(`约定“${key}”的值应为 true 或 false`);
    out[key] = value === 'true';
  }
  return out as Partial<ClockPolicy>;
}
