/**
 * 申请公开政府信息 (the public request form) and its receipt page. Server-rendered, works without
 * JavaScript; every field labelled, problems listed at the top and next to each field.
 */
import { applicantKindLabels, applicantKinds, wantedDeliveries, wantedDeliveryLabels, wantedFormLabels, wantedForms } from '../../core/requests/request.js';
import { idDocumentLabels, idDocumentTypes } from '../../core/people/id-documents.js';
import { intakeLimits } from '../../core/requests/intake.js';
import { html, navFor, renderPage, type NavItem } from '../layout.js';
import { errorSummary, field, radioGroup, selectField, stylesheet, type Errors, type Values } from './request-form-parts.js';

export const requestNav = (current: '/apply' | '/track'): NavItem[] =>
  navFor(current);

export interface AgencyOption {
  readonly id: string;
  readonly name: string;
  readonly depth: number;
}

export interface ApplyPageInput {
  readonly agencies: readonly AgencyOption[];
  readonly csrfToken: string;
  /** The idempotency key of this form (hidden): a repeated submission creates one request. */
  readonly intakeKey: string;
  readonly values?: Values;
  readonly errors?: Errors;
  /** A problem not tied to a field (e.g. the form expired). */
  readonly message?: string;
}

export function renderApplyPage(input: ApplyPageInput): string {
  const v = input.values ?? {};
  const e = input.errors ?? {};
  const agencyOptions = input.agencies.map((a) => ({ value: a.id, label: `${'　'.repeat(a.depth)}${a.name}` }));
  const body = html`${stylesheet}
<h1>申请公开政府信息</h1>
<p class="lead">依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向行政机关申请获取政府信息。带 <span aria-hidden="true">*</span><span class="muted">（必填）</span> 的为必填项。</p>
${input.message ? html`<div class="notice notice-error" role="alert"><p>${input.message}</p></div>` : ''}
${errorSummary(e)}
<form method="post" action="/apply" class="request-form card" novalidate>
  <input type="hidden" name="_csrf" value="${input.csrfToken}">
  <input type="hidden" name="intakeKey" value="${input.intakeKey}">
  <fieldset>
    <legend>受理机关</legend>
    ${selectField({ name: 'agencyId', label: '向哪个机关申请', required: true, hint: '请选择制作或保存该政府信息的行政机关' }, agencyOptions, v, e)}
  </fieldset>
  <fieldset>
    <legend>申请人信息</legend>
    ${radioGroup({ name: 'applicantKind', legend: '申请人类型', required: true }, applicantKinds.map((k) => ({ value: k, label: k === 'naturalPerson' ? '自然人' : `法人或其他组织：${k === 'other' ? '其他' : applicantKindLabels[k]}` })), v, e)}
    ${field({ name: 'name', label: '姓名或者名称', required: true, autocomplete: 'name', maxlength: intakeLimits.name }, v, e)}
    ${selectField({ name: 'idType', label: '身份证明类型', required: true, hint: '自然人填写个人证件；法人或其他组织填写统一社会信用代码' }, idDocumentTypes.map((t) => ({ value: t, label: idDocumentLabels[t] })), v, e)}
    ${field({ name: 'idNumber', label: '证件号码', required: true, maxlength: intakeLimits.idNumber, hint: '居民身份证号码将校验最后一位校验码' }, v, e)}
    ${field({ name: 'contactPerson', label: '联系人（法人或其他组织必填）', autocomplete: 'name', maxlength: intakeLimits.contactPerson }, v, e)}
    ${field({ name: 'phone', label: '联系电话', type: 'tel', autocomplete: 'tel', maxlength: intakeLimits.phone, hint: '电话、电子邮箱、通信地址至少填写一项' }, v, e)}
    ${field({ name: 'email', label: '电子邮箱', type: 'email', autocomplete: 'email', maxlength: intakeLimits.email }, v, e)}
    ${field({ name: 'address', label: '通信地址', autocomplete: 'street-address', maxlength: intakeLimits.address }, v, e)}
    ${field({ name: 'postalCode', label: '邮政编码', autocomplete: 'postal-code', maxlength: 6 }, v, e)}
  </fieldset>
  <fieldset>
    <legend>所需政府信息</legend>
    ${field({ name: 'description', label: '所需政府信息的名称或特征性描述', required: true, multiline: true, maxlength: intakeLimits.description, hint: '请写明信息名称、制作机关、时间等便于查询的特征' }, v, e)}
    ${field({ name: 'documentNumber', label: '文号', maxlength: intakeLimits.documentNumber, hint: '如知道，请填写，例如：梁平府发〔2024〕1号' }, v, e)}
    ${radioGroup({ name: 'wantedForm', legend: '所需信息的形式', required: true }, wantedForms.map((f) => ({ value: f, label: wantedFormLabels[f] })), v, e)}
    ${radioGroup({ name: 'wantedDelivery', legend: '获取信息的方式', required: true }, wantedDeliveries.map((d) => ({ value: d, label: wantedDeliveryLabels[d] })), v, e)}
  </fieldset>
  <p class="hint">通过互联网提交的申请，以本机关与您确认之日为收到申请之日（《条例》第三十一条第（三）项），答复期限自该日起计算。提交后您将获得查询码，请妥善保存。</p>
  <button type="submit">提交申请</button>
</form>`;
  return renderPage({ title: '申请公开政府信息', description: '向行政机关提出政府信息公开申请', nav: requestNav('/apply'), body });
}

export interface ReceiptPageInput {
  readonly reference: string;
  readonly trackingCode: string;
  readonly agencyName: string;
  readonly arrivedOn: string;
  readonly statusLabel: string;
  readonly duplicate: boolean;
}

export function renderReceiptPage(r: ReceiptPageInput): string {
  const body = html`${stylesheet}
<h1>申请已提交</h1>
<div class="notice notice-ok" role="status">
  <p>${r.duplicate ? '您已提交过这份申请，以下是同一份申请的查询信息（不会重复登记）。' : '您的政府信息公开申请已提交，本机关将与您确认收到申请。'}</p>
</div>
<section class="card">
  <h2>请保存您的查询码</h2>
  <p>凭查询码可以随时查询办理进度、查看答复、提交补正。查询码只在此页显示，请抄写、截图或打印保存。</p>
  <p><span class="tracking-code" aria-label="查询码">${r.trackingCode}</span></p>
  <dl class="facts">
    <div><dt>申请编号</dt><dd>${r.reference}</dd></div>
    <div><dt>受理机关</dt><dd>${r.agencyName}</dd></div>
    <div><dt>提交日期</dt><dd>${r.arrivedOn}</dd></div>
    <div><dt>当前状态</dt><dd>${r.statusLabel}</dd></div>
  </dl>
  <p class="hint">通过互联网提交的申请，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）；行政机关应自收到申请之日起20个工作日内答复。</p>
  <p><a class="button" href="/track">查询办理进度</a></p>
</section>`;
  return renderPage({ title: '申请已提交', nav: requestNav('/apply'), body });
}
