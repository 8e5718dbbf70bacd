/**
 * The checker page over HTTP (app.inject): the home page and the form, paste (urlencoded) and
 * upload (multipart) giving the verdict, findings linked to marked cells and the tables; too large,
 * empty, unsupported and unreadable uploads answered with a Chinese message and the code; the
 * download form (DOCX, PDF, JSON, text) and forged download forms. The checker stores nothing,
 * so one dialect (SQLite) is enough.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/core/report/render/index.js';
import { specFor } from '../../../src/core/report/spec/index.js';
import type { ReportValues } from '../../../src/core/report/values.js';
import { checkReportFile } from '../../../src/services/check.service.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { sqliteTestDatabase } from '../../support/databases.js';
import { shared } from '../../support/shared.js';

const sharedSeed = join(shared, 'seed', 'liangping-zwfwb-2024.txt');
const seedFile = existsSync(sharedSeed) ? sharedSeed : fileURLToPath(new URL('../../fixtures/render/liangping-2024-tables.txt', import.meta.url));
const seedText = readFileSync(seedFile, 'utf8');

const urlencoded = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** A multipart body with the given file parts (and text fields). */
function multipart(files: { field: string; name: string; type: string; bytes: Uint8Array }[], fields: Record<string, string> = {}) {
  const boundary = `----gongkai${files.length}x${Object.keys(fields).length}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), Buffer.from(f.bytes), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' } };
}

const hiddenReport = (html: string) => {
  const m = /<input type="hidden" name="report" value="([^"]*)">/.exec(html);
  return m ? m[1]!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : null;
};

describe('the checker page', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const db = await sqliteTestDatabase.create();
    t = await createTestApp({ db, env: { UPLOAD_LIMIT_MB: '1' } });
    close = async () => {
      await t.close();
      await db.close();
    };
  });
  afterAll(() => close?.());

  const post = (url: string, payload: string | Buffer, headers: Record<string, string>) => t.app.inject({ method: 'POST', url, payload, headers });

  it('serves the home page and the form (no scripts, a file input that accepts the report kinds)', async () => {
    const home = await t.app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<a href="/check">年度报告检查</a>');
    const page = await t.app.inject({ url: '/check' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1>年度报告检查</h1>');
    expect(page.body).toMatch(/<input id="report-file" name="file" type="file" accept="\.txt,\.html,\.htm,\.md,\.docx,\.pdf,/);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('<label for="report-text">');
    expect(page.body).not.toMatch(/<script/i);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('checks a pasted report: verdict, facts, tables and the download form', async () => {
    const res = await post('/check', form({ text: seedText }), urlencoded);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<p class="verdict verdict-ok" role="status">未发现错误');
    expect(res.body).toContain('<dt>机关</dt><dd>重庆市梁平区政务服务管理办公室</dd>');
    expect(res.body).toContain('<dt>年度</dt><dd>2024年</dd>');
    expect(res.body).toContain('<caption id="r-t3-caption">表三\u3000收到和处理政府信息公开申请情况</caption>');
    expect(res.body).toContain('一、本年新收政府信息公开申请数量');
    expect(res.body).toContain('<p>没有发现任何问题。</p>');
    expect(res.body).not.toContain('flag-error');
    const json = JSON.parse(hiddenReport(res.body)!) as { format: string; year: number; tables: { table3: Record<string, unknown> } };
    expect([json.format, json.year, Object.keys(json.tables.table3)]).toEqual(['2021', 2024, expect.arrayContaining(['newReceived', 'carriedForward'])]);
  });

  it('checks an uploaded file with errors: the findings link to the marked cells', async () => {
    const report = (await checkReportFile({ bytes: Buffer.from(seedText), filename: 'seed.txt' })).report!;
    const broken: ReportValues = { ...report, tables: { ...report.tables, table3: { ...report.tables.table3, total: [2, 0, 0, 0, 0, 0, 2] } } };
    const body = multipart([{ field: 'file', name: '报告.txt', type: 'text/plain', bytes: Buffer.from(renderReport(broken, 'txt')) }]);
    const res = await post('/check', body.payload, body.headers);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<p class="verdict verdict-error" role="status">发现 \d+ 处错误/);
    expect(res.body).toContain('<dt>文件</dt><dd>报告.txt</dd>');
    expect(res.body).toContain('<a href="#cell-total-0">表三“（七）总计”行“自然人”栏</a>');
    expect(res.body).toMatch(/<td [^>]*id="cell-total-0" data-cell="total:0" class="flag-error">2<span[^>]*>（有错误）<\/span><\/td>/);
    expect(res.body).toContain('代码：<code>T3-OUTSUM</code>');
    // each finding that quotes a rule shows its legal basis (依据) under the message
    const items = [...res.body.matchAll(/<li class="finding finding-\w+">([\s\S]*?)<\/li>/g)].map((m) => m[1]!);
    const outsum = items.find((i) => i.includes('<code>T3-OUTSUM</code>'))!;
    const basis = specFor('2021').rules.find((r) => r.code === 'T3-OUTSUM')!.basis;
    expect(outsum).toMatch(new RegExp(`<span class="finding-message">[^<]+</span>\\s*<span class="finding-basis">依据：${basis}</span>`));
    const checked = await checkReportFile({ bytes: Buffer.from(renderReport(broken, 'txt')), filename: '报告.txt' });
    expect(items).toHaveLength(checked.findings.length);
    expect(items.filter((i) => i.includes('class="finding-basis"'))).toHaveLength(checked.findings.filter((f) => typeof f.params.basis === 'string').length);
  });

  it('answers an upload over the limit with 413 and a Chinese message on the form', async () => {
    const big = multipart([{ field: 'file', name: 'big.txt', type: 'text/plain', bytes: new Uint8Array(1024 * 1024 + 10).fill(0x41) }]);
    const res = await post('/check', big.payload, big.headers);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('文件过大：上限为 1 MB');
    expect(res.body).toContain('<code>FILE_TOO_LARGE</code>');
    expect(res.body).toContain('<form class="card" method="post" action="/check"');
    const pasted = await post('/check', form({ text: 'x'.repeat(1024 * 1024 + 10) }), urlencoded);
    expect([pasted.statusCode, pasted.body.includes('文件过大：上限为 1 MB')]).toEqual([413, true]);
  });

  it('explains an empty form, an unsupported file and unreadable content, with the code', async () => {
    const empty = await post('/check', form({ text: '  ' }), urlencoded);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请选择要上传的年度报告文件，或粘贴报告全文');
    expect(empty.body).toContain('<code>REQUEST_INVALID</code>');
    const image = multipart([{ field: 'file', name: 'scan.png', type: 'image/png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) }]);
    const unsupported = await post('/check', image.payload, image.headers);
    expect(unsupported.statusCode).toBe(415);
    expect(unsupported.body).toContain('不支持的文件类型（.png）');
    expect(unsupported.body).toContain('<code>FILE_TYPE_UNSUPPORTED</code>');
    const blank = multipart([{ field: 'file', name: 'empty.txt', type: 'text/plain', bytes: new Uint8Array(0) }]);
    const unreadable = await post('/check', blank.payload, blank.headers);
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.body).toContain('未能读取年度报告');
    expect(unreadable.body).toContain('文件为空或没有可读取的文字');
    expect(unreadable.body).toContain('<code>PARSE-EMPTY</code>');
    expect(unreadable.body).not.toContain('finding-basis'); // a reading finding quotes no rule
    const pdf = multipart([{ field: 'file', name: 'broken.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7\nnot really a pdf') }]);
    const damaged = await post('/check', pdf.payload, pdf.headers);
    expect(damaged.statusCode).toBe(422);
    expect(damaged.body).toContain('<code>PARSE-UNREADABLE</code>');
    expect(damaged.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('adds the cross-year checks when last year\'s report is uploaded too', async () => {
    const report = (await checkReportFile({ bytes: Buffer.from(seedText), filename: 'seed.txt' })).report!;
    const lastYear: ReportValues = { ...report, year: 2023, title: null, period: null, tables: { ...report.tables, table3: { ...report.tables.table3, carriedForward: [3, 0, 0, 0, 0, 0, 3] } } };
    const body = multipart([
      { field: 'file', name: 'seed.txt', type: 'text/plain', bytes: Buffer.from(seedText) },
      { field: 'previous', name: '2023.txt', type: 'text/plain', bytes: Buffer.from(renderReport(lastYear, 'txt')) },
    ]);
    const res = await post('/check', body.payload, body.headers);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<code>T3-CARRY</code>');
    expect(res.body).toContain('<a href="#cell-carriedOver-0">');
  });

  describe('downloads', () => {
    let reportJson: string;
    beforeAll(async () => {
      reportJson = hiddenReport((await post('/check', form({ text: seedText }), urlencoded)).body)!;
    });
    const download = (to: string, report: string) => post(`/check/download?to=${to}`, form({ report }), urlencoded);
    const disposition = (name: string) => `attachment; filename="annual-report.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`;

    it('gives DOCX (PK) and PDF (%PDF) files named after the agency and year', async () => {
      const docx = await download('docx', reportJson);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.headers['content-disposition']).toBe(disposition('重庆市梁平区政务服务管理办公室2024年政府信息公开工作年度报告.docx'));
      expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      const pdf = await download('pdf', reportJson);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('gives JSON and text that read back as the same report', async () => {
      const json = await download('json', reportJson);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(json.body)).toEqual(JSON.parse(reportJson));
      const txt = await download('txt', reportJson);
      expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
      const again = await checkReportFile({ bytes: txt.rawPayload, filename: 'again.txt' });
      expect(again.report?.tables).toEqual((await checkReportFile({ bytes: Buffer.from(seedText), filename: 'seed.txt' })).report?.tables);
    });

    it('refuses forged forms with a clear Chinese page, never a stack', async () => {
      const forged: [string, string, number, string][] = [
        ['docx', '{"format":"2021"', 422, '不是有效的 JSON'],
        ['docx', JSON.stringify({ ...JSON.parse(reportJson), format: '2018' }), 422, '年度报告数据不符合格式'],
        ['pdf', JSON.stringify({ ...JSON.parse(reportJson), tables: { table3: {} } }), 422, '年度报告数据不符合格式'],
        ['docx', '', 422, '缺少报告数据'],
        ['exe', reportJson, 400, '下载格式应为 docx、pdf、json、txt、html 之一'],
      ];
      for (const [to, report, status, message] of forged) {
        const res = await download(to, report);
        expect(res.statusCode, `${to} ${report.slice(0, 30)}`).toBe(status);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toContain(message);
        expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
      }
    });
  });

  it('is rate-limited per client (RATE_LIMIT_FORMS per hour): the form again with a Chinese message', async () => {
    const db = await sqliteTestDatabase.create();
    const limited = await createTestApp({ db, env: { RATE_LIMIT_FORMS: '2' } });
    try {
      const send = () => limited.app.inject({ method: 'POST', url: '/check', payload: form({ text: seedText }), headers: urlencoded });
      expect([(await send()).statusCode, (await send()).statusCode]).toEqual([200, 200]);
      const third = await send();
      expect(third.statusCode).toBe(429);
      expect(third.body).toContain('操作过于频繁，请稍后再试');
      expect(third.body).toContain('<code>RATE_LIMITED</code>');
    } finally {
      await limited.close();
      await db.close();
    }
  });
});
