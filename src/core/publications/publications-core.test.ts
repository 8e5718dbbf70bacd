import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/calendar.js';
import { deadlineState, publishDeadline, publishedInTime } from './deadline.js';
import { agencyIndexCode, checkIndexPattern, formatIndexNumber } from './index-number.js';
import type { Review } from './publication.js';
import { defaultPublicationPolicy, publishBlockers, reviewRefusal, statusAfterReview } from './workflow.js';

const calendar = defaultCalendar();

describe('publication deadline (第二十六条, 20 working days)', () => {
  it('skips the 2026 春节 holiday and counts its 调休上班 Saturdays', () => {
    // 2026-02-06 (Fri) + 20 wd: Feb 9–13 (5), Sat Feb 14 调休 (6), Feb 15–23 春节, Feb 24–27 (10), Sat Feb 28 调休 (11),
    // Mar 2–6 (16), Mar 9–12 (20)
    expect(publishDeadline(calendar, '2026-02-06')).toBe('2026-03-12');
    // an ordinary stretch: 2026-03-02 (Mon) + 20 wd = 2026-03-30 (Mon)
    expect(publishDeadline(calendar, '2026-03-02')).toBe('2026-03-30');
  });

  it('classifies today against the deadline', () => {
    expect(deadlineState(calendar, '2026-02-06', '2026-02-09', 5)).toMatchObject({ state: 'onTrack', workdaysLeft: 19 });
    expect(deadlineState(calendar, '2026-02-06', '2026-03-05', 5)).toMatchObject({ state: 'dueSoon', workdaysLeft: 5 });
    expect(deadlineState(calendar, '2026-02-06', '2026-03-12', 5)).toMatchObject({ state: 'dueSoon', workdaysLeft: 0 });
    expect(deadlineState(calendar, '2026-02-06', '2026-03-16', 5)).toMatchObject({ state: 'overdue', workdaysLeft: -2 });
    expect(publishedInTime(calendar, '2026-02-06', '2026-03-12')).toBe(true);
    expect(publishedInTime(calendar, '2026-02-06', '2026-03-13')).toBe(false);
  });
});

describe('索引号', () => {
  it('formats the default pattern with a zero-padded sequence', () => {
    expect(formatIndexNumber('{agencyCode}/{year}-{seq:5}', { agencyCode: '11500103MB1234567X', year: 2026, month: 3, seq: 12 })).toBe('11500103MB1234567X/2026-00012');
    expect(formatIndexNumber('{agencyCode}-{year}{month}-{seq:4}', { agencyCode: 'JW', year: 2026, month: 3, seq: 7 })).toBe('JW-202603-0007');
  });

  it('refuses patterns that cannot be unique, and sequences that overflow their width', () => {
    expect(checkIndexPattern('{agencyCode}/{year}-{seq:5}')).toEqual([]);
    expect(checkIndexPattern('{agencyCode}/{seq:5}').join()).toContain('{year}');
    expect(checkIndexPattern('{year}-{seq}').join()).toContain('{agencyCode}');
    expect(checkIndexPattern('{agencyCode}/{year}').join()).toContain('{seq}');
    expect(checkIndexPattern('{agencyCode}/{year}-{seq}-{foo}').join()).toContain('未知的占位符');
    expect(() => formatIndexNumber('{agencyCode}/{year}-{seq:2}', { agencyCode: 'A', year: 2026, month: 1, seq: 100 })).toThrow(RangeError);
  });

  it('uses the configured code, else the credit code, else a short id', () => {
    expect(agencyIndexCode({ id: 'ab-cd-ef12-3456', creditCode: '' })).toBe('ABCDEF12');
    expect(agencyIndexCode({ id: 'x', creditCode: '11500103MB1234567X' })).toBe('11500103MB1234567X');
    expect(agencyIndexCode({ id: 'x', creditCode: '115' }, { x: 'JWW' })).toBe('JWW');
  });
});

const review = (over: Partial<Review>): Review => ({
  id: 'r', versionId: 'v', publicationId: 'p', agencyId: 'a', kind: 'confidentiality', decision: 'approved', round: 1, opinion: '',
  reviewerId: 'u2', reviewerName: '审核人', reviewedOn: '2026-03-02', at: '', ...over,
});

