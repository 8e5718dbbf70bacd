/**
 * Publishing through the services on SQLite and PostgreSQL: the review gate on every path, separation
 * of duties, 索引号, versions, withdrawal, validity, reach, the deadline dashboard and the feed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuditEvents } from '../../../src/db/audit.repository.js';
import type { DatabaseHandle } from '../../../src/db/database.js';
import type { Principal } from '../../../src/services/authorization.js';
import { publicationDeadlines } from '../../../src/services/publications/dashboard.service.js';
import * as editing from '../../../src/services/publications/editing.service.js';
import { updatePublicationPolicy } from '../../../src/services/publications/policy.service.js';
import { subscribePublicChanges, type PublicChange } from '../../../src/services/publications/public-changes.js';
import * as published from '../../../src/services/publications/published.service.js';
import { getPublicationDetail, listPublications, listReviewQueue } from '../../../src/services/publications/queries.service.js';
import * as workflow from '../../../src/services/publications/workflow.service.js';
import { seedAccessFixture, type AccessFixture } from '../../support/access-fixture.js';
import { testDatabases } from '../../support/databases.js';
import { publicationInput, publishNew, reviewAndPublish } from '../../support/publication-fixture.js';
import { principalOfRole } from '../../support/request-fixture.js';
import { testServiceDeps, type TestDeps } from '../../support/service-deps.js';
import { systemPrincipal } from '../../../src/services/authorization.js';
import { outcomeCode } from '../../support/outcome.js';

const code = (p: Promise<unknown>): Promise<string> => outcomeCode(p);

describe.each(testDatabases)('publishing workflow on $name', (target) => {
  let handle: DatabaseHandle;
  let deps: TestDeps;
  let f: AccessFixture;
  let handler: Principal;
  let head: Principal;
  let supervisor: Principal;
  let admin: Principal;
  let own: string;
  const changes: PublicChange[] = [];

  beforeAll(async () => {
    handle = await target.create();
    deps = testServiceDeps(handle); // today 2026-03-02 (Monday)
    f = await seedAccessFixture(deps);
    handler = await principalOfRole(deps, f, 'handler');
    head = await principalOfRole(deps, f, 'head');
    supervisor = await principalOfRole(deps, f, 'supervisor');
    admin = await principalOfRole(deps, f, 'admin');
    own = f.agencies.ownAgency;
    subscribePublicChanges(deps, (c) => { changes.push(c); });
  });
  afterAll(async () => handle.close());

  const publicView = (id: string) => published.getPublishedById(deps, id);

  it('draft → submitted → both reviews → published, with an 索引号, audited and announced', async () => {
    const p = await editing.createPublication(deps, handler, publicationInput(own, { bodyHtml: '<p onclick="x()">正文<script>alert(1)</script></p>' }));
    expect(p.status).toBe('draft');
    const detail = await getPublicationDetail(deps, handler, p.id);
    expect(detail.versions[0]!.bodyHtml).toBe('<p>正文</p>');
    // formed 2026-02-27 (Fri) + 20 working days: Sat 02-28 is a 春节 调休上班 day, so 2026-03-26 (not 03-27)
    expect(detail.open!.deadline.publishBy).toBe('2026-03-26');
    let cur = await workflow.submitForReview(deps, handler, p.id, { version: p.version });
    cur = await workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'confidentiality', decision: 'approved', opinion: '经审查不涉及国家秘密' });
    expect(await code(workflow.publishVersion(deps, handler, p.id, { version: cur.version }))).toBe('REVIEW_REQUIRED');
    expect(await publicView(p.id)).toBeNull();
    cur = await workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'release', decision: 'approved', opinion: '同意发布' });
    const done = await workflow.publishVersion(deps, handler, p.id, { version: cur.version });
    expect(done.status).toBe('published');
    expect(done.indexNumber).toMatch(/^[0-9A-F]{8}\/2026-00001$/);
    expect(done.title).toBe(publicationInput(own).title);
    const doc = await publicView(p.id);
    expect(doc?.bodyHtml).toBe('<p>正文</p>');
    expect((await published.getPublishedByIndexNumber(deps, done.indexNumber!))?.id).toBe(p.id);
    expect(changes.at(-1)).toMatchObject({ kind: 'published', publicationId: p.id, indexNumber: done.indexNumber });
    const feed = await published.listPublicChanges(deps, 0);
    expect(feed.map((c) => c.publicationId)).toContain(p.id);
    const audit = await deps.db.selectFrom('audit_event').select('action').where('entity_id', '=', p.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['publication.create', 'publication.submit', 'publication.review', 'publication.review', 'publication.publish']);
  });

  it('no path publishes without both approvals: before submission, after one approval, after a rejection, through other actions', async () => {
    const p = await editing.createPublication(deps, handler, publicationInput(own, { title: '未经审核的稿件' }));
    expect(await code(workflow.publishVersion(deps, handler, p.id, { version: p.version }))).toBe('REVIEW_REQUIRED');
    expect(await code(workflow.publishVersion(deps, admin, p.id, { version: p.version }))).toBe('REVIEW_REQUIRED');
    let cur = await workflow.submitForReview(deps, handler, p.id, { version: p.version });
    expect(await code(workflow.publishVersion(deps, handler, p.id, { version: cur.version }))).toBe('REVIEW_REQUIRED');
    cur = await workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'release', decision: 'approved' });
    expect(await code(workflow.publishVersion(deps, handler, p.id, { version: cur.version }))).toBe('REVIEW_REQUIRED');
    // a rejection returns it to draft and clears the approval of the round
    expect(await code(workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'confidentiality', decision: 'rejected' }))).toBe('REQUEST_INVALID');
    cur = await workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'confidentiality', decision: 'rejected', opinion: '附件含个人信息，请删除' });
    let detail = await getPublicationDetail(deps, handler, p.id);
    expect(detail.open!.version.status).toBe('draft');
    expect(detail.open!.version.releaseReviewId).toBeNull();
    expect(await code(workflow.publishVersion(deps, handler, p.id, { version: cur.version }))).toBe('REVIEW_REQUIRED');
    // the earlier round's approval does not count in the next round
    cur = await workflow.submitForReview(deps, handler, p.id, { version: cur.version });
    cur = await workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'confidentiality', decision: 'approved' });
    expect(await code(workflow.publishVersion(deps, handler, p.id, { version: cur.version }))).toBe('REVIEW_REQUIRED');
    // editing, validity and withdrawal never publish
    expect(await code(workflow.setValidity(deps, head, p.id, { version: cur.version, validity: 'valid' }))).toBe('WRONG_STATE');
    expect(await code(workflow.withdrawPublication(deps, head, p.id, { version: cur.version, reason: 'x' }))).toBe('WRONG_STATE');
    expect(await code(editing.updateDraft(deps, handler, p.id, { version: cur.version, title: '改' }))).toBe('WRONG_STATE');
    // a forged field in an edit is ignored (the type has no status; the API schema refuses it)
    await workflow.recallSubmission(deps, handler, p.id, { version: cur.version });
    detail = await getPublicationDetail(deps, handler, p.id);
    const forged = { version: detail.publication.version, title: '伪造', status: 'published', publishedVersionId: detail.versions[0]!.id } as never;
    const after = await editing.updateDraft(deps, handler, p.id, forged);
    expect(after.status).toBe('draft');
    expect(await publicView(p.id)).toBeNull();
    const row = await deps.db.selectFrom('publication').select(['status', 'index_number']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', index_number: null });
  });

  it('separates duties: the author cannot review; configurable; supervisors cannot act', async () => {
    const p = await editing.createPublication(deps, head, publicationInput(own, { title: '负责人起草的稿件' }));
    const cur = await workflow.submitForReview(deps, head, p.id, { version: p.version });
    expect(await code(workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'confidentiality', decision: 'approved' }))).toBe('FORBIDDEN');
    expect(await code(workflow.recordReview(deps, handler, p.id, { version: cur.version, kind: 'confidentiality', decision: 'approved' }))).toBe('FORBIDDEN');
    expect(await code(workflow.recordReview(deps, supervisor, p.id, { version: cur.version, kind: 'confidentiality', decision: 'approved' }))).toBe('FORBIDDEN');
    expect(await code(editing.createPublication(deps, supervisor, publicationInput(own)))).toBe('FORBIDDEN');
    // someone who edited the draft is an author too
    const q = await editing.createPublication(deps, handler, publicationInput(own, { title: '负责人修改过的稿件' }));
    const edited = await editing.updateDraft(deps, head, q.id, { version: q.version, summary: '负责人补充了概述' });
    const sub = await workflow.submitForReview(deps, handler, q.id, { version: edited.version });
    expect(await code(workflow.recordReview(deps, head, q.id, { version: sub.version, kind: 'release', decision: 'approved' }))).toBe('FORBIDDEN');
    const queue = await listReviewQueue(deps, head);
    expect(queue.find((i) => i.publicationId === q.id)).toMatchObject({ canReview: false });
    // the administrator may review (not an author); turning the rule off lets the head review their own
    await workflow.recordReview(deps, admin, p.id, { version: cur.version, kind: 'confidentiality', decision: 'approved' });
    await updatePublicationPolicy(deps, systemPrincipal(), { separationOfDuties: false });
    try {
      const next = await workflow.recordReview(deps, head, p.id, { version: cur.version + 1, kind: 'release', decision: 'approved' });
      expect((await workflow.publishVersion(deps, head, p.id, { version: next.version })).status).toBe('published');
    } finally {
      await updatePublicationPolicy(deps, systemPrincipal(), { separationOfDuties: true });
    }
  });

  it('a change is a new version, reviewed before it replaces the shown text; the old one is kept', async () => {
    const p = await publishNew(deps, handler, head, own, { title: '原标题', bodyHtml: '<p>第一版</p>' });
    const idx = p.indexNumber;
    let cur = await editing.startChange(deps, handler, p.id, { version: p.version, changedOn: '2026-03-02', changeNote: '更正附件' });
    cur = await editing.updateDraft(deps, handler, p.id, { version: cur.version, title: '新标题', bodyHtml: '<p>第二版</p>' });
    expect((await publicView(p.id))?.bodyHtml).toBe('<p>第一版</p>');
    cur = await workflow.submitForReview(deps, handler, p.id, { version: cur.version });
    expect(await code(workflow.publishVersion(deps, handler, p.id, { version: cur.version }))).toBe('REVIEW_REQUIRED');
    expect((await publicView(p.id))?.title).toBe('原标题');
    cur = await workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'confidentiality', decision: 'approved' });
    cur = await workflow.recordReview(deps, head, p.id, { version: cur.version, kind: 'release', decision: 'approved' });
    cur = await workflow.publishVersion(deps, handler, p.id, { version: cur.version });
    expect(cur.indexNumber).toBe(idx);
    const doc = await publicView(p.id);
    expect(doc).toMatchObject({ title: '新标题', bodyHtml: '<p>第二版</p>', versionNumber: 2 });
    const detail = await getPublicationDetail(deps, handler, p.id);
    expect(detail.versions.map((v) => [v.number, v.status, v.title])).toEqual([[1, 'superseded', '原标题'], [2, 'published', '新标题']]);
    expect(changes.at(-1)).toMatchObject({ kind: 'changed', publicationId: p.id });
    expect(await code(editing.startChange(deps, handler, p.id, { version: cur.version - 1 }))).toBe('CONFLICT');
  });

  it('withdrawal takes it off the portal; validity is recorded with dates; reach is enforced', async () => {
    const p = await publishNew(deps, handler, head, own, { title: '将撤回的信息', docType: 'normativeDocument', writtenOn: '2026-02-20' });
    expect(await code(workflow.withdrawPublication(deps, handler, p.id, { version: p.version, reason: '误发' }))).toBe('FORBIDDEN');
    let cur = await workflow.setValidity(deps, head, p.id, { version: p.version, validity: 'repealed', validityEndedOn: '2026-03-01', validityNote: '被甲教发〔2026〕9号废止' });
    expect(cur).toMatchObject({ validity: 'repealed', validityEndedOn: '2026-03-01' });
    expect((await publicView(p.id))?.validity).toBe('repealed');
    expect(await code(workflow.setValidity(deps, head, p.id, { version: cur.version, validity: 'expired', validityEndedOn: null }))).toBe('REQUEST_INVALID');
    expect(await code(workflow.setValidity(deps, head, p.id, { version: cur.version, validity: 'expired', validityEndedOn: '2026-02-01' }))).toBe('REQUEST_INVALID');
    cur = await workflow.withdrawPublication(deps, head, p.id, { version: cur.version, reason: '误发' });
    expect(cur.status).toBe('withdrawn');
    expect(await publicView(p.id)).toBeNull();
    expect((await published.listPublished(deps, { agencyIds: [own] })).items.map((i) => i.id)).not.toContain(p.id);
    // a change started on the withdrawn item and thrown away leaves it off the portal
    const change = await editing.startChange(deps, handler, p.id, { version: cur.version, changeNote: '拟更正后重新发布' });
    expect(await editing.discardDraft(deps, handler, p.id, { version: change.version })).toEqual({ deleted: false });
    expect(await publicView(p.id)).toBeNull();
    // each step is in the audit log, with who did it and the state before and after (the refused attempts are not)
    const events = (await findAuditEvents(deps.db, { agencyIds: [own], entityId: p.id, limit: 50 })).reverse();
    expect(events.map((e) => e.action)).toEqual([
      'publication.create', 'publication.submit', 'publication.review', 'publication.review', 'publication.publish',
      'publication.setValidity', 'publication.withdraw', 'publication.startChange', 'publication.discard',
    ]);
    const [validity, withdrawal, started, discarded] = events.slice(5);
    const at = deps.clock.now().toISOString();
    const by = (who: Principal) => ({ at, actorId: who.userId, actorName: who.name, entityType: 'publication', entityId: p.id, agencyId: own });
    expect(validity).toMatchObject({
      ...by(head),
      before: { status: 'published', version: p.version, validity: 'valid', validityEndedOn: null, indexNumber: p.indexNumber, openVersion: null },
      after: {
        status: 'published', version: p.version + 1, validity: 'repealed', validityEndedOn: '2026-03-01', indexNumber: p.indexNumber, openVersion: null,
        detail: { before: 'valid', after: 'repealed', validityEndedOn: '2026-03-01' },
      },
    });
    expect(withdrawal).toMatchObject({
      ...by(head),
      before: { status: 'published', version: p.version + 1, validity: 'repealed' },
      after: { status: 'withdrawn', version: p.version + 2, validity: 'repealed', detail: { on: '2026-03-02', reason: '误发' } },
    });
    expect(started).toMatchObject({
      ...by(handler),
      before: { status: 'withdrawn', version: p.version + 2, openVersion: null },
      after: { status: 'withdrawn', version: p.version + 3, openVersion: { number: 2, status: 'draft' }, detail: { number: 2, changedOn: '2026-03-02' } },
    });
    const draftId = (started!.after as { openVersion: { id: string } }).openVersion.id;
    expect(discarded).toMatchObject({
      ...by(handler),
      before: { status: 'withdrawn', version: p.version + 3, openVersion: { id: draftId, number: 2, status: 'draft' } },
      after: { status: 'withdrawn', version: p.version + 4, openVersion: null, detail: { number: 2 } },
    });
    // another agency's staff do not see it, nor its drafts
    const other = await editing.createPublication(deps, admin, publicationInput(f.agencies.otherAgency, { title: '乙区的草稿' }));
    expect(await code(getPublicationDetail(deps, handler, other.id))).toBe('NOT_FOUND');
    expect(await code(editing.updateDraft(deps, handler, other.id, { version: other.version, title: 'x' }))).toBe('NOT_FOUND');
    expect((await listPublications(deps, handler, {})).items.map((i) => i.id)).not.toContain(other.id);
    expect((await listPublications(deps, supervisor, {})).items.every((i) => i.agencyId !== f.agencies.otherAgency)).toBe(true);
    expect((await listPublications(deps, admin, { agencyId: f.agencies.otherAgency })).items.map((i) => i.id)).toEqual([other.id]);
  });

  it('index numbers are unique per agency and year and follow the configured pattern', async () => {
    expect(await code(updatePublicationPolicy(deps, systemPrincipal(), { indexPattern: 'JY-{year}-{seq:4}' }))).toBe('REQUEST_INVALID');
    expect(await code(updatePublicationPolicy(deps, systemPrincipal(), { indexPattern: '{agencyCode}-{seq:4}' }))).toBe('REQUEST_INVALID');
    await updatePublicationPolicy(deps, systemPrincipal(), { indexPattern: '{agencyCode}-{year}-{seq:4}', agencyCodes: { [own]: 'JYW', [f.agencies.townA]: 'LRZ' } });
    try {
      const a = await publishNew(deps, handler, head, own, { title: '甲' });
      const b = await publishNew(deps, handler, head, own, { title: '乙' });
      await updatePublicationPolicy(deps, systemPrincipal(), { separationOfDuties: false });
      const c = await publishNew(deps, admin, admin, f.agencies.townA, { title: '丙' });
      await updatePublicationPolicy(deps, systemPrincipal(), { separationOfDuties: true });
      expect(a.indexNumber).toMatch(/^JYW-2026-\d{4}$/);
      expect(Number(b.indexNumber!.slice(-4))).toBe(Number(a.indexNumber!.slice(-4)) + 1);
      expect(c.indexNumber).toBe('LRZ-2026-0001');
      const all = await deps.db.selectFrom('publication').select('index_number').where('index_number', 'is not', null).execute();
      expect(new Set(all.map((r) => r.index_number)).size).toBe(all.length);
      // a number given out already is never given twice: the database refuses it and the service answers CONFLICT
      const seqA = Number(a.indexNumber!.slice(-4));
      await deps.db.updateTable('publication_counter').set({ last_seq: seqA - 1 }).where('agency_id', '=', own).where('year', '=', 2026).execute();
      const d = await editing.createPublication(deps, handler, publicationInput(own, { title: '丁' }));
      let cur = await workflow.submitForReview(deps, handler, d.id, { version: d.version });
      cur = await workflow.recordReview(deps, head, d.id, { version: cur.version, kind: 'confidentiality', decision: 'approved' });
      cur = await workflow.recordReview(deps, head, d.id, { version: cur.version, kind: 'release', decision: 'approved' });
      expect(await code(workflow.publishVersion(deps, handler, d.id, { version: cur.version }))).toBe('CONFLICT');
      expect(await publicView(d.id)).toBeNull();
      expect((await getPublicationDetail(deps, handler, d.id)).open!.version.status).toBe('approved');
      await deps.db.updateTable('publication_counter').set({ last_seq: seqA + 1 }).where('agency_id', '=', own).where('year', '=', 2026).execute();
      expect((await workflow.publishVersion(deps, handler, d.id, { version: cur.version })).indexNumber).toBe(`JYW-2026-${String(seqA + 2).padStart(4, '0')}`);
    } finally {
      await updatePublicationPolicy(deps, systemPrincipal(), { indexPattern: '{agencyCode}/{year}-{seq:5}', agencyCodes: {}, separationOfDuties: true });
    }
  });

  it('the dashboard lists drafts near or past their 20-working-day deadline, by agency in reach', async () => {
    const late = await editing.createPublication(deps, handler, publicationInput(own, { title: '超期未公开', formedOn: '2026-01-05', writtenOn: '2026-01-05' }));
    const soon = await editing.createPublication(deps, handler, publicationInput(own, { title: '临近期限', formedOn: '2026-02-06', writtenOn: '2026-02-06' }));
    const fresh = await editing.createPublication(deps, handler, publicationInput(own, { title: '刚形成', formedOn: '2026-03-02', writtenOn: '2026-03-02' }));
    deps.clock.set('2026-03-06T02:00:00Z');
    try {
      const d = await publicationDeadlines(deps, handler);
      const ids = d.items.map((i) => i.publicationId);
      expect(ids).toContain(late.id);
      expect(ids).toContain(soon.id);
      expect(ids).not.toContain(fresh.id);
      // formed 2026-02-06: the 春节 holiday pushes the deadline to 2026-03-12 (4 working days after 03-06)
      expect(d.items.find((i) => i.publicationId === soon.id)!.deadline).toMatchObject({ publishBy: '2026-03-12', state: 'dueSoon', workdaysLeft: 4 });
      expect(d.items.find((i) => i.publicationId === late.id)!.deadline.state).toBe('overdue');
      expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(soon.id));
      expect(d.byAgency.find((a) => a.agencyId === own)!.counts.overdue).toBeGreaterThanOrEqual(1);
      const other = await publicationDeadlines(deps, handler, { agencyId: f.agencies.otherAgency });
      expect(other.items).toEqual([]);
    } finally {
      deps.clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('a never-published draft can be deleted; a change can be discarded and the shown text stays', async () => {
    const d = await editing.createPublication(deps, handler, publicationInput(own, { title: '废弃草稿' }));
    expect(await editing.discardDraft(deps, handler, d.id, { version: d.version })).toEqual({ deleted: true });
    expect(await code(getPublicationDetail(deps, handler, d.id))).toBe('NOT_FOUND');
    const p = await publishNew(deps, handler, head, own, { title: '保留原文' });
    const c = await editing.startChange(deps, handler, p.id, { version: p.version });
    await editing.discardDraft(deps, handler, p.id, { version: c.version });
    expect((await publicView(p.id))?.title).toBe('保留原文');
    const detail = await getPublicationDetail(deps, handler, p.id);
    expect(detail.versions.map((v) => v.status)).toEqual(['published', 'discarded']);
  });

  it('re-publishing a withdrawn item needs a reviewed change', async () => {
    const p = await publishNew(deps, handler, head, own, { title: '撤回后重新发布' });
    const w = await workflow.withdrawPublication(deps, head, p.id, { version: p.version, reason: '内容需更正' });
    expect(await code(workflow.publishVersion(deps, handler, p.id, { version: w.version }))).toBe('REVIEW_REQUIRED');
    const c = await editing.startChange(deps, handler, p.id, { version: w.version });
    const again = await reviewAndPublish(deps, handler, head, c);
    expect(again.status).toBe('published');
    expect(await publicView(p.id)).not.toBeNull();
  });
});
