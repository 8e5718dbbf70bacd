/**
 * Notices sent during handling (补正告知书, 延期答复告知书, 收费通知书, 延迟答复告知书, 说明理由通知,
 * 征求意见书): title and body paragraphs with `{{placeholders}}` (letter.ts fills them).
 */

const T = '《中华人民共和国政府信息公开条例》';

export const noticeKinds = ['clarificationNotice', 'extensionNotice', 'feeNotice', 'delayNotice', 'reasonRequest', 'consultationLetter'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export interface NoticeTemplate {
  readonly title: string;
  /** Who the notice is addressed to: the applicant, or the consulted party. */
  readonly to: 'applicant' | 'addressee';
  readonly paragraphs: readonly string[];
}

const intro = '本机关于{{receivedOnText}}收到您提出的政府信息公开申请（申请编号：{{reference}}），申请获取“{{description}}”。';

export const noticeTemplates: { readonly [K in NoticeKind]: NoticeTemplate } = {
  clarificationNotice: {
    title: '政府信息公开申请补正告知书',
    to: 'applicant',
    paragraphs: [
      `${intro}经审查，您的申请内容不明确。根据${T}第三十条的规定，请您于{{clarificationDueOn}}前对以下事项作出补正：{{clarificationItems}}。`,
      '您可以通过政府信息公开平台“申请查询”页面凭查询码提交补正，也可以书面提交本机关。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ],
  },
  extensionNotice: {
    title: '政府信息公开申请延期答复告知书',
    to: 'applicant',
    paragraphs: [
      `${intro}因{{reason}}，本机关不能在规定期限内作出答复。经本机关政府信息公开工作机构负责人同意，根据${T}第三十三条第二款的规定，答复期限延长{{extensionWorkdays}}个工作日，本机关将于{{replyByText}}前作出答复。`,
    ],
  },
  feeNotice: {
    title: '政府信息公开信息处理费收费通知书',
    to: 'applicant',
    paragraphs: [
      `${intro}根据${T}第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定向您收取信息处理费人民币{{feeAmount}}元（{{feeDetail}}）。`,
      '请您自收到本通知次日起20个工作日内缴纳（缴纳方式：{{howToPay}}）。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。收费期间不计算在答复期限内。',
    ],
  },
  delayNotice: {
    title: '政府信息公开申请延迟答复告知书',
    to: 'applicant',
    paragraphs: [
      `${intro}您申请公开政府信息的数量、频次明显超过合理范围，本机关认为您说明的申请理由合理，但无法在${T}第三十三条规定的期限内答复。根据${T}第三十五条的规定，本机关确定延迟答复的合理期限为{{newReplyByText}}。{{reason?}}`,
    ],
  },
  reasonRequest: {
    title: '政府信息公开申请说明理由通知书',
    to: 'applicant',
    paragraphs: [
      `${intro}您申请公开政府信息的数量、频次明显超过合理范围。根据${T}第三十五条的规定，请您说明申请理由。{{reason?}}`,
    ],
  },
  consultationLetter: {
    title: '政府信息公开征求意见书',
    to: 'addressee',
    paragraphs: [
      '本机关于{{receivedOnText}}收到一份政府信息公开申请（申请编号：{{reference}}），申请获取“{{description}}”。该信息{{consultationReason}}。',
      '{{consultationRule}}',
    ],
  },
};

/** The second paragraph of the 征求意见书, by who is consulted. */
export const consultationRules = {
  thirdParty: `根据${T}第三十二条的规定，现书面征求贵方意见，请自收到本征求意见书之日起15个工作日内提出书面意见。逾期未提出意见的，由本机关依照${T}的规定决定是否公开。`,
  agency: `根据${T}第三十四条的规定，现征求贵机关意见，请自收到本征求意见书之日起15个工作日内提出意见。逾期未提出意见的，视为同意公开。`,
} as const;
