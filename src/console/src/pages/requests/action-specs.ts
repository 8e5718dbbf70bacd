/**
 * What each lifecycle action asks for (its body in requests-actions.schemas.ts), as form fields with
 * Chinese labels. Every action also takes the legal date of the event (默认今天).
 */
import type { RequestAction } from '../../api/requests.js';
import { deliveryMethodLabels, deliveryMethods } from '../../labels-requests.js';

export type FieldKind = 'text' | 'textarea' | 'date' | 'integer' | 'select' | 'agency' | 'assignee' | 'basis';

export interface FieldSpec {
  /** Body key; "values.reason" nests into the draftReply values record, "waiver.kind" into body.waiver. */
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly max?: number;
  readonly min?: number;
  readonly options?: readonly { value: string; label: string }[];
  readonly extra?: string;
  /** A select that may be left empty (cleared): shown with this placeholder. */
  readonly placeholder?: string;
  /** Shown only when another field (its body key) has one of these values; hidden fields are not sent. */
  readonly when?: { readonly field: string; readonly in: readonly string[] };
}

export interface ActionSpec {
  readonly fields: readonly FieldSpec[];
  /** A consequential action: the button is shown as dangerous and the dialog says so. */
  readonly danger?: string;
  /** A short note on what the action does (legal basis). */
  readonly note?: string;
  /** Label of the event's date field (default 日期). */
  readonly dateLabel?: string;
}

const opt = <K extends string>(labels: Readonly<Record<K, string>>, keys: readonly K[]) => keys.map((k) => ({ value: k, label: labels[k] }));

