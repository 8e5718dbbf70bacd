/**
 * Outcomes (办理结果) and their legal bases — rules.md §2.9 as data. The outcome keys ARE the table-三
 * outcome row keys of the 2021 format (a test keeps them equal); every closed request has exactly one
 * (部分公开 counts once, in `partial` only, §1.7). Each basis names the 条例 article the reply letter
 * cites; an outcome may have several bases (e.g. `unable_notHeld`: 36(四) 信息不存在 or 36(五) 非本机关负责).
 */

export const outcomeKeys = [
  'granted', 'partial',
  'denied_stateSecret', 'denied_lawForbidden', 'denied_threeSafety', 'denied_thirdParty', 'denied_internalAffairs',
  'denied_processInfo', 'denied_enforcementFile', 'denied_queryMatter',
  'unable_notHeld', 'unable_needCreate', 'unable_unclear',
  'rejected_complaint', 'rejected_repeat', 'rejected_publication', 'rejected_massive', 'rejected_confirm',
  'other_noSupplement', 'other_noFee', 'other_other',
] as const;
export type OutcomeKey = (typeof outcomeKeys)[number];
export const isOutcomeKey = (v: unknown): v is OutcomeKey => typeof v === 'string' && (outcomeKeys as readonly string[]).includes(v);

/** The table-三 group of an outcome: （一）…（六）. */
export type OutcomeGroup = 'granted' | 'partial' | 'denied' | 'unable' | 'rejected' | 'other';
export const outcomeGroup = (k: OutcomeKey): OutcomeGroup => k.split('_')[0] as OutcomeGroup;
export const outcomeGroupLabels: { readonly [G in OutcomeGroup]: string } = {
  granted: '予以公开', partial: '部分公开', denied: '不予公开', unable: '无法提供', rejected: '不予处理', other: '其他处理',
};

/** Short labels (the table-三 row text without numbering). */
export const outcomeLabels: { readonly [K in OutcomeKey]: string } = {
  granted: '予以公开',
  partial: '部分公开',
  denied_stateSecret: '不予公开：属于国家秘密',
  denied_lawForbidden: '不予公开：其他法律行政法规禁止公开',
  denied_threeSafety: '不予公开：危及“三安全一稳定”',
  denied_thirdParty: '不予公开：保护第三方合法权益',
  denied_internalAffairs: '不予公开：属于三类内部事务信息',
  denied_processInfo: '不予公开：属于四类过程性信息',
  denied_enforcementFile: '不予公开：属于行政执法案卷',
  denied_queryMatter: '不予公开：属于行政查询事项',
  unable_notHeld: '无法提供：本机关不掌握相关政府信息',
  unable_needCreate: '无法提供：没有现成信息需要另行制作',
  unable_unclear: '无法提供：补正后申请内容仍不明确',
  rejected_complaint: '不予处理：信访举报投诉类申请',
  rejected_repeat: '不予处理：重复申请',
  rejected_publication: '不予处理：要求提供公开出版物',
  rejected_massive: '不予处理：无正当理由大量反复申请',
  rejected_confirm: '不予处理：要求行政机关确认或重新出具已获取信息',
  other_noSupplement: '其他处理：申请人逾期不补正、不再处理',
  other_noFee: '其他处理：申请人逾期未缴费、不再处理',
  other_other: '其他处理：其他',
};

/** Certainty of a mapping, as tagged in rules.md: verified, derived, unverified. */
export type Certainty = 'V' | 'D' | 'U';

export interface OutcomeBasis {
  /** Stable key, e.g. "36-2", "14-secret". */
  readonly key: string;
  readonly outcome: OutcomeKey;
  /** The article as cited in letters, e.g. "《中华人民共和国政府信息公开条例》第三十六条第（二）项". */
  readonly citation: string;
  /** What the basis means, for the staff picking it. */
  readonly label: string;
  readonly certainty: Certainty;
  /** Reached only by a lifecycle event (lapse, withdrawal, transfer), not chosen in a reply. */
  readonly closingOnly?: boolean;
}

const T = '《中华人民共和国政府信息公开条例》';
const b = (key: string, outcome: OutcomeKey, article: string, label: string, certainty: Certainty = 'V', closingOnly = false): OutcomeBasis =>
  Object.freeze({ key, outcome, citation: article ? `${T}${article}` : '', label, certainty, ...(closingOnly && { closingOnly }) });

