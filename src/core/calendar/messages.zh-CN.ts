/** Chinese messages of the calendar-import findings (exhaustive). The caller prefixes the line. */
import type { Params } from '../findings.js';
import type { CalendarFindingCode } from '../finding-codes.js';

const s = (v: unknown): string => (v === null || v === undefined ? '（空）' : Array.isArray(v) ? v.join('、') : String(v));

export const calendarMessages: { readonly [C in CalendarFindingCode]: (p: Params) => string } = {
  'CAL-FORMAT': (p) => `文件格式不正确：${s(p.detail)}`,
  'CAL-FIELD': (p) => `字段“${s(p.field)}”${s(p.detail)}`,
  'CAL-DATE': (p) => `日期“${s(p.value)}”无效，应为 YYYY-MM-DD 格式的真实日期`,
  'CAL-KIND': (p) => `类型“${s(p.value)}”无效，应为 holiday（放假）或 makeup_workday（调休上班）`,
  'CAL-YEAR': (p) =>
    `日期 ${s(p.date)} 不属于 ${s(p.year)} 年的放假安排（只允许该年的日期，以及上一年12月下旬的元旦调休日）`,
  'CAL-DUPLICATE': (p) => `日期 ${s(p.date)} 重复出现（另见${s(p.other)}）`,
  'CAL-SPAN': (p) => `放假区间 ${s(p.from)} 至 ${s(p.to)} 无效：${s(p.detail)}`,
  'CAL-SOURCE': (p) => `${s(p.year)}年的通知来源有误：${s(p.detail)}`,
  'CAL-EMPTY': () => '文件中没有任何放假或调休上班日期',
  'CAL-MAKEUP-WEEKDAY': (p) => `调休上班日 ${s(p.date)}（${s(p.weekday)}）本来就是工作日，请核对`,
  'CAL-STATUTORY-MISSING': (p) => `${s(p.year)}年法定节日“${s(p.name)}”（${s(p.date)}）未列为放假日，请核对通知原文`,
};
