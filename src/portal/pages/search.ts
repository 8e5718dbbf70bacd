/**
 * 全文检索: the search form (keywords, agency with its subordinate bodies, 主题分类, year, 有效性,
 * order) and the results — titles and snippets with the matches marked, paged. A GET form, so it
 * works without JavaScript and every result page has its own URL.
 */
import { html, raw, renderPage, type RawHtml } from '../layout.js';
import { itemList, pagination, portalNav, withQuery, type ListedItem } from './disclosure-parts.js';

export interface SearchForm {
  readonly q: string;
  readonly agency: string;
  readonly topic: string;
  readonly year: string;
  readonly validity: string;
  readonly sort: 'relevance' | 'date';
}

export interface SearchPageInput {
  readonly form: SearchForm;
  readonly agencies: readonly { readonly id: string; readonly name: string; readonly depth: number }[];
  readonly topics: readonly (readonly [string, string])[];
  readonly years: readonly number[];
  readonly validities: readonly (readonly [string, string])[];
  /** null before a search (empty form). */
  readonly results: {
    readonly items: readonly ListedItem[];
    readonly total: number;
    readonly totalIsExact: boolean;
    readonly page: number;
    readonly pageCount: number;
  } | null;
  /** A problem with the input, shown instead of results. */
  readonly error?: string;
}

const options = (list: readonly (readonly [string, string])[], selected: string, all: string): RawHtml =>
  html`<option value="">${all}</option>${list.map(([v, l]) => html`<option value="${v}"${v === selected ? raw(' selected') : ''}>${l}</option>`)}`;

export const searchHref = (f: SearchForm, page?: number): string =>
  withQuery('/search', { q: f.q, agency: f.agency, topic: f.topic, year: f.year, validity: f.validity, sort: f.sort === 'date' ? 'date' : undefined, page: page && page > 1 ? page : undefined });

export function renderSearchPage(p: SearchPageInput): string {
  const f = p.form;
  const r = p.results;
  const body = html`<h1>全文检索</h1>
<form class="search-form card" method="get" action="/search" role="search" aria-label="检索政府信息">
  <div class="search-main">
    <label for="search-q">关键词</label>
    <div class="search-row">
      <input type="search" id="search-q" name="q" value="${f.q}" maxlength="100" aria-describedby="search-hint">
      <button type="submit">检索</button>
    </div>
    <p class="hint" id="search-hint">可输入标题、文号（如 梁平府办发〔2024〕12号）或关键词；多个关键词用空格分开，同时包含才列出。</p>
  </div>
  <div class="search-filters">
    <div><label for="search-agency">发布机关（含下级）</label>
      <select id="search-agency" name="agency"><option value="">全部机关</option>${p.agencies.map((a) => html`<option value="${a.id}"${a.id === f.agency ? raw(' selected') : ''}>${'　'.repeat(a.depth)}${a.name}</option>`)}</select></div>
    <div><label for="search-topic">主题分类</label><select id="search-topic" name="topic">${options(p.topics, f.topic, '全部主题')}</select></div>
    <div><label for="search-year">发布年份</label><select id="search-year" name="year">${options(p.years.map((y) => [String(y), `${y}年`] as const), f.year, '全部年份')}</select></div>
    <div><label for="search-validity">有效性</label><select id="search-validity" name="validity">${options(p.validities, f.validity, '全部')}</select></div>
    <div><label for="search-sort">排序</label><select id="search-sort" name="sort">${options([['relevance', '按相关度'], ['date', '按发布日期']], f.sort, '默认')}</select></div>
  </div>
</form>
${p.error ? html`<p class="notice notice-error" role="alert">${p.error}</p>` : ''}
${r ? html`<section aria-labelledby="results-heading">
  <h2 id="results-heading">检索结果</h2>
  <p role="status">${r.total > 0 ? html`${f.q ? html`“${f.q}”` : ''}共找到${r.totalIsExact ? '' : '约'} ${r.total} 条${r.pageCount > 1 ? html`，第 ${r.page} / ${r.pageCount} 页` : ''}` : html`没有找到${f.q ? html`与“${f.q}”` : ''}相符的政府信息。`}</p>
  ${r.items.length > 0 ? itemList(r.items) : html`<ul class="hint"><li>请检查输入是否正确，或换用较短、较常用的词语（如“低保”“医保”）。</li><li>可去掉筛选条件后再试。</li></ul>`}
  ${pagination(r.page, r.pageCount, (page) => searchHref(f, page))}
</section>` : ''}`;
  return renderPage({
    title: f.q ? `${f.q} - 检索结果${r && r.page > 1 ? `（第${r.page}页）` : ''}` : '全文检索',
    description: '检索本平台主动公开的政府信息',
    nav: portalNav('/search'),
    body,
  });
}
