/**
 * HTML character references in report pages: numeric ones (&#20013; &#x4E2D;) and the named
 * ones that occur in government pages and Word exports (&nbsp;, quotes, dashes, …). An unknown
 * name is left as written. A few legacy names are also accepted without the ';' (&nbsp &amp).
 */
const NAMED: Readonly<Record<string, string>> = {
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', horbar: '―', hyphen: '‐', minus: '−',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  middot: '·', bull: '•', hellip: '…', prime: '′', Prime: '″', times: '×', divide: '÷', deg: '°', plusmn: '±', permil: '‰',
  sup1: '¹', sup2: '²', sup3: '³', frac12: '½', frac14: '¼', frac34: '¾', copy: '©', reg: '®', trade: '™',
  yen: '¥', euro: '€', pound: '£', cent: '¢', sect: '§', para: '¶', iexcl: '¡', iquest: '¿', shy: '\u00ad', uml: '¨',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', le: '≤', ge: '≥', ne: '≠', asymp: '≈', infin: '∞', radic: '√', sum: '∑',
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', mu: 'μ', pi: 'π', sigma: 'σ', omega: 'ω', Omega: 'Ω', micro: 'µ',
};
const LEGACY = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot', 'copy', 'reg']);
const REF = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g;

function fromCode(code: number): string | null {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Text with its character references replaced. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REF, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCode(Number.parseInt(dec, 10)) ?? whole;
    if (hex !== undefined) return fromCode(Number.parseInt(hex, 16)) ?? whole;
    const value = NAMED[name!];
    if (value === undefined) return whole;
    return whole.endsWith(';') || LEGACY.has(name!) ? value : whole;
  });
}
