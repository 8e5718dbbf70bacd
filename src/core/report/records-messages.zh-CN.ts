/** Chinese messages of the findings about tables compiled from the records (exhaustive by code). */
import type { RecordsFindingCode } from '../finding-codes.js';
import type { Params } from '../findings.js';

const s = (v: unknown): string => (v === null || v === undefined ? '（空白）' : String(v));

export const recordsMessages: { readonly [C in RecordsFindingCode]: (p: Params) => string } = {
  'T3-CASES': (p) => p.problem === 'unclassified'
    ? `有 ${s(p.count)} 件申请已在本年度答复但没有办理结果分类，未能计入表三`
    : `表三“${s(p.rowLabel)}”行“${s(p.columnLabel)}”栏：年度关闭时冻结的数字为 ${s(p.expected)}，按现有办理记录统计为 ${s(p.actual)}（关闭后办理记录有变动）`,
  'T4-CASES': (p) => `表四“${s(p.columnLabel)}”：年度关闭时冻结的数字为 ${s(p.expected)}，按现有复议、诉讼记录统计为 ${s(p.actual)}（关闭后记录有变动）`,
};
