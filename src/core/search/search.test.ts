import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gramTokens, hanGrams, textRuns, wordTokens } from './analyze.js';
import { highlightSnippet, highlightText } from './highlight.js';
import { htmlToText } from './html-text.js';
import { facetToken, indexTokens } from './index-document.js';
import { documentNumberKey, looksLikeDocumentNumber, titleKey } from './normalize.js';
import { parseSearchQuery, queryPhrase } from './query.js';
import { matchesTitle, scoreDocument, scoreNeedles } from './score.js';
import { buildSynonymMatcher, defaultAgencySynonyms, mergeSynonymGroups } from './synonyms.js';

/** Does the gram sequence of `doc` contain the query phrase (the way the FTS engines match it)? */
function phraseMatches(doc: string, query: string): boolean {
  const tokens = gramTokens(doc);
  const p = queryPhrase(query)!;
  for (let i = 0; i + p.grams.length <= tokens.length; i++) {
    const ok = p.grams.every((g, j) => (p.prefix && j === p.grams.length - 1 ? tokens[i + j]!.startsWith(g) : tokens[i + j] === g));
    if (ok) return true;
  }
  return false;
}

describe('analyze', () => {
  it('cuts text into Han runs and other runs, dropping punctuation', () => {
    expect(textRuns('梁平府办发〔2024〕12号')).toEqual([
      { kind: 'han', text: '梁平府办发' }, { kind: 'other', text: '2024' }, { kind: 'other', text: '12' }, { kind: 'han', text: '号' },
    ]);
  });

  it('gives bigrams and the last character of each Han run, folding full-width digits', () => {
    expect(hanGrams('低保金')).toEqual(['低保', '保金', '金']);
    expect(gramTokens('低保、医保　２０２４年')).toEqual(['低保', '保', '医保', '保', '2024', '年']);
  });

  it('segments words with ICU and drops punctuation', () => {
    const words = wordTokens('关于做好城乡居民最低生活保障工作的通知。');
    expect(words).toContain('城乡');
    expect(words).toContain('通知');
    expect(words.join('')).toBe('关于做好城乡居民最低生活保障工作的通知');
  });

  it('finds every substring of a document as a phrase, whatever its length (property; runs of digits/letters are whole tokens)', () => {
    const alnum = (ch: string | undefined) => ch !== undefined && /[0-9a-z]/.test(ch);
    const alphabet = [...'低保医粮食安全城乡居民最低生活障2024号〔〕，。ab'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const doc = chars.join('');
        const from = a % chars.length;
        const to = from + 1 + (b % (chars.length - from));
        const sub = chars.slice(from, to).join('');
        fc.pre(queryPhrase(sub) !== null);
        fc.pre(!(alnum(chars[from - 1]) && alnum(chars[from])) && !(alnum(chars[to - 1]) && alnum(chars[to])));
        expect(phraseMatches(doc, sub)).toBe(true);
      }),
    );
  });

  it('does not match characters that are not adjacent in the document', () => {
    expect(phraseMatches('低保、医保', '保医')).toBe(false);
    expect(phraseMatches('最低生活保障', '最低保障')).toBe(false);
    expect(phraseMatches('储备粮', '粮')).toBe(true);
    expect(phraseMatches('粮食安全', '粮')).toBe(true);
  });
});

describe('normalize', () => {
  it('makes one key of the bracket variants of a 文号', () => {
    const key = documentNumberKey('梁平府办发〔2024〕12号');
    for (const v of ['梁平府办发[2024]12号', '梁平府办发（2024）12号', '梁平府办发【2024】 12号', '梁平府办发［２０２４］１２号']) expect(documentNumberKey(v)).toBe(key);
    expect(looksLikeDocumentNumber('梁平府办发〔2024〕12号')).toBe(true);
    expect(looksLikeDocumentNumber('梁平府办发[2024]12号')).toBe(true);
    expect(looksLikeDocumentNumber('城乡低保')).toBe(false);
  });

  it('ignores punctuation and spaces in title keys', () => {
    expect(titleKey('关于印发《梁平区城乡居民最低生活保障实施办法》的通知')).toBe(titleKey('关于印发梁平区城乡居民最低生活保障实施办法的通知'));
  });
});

describe('query', () => {
  it('turns a term into a phrase of bigrams; a trailing single character becomes a prefix', () => {
    expect(queryPhrase('低保')).toMatchObject({ grams: ['低保'], prefix: false });
    expect(queryPhrase('粮')).toMatchObject({ grams: ['粮'], prefix: true });
    expect(queryPhrase('最低生活保障')).toMatchObject({ grams: ['最低', '低生', '生活', '活保', '保障'], prefix: false });
    expect(queryPhrase('梁平府办发〔2024〕12号')).toMatchObject({ grams: ['梁平', '平府', '府办', '办发', '发', '2024', '12', '号'], prefix: true });
    expect(queryPhrase('《》')).toBeNull();
  });

  it('ANDs the terms, keeps the exact title and 文号 keys', () => {
    const q = parseSearchQuery('  低保  医保 低保 ');
    expect(q.terms.map((t) => t.alternatives[0]!.text)).toEqual(['低保', '医保']);
    expect(q.documentNumberKey).toBeNull();
    expect(parseSearchQuery('梁平府办发[2024]12号').documentNumberKey).toBe(documentNumberKey('梁平府办发〔2024〕12号'));
  });

  it('splits a term around an agency-name synonym, which becomes an OR', () => {
    const q = parseSearchQuery('区住建委公租房', buildSynonymMatcher(defaultAgencySynonyms));
    expect(q.terms).toHaveLength(2);
    expect(q.terms[0]!.alternatives.map((a) => a.text)).toEqual(expect.arrayContaining(['区住建委', '区住房和城乡建设委员会', '区住房城乡建委']));
    expect(q.terms[1]!.alternatives.map((a) => a.text)).toEqual(['公租房']);
    expect(q.highlights).toContain('区住房和城乡建设委员会');
  });

  it('bounds the length and number of terms', () => {
    const q = parseSearchQuery(Array.from({ length: 30 }, (_, i) => `词${i}`).join(' '));
    expect(q.terms.length).toBeLessThanOrEqual(8);
    expect([...parseSearchQuery('长'.repeat(500)).text]).toHaveLength(100);
  });
});

