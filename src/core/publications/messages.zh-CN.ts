/** Chinese messages of the register-import findings (exhaustive by code). */
import type { RegisterFindingCode } from '../finding-codes.js';
import type { Params } from '../findings.js';

const s = (v: unknown): string => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join('、') : String(v));

const formatProblem = (p: Params): string => {
  switch (p.problem) {
    case 'unknownColumn': return `表头有无法识别的列“${s(p.column)}”`;
    case 'duplicateColumn': return `表头的列“${s(p.column)}”重复`;
    case 'missingColumns': return `表头缺少必需的列：${s(p.columns)}`;
    case 'noFigures': return '表头没有“处理决定数量”“项目数量”或“金额（万元）”中的任何一列';
    case 'unclosedQuote': return 'CSV 引号没有闭合';
    case 'notSpreadsheet': return `文件不是 XLSX 或 CSV${p.detail ? `（${s(p.detail)}）` : ''}`;
    case 'noSheet': return '工作簿中没有工作表';
    default: return '文件格式不正确';
  }
};

export const registerMessages: { readonly [C in RegisterFindingCode]: (p: Params) => string } = {
  'REG-FORMAT': (p) => `文件格式有误：${formatProblem(p)}`,
  'REG-EMPTY': () => '文件中没有数据行',
  'REG-AGENCY': (p) => `机关“${s(p.agency)}”不存在或不在您的管理范围内`,
  'REG-YEAR': (p) => `年度“${s(p.value)}”无效：应为 2008 至 ${s(p.max)} 之间的四位年份`,
  'REG-KIND': (p) => `类别“${s(p.value)}”无法识别，可填：${s(p.allowed)}`,
  'REG-NUMBER': (p) => p.problem === 'amount'
    ? `“${s(p.field)}”的值“${s(p.value)}”不是非负金额（万元，最多 6 位小数，不带单位）`
    : `“${s(p.field)}”的值“${s(p.value)}”不是非负整数`,
  'REG-FIELD': (p) => {
    switch (p.problem) {
      case 'missing': return `“${s(p.field)}”不能为空`;
      case 'notApplicable': return `类别“${s(p.kind)}”不填“${s(p.field)}”`;
      case 'noFigure': return `类别“${s(p.kind)}”的这一行没有任何数字（至少填写“${s(p.field)}”）`;
      case 'tooLong': return `“${s(p.field)}”超过 ${s(p.max)} 个字`;
      default: return `“${s(p.field)}”有误`;
    }
  },
  'REG-DUPLICATE': (p) => `${s(p.agency)}${s(p.year)}年“${s(p.kind)}”与第 ${s(p.firstLine)} 行重复`,
  'REG-CLOSED': (p) => `${s(p.agency)}${s(p.year)}年度报告已关闭，登记数字已冻结，不能导入（请先重新打开该年度）`,
  'REG-UNIT': (p) => `金额 ${s(p.value)} 万元数值过大，请确认单位是万元而不是元`,
};