export const actionSpecs: Readonly<Record<RequestAction, ActionSpec>> = {
  confirmReceipt: {
    fields: [{ name: 'note', label: '备注', kind: 'textarea', max: 500 }],
    dateLabel: '收到申请之日',
    note: '平常信函、互联网、电子邮件、传真提交的申请，以与申请人确认之日为收到申请之日（条例第三十一条）。',
  },
  void: { fields: [{ name: 'reason', label: '作废理由', kind: 'textarea', required: true, max: 1000 }], danger: '作废后该登记不再办理。' },
  assign: { fields: [{ name: 'assigneeId', label: '经办人', kind: 'assignee' }] },
  sendClarification: {
    fields: [
      { name: 'items', label: '需要补正的事项', kind: 'textarea', required: true, max: 2000, extra: '一次性告知需要补正的事项（条例第三十条）' },
      { name: 'answerDueOn', label: '补正期限', kind: 'date', required: true },
    ],
    note: '应当自收到申请之日起 7 个工作日内一次性告知；答复期限自收到补正的申请之日起计算。',
  },
  answerClarification: { fields: [{ name: 'text', label: '补正内容', kind: 'textarea', max: 5000 }], dateLabel: '收到补正之日' },
  lapseClarification: { fields: [], danger: '申请人无正当理由逾期不补正，视为放弃申请，本申请将以“其他处理”办结。' },
  sendConsultation: {
    fields: [
      { name: 'party', label: '征求对象', kind: 'select', required: true, options: [{ value: 'thirdParty', label: '第三方（第三十二条）' }, { value: 'agency', label: '其他机关（第三十四条）' }] },
      { name: 'addressee', label: '收件人', kind: 'text', required: true, max: 200 },
      { name: 'reason', label: '征求意见的理由', kind: 'textarea', max: 1000 },
      { name: 'addresseeReceivedOn', label: '对方收到日期', kind: 'date' },
    ],
    note: '征求意见所需时间不计算在答复期限内（第三十三条第三款）；第三方应在 15 个工作日内提出意见。',
  },
  answerConsultation: {
    fields: [
      { name: 'opinion', label: '意见', kind: 'select', required: true, options: [{ value: 'agree', label: '同意公开' }, { value: 'object', label: '不同意公开' }, { value: 'other', label: '其他意见' }] },
      { name: 'text', label: '意见内容', kind: 'textarea', max: 5000 },
    ],
    dateLabel: '收到答复之日',
  },
  expireConsultation: { fields: [], note: '第三方逾期未提出意见的，由行政机关依照条例规定决定是否公开。' },
  approveExtension: {
    fields: [
      { name: 'workdays', label: '延长工作日数', kind: 'integer', required: true, min: 1, max: 20, extra: '延长的期限最长不得超过 20 个工作日（第三十三条第二款）' },
      { name: 'reason', label: '延期理由', kind: 'textarea', required: true, max: 500 },
    ],
  },
  sendFeeNotice: {
    fields: [
      { name: 'method', label: '计收方式', kind: 'select', required: true, options: [{ value: 'perItem', label: '按件计收' }, { value: 'perPage', label: '按量计收' }] },
      { name: 'items', label: '件数', kind: 'integer', min: 1, max: 1000, when: { field: 'method', in: ['perItem'] }, extra: '一事一申请拆分后的件数' },
      { name: 'pages', label: '页数', kind: 'integer', min: 0, max: 1_000_000, when: { field: 'method', in: ['perPage'] } },
      {
        name: 'waiver.kind', label: '减免', kind: 'select', placeholder: '不减免',
        options: [{ value: 'reduce', label: '减收（按减收后的金额收取）' }, { value: 'waive', label: '免收' }],
        extra: '减收或免收信息处理费应当说明理由（《政府信息公开信息处理费管理办法》）',
      },
      { name: 'waiver.amount', label: '减收后收取金额（元）', kind: 'integer', required: true, min: 0, max: 10_000_000, when: { field: 'waiver.kind', in: ['reduce'] }, extra: '整数元，不得超过按标准计算的金额' },
      { name: 'waiver.reason', label: '减免理由', kind: 'textarea', required: true, max: 500, when: { field: 'waiver.kind', in: ['reduce', 'waive'] } },
      { name: 'waiver.basis', label: '减免依据', kind: 'text', max: 200, when: { field: 'waiver.kind', in: ['reduce', 'waive'] }, extra: '可选，如所依据的规定条款' },
      { name: 'howToPay', label: '缴纳方式', kind: 'textarea', max: 500 },
      { name: 'applicantReceivedOn', label: '申请人收到通知日期', kind: 'date' },
    ],
    note: '收费通知期间不计算在答复期限内；申请人逾期未缴纳的，视为放弃申请。',
  },
  recordFeePayment: { fields: [], dateLabel: '缴费日期' },
  lapseFee: { fields: [], danger: '申请人逾期未缴纳信息处理费，视为放弃申请，本申请将以“其他处理”办结。' },
  requestReason: { fields: [{ name: 'text', label: '要求说明的内容', kind: 'textarea', max: 2000 }], note: '申请数量、频次明显超过合理范围的，可以要求申请人说明理由（第三十五条）。' },
  sendDelayNotice: {
    fields: [
      { name: 'newReplyBy', label: '延迟后的答复期限', kind: 'date', required: true },
      { name: 'reason', label: '理由', kind: 'textarea', max: 2000 },
    ],
  },
  transfer: {
    fields: [
      { name: 'toAgencyId', label: '负责公开的机关', kind: 'agency', required: true },
      { name: 'reason', label: '转送理由', kind: 'textarea', max: 1000 },
    ],
    danger: '转送后本申请由接收机关办理。',
  },
  withdraw: { fields: [{ name: 'reason', label: '撤回说明', kind: 'textarea', max: 1000 }], danger: '申请人撤回申请后本申请办结（计入“其他处理”）。', dateLabel: '撤回日期' },
  archive: { fields: [] },
  draftReply: {
    fields: [
      { name: 'basis', label: '答复依据', kind: 'basis', required: true, extra: '办理结果随依据确定（表三的行）' },
      { name: 'values.reason', label: '理由', kind: 'textarea', max: 5000 },
      { name: 'values.howToObtain', label: '获取方式、途径', kind: 'textarea', max: 5000 },
      { name: 'values.responsibleAgency', label: '负责公开的机关名称', kind: 'text', max: 200 },
    ],
    note: '按所选依据的模板生成答复告知书草稿，发出前可在“文书”中修改。',
  },
  submitReply: { fields: [], note: '提交机关负责人审批。' },
  approveReply: { fields: [{ name: 'comment', label: '审批意见', kind: 'textarea', max: 1000 }] },
  returnReply: { fields: [{ name: 'comment', label: '退回意见', kind: 'textarea', required: true, max: 1000 }] },
  issueReply: { fields: [], note: '发出答复告知书（不得含有“〔请填写：…〕”等待填写内容）；答复日期为所填日期。', dateLabel: '答复日期' },
  recordDelivery: {
    fields: [
      { name: 'method', label: '送达方式', kind: 'select', required: true, options: opt(deliveryMethodLabels, deliveryMethods) },
      { name: 'note', label: '备注', kind: 'textarea', max: 500 },
    ],
    dateLabel: '送达日期',
  },
};

/** Where the buttons sit: the usual next steps first, then the rest. */
export const actionOrder: readonly RequestAction[] = [
  'confirmReceipt', 'assign', 'draftReply', 'submitReply', 'approveReply', 'returnReply', 'issueReply', 'recordDelivery',
  'sendClarification', 'answerClarification', 'lapseClarification', 'sendConsultation', 'answerConsultation', 'expireConsultation',
  'approveExtension', 'sendFeeNotice', 'recordFeePayment', 'lapseFee', 'requestReason', 'sendDelayNotice',
  'transfer', 'withdraw', 'void', 'archive',
];
