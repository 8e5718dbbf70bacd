import { describe, expect, it } from 'vitest';
import { readHtmlDocument } from './html.js';
import { decodeEntities } from './html-entities.js';
import { scanHtml } from './html-scan.js';

function events(html: string): string[] {
  const out: string[] = [];
  scanHtml(html, {
    onopentag: (name, attribs) => out.push(`<${name}${Object.entries(attribs).map(([k, v]) => ` ${k}=${v}`).join('')}>`),
    ontext: (text) => out.push(text),
    onclosetag: (name) => out.push(`</${name}>`),
  });
  return out;
}

describe(scanHtml.name, () => {
  it('closes what browsers close implicitly: cells, rows, paragraphs', () => {
    expect(events('<table><tr><td>1<td>2<tr><td>3</table>')).toEqual([
      '<table>', '<tr>', '<td>', '1', '</td>', '<td>', '2', '</td>', '</tr>', '<tr>', '<td>', '3', '</td>', '</tr>', '</table>',
    ]);
    expect(events('<p>a<div>b</div>')).toEqual(['<p>', 'a', '</p>', '<div>', 'b', '</div>']);
  });

  it('does not let a cell of an inner table close the cell around it', () => {
    expect(events('<td><table><tr><td>x</td></tr></table>y</td>')).toEqual([
      '<td>', '<table>', '<tr>', '<td>', 'x', '</td>', '</tr>', '</table>', 'y', '</td>',
    ]);
  });

  it('reads capitalised tags and attributes, quoted values holding ">", void and namespaced elements', () => {
    expect(events('<TD COLSPAN=2 ROWSPAN="3" title="a>b">x<BR><o:p></o:p></TD>')).toEqual([
      '<td colspan=2 rowspan=3>', 'x', '<br>', '</br>', '<o:p>', '</o:p>', '</td>',
    ]);
  });

  it('skips comments, declarations and the content of scripts and styles', () => {
    expect(events('<!DOCTYPE html><!-- <td>1</td> --><![if !supportLists]>a<![endif]><script>var s="</td>";</script><style>td{}</style>b')).toEqual([
      'a', '<script>', 'var s="</td>";', '</script>', '<style>', 'td{}', '</style>', 'b',
    ]);
  });

  it('treats a stray "<" and an unclosed quote as text and ends the tag at its ">"', () => {
    expect(events('1 < 2 <p class="x>y</p>')).toEqual(['1 ', '<', ' 2 ', '<p>', 'y', '</p>']);
  });
});

describe(decodeEntities.name, () => {
  it('decodes numeric and common named references and leaves unknown ones', () => {
    expect(decodeEntities('&#20013;&#x6587;&nbsp;&ldquo;三安全一稳定&rdquo;&amp;&foo;&nbsp')).toBe('中文\u00a0“三安全一稳定”&&foo;\u00a0');
  });
});

describe('HTML with hostile structure', () => {
  it('stays linear on deep nesting and reads a report table inside it', () => {
    const html = `${'<div>'.repeat(5000)}<table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td></tr></table>`;
    const doc = readHtmlDocument(html);
    expect(doc.blocks.filter((b) => b.kind === 'table')).toHaveLength(1);
  });
});
