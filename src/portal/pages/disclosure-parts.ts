/**
 * Pieces shared by the 政府信息公开 pages: the navigation, the column's fixed parts, result lists,
 * paging, the metadata block, browse lists and the search box. All server-rendered and accessible
 * (labelled controls, lists and navigation regions with names, the current item marked).
 */
import { html, navFor, raw, type NavItem, type RawHtml } from '../layout.js';

/** The site navigation with the current page marked. */
export const portalNav = (current: string): NavItem[] => navFor(current);

export interface AgencyRef {
  readonly id: string;
  readonly name: string;
}

/** The column of an agency: URLs of its fixed parts. */
export const columnUrl = (agencyId: string, part = ''): string => `/zwgk/${encodeURIComponent(agencyId)}${part ? `/${part}` : ''}`;
export const documentUrl = (itemId: string): string => `/zwgk/doc/${encodeURIComponent(itemId)}`;

/** The fixed parts of a 政府信息公开 column, in the national guidelines' order. */
export const columnParts: readonly { readonly part: string; readonly title: string; readonly description: string }[] = [
  { part: 'guide', title: '政府信息公开指南', description: '公开的范围、方式、程序，申请的受理机构、联系方式和救济途径。' },
  { part: 'system', title: '政府信息公开制度', description: '本机关政府信息公开工作的制度规定。' },
  { part: 'catalog', title: '法定主动公开内容', description: '按《条例》第二十条、主题分类、体裁和年份浏览主动公开的政府信息。' },
  { part: 'reports', title: '政府信息公开年报', description: '历年政府信息公开工作年度报告，可下载 Word、PDF 和 JSON 格式。' },
  { part: 'apply', title: '依申请公开', description: '在线提出政府信息公开申请，查询办理进度和答复。' },
];

export function columnCards(agencyId: string, headingLevel: 2 | 3 = 2): RawHtml {
  const h = headingLevel === 2 ? ['<h2>', '</h2>'] : ['<h3>', '</h3>'];
  return html`<ul class="entry-list column-parts">
  ${columnParts.map((p) => html`<li class="card entry">${raw(h[0]!)}<a href="${columnUrl(agencyId, p.part)}">${p.title}</a>${raw(h[1]!)}<p>${p.description}</p></li>`)}
</ul>`;
}

/** The column's own navigation (its fixed parts), with the current one marked. */
export function columnNav(agency: AgencyRef, current: string): RawHtml {
  return html`<nav class="column-nav" aria-label="${agency.name}政府信息公开栏目"><ul>
  <li><a href="${columnUrl(agency.id)}"${current === '' ? raw(' aria-current="page"') : ''}>栏目首页</a></li>
  ${columnParts.map((p) => html`<li><a href="${columnUrl(agency.id, p.part)}"${current === p.part ? raw(' aria-current="page"') : ''}>${p.title}</a></li>`)}
</ul></nav>`;
}

export const columnCrumbs = (agency: AgencyRef, last?: { href: string; label: string }, extra: readonly NavItem[] = []): NavItem[] => [
  { href: '/', label: '首页' },
  { href: '/zwgk', label: '政府信息公开' },
  { href: columnUrl(agency.id), label: agency.name },
  ...extra,
  ...(last ? [last] : []),
];

/** One published item in a list (search results, catalog, latest items). */
export interface ListedItem {
  readonly itemId: string;
  /** Escaped HTML (may contain <mark>). */
  readonly titleHtml: string;
  /** Escaped HTML (may contain <mark>); '' for none. */
  readonly snippetHtml: string;
  readonly agencyName: string;
  readonly documentNumber: string;
  readonly indexNumber: string;
  readonly publishedOn: string;
  readonly topicLabel: string;
  readonly validity: string;
  readonly validityLabel: string;
}

export function itemList(items: readonly ListedItem[], opts: { showAgency?: boolean } = {}): RawHtml {
  return html`<ol class="item-list">
  ${items.map((i) => html`<li>
    <h3 class="item-title"><a href="${documentUrl(i.itemId)}">${raw(i.titleHtml)}</a>${i.validity !== 'valid' ? html` <span class="validity validity-${i.validity}">${i.validityLabel}</span>` : ''}</h3>
    ${i.snippetHtml ? html`<p class="item-snippet">${raw(i.snippetHtml)}</p>` : ''}
    <p class="item-meta">${opts.showAgency !== false ? html`<span>${i.agencyName}</span>` : ''}${i.documentNumber ? html`<span>${i.documentNumber}</span>` : ''}<span>发布日期：<time datetime="${i.publishedOn}">${i.publishedOn}</time></span>${i.topicLabel ? html`<span>${i.topicLabel}</span>` : ''}</p>
  </li>`)}
</ol>`;
}

/** Page links: previous, numbers around the current page, next. `href(page)` builds each URL. */
export function pagination(page: number, pageCount: number, href: (page: number) => string): RawHtml {
  if (pageCount <= 1) return html``;
  const pages = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const items: RawHtml[] = [];
  if (page > 1) items.push(html`<li><a href="${href(page - 1)}" rel="prev">上一页</a></li>`);
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) items.push(html`<li class="gap" aria-hidden="true">…</li>`);
    items.push(p === page ? html`<li><a href="${href(p)}" aria-current="page">${p}</a></li>` : html`<li><a href="${href(p)}" aria-label="第 ${p} 页">${p}</a></li>`);
  });
  if (page < pageCount) items.push(html`<li><a href="${href(page + 1)}" rel="next">下一页</a></li>`);
  return html`<nav class="pagination" aria-label="分页"><ul>${items}</ul></nav>`;
}

/** A URL with query parameters (empty values dropped). */
export function withQuery(path: string, params: Readonly<Record<string, string | number | undefined | null>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** A definition list of label/value pairs (values may be RawHtml); empty values shown as "—". */
export function factList(facts: readonly (readonly [string, string | RawHtml | null | undefined])[], className = 'meta-block'): RawHtml {
  return html`<dl class="${className}">${facts.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value === null || value === undefined || value === '' ? '—' : value}</dd></div>`)}</dl>`;
}

export const formatBytes = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.ceil(n / 1024)} KB` : `${n} 字节`);

/** The search box (GET /search), optionally limited to an agency. */
export function searchBox(opts: { q?: string; agencyId?: string; label?: string; id?: string } = {}): RawHtml {
  const id = opts.id ?? 'site-q';
  return html`<form class="search-box" method="get" action="/search" role="search" aria-label="${opts.label ?? '全文检索'}">
  <label for="${id}">${opts.label ?? '全文检索'}</label>
  <div class="search-row">
    <input type="search" id="${id}" name="q" value="${opts.q ?? ''}" maxlength="100" placeholder="标题、文号或关键词，如：低保">
    ${opts.agencyId ? html`<input type="hidden" name="agency" value="${opts.agencyId}">` : ''}
    <button type="submit">检索</button>
  </div>
</form>`;
}
