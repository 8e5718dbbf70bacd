/**
 * The one way the console talks to the server: JSON over fetch with the session cookie, the CSRF
 * token on every state-changing call, and the server's { error: { code, message } } turned into an
 * ApiError carrying the Chinese message. A 401 (session gone) reaches the session provider through
 * onUnauthorized, which sends the user back to the login screen.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let unauthorizedListener: (() => void) | null = null;

export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Called once by the session provider: what to do when a call finds the session expired. */
export const onUnauthorized = (listener: (() => void) | null): void => {
  unauthorizedListener = listener;
};

export type Query = Record<string, string | number | boolean | null | undefined>;

/** "/api/x" + the defined query parameters. */
export const withQuery = (path: string, query?: Query): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
};

const parseJson = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
};

const messageFor = (status: number): string =>
  status >= 500 ? '服务器暂时无法处理，请稍后重试' : status === 404 ? '未找到所请求的内容' : `请求失败（HTTP ${status}）`;

export interface RequestOptions {
  /** Do not treat a 401 as an expired session (the login call itself). */
  readonly quiet401?: boolean;
  readonly signal?: AbortSignal;
}

export async function request<T>(method: Method, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method, headers, credentials: 'same-origin', signal: opts.signal ?? null,
      ...(body !== undefined && { body: form ? body : JSON.stringify(body) }),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = parseJson(text);
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string } } | null)?.error;
    const apiError = new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? messageFor(res.status));
    if (res.status === 401 && apiError.code === 'AUTH_REQUIRED' && !opts.quiet401) unauthorizedListener?.();
    throw apiError;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts?: RequestOptions) => request<T>('GET', withQuery(path, query), undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  delete: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
  /** multipart/form-data (file uploads); the browser sets the boundary. */
  upload: <T>(path: string, form: FormData, opts?: RequestOptions) => request<T>('POST', path, form, opts),
};

/** The Chinese message of any error (an ApiError's is the server's own). */
export const errorText = (err: unknown): string =>
  err instanceof ApiError ? err.message : err instanceof Error && err.name !== 'AbortError' ? `出现错误：${err.message}` : '出现未知错误';
