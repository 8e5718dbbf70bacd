/**
 * Renders a report to a file of any supported kind: the pure text renderers of the core (HTML,
 * flattened text, Markdown, JSON) and the binary ones here (DOCX via docx, PDF via Chromium).
 */
import { AppError } from '../../core/errors.js';
import { renderReport } from '../../core/report/render/index.js';
import type { RenderOptions } from '../../core/report/render/index.js';
import type { ReportValues } from '../../core/report/values.js';
import { renderReportDocx } from './docx.js';
import { renderReportPdf } from './pdf.js';

export type RenderTarget = 'html' | 'txt' | 'md' | 'json' | 'docx' | 'pdf';
export const renderTargets: readonly RenderTarget[] = ['html', 'txt', 'md', 'json', 'docx', 'pdf'];

export interface RenderedFile {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly extension: string;
}

export interface RenderFileOptions extends RenderOptions {
  /** Needed for PDF: the Chromium executable (config.chromiumPath). */
  readonly chromiumPath?: string;
}

const mimeTypes: Record<RenderTarget, string> = {
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export const isRenderTarget = (v: string): v is RenderTarget => (renderTargets as readonly string[]).includes(v);

/** The report as a file: bytes, MIME type and file extension (without the dot). */
export async function renderReportFile(report: ReportValues, to: RenderTarget, opts: RenderFileOptions = {}): Promise<RenderedFile> {
  let bytes: Uint8Array;
  switch (to) {
    case 'docx':
      try {
        bytes = await renderReportDocx(report);
      } catch (e) {
        throw new AppError('RENDER_FAILED', { target: 'DOCX', reason: (e as Error).message }, { cause: e });
      }
      break;
    case 'pdf':
      if (!opts.chromiumPath) throw new AppError('RENDER_FAILED', { target: 'PDF', reason: '未配置 Chromium 路径（CHROMIUM_PATH）' });
      bytes = await renderReportPdf(report, { chromiumPath: opts.chromiumPath });
      break;
    default:
      bytes = new TextEncoder().encode(renderReport(report, to, opts));
  }
  return { bytes, mimeType: mimeTypes[to], extension: to };
}

export { closePdfBrowser, printHtmlToPdf, renderReportPdf } from './pdf.js';
export type { PdfOptions } from './pdf.js';
export { docxPage, renderReportDocx } from './docx.js';
