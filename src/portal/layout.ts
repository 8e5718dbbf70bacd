/**
 * The page shell of the public portal: server-rendered, works without JavaScript, accessible
 * (lang, skip link, landmarks, visible focus, AA contrast). Pages pass already-escaped HTML.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Tagged template that escapes every interpolated value unless it is wrapped in raw(). */
export class RawHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}
export const raw = (html: string): RawHtml => new RawHtml(html);
export function html(strings: TemplateStringsArray, ...values: unknown[]): RawHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    const part = Array.isArray(v) ? v.map((x) => (x instanceof RawHtml ? x.html : escapeHtml(x))).join('') : v instanceof RawHtml ? v.html : escapeHtml(v);
    out += part + (strings[i + 1] ?? '');
  });
  return new RawHtml(out);
}

export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly current?: boolean;
}

export interface PageInput {
  readonly title: string;
  readonly body: string | RawHtml;
  /** Site name in the header; defaults to the platform name. */
  readonly siteName?: string;
  readonly nav?: readonly NavItem[];
  readonly description?: string;
  readonly breadcrumbs?: readonly NavItem[];
}

export const defaultNav: readonly NavItem[] = [
  { href: '/', label: '首页' },
  { href: '/zwgk', label: '政府信息公开' },
  { href: '/search', label: '全文检索' },
  { href: '/apply', label: '申请公开' },
  { href: '/track', label: '申请查询' },
  { href: '/check', label: '年度报告检查' },
];

/** The site navigation with the current page marked (aria-current). */
export const navFor = (current: string): NavItem[] => defaultNav.map((n) => ({ ...n, current: n.href === current }));

export function renderPage(input: PageInput): string {
  const nav = input.nav ?? defaultNav;
  const site = input.siteName ?? '政府信息公开平台';
  const crumbs = input.breadcrumbs?.length
    ? `<nav class="breadcrumbs" aria-label="当前位置"><ol>${input.breadcrumbs
        .map((c, i, all) => (i === all.length - 1 ? `<li aria-current="page">${escapeHtml(c.label)}</li>` : `<li><a href="${escapeHtml(c.href)}">${escapeHtml(c.label)}</a></li>`))
        .join('')}</ol></nav>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} - ${escapeHtml(site)}</title>
${input.description ? `<meta name="description" content="${escapeHtml(input.description)}">` : ''}
<link rel="stylesheet" href="/assets/portal.css">
</head>
<body>
<a class="skip-link" href="#main">跳到正文</a>
<header class="site-header">
  <div class="wrap">
    <a class="site-name" href="/">${escapeHtml(site)}</a>
    <nav class="site-nav" aria-label="主导航"><ul>${nav
      .map((n) => `<li><a href="${escapeHtml(n.href)}"${n.current ? ' aria-current="page"' : ''}>${escapeHtml(n.label)}</a></li>`)
      .join('')}</ul></nav>
  </div>
</header>
<main id="main" class="wrap" tabindex="-1">
${crumbs}
${String(input.body)}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>依据《中华人民共和国政府信息公开条例》（国务院令第711号）建设 · gongkai 开源政府信息公开平台</p>
  </div>
</footer>
</body>
</html>`;
}