/** rules.md §2.9, one line per basis. */
export const outcomeBases: readonly OutcomeBasis[] = Object.freeze([
  b('36-2', 'granted', '第三十六条第（二）项', '可以公开：提供或告知获取的方式、途径和时间'),
  b('36-1', 'granted', '第三十六条第（一）项', '已经主动公开：告知获取的方式、途径（计入予以公开为通行做法）', 'U'),
  b('32-consent', 'granted', '第三十二条', '第三方同意公开或逾期未提出意见，决定予以公开'),
  b('15-publicInterest', 'granted', '第十五条、第三十二条', '不公开会对公共利益造成重大影响，决定予以公开（须书面告知第三方）'),
  b('37', 'partial', '第三十七条', '区分处理：提供可以公开的内容，对不予公开的内容说明理由'),
  b('14-secret', 'denied_stateSecret', '第十四条', '依法确定为国家秘密'),
  b('14-law', 'denied_lawForbidden', '第十四条', '法律、行政法规禁止公开'),
  b('14-safety', 'denied_threeSafety', '第十四条', '公开后可能危及国家安全、公共安全、经济安全、社会稳定'),
  b('15', 'denied_thirdParty', '第十五条', '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害'),
  b('32-objection', 'denied_thirdParty', '第三十二条', '第三方不同意公开且有合理理由'),
  b('16-internal', 'denied_internalAffairs', '第十六条第一款', '内部事务信息（人事管理、后勤管理、内部工作流程）'),
  b('16-process', 'denied_processInfo', '第十六条第二款', '过程性信息（讨论记录、过程稿、磋商信函、请示报告）'),
  b('16-enforcement', 'denied_enforcementFile', '第十六条第二款', '行政执法案卷信息'),
  b('36-7', 'denied_queryMatter', '第三十六条第（七）项', '工商、不动产登记资料等，依照有关法律、行政法规的规定办理'),
  b('36-4', 'unable_notHeld', '第三十六条第（四）项', '经检索没有所申请公开信息：告知该政府信息不存在'),
  b('36-5', 'unable_notHeld', '第三十六条第（五）项', '不属于本行政机关负责公开：告知并说明理由，能确定的告知负责机关', 'U'),
  b('38', 'unable_needCreate', '第三十八条', '需要对现有政府信息进行加工、分析'),
  b('30-unclear', 'unable_unclear', '第三十条', '补正后申请内容仍不明确'),
  b('39-1', 'rejected_complaint', '第三十九条第一款', '以政府信息公开申请的形式进行信访、投诉、举报等活动'),
  b('36-6', 'rejected_repeat', '第三十六条第（六）项', '已就申请作出答复、申请人重复申请公开相同政府信息'),
  b('39-2', 'rejected_publication', '第三十九条第二款', '要求提供政府公报、报刊、书籍等公开出版物'),
  b('35', 'rejected_massive', '第三十五条', '申请数量、频次明显超过合理范围且理由不合理'),
  b('confirm', 'rejected_confirm', '', '要求行政机关确认或重新出具已获取的信息（条例无明确条款，通行做法）', 'U'),
  b('30-lapse', 'other_noSupplement', '第三十条', '无正当理由逾期不补正，视为放弃申请', 'V', true),
  b('42-lapse', 'other_noFee', '第四十二条', '逾期未按收费通知缴纳信息处理费，视为放弃申请（国办函〔2020〕109号）', 'V', true),
  b('withdrawal', 'other_other', '', '申请人撤回申请（计入“其他”为通行做法）', 'U', true),
  b('other', 'other_other', '', '其他处理（须说明理由）', 'U'),
]);

const byKey = new Map(outcomeBases.map((x) => [x.key, x]));

/** The basis by key, or undefined. */
export const findOutcomeBasis = (key: string): OutcomeBasis | undefined => byKey.get(key);

/** The bases of an outcome (those a reply may choose, unless `includeClosing`). */
export function basesOf(outcome: OutcomeKey, includeClosing = false): OutcomeBasis[] {
  return outcomeBases.filter((x) => x.outcome === outcome && (includeClosing || !x.closingOnly));
}

/** Bases a reply letter may be drafted on (not the lapse/withdrawal closings). */
export const replyBases: readonly OutcomeBasis[] = outcomeBases.filter((x) => !x.closingOnly);
