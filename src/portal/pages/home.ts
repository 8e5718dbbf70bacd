/** The portal's home page: what the platform is and where to start (later parts add their entries). */
import { defaultNav, html, renderPage } from '../layout.js';

export interface HomeEntry {
  readonly href: string;
  readonly title: string;
  readonly description: string;
}

/** The services on offer, in the order shown. */
export const homeEntries: readonly HomeEntry[] = [
  {
    href: '/check',
    title: '年度报告检查',
    description: '上传或粘贴一份政府信息公开工作年度报告（txt、html、md、docx、pdf），逐表核对勾稽关系，标出有问题的单元格，并可下载规范格式的 Word、PDF 或 JSON 文件。',
  },
];

export function renderHomePage(entries: readonly HomeEntry[] = homeEntries): string {
  const body = html`<section class="home-intro">
  <h1>政府信息公开平台</h1>
  <p>本平台依据《中华人民共和国政府信息公开条例》（国务院令第711号）建设，服务于主动公开、依申请公开和政府信息公开工作年度报告的编制与核查。</p>
</section>
<section aria-labelledby="services-heading">
  <h2 id="services-heading">办事入口</h2>
  <ul class="entry-list">
    ${entries.map((e) => html`<li class="card entry">
      <h3><a href="${e.href}">${e.title}</a></h3>
      <p>${e.description}</p>
    </li>`)}
  </ul>
</section>`;
  return renderPage({
    title: '首页',
    description: '政府信息公开平台：年度报告检查、主动公开与依申请公开',
    nav: defaultNav.map((n) => ({ ...n, current: n.href === '/' })),
    body,
  });
}
