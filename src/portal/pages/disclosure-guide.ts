/**
 * 政府信息公开指南 (条例第十二条: 分类、编排体系、获取方式、工作机构名称、办公地址、办公时间、联系电话、
 * 传真号码、互联网联系方式) generated from the agency's office details and the catalog's vocabularies,
 * with the agency's own paragraphs (plain text) where it wrote them; and 政府信息公开制度.
 */
import type { DisclosureOffice } from '../../core/agencies/agency.js';
import { html, renderPage, type RawHtml } from '../layout.js';
import { columnCrumbs, columnNav, columnUrl, factList, portalNav, type AgencyRef } from './disclosure-parts.js';

import type { PortalTextKey } from '../../core/search/portal-texts.js';

export interface GuidePageInput {
  readonly agency: AgencyRef;
  readonly office: DisclosureOffice;
  /** The 上一级 body for complaints (第五十一条), or null at the top. */
  readonly parentName: string | null;
  /** 第二十条 items (labels) and 主题分类 labels in use. */
  readonly article20Items: readonly string[];
  readonly topics: readonly string[];
  readonly texts: Partial<Record<PortalTextKey, string>>;
  /** When the guide's data last changed (YYYY-MM-DD). */
  readonly updatedOn: string | null;
  /** Absolute or site URL of the column (获取方式). */
  readonly columnHref: string;
}

/** Plain text → paragraphs (blank lines separate them), escaped. */
export const paragraphs = (text: string | undefined): RawHtml =>
  html`${(text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => html`<p>${p}</p>`)}`;

export function renderGuidePage(g: GuidePageInput): string {
  const a = g.agency;
  const o = g.office;
  const t = g.texts;
  const body = html`<h1>${a.name}政府信息公开指南</h1>
${columnNav(a, 'guide')}
<div class="guide card">
${t['guide.intro'] ? paragraphs(t['guide.intro']) : html`<p>为了更好地提供政府信息公开服务，保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。需要获得${a.name}政府信息公开服务的公民、法人或者其他组织，建议阅读本指南。</p>`}
${g.updatedOn ? html`<p class="muted">本指南依据本机关最新信息生成，更新日期：<time datetime="${g.updatedOn}">${g.updatedOn}</time>。</p>` : ''}
<h2>一、主动公开</h2>
<h3>（一）公开范围</h3>
${t['guide.scope'] ? paragraphs(t['guide.scope']) : html`<p>本机关依照《条例》第十九条、第二十条等规定，主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息。</p>`}
<h3>（二）分类和编排体系</h3>
<p>主动公开的政府信息按《条例》第二十条规定的内容分类：</p>
<ol class="guide-items">${g.article20Items.map((i) => html`<li>${i}</li>`)}</ol>
${g.topics.length > 0 ? html`<p>同时按主题分类编排：${g.topics.join('、')}。</p>` : ''}
<p>每条政府信息标注索引号、名称、内容概述、发布机构、成文日期、发布日期、文号和有效性，按发布日期由近及远排列（政府信息公开目录）。</p>
<h3>（三）获取方式</h3>
${t['guide.access'] ? paragraphs(t['guide.access']) : ''}
<p>本机关主动公开的政府信息通过本平台“<a href="${g.columnHref}">${a.name}政府信息公开</a>”栏目发布，可在线查阅、检索和下载；也可到本机关政府信息公开工作机构查阅。</p>
<h3>（四）公开时限</h3>
<p>属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开（《条例》第二十六条）。法律、法规对期限另有规定的，从其规定。</p>
<h2>二、依申请公开</h2>
<h3>（一）受理机构</h3>
${factList([
  ['工作机构名称', o.officeName], ['办公地址', o.address], ['办公时间', o.officeHours], ['联系电话', o.phone], ['传真号码', o.fax],
  ['电子邮箱', o.email ? html`<a href="mailto:${o.email}">${o.email}</a>` : ''], ['互联网联系方式', /^https?:\/\//.test(o.website) ? html`<a href="${o.website}">${o.website}</a>` : o.website],
  ['邮政编码', o.postalCode],
], 'meta-block office-facts')}
<h3>（二）申请方式</h3>
${t['guide.request'] ? paragraphs(t['guide.request']) : ''}
<p>申请人可以通过本平台<a href="/apply?agencyId=${encodeURIComponent(a.id)}">在线提交申请</a>，也可以通过信函、传真或者当面提交书面申请；采用书面形式确有困难的，可以口头提出，由受理机构代为填写。申请应当包括申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式、途径（《条例》第二十九条）。提交后可凭查询码<a href="/track">查询办理进度</a>。</p>
<h3>（三）答复期限和费用</h3>
<p>能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（《条例》第三十三条）。提供政府信息不收取费用；申请数量、频次明显超过合理范围的，可以依照《政府信息公开信息处理费管理办法》收取信息处理费（《条例》第四十二条）。</p>
<h2>三、监督和救济</h2>
${t['guide.remedy'] ? paragraphs(t['guide.remedy']) : ''}
<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向${g.parentName ?? '上一级行政机关'}或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>
</div>`;
  return renderPage({
    title: `${a.name}政府信息公开指南`, description: `${a.name}政府信息公开指南：公开范围、获取方式、受理机构和联系方式`, nav: portalNav('/zwgk'),
    breadcrumbs: columnCrumbs(a, { href: columnUrl(a.id, 'guide'), label: '政府信息公开指南' }), body,
  });
}

export function renderSystemPage(input: { agency: AgencyRef; text: string | undefined }): string {
  const a = input.agency;
  const body = html`<h1>${a.name}政府信息公开制度</h1>
${columnNav(a, 'system')}
<div class="card">
${input.text ? paragraphs(input.text) : html`<p>本机关依照《中华人民共和国政府信息公开条例》（国务院令第711号）开展政府信息公开工作，建立健全政府信息公开审查（保密审查、发布审查）、主动公开、依申请公开、年度报告等工作制度。</p>`}
<h2>主要依据</h2>
<ul>
  <li>《中华人民共和国政府信息公开条例》（国务院令第711号）</li>
  <li>《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）</li>
  <li>《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）</li>
</ul>
</div>`;
  return renderPage({
    title: `${a.name}政府信息公开制度`, nav: portalNav('/zwgk'), breadcrumbs: columnCrumbs(a, { href: columnUrl(a.id, 'system'), label: '政府信息公开制度' }), body,
  });
}
