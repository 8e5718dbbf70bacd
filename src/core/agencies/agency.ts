/**
 * Agencies (机关) form a tree: a government, its departments, its towns and sub-districts. Each has
 * the disclosure-office details the 政府信息公开指南 must give (条例第十二条).
 */
export const agencyKinds = ['government', 'department', 'town', 'subdistrict', 'other'] as const;

/** 人民政府 · 政府部门 · 乡镇 · 街道 · 其他机关 */
export type AgencyKind = (typeof agencyKinds)[number];

export const agencyKindLabels: { readonly [K in AgencyKind]: string } = {
  government: '人民政府',
  department: '政府部门',
  town: '乡镇人民政府',
  subdistrict: '街道办事处',
  other: '其他机关',
};

/** 政府信息公开工作机构 details (第十二条); every field may be blank until filled in. */
export interface DisclosureOffice {
  /** 工作机构名称 */
  readonly officeName: string;
  /** 办公地址 */
  readonly address: string;
  /** 办公时间 */
  readonly officeHours: string;
  /** 联系电话 */
  readonly phone: string;
  /** 传真号码 */
  readonly fax: string;
  /** 电子邮箱 */
  readonly email: string;
  /** 互联网联系方式（网站、在线申请入口） */
  readonly website: string;
  /** 邮政编码 */
  readonly postalCode: string;
}

export const disclosureOfficeFields = ['officeName', 'address', 'officeHours', 'phone', 'fax', 'email', 'website', 'postalCode'] as const;

export const disclosureOfficeLabels: { readonly [K in keyof DisclosureOffice]: string } = {
  officeName: '工作机构名称',
  address: '办公地址',
  officeHours: '办公时间',
  phone: '联系电话',
  fax: '传真号码',
  email: '电子邮箱',
  website: '互联网联系方式',
  postalCode: '邮政编码',
};

export interface Agency {
  readonly id: string;
  readonly parentId: string | null;
  /** Materialized path of ids from the root, e.g. "/root/dept/" (ends with the agency's own id). */
  readonly path: string;
  readonly kind: AgencyKind;
  /** Full official name, unique (e.g. 重庆市梁平区人民政府). */
  readonly name: string;
  /** Short name for lists (e.g. 区住房城乡建委); defaults to the name. */
  readonly shortName: string;
  /** 统一社会信用代码 (optional). */
  readonly creditCode: string;
  readonly sortOrder: number;
  readonly office: DisclosureOffice;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Depth in the tree: 0 for a root. */
export const agencyDepth = (agency: Pick<Agency, 'path'>): number => agency.path.split('/').filter(Boolean).length - 1;

export const emptyDisclosureOffice: DisclosureOffice = {
  officeName: '',
  address: '',
  officeHours: '',
  phone: '',
  fax: '',
  email: '',
  website: '',
  postalCode: '',
};
