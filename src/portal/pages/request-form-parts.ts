/** Form pieces shared by the request pages: labelled fields with their error messages (accessible). */
import { html, type RawHtml } from '../layout.js';

export type Values = Readonly<Record<string, string | undefined>>;
export type Errors = Readonly<Record<string, string | undefined>>;

export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly required?: boolean;
  readonly type?: 'text' | 'email' | 'tel';
  readonly hint?: string;
  readonly autocomplete?: string;
  readonly maxlength?: number;
  readonly multiline?: boolean;
}

const described = (name: string, hint: boolean, error: boolean) =>
  [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');

export function field(o: FieldOptions, values: Values, errors: Errors): RawHtml {
  const err = errors[o.name];
  const by = described(o.name, !!o.hint, !!err);
  const attrs = html`id="f-${o.name}" name="${o.name}"${o.required ? html` required aria-required="true"` : ''}${err ? html` aria-invalid="true"` : ''}${by ? html` aria-describedby="${by}"` : ''}${o.maxlength ? html` maxlength="${o.maxlength}"` : ''}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ''}`;
  const control = o.multiline
    ? html`<textarea ${attrs} rows="6">${values[o.name] ?? ''}</textarea>`
    : html`<input type="${o.type ?? 'text'}" ${attrs} value="${values[o.name] ?? ''}">`;
  return html`<div class="field${err ? ' field-invalid' : ''}">
  <label for="f-${o.name}"${o.required ? html` class="required"` : ''}>${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : ''}
  ${control}
  ${err ? html`<p class="field-error" id="${o.name}-error">${err}</p>` : ''}
</div>`;
}

export function selectField(
  o: { name: string; label: string; required?: boolean; hint?: string }, options: readonly { value: string; label: string }[], values: Values, errors: Errors,
): RawHtml {
  const err = errors[o.name];
  const by = described(o.name, !!o.hint, !!err);
  return html`<div class="field${err ? ' field-invalid' : ''}">
  <label for="f-${o.name}"${o.required ? html` class="required"` : ''}>${o.label}</label>
  ${o.hint ? html`<p class="hint" id="${o.name}-hint">${o.hint}</p>` : ''}
  <select id="f-${o.name}" name="${o.name}"${o.required ? html` required aria-required="true"` : ''}${err ? html` aria-invalid="true"` : ''}${by ? html` aria-describedby="${by}"` : ''}>
    <option value="">请选择</option>
    ${options.map((op) => html`<option value="${op.value}"${values[o.name] === op.value ? html` selected` : ''}>${op.label}</option>`)}
  </select>
  ${err ? html`<p class="field-error" id="${o.name}-error">${err}</p>` : ''}
</div>`;
}

export function radioGroup(
  o: { name: string; legend: string; required?: boolean }, options: readonly { value: string; label: string }[], values: Values, errors: Errors,
): RawHtml {
  const err = errors[o.name];
  return html`<fieldset class="choices${err ? ' field-invalid' : ''}"${err ? html` aria-describedby="${o.name}-error"` : ''}>
  <legend${o.required ? html` class="required"` : ''}>${o.legend}</legend>
  ${options.map((op, i) => html`<label><input type="radio" name="${o.name}" value="${op.value}"${i === 0 ? html` id="f-${o.name}"` : ''}${values[o.name] === op.value ? html` checked` : ''}${o.required ? html` required` : ''}> ${op.label}</label>`)}
  ${err ? html`<p class="field-error" id="${o.name}-error">${err}</p>` : ''}
</fieldset>`;
}

/** The list of problems at the top of a form, each linking to its field. */
export function errorSummary(errors: Errors): RawHtml | string {
  const entries = Object.entries(errors).filter(([, m]) => m);
  if (entries.length === 0) return '';
  return html`<div class="notice notice-error error-summary" role="alert" tabindex="-1" id="error-summary">
  <h2>提交的内容有 ${entries.length} 处需要修改</h2>
  <ul>${entries.map(([name, m]) => html`<li><a href="#f-${name}">${m}</a></li>`)}</ul>
</div>`;
}

export const stylesheet = html`<link rel="stylesheet" href="/assets/requests.css">`;
