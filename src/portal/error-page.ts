/** The HTML page for an error on a portal route: the Chinese message and the stable code. */
import { escapeHtml, renderPage } from './layout.js';

export function renderErrorPage(input: { status: number; code: string; message: string }): string {
  return renderPage({
    title: input.status === 404 ? '页面不存在' : '出错了',
    body: `<section class="notice notice-error" role="alert">
  <h1>${input.status === 404 ? '页面不存在' : '请求未能完成'}</h1>
  <p>${escapeHtml(input.message)}</p>
  <p class="muted">错误代码：<code>${escapeHtml(input.code)}</code></p>
  <p><a href="/">返回首页</a></p>
</section>`,
  });
}
