/**
 * Positioned PDF text runs → lines: normalising runs (compatibility ideographs, fake-bold
 * duplicates), grouping them by baseline and joining them with a space where the gap is wide.
 * Shared by the table and paragraph steps of the PDF reader.
 */
import type { PdfTextItem } from './document.js';

/** A text run as the reader uses it: PdfTextItem with a stable order. */
export interface Run {
  readonly str: string;
  readonly x: number;
  /** Baseline (origin bottom-left, y up). */
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TextLine {
  readonly runs: readonly Run[];
  /** Baseline of the line's first (tallest-agnostic) run. */
  readonly y: number;
  readonly x0: number;
  readonly x1: number;
  /** Typical glyph size (the smallest run height, robust to tall digits in small labels). */
  readonly size: number;
  readonly text: string;
}

/** Kangxi radicals and CJK compatibility ideographs that PDFs often carry instead of the usual characters. */
const compatibility = /[\u2E80-\u2FDF\uF900-\uFAFF]/g;
/**
 * CJK radicals-supplement forms (no Unicode normalisation) that fonts map for whole characters,
 * e.g. ⺠ for 民 in "人⺠政府": pairs of radical and character (only radicals with one obvious
 * character; the rest stay as they are).
 */
const radicalForms = new Map<string, string>(
  [...'⺟母⺠民⺰纟⻁虎⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟']
    .flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]!] as [string, string]] : [])),
);

/** Control characters (except tab and line feed), soft hyphens and zero-width marks are dropped. */
const invisible = (code: number) => (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xad || code === 0xfeff || code === 0x200b;

export function normaliseText(s: string): string {
  let out = '';
  for (const c of s.replace(compatibility, (ch) => radicalForms.get(ch) ?? ch.normalize('NFKC'))) if (!invisible(c.codePointAt(0)!)) out += c;
  return out;
}

const finite = (n: number) => Number.isFinite(n);

/** Clean runs: finite geometry, normalised text, no blank runs, no fake-bold duplicates. */
export function cleanRuns(items: readonly PdfTextItem[]): Run[] {
  const out: Run[] = [];
  const seen = new Map<string, Run[]>();
  for (const it of items) {
    if (typeof it.str !== 'string' || ![it.x, it.y, it.width, it.height].every(finite)) continue;
    const str = normaliseText(it.str);
    if (str.trim() === '') continue;
    const run: Run = { str, x: it.x, y: it.y, width: Math.max(0, it.width), height: Math.max(0.1, Math.abs(it.height)) };
    const same = seen.get(str);
    if (same?.some((r) => Math.abs(r.x - run.x) < 1.5 && Math.abs(r.y - run.y) < 1.5)) continue;
    if (same) same.push(run);
    else seen.set(str, [run]);
    out.push(...unstack(run));
  }
  return out;
}

/**
 * A run of vertical writing (a column of characters: taller than wide) as one run per character,
 * stacked top to bottom, the way other producers print a vertical label (三/、/本/年…).
 */
function unstack(run: Run): Run[] {
  const chars = [...run.str.replace(/\s+/g, '')];
  if (chars.length < 2 || run.height < 1.5 * run.width || run.height < chars.length * run.width * 0.6) return [run];
  const h = run.height / chars.length;
  const top = run.y + run.height;
  return chars.map((str, i) => ({ str, x: run.x, y: top - (i + 1) * h, width: run.width, height: Math.min(h, run.width) }));
}

/** Vertical middle of a run's glyphs (baseline plus about a third of the size). */
export const runMidY = (r: Run): number => r.y + r.height * 0.35;
export const runMidX = (r: Run): number => r.x + r.width / 2;

/**
 * Runs grouped into lines, top to bottom, each sorted left to right. Runs belong to one line when
 * their baselines differ by less than 40% of the smaller glyph size.
 */
export function groupLines(runs: readonly Run[]): TextLine[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    let best: (typeof groups)[number] | undefined;
    let bestDy = Infinity;
    // only recent groups can match: the runs arrive sorted by baseline
    for (let i = groups.length - 1; i >= 0 && i >= groups.length - 4; i--) {
      const g = groups[i]!;
      const dy = Math.abs(g.y - r.y);
      if (dy <= 0.4 * Math.min(g.size, r.height) && dy < bestDy) {
        best = g;
        bestDy = dy;
      }
    }
    if (best) {
      best.runs.push(r);
      best.size = Math.min(best.size, r.height);
    } else groups.push({ y: r.y, size: r.height, runs: [r] });
  }
  return groups.map((g) => lineOf(g.runs));
}

export function lineOf(runs: readonly Run[]): TextLine {
  const ordered = [...runs].sort((a, b) => a.x - b.x);
  const size = Math.min(...ordered.map((r) => r.height));
  return {
    runs: ordered,
    y: ordered.reduce((s, r) => s + r.y, 0) / ordered.length,
    x0: Math.min(...ordered.map((r) => r.x)),
    x1: Math.max(...ordered.map((r) => r.x + r.width)),
    size,
    text: joinRuns(ordered, size),
  };
}

/** Runs of one line joined; a gap wider than a third of the glyph size becomes one space. */
export function joinRuns(runs: readonly Run[], size: number): string {
  let text = '';
  let end = -Infinity;
  for (const r of runs) {
    const gap = r.x - end;
    if (text !== '' && gap > size / 3 && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' ';
    text += r.str;
    end = Math.max(end, r.x + r.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A run cut where it crosses the given x positions (a run that pdf.js glued across table cells),
 * assuming evenly wide characters; runs that cross nothing come back unchanged.
 */
export function splitRunAt(run: Run, cuts: readonly number[]): Run[] {
  const chars = [...run.str];
  if (chars.length < 2 || run.width <= 0) return [run];
  const inside = cuts.filter((x) => x > run.x + 1 && x < run.x + run.width - 1).sort((a, b) => a - b);
  if (inside.length === 0) return [run];
  const per = run.width / chars.length;
  const pieces: Run[] = [];
  let start = 0;
  for (const cut of [...inside, Infinity]) {
    const end = cut === Infinity ? chars.length : Math.round((cut - run.x) / per);
    if (end <= start) continue;
    const str = chars.slice(start, end).join('');
    if (str.trim() !== '') pieces.push({ ...run, str, x: run.x + start * per, width: (end - start) * per });
    start = end;
  }
  return pieces.length > 0 ? pieces : [run];
}