describe('synonyms', () => {
  it('merges groups that share a phrase and finds the earliest, longest phrase', () => {
    const merged = mergeSynonymGroups([['市监局', '市场监督管理局'], ['市场监督管理局', '市场监管局'], ['x']]);
    expect(merged).toHaveLength(1);
    expect(new Set(merged[0])).toEqual(new Set(['市监局', '市场监督管理局', '市场监管局']));
    const m = buildSynonymMatcher(defaultAgencySynonyms);
    expect(m.find('梁平区住建委通知')).toMatchObject({ start: 2, end: 6 });
    expect(m.find('区住建委')!.group[0]).toBe('区住建委');
    expect(m.find('无关文字')).toBeNull();
  });
});

describe('highlight', () => {
  it('escapes the text and marks every match, also across full-width forms', () => {
    expect(highlightText('<b>低保</b>与低保金', ['低保'])).toBe('&lt;b&gt;<mark>低保</mark>&lt;/b&gt;与<mark>低保</mark>金');
    expect(highlightText('ＡＢＣ２０２４年', ['2024'])).toBe('ＡＢＣ<mark>２０２４</mark>年');
    expect(highlightText('a & b', [])).toBe('a &amp; b');
    // characters outside the BMP and compatibility forms keep the marks on the right characters
    expect(highlightText('𠀀低保ＡＢ低保', ['低保', 'ab'])).toBe('𠀀<mark>低保ＡＢ低保</mark>');
    expect(highlightText('㈠低保', ['低保'])).toBe('㈠<mark>低保</mark>');
  });

  it('cuts a snippet around the densest matches, with ellipses', () => {
    const text = `${'前言'.repeat(100)}城乡低保标准提高，低保对象${'后记'.repeat(100)}`;
    const s = highlightSnippet(text, ['低保'], 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s.match(/<mark>低保<\/mark>/g)).toHaveLength(2);
    expect(highlightSnippet('短文本', ['无'], 40)).toBe('短文本');
  });
});

describe('index document', () => {
  it('puts facet tokens for the agency and its ancestors, own agency, topic, year, validity and item', () => {
    const t = indexTokens({
      title: '关于调整低保标准的通知', documentNumber: '梁平民发〔2024〕3号', indexNumber: 'X/2024-00003', publisher: '重庆市梁平区民政局',
      summary: '', bodyText: '低保标准', attachmentNames: ['标准表.xlsx'], agencyPath: '/root/civil/', topic: '16', genre: 'notice',
      year: 2024, validity: 'valid', article20Item: 11,
    });
    const facets = t.facets.split(' ');
    for (const f of [facetToken('agency', 'root'), facetToken('agency', 'civil'), facetToken('own', 'civil'), facetToken('topic', '16'), 'fy2024', facetToken('validity', 'valid'), facetToken('item', 11)]) {
      expect(facets).toContain(f);
    }
    expect(facets).not.toContain(facetToken('own', 'root'));
    expect(t.meta.split(' ')).toEqual(expect.arrayContaining(['梁平', '2024', '3', '号', 'xlsx']));
    expect(/^[a-z0-9]+$/.test(facetToken('topic', '民政、扶贫、救灾'))).toBe(true);
  });

  it('reads the text of an HTML body', () => {
    expect(htmlToText('<p>第一段&amp;<b>加粗</b></p><script>x()</script><table><tr><td>甲</td><td>乙</td></tr></table>')).toBe('第一段&加粗\n甲 乙');
  });
});

describe('score', () => {
  const stats = { documents: 1000, termDocuments: [10, 500] };
  it('weighs a match in the title above matches in the body, and a rarer term above a common one', () => {
    const needles = scoreNeedles(parseSearchQuery('低保'));
    const inTitle = scoreDocument({ title: '关于调整城乡低保标准的通知', meta: '', body: '正文' }, needles, stats);
    const inBody = scoreDocument({ title: '关于做好民生工作的通知', meta: '', body: '低保低保低保低保低保低保' }, needles, stats);
    expect(inTitle).toBeGreaterThan(inBody);
    const two = scoreNeedles(parseSearchQuery('低保 通知'));
    const rare = scoreDocument({ title: '低保', meta: '', body: '' }, two, stats);
    const common = scoreDocument({ title: '通知', meta: '', body: '' }, two, stats);
    expect(rare).toBeGreaterThan(common);
  });

  it('counts a 文号 typed with other brackets, and tells title matches from body matches', () => {
    const needles = scoreNeedles(parseSearchQuery('梁平府办发[2024]12号'));
    expect(scoreDocument({ title: 'x', meta: '梁平府办发〔2024〕12号', body: '' }, needles, { documents: 10, termDocuments: [1] })).toBeGreaterThan(0);
    expect(matchesTitle({ title: '通知', meta: '梁平府办发〔2024〕12号' }, needles)).toBe(true);
    expect(matchesTitle({ title: '低保通知', meta: '' }, scoreNeedles(parseSearchQuery('低保 资金')))).toBe(false);
    expect(matchesTitle({ title: '低保资金通知', meta: '' }, scoreNeedles(parseSearchQuery('低保 资金')))).toBe(true);
  });
});
