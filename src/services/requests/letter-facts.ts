/** What letters quote about a request and its agency (name, 复议机关), and inserting issued notices. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Agency } from '../../core/agencies/agency.js';
import { composeNotice, composeReplyLetter, type LetterFacts } from '../../core/requests/letters/letter.js';
import type { NoticeKind } from '../../core/requests/letters/notice-templates.js';
import { findOutcomeBasis } from '../../core/requests/outcomes.js';
import type { DisclosureRequest } from '../../core/requests/request.js';
import { findAgencyById, listAgencyRows } from '../../db/agency.repository.js';
import { insertLetter } from '../../db/request-letter.repository.js';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../with-transaction.js';

/**
 * The organ that hears a 行政复议 against the agency (行政复议法 2023 第二十四条): for a department, the
 * government it belongs to (nearest government above it); for a government, the one above it; else a
 * generic "上一级人民政府" (staff may edit the letter).
 */
export function reviewOrganOf(agency: Agency, ancestors: readonly Agency[]): string {
  const above = [...ancestors].reverse();
  const gov = above.find((a) => a.kind === 'government');
  if (agency.kind === 'government' || agency.kind === 'town' || agency.kind === 'subdistrict') return gov?.name ?? '上一级人民政府';
  return gov?.name ?? '本级人民政府';
}

export async function agencyWithReviewOrgan(db: Kysely<Database>, agencyId: string): Promise<{ agency: Agency; reviewOrgan: string }> {
  const agency = await findAgencyById(db, agencyId);
  if (!agency) throw new Error(`agency ${agencyId} of a request is missing`);
  const ids = agency.path.split('/').filter((x) => x && x !== agency.id);
  const ancestors = ids.length ? (await listAgencyRows(db, ids)).sort((a, b) => a.path.length - b.path.length) : [];
  return { agency, reviewOrgan: reviewOrganOf(agency, ancestors) };
}

export async function letterFacts(db: Kysely<Database>, request: DisclosureRequest, values: LetterFacts['values'] = {}): Promise<LetterFacts> {
  const { agency, reviewOrgan } = await agencyWithReviewOrgan(db, request.agencyId);
  return {
    agencyName: agency.name,
    reference: request.reference,
    applicantName: request.applicant.name,
    receivedOn: request.receivedOn,
    description: request.description,
    documentNumber: request.documentNumber,
    reviewOrgan,
    values,
  };
}

/** Inserts a notice (or closing letter) issued on `on`; returns its id. */
export async function insertIssuedLetter(
  db: Kysely<Database>, actor: Actor, at: string, request: DisclosureRequest, on: string,
  letter: { kind: NoticeKind; values?: LetterFacts['values'] } | { kind: 'closingNotice'; basis: string; values?: LetterFacts['values'] },
): Promise<string> {
  const facts = await letterFacts(db, request, letter.values);
  const text = letter.kind === 'closingNotice' ? composeReplyLetter(letter.basis, facts) : composeNotice(letter.kind, facts);
  if (!text) throw new Error(`no template for ${JSON.stringify(letter)}`);
  const id = randomUUID();
  const basis = letter.kind === 'closingNotice' ? letter.basis : null;
  await insertLetter(db, {
    id, requestId: request.id, agencyId: request.agencyId, kind: letter.kind, outcome: basis ? findOutcomeBasis(basis)?.outcome ?? null : null,
    basis, title: text.title, body: text.body, status: 'issued', createdBy: actor.userId, at, issuedOn: on,
  });
  return id;
}
