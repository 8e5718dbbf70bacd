import { describe, expect, it } from 'vitest';
import { htmlToText, safeHref, sanitizeHtml } from './sanitize-html.js';

describe('sanitizeHtml (allowlist)', () => {
  it('keeps the allowed structure', () => {
    const html = '<h2>标题</h2><p>正文<strong>加粗</strong><em>斜体</em><br>换行</p><ul><li>一</li></ul><table><tr><td colspan="2">格</td></tr></table>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('drops scripts, styles, event handlers, javascript: links and unknown attributes', () => {
    expect(sanitizeHtml('<p onclick="x()" style="color:red" class="c">a<script>alert(1)</script></p><style>p{}</style>')).toBe('<p>a</p>');
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href=" java\tscript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="https://www.gov.cn/">x</a>')).toBe('<a href="https://www.gov.cn/" rel="noopener noreferrer">x</a>');
    expect(sanitizeHtml('<a href="//evil.example/">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<img src=x onerror=alert(1)><iframe src="https://x"></iframe><svg><script>1</script></svg>ok')).toBe('ok');
    expect(sanitizeHtml('<td colspan="2 onmouseover=x">a</td>')).toBe('<td>a</td>');
  });

  it('unwraps unknown elements, escapes text and closes what is left open', () => {
    expect(sanitizeHtml('<div><p>一&lt;二&gt;<font color=red>三</font></div>')).toBe('<p>一&lt;二&gt;三</p>');
    expect(sanitizeHtml('<p><strong>未闭合')).toBe('<p><strong>未闭合</strong></p>');
    expect(sanitizeHtml('</p></strong>文本')).toBe('文本');
    expect(sanitizeHtml('<h1>大标题</h1>')).toBe('<h2>大标题</h2>');
    expect(sanitizeHtml('<!-- 注释 --><p>x</p>')).toBe('<p>x</p>');
  });

  it('is idempotent and leaves no tag but the allowed ones on hostile input', () => {
    const nasty = '<p><a href="/x" title=\'"><script>\'>y</a><<script>script>alert(1)<</script>/script></p><math><mi xlink:href="javascript:1">z</mi></math>';
    const once = sanitizeHtml(nasty);
    expect(sanitizeHtml(once)).toBe(once);
    for (const m of once.matchAll(/<\/?([a-z0-9]+)/g)) expect(['p', 'a']).toContain(m[1]);
    expect(once).not.toMatch(/<script/i);
  });

  it('safeHref and htmlToText', () => {
    expect(safeHref('/zwgk/1.html')).toBe('/zwgk/1.html');
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(htmlToText('<p>第一段</p><p>第二&amp;段</p>')).toBe('第一段\n第二&段');
  });
});
