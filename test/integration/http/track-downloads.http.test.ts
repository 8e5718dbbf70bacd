/**
 * The applicant's downloads on the public track page, on SQLite and PostgreSQL: after entering the
 * 查询码 (kept in an HttpOnly cookie, never in a URL), each ISSUED letter downloads as PDF and DOCX and
 * each file RELEASED with the issued reply as sent — and nothing else: not a draft, not the
 * 征求意见书 sent to a third party, not an internal file, not a released file not yet sent, not
 * another request's letters or files, not without the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/services/authorization.js';
import { addAttachment } from '../../../src/services/requests/attachments.service.js';
import * as decision from '../../../src/services/requests/decision.service.js';
import * as handling from '../../../src/services/requests/handling.service.js';
import { confirmReceipt, submitPortalRequest } from '../../../src/services/requests/intake.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { createTestApp, type TestApp, type TestClient } from '../../support/app.js';
import { testDatabases } from '../../support/databases.js';
import { personFields, principalOfRole } from '../../support/request-fixture.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const hidden = (html: string, name: string): string => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no hidden ${name}`);
  return m[1]!;
};
const releasedPdf = new TextEncoder().encode('%PDF-1.4\n% 2025年招生计划（公开的政府信息）\n%%EOF\n');
const bytes = (s: string) => new TextEncoder().encode(s);

describe.each(testDatabases)('track page downloads on $name', (target) => {
  let t: TestApp;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let close: () => Promise<void>;
  const ids: Record<string, string> = {};
  const codes: Record<string, string> = {};

  /** A citizen who entered `code` on /track; returns the client (holding the cookie) and the page. */
  async function tracking(code: string): Promise<{ citizen: TestClient; body: string; cookie: string }> {
    const citizen = t.client();
    const formPage = await citizen.get('/track');
    const res = await citizen.post('/track', new URLSearchParams({ _csrf: hidden(formPage.body, '_csrf'), code }).toString(), { headers: form });
    expect(res.statusCode).toBe(200);
    return { citizen, body: res.body, cookie: String(res.headers['set-cookie']) };
  }

  beforeAll(async () => {
    const db = await target.create();
    t = await createTestApp({ db, env: { CHROMIUM_PATH: '/usr/bin/chromium' } });
    f = await seedAccessFixture(t.deps);
    close = async () => {
      await t.close();
      await db.close();
    };
    handler = await principalOfRole(t.deps, f, 'handler');
    head = await principalOfRole(t.deps, f, 'head');
    const deps = t.deps;
    const own = f.agencies.ownAgency;

    // A: consulted a third party, replied with a released file; an internal file and a file added after the reply
    const a = await submitPortalRequest(deps, { agencyId: own, fields: personFields(), intakeKey: 'track-downloads-a-0001' });
    codes.a = a.trackingCode!;
    let r = await confirmReceipt(deps, handler, a.request.id, { version: a.request.version });
    r = await handling.sendConsultation(deps, handler, r.id, { version: r.version, party: 'thirdParty', addressee: '某某学校' });
    r = await handling.answerConsultation(deps, handler, r.id, { version: r.version, opinion: 'agree' });
    ids.released = (await addAttachment(deps, handler, r.id, { fileName: '2025年招生计划.pdf', content: releasedPdf, purpose: 'released' })).id;
    ids.internal = (await addAttachment(deps, handler, r.id, { fileName: '内部审核意见.txt', content: bytes('内部意见'), purpose: 'other' })).id;
    ids.reply = (await decision.draftReply(deps, handler, r.id, { version: r.version, basis: '36-2', values: { reason: '理由', howToObtain: '随本告知书提供' } })).id;
    r = await decision.submitReply(deps, handler, r.id, { version: r.version + 1 });
    r = await decision.approveReply(deps, head, r.id, { version: r.version });
    r = await decision.issueReply(deps, handler, r.id, { version: r.version });
    ids.notSent = (await addAttachment(deps, handler, r.id, { fileName: '补充材料.txt', content: bytes('尚未发出'), purpose: 'released' })).id;
    ids.consultation = (await decision.listRequestLetters(deps, handler, r.id)).find((l) => l.kind === 'consultationLetter')!.id;

    // B: a 补正 notice issued, a reply still a draft, a released file not yet sent
    const b = await submitPortalRequest(deps, { agencyId: own, fields: personFields({ name: '李四' }), intakeKey: 'track-downloads-b-0001' });
    codes.b = b.trackingCode!;
    let s = await confirmReceipt(deps, handler, b.request.id, { version: b.request.version });
    s = await handling.sendClarification(deps, handler, s.id, { version: s.version, items: '请写明文号', answerDueOn: '2026-03-17' });
    s = await handling.answerClarification(deps, handler, s.id, { version: s.version, text: '文号为梁教发〔2025〕1号' });
    ids.bNotice = (await decision.listRequestLetters(deps, handler, s.id)).find((l) => l.kind === 'clarificationNotice')!.id;
    ids.bReleased = (await addAttachment(deps, handler, s.id, { fileName: 'B的文件.txt', content: bytes('B'), purpose: 'released' })).id;
    ids.bDraft = (await decision.draftReply(deps, handler, s.id, { version: s.version, basis: '36-2', values: { reason: '理由', howToObtain: '随本告知书提供' } })).id;
  }, 120_000);
  afterAll(() => close?.());

  it('keeps the code in an HttpOnly, SameSite=Strict cookie for /track and links only what was issued or released to the applicant', async () => {
    const { body, cookie } = await tracking(codes.a!);
    expect(cookie).toMatch(/^gk_track=[^;]+; Max-Age=1800; Path=\/track; HttpOnly; SameSite=Strict/);
    expect(body).toContain(`href="/track/letters/${ids.reply}/pdf"`);
    expect(body).toContain(`href="/track/letters/${ids.reply}/docx"`);
    expect(body).toMatch(/aria-label="下载 PDF：政府信息公开申请答复告知书"/);
    expect(body).toContain(`href="/track/files/${ids.released}"`);
    expect(body).toContain('2025年招生计划.pdf');
    for (const id of [ids.consultation, ids.internal, ids.notSent, ids.bNotice, ids.bReleased]) expect(body).not.toContain(id!);
    const hrefs = [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.toUpperCase());
    expect(hrefs.filter((h) => h.includes(codes.a!.slice(0, 9)) || h.includes(codes.a!.replaceAll('-', '').slice(0, 8)))).toEqual([]);
  });

  it('downloads the issued reply as DOCX and PDF, and the released file byte for byte', async () => {
    const { citizen } = await tracking(codes.a!);
    const docx = await citizen.get(`/track/letters/${ids.reply}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toMatch(/^attachment; filename="file\.docx"; filename\*=UTF-8''\d{4}-\d{6}-%E7%AD%94/);
    expect(docx.headers['cache-control']).toBe('no-store, private');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await citizen.get(`/track/letters/${ids.reply}/pdf`);
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, 'application/pdf', '%PDF-']);
    const file = await citizen.get(`/track/files/${ids.released}`);
    expect([file.statusCode, file.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(new Uint8Array(file.rawPayload)).toEqual(releasedPdf);
  }, 60_000);

  it('refuses drafts, the 征求意见书, internal and unsent files, and another request’s letters and files (the same 404)', async () => {
    const { citizen } = await tracking(codes.a!);
    const denied = [
      `/track/letters/${ids.consultation}/pdf`, `/track/letters/${ids.bNotice}/docx`, `/track/letters/${ids.bDraft}/docx`,
      `/track/files/${ids.internal}`, `/track/files/${ids.notSent}`, `/track/files/${ids.bReleased}`,
      '/track/files/00000000-0000-4000-8000-000000000000', `/track/letters/${ids.reply}/html`,
    ];
    for (const url of denied) {
      const res = await citizen.get(url, { headers: { accept: 'text/html' } });
      expect([url, res.statusCode, res.headers['content-disposition']]).toEqual([url, 404, undefined]);
    }
    // B's own code reaches B's issued notice, but never its draft reply nor its unsent file
    const b = await tracking(codes.b!);
    expect((await b.citizen.get(`/track/letters/${ids.bNotice}/docx`)).statusCode).toBe(200);
    expect((await b.citizen.get(`/track/letters/${ids.bDraft}/docx`)).statusCode).toBe(404);
    expect((await b.citizen.get(`/track/files/${ids.bReleased}`)).statusCode).toBe(404);
    expect(b.body).not.toContain(ids.bDraft!);
  });

  it('asks for the code when there is none, and answers 404 for a code that matches no request', async () => {
    const stranger = t.client();
    const res = await stranger.get(`/track/letters/${ids.reply}/docx`);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('请先输入查询码查询');
    expect(res.body).toContain('name="code"');
    stranger.cookies.set('gk_track', 'AAAA-BBBB-CCCC-DDDD-EEEE');
    expect((await stranger.get(`/track/files/${ids.released}`)).statusCode).toBe(404);
  });
});
