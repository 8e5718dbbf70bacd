/**
 * Reading an annual report from a file's bytes: the kind is detected from the magic bytes (PDF,
 * DOCX/ZIP, legacy Word), then the file name and MIME type, then the content (HTML tags,
 * Markdown pipe tables, else plain text); text is decoded as UTF-8 (with or without BOM), UTF-16
 * by BOM, or GB18030 (GBK/GB2312 pages) when it is not valid UTF-8. Never throws for bad input:
 * a file that cannot be read gives a PARSE-UNREADABLE or PARSE-EMPTY finding and no report.
 */
import { finding } from '../../core/findings.js';
import { AppError } from '../../core/errors.js';
import { parseReportDocx } from '../../core/report/parse/docx.js';
import type { DocModel } from '../../core/report/parse/document.js';
import type { ParseResult } from '../../core/report/parse/index.js';
import { parseReportHtml, parseReportMarkdown, parseReportText } from '../../core/report/parse/index.js';
import { parseReportPdf } from '../../core/report/parse/pdf.js';
import { extractPdfPages } from './pdf-extract.js';

export type DocumentKind = DocModel['source'];

export interface ReadReportOptions {
  readonly filename?: string;
  readonly mimeType?: string;
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));

const EXTENSIONS: Readonly<Record<string, DocumentKind>> = {
  pdf: 'pdf', docx: 'docx', docm: 'docx', dotx: 'docx', doc: 'docx', wps: 'docx',
  html: 'html', htm: 'html', shtml: 'html', xhtml: 'html', mht: 'html',
  md: 'markdown', markdown: 'markdown', txt: 'text', text: 'text', csv: 'text',
};
const MIME: readonly (readonly [RegExp, DocumentKind])[] = [
  [/pdf/, 'pdf'], [/wordprocessingml|msword/, 'docx'], [/html/, 'html'], [/markdown/, 'markdown'], [/^text\//, 'text'],
];

function declaredKind(opts: ReadReportOptions): DocumentKind | null {
  const ext = opts.filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext && EXTENSIONS[ext]) return EXTENSIONS[ext]!;
  const mime = opts.mimeType?.toLowerCase();
  return mime ? (MIME.find(([re]) => re.test(mime))?.[1] ?? null) : null;
}

const WORD_PART = [...'word/'].map((c) => c.charCodeAt(0));

/** The byte sequence occurs in the bytes (ZIP entry names are stored in clear). */
function contains(bytes: Uint8Array, seq: readonly number[]): boolean {
  const first = seq[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i + seq.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, seq, i)) return true;
  }
  return false;
}

/** Binary kinds by their first bytes: PDF, DOCX (a ZIP with word/…), legacy Word (OLE). */
function magicKind(bytes: Uint8Array): DocumentKind | 'zip' | null {
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return contains(bytes, WORD_PART) ? 'docx' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'docx';
  return null;
}

/** Text of the bytes: BOM first, then strict UTF-8, then GB18030. */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const HTML_TAGS = /<(?:!doctype|html|head|body|table|tr|td|p|div|span|br|meta)[\s>/]/i;
const PIPE_ROW = /^\s*\|.*\|\s*$/m;
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/m;

/** The kind of a text file from its content. */
export function sniffTextKind(text: string): DocumentKind {
  const head = text.slice(0, 8192);
  if (HTML_TAGS.test(head) && /^\s*</.test(head)) return 'html';
  if (HTML_TAGS.test(head) && /<table[\s>]/i.test(text)) return 'html';
  if (PIPE_ROW.test(text) && PIPE_RULE.test(text)) return 'markdown';
  return 'text';
}

/** The kind the reader will use for these bytes (binary magic wins over a wrong name). */
export function detectDocumentKind(bytes: Uint8Array, opts: ReadReportOptions = {}): DocumentKind | 'zip' {
  const magic = magicKind(bytes);
  if (magic) return magic;
  const declared = declaredKind(opts);
  if (declared === 'html' || declared === 'markdown') return declared;
  return sniffTextKind(decodeText(bytes.subarray(0, 65536)));
}

const unreadable = (source: DocumentKind, reason: string): ParseResult => ({
  report: null, findings: [finding('PARSE-UNREADABLE', 'error', {}, { reason })], source,
});

/** Reads a report file of any supported kind into values and findings. */
export async function readReport(bytes: Uint8Array, opts: ReadReportOptions = {}): Promise<ParseResult> {
  const declared = declaredKind(opts) ?? 'text';
  if (bytes.length === 0) return { report: null, findings: [finding('PARSE-EMPTY', 'error')], source: declared };
  const kind = detectDocumentKind(bytes, opts);
  switch (kind) {
    case 'zip':
      return unreadable('docx', '文件是压缩包但不是 Word 文档（.docx），请上传 txt/html/md/docx/pdf 文件');
    case 'docx':
      return parseReportDocx(bytes);
    case 'pdf': {
      try {
        return parseReportPdf(await extractPdfPages(bytes));
      } catch (err) {
        // a damaged or encrypted PDF (AppError FILE_UNREADABLE) or a pdf.js failure on odd input
        const reason = err instanceof AppError ? err.params.reason : err instanceof Error ? err.message : null;
        return unreadable('pdf', typeof reason === 'string' && reason !== '' ? reason : 'PDF 文件无法打开');
      }
    }
    case 'html':
      return parseReportHtml(decodeText(bytes));
    case 'markdown':
      return parseReportMarkdown(decodeText(bytes));
    case 'text':
      return parseReportText(decodeText(bytes));
  }
}
