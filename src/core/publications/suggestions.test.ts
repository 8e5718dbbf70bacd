import { describe, expect, it } from 'vitest';
import { descriptionCore, normalizeDocumentNumber, suggestPublications, type ReleasedRequest } from './suggestions.js';

let n = 0;
const req = (over: Partial<ReleasedRequest>): ReleasedRequest => {
  n += 1;
  return { id: `r${String(n).padStart(3, '0')}`, reference: `2026-${n}`, agencyId: 'a1', description: '', documentNumber: '', applicantKey: `p${n}`, repliedOn: '2026-03-01', outcome: 'granted', ...over };
};

describe('依申请转主动 suggestions (第四十四条)', () => {
  it('groups the same 文号 written differently, and alike descriptions, by different applicants', () => {
    const a = req({ description: '申请公开《关于2025年度城区老旧小区改造计划的通知》', documentNumber: '甲府办发〔2025〕12号' });
    const b = req({ description: '请提供老旧小区改造计划文件', documentNumber: '甲府办发[2025]12号' });
    const c = req({ description: '申请公开2025年城区老旧小区改造计划' });
    const other = req({ description: '申请公开本机关2024年部门预算' });
    const s = suggestPublications([a, b, c, other]);
    expect(s).toHaveLength(1);
    expect(s[0]!.requests.map((r) => r.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(s[0]!.applicantCount).toBe(3);
    expect(s[0]!.documentNumber).not.toBe('');
    expect(s[0]!.links.map((l) => l.reason).sort()).toEqual(['documentNumber', 'similarText']);
    const text = s[0]!.links.find((l) => l.reason === 'similarText')!;
    expect(text.score).toBeGreaterThanOrEqual(0.6);
    expect(text.shared.join('')).toContain('老旧小区改造计划');
  });

  it('needs several applicants and the same agency', () => {
    const one = req({ description: '申请公开某街道2025年低保名单', applicantKey: 'same' });
    const again = req({ description: '申请公开某街道2025年低保名单', applicantKey: 'same' });
    expect(suggestPublications([one, again])).toEqual([]);
    const elsewhere = req({ description: '申请公开某街道2025年低保名单', agencyId: 'a2' });
    expect(suggestPublications([one, elsewhere])).toEqual([]);
    expect(suggestPublications([one, again], { minApplicants: 1 })).toHaveLength(1);
  });

  it('normalizes', () => {
    expect(normalizeDocumentNumber(' 甲府发（２０２５） 3 號')).toBe('甲府发〔2025〕3号');
    expect(descriptionCore('申请公开：关于低保的相关信息')).toBe('低保');
  });
});
