/**
 * Demo step: proactive disclosure (主动公开) for a few agencies of the district — documents published
 * THROUGH the workflow (drafted by the handler, 保密审查 and 发布审查 by the head, then published),
 * 规章/行政规范性文件 with validity (some repealed), work in progress near or past its 20-working-day
 * deadline, and the table-二 register figures of 2024 and 2025. The seed's office gets nothing (its
 * 2024 report must equal the seed).
 */
import { formatIsoDate, parseIsoDate } from '../../core/calendar/day-number.js';
import { deadlineState } from '../../core/publications/deadline.js';
import type { DocType } from '../../core/publications/publication.js';
import type { RegisterKind } from '../../core/publications/registers.js';
import { findUserByUsername } from '../accounts.service.js';
import { resolvePrincipal, type Principal } from '../authorization.js';
import { loadCalendar } from '../calendar.service.js';
import { createPublication } from '../publications/editing.service.js';
import { publishVersion, recordReview, setValidity, submitForReview } from '../publications/workflow.service.js';
import { saveRegisterFigure } from '../registers/registers.service.js';
import { demoAgencyNames as n } from './district.js';
import type { DemoContext, DemoStep } from './index.js';

interface DocSpec {
  readonly title: string;
  readonly number: string;
  readonly genre: string;
  readonly topic: string;
  readonly docType?: DocType;
  readonly item?: number;
  /** Days before today it was made. */
  readonly ago: number;
  /** Days after it was made that it was repealed (only if that is before today). */
  readonly repealedAfter?: number;
}

const docs: Readonly<Record<string, readonly DocSpec[]>> = {
  [n.housing]: [
    { title: '梁平区住房和城乡建设委员会关于进一步规范住宅专项维修资金管理的通知', number: '梁建委发〔2024〕21号', genre: 'notice', topic: '09', docType: 'normativeDocument', item: 1, ago: 700, repealedAfter: 420 },
    { title: '梁平区城镇老旧小区改造项目管理办法', number: '梁建委规〔2025〕1号', genre: 'notice', topic: '09', docType: 'normativeDocument', item: 1, ago: 380 },
    { title: '梁平区2025年城镇老旧小区改造计划', number: '梁建委发〔2025〕8号', genre: 'plan', topic: '09', item: 3, ago: 340 },
    { title: '关于公布2025年第三季度建筑施工企业安全生产检查结果的通告', number: '梁建委通〔2025〕3号', genre: 'publicNotice', topic: '08', item: 13, ago: 150 },
    { title: '梁平区住房和城乡建设委员会行政许可事项目录（2026年版）', number: '', genre: 'other', topic: '09', item: 5, ago: 40 },
  ],
  [n.government]: [
    { title: '重庆市梁平区人民政府关于印发梁平区行政规范性文件管理办法的通知', number: '梁府发〔2024〕5号', genre: 'notice', topic: '01', docType: 'normativeDocument', item: 1, ago: 650 },
    { title: '重庆市梁平区人民政府关于调整城区公共租赁住房租金标准的通知', number: '梁府发〔2025〕12号', genre: 'notice', topic: '09', docType: 'normativeDocument', item: 1, ago: 300 },
    { title: '梁平区2025年国民经济和社会发展统计公报', number: '', genre: 'statistics', topic: '02', item: 4, ago: 60 },
  ],
  [n.education]: [
    { title: '梁平区2025年义务教育阶段招生入学工作实施方案', number: '梁教发〔2025〕18号', genre: 'notice', topic: '10', docType: 'normativeDocument', item: 11, ago: 320 },
    { title: '梁平区教育委员会关于2025年学生资助政策的公告', number: '梁教告〔2025〕2号', genre: 'announcement', topic: '10', item: 11, ago: 200 },
  ],
  [n.market]: [
    { title: '梁平区2025年食品安全监督抽检结果公告（第一期）', number: '梁市监告〔2025〕4号', genre: 'announcement', topic: '08', item: 13, ago: 260 },
    { title: '梁平区市场监督管理局行政处罚裁量基准', number: '梁市监规〔2024〕2号', genre: 'notice', topic: '08', docType: 'normativeDocument', item: 6, ago: 500 },
  ],
  [n.liangshan]: [
    { title: '梁山街道2025年城乡居民最低生活保障对象公示', number: '', genre: 'announcement', topic: '16', item: 11, ago: 90 },
  ],
};

const figures: Readonly<Record<string, Partial<Record<RegisterKind, { d?: number; amount?: string }>>>> = {
  [n.housing]: { licensing: { d: 412 }, penalty: { d: 27 }, enforcement: { d: 3 }, fees: { amount: '35.62' } },
  [n.market]: { licensing: { d: 1860 }, penalty: { d: 143 }, enforcement: { d: 41 }, fees: { amount: '2.15' } },
  [n.education]: { licensing: { d: 36 }, penalty: { d: 0 }, enforcement: { d: 0 } },
  [n.planning]: { licensing: { d: 588 }, penalty: { d: 19 }, enforcement: { d: 2 }, fees: { amount: '118.4' } },
};

