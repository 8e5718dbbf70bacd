/**
 * The 政府信息公开 platform (/zwgk: the government's column and every department's and town's own
 * column) and one agency's column (/zwgk/<agency>: its fixed parts, latest items, its sub-agencies).
 */
import { html, renderPage, type RawHtml } from '../layout.js';
import { columnCards, columnCrumbs, columnNav, columnUrl, itemList, portalNav, searchBox, type AgencyRef, type ListedItem } from './disclosure-parts.js';

export interface ColumnAgency extends AgencyRef {
  readonly kind: string;
  readonly kindLabel: string;
  /** Published items of its own. */
  readonly itemCount: number;
}

export interface DisclosureHomeInput {
  /** The governments at the top of the tree (usually one). */
  readonly governments: readonly ColumnAgency[];
  /** Departments, towns and sub-districts under them, grouped. */
  readonly groups: readonly { readonly title: string; readonly agencies: readonly ColumnAgency[] }[];
  readonly latest: readonly ListedItem[];
  readonly totalItems: number;
}

const agencyLinks = (agencies: readonly ColumnAgency[]): RawHtml => html`<ul class="agency-columns">
  ${agencies.map((a) => html`<li><a href="${columnUrl(a.id)}">${a.name}</a> <span class="muted">（${a.itemCount} 条）</span></li>`)}
</ul>`;

export function renderDisclosureHomePage(input: DisclosureHomeInput): string {
  const body = html`<h1>政府信息公开</h1>
<p class="lead">依据《中华人民共和国政府信息公开条例》，集中发布本级人民政府及其部门、乡镇（街道）主动公开的政府信息，提供检索、查阅和下载。现有主动公开信息 ${input.totalItems} 条。</p>
${searchBox({ id: 'zwgk-q' })}
${input.governments.map((g) => html`<section aria-labelledby="gov-${g.id}">
  <h2 id="gov-${g.id}">${g.name}</h2>
  ${columnCards(g.id, 3)}
</section>`)}
${input.groups.filter((g) => g.agencies.length > 0).map((g, i) => html`<section aria-labelledby="group-${i}">
  <h2 id="group-${i}">${g.title}</h2>
  ${agencyLinks(g.agencies)}
</section>`)}
<section aria-labelledby="latest-heading">
  <h2 id="latest-heading">最新公开</h2>
  ${input.latest.length > 0 ? itemList(input.latest) : html`<p class="muted">暂无主动公开的政府信息。</p>`}
</section>`;
  return renderPage({ title: '政府信息公开', description: '政府信息公开平台：政府信息公开指南、制度、法定主动公开内容、年报和依申请公开', nav: portalNav('/zwgk'), body });
}

export interface ColumnPageInput {
  readonly agency: ColumnAgency;
  readonly parent: AgencyRef | null;
  readonly children: readonly ColumnAgency[];
  readonly latest: readonly ListedItem[];
}

export function renderColumnPage(input: ColumnPageInput): string {
  const a = input.agency;
  const body = html`<h1>${a.name}政府信息公开</h1>
${columnNav(a, '')}
${searchBox({ agencyId: a.id, label: `在${a.name}范围内检索`, id: 'column-q' })}
<section aria-labelledby="parts-heading">
  <h2 id="parts-heading">栏目</h2>
  ${columnCards(a.id, 3)}
</section>
${input.children.length > 0 ? html`<section aria-labelledby="children-heading">
  <h2 id="children-heading">下级机关政府信息公开</h2>
  ${agencyLinks(input.children)}
</section>` : ''}
<section aria-labelledby="latest-heading">
  <h2 id="latest-heading">最新公开</h2>
  ${input.latest.length > 0 ? itemList(input.latest, { showAgency: false }) : html`<p class="muted">暂无主动公开的政府信息。</p>`}
  <p><a href="${columnUrl(a.id, 'catalog')}">查看全部法定主动公开内容（${a.itemCount} 条）</a></p>
</section>`;
  return renderPage({
    title: `${a.name}政府信息公开`,
    description: `${a.name}政府信息公开栏目`,
    nav: portalNav('/zwgk'),
    breadcrumbs: columnCrumbs(a).slice(0, -1).concat([{ href: columnUrl(a.id), label: a.name }]),
    body,
  });
}
