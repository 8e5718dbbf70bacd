/**
 * The report as PDF: Chromium (Debian's, never a downloaded one) prints the HTML renderer's
 * document — A4, the GB/T 9704 margins and the "— 1 —" page numbers come from its print CSS.
 * One browser is shared by all calls and closed after a minute without work. The text layer is
 * repaired so that copied text has ideographs, not radicals (pdf-text-layer.ts).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { AppError } from '../../core/errors.js';
import { renderReportHtml } from '../../core/report/render/index.js';
import type { ReportValues } from '../../core/report/values.js';
import { fixPdfTextLayer } from './pdf-text-layer.js';

export interface PdfOptions {
  /** Path of the Chromium executable (config.chromiumPath). */
  readonly chromiumPath: string;
  /** Give up on one document after this long (default 30 s). */
  readonly timeoutMs?: number;
}

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const IDLE_CLOSE_MS = 60_000;
const MAX_PAGES = 4;

interface Pool {
  readonly path: string;
  readonly browser: Promise<Browser>;
  busy: number;
  idle?: NodeJS.Timeout;
}

let pool: Pool | undefined;
let waiting: (() => void)[] = [];
let open = 0;

const failed = (reason: string, cause?: unknown) => new AppError('RENDER_FAILED', { target: 'PDF', reason }, cause === undefined ? undefined : { cause });

function browserFor(path: string): Promise<Browser> {
  if (pool && pool.path === path) return pool.browser;
  if (pool) void closePool(pool);
  if (!existsSync(path)) throw failed(`未找到 Chromium（${path}），请安装 chromium 或设置 CHROMIUM_PATH`);
  const browser = chromium.launch({ executablePath: path, args: chromiumArgs, headless: true });
  const current: Pool = { path, browser, busy: 0 };
  pool = current;
  browser.then(
    (b) => b.on('disconnected', () => { if (pool === current) pool = undefined; }),
    () => { if (pool === current) pool = undefined; },
  );
  return browser;
}

async function closePool(p: Pool): Promise<void> {
  if (p.idle) clearTimeout(p.idle);
  if (pool === p) pool = undefined;
  try {
    await (await p.browser).close();
  } catch {
    // Already gone.
  }
}

/** Closes the shared browser now (on shutdown and after tests). */
export async function closePdfBrowser(): Promise<void> {
  if (pool) await closePool(pool);
}

async function acquireSlot(): Promise<void> {
  if (open < MAX_PAGES) {
    open++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting[0];
  if (next) {
    waiting = waiting.slice(1);
    next();
  } else {
    open--;
  }
}

/** Prints an HTML document to PDF bytes with the shared Chromium. */
export async function printHtmlToPdf(html: string, opts: PdfOptions): Promise<Uint8Array> {
  await acquireSlot();
  const timeout = opts.timeoutMs ?? 30_000;
  let current: Pool | undefined;
  try {
    let browser: Browser;
    try {
      browser = await browserFor(opts.chromiumPath);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw failed(`无法启动 Chromium：${(e as Error).message.split('\n')[0]}`, e);
    }
    current = pool;
    if (current) {
      current.busy++;
      if (current.idle) clearTimeout(current.idle);
    }
    const page = await browser.newPage();
    try {
      page.setDefaultTimeout(timeout);
      await page.setContent(html, { waitUntil: 'load', timeout });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      return fixPdfTextLayer(new Uint8Array(pdf));
    } catch (e) {
      throw failed(`Chromium 打印失败：${(e as Error).message.split('\n')[0]}`, e);
    } finally {
      await page.close().catch(() => undefined);
    }
  } finally {
    releaseSlot();
    if (current) {
      current.busy--;
      const p = current;
      if (p.busy === 0 && pool === p) {
        p.idle = setTimeout(() => void closePool(p), IDLE_CLOSE_MS);
        p.idle.unref();
      }
    }
  }
}

/** The report as PDF bytes (Chromium printing of renderReportHtml). */
export async function renderReportPdf(report: ReportValues, opts: PdfOptions): Promise<Uint8Array> {
  return printHtmlToPdf(renderReportHtml(report), opts);
}
