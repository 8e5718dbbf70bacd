/**
 * One published item: the metadata block (索引号, 发布机构, 成文日期, 发布日期, 文号, 主题分类, 体裁,
 * 有效性 …), the text (HTML already sanitised by the publications' allowlist on every write) and the
 * attachments of the version in force.
 */
import { html, raw, renderPage } from '../layout.js';
import { columnCrumbs, columnUrl, factList, formatBytes, portalNav, type AgencyRef } from './disclosure-parts.js';

export interface DocumentPageInput {
  readonly itemId: string;
  readonly agency: AgencyRef;
  readonly title: string;
  readonly indexNumber: string;
  readonly publisher: string;
  readonly writtenOn: string | null;
  readonly publishedOn: string;
  readonly firstPublishedOn: string;
  readonly documentNumber: string;
  readonly topicLabel: string;
  readonly genreLabel: string;
  /** "第二十条第（十一）项 扶贫、教育…" or ''. */
  readonly article20Label: string;
  readonly validity: string;
  readonly validityLabel: string;
  readonly effectiveOn: string | null;
  readonly validityEndedOn: string | null;
  readonly validityNote: string;
  readonly summary: string;
  /** Sanitised HTML. */
  readonly bodyHtml: string;
  readonly versionNumber: number;
  readonly changeNote: string;
  readonly attachments: readonly { readonly href: string; readonly fileName: string; readonly mediaType: string; readonly sizeBytes: number }[];
}

export function renderDocumentPage(d: DocumentPageInput): string {
  const validity = d.validity === 'valid'
    ? d.validityLabel
    : html`<span class="validity validity-${d.validity}">${d.validityLabel}</span>${d.validityEndedOn ? `（${d.validityEndedOn}起）` : ''}${d.validityNote ? `：${d.validityNote}` : ''}`;
  const body = html`<article class="document" aria-labelledby="doc-title">
  <section class="card" aria-label="信息属性">
    ${factList([
      ['索引号', d.indexNumber], ['主题分类', d.topicLabel], ['发布机构', d.publisher], ['成文日期', d.writtenOn],
      ['文号', d.documentNumber], ['发布日期', d.publishedOn], ['体裁', d.genreLabel], ['有效性', validity],
      ...(d.effectiveOn ? [['施行日期', d.effectiveOn] as const] : []),
      ...(d.article20Label ? [['公开依据', d.article20Label] as const] : []),
    ])}
  </section>
  <h1 id="doc-title" class="document-title">${d.title}</h1>
  ${d.documentNumber ? html`<p class="document-number">${d.documentNumber}</p>` : ''}
  ${d.versionNumber > 1 ? html`<p class="notice">本信息已于 ${d.publishedOn} 变更（首次发布于 ${d.firstPublishedOn}）${d.changeNote ? `：${d.changeNote}` : ''}。</p>` : ''}
  ${d.summary ? html`<p class="document-summary"><strong>内容概述：</strong>${d.summary}</p>` : ''}
  <div class="document-body">${raw(d.bodyHtml)}</div>
  ${d.attachments.length > 0 ? html`<section aria-labelledby="attachments-heading">
    <h2 id="attachments-heading">附件</h2>
    <ul class="attachments">${d.attachments.map((f) => html`<li><a href="${f.href}" download>${f.fileName}</a> <span class="muted">（${formatBytes(f.sizeBytes)}）</span></li>`)}</ul>
  </section>` : ''}
</article>
<p class="no-print"><a href="${columnUrl(d.agency.id, 'catalog')}">返回${d.agency.name}法定主动公开内容</a></p>`;
  return renderPage({
    title: d.title,
    description: d.summary || d.title,
    nav: portalNav('/zwgk'),
    breadcrumbs: columnCrumbs(d.agency, { href: `/zwgk/doc/${d.itemId}`, label: d.title }, [{ href: columnUrl(d.agency.id, 'catalog'), label: '法定主动公开内容' }]),
    body,
  });
}
