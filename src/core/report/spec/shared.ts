/**
 * Parts shared by the 2019 试行 and 2021 formats: table 三's columns and most of its rows,
 * table 四, the six sections and the arithmetic rules. Data only.
 */
import type { ColumnSpec, RowSpec, SectionSpec, TableRule, TableSpec } from './types.js';

export const APPLICANTS = '申请人情况';
export const ORGANIZATIONS = '法人或其他组织';

/** Table 三 columns: the applicant kinds (自然人, five kinds of 法人或其他组织) and 总计. */
export const table3Columns: readonly ColumnSpec[] = [
  { key: 'naturalPerson', label: '自然人', groups: [APPLICANTS] },
  { key: 'commercial', label: '商业企业', groups: [APPLICANTS, ORGANIZATIONS] },
  { key: 'research', label: '科研机构', groups: [APPLICANTS, ORGANIZATIONS] },
  { key: 'nonprofit', label: '社会公益组织', groups: [APPLICANTS, ORGANIZATIONS] },
  { key: 'legalService', label: '法律服务机构', groups: [APPLICANTS, ORGANIZATIONS] },
  { key: 'other', label: '其他', groups: [APPLICANTS, ORGANIZATIONS] },
  { key: 'total', label: '总计', groups: [APPLICANTS] },
];
export const TABLE3_TOTAL_COLUMN = 6;

export const T3_CORNER = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const RESULTS = '三、本年度办理结果';
const DENIED = '（三）不予公开';
const UNABLE = '（四）无法提供';
const REJECTED = '（五）不予处理';
export const OTHER = '（六）其他处理';

/** Rows 一 … （五） of table 三: identical in both formats. */
export const table3HeadRows: readonly RowSpec[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量' },
  { key: 'granted', label: '（一）予以公开', parents: [RESULTS] },
  {
    key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', parents: [RESULTS],
    aliases: ['（二）部分公开'],
  },
  { key: 'denied_stateSecret', label: '1.属于国家秘密', parents: [RESULTS, DENIED] },
  { key: 'denied_lawForbidden', label: '2.其他法律行政法规禁止公开', parents: [RESULTS, DENIED] },
  { key: 'denied_threeSafety', label: '3.危及“三安全一稳定”', parents: [RESULTS, DENIED] },
  { key: 'denied_thirdParty', label: '4.保护第三方合法权益', parents: [RESULTS, DENIED] },
  { key: 'denied_internalAffairs', label: '5.属于三类内部事务信息', parents: [RESULTS, DENIED] },
  { key: 'denied_processInfo', label: '6.属于四类过程性信息', parents: [RESULTS, DENIED] },
  { key: 'denied_enforcementFile', label: '7.属于行政执法案卷', parents: [RESULTS, DENIED] },
  { key: 'denied_queryMatter', label: '8.属于行政查询事项', parents: [RESULTS, DENIED] },
  { key: 'unable_notHeld', label: '1.本机关不掌握相关政府信息', parents: [RESULTS, UNABLE] },
  { key: 'unable_needCreate', label: '2.没有现成信息需要另行制作', parents: [RESULTS, UNABLE] },
  { key: 'unable_unclear', label: '3.补正后申请内容仍不明确', parents: [RESULTS, UNABLE] },
  { key: 'rejected_complaint', label: '1.信访举报投诉类申请', parents: [RESULTS, REJECTED] },
  { key: 'rejected_repeat', label: '2.重复申请', parents: [RESULTS, REJECTED] },
  { key: 'rejected_publication', label: '3.要求提供公开出版物', parents: [RESULTS, REJECTED] },
  { key: 'rejected_massive', label: '4.无正当理由大量反复申请', parents: [RESULTS, REJECTED] },
  { key: 'rejected_confirm', label: '5.要求行政机关确认或重新出具已获取信息', parents: [RESULTS, REJECTED] },
];

/** Rows （七） and 四 of table 三. */
export const table3TailRows: readonly RowSpec[] = [
  { key: 'total', label: '（七）总计', parents: [RESULTS] },
  { key: 'carriedForward', label: '四、结转下年度继续办理' },
];

export function table3(rows: readonly RowSpec[]): TableSpec {
  return {
    id: 'table3',
    title: '三、收到和处理政府信息公开申请情况',
    corner: T3_CORNER,
    columns: table3Columns,
    rows,
    labelDepth: 3,
  };
}

