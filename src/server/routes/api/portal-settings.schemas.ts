/** Schemas of the portal settings: an agency's column texts (指南 paragraphs, 制度) and the search synonym groups. */
import { Type } from '@fastify/type-provider-typebox';
import { portalTextKeys } from '../../../core/search/portal-texts.js';
import { IdSchema, NullableString } from './shared.schemas.js';

export const PortalTextParamsSchema = Type.Object({ agencyId: IdSchema });
export const PortalTextKeyParamsSchema = Type.Object({
  agencyId: IdSchema,
  key: Type.Enum([...portalTextKeys], { description: 'guide.intro 引言 · guide.scope 主动公开范围 · guide.access 获取方式 · guide.request 申请方式 · guide.remedy 监督和救济 · system 政府信息公开制度' }),
});

export const PortalTextsSchema = Type.Object({
  agency: Type.Object({ id: Type.String(), name: Type.String() }),
  texts: Type.Array(Type.Object({
    key: Type.String(), label: Type.String(),
    body: Type.String({ description: '纯文本，空行分段；空字符串表示未填写（页面使用默认文字）' }),
    updatedAt: NullableString, updatedBy: NullableString, pageUrl: Type.String({ description: '显示该段文字的门户页面' }),
  })),
  maxLength: Type.Integer(),
  canEdit: Type.Boolean({ description: '当前用户可否修改（机关负责人、监督人员、系统管理员）' }),
  guideUrl: Type.String(), systemUrl: Type.String(),
});

export const PortalTextBodySchema = Type.Object({
  body: Type.String({ maxLength: 40_000, description: '纯文本，空行分段；空字符串删除该段（恢复默认文字）' }),
}, { additionalProperties: false });

export const SynonymGroupSchema = Type.Object({ id: Type.String(), phrases: Type.Array(Type.String()), updatedAt: Type.String() });
export const SynonymGroupListSchema = Type.Object({ groups: Type.Array(SynonymGroupSchema) });
export const SynonymGroupBodySchema = Type.Object({
  phrases: Type.Array(Type.String({ maxLength: 120 }), { minItems: 1, maxItems: 40, description: '可互换的名称（2 至 20 个，每个 2 至 60 字）' }),
}, { additionalProperties: false });
export const SynonymGroupParamsSchema = Type.Object({ groupId: IdSchema });
