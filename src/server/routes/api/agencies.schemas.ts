/** Schemas of /api/agencies. */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { agencyKinds } from '../../../core/agencies/agency.js';
import { IdSchema, NullableString } from './shared.schemas.js';

export const AgencyKindSchema = Type.Enum([...agencyKinds], { description: 'government 人民政府 · department 政府部门 · town 乡镇 · subdistrict 街道 · other 其他' });

const field = (description: string, maxLength = 200) => Type.String({ maxLength, description });

/** 政府信息公开工作机构 (第十二条). */
export const DisclosureOfficeSchema = Type.Object({
  officeName: field('工作机构名称'),
  address: field('办公地址'),
  officeHours: field('办公时间'),
  phone: field('联系电话', 100),
  fax: field('传真号码', 100),
  email: field('电子邮箱', 200),
  website: field('互联网联系方式', 300),
  postalCode: field('邮政编码', 20),
});
export const DisclosureOfficePatchSchema = Type.Partial(DisclosureOfficeSchema, { additionalProperties: false });

export const AgencySchema = Type.Object({
  id: Type.String(),
  parentId: NullableString,
  kind: AgencyKindSchema,
  name: Type.String({ description: '机关全称' }),
  shortName: Type.String({ description: '简称' }),
  creditCode: Type.String({ description: '统一社会信用代码' }),
  sortOrder: Type.Integer(),
  depth: Type.Integer({ description: '在机关树中的层级，根为 0' }),
  office: DisclosureOfficeSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type AgencyView = Static<typeof AgencySchema>;

export const AgencyDirectoryEntrySchema = Type.Object({
  id: Type.String(),
  parentId: NullableString,
  kind: AgencyKindSchema,
  name: Type.String(),
  shortName: Type.String(),
});
export type AgencyDirectoryEntryView = Static<typeof AgencyDirectoryEntrySchema>;

export const AgencyListSchema = Type.Object({ agencies: Type.Array(AgencySchema) });
export const AgencyDirectorySchema = Type.Object({ agencies: Type.Array(AgencyDirectoryEntrySchema) });
export const AgencyParamsSchema = Type.Object({ agencyId: IdSchema });

export const CreateAgencyBodySchema = Type.Object(
  {
    parentId: Type.Union([IdSchema, Type.Null()]),
    kind: AgencyKindSchema,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    shortName: Type.Optional(Type.String({ maxLength: 50 })),
    creditCode: Type.Optional(Type.String({ maxLength: 30 })),
    sortOrder: Type.Optional(Type.Integer({ minimum: -100000, maximum: 100000 })),
    office: Type.Optional(DisclosureOfficePatchSchema),
  },
  { additionalProperties: false },
);
export type CreateAgencyBody = Static<typeof CreateAgencyBodySchema>;

export const UpdateAgencyBodySchema = Type.Partial(CreateAgencyBodySchema, {
  additionalProperties: false,
  description: '机关负责人（本机关）和主管部门（所辖机关）只能修改 shortName 和 office；其余字段仅系统管理员可改',
});
export type UpdateAgencyBody = Static<typeof UpdateAgencyBodySchema>;
