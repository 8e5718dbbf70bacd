/**
 * Automatic paragraph numbering of a DOCX (word/numbering.xml, and numbering attached to a
 * paragraph style in word/styles.xml). Reports often number their headings automatically, so
 * "一、总体情况" only has "总体情况" in its text; this restores the printed number.
 */
import { child, childrenNamed, propVal, type XmlElement } from './docx-xml.js';

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

export interface Numbering {
  /** The printed label of the next paragraph in list `numId` at level `ilvl` ('' for bullets/unknown). */
  next(numId: string, ilvl: number): string;
}

const chineseDigits = '零一二三四五六七八九';

/** 1–9999 in Chinese counting (十, 十一, 二十, 一百零五 …). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += chineseDigits[d]! + unit;
    }
  });
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out;
}

const roman = (n: number): string => {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) while (n >= v) [out, n] = [out + s, n - v];
  return out;
};
const letter = (n: number): string => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
const circled = (n: number): string => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n));

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseNumber(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circled(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'bullet':
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function readLevels(abstractNum: XmlElement): Map<number, Level> {
  const levels = new Map<number, Level>();
  for (const lvl of childrenNamed(abstractNum, 'lvl')) {
    const ilvl = Number(lvl.attribs.ilvl ?? '0');
    levels.set(ilvl, {
      start: Number(propVal(lvl, 'start') ?? '1') || 1,
      format: propVal(lvl, 'numFmt') ?? 'decimal',
      text: propVal(lvl, 'lvlText') ?? '',
    });
  }
  return levels;
}

/** Numbering definitions of numbering.xml (an empty numbering when the part is absent). */
export function readNumbering(root: XmlElement | null): Numbering {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  if (root) {
    for (const a of childrenNamed(root, 'abstractNum')) abstracts.set(a.attribs.abstractNumId ?? '', readLevels(a));
    for (const n of childrenNamed(root, 'num')) {
      const starts = new Map<number, number>();
      for (const o of childrenNamed(n, 'lvlOverride')) {
        const s = propVal(o, 'startOverride');
        if (s !== undefined) starts.set(Number(o.attribs.ilvl ?? '0'), Number(s));
      }
      nums.set(n.attribs.numId ?? '', { abstractId: propVal(n, 'abstractNumId') ?? '', starts });
    }
  }
  const counters = new Map<string, number[]>();
  return {
    next(numId, ilvl) {
      const num = nums.get(numId);
      const levels = num ? abstracts.get(num.abstractId) : undefined;
      const level = levels?.get(ilvl);
      if (!num || !levels || !level || numId === '0') return '';
      const counter = counters.get(numId) ?? [];
      for (let l = 0; l <= ilvl; l++) counter[l] ??= (num.starts.get(l) ?? levels.get(l)?.start ?? 1) - 1;
      counter[ilvl]! += 1;
      counter.length = ilvl + 1; // deeper levels restart
      counters.set(numId, counter);
      if (level.format === 'bullet' || level.format === 'none') return '';
      return level.text.replace(/%(\d)/g, (_, d: string) => {
        const l = Number(d) - 1;
        const lv = levels.get(l);
        return formatNumber(counter[l] ?? lv?.start ?? 1, l === ilvl ? level.format : (lv?.format ?? 'decimal'));
      });
    },
  };
}

/** Numbering attached to paragraph styles (styles.xml): style id → numId/ilvl, following basedOn. */
export function readStyleNumbering(root: XmlElement | null): (styleId: string) => { numId: string; ilvl: number } | null {
  const styles = new Map<string, XmlElement>();
  if (root) for (const s of childrenNamed(root, 'style')) styles.set(s.attribs.styleId ?? '', s);
  return (styleId) => {
    let id: string | undefined = styleId;
    for (let depth = 0; id !== undefined && depth < 10; depth++) {
      const style = styles.get(id);
      if (!style) return null;
      const numPr = child(child(style, 'pPr') ?? style, 'numPr');
      const numId = numPr ? propVal(numPr, 'numId') : undefined;
      if (numPr && numId !== undefined) return { numId, ilvl: Number(propVal(numPr, 'ilvl') ?? '0') || 0 };
      id = propVal(style, 'basedOn');
    }
    return null;
  };
}
