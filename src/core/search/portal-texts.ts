/**
 * The editable texts of an agency's 政府信息公开 column (stored in portal_text, plain text; blank
 * lines separate paragraphs): the 指南's own paragraphs and the 制度 page.
 */
export const portalTextKeys = ['guide.intro', 'guide.scope', 'guide.access', 'guide.request', 'guide.remedy', 'system'] as const;
export type PortalTextKey = (typeof portalTextKeys)[number];

export const portalTextLabels: { readonly [K in PortalTextKey]: string } = {
  'guide.intro': '指南：引言',
  'guide.scope': '指南：主动公开范围',
  'guide.access': '指南：获取方式',
  'guide.request': '指南：申请方式',
  'guide.remedy': '指南：监督和救济',
  system: '政府信息公开制度',
};

export const maxPortalTextLength = 20_000;
