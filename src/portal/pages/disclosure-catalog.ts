/**
 * 法定主动公开内容: an agency's catalog (政府信息公开目录: 索引号、名称、内容概述、生成日期), browsable
 * by 第二十条 item, 主题分类, 体裁, year and 有效性 (links with counts; works without JavaScript), paged.
 */
import { html, raw, renderPage, type RawHtml } from '../layout.js';
import { columnCrumbs, columnNav, columnUrl, documentUrl, pagination, portalNav, withQuery, type AgencyRef } from './disclosure-parts.js';

export interface CatalogFilters {
  readonly item?: number;
  readonly topic?: string;
  readonly genre?: string;
  readonly year?: number;
  readonly validity?: string;
}

export interface FacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export interface CatalogRow {
  readonly itemId: string;
  readonly title: string;
  readonly indexNumber: string;
  readonly documentNumber: string;
  readonly summary: string;
  readonly writtenOn: string | null;
  readonly publishedOn: string;
  readonly validity: string;
  readonly validityLabel: string;
}

export interface CatalogPageInput {
  readonly agency: AgencyRef;
  readonly filters: CatalogFilters;
  readonly facets: {
    readonly item: readonly FacetValue[];
    readonly topic: readonly FacetValue[];
    readonly genre: readonly FacetValue[];
    readonly year: readonly FacetValue[];
    readonly validity: readonly FacetValue[];
  };
  readonly rows: readonly CatalogRow[];
  readonly total: number;
  /** False when the count is an estimate or stopped at its cap ("约 N 条"). */
  readonly totalIsExact: boolean;
  readonly page: number;
  readonly pageCount: number;
}

const facetTitles: Readonly<Record<keyof CatalogPageInput['facets'], string>> = {
  item: '按《条例》第二十条', topic: '按主题分类', genre: '按体裁', year: '按年份', validity: '按有效性',
};

export function catalogHref(agencyId: string, f: CatalogFilters, page?: number): string {
  return withQuery(columnUrl(agencyId, 'catalog'), { item: f.item, topic: f.topic, genre: f.genre, year: f.year, validity: f.validity, page: page && page > 1 ? page : undefined });
}

function facetNav(agencyId: string, key: keyof CatalogPageInput['facets'], values: readonly FacetValue[], filters: CatalogFilters): RawHtml {
  if (values.length === 0) return html``;
  const current = filters[key] === undefined ? '' : String(filters[key]);
  const link = (value: string | undefined, label: string, count?: number) => {
    const selected = (value ?? '') === current;
    const href = catalogHref(agencyId, { ...filters, [key]: value === undefined ? undefined : key === 'item' || key === 'year' ? Number(value) : value });
    return html`<li><a href="${href}"${selected ? raw(' aria-current="true"') : ''}>${label}${count !== undefined ? html` <span class="count">(${count})</span>` : ''}</a></li>`;
  };
  return html`<nav class="facet" aria-labelledby="facet-${key}">
  <h3 id="facet-${key}">${facetTitles[key]}</h3>
  <ul>${link(undefined, '全部')}${values.map((v) => link(v.value, v.label, v.count))}</ul>
</nav>`;
}

export function renderCatalogPage(c: CatalogPageInput): string {
  const a = c.agency;
  const active = Object.values(c.filters).some((v) => v !== undefined);
  const body = html`<h1>${a.name}法定主动公开内容</h1>
${columnNav(a, 'catalog')}
<div class="catalog">
  <aside class="catalog-facets" aria-labelledby="facets-heading">
    <h2 id="facets-heading">分类浏览</h2>
    ${(Object.keys(facetTitles) as (keyof CatalogPageInput['facets'])[]).map((k) => facetNav(a.id, k, c.facets[k], c.filters))}
  </aside>
  <section class="catalog-list" aria-labelledby="list-heading">
    <h2 id="list-heading">政府信息公开目录</h2>
    <p role="status">${c.totalIsExact ? html`共 ${c.total} 条` : html`约 ${c.total} 条（可按年份或分类缩小范围）`}${active ? html`（已筛选，<a href="${columnUrl(a.id, 'catalog')}">清除筛选</a>）` : ''}${c.pageCount > 1 ? html`，第 ${c.page} / ${c.pageCount} 页` : ''}</p>
    ${c.rows.length > 0 ? html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="catalog-caption"><table class="catalog-table">
      <caption id="catalog-caption">政府信息公开目录（索引号、名称、内容概述、生成日期）</caption>
      <thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">文号</th><th scope="col">成文日期</th><th scope="col">发布日期</th></tr></thead>
      <tbody>${c.rows.map((r) => html`<tr>
        <td class="nowrap">${r.indexNumber}</td>
        <th scope="row" class="catalog-title"><a href="${documentUrl(r.itemId)}">${r.title}</a>${r.validity !== 'valid' ? html` <span class="validity validity-${r.validity}">${r.validityLabel}</span>` : ''}${r.summary ? html`<span class="summary">${r.summary}</span>` : ''}</th>
        <td class="nowrap">${r.documentNumber || '—'}</td>
        <td class="nowrap">${r.writtenOn ?? '—'}</td>
        <td class="nowrap"><time datetime="${r.publishedOn}">${r.publishedOn}</time></td>
      </tr>`)}</tbody>
    </table></div>` : html`<p class="notice">没有符合条件的政府信息。</p>`}
    ${pagination(c.page, c.pageCount, (p) => catalogHref(a.id, c.filters, p))}
  </section>
</div>`;
  return renderPage({
    title: `${a.name}法定主动公开内容${c.page > 1 ? `（第${c.page}页）` : ''}`, description: `${a.name}政府信息公开目录`, nav: portalNav('/zwgk'),
    breadcrumbs: columnCrumbs(a, { href: columnUrl(a.id, 'catalog'), label: '法定主动公开内容' }), body,
  });
}
