import { describe, expect, it } from 'vitest';
import { spec2021 } from '../report/spec/2021/index.js';
import { toClockEvents, logFacts, type RequestEvent } from './events.js';
import { checkIntake } from './intake.js';
import { composeNotice, composeReplyLetter, unfilledMarkers } from './letters/letter.js';
import { replyParagraphs } from './letters/reply-templates.js';
import { noticeKinds } from './letters/notice-templates.js';
import { basesOf, outcomeBases, outcomeKeys, replyBases } from './outcomes.js';
import { defaultRequestPolicy, outcomeOfBasis, requestPolicy } from './policy.js';
import { allowedActions, checkAction, requestActions, requestStatuses, statusAfter, type ActionContext } from './states.js';

const ctx = (over: Partial<ActionContext> = {}): ActionContext => ({
  clarificationSent: false, openConsultations: 0, feeNoticeSent: false, hasReplyDraft: false, received: true, ...over,
});

describe('outcomes (rules.md §2.9)', () => {
  it('are exactly the table-三 outcome rows of the 2021 format, in order', () => {
    const rows = spec2021.tables.table3.rows.map((r) => r.key);
    const outcomeRows = rows.slice(rows.indexOf('granted'), rows.indexOf('total'));
    expect([...outcomeKeys]).toEqual(outcomeRows);
  });

  it('every outcome has a basis, every basis a letter template', () => {
    for (const k of outcomeKeys) expect(basesOf(k, true).length, k).toBeGreaterThan(0);
    for (const b of outcomeBases) expect(replyParagraphs[b.key], b.key).toBeTypeOf('string');
    expect(new Set(outcomeBases.map((b) => b.key)).size).toBe(outcomeBases.length);
  });

  it('applies the [U] conventions through the policy', () => {
    const b361 = outcomeBases.find((b) => b.key === '36-1')!;
    expect(outcomeOfBasis(b361)).toBe('granted');
    expect(outcomeOfBasis(b361, requestPolicy({ alreadyPublishedOutcome: 'other_other' }))).toBe('other_other');
    expect(outcomeOfBasis(outcomeBases.find((b) => b.key === 'withdrawal')!)).toBe(defaultRequestPolicy.withdrawalOutcome);
  });
});

describe('letters', () => {
  const facts = { agencyName: '甲区教育委员会', reference: '2026-000001', applicantName: '张三', receivedOn: '2026-03-02', description: '2025年学校名单', reviewOrgan: '甲区人民政府' };

  it('fills every reply template and cites its article', () => {
    for (const b of replyBases) {
      const letter = composeReplyLetter(b.key, { ...facts, values: { reason: '理由', howToObtain: '网站', responsibleAgency: '乙局', clarificationSentOn: '2026-03-03' } })!;
      expect(letter.body, b.key).toContain('张三：');
      expect(letter.body).toContain('2026年3月2日');
      expect(letter.body).toContain('甲区人民政府');
      if (b.citation) expect(letter.body, b.key).toContain(b.citation.replace(/第[^第]*$/, '').slice(0, 10));
      expect(unfilledMarkers(letter.body), b.key).toEqual([]);
    }
  });

  it('leaves visible markers for what only a person can write', () => {
    const letter = composeReplyLetter('15', facts)!;
    expect(unfilledMarkers(letter.body)).toEqual(['理由']);
    expect(composeReplyLetter('36-4', facts)!.body).not.toContain('〔请填写');
    expect(composeReplyLetter('nope', facts)).toBeNull();
  });

  it('composes every notice', () => {
    for (const k of noticeKinds) expect(composeNotice(k, facts).title).toMatch(/书$/);
    expect(composeNotice('clarificationNotice', { ...facts, values: { clarificationItems: '文号', clarificationDueOn: '2026-03-20' } }).body).toContain('2026年3月20日前');
    // items typed as a sentence keep one full stop, not "。。"
    const typed = composeNotice('clarificationNotice', { ...facts, values: { clarificationItems: '请写明文件的文号和发布年份。', clarificationDueOn: '2026-03-20' } }).body;
    expect(typed).toContain('作出补正：请写明文件的文号和发布年份。');
    expect(typed).not.toContain('。。');
  });
});

