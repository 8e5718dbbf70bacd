import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../../test/support/browser.js';
import { renderApplyPage, renderReceiptPage } from './apply.js';
import { renderTrackFormPage, renderTrackStatusPage } from './track.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const agencies = [{ id: 'a', name: '某区人民政府', depth: 0 }, { id: 'b', name: '某区教育委员会', depth: 1 }];
const status = {
  reference: '2026-000001', agencyName: '某区教育委员会', applicantName: '张*', statusLabel: '补正中', arrivedOn: '2026-03-02', receivedOn: '2026-03-03',
  replyBy: null, outcomeLabel: null, repliedOn: null,
  timeline: [{ on: '2026-03-02', label: '登记申请', detail: '' }, { on: '2026-03-04', label: '发出补正通知', detail: '需要补正的事项：文号' }],
  letters: [{ id: 'l1', title: '政府信息公开申请补正告知书', issuedOn: '2026-03-04', body: '张三：\n\n请补正。' }],
  attachments: [],
  clarification: { items: '请写明文号', dueOn: '2026-03-13' }, forwardedTo: null,
};
const replied = {
  ...status, statusLabel: '已答复', outcomeLabel: '予以公开', repliedOn: '2026-03-20', clarification: null,
  letters: [...status.letters, { id: 'l2', title: '政府信息公开申请答复告知书', issuedOn: '2026-03-20', body: '张三：\n\n予以公开。' }],
  attachments: [{ id: 'f1', fileName: '2025年招生计划.pdf', sizeBytes: 48_213, letterTitle: '政府信息公开申请答复告知书' }],
};

const pages: Record<string, string> = {
  'apply form': renderApplyPage({ agencies, csrfToken: 't', intakeKey: 'k'.repeat(24) }),
  'apply form with problems': renderApplyPage({
    agencies, csrfToken: 't', intakeKey: 'k'.repeat(24), values: { name: '张三', applicantKind: 'naturalPerson' },
    errors: { idNumber: '身份证号码校验位不正确', wantedForm: '请选择所需信息的形式', agencyId: '请选择受理机关' },
  }),
  receipt: renderReceiptPage({ reference: '2026-000001', trackingCode: 'ABCD-EFGH-JKMN-PQRS-TVWX', agencyName: '某区教育委员会', arrivedOn: '2026-03-02', statusLabel: '已登记', duplicate: false }),
  'track form with error': renderTrackFormPage({ csrfToken: 't', error: '未找到申请' }),
  'track status with 补正 form': renderTrackStatusPage({ status, code: 'ABCD', csrfToken: 't', clarificationError: '请填写补正内容' }),
  'track status with downloads': renderTrackStatusPage({ status: replied, code: 'ABCD', csrfToken: 't' }),
};

describe('request pages in Chromium (axe-core)', () => {
  it.each(Object.keys(pages))('%s: no accessibility violations', async (name) => {
    const page = await browser.newPage();
    try {
      await page.setContent(pages[name]!);
      await page.addScriptTag({ path: axePath });
      const result = (await page.evaluate(
        'axe.run(document).then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) })) }))',
      )) as { violations: unknown[] };
      expect(result.violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
