/**
 * A disclosure request (政府信息公开申请) as the domain sees it: who asked (the applicant kinds ARE the
 * table-三 columns), how it came in (the 第三十一条 channels), what was asked and in which form.
 */
import type { IdDocumentType } from '../people/id-documents.js';
import type { OutcomeKey } from './outcomes.js';
import type { RequestStatus } from './states.js';

/** Table-三 columns 1–6: 自然人 and the five kinds of 法人或其他组织. */
export const applicantKinds = ['naturalPerson', 'commercial', 'research', 'nonprofit', 'legalService', 'other'] as const;
export type ApplicantKind = (typeof applicantKinds)[number];
export const applicantKindLabels: { readonly [K in ApplicantKind]: string } = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legalService: '法律服务机构',
  other: '其他法人或其他组织',
};
export const isApplicantKind = (v: unknown): v is ApplicantKind => typeof v === 'string' && (applicantKinds as readonly string[]).includes(v);

/**
 * How the request arrived (第二十九条, 第三十一条): inPerson 当面提交 · registeredMail 邮寄（需签收） ·
 * ordinaryMail 平常信函 · internet 互联网（本平台） · email 电子邮件 · fax 传真.
 */
export const requestChannels = ['inPerson', 'registeredMail', 'ordinaryMail', 'internet', 'email', 'fax'] as const;
export type RequestChannel = (typeof requestChannels)[number];
export const requestChannelLabels: { readonly [C in RequestChannel]: string } = {
  inPerson: '当面提交',
  registeredMail: '邮寄（需签收）',
  ordinaryMail: '平常信函',
  internet: '互联网',
  email: '电子邮件',
  fax: '传真',
};
export const isRequestChannel = (v: unknown): v is RequestChannel => typeof v === 'string' && (requestChannels as readonly string[]).includes(v);

/**
 * 第三十一条: for these channels the 收到申请之日 is the day the receipt is confirmed with the applicant
 * (a confirmation event); for the others it is the day of submission (当面) or of signing for the mail.
 */
export const channelNeedsConfirmation = (c: RequestChannel): boolean => c === 'ordinaryMail' || c === 'internet' || c === 'email' || c === 'fax';

/** The 第三十一条 item that fixes the receipt date of a channel (for letters and the timeline). */
export const channelReceiptRule: { readonly [C in RequestChannel]: string } = {
  inPerson: '第三十一条第（一）项：当面提交的，以提交之日为收到申请之日',
  registeredMail: '第三十一条第（二）项：以邮寄方式提交的，以行政机关签收之日为收到申请之日',
  ordinaryMail: '第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日',
  internet: '第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日',
  email: '第三十一条第（三）项：通过互联网渠道（电子邮件）提交的，以双方确认之日为收到申请之日',
  fax: '第三十一条第（三）项：通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日',
};

/** 第二十九条第（三）项: the form wanted (纸质 / 电子). */
export const wantedForms = ['paper', 'electronic'] as const;
export type WantedForm = (typeof wantedForms)[number];
export const wantedFormLabels: { readonly [F in WantedForm]: string } = { paper: '纸质文本', electronic: '电子文本' };

/** How the applicant wants to obtain it: 邮寄 / 电子邮件 / 自行领取 / 在线查看. */
export const wantedDeliveries = ['mail', 'email', 'pickup', 'online'] as const;
export type WantedDelivery = (typeof wantedDeliveries)[number];
export const wantedDeliveryLabels: { readonly [D in WantedDelivery]: string } = {
  mail: '邮寄', email: '电子邮件', pickup: '自行领取', online: '在线查看',
};

export interface Applicant {
  readonly kind: ApplicantKind;
  /** 姓名或者名称. */
  readonly name: string;
  readonly idType: IdDocumentType;
  readonly idNumber: string;
  /** An organisation's 联系人 (or 法定代表人); empty for a natural person. */
  readonly contactPerson: string;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
  readonly postalCode: string;
}

/** The stored request (full personal data: only for staff who reach its agency). */
export interface DisclosureRequest {
  readonly id: string;
  readonly agencyId: string;
  /** 申请编号, e.g. "2026-000123". */
  readonly reference: string;
  readonly status: RequestStatus;
  readonly version: number;
  readonly channel: RequestChannel;
  /** 口头提出、代为填写 (第二十九条). */
  readonly oral: boolean;
  readonly arrivedAt: string;
  readonly arrivedOn: string;
  readonly receivedOn: string | null;
  readonly applicant: Applicant;
  readonly description: string;
  readonly documentNumber: string;
  readonly wantedForm: WantedForm;
  readonly wantedDelivery: WantedDelivery;
  readonly assigneeId: string | null;
  readonly outcome: OutcomeKey | null;
  readonly outcomeBasis: string | null;
  readonly repliedOn: string | null;
  readonly closedAt: string | null;
  readonly transferredFromId: string | null;
  readonly replyBy: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}