const staffAccounts: Readonly<Record<string, { handler?: string; head?: string }>> = {
  [n.housing]: { handler: 'zjw.jingban', head: 'zjw.fuze' },
  [n.liangshan]: { handler: 'lsjd.jingban' },
};

async function staff(ctx: DemoContext, agency: string): Promise<{ author: Principal; reviewer: Principal }> {
  const of = async (username?: string) => {
    const user = username ? await findUserByUsername(ctx.deps, username) : null;
    return user?.active ? resolvePrincipal(ctx.deps.db, user) : ctx.actor;
  };
  const names = staffAccounts[agency] ?? {};
  return { author: await of(names.handler), reviewer: await of(names.head) };
}

export const publicationsDemoStep: DemoStep = {
  key: 'publications', title: '演示主动公开信息与表二登记数字', once: true,
  run: async (ctx) => {
    const deps = ctx.deps;
    const today = deps.clock.today();
    const t = parseIsoDate(today)!;
    const day = (ago: number) => formatIsoDate(t - Math.max(ago, 0));
    let published = 0;
    for (const [agencyName, list] of Object.entries(docs)) {
      const agencyId = ctx.agency(agencyName).id;
      const { author, reviewer } = await staff(ctx, agencyName);
      for (const d of list) {
        const made = day(d.ago);
        let p = await createPublication(deps, author, {
          agencyId, title: d.title, documentNumber: d.number, genre: d.genre, topic: d.topic, docType: d.docType ?? 'other', article20Item: d.item ?? null,
          writtenOn: made, formedOn: made, summary: d.title, bodyHtml: `<p>${d.title}。</p><p>（演示内容）</p>`,
        });
        p = await submitForReview(deps, author, p.id, { version: p.version });
        const reviewedOn = day(d.ago - 3);
        p = await recordReview(deps, reviewer, p.id, { version: p.version, kind: 'confidentiality', decision: 'approved', opinion: '经审查，不涉及国家秘密', reviewedOn });
        p = await recordReview(deps, reviewer, p.id, { version: p.version, kind: 'release', decision: 'approved', opinion: '同意公开', reviewedOn });
        p = await publishVersion(deps, author, p.id, { version: p.version, publishedOn: day(d.ago - 5) });
        if (d.repealedAfter !== undefined && d.ago - d.repealedAfter > 0) {
          await setValidity(deps, reviewer, p.id, { version: p.version, validity: 'repealed', validityEndedOn: day(d.ago - d.repealedAfter), validityNote: '已被新文件废止' });
        }
        published += 1;
      }
    }
    // work in progress at the housing committee: past, near and within the 20-working-day deadline
    const housing = ctx.agency(n.housing).id;
    const { author, reviewer } = await staff(ctx, n.housing);
    await createPublication(deps, author, { agencyId: housing, title: '关于2026年住房保障对象资格复核结果的公示', formedOn: day(35), genre: 'announcement', topic: '16', article20Item: 11, bodyHtml: '<p>复核结果见附件。</p>' });
    // formed so that about 3 working days are left (whatever holidays lie in between)
    const calendar = await loadCalendar(deps);
    let nearAgo = 1;
    while (deadlineState(calendar, day(nearAgo), today).workdaysLeft > 3) nearAgo += 1;
    const near = await createPublication(deps, author, { agencyId: housing, title: '梁平区物业服务企业信用评价结果（2025年度）', formedOn: day(nearAgo), genre: 'publicNotice', topic: '09', bodyHtml: '<p>评价结果如下。</p>' });
    await submitForReview(deps, author, near.id, { version: near.version });
    const ready = await createPublication(deps, author, { agencyId: housing, title: '梁平区建筑工地扬尘治理专项检查通报', formedOn: day(6), genre: 'bulletin', topic: '09', bodyHtml: '<p>检查情况通报如下。</p>' });
    let r = await submitForReview(deps, author, ready.id, { version: ready.version });
    r = await recordReview(deps, reviewer, ready.id, { version: r.version, kind: 'confidentiality', decision: 'approved', opinion: '不涉密' });
    await recordReview(deps, reviewer, ready.id, { version: r.version, kind: 'release', decision: 'approved', opinion: '同意发布' });
    // table 二 registers of the last two years
    const year = Number(today.slice(0, 4));
    for (const [agencyName, kinds] of Object.entries(figures)) {
      const agencyId = ctx.agency(agencyName).id;
      for (const y of [year - 2, year - 1]) {
        for (const [kind, v] of Object.entries(kinds) as [RegisterKind, { d?: number; amount?: string }][]) {
          const scale = y === year - 1 ? 1 : 0.9;
          await saveRegisterFigure(deps, ctx.actor, {
            agencyId, year: y, kind, ...(v.d !== undefined && { decisionCount: Math.round(v.d * scale) }), ...(v.amount !== undefined && { amountWan: v.amount }),
          });
        }
      }
    }
    ctx.notes.push(`主动公开：已发布 ${published} 条，住建委有 3 条待办（超期、临近期限、待发布）；表二登记数字 ${year - 2}–${year - 1} 年`);
  },
};
