/**
 * The checker page in a real browser (Debian Chromium via playwright-core) with JavaScript turned
 * off: uploading the seed through the form shows its tables and the verdict; pasting a broken
 * report marks the offending cell, and its finding links to it; the DOCX download arrives named
 * after the agency and year. axe-core finds no accessibility violation on the form and a result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/core/report/render/index.js';
import type { ReportValues } from '../../src/core/report/values.js';
import { checkReportFile } from '../../src/services/check.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';
import { sqliteTestDatabase } from '../support/databases.js';
import { shared } from '../support/shared.js';

const sharedSeed = join(shared, 'seed', 'liangping-zwfwb-2024.txt');
const seedFile = existsSync(sharedSeed) ? sharedSeed : fileURLToPath(new URL('../fixtures/render/liangping-2024-tables.txt', import.meta.url));

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
interface AxeResult { violations: { id: string; nodes: { html: string }[] }[]; passes: { id: string }[] }

/** Runs axe-core in the page (a context with JavaScript and CSP bypassed, for axe only). */
async function axe(page: Page): Promise<AxeResult> {
  await page.addScriptTag({ path: axePath });
  return (await page.evaluate(
    'axe.run(document).then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ html: n.html.slice(0, 200) })) })), passes: r.passes.map((p) => ({ id: p.id })) }))',
  )) as AxeResult;
}

const brokenSeed = async (): Promise<string> => {
  const report = (await checkReportFile({ bytes: readFileSync(seedFile), filename: 'seed.txt' })).report!;
  const broken: ReportValues = { ...report, tables: { ...report.tables, table3: { ...report.tables.table3, granted: [3, 0, 0, 0, 0, 0, 3] } } };
  return renderReport(broken, 'txt');
};

describe('checker page in Chromium (no JavaScript)', () => {
  let t: TestApp;
  let closeDb: () => Promise<void>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    const db = await sqliteTestDatabase.create();
    closeDb = () => db.close();
    t = await createTestApp({ db });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true, locale: 'zh-CN' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await closeDb?.();
  });

  it('uploads the seed through the form and shows its tables and the verdict', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: '年度报告检查' }).first().click();
    await expect.poll(() => page.url()).toBe(`${base}/check`);
    await page.getByLabel('年度报告文件').setInputFiles(seedFile);
    await page.getByRole('button', { name: '检查文件' }).click();
    await page.getByRole('heading', { level: 1, name: '年度报告检查结果' }).waitFor();
    expect(await page.getByRole('status').innerText()).toContain('未发现错误');
    const table3 = page.getByRole('table', { name: '表三\u3000收到和处理政府信息公开申请情况' });
    expect(await table3.isVisible()).toBe(true);
    const newReceived = table3.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '一、本年新收政府信息公开申请数量' }) });
    expect(await newReceived.getByRole('cell').allInnerTexts()).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(await page.getByRole('table', { name: '表四\u3000政府信息公开行政复议、行政诉讼情况' }).isVisible()).toBe(true);
    expect(await page.locator('td.flag-error').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word 文档（DOCX）' }).click()]);
    expect(download.suggestedFilename()).toBe('重庆市梁平区政务服务管理办公室2024年政府信息公开工作年度报告.docx');
  });

  it('pastes a broken report and sees the offending cell marked, reachable from its finding', async () => {
    await page.goto(`${base}/check`);
    await page.getByLabel('年度报告全文（含表格）').fill(await brokenSeed());
    await page.getByRole('button', { name: '检查文本' }).click();
    await page.getByRole('heading', { level: 1, name: '年度报告检查结果' }).waitFor();
    expect(await page.getByRole('status').innerText()).toMatch(/发现 \d+ 处错误/);
    const marked = page.locator('td.flag-error');
    expect(await marked.count()).toBeGreaterThan(0);
    const total = page.locator('#cell-total-0');
    expect(await total.getAttribute('class')).toBe('flag-error');
    expect(await total.innerText()).toContain('0');

    await page.getByRole('link', { name: '表三“（七）总计”行“自然人”栏' }).first().click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#cell-total-0');
    expect(await page.locator('td:target').getAttribute('data-cell')).toBe('total:0');
  });

  it('has no accessibility violations on the form and on a result with marked cells (axe-core)', async () => {
    const audit = await browser.newContext({ bypassCSP: true, locale: 'zh-CN' });
    try {
      const p = await audit.newPage();
      await p.goto(`${base}/check`);
      const form = await axe(p);
      expect(form.violations).toEqual([]);
      await p.getByLabel('年度报告全文（含表格）').fill(await brokenSeed());
      await p.getByRole('button', { name: '检查文本' }).click();
      await p.getByRole('heading', { level: 1, name: '年度报告检查结果' }).waitFor();
      const result = await axe(p);
      expect(result.violations).toEqual([]);
      for (const rule of ['td-headers-attr', 'th-has-data-cells', 'label', 'color-contrast', 'heading-order']) expect(result.passes.map((r) => r.id).concat(form.passes.map((r) => r.id))).toContain(rule);
    } finally {
      await audit.close();
    }
  });
});
