/** Schemas of /api/calendar: the working-day calendar (放假安排 per year, imports of a notice). */
import { Type } from '@fastify/type-provider-typebox';
import { calendarFirstYear, calendarLastYear } from '../../../core/calendar/calendar.js';
import { NullableString } from './shared.schemas.js';

const Year = Type.Integer({ minimum: calendarFirstYear, maximum: calendarLastYear });
const Status = Type.Enum(['official', 'imported', 'provisional'], { description: 'official 官方安排（内置）· imported 已导入的通知 · provisional 暂定（尚无通知，按法定节假日推算）' });
const Source = Type.Union([Type.Object({ title: Type.String(), url: NullableString }), Type.Null()], { description: '放假安排通知' });

export const CalendarYearParamsSchema = Type.Object({ year: Year });

export const CalendarYearListSchema = Type.Object({
  today: Type.String({ description: '服务器的今天（YYYY-MM-DD）' }),
  coveredThrough: Type.Integer({ description: '官方放假安排连续覆盖到的年份' }),
  years: Type.Array(Type.Object({
    year: Type.Integer(), status: Status, official: Type.Boolean(),
    origin: Type.Union([Type.Enum(['base', 'imported']), Type.Null()]), source: Source, importedAt: NullableString,
  })),
});

const DayKind = Type.Enum(['workday', 'weekend', 'holiday', 'makeupWorkday', 'substituteHoliday'], {
  description: 'workday 工作日 · weekend 周末 · holiday 放假 · makeupWorkday 调休上班 · substituteHoliday 补假（暂定）',
});

export const CalendarYearViewSchema = Type.Object({
  year: Type.Integer(), status: Status, source: Source, importedAt: NullableString,
  workdays: Type.Integer(), holidays: Type.Integer({ description: '放假天数（含补假）' }), makeupWorkdays: Type.Integer(),
  provisionalReasons: Type.Array(Type.String(), { description: '暂定的原因（有暂定日期时）' }),
  months: Type.Array(Type.Object({
    month: Type.Integer(), workdays: Type.Integer(), notes: Type.Array(Type.String()),
    days: Type.Array(Type.Object({
      date: Type.String(), day: Type.Integer(), weekday: Type.Integer({ description: '0 = 星期日' }), kind: DayKind,
      name: NullableString, workday: Type.Boolean(), provisional: Type.Boolean(),
    })),
  })),
});

export const CalendarImportResultSchema = Type.Object({
  imported: Type.Boolean({ description: 'false：文件有错误，全部未导入' }),
  years: Type.Array(Type.Integer()),
  replacedImports: Type.Array(Type.Integer(), { description: '替换了此前导入数据的年份' }),
  overriddenBase: Type.Array(Type.Integer(), { description: '替换了内置数据的年份' }),
  findings: Type.Array(Type.Object({
    code: Type.String(), severity: Type.String(), message: Type.String(),
    line: Type.Union([Type.Integer(), Type.Null()]), field: NullableString,
  })),
});