const REVIEW = '行政复议';
const SUIT = '行政诉讼';
const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const outcomeKeys = ['upheld', 'corrected', 'other', 'pending', 'total'];
const group = (prefix: string, groups: readonly string[]): ColumnSpec[] =>
  outcomes.map((label, i) => ({ key: `${prefix}.${outcomeKeys[i]}`, label, groups }));

/** Table 四: one row of 15 cells (复议; 未经复议直接起诉; 复议后起诉 — each 维持/纠正/其他/尚未审结/总计). */
export const table4: TableSpec = {
  id: 'table4',
  title: '四、政府信息公开行政复议、行政诉讼情况',
  columns: [...group('review', [REVIEW]), ...group('suitDirect', [SUIT, '未经复议直接起诉']), ...group('suitAfterReview', [SUIT, '复议后起诉'])],
  rows: [{ key: 'cases', label: '' }],
  labelDepth: 0,
};

export const sections: readonly SectionSpec[] = [
  { key: 'overview', number: '一', heading: '总体情况', keywords: ['总体情况', '基本情况', '概述'] },
  { key: 'proactive', number: '二', heading: '主动公开政府信息情况', keywords: ['主动公开'], table: 'table2' },
  { key: 'requests', number: '三', heading: '收到和处理政府信息公开申请情况', keywords: ['收到和处理', '依申请公开', '公开申请'], table: 'table3' },
  { key: 'appeals', number: '四', heading: '政府信息公开行政复议、行政诉讼情况', keywords: ['行政复议', '行政诉讼'], table: 'table4' },
  { key: 'problems', number: '五', heading: '存在的主要问题及改进情况', keywords: ['存在的主要问题', '存在问题', '主要问题', '改进情况'] },
  { key: 'other', number: '六', heading: '其他需要报告的事项', keywords: ['其他需要报告', '其他事项'] },
];

const STATUTE = '《中华人民共和国政府信息公开工作年度报告格式》';

/** Arithmetic rules of tables 三 and 四 shared by both formats (rules.md §1.8). */
export function table3And4Rules(outcomeRows: readonly string[]): TableRule[] {
  return [
    {
      code: 'T3-INT', kind: 'cellDomain', table: 'table3', severity: 'error',
      description: '表三每个单元格应为非负整数', basis: '申请件数只能是非负整数',
    },
    {
      code: 'T3-BLANK', kind: 'blank', table: 'table3', columns: 'all', severity: 'warning',
      description: '表三单元格不应空白（空白不等于0）', basis: `${STATUTE}表三：每个单元格都应填写数字`,
    },
    {
      code: 'T3-ROWSUM', kind: 'rowSum', table: 'table3', rows: 'all', severity: 'error',
      groups: [{ total: TABLE3_TOTAL_COLUMN, parts: [0, 1, 2, 3, 4, 5] }],
      description: '每行“总计”等于自然人与各类法人或其他组织之和', basis: '表三“总计”栏为各类申请人之和',
    },
    {
      code: 'T3-BAL', kind: 'columnEquation', table: 'table3', severity: 'error',
      left: ['newReceived', 'carriedOver'], right: ['total', 'carriedForward'],
      description: '第一项加第二项之和，等于第三项加第四项之和',
      basis: `${STATUTE}表三：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”`,
    },
    {
      code: 'T3-OUTSUM', kind: 'columnEquation', table: 'table3', severity: 'error',
      left: ['total'], right: outcomeRows,
      description: '“（七）总计”等于（一）至（六）各项办理结果之和',
      basis: `${STATUTE}表三：部分公开“区分处理的，只计这一情形，不计其他情形”，每件申请只计入一种办理结果`,
    },
    {
      code: 'T4-INT', kind: 'cellDomain', table: 'table4', severity: 'error',
      description: '表四每个单元格应为非负整数', basis: '案件数只能是非负整数',
    },
    {
      code: 'T4-BLANK', kind: 'blank', table: 'table4', columns: 'all', severity: 'warning',
      description: '表四单元格不应空白（空白不等于0）', basis: `${STATUTE}表四：每个单元格都应填写数字`,
    },
    {
      code: 'T4-SUM', kind: 'rowSum', table: 'table4', rows: 'all', severity: 'error',
      groups: [
        { total: 4, parts: [0, 1, 2, 3] },
        { total: 9, parts: [5, 6, 7, 8] },
        { total: 14, parts: [10, 11, 12, 13] },
      ],
      description: '“总计”等于结果维持、结果纠正、其他结果、尚未审结之和',
      basis: `${STATUTE}表四：行政复议、未经复议直接起诉、复议后起诉各自的“总计”`,
    },
  ];
}
