/**
 * gongkai deadline <received-date> — the statutory clock of one request: 补正 notice date, reply
 * date, latest extended date, provisional or not; with --event/--events the full clock and its
 * step-by-step explanation. JSON: {received, clarifyBy, replyBy, extendedReplyBy, provisional,
 * explanation} (explanation = array of Chinese lines). Exit 1 when the events have error findings.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../core/errors.js';
import { formatDateWithWeekday, parseIsoDate } from '../../core/calendar/day-number.js';
import { describeProvisionalReason } from '../../core/calendar/describe-span.js';
import { computeRequestClock } from '../../core/requests/clock.js';
import { explainClock } from '../../core/requests/clock-explain.js';
import type { ClockEvent } from '../../core/requests/clock-events.js';
import { clockPolicy } from '../../core/requests/clock-policy.js';
import { loadCalendar } from '../../services/calendar.service.js';
import { eventSyntaxHelp, eventsFromJson, parseEventSpec, parsePolicy, requireDate } from './deadline-events.js';
import type { RegisterCommand } from './index.js';

interface DeadlineOptions {
  readonly event: string[];
  readonly events?: string;
  readonly today?: string;
  readonly policy: string[];
  readonly json?: boolean;
  readonly explain?: boolean;
}

const INDENT = '　　';
const collect = (value: string, previous: string[]) => [...previous, value];
const withWeekday = (iso: string | null) => (iso === null ? '—（待收到补正后计算）' : formatDateWithWeekday(parseIsoDate(iso)!));

async function readEventsFile(file: string): Promise<ClockEvent[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', { file });
    throw new AppError('FILE_UNREADABLE', { reason: (err as Error).message });
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('FILE_UNREADABLE', { reason: `${file} 不是有效的 JSON` });
  }
  return eventsFromJson(data, file);
}

export const registerDeadline: RegisterCommand = (program, ctx) => {
  program
    .command('deadline <received-date>')
    .description('计算依申请公开的法定期限：补正告知期限、答复期限、延期后最迟期限（按工作日，含调休）')
    .option('--event <kind:date[:arg]>', `办理事件，可重复：${eventSyntaxHelp}`, collect, [])
    .option('--events <file>', '事件文件（JSON 数组，元素形如 {"kind":"clarificationSent","on":"2026-06-18"}）')
    .option('--today <date>', '按哪一天计算已用/剩余工作日（默认今天）')
    .option('--policy <key=value>', '调整未经核实的计算约定，可重复，例如 feePausesClock=false', collect, [])
    .option('--explain', '显示逐步计算说明（有事件时默认显示）')
    .option('--json', '输出 JSON：{received, clarifyBy, replyBy, extendedReplyBy, provisional, explanation}')
    .action(async (receivedDate: string, opts: DeadlineOptions) => {
      const received = requireDate(receivedDate, '收到申请日期');
      const today = opts.today === undefined ? ctx.clock.today() : requireDate(opts.today, '--today');
      const policy = clockPolicy(parsePolicy(opts.policy));
      const events: ClockEvent[] = [{ kind: 'received', on: received }, ...opts.event.map(parseEventSpec)];
      if (opts.events) events.push(...(await readEventsFile(opts.events)));

      const calendar = await loadCalendar({ db: (await ctx.database()).db });
      const clock = computeRequestClock(events, calendar, today, policy);
      const explanation = explainClock(clock, calendar, policy);

      if (opts.json) {
        const out = {
          received,
          clarifyBy: clock.clarifyBy,
          replyBy: clock.replyBy,
          extendedReplyBy: clock.extendedReplyBy,
          provisional: clock.provisional,
          explanation,
        };
        ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        const lines = [
          `收到申请：${withWeekday(received)}`,
          `补正告知期限：${withWeekday(clock.clarifyBy)}`,
          `答复期限：${withWeekday(clock.replyBy)}`,
          `延期后最迟：${withWeekday(clock.extendedReplyBy)}`,
          `暂定：${clock.provisional ? '是' : '否（均按已公布的放假安排计算）'}`,
        ];
        if (clock.provisional) for (const r of clock.provisionalReasons) lines.push(INDENT + describeProvisionalReason(r));
        if (opts.event.length > 0 || opts.events || opts.explain) lines.push('', '计算说明：', ...explanation);
        else lines.push(...explanation.filter((l) => /^(错误|警告)：/.test(l)));
        ctx.stdout.write(`${lines.join('\n')}\n`);
      }
      if (clock.findings.some((f) => f.severity === 'error')) ctx.setExitCode(1);
    });
};
