/**
 * Reads a PDF into positioned text and ruling lines per page (the PdfPage form of
 * src/core/report/parse/document.ts) with pdf.js (legacy build, which runs in Node without a
 * worker). Chinese text needs the CMaps shipped with pdfjs-dist, so their folder is resolved
 * from node_modules. Font loading into the page and eval are disabled: only text is wanted.
 *
 * Coordinates are those of the page as displayed (its /Rotate and crop box applied), origin
 * bottom-left, y up, in PDF units. A PDF that cannot be opened (encrypted, damaged, not a PDF)
 * throws AppError('FILE_UNREADABLE'); a scanned PDF opens fine and simply has no text items, which
 * the report reader turns into a finding.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../core/errors.js';
import type { PdfPage, PdfTextItem } from '../../core/report/parse/document.js';
import { rulingLinesFromOperators, type OperatorList } from './pdf-ruling-lines.js';

export interface PdfExtractOptions {
  /** Pages after this one are not read (annual reports have 5–20). */
  readonly maxPages?: number;
  /** Ruling lines (table borders) from the drawing operators; on by default. */
  readonly withLines?: boolean;
}

export const defaultMaxPages = 60;
/** A page with more text runs than this is cut off (guards against pathological files). */
const maxItemsPerPage = 20_000;

type PdfJs = typeof PdfJsModule;
let pdfjsModule: Promise<PdfJs> | undefined;
const loadPdfJs = (): Promise<PdfJs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

let assetDirs: { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string; iccUrl: string } | undefined;
function pdfjsAssets() {
  if (!assetDirs) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    // pdf.js in Node reads these with fs: plain paths, with the trailing separator it expects.
    const dir = (name: string) => join(root, name) + '/';
    assetDirs = { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm'), iccUrl: dir('iccs') };
  }
  return assetDirs;
}

/** The PDF's pages with their text runs and ruling lines. Throws AppError('FILE_UNREADABLE'). */
export async function extractPdfPages(bytes: Uint8Array, options: PdfExtractOptions = {}): Promise<PdfPage[]> {
  if (bytes.length === 0) throw new AppError('FILE_UNREADABLE', { reason: '文件为空' });
  const pdfjs = await loadPdfJs();
  const maxPages = options.maxPages ?? defaultMaxPages;
  const task = pdfjs.getDocument({
    // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    ...pdfjsAssets(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise.catch((e: unknown) => {
      throw new AppError('FILE_UNREADABLE', { reason: openFailureReason(e) }, { cause: e });
    });
    const pages: PdfPage[] = [];
    const count = Math.min(doc.numPages, maxPages);
    for (let n = 1; n <= count; n++) {
      pages.push(await readPage(pdfjs, doc, n, options.withLines ?? true));
    }
    return pages;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_UNREADABLE', { reason: `PDF 内容损坏（${errorName(e)}）` }, { cause: e });
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type Matrix = [number, number, number, number, number, number];

type Viewport = ReturnType<Awaited<ReturnType<PdfDocument['getPage']>>['getViewport']>;

/**
 * The page turned so that most of its text reads left to right: the page's own /Rotate, or a
 * quarter turn more when its content was laid out sideways (a landscape table on a portrait page).
 */
function readingViewport(page: Awaited<ReturnType<PdfDocument['getPage']>>, pdfjs: PdfJs, transforms: readonly Matrix[]): Viewport {
  let best = page.getViewport({ scale: 1 });
  let bestUpright = -1;
  for (const turn of [0, 90, 180, 270]) {
    const viewport = page.getViewport({ scale: 1, rotation: (page.rotate + turn) % 360 });
    const vt = viewport.transform as Matrix;
    let upright = 0;
    for (const t of transforms) {
      const [a, b] = pdfjs.Util.transform(vt, t) as Matrix;
      if (a > 0 && Math.abs(b) < 1e-3 * Math.abs(a)) upright++;
    }
    if (upright > bestUpright) [best, bestUpright] = [viewport, upright];
  }
  return best;
}

async function readPage(pdfjs: PdfJs, doc: PdfDocument, n: number, withLines: boolean): Promise<PdfPage> {
  const page = await doc.getPage(n);
  try {
    const content = await page.getTextContent();
    const runs = (content.items as readonly unknown[]).filter(isTextRun).slice(0, maxItemsPerPage);
    const viewport = readingViewport(page, pdfjs, runs.map((r) => r.transform));
    const vt = viewport.transform as Matrix;
    const height = viewport.height;
    const items: PdfTextItem[] = [];
    for (const raw of runs) {
      const item = toPageItem(raw, pdfjs.Util.transform(vt, raw.transform) as Matrix, height);
      if (item) items.push(item);
    }
    // A page without text (a scan) needs no drawing operators, and fetching them would decode its images.
    const lines = withLines && items.length > 0
      ? rulingLinesFromOperators((await page.getOperatorList()) as OperatorList, pdfjs.OPS, vt, height)
      : [];
    return { width: viewport.width, height, items, lines };
  } finally {
    page.cleanup();
  }
}

interface RawItem { readonly str: string; readonly width: number; readonly height: number; readonly dir: string; readonly transform: Matrix }

const isTextRun = (x: unknown): x is RawItem =>
  typeof x === 'object' && x !== null && typeof (x as RawItem).str === 'string' && (x as RawItem).str.trim() !== '' && Array.isArray((x as RawItem).transform);

/** A text run in page space; runs that are neither horizontal nor vertical (watermarks) are dropped. */
function toPageItem(raw: RawItem, m: Matrix, pageHeight: number): PdfTextItem | null {
  const [a, b, c, d, e, f] = m;
  const str = raw.str;
  const x = e;
  const y = pageHeight - f;
  const axisAligned = Math.abs(b) < 1e-3 && Math.abs(c) < 1e-3;
  if (axisAligned) {
    const size = Math.abs(d) || Math.abs(a);
    if (raw.dir === 'ttb') {
      // vertical writing: (x, y) is the top of the column, height runs downwards
      const h = Math.abs(raw.height) || size * str.length;
      return { str, x, y: y - h, width: Math.abs(raw.width) || size, height: h };
    }
    return { str, x, y, width: Math.abs(raw.width), height: Math.abs(raw.height) || size };
  }
  const quarterTurn = Math.abs(a) < 1e-3 && Math.abs(d) < 1e-3;
  if (!quarterTurn) return null;
  // rotated by 90°: the run's length is vertical; keep its box so cells can still take it
  const size = Math.abs(b);
  const length = Math.abs(raw.width);
  // viewport space has y downwards: b < 0 means the text climbs the page (glyphs stand to the left)
  return b < 0
    ? { str, x: x - size, y, width: size, height: length }
    : { str, x, y: y - length, width: size, height: length };
}

function openFailureReason(e: unknown): string {
  switch (errorName(e)) {
    case 'PasswordException':
      return 'PDF 已加密，需要密码才能打开';
    case 'InvalidPDFException':
      return '不是有效的 PDF 文件，或文件已损坏';
    default:
      return `PDF 无法打开（${errorName(e)}）`;
  }
}

const errorName = (e: unknown): string => (e instanceof Error ? e.name : typeof e);
