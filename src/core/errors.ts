/**
 * Use-case failures: one AppError class with a stable code. Services throw it; one Fastify handler
 * and one CLI handler turn the code into an HTTP status / exit code and the Chinese message below.
 * Bugs are plain Errors (assertNever) and get a generic message. Each code has a row in docs/errors.md.
 */
import type { Params } from './findings.js';

interface ErrorDef {
  readonly status: number;
  readonly message: (p: Params) => string;
}

const v = (x: unknown) => (x === undefined || x === null ? '' : String(x));

export const appErrors = {
  INTERNAL: { status: 500, message: () => '系统内部错误，请稍后重试' },
  REQUEST_INVALID: { status: 400, message: (p) => `请求内容不符合要求${p.detail ? `：${v(p.detail)}` : ''}` },
  USAGE: { status: 400, message: (p) => `命令用法有误：${v(p.detail)}` },
  CONFIG_INVALID: { status: 500, message: (p) => `配置有误：${v(p.detail)}` },
  NOT_FOUND: { status: 404, message: (p) => `未找到${v(p.what) || '所请求的内容'}` },
  FILE_NOT_FOUND: { status: 404, message: (p) => `找不到文件：${v(p.file)}` },
  FILE_TOO_LARGE: { status: 413, message: (p) => `文件过大：上限为 ${v(p.limitMb)} MB` },
  FILE_TYPE_UNSUPPORTED: {
    status: 415,
    message: (p) => `不支持的文件类型${p.type ? `（${v(p.type)}）` : ''}：请上传 txt、html、md、docx 或 pdf 文件`,
  },
  ATTACHMENT_TYPE_UNSUPPORTED: {
    status: 415,
    message: (p) => `不支持的附件类型${p.type ? `（${v(p.type)}）` : ''}，或文件内容与扩展名不符${p.allowed ? `：可上传 ${v(p.allowed)}` : ''}`,
  },
  FILE_UNREADABLE: { status: 422, message: (p) => `文件无法读取${p.reason ? `：${v(p.reason)}` : ''}` },
  REPORT_INVALID: { status: 422, message: (p) => `年度报告数据不符合格式${p.detail ? `：${v(p.detail)}` : ''}` },
  RENDER_FAILED: { status: 500, message: (p) => `生成${v(p.target)}文件失败${p.reason ? `：${v(p.reason)}` : ''}` },
  RATE_LIMITED: { status: 429, message: () => '操作过于频繁，请稍后再试' },
  AUTH_REQUIRED: { status: 401, message: () => '请先登录（登录已失效或尚未登录）' },
  LOGIN_FAILED: { status: 401, message: () => '用户名或密码不正确' },
  ACCOUNT_LOCKED: {
    status: 423,
    message: (p) => `连续登录失败次数过多，账号已临时锁定${p.minutes ? `，请 ${v(p.minutes)} 分钟后再试` : ''}`,
  },
  FORBIDDEN: { status: 403, message: (p) => `无权进行此操作${p.detail ? `：${v(p.detail)}` : ''}` },
  CSRF_INVALID: { status: 403, message: () => '页面已过期或请求来源无法验证，请刷新页面后重试' },
  PASSWORD_WEAK: { status: 422, message: (p) => `密码强度不足：${v(p.reason)}` },
  CONFLICT: { status: 409, message: (p) => `操作与现有数据冲突${p.detail ? `：${v(p.detail)}` : ''}` },
  WRONG_STATE: { status: 409, message: (p) => `当前状态下不能进行此操作${p.detail ? `：${v(p.detail)}` : ''}` },
  YEAR_CLOSED: {
    status: 409,
    message: (p) => `${v(p.year)}年度已关闭（年度报告数据已冻结），不能${v(p.what) || '登记或修改该年度内的日期'}；如确需更正，系统管理员可重新打开该年度`,
  },
  REVIEW_REQUIRED: { status: 409, message: (p) => `未经保密审查和发布审查同意，不得发布${p.detail ? `：${v(p.detail)}` : ''}` },
  BACKUP_UNSUPPORTED: {
    status: 400,
    message: () => '备份命令只适用于内置 SQLite 数据库；PostgreSQL 请使用 pg_dump（例如 pg_dump -Fc "$DATABASE_URL" > gongkai.dump）',
  },
  BACKUP_FAILED: { status: 500, message: (p) => `备份失败${p.reason ? `：${v(p.reason)}` : ''}` },
} as const satisfies Record<string, ErrorDef>;

export type AppErrorCode = keyof typeof appErrors;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: AppErrorCode,
    readonly params: Params = {},
    options?: ErrorOptions,
  ) {
    super(code, options);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
export const appErrorMessage = (code: AppErrorCode, params: Params = {}): string => appErrors[code].message(params);
export const appErrorStatus = (code: AppErrorCode): number => appErrors[code].status;
