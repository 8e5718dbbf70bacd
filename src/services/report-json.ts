/**
 * A report given as JSON (`gongkai render`, the checker page's download forms) → ReportValues.
 * Accepts the report JSON contract (reportToJson, report.schema.json) and the line that
 * `gongkai check --json` prints (the same keys plus `file` and `findings`, which are ignored).
 * Anything else is AppError REPORT_INVALID with the first problem in Chinese.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { AppError } from '../core/errors.js';
import type { ReportJson } from '../core/report/json.js';
import { reportFromJson } from '../core/report/json.js';
import { reportJsonSchema } from '../core/report/render/index.js';
import type { ReportValues } from '../core/report/values.js';

let validator: ValidateFunction | undefined;
const validate = (value: unknown): boolean =>
  (validator ??= new Ajv2020({ allErrors: false, strict: false }).compile(reportJsonSchema()))(value);

const fieldName = (path: string): string => path.replace(/^\//, '').replace(/\//g, '.') || '（根）';

/** The first schema error as a Chinese sentence. */
function describeSchemaError(errors: readonly ErrorObject[]): string {
  // oneOf/anyOf only say that no branch matched; the branch's own error says what is wrong
  const error = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length).find((e) => !['oneOf', 'anyOf', 'if'].includes(e.keyword)) ?? errors[0];
  if (!error) return '内容不符合年度报告 JSON 格式';
  const at = fieldName(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${at === '（根）' ? '' : `“${at}”中`}缺少字段“${String(p.missingProperty)}”`;
    case 'additionalProperties':
      return `${at === '（根）' ? '' : `“${at}”中`}有不属于年度报告格式的字段“${String(p.additionalProperty)}”`;
    case 'type':
      return `字段“${at}”的类型应为 ${String(p.type)}`;
    case 'minItems':
    case 'maxItems':
      return `字段“${at}”应有 ${String(p.limit)} 个数`;
    case 'enum':
    case 'const':
      return `字段“${at}”的取值不在允许范围内`;
    case 'pattern':
      return `字段“${at}”的格式不正确（应为 YYYY-MM-DD）`;
    default:
      return `字段“${at}”不符合要求（${error.message ?? error.keyword}）`;
  }
}

/** Parses and validates report JSON text. @throws AppError REPORT_INVALID */
export function readReportJson(text: string): ReportValues {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const lines = text.split('\n').filter((l) => l.trim()).length;
    const detail = lines > 1 && text.trim().startsWith('{') && /}\s*\n\s*{/.test(text)
      ? '包含多份报告（多行 JSON），请每次只提供一份'
      : `不是有效的 JSON（${(err as Error).message}）`;
    throw new AppError('REPORT_INVALID', { detail });
  }
  return readReportJsonValue(value);
}

/** Validates an already parsed value. @throws AppError REPORT_INVALID */
export function readReportJsonValue(value: unknown): ReportValues {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new AppError('REPORT_INVALID', { detail: '应为一个 JSON 对象' });
  // the line of `gongkai check --json`: drop its file name and findings
  const { file: _file, findings: _findings, ...report } = value as Record<string, unknown>;
  if (!validate(report)) throw new AppError('REPORT_INVALID', { detail: describeSchemaError(validator?.errors ?? []) });
  return reportFromJson(report as unknown as ReportJson);
}
