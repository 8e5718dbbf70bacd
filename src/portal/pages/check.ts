/**
 * 年度报告检查 (the report checker): the form (paste or upload, optional last year's report) and the
 * result (verdict, findings linked to the marked cells, the tables, downloads). Server-rendered,
 * no JavaScript: downloads are a form that posts the report JSON back (the server keeps nothing).
 */
import type { Finding } from '../../core/findings.js';
import { documentKindLabels, formatLabel } from '../../core/report/check-labels.js';
import { reportToJson } from '../../core/report/json.js';
import type { FormatId } from '../../core/report/spec/index.js';
import type { ReportValues } from '../../core/report/values.js';
import { html, navFor, renderPage, type RawHtml } from '../layout.js';
import { renderFindingsList, renderReportTables } from './check-report.js';

/** What the result page shows (the checker service's result). */
export interface CheckedReport {
  readonly file: string;
  readonly source: string;
  readonly format: FormatId | null;
  readonly agency: string | null;
  readonly year: number | null;
  readonly report: ReportValues | null;
  /** Errors first. */
  readonly findings: readonly Finding[];
}

export interface CheckFormInput {
  /** Text to put back into the paste box after an error. */
  readonly text?: string;
  /** An error to show above the form: the Chinese message and the stable code. */
  readonly error?: { readonly message: string; readonly code: string };
  readonly maxMb: string;
}

/** The file kinds the upload accepts (extensions and MIME types). */
export const acceptedUploads = [
  '.txt', '.html', '.htm', '.md', '.docx', '.pdf',
  'text/plain', 'text/html', 'text/markdown', 'application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');

const nav = navFor('/check');
const breadcrumbs = [{ href: '/', label: '首页' }, { href: '/check', label: '年度报告检查' }];

function page(title: string, body: RawHtml): string {
  return renderPage({ title, body, nav, breadcrumbs, description: '政府信息公开工作年度报告在线检查：核对表格勾稽关系，标出有问题的单元格' });
}

function checkForms(input: CheckFormInput): RawHtml {
  return html`<div class="check-forms">
<form class="card" method="post" action="/check" enctype="multipart/form-data" aria-labelledby="upload-heading">
  <h2 id="upload-heading">上传报告文件</h2>
  <label for="report-file">年度报告文件</label>
  <input id="report-file" name="file" type="file" accept="${acceptedUploads}" aria-describedby="report-file-hint">
  <p id="report-file-hint" class="hint">支持 txt、html、md、docx、pdf 格式，不超过 ${input.maxMb} MB。</p>
  <label for="previous-file">上年度报告（可选）</label>
  <input id="previous-file" name="previous" type="file" accept="${acceptedUploads}" aria-describedby="previous-file-hint">
  <p id="previous-file-hint" class="hint">同时提供上年度报告时，加查“上年结转”与上年“结转下年度继续办理”是否一致等跨年度关系。</p>
  <p><button type="submit">检查文件</button></p>
</form>
<form class="card" method="post" action="/check" aria-labelledby="paste-heading">
  <h2 id="paste-heading">粘贴报告全文</h2>
  <label for="report-text">年度报告全文（含表格）</label>
  <textarea id="report-text" name="text" rows="14" aria-describedby="report-text-hint">${input.text ?? ''}</textarea>
  <p id="report-text-hint" class="hint">可从网页或文档中全选复制后粘贴；表格可以是网页复制的文字、Markdown 表格或 HTML。</p>
  <p><button type="submit">检查文本</button></p>
</form>
</div>`;
}

