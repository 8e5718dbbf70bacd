/**
 * 申请查询: the form for the 查询码 and the status page (status, dates, outcome, letters, 补正). Each
 * issued letter can be downloaded as PDF or Word, and each file released with the reply as it was
 * sent: plain links (no JavaScript), named with what they download.
 */
import { html, renderPage } from '../layout.js';
import { requestNav } from './apply.js';
import { stylesheet } from './request-form-parts.js';

export interface TrackStatus {
  readonly reference: string;
  readonly agencyName: string;
  readonly applicantName: string;
  readonly statusLabel: string;
  readonly arrivedOn: string;
  readonly receivedOn: string | null;
  readonly replyBy: string | null;
  readonly outcomeLabel: string | null;
  readonly repliedOn: string | null;
  readonly timeline: readonly { readonly on: string; readonly label: string; readonly detail: string }[];
  readonly letters: readonly { readonly id: string; readonly title: string; readonly issuedOn: string | null; readonly body: string }[];
  readonly attachments: readonly { readonly id: string; readonly fileName: string; readonly sizeBytes: number; readonly letterTitle: string }[];
  readonly clarification: { readonly items: string; readonly dueOn: string | null } | null;
  readonly forwardedTo: { readonly reference: string; readonly agencyName: string; readonly statusLabel: string } | null;
}

/** "12.3 KB" / "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function letterDownloads(l: TrackStatus['letters'][number]): ReturnType<typeof html> {
  return html`<p class="downloads">下载：<a href="/track/letters/${l.id}/pdf" download aria-label="下载 PDF：${l.title}">PDF</a> ·
    <a href="/track/letters/${l.id}/docx" download aria-label="下载 Word（DOCX）：${l.title}">Word（DOCX）</a></p>`;
}

function releasedFiles(files: TrackStatus['attachments']): ReturnType<typeof html> | '' {
  if (files.length === 0) return '';
  return html`<section class="card" aria-labelledby="files-h">
  <h2 id="files-h">公开的政府信息（随答复提供的文件）</h2>
  <ul class="files">${files.map((f) => html`<li><a href="/track/files/${f.id}" download>${f.fileName}</a> <span class="muted">（${fileSize(f.sizeBytes)}，随${f.letterTitle}提供）</span></li>`)}</ul>
  <p class="hint">下载链接在本次查询后 30 分钟内有效；过期后请重新输入查询码。</p>
</section>`;
}

function codeForm(csrfToken: string, error?: string): ReturnType<typeof html> {
  return html`<form method="post" action="/track" class="request-form card" novalidate>
  <input type="hidden" name="_csrf" value="${csrfToken}">
  <div class="field${error ? ' field-invalid' : ''}">
    <label for="f-code" class="required">查询码</label>
    <p class="hint" id="code-hint">提交申请时获得的20位查询码（可带或不带连字符）</p>
    <input type="text" id="f-code" name="code" required aria-required="true" autocomplete="off" spellcheck="false" maxlength="40"
      aria-describedby="code-hint${error ? ' code-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
    ${error ? html`<p class="field-error" id="code-error" role="alert">${error}</p>` : ''}
  </div>
  <button type="submit">查询</button>
</form>`;
}

export function renderTrackFormPage(input: { csrfToken: string; error?: string }): string {
  const body = html`${stylesheet}<h1>申请查询</h1>
<p class="lead">输入查询码，查看政府信息公开申请的办理进度和答复。</p>
${codeForm(input.csrfToken, input.error)}`;
  return renderPage({ title: '申请查询', nav: requestNav('/track'), body });
}

export function renderTrackStatusPage(input: { status: TrackStatus; code: string; csrfToken: string; notice?: string; clarificationError?: string }): string {
  const s = input.status;
  const clar = s.clarification
    ? html`<section class="card" aria-labelledby="clar-h">
  <h2 id="clar-h">需要补正</h2>
  <p>行政机关告知您对申请作出补正（《条例》第三十条）：</p>
  <p class="letter-text">${s.clarification.items}</p>
  ${s.clarification.dueOn ? html`<p>补正期限：<strong>${s.clarification.dueOn}</strong>。答复期限自行政机关收到补正之日起重新计算；无正当理由逾期不补正的，视为放弃申请。</p>` : ''}
  <form method="post" action="/track/clarification" class="request-form" novalidate>
    <input type="hidden" name="_csrf" value="${input.csrfToken}">
    <input type="hidden" name="code" value="${input.code}">
    <div class="field${input.clarificationError ? ' field-invalid' : ''}">
      <label for="f-text" class="required">补正内容</label>
      <textarea id="f-text" name="text" rows="6" required aria-required="true" maxlength="5000"${input.clarificationError ? html` aria-invalid="true" aria-describedby="text-error"` : ''}></textarea>
      ${input.clarificationError ? html`<p class="field-error" id="text-error" role="alert">${input.clarificationError}</p>` : ''}
    </div>
    <button type="submit">提交补正</button>
  </form>
</section>`
    : '';
  const body = html`${stylesheet}<h1>申请办理情况</h1>
${input.notice ? html`<div class="notice notice-ok" role="status"><p>${input.notice}</p></div>` : ''}
<section class="card" aria-labelledby="facts-h">
  <h2 id="facts-h">申请编号 ${s.reference}</h2>
  <dl class="facts">
    <div><dt>受理机关</dt><dd>${s.agencyName}</dd></div>
    <div><dt>申请人</dt><dd>${s.applicantName}</dd></div>
    <div><dt>当前状态</dt><dd><strong>${s.statusLabel}</strong></dd></div>
    <div><dt>提交日期</dt><dd>${s.arrivedOn}</dd></div>
    <div><dt>收到申请日期</dt><dd>${s.receivedOn ?? '待确认'}</dd></div>
    ${s.replyBy ? html`<div><dt>答复期限</dt><dd>${s.replyBy}</dd></div>` : ''}
    ${s.outcomeLabel ? html`<div><dt>办理结果</dt><dd>${s.outcomeLabel}</dd></div>` : ''}
    ${s.repliedOn ? html`<div><dt>答复日期</dt><dd>${s.repliedOn}</dd></div>` : ''}
  </dl>
  ${s.forwardedTo ? html`<p class="notice notice-warn">本申请已转送${s.forwardedTo.agencyName}办理（新申请编号 ${s.forwardedTo.reference}，状态：${s.forwardedTo.statusLabel}）。</p>` : ''}
</section>
${clar}
<section class="card" aria-labelledby="tl-h">
  <h2 id="tl-h">办理记录</h2>
  <ol class="timeline">${s.timeline.map((t) => html`<li><time datetime="${t.on}">${t.on}</time>${t.label}${t.detail ? html`<br><span class="muted">${t.detail}</span>` : ''}</li>`)}</ol>
</section>
${s.letters.length ? html`<section class="card" aria-labelledby="letters-h">
  <h2 id="letters-h">文书</h2>
  ${s.letters.map((l) => html`<article><h3>${l.title}${l.issuedOn ? html` <span class="muted">（${l.issuedOn}）</span>` : ''}</h3>${letterDownloads(l)}<div class="letter-text">${l.body}</div></article>`)}
</section>` : ''}
${releasedFiles(s.attachments)}
<p><a href="/track">查询其他申请</a></p>`;
  return renderPage({ title: `申请 ${s.reference} 的办理情况`, nav: requestNav('/track'), body });
}
