/** Chinese messages of the report findings (exhaustive: a missing code does not compile). */
import type { Params } from '../findings.js';
import type { ReportFindingCode } from '../finding-codes.js';

const s = (v: unknown): string => (v === null || v === undefined ? '（空白）' : Array.isArray(v) ? v.join('、') : String(v));
const cell = (p: Params) => `“${s(p.rowLabel)}”行“${s(p.columnLabel)}”栏`;

export const reportMessages: { readonly [C in ReportFindingCode]: (p: Params) => string } = {
  'T3-BAL': (p) => `表三“${s(p.columnLabel)}”栏：第一项加第二项之和为 ${s(p.left)}，第三项（七）总计加第四项之和为 ${s(p.right)}，两者应相等`,
  'T3-ROWSUM': (p) => `表三“${s(p.rowLabel)}”行：总计应为各类申请人之和 ${s(p.expected)}，实际填写 ${s(p.actual)}`,
  'T3-OUTSUM': (p) => `表三“${s(p.columnLabel)}”栏：（一）至（六）各项办理结果之和为 ${s(p.expected)}，“（七）总计”填写 ${s(p.actual)}`,
  'T3-INT': (p) => `表三${cell(p)}应为非负整数，实际为“${s(p.value)}”`,
  'T3-BLANK': (p) => p.inferred === null || p.inferred === undefined
    ? `表三${cell(p)}空白，无法由勾稽关系推出`
    : `表三${cell(p)}空白；按勾稽关系应为 ${s(p.inferred)}`,
  'T3-CARRY': (p) => `表三“${s(p.columnLabel)}”栏：本年“上年结转”为 ${s(p.actual)}，上年报告“结转下年度继续办理”为 ${s(p.expected)}`,
  'T4-SUM': (p) => `表四“${s(p.group)}”：结果维持、结果纠正、其他结果、尚未审结之和为 ${s(p.expected)}，“总计”填写 ${s(p.actual)}`,
  'T4-INT': (p) => `表四“${s(p.columnLabel)}”应为非负整数，实际为“${s(p.value)}”`,
  'T4-BLANK': (p) => p.inferred === null || p.inferred === undefined
    ? `表四“${s(p.columnLabel)}”空白，无法由勾稽关系推出`
    : `表四“${s(p.columnLabel)}”空白；按勾稽关系应为 ${s(p.inferred)}`,
  'T2-INT': (p) => `表二${cell(p)}数值不合规：“${s(p.value)}”`,
  'T2-UNIT': (p) => `表二行政事业性收费金额 ${s(p.value)} 万元过大，可能误以“元”为单位填写`,
  'T2-STOCK': (p) => `表二“${s(p.rowLabel)}”：上年现行有效 ${s(p.previous)} + 本年制发 ${s(p.made)} − 本年废止 ${s(p.repealed)} = ${s(p.expected)}，本年现行有效填写 ${s(p.actual)}`,
  'T2-REPEAL': (p) => `表二“${s(p.rowLabel)}”：本年废止 ${s(p.repealed)} 件，超过上年现行有效与本年制发之和 ${s(p.available)} 件`,
  'T2-BLANK': (p) => `表二${cell(p)}空白或填“/”`,
  SECTIONS: (p) => p.problem === 'order'
    ? `第${s(p.number)}部分“${s(p.heading)}”顺序不符合年度报告格式`
    : p.problem === 'oversight'
      ? `人民政府的年度报告第${s(p.number)}部分“${s(p.heading)}”未报告工作考核、社会评议和责任追究结果情况`
      : `缺少第${s(p.number)}部分“${s(p.heading)}”`,
  PERIOD: (p) => `统计期限应为 ${s(p.expected)}，报告写为 ${s(p.stated)}`,
  'PERIOD-MISSING': (p) => p.year === null || p.year === undefined
    ? '报告未写明统计期限（应为报告年度的1月1日至12月31日）'
    : `报告未写明统计期限（应为 ${s(p.year)}年1月1日至12月31日）`,
  'YEAR-MISMATCH': (p) => `标题年度 ${s(p.titleYear)} 与统计期限年度 ${s(p.periodYear)} 不一致`,
  'TXT-T3': (p) => `正文“${s(p.quote)}”中的${s(p.what)}为 ${s(p.stated)}，与表格数据 ${s(p.expected)} 不符`,
  SIMILARITY: (p) => `“${s(p.heading)}”部分与${s(p.other)}的相似度为 ${s(p.similarity)}%，疑似内容雷同`,
  AGG: (p) => `汇总报告${s(p.table)}${p.rowLabel ? cell(p) : `“${s(p.columnLabel)}”栏`}为 ${s(p.actual)}，各成员单位之和为 ${s(p.expected)}`,
  'AGG-MISSING': (p) => `汇总报告缺少成员单位“${s(p.member)}”的报告`,
  'FORMAT-MISMATCH': (p) => `${s(p.year)}年度报告应使用${s(p.expected)}格式，实际为${s(p.format)}格式`,
  'PARSE-EMPTY': () => '文件为空或没有可读取的文字',
  'PARSE-UNREADABLE': (p) => `无法读取文件：${s(p.reason)}`,
  'PARSE-NO-TABLE': (p) => `未找到${s(p.tableLabel)}`,
  'PARSE-ROW-MISSING': (p) => `${s(p.tableLabel)}未找到“${s(p.rowLabel)}”行`,
  'PARSE-CELL': (p) => `${s(p.tableLabel)}${cell(p)}无法识别：“${s(p.text)}”`,
  'PARSE-AMBIGUOUS': (p) => `${s(p.tableLabel)}“${s(p.rowLabel)}”行的数字“${s(p.text)}”连在一起，有多种拆分方式（${s(p.candidates)}），无法确定`,
  'PARSE-SPLIT-RECOVERED': (p) => `${s(p.tableLabel)}“${s(p.rowLabel)}”行的数字“${s(p.text)}”连在一起，已按勾稽关系拆分为 ${s(p.values)}`,
  'PARSE-EXTRA-ROW': (p) => `${s(p.tableLabel)}有不属于年度报告格式的行：“${s(p.text)}”`,
  'PARSE-FORMAT-GUESSED': (p) => `未能确定报告格式，按${s(p.format)}格式读取`,
  'PARSE-INFERRED': (p) => `${s(p.tableLabel)}${cell(p)}由${s(p.source)}推定为 ${s(p.value)}`,
  'PARSE-ROWS-BY-ORDER': (p) => `${s(p.tableLabel)}的行标签与数字错位，已按表格顺序将 ${s(p.count)} 组数字依次对应到各行，请核对`,
  'PARSE-MERGED-ROW': (p) => `${s(p.tableLabel)}将“${s(p.rowLabel)}”印为一行（未分 1—3 小项），其数字计入“3.其他”`,
};
