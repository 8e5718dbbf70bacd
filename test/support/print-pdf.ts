/**
 * HTML → PDF the way gongkai's own renderer does it (Chromium printing), for the PDF reader's
 * tests and fixtures. Extra CSS lets a test force layouts seen in the wild (tables broken across
 * pages, tables without borders, one font).
 */
import type { Browser } from 'playwright-core';

export async function printHtmlToPdf(browser: Browser, html: string, css = ''): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    if (css) await page.addStyleTag({ content: css });
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  } finally {
    await page.close();
  }
}

/** One CJK font for the whole page (smaller files: Chromium embeds one subset per font). */
export const oneFontCss = "* { font-family: 'Noto Sans CJK SC', 'Noto Serif CJK SC', sans-serif !important; }";
/** Section headings pushed down so that every table is cut by a page break. */
export const tablesAcrossPagesCss = 'h2 { margin-top: 420px !important; }';
/** Tables printed without any border: the reader must find them from alignment alone. */
export const borderlessCss = 'table, th, td { border: 0 none !important; }';
