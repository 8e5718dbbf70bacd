/** Chinese messages of the request-clock findings (exhaustive: a missing code does not compile). */
import type { Params } from '../findings.js';
import type { ClockFindingCode } from '../finding-codes.js';

const s = (v: unknown): string => (v === null || v === undefined ? '（空）' : Array.isArray(v) ? v.join('、') : String(v));

export const clockMessages: { readonly [C in ClockFindingCode]: (p: Params) => string } = {
  'CLOCK-NO-RECEIPT': () => '缺少“收到申请”事件（第三十一条），无法计算答复期限',
  'CLOCK-DATE-INVALID': (p) => `“${s(p.event)}”的${s(p.field)}“${s(p.value)}”不是有效日期（应为 YYYY-MM-DD）`,
  'CLOCK-DATE-RANGE': (p) => `日期 ${s(p.value)} 或由其推算的期限超出工作日历支持的范围（2004年至2100年）`,
  'CLOCK-BEFORE-RECEIPT': (p) => `“${s(p.event)}”（${s(p.date)}）早于收到申请之日 ${s(p.receivedOn)}，不予计算`,
  'CLOCK-AFTER-CLOSE': (p) => `“${s(p.event)}”（${s(p.date)}）在申请办结（${s(p.closedBy)}，${s(p.closedOn)}）之后，不予计算`,
  'CLOCK-REPEATED': (p) => `重复的“${s(p.event)}”（${s(p.date)}），按第一次（${s(p.first)}）计算`,
  'CLOCK-UNMATCHED': (p) => `“${s(p.event)}”（${s(p.date)}）没有对应的“${s(p.expected)}”，不予计算`,
  'CLOCK-CLARIFY-REPEATED': (p) =>
    `补正通知应一次性发出（第三十条）：${s(p.date)} 的第二次补正通知不予计算（第一次为 ${s(p.first)}）`,
  'CLOCK-CLARIFY-LATE': (p) =>
    `补正通知于 ${s(p.date)} 发出，晚于告知期限 ${s(p.clarifyBy)}（收到申请之日起7个工作日内，第三十条）`,
  'CLOCK-LAPSE-EARLY': (p) => `“${s(p.event)}”登记于 ${s(p.date)}，早于期限 ${s(p.deadline)}，此时尚不能视为放弃申请`,
  'CLOCK-CONSULT-LATE': (p) =>
    `征求意见答复于 ${s(p.date)} 收到，已超过15个工作日的期限 ${s(p.limitOn)}；答复期限只暂停到 ${s(p.limitOn)}`,
  'CLOCK-EXTENSION-LATE': (p) =>
    `延期于 ${s(p.date)} 批准，晚于当时的答复期限 ${s(p.replyBy)}，不予计算（延期应在期限届满前经负责人同意并告知申请人）`,
  'CLOCK-EXTENSION-OVER': (p) =>
    `延期累计 ${s(p.requested)} 个工作日，超过第三十三条规定的最长20个工作日，只计 ${s(p.applied)} 个工作日`,
  'CLOCK-EXTENSION-INVALID': (p) => `延期天数“${s(p.value)}”无效，应为1至20之间的整数个工作日`,
  'CLOCK-FEE-LATE': (p) => `信息处理费于 ${s(p.date)} 缴纳，晚于缴费期限 ${s(p.payBy)}（收到收费通知次日起20个工作日）`,
  'CLOCK-FEE-EXPIRED': (p) =>
    `缴费期限 ${s(p.payBy)} 已过仍未缴费，按规定视为放弃申请（表三“逾期未缴费、不再处理”），请办结`,
  'CLOCK-DELAY-INVALID': (p) => `第三十五条延迟答复期限“${s(p.newReplyBy)}”无效，应为晚于告知日期 ${s(p.date)} 的日期`,
  'CLOCK-DELAY-LATE': (p) => `延迟答复告知于 ${s(p.date)} 发出，晚于当时的答复期限 ${s(p.replyBy)}`,
  'CLOCK-PAUSE-LATE': (p) => `“${s(p.event)}”于 ${s(p.date)} 发出，已晚于答复期限 ${s(p.replyBy)}，不能再暂停计算`,
  'CLOCK-OVERDUE': (p) =>
    p.replied
      ? `答复于 ${s(p.asOf)} 作出，晚于答复期限 ${s(p.replyBy)}（逾期 ${s(p.days)} 天，其中 ${s(p.workdays)} 个工作日）`
      : `截至 ${s(p.asOf)} 尚未答复，已超过答复期限 ${s(p.replyBy)}（逾期 ${s(p.days)} 天，其中 ${s(p.workdays)} 个工作日）`,
  'CLOCK-PROVISIONAL': (p) => `${s(p.years)}年的放假安排尚未公布，相关期限按法定节假日推算，为暂定结果，公布后需重新计算`,
};
