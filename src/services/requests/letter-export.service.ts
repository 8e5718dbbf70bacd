/**
 * A letter as a file: DOCX in the official-document look of src/services/render/docx.ts (A4, GB/T 9704
 * margins, 小标宋 title, 仿宋_GB2312 三号 body with a two-character indent and a fixed 28 pt line, the
 * signature block at the right) and PDF printed by the shared Chromium from the same layout in HTML.
 * A letter not yet issued is marked 草稿 and its date left blank.
 */
import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { chineseDate, letterKindLabels, letterParagraphs } from '../../core/requests/letters/letter.js';
import type { RequestLetter } from '../../core/requests/records.js';
import { findAgencyById } from '../../db/agency.repository.js';
import { findRequestById } from '../../db/request.repository.js';
import type { Principal } from '../authorization.js';
import type { ServiceDeps } from '../deps.js';
import { docxFonts, docxPage } from '../render/docx.js';
import { printHtmlToPdf } from '../render/pdf.js';
import { getLetter } from './decision.service.js';

export type LetterFormat = 'docx' | 'pdf';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (v: string): string => v.replace(/[&<>"']/g, (c) => entities[c] ?? c);

export interface LetterLayout {
  readonly title: string;
  readonly reference: string;
  readonly paragraphs: readonly string[];
  readonly agencyName: string;
  /** "2026年3月2日", or blank spaces for a draft. */
  readonly dateText: string;
  readonly draft: boolean;
}

export function letterLayout(letter: RequestLetter, reference: string, agencyName: string): LetterLayout {
  const draft = letter.status !== 'issued';
  return {
    title: letter.title, reference, paragraphs: letterParagraphs(letter.body), agencyName,
    dateText: letter.issuedOn ? chineseDate(letter.issuedOn) : '　　年　　月　　日', draft,
  };
}

const mm = (v: number) => Math.round((v / 25.4) * 1440);
const line = { line: 560, lineRule: LineRuleType.EXACT } as const;
const body = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: line,
    ...(opts.indent !== false && { indent: { firstLine: 640, firstLineChars: 200 } }),
    children: [new TextRun({ text, font: docxFonts.body, size: 32 })],
  });

export async function letterDocx(l: LetterLayout): Promise<Uint8Array> {
  const children: Paragraph[] = [];
  if (l.draft) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: '草稿（未发出）', font: docxFonts.heading, size: 28, color: 'C00000' })] }));
  children.push(
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: l.title, font: docxFonts.title, size: 44 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: `申请编号：${l.reference}`, font: docxFonts.body, size: 32 })] }),
  );
  l.paragraphs.forEach((p, i) => children.push(body(p, { indent: i !== 0 })));
  children.push(new Paragraph({ spacing: line, children: [] }));
  children.push(body(l.agencyName, { indent: false, align: AlignmentType.RIGHT }), body(l.dateText, { indent: false, align: AlignmentType.RIGHT }));
  const doc = new Document({
    creator: 'gongkai',
    title: l.title,
    styles: { default: { document: { run: { font: docxFonts.body, size: 32, language: { value: 'en-US', eastAsia: 'zh-CN' } } } } },
    sections: [{
      properties: {
        page: {
          size: { width: docxPage.width, height: docxPage.height },
          margin: { top: docxPage.top, bottom: docxPage.bottom, left: docxPage.left, right: docxPage.right, header: mm(15), footer: mm(24) },
        },
      },
      footers: {
        default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: docxFonts.table, size: 28 })] })] }),
      },
      children,
    }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The printable HTML of a letter (also what the PDF is printed from). */
export function letterHtml(l: LetterLayout): string {
  const paras = l.paragraphs.map((p, i) => `<p class="${i === 0 ? 'to' : 'para'}">${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(l.title)}</title><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28pt; color: #000; }
h1 { font-family: "Noto Serif CJK SC", "SimSun", serif; font-size: 22pt; font-weight: bold; text-align: center; margin: 0 0 6pt; line-height: 1.4; }
.ref { text-align: center; margin: 0 0 18pt; }
p { margin: 0; text-align: justify; }
.para { text-indent: 2em; }
.sign { margin-top: 28pt; }
.sign p { text-align: right; }
.draft { text-align: right; color: #c00000; font-family: sans-serif; font-size: 14pt; }
</style></head><body>
${l.draft ? '<p class="draft">草稿（未发出）</p>' : ''}
<h1>${escapeHtml(l.title)}</h1>
<p class="ref">申请编号：${escapeHtml(l.reference)}</p>
${paras}
<div class="sign"><p>${escapeHtml(l.agencyName)}</p><p>${escapeHtml(l.dateText)}</p></div>
</body></html>`;
}

export interface LetterFile {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  /** e.g. "2026-000123-答复告知书.docx". */
  readonly fileName: string;
}

/** A letter in reach as DOCX or PDF. @throws AppError(NOT_FOUND | RENDER_FAILED) */
export async function exportLetter(deps: ServiceDeps, principal: Principal, letterId: string, format: LetterFormat, opts: { readonly chromiumPath: string }): Promise<LetterFile> {
  return letterFile(deps, await getLetter(deps, principal, letterId), format, opts);
}

/** A letter (already authorized by the caller) as DOCX or PDF. @throws AppError(RENDER_FAILED) */
export async function letterFile(deps: ServiceDeps, letter: RequestLetter, format: LetterFormat, opts: { readonly chromiumPath: string }): Promise<LetterFile> {
  const request = await findRequestById(deps.db, letter.requestId);
  const agency = await findAgencyById(deps.db, letter.agencyId);
  const layout = letterLayout(letter, request?.reference ?? '', agency?.name ?? '');
  const fileName = `${layout.reference}-${letterKindLabels[letter.kind]}.${format}`;
  if (format === 'docx') {
    return { bytes: await letterDocx(layout), mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', fileName };
  }
  return { bytes: await printHtmlToPdf(letterHtml(layout), { chromiumPath: opts.chromiumPath }), mediaType: 'application/pdf', fileName };
}
