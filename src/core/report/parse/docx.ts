/**
 * DOCX reader: the main document part of a Word file → DocModel. Paragraphs (w:p, with tabs and
 * breaks, automatic numbering restored) and tables (w:tbl; w:gridSpan → colspan, w:vMerge
 * restart/continue → rowspan, w:gridBefore offsets) in body order. A table that only wraps other
 * content (one cell) is unwrapped; a table nested in a real table's cell becomes text of that cell.
 * Deleted revisions, field instructions, ruby text and the fallback copies of drawings are skipped.
 *
 * Files that are not DOCX (legacy .doc/.wps, RTF, HTML saved as .doc, damaged zips) give a
 * PARSE-UNREADABLE finding with the reason, never an exception.
 */
import { unzipSync } from 'fflate';
import { finding } from '../../findings.js';
import type { DocBlock, DocModel, GridCell, GridRow } from './document.js';
import { readNumbering, readStyleNumbering, type Numbering } from './docx-numbering.js';
import { child, childrenNamed, decodeXml, parseXml, propVal, type XmlElement, type XmlNode } from './docx-xml.js';
import { parseDocModel, type ParseResult } from './index.js';

export type DocxRead = { readonly ok: true; readonly doc: DocModel } | { readonly ok: false; readonly reason: string };

/** Largest uncompressed XML part read (zip bombs stop here). */
const maxPartBytes = 64 * 1024 * 1024;
const mainContentType = /wordprocessingml\.document\.main\+xml|wordprocessingml\.template\.main\+xml|ms-word\.document\.macroEnabled\.main\+xml/;

