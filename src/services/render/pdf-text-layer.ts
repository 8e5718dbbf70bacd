/**
 * Repairs the text layer of Chromium's PDFs. Fonts such as Noto CJK draw a Kangxi or supplementary
 * radical and the ordinary ideograph with the same glyph (⼀ and 一, ⺠ and 民); Skia's ToUnicode
 * maps each glyph to the lowest code point, so copying text, searching and screen readers get
 * radicals. This rewrites those entries to the ideographs. A PDF it does not understand (no classic
 * xref table, indirect lengths, other filters) is returned unchanged.
 */
import { deflateSync, inflateSync } from 'node:zlib';

/** CJK Radicals Supplement → the ideograph fonts draw with the same glyph (from Noto CJK's cmaps). */
const SUPPLEMENT =
  '⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹' +
  '⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青' +
  '⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

const supplement = new Map<number, string>();
{
  const chars = Array.from(SUPPLEMENT);
  for (let i = 0; i + 1 < chars.length; i += 2) supplement.set(chars[i]!.codePointAt(0)!, chars[i + 1]!);
}

/** The ideograph for a radical code point, or undefined for any other character. */
export function ideographForRadical(cp: number): string | undefined {
  if (cp >= 0x2f00 && cp <= 0x2fd5) return String.fromCodePoint(cp).normalize('NFKC');
  return supplement.get(cp);
}

const toHex = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')).join('');
const fromHex = (hex: string) => {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
};

/** Rewrites one ToUnicode CMap; null when it maps no glyph to a radical. */
export function fixToUnicodeCmap(cmap: string): string | null {
  const first = cmap.search(/\d+\s+begin(bfchar|bfrange)/);
  const lastEnd = Math.max(cmap.lastIndexOf('endbfchar'), cmap.lastIndexOf('endbfrange'));
  if (first < 0 || lastEnd < 0) return null;
  const mappings: [string, string][] = [];
  const body = cmap.slice(first);
  for (const block of body.matchAll(/begin(bfchar|bfrange)([\s\S]*?)end\1/g)) {
    const text = block[2]!;
    if (block[1] === 'bfchar') {
      for (const m of text.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) mappings.push([m[1]!, fromHex(m[2]!)]);
      continue;
    }
    for (const m of text.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g)) {
      const width = m[1]!.length;
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const list = m[4] === undefined ? null : [...m[4].matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => fromHex(x[1]!));
      const base = m[3] === undefined ? '' : fromHex(m[3]);
      for (let code = lo; code <= hi && code - lo < 65536; code++) {
        const k = code - lo;
        // A range increments the last UTF-16 unit of its destination.
        const dest = list ? (list[k] ?? '') : base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + k);
        mappings.push([code.toString(16).toUpperCase().padStart(width, '0'), dest]);
      }
    }
  }
  let changed = false;
  const fixed = mappings.map(([code, dest]): [string, string] => {
    const cp = dest.codePointAt(0);
    const ideograph = cp !== undefined && dest.length === 1 ? ideographForRadical(cp) : undefined;
    if (!ideograph) return [code, dest];
    changed = true;
    return [code, ideograph];
  });
  if (!changed) return null;
  const blocks: string[] = [];
  for (let i = 0; i < fixed.length; i += 100) {
    const part = fixed.slice(i, i + 100);
    blocks.push(`${part.length} beginbfchar\n${part.map(([c, d]) => `<${c}> <${toHex(d)}>`).join('\n')}\nendbfchar\n`);
  }
  const tail = cmap.slice(lastEnd).replace(/^end(bfchar|bfrange)\s*/, '');
  return cmap.slice(0, first) + blocks.join('') + tail;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The PDF with radicals in its ToUnicode CMaps replaced by the ideographs they stand for. */
export function fixPdfTextLayer(pdf: Uint8Array): Uint8Array {
  try {
    const src = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
    const xrefAt = src.lastIndexOf('\nxref\n');
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(src);
    if (xrefAt < 0 || !startxref || Number(startxref[1]) !== xrefAt + 1) return pdf;
    const objects = new Set([...src.matchAll(/\/ToUnicode (\d+) 0 R/g)].map((m) => m[1]!));
    const edits: Edit[] = [];
    for (const n of objects) {
      const head = new RegExp(`(?:^|\\n)${n} 0 obj\\s*<<([^]*?)>>\\s*stream\\r?\\n`).exec(src);
      if (!head) continue;
      const dict = head[1]!;
      const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
      if (!length || !/\/Filter\s*\/FlateDecode/.test(dict) || /\/DecodeParms/.test(dict)) continue;
      const dataStart = head.index + head[0].length;
      const dataEnd = dataStart + Number(length[1]);
      const cmap = inflateSync(Buffer.from(src.slice(dataStart, dataEnd), 'latin1')).toString('latin1');
      const fixed = fixToUnicodeCmap(cmap);
      if (fixed === null) continue;
      const data = deflateSync(Buffer.from(fixed, 'latin1')).toString('latin1');
      const dictStart = head.index + head[0].indexOf('<<');
      const newDict = `<<${dict.replace(/\/Length \d+/, `/Length ${data.length}`)}>>`;
      const streamKeyword = head[0].slice(head[0].lastIndexOf('>>') + 2);
      edits.push({ start: dictStart, end: dataEnd, text: newDict + streamKeyword + data });
    }
    if (edits.length === 0) return pdf;
    edits.sort((a, b) => a.start - b.start);
    const shift = (offset: number) => edits.reduce((d, e) => (e.end <= offset ? d + e.text.length - (e.end - e.start) : d), 0);
    const parts: string[] = [];
    let at = 0;
    for (const e of edits) {
      parts.push(src.slice(at, e.start), e.text);
      at = e.end;
    }
    const xrefTable = src.slice(xrefAt + 1, startxref.index);
    const newXref = xrefTable.replace(/^(\d{10}) (\d{5}) n/gm, (_, off: string, gen: string) => `${String(Number(off) + shift(Number(off))).padStart(10, '0')} ${gen} n`);
    parts.push(src.slice(at, xrefAt + 1), newXref, `startxref\n${xrefAt + 1 + shift(xrefAt + 1)}\n%%EOF\n`);
    return new Uint8Array(Buffer.from(parts.join(''), 'latin1'));
  } catch {
    return pdf;
  }
}
