/** The portal's home page: what the platform is and where to start. */
import { html, navFor, renderPage } from '../layout.js';

export interface HomeEntry {
  readonly href: string;
  readonly title: string;
  readonly description: string;
}

/** The services on offer, in the order shown. */
export const homeEntries: readonly HomeEntry[] = [
  {
    href: '/zwgk',
    title: '政府信息公开',
    description: '各机关的政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开工作年度报告。',
  },
  {
    href: '/search',
    title: '全文检索',
    description: '按标题、文号或关键词检索已主动公开的政府信息，可按机关、主题分类、年度和有效性筛选。',
  },
  {
    href: '/apply',
    title: '申请公开政府信息',
    description: '在线提交政府信息公开申请，提交后获得查询码，可随时查询办理进度、补正和答复结果。',
  },
  {
    href: '/track',
    title: '申请查询',
    description: '凭查询码查询申请的办理情况，在线提交补正材料，下载答复告知书和公开的文件。',
  },
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
    nav: navFor('/'),
    body,
  });
}
