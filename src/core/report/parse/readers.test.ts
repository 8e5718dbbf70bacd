import { describe, expect, it } from 'vitest';
import { readHtmlDocument } from './html.js';
import { readMarkdownDocument } from './markdown.js';
import { readTextDocument } from './text.js';

const texts = (rows: readonly (readonly { text: string }[])[]) => rows.map((r) => r.map((c) => c.text));

describe(readHtmlDocument.name, () => {
  it('reads grids with spans, line breaks inside cells, entities, and ignores scripts, styles and hidden elements', () => {
    const doc = readHtmlDocument(`<html><head><title>标题_网站</title><style>td{}</style><script>var a="<table><tr><td>9</td></tr></table>";</script></head>
      <body><p>前言&nbsp;文字<br>第二行</p><div style="display: none"><table><tr><td>隐藏</td></tr></table></div>
      <table><tr><td colspan="3" rowspan="2">（本列数据）</td><td>商业<br/>企业</td></tr>
      <tr><td><p>1</p><p>&nbsp;</p></td></tr><tr><td>/</td><td></td></tr></table><p>后记</p></body></html>`);
    expect(doc.title).toBe('标题_网站');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '前言 文字' },
      { kind: 'paragraph', text: '第二行' },
      { kind: 'table', rows: [
        [{ text: '（本列数据）', colspan: 3, rowspan: 2 }, { text: '商业\n企业', colspan: 1, rowspan: 1 }],
        [{ text: '1', colspan: 1, rowspan: 1 }],
        [{ text: '/', colspan: 1, rowspan: 1 }, { text: '', colspan: 1, rowspan: 1 }],
      ] },
      { kind: 'paragraph', text: '后记' },
    ]);
  });

  it('reads a layout table that holds the article as paragraphs, and the tables inside it as grids', () => {
    const doc = readHtmlDocument(`<table><tr><td>菜单</td><td><h1>报告</h1><p>正文</p>
      <table><tr><td>一、本年新收</td><td>3</td></tr></table><p>结尾</p></td></tr></table>`);
    expect(doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.kind === 'paragraph' && b.text)).toEqual(['菜单', '报告', '正文', '结尾']);
    const grids = doc.blocks.filter((b) => b.kind === 'table');
    expect(grids).toHaveLength(1);
    expect(grids[0]!.kind === 'table' && texts(grids[0]!.rows)).toEqual([['一、本年新收', '3']]);
  });

  it('prefers <meta name="ArticleTitle"> to <title>', () => {
    expect(readHtmlDocument('<meta name="ArticleTitle" content="甲2024年政府信息公开工作年度报告"><title>首页</title>').title)
      .toBe('甲2024年政府信息公开工作年度报告');
  });
});

describe(readTextDocument.name, () => {
  it('reads the seed\'s flattened cells: one cell per line ending in " |", extra bars end a row', () => {
    const doc = readTextDocument('标题行\n第二十条第(一)项 | |||\n信息内容 |\n本年制发件数 |\n规章 |\n0 |\n |\n行政许可 |\n0 | ||\n结尾');
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '标题行' });
    expect(doc.blocks[1]!.kind === 'table' && texts(doc.blocks[1]!.rows)).toEqual([
      ['第二十条第(一)项'], ['信息内容', '本年制发件数', '规章', '0', '', '行政许可', '0'],
    ]);
    expect(doc.blocks[2]).toEqual({ kind: 'paragraph', text: '结尾' });
  });

  it('takes the title from a crawler header and drops the header', () => {
    const doc = readTextDocument('标题: 某局2023年度政府信息公开工作年度报告\n发布时间: 2024-01-01\n==================== 正文 ====================\n正文第一段');
    expect(doc.title).toBe('某局2023年度政府信息公开工作年度报告');
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: '正文第一段' }]);
  });

  it('reads Markdown pipe tables pasted as text', () => {
    const doc = readTextDocument('| 规章 | 0 | 1 |\n|---|---|---|\n| 行政许可 | 5 |');
    expect(doc.blocks).toHaveLength(1);
    expect(doc.blocks[0]!.kind === 'table' && texts(doc.blocks[0]!.rows)).toEqual([['规章', '0', '1'], ['行政许可', '5']]);
  });
});

describe(readMarkdownDocument.name, () => {
  it('turns pipe tables into grids (escaped bars, <br>) and strips markup from paragraphs', () => {
    const doc = readMarkdownDocument('# 一、总体情况\n\n**加粗**文字\n\n| a \\| b | 商业<br>企业 |\n|:---|---:|\n| 1 | 2 |\n\n- 列表项');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '一、总体情况' },
      { kind: 'paragraph', text: '加粗文字' },
      { kind: 'table', rows: [
        [{ text: 'a | b', colspan: 1, rowspan: 1 }, { text: '商业\n企业', colspan: 1, rowspan: 1 }],
        [{ text: '1', colspan: 1, rowspan: 1 }, { text: '2', colspan: 1, rowspan: 1 }],
      ] },
      { kind: 'paragraph', text: '列表项' },
    ]);
  });
});
