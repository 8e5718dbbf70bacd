/**
 * The labels the reader anchors on, precomputed (normalised) once per format from the spec:
 * table 三's rows and the parent labels between them, table 二's rows. A label is found by a
 * distinctive keyword and then widened to the full printed label where the document agrees.
 */
import type { FormatId, ReportSpec } from '../spec/index.js';
import { specFor } from '../spec/index.js';
import { compact } from './normalize.js';

export interface AnchorDef {
  /** Row key, or `parent:<label>` for a label that spans rows. */
  readonly id: string;
  readonly kind: 'row' | 'parent';
  /** Normalised keywords, most specific first. */
  readonly keywords: readonly string[];
  /** The full normalised label, used to widen a keyword match. */
  readonly full: string;
  readonly weight: number;
}

/** Distinctive keywords of table 三's rows (the row keys are shared by both formats). */
const T3_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  newReceived: ['本年新收'],
  carriedOver: ['上年结转'],
  granted: ['予以公开'],
  partial: ['部分公开'],
  denied_stateSecret: ['国家秘密'],
  denied_lawForbidden: ['禁止公开', '其他法律行政'],
  denied_threeSafety: ['三安全一稳定', '三安全'],
  denied_thirdParty: ['第三方合法权益', '第三方'],
  denied_internalAffairs: ['内部事务'],
  denied_processInfo: ['过程性信息', '过程性'],
  denied_enforcementFile: ['执法案卷'],
  denied_queryMatter: ['查询事项'],
  unable_notHeld: ['不掌握'],
  unable_needCreate: ['另行制作', '没有现成信息'],
  unable_unclear: ['仍不明确', '补正后申请内容'],
  rejected_complaint: ['信访举报投诉', '信访'],
  rejected_repeat: ['重复申请'],
  rejected_publication: ['公开出版物'],
  rejected_massive: ['大量反复申请', '大量反复'],
  rejected_confirm: ['重新出具', '确认或重新'],
  other_noSupplement: ['逾期不补正', '不补正'],
  other_noFee: ['缴纳费用', '收费通知'],
  other_other: ['3.其他'],
  other: ['其他处理'],
  total: ['(七)总计', '总计'],
  carriedForward: ['结转下年度', '结转下一年度', '结转下年'],
};

/** Keywords of the labels that span rows (parents), by their printed label. */
const PARENT_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  '三、本年度办理结果': ['本年度办理结果', '办理结果'],
  '（三）不予公开': ['(三)不予公开', '不予公开'],
  '（四）无法提供': ['(四)无法提供', '无法提供'],
  '（五）不予处理': ['(五)不予处理', '不予处理'],
  '（六）其他处理': ['(六)其他处理', '其他处理'],
};

const byLength = (a: string, b: string) => b.length - a.length;

function table3Defs(spec: ReportSpec): AnchorDef[] {
  const defs: AnchorDef[] = [];
  const seenParents = new Set<string>();
  for (const row of spec.tables.table3.rows) {
    for (const parent of row.parents ?? []) {
      if (seenParents.has(parent)) continue;
      seenParents.add(parent);
      const keywords = PARENT_KEYWORDS[parent] ?? [compact(parent)];
      defs.push({ id: `parent:${parent}`, kind: 'parent', keywords, full: compact(parent), weight: 2 });
    }
    const keywords = T3_KEYWORDS[row.key] ?? [compact(row.label)];
    defs.push({ id: row.key, kind: 'row', keywords, full: compact(row.label), weight: 10 });
  }
  return defs;
}

function table2Defs(spec: ReportSpec): AnchorDef[] {
  return spec.tables.table2.rows.map((row) => {
    const keywords = [row.label, ...(row.aliases ?? [])].map(compact).sort(byLength);
    return { id: row.key, kind: 'row' as const, keywords, full: compact(row.label), weight: 10 };
  });
}

export interface FormatLabels {
  readonly table3: readonly AnchorDef[];
  readonly table2: readonly AnchorDef[];
}

const cache = new Map<FormatId, FormatLabels>();

/** Anchor definitions of a format (computed once). */
export function labelsFor(format: FormatId): FormatLabels {
  let labels = cache.get(format);
  if (!labels) {
    const spec = specFor(format);
    labels = { table3: table3Defs(spec), table2: table2Defs(spec) };
    cache.set(format, labels);
  }
  return labels;
}