describe('states', () => {
  it('every action starts only from its states; a second 补正 is refused', () => {
    expect(checkAction('inProgress', 'sendClarification', ctx(), defaultRequestPolicy).ok).toBe(true);
    expect(checkAction('inProgress', 'sendClarification', ctx({ clarificationSent: true }), defaultRequestPolicy)).toMatchObject({ ok: false });
    expect(checkAction('replied', 'withdraw', ctx(), defaultRequestPolicy).ok).toBe(false);
    expect(checkAction('registered', 'sendClarification', ctx({ received: false }), defaultRequestPolicy).ok).toBe(false);
    for (const s of requestStatuses) for (const a of requestActions) {
      const c = checkAction(s, a, ctx({ openConsultations: 1, hasReplyDraft: true }), defaultRequestPolicy);
      if (!c.ok) expect(c.reason.length).toBeGreaterThan(0);
    }
  });

  it('the reply needs the head unless the policy says otherwise', () => {
    expect(checkAction('inProgress', 'issueReply', ctx({ hasReplyDraft: true }), defaultRequestPolicy).ok).toBe(false);
    expect(checkAction('inProgress', 'issueReply', ctx({ hasReplyDraft: true }), requestPolicy({ replyApproval: 'none' })).ok).toBe(true);
    expect(allowedActions('awaitingApproval', ctx(), defaultRequestPolicy, 'handler')).not.toContain('approveReply');
    expect(allowedActions('awaitingApproval', ctx(), defaultRequestPolicy, 'head')).toContain('approveReply');
  });

  it('leads to the next state', () => {
    expect(statusAfter('consulting', 'answerConsultation', ctx({ openConsultations: 2 }))).toBe('consulting');
    expect(statusAfter('consulting', 'answerConsultation', ctx({ openConsultations: 1 }))).toBe('inProgress');
    expect(statusAfter('registered', 'withdraw', ctx({ received: false }))).toBe('voided');
    expect(statusAfter('inProgress', 'withdraw', ctx())).toBe('closed');
  });
});

describe('events → clock', () => {
  const ev = (kind: RequestEvent['kind'], on: string, data: RequestEvent['data'] = {}) => ({ kind, on, data });
  it('maps the lifecycle onto ClockEvents; a withdrawal after receipt stops the clock', () => {
    const log = [
      ev('registered', '2026-03-01'), ev('received', '2026-03-02'), ev('assigned', '2026-03-02'),
      ev('consultationSent', '2026-03-05', { consultationId: 'c1', party: 'thirdParty' }), ev('consultationAnswered', '2026-03-12', { consultationId: 'c1' }),
      ev('extensionApproved', '2026-03-20', { workdays: 10 }), ev('withdrawn', '2026-03-25'),
    ];
    expect(toClockEvents(log)).toEqual([
      { kind: 'received', on: '2026-03-02' },
      { kind: 'consultationSent', on: '2026-03-05', consultationId: 'c1', party: 'thirdParty' },
      { kind: 'consultationAnswered', on: '2026-03-12', consultationId: 'c1' },
      { kind: 'extensionApproved', on: '2026-03-20', workdays: 10 },
      { kind: 'replied', on: '2026-03-25' },
    ]);
    expect(logFacts(log)).toMatchObject({ received: true, openConsultations: [], extensionWorkdays: 10 });
    expect(toClockEvents([ev('registered', '2026-03-01'), ev('withdrawn', '2026-03-02')])).toEqual([]);
  });
});

describe('intake (第二十九条)', () => {
  const good = {
    applicantKind: 'naturalPerson', name: '张三', idType: 'residentId', idNumber: '11010519491231002x', phone: '13812345678',
    description: '2025年度本区义务教育学校名单', wantedForm: 'electronic', wantedDelivery: 'email', email: 'z@example.com', channel: 'internet',
  };
  it('accepts and normalizes a complete request', () => {
    const c = checkIntake(good, '2026-03-02');
    expect(c.problems).toEqual([]);
    expect(c.value?.applicant.idNumber).toBe('11010519491231002X');
  });
  it('reports each problem on its field', () => {
    const c = checkIntake({ ...good, idNumber: '110105194912310021', email: '', applicantKind: 'commercial', idType: 'residentId' }, '2026-03-02');
    const fields = c.problems.map((p) => p.field);
    expect(c.value).toBeNull();
    expect(fields).toContain('idType');
    expect(fields).toContain('email');
    expect(fields).toContain('contactPerson');
    expect(checkIntake({ ...good, idNumber: '110105194912310021' }).problems).toEqual([{ field: 'idNumber', message: expect.stringContaining('校验位') }]);
    expect(checkIntake({ ...good, wantedForm: 'paper' }).problems.map((p) => p.field)).toEqual(['wantedDelivery']);
  });
});