/** Elements whose content is not document text. */
const skipped = new Set(['Fallback', 'instrText', 'delText', 'del', 'rt', 'pPr', 'rPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'tblGrid', 'footnoteReference', 'endnoteReference', 'commentReference']);

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);
const asciiHead = (b: Uint8Array) => String.fromCharCode(...b.subarray(0, 64)).replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().toLowerCase();

/** Why the bytes are not a readable DOCX, when that is clear from the first bytes. */
function notDocx(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件为空';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return '旧版 .doc（或 .wps、加密的 Word）格式不受支持，请在 Word/WPS 中另存为 .docx 后再上传';
  const head = asciiHead(bytes);
  if (head.startsWith('{\\rtf')) return 'RTF 格式不受支持，请另存为 .docx 后再上传';
  if (head.startsWith('<html') || head.startsWith('<!doctype') || head.startsWith('mime-version') || head.startsWith('<?xml')) {
    return '文件不是 .docx，而是网页（HTML/MHT/XML）格式，请以网页文件上传或另存为 .docx';
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return '文件是 PDF，不是 .docx，请以 PDF 文件上传';
  if (!startsWith(bytes, [0x50, 0x4b])) return '不是有效的 .docx 文件（不是 ZIP 压缩包）';
  return null;
}

function unzipParts(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  return unzipSync(bytes, { filter: (f) => wanted(f.name) && f.originalSize <= maxPartBytes });
}

/** The main document part's path: word/document.xml, or what [Content_Types].xml names. */
function mainPartName(bytes: Uint8Array): string | null {
  const types = unzipParts(bytes, (n) => n === '[Content_Types].xml')['[Content_Types].xml'];
  const root = types ? parseXml(decodeXml(types)) : null;
  const override = root ? childrenNamed(root, 'Override').find((o) => mainContentType.test(o.attribs.ContentType ?? '')) : undefined;
  return override?.attribs.PartName?.replace(/^\//, '') ?? null;
}

/** A DOCX file as blocks, or the reason it cannot be read. */
export function readDocx(bytes: Uint8Array): DocxRead {
  const bad = notDocx(bytes);
  if (bad) return { ok: false, reason: bad };
  try {
    let parts = unzipParts(bytes, (n) => n === 'word/document.xml' || n === 'word/numbering.xml' || n === 'word/styles.xml');
    let main = parts['word/document.xml'];
    if (!main) {
      const name = mainPartName(bytes);
      if (name) {
        parts = { ...parts, ...unzipParts(bytes, (n) => n === name) };
        main = parts[name];
      }
    }
    if (!main) return { ok: false, reason: '压缩包中没有 Word 文档正文（word/document.xml），不是有效的 .docx 文件' };
    const root = parseXml(decodeXml(main));
    const body = root ? (child(root, 'body') ?? root) : null;
    if (!body) return { ok: false, reason: 'Word 文档正文无法解析' };
    const numbering = readNumbering(parts['word/numbering.xml'] ? parseXml(decodeXml(parts['word/numbering.xml'])) : null);
    const styleNumbering = readStyleNumbering(parts['word/styles.xml'] ? parseXml(decodeXml(parts['word/styles.xml'])) : null);
    const reader = new BodyReader(numbering, styleNumbering);
    return { ok: true, doc: { source: 'docx', blocks: reader.blocks(body) } };
  } catch (e) {
    return { ok: false, reason: `.docx 文件已损坏，无法解压或解析（${e instanceof Error ? e.name : 'error'}）` };
  }
}

/** The DOCX as a DocModel; an unreadable file gives an empty one (use readDocx for the reason). */
export function docxToDocModel(bytes: Uint8Array): DocModel {
  const read = readDocx(bytes);
  return read.ok ? read.doc : { source: 'docx', blocks: [] };
}

/** A DOCX file → the report and the findings about reading it (PARSE-UNREADABLE with the reason); never throws. */
export function parseReportDocx(bytes: Uint8Array): ParseResult {
  const read = readDocx(bytes);
  if (!read.ok) return { report: null, findings: [finding('PARSE-UNREADABLE', 'error', {}, { reason: read.reason })], source: 'docx' };
  return parseDocModel(read.doc);
}

const normaliseSpaces = (s: string) => s.replace(/[ \t\u00a0\u3000]+/g, ' ').replace(/ *\n */g, '\n').trim();

class BodyReader {
  constructor(
    private readonly numbering: Numbering,
    private readonly styleNumbering: (styleId: string) => { numId: string; ilvl: number } | null,
  ) {}

  /** Blocks of a container (body, cell, text box, content control) in order. */
  blocks(container: XmlElement): DocBlock[] {
    const out: DocBlock[] = [];
    this.collect(container, out);
    return out;
  }

  private collect(el: XmlElement, out: DocBlock[]): void {
    for (const c of el.children) {
      if (c.type !== 'tag' || skipped.has(c.local)) continue;
      if (c.local === 'p') this.paragraph(c, out);
      else if (c.local === 'tbl') this.table(c, out);
      else this.collect(c, out); // sdt, sdtContent, customXml, ins, …
    }
  }

  private paragraph(p: XmlElement, out: DocBlock[]): void {
    const boxes: XmlElement[] = [];
    let text = this.numberLabel(p) + this.runText(p, boxes);
    text = normaliseSpaces(text);
    if (text !== '') out.push({ kind: 'paragraph', text });
    for (const box of boxes) this.collect(box, out);
  }

  private numberLabel(p: XmlElement): string {
    const pPr = child(p, 'pPr');
    const numPr = pPr ? child(pPr, 'numPr') : undefined;
    const style = pPr ? propVal(pPr, 'pStyle') : undefined;
    const fromStyle = style ? this.styleNumbering(style) : null;
    const numId = (numPr ? propVal(numPr, 'numId') : undefined) ?? fromStyle?.numId;
    if (numId === undefined) return '';
    const ilvl = Number((numPr ? propVal(numPr, 'ilvl') : undefined) ?? fromStyle?.ilvl ?? 0) || 0;
    return this.numbering.next(numId, ilvl);
  }

  /** The text of a paragraph's runs; text boxes met on the way are collected for later. */
  private runText(el: XmlElement, boxes: XmlElement[]): string {
    let s = '';
    for (const c of el.children) {
      if (c.type === 'text') continue; // whitespace between elements is not text
      if (skipped.has(c.local)) continue;
      switch (c.local) {
        case 't':
          s += textOf(c);
          break;
        case 'tab':
        case 'ptab':
          s += '\t';
          break;
        case 'br':
        case 'cr':
          s += c.attribs.type === 'page' ? '' : '\n';
          break;
        case 'noBreakHyphen':
          s += '-';
          break;
        case 'sym':
          s += symbolChar(c.attribs.char);
          break;
        case 'txbxContent':
          boxes.push(c);
          break;
        case 'p':
          boxes.push({ ...c, local: 'txbxContent', children: [c] });
          break;
        default:
          s += this.runText(c, boxes);
      }
    }
    return s;
  }

  private table(tbl: XmlElement, out: DocBlock[]): void {
    const rows = this.tableRows(tbl);
    const cells = rows.flatMap((r) => r);
    // a one-cell table that only frames other content: read the content as if it were not framed
    if (cells.length === 1 && cells[0]!.blocks.some((b) => b.kind === 'table')) {
      for (const b of cells[0]!.blocks) out.push(b);
      return;
    }
    const grid: GridRow[] = rows.map((r) => r.map((c): GridCell => ({ text: cellText(c.blocks), colspan: c.colspan, rowspan: c.rowspan })));
    if (grid.some((r) => r.length > 0)) out.push({ kind: 'table', rows: grid });
  }

  /** Rows of anchor cells with spans; continuation cells of vertical merges are folded into their anchor. */
  private tableRows(tbl: XmlElement): { blocks: DocBlock[]; colspan: number; rowspan: number }[][] {
    type Cell = { blocks: DocBlock[]; colspan: number; rowspan: number; col: number };
    const rows: Cell[][] = [];
    /** The cell anchoring each grid column at the row above (for vertical merges). */
    const open = new Map<number, Cell>();
    for (const tr of rowsOf(tbl)) {
      const row: Cell[] = [];
      let col = Number(propVal(child(tr, 'trPr') ?? tr, 'gridBefore') ?? '0') || 0;
      const seen = new Set<number>();
      for (const tc of cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const span = Math.max(1, Math.min(1000, Number(propVal(tcPr, 'gridSpan') ?? '1') || 1));
        const vMerge = propVal(tcPr, 'vMerge');
        const hMerge = propVal(tcPr, 'hMerge');
        const above = open.get(col);
        if (vMerge !== undefined && vMerge !== 'restart' && above) {
          above.rowspan += 1;
          for (let k = col; k < col + span; k++) seen.add(k);
        } else if (hMerge !== undefined && hMerge !== 'restart' && row.length > 0) {
          row[row.length - 1]!.colspan += span;
        } else {
          const cell: Cell = { blocks: this.blocks(tc), colspan: span, rowspan: 1, col };
          row.push(cell);
          for (let k = col; k < col + span; k++) {
            open.set(k, cell);
            seen.add(k);
          }
        }
        col += span;
      }
      // a column not continued in this row closes its merge
      for (const k of [...open.keys()]) if (!seen.has(k)) open.delete(k);
      rows.push(row);
    }
    return rows;
  }
}

function rowsOf(tbl: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of tbl.children) {
    if (c.type !== 'tag') continue;
    if (c.local === 'tr') out.push(c);
    else if (c.local === 'sdt' || c.local === 'sdtContent' || c.local === 'customXml') out.push(...rowsOf(c));
  }
  return out;
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of tr.children) {
    if (c.type !== 'tag') continue;
    if (c.local === 'tc') out.push(c);
    else if (c.local === 'sdt' || c.local === 'sdtContent' || c.local === 'customXml') out.push(...cellsOf(c));
  }
  return out;
}

function textOf(el: XmlElement): string {
  return el.children.map((c: XmlNode) => (c.type === 'text' ? c.data : textOf(c))).join('');
}

/** A cell's text: its paragraphs on separate lines; a nested table's rows as lines of cells. */
function cellText(blocks: readonly DocBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') lines.push(b.text);
    else for (const r of b.rows) lines.push(r.map((c) => c.text.replace(/\n/g, ' ')).join(' '));
  }
  return normaliseSpaces(lines.join('\n'));
}

/** w:sym characters: Private-Use symbol-font codes (F0xx) map to their ASCII/Latin-1 position. */
function symbolChar(hex: string | undefined): string {
  const code = hex ? parseInt(hex, 16) : NaN;
  if (!Number.isFinite(code)) return '';
  const c = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  return c >= 0x20 && c < 0xd800 ? String.fromCharCode(c) : '';
}
