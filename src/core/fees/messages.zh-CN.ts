/** Chinese messages of the processing-fee findings (exhaustive). */
import type { Params } from '../findings.js';
import type { FeeFindingCode } from '../finding-codes.js';

const s = (v: unknown): string => (v === null || v === undefined ? '（空）' : String(v));

export const feeMessages: { readonly [C in FeeFindingCode]: (p: Params) => string } = {
  'FEE-INPUT': (p) => `${s(p.field)}应为非负整数，实际为“${s(p.value)}”`,
  'FEE-BOTH-METHODS': () => '同一件申请只能选择按件或按量一种标准计收信息处理费，不得同时按两种标准重复计算（国办函〔2020〕109号第三条）',
  'FEE-WAIVER-REASON': () => '减免信息处理费须写明理由',
  'FEE-WAIVER-AMOUNT': (p) => `减免后应收金额“${s(p.amount)}”元无效，应为 0 至 ${s(p.assessed)} 元之间的整数`,
};
