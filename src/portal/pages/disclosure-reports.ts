/**
 * 政府信息公开年报: the agency's published annual reports (closed report years) and each report as a
 * page (rendered by the report engine) with its downloads (Word, PDF, JSON).
 */
import { html, raw, renderPage } from '../layout.js';
import { columnCrumbs, columnNav, columnUrl, portalNav, type AgencyRef } from './disclosure-parts.js';

export interface PublishedReportEntry {
  readonly year: number;
  readonly title: string;
  /** When the year was closed (YYYY-MM-DD). */
  readonly publishedOn: string;
}

export const reportUrl = (agencyId: string, year: number): string => columnUrl(agencyId, `reports/${year}`);
export const reportDownloadUrl = (agencyId: string, year: number, to: 'docx' | 'pdf' | 'json'): string => `${reportUrl(agencyId, year)}/download/${to}`;

export function renderReportListPage(input: { agency: AgencyRef; reports: readonly PublishedReportEntry[] }): string {
  const a = input.agency;
  const body = html`<h1>${a.name}政府信息公开年报</h1>
${columnNav(a, 'reports')}
<section class="card" aria-labelledby="reports-heading">
  <h2 id="reports-heading">历年政府信息公开工作年度报告</h2>
  ${input.reports.length > 0 ? html`<ul class="report-list">${input.reports.map((r) => html`<li>
    <a href="${reportUrl(a.id, r.year)}">${r.title}</a> <span class="muted">发布日期：<time datetime="${r.publishedOn}">${r.publishedOn}</time></span>
  </li>`)}</ul>` : html`<p class="muted">暂无已发布的政府信息公开工作年度报告。</p>`}
  <p class="hint">年度报告依据《条例》第四十九条、第五十条编制，每年1月31日前公布（乡镇、街道等每年1月31日前报送上一级）。</p>
</section>`;
  return renderPage({
    title: `${a.name}政府信息公开年报`, nav: portalNav('/zwgk'), breadcrumbs: columnCrumbs(a, { href: columnUrl(a.id, 'reports'), label: '政府信息公开年报' }), body,
  });
}

export interface ReportPageInput {
  readonly agency: AgencyRef;
  readonly year: number;
  readonly title: string;
  /** The report engine's HTML fragment (title, prose, tables). */
  readonly bodyHtml: string;
  readonly publishedOn: string;
}

export function renderReportPage(r: ReportPageInput): string {
  const a = r.agency;
  const body = html`<article class="card annual-report">
${raw(r.bodyHtml)}
</article>
<section class="downloads no-print" aria-labelledby="downloads-heading">
  <h2 id="downloads-heading">下载</h2>
  <ul class="downloads-buttons">
    <li><a class="button secondary" href="${reportDownloadUrl(a.id, r.year, 'docx')}">Word 文档（DOCX）</a></li>
    <li><a class="button secondary" href="${reportDownloadUrl(a.id, r.year, 'pdf')}">PDF 文件</a></li>
    <li><a class="button secondary" href="${reportDownloadUrl(a.id, r.year, 'json')}">数据（JSON）</a></li>
  </ul>
  <p class="hint">发布日期：${r.publishedOn}。</p>
</section>`;
  return renderPage({
    title: r.title, nav: portalNav('/zwgk'),
    breadcrumbs: columnCrumbs(a, { href: reportUrl(a.id, r.year), label: `${r.year}年度报告` }, [{ href: columnUrl(a.id, 'reports'), label: '政府信息公开年报' }]),
    body,
  });
}

export function renderApplyInfoPage(input: { agency: AgencyRef; office: { officeName: string; phone: string; address: string } }): string {
  const a = input.agency;
  const body = html`<h1>${a.name}依申请公开</h1>
${columnNav(a, 'apply')}
<div class="card">
  <p>公民、法人或者其他组织可以向${a.name}申请获取相关政府信息（《条例》第二十七条）。</p>
  <ul class="entry-list">
    <li class="card entry"><h2><a href="/apply?agencyId=${encodeURIComponent(a.id)}">在线申请</a></h2><p>填写申请表，提交后获得申请编号和查询码。</p></li>
    <li class="card entry"><h2><a href="/track">申请查询</a></h2><p>凭查询码查看办理进度、答复和补正通知。</p></li>
    <li class="card entry"><h2><a href="${columnUrl(a.id, 'guide')}">政府信息公开指南</a></h2><p>申请方式、受理机构、答复期限和救济途径。</p></li>
  </ul>
  ${input.office.officeName ? html`<p>受理机构：${input.office.officeName}${input.office.address ? `，${input.office.address}` : ''}${input.office.phone ? `，电话 ${input.office.phone}` : ''}。</p>` : ''}
</div>`;
  return renderPage({ title: `${a.name}依申请公开`, nav: portalNav('/zwgk'), breadcrumbs: columnCrumbs(a, { href: columnUrl(a.id, 'apply'), label: '依申请公开' }), body });
}