describe('the review gate', () => {
  const v = { id: 'v', status: 'approved' as const, reviewRound: 1, confidentialityReviewId: 'c', releaseReviewId: 'r' };
  const both = [review({ id: 'c' }), review({ id: 'r', kind: 'release' })];

  it('lets an approved version with both approvals of its round through', () => {
    expect(publishBlockers(v, both)).toEqual([]);
  });

  it('blocks every other combination', () => {
    expect(publishBlockers({ ...v, status: 'submitted' }, both)).not.toEqual([]);
    expect(publishBlockers({ ...v, releaseReviewId: null }, both)).toContain('缺少发布审查意见');
    expect(publishBlockers(v, [both[0]!, review({ id: 'r', kind: 'release', decision: 'rejected' })])).toContain('发布审查未同意发布');
    expect(publishBlockers(v, [both[0]!, review({ id: 'r', kind: 'release', versionId: 'other' })])).toContain('发布审查意见不属于该版本');
    expect(publishBlockers(v, [both[0]!, review({ id: 'r', kind: 'release', round: 0 })])).toContain('发布审查意见不是本次提交的审查意见');
    expect(publishBlockers({ ...v, confidentialityReviewId: 'r' }, both)).toContain('保密审查意见不属于该版本');
  });

  it('keeps authors from reviewing their own version (configurable) and records state after reviews', () => {
    const version = { id: 'v', status: 'submitted' as const, reviewRound: 1, createdBy: 'u1', submittedBy: 'u1' };
    expect(reviewRefusal(version, [], 'confidentiality', 'u1', defaultPublicationPolicy)?.kind).toBe('duty');
    expect(reviewRefusal(version, [], 'confidentiality', 'u4', defaultPublicationPolicy, ['u4'])?.reason).toContain('不能审查本人');
    expect(reviewRefusal(version, [], 'confidentiality', 'u1', { ...defaultPublicationPolicy, separationOfDuties: false })).toBeNull();
    expect(reviewRefusal(version, [review({ id: 'c', reviewerId: 'u2' })], 'confidentiality', 'u3', defaultPublicationPolicy)).toMatchObject({ kind: 'state', reason: expect.stringContaining('已有意见') });
    expect(reviewRefusal(version, [review({ id: 'c', reviewerId: 'u2' })], 'release', 'u2', { ...defaultPublicationPolicy, distinctReviewers: true })?.reason).toContain('不同人员');
    expect(reviewRefusal({ ...version, status: 'draft' }, [], 'release', 'u2', defaultPublicationPolicy)?.kind).toBe('state');
    expect(statusAfterReview({ confidentiality: { decision: 'approved' } })).toBe('submitted');
    expect(statusAfterReview({ confidentiality: { decision: 'approved' }, release: { decision: 'approved' } })).toBe('approved');
    expect(statusAfterReview({ release: { decision: 'rejected' } })).toBe('draft');
  });

  it('never lets a version through unless both current-round approvals of itself are referenced (property)', () => {
    const arbReview = fc.record({
      id: fc.constantFrom('c', 'r', 'x'), versionId: fc.constantFrom('v', 'w'), kind: fc.constantFrom('confidentiality' as const, 'release' as const),
      decision: fc.constantFrom('approved' as const, 'rejected' as const), round: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(fc.property(
      fc.array(arbReview, { maxLength: 4 }), fc.constantFrom('c', 'r', 'x', null), fc.constantFrom('c', 'r', 'x', null),
      fc.constantFrom('draft' as const, 'submitted' as const, 'approved' as const), fc.integer({ min: 0, max: 2 }),
      (rs, cref, rref, status, round) => {
        const reviews = rs.map((r) => review(r));
        const version = { id: 'v', status, reviewRound: round, confidentialityReviewId: cref, releaseReviewId: rref };
        const ok = publishBlockers(version, reviews).length === 0;
        const good = (ref: string | null, kind: string) => {
          const r = reviews.find((x) => x.id === ref);
          return !!r && r.versionId === 'v' && r.kind === kind && r.decision === 'approved' && r.round === round;
        };
        expect(ok).toBe(status === 'approved' && good(cref, 'confidentiality') && good(rref, 'release'));
      },
    ));
  });
});