/** GET /check, or the form again with an error (too large, empty, unsupported…). */
export function renderCheckFormPage(input: CheckFormInput): string {
  const error = input.error
    ? html`<div class="notice notice-error" role="alert">
  <p><strong>未能检查：</strong>${input.error.message}</p>
  <p class="muted">错误代码：<code>${input.error.code}</code></p>
</div>`
    : '';
  return page('年度报告检查', html`<h1>年度报告检查</h1>
<p class="lead">检查政府信息公开工作年度报告是否符合《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号；2019、2020年度报告按试行格式）：逐表读取数字，核对表三、表四的勾稽关系、各栏合计、正文引用的数字和统计期限，列出问题并在表格中标出有问题的单元格。报告内容不会被保存。</p>
${error}
${checkForms(input)}`);
}

function verdict(result: CheckedReport, counts: Record<Finding['severity'], number>): RawHtml {
  if (!result.report) {
    return html`<p class="verdict verdict-error" role="status">未能读取年度报告：${counts.error ? '见下方问题清单' : '文件中没有可识别的年度报告表格'}</p>`;
  }
  return counts.error === 0
    ? html`<p class="verdict verdict-ok" role="status">未发现错误${counts.warning ? `（另有 ${counts.warning} 条警告，请核对）` : ''}</p>`
    : html`<p class="verdict verdict-error" role="status">发现 ${counts.error} 处错误${counts.warning ? `、${counts.warning} 条警告` : ''}</p>`;
}

function downloads(report: ReportValues): RawHtml {
  const json = JSON.stringify(reportToJson(report, { withSections: true }));
  const formats = [
    ['docx', 'Word 文档（DOCX）'],
    ['pdf', 'PDF'],
    ['json', 'JSON 数据'],
    ['txt', '纯文本'],
  ] as const;
  return html`<form class="downloads" method="post" action="/check/download?to=docx">
  <input type="hidden" name="report" value="${json}">
  <p class="downloads-label" id="downloads-label">下载规范格式的报告（按读取到的数字重新排版）：</p>
  <div class="downloads-buttons" role="group" aria-labelledby="downloads-label">
    ${formats.map(([to, label]) => html`<button type="submit" class="button secondary" formaction="/check/download?to=${to}">${label}</button>`)}
  </div>
</form>`;
}

/** POST /check: the result of checking one report. */
export function renderCheckResultPage(result: CheckedReport): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) counts[f.severity]++;
  const view = result.report ? renderReportTables(result.report, result.findings) : null;
  const facts: [string, string][] = [
    ['文件', result.file || '（粘贴的文本）'],
    ['机关', result.agency ?? '（未识别）'],
    ['年度', result.year === null ? '（未识别）' : `${result.year}年`],
    ...(result.format ? [['报告格式', formatLabel(result.format)] as [string, string]] : []),
    ['读取方式', documentKindLabels[result.source] ?? result.source],
    ['问题数量', `错误 ${counts.error} 处，警告 ${counts.warning} 条，提示 ${counts.info} 条`],
  ];
  return page('年度报告检查结果', html`<h1>年度报告检查结果</h1>
<section class="card check-summary" aria-labelledby="summary-heading">
  <h2 id="summary-heading">检查结论</h2>
  ${verdict(result, counts)}
  <dl class="facts">
    ${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}
  </dl>
  ${result.report ? downloads(result.report) : ''}
</section>
<section class="card" aria-labelledby="findings-heading">
  <h2 id="findings-heading">问题清单（${result.findings.length} 条）</h2>
  ${renderFindingsList(result.format, result.findings)}
</section>
${view
    ? html`<section class="card check-tables" aria-labelledby="tables-heading">
  <h2 id="tables-heading">表格</h2>
  <p class="hint">有错误的单元格以红框标出，有警告的以黄色底纹标出；点击问题清单中的位置可跳到对应单元格。</p>
  ${view.tables}
</section>
${view.prose ? html`<section class="card" aria-labelledby="prose-heading">
  <h2 id="prose-heading">报告正文</h2>
  <details><summary>展开正文</summary>
  ${view.prose}
  </details>
</section>` : ''}`
    : ''}
<p class="no-print"><a class="button secondary" href="/check">检查另一份报告</a></p>`);
}
