/**
 * Checking what an applicant (or staff on their behalf) submits, 条例第二十九条: name, 身份证明 and
 * contact; the information wanted (名称、文号或者特征性描述); the form and way of obtaining it; plus
 * the applicant kind (table-三 column) and the channel (第三十一条). Pure: returns the normalized
 * request or the problems by field, in Chinese, for the form to show next to each field.
 */
import { checkIdNumber, idDocumentLabels, isIdDocumentType, organizationDocumentTypes, personDocumentTypes, type IdDocumentType } from '../people/id-documents.js';
import {
  isApplicantKind, isRequestChannel, wantedDeliveries, wantedForms, type Applicant, type RequestChannel, type WantedDelivery, type WantedForm,
} from './request.js';

/** Raw submitted fields (strings from a form or JSON). */
export interface IntakeFields {
  readonly applicantKind?: unknown;
  readonly name?: unknown;
  readonly idType?: unknown;
  readonly idNumber?: unknown;
  readonly contactPerson?: unknown;
  readonly phone?: unknown;
  readonly email?: unknown;
  readonly address?: unknown;
  readonly postalCode?: unknown;
  readonly description?: unknown;
  readonly documentNumber?: unknown;
  readonly wantedForm?: unknown;
  readonly wantedDelivery?: unknown;
  readonly channel?: unknown;
}

export interface IntakeRequest {
  readonly applicant: Applicant;
  readonly description: string;
  readonly documentNumber: string;
  readonly wantedForm: WantedForm;
  readonly wantedDelivery: WantedDelivery;
  readonly channel: RequestChannel;
}

/** A problem with one field (`field` = the form field name). */
export interface FieldProblem {
  readonly field: keyof IntakeFields;
  readonly message: string;
}

export interface IntakeCheck {
  readonly value: IntakeRequest | null;
  readonly problems: readonly FieldProblem[];
}

export const intakeLimits = { name: 100, idNumber: 50, contactPerson: 50, phone: 30, email: 100, address: 200, description: 2000, documentNumber: 100 } as const;

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^[0-9+()\- ]{6,30}$/;

/** Checks the fields; `today` ('YYYY-MM-DD') bounds a 身份证 birth date. */
export function checkIntake(fields: IntakeFields, today?: string): IntakeCheck {
  const problems: FieldProblem[] = [];
  const bad = (field: keyof IntakeFields, message: string) => problems.push({ field, message });
  const text = (field: keyof IntakeFields, label: string, max: number, required: boolean): string => {
    const v = str(fields[field]);
    if (required && v.length === 0) bad(field, `请填写${label}`);
    else if ([...v].length > max) bad(field, `${label}不能超过 ${max} 个字`);
    return v;
  };

  const kindRaw = fields.applicantKind;
  const kind = isApplicantKind(kindRaw) ? kindRaw : null;
  if (!kind) bad('applicantKind', '请选择申请人类型（自然人或法人、其他组织的类别）');
  const isPerson = kind === 'naturalPerson';
  const name = text('name', isPerson ? '姓名' : '名称', intakeLimits.name, true);

  const idTypeRaw = fields.idType;
  let idType: IdDocumentType | null = isIdDocumentType(idTypeRaw) ? idTypeRaw : null;
  if (idType && kind) {
    const allowed = isPerson ? personDocumentTypes : organizationDocumentTypes;
    if (!allowed.includes(idType)) {
      bad('idType', isPerson ? '自然人请选择个人身份证件' : `法人或其他组织请选择“${idDocumentLabels.creditCode}”或“${idDocumentLabels.other}”`);
      idType = null;
    }
  } else if (!idType) bad('idType', '请选择身份证明的类型');
  let idNumber = text('idNumber', '证件号码', intakeLimits.idNumber, true);
  if (idType && idNumber) {
    const c = checkIdNumber(idType, idNumber, today);
    idNumber = c.normalized;
    if (c.problem) bad('idNumber', c.problem);
  }

  const contactPerson = text('contactPerson', '联系人', intakeLimits.contactPerson, !isPerson && kind !== null);
  const phone = text('phone', '联系电话', intakeLimits.phone, false);
  const email = text('email', '电子邮箱', intakeLimits.email, false);
  const address = text('address', '通信地址', intakeLimits.address, false);
  const postalCode = text('postalCode', '邮政编码', 6, false);
  if (phone && !phonePattern.test(phone)) bad('phone', '联系电话只能包含数字、空格、括号、加号和连字符');
  if (email && !emailPattern.test(email)) bad('email', '电子邮箱格式不正确');
  if (postalCode && !/^\d{6}$/.test(postalCode)) bad('postalCode', '邮政编码应为6位数字');
  if (!phone && !email && !address) bad('phone', '请至少填写一种联系方式（电话、电子邮箱或通信地址）');

  const description = text('description', '所需政府信息的名称或特征性描述', intakeLimits.description, true);
  if (description && [...description].length < 4) bad('description', '请具体描述所需的政府信息（名称、文号或便于查询的特征）');
  const documentNumber = text('documentNumber', '文号', intakeLimits.documentNumber, false);

  const form = fields.wantedForm;
  const wantedForm = (wantedForms as readonly unknown[]).includes(form) ? (form as WantedForm) : null;
  if (!wantedForm) bad('wantedForm', '请选择所需信息的形式（纸质或电子）');
  const delivery = fields.wantedDelivery;
  const wantedDelivery = (wantedDeliveries as readonly unknown[]).includes(delivery) ? (delivery as WantedDelivery) : null;
  if (!wantedDelivery) bad('wantedDelivery', '请选择获取信息的方式');
  if (wantedDelivery === 'mail' && !address) bad('address', '选择邮寄时请填写通信地址');
  if (wantedDelivery === 'email' && !email) bad('email', '选择电子邮件时请填写电子邮箱');
  if (wantedForm === 'paper' && (wantedDelivery === 'email' || wantedDelivery === 'online')) {
    bad('wantedDelivery', '纸质文本只能邮寄或自行领取；电子邮件、在线查看请选择电子文本');
  }

  const channelRaw = fields.channel ?? 'internet';
  const channel = isRequestChannel(channelRaw) ? channelRaw : null;
  if (!channel) bad('channel', '申请渠道不正确');

  if (problems.length > 0 || !kind || !idType || !wantedForm || !wantedDelivery || !channel) return { value: null, problems };
  return {
    value: {
      applicant: { kind, name, idType, idNumber, contactPerson, phone, email, address, postalCode },
      description, documentNumber, wantedForm, wantedDelivery, channel,
    },
    problems,
  };
}
