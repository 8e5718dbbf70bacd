/**
 * The benches' database: N published items of a generated district corpus (default 1,000,000),
 * written straight into the tables in ONE transaction — publication + its version in force, and
 * the search index rows (search_document + search_fts) tokenised by the same core functions the
 * indexer uses — then the FTS index optimised, as a rebuild does. Kept under data/bench/ and reused
 * while the marker file says it is complete. The rows skip the review records (foreign keys are off
 * during the load): the benches measure reading, not the workflow.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseIsoDate } from '../src/core/calendar/day-number.js';
import { indexTokens } from '../src/core/search/index-document.js';
import { documentNumberKey, titleKey } from '../src/core/search/normalize.js';
import { createDatabase } from '../src/db/database.js';
import { migrateOrThrow } from '../src/db/migrate.js';
import { rankKeyStride } from '../src/db/search.repository.js';
import { corpusAgencies, generateCorpus } from '../test/support/search-corpus.js';

export const benchDir = join(process.cwd(), 'data', 'bench');
/** Bump when the generated data or the schema it needs changes (old files are rebuilt). */
const dataVersion = 1;

export interface BenchData {
  readonly file: string;
  readonly items: number;
  /** Agency key → id. */
  readonly agencies: ReadonlyMap<string, string>;
}

const say = (s: string) => process.stdout.write(`  ${s}\n`);

export async function ensureSearchBenchData(items: number): Promise<BenchData> {
  mkdirSync(benchDir, { recursive: true });
  const file = join(benchDir, `search-${items}.sqlite`);
  const marker = `${file}.v${dataVersion}.done`;
  const agencies = new Map(corpusAgencies.map((a, i) => [a.key, `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`]));
  if (existsSync(file) && existsSync(marker)) {
    // later migrations (indexes) apply to the kept file
    const kept = createDatabase({ kind: 'sqlite', file });
    await migrateOrThrow(kept.db);
    await kept.close();
    return { file, items, agencies };
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  say(`generating ${items.toLocaleString('en-US')} published items into ${file} (once; reused afterwards)…`);
  const started = performance.now();
  const handle = createDatabase({ kind: 'sqlite', file });
  await migrateOrThrow(handle.db);
  const db = handle.sqlite!;
  db.pragma('foreign_keys = OFF');
  // out of WAL (a WAL would hold the whole load until the commit); the rollback journal in memory
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const at = '2026-11-29T00:00:00.000Z';
  const insAgency = db.prepare(`insert into agency (id, parent_id, path, kind, name, short_name, office_name, address, office_hours, phone, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const paths = new Map<string, string>();
  for (const a of corpusAgencies) {
    const id = agencies.get(a.key)!;
    const path = `${a.parent ? paths.get(a.parent)! : '/'}${id}/`;
    paths.set(a.key, path);
    insAgency.run(id, a.parent ? agencies.get(a.parent)! : null, path, a.kind, a.name, a.shortName, `${a.shortName}办公室`, '重庆市梁平区演示路1号', '工作日 9:00—17:00', '023-53220000', at, at);
  }
  const insPublication = db.prepare(`insert into publication (id, agency_id, status, index_number, index_year, index_seq, published_version_id,
    published_confidentiality_review_id, published_release_review_id, title, document_number, topic, genre, article20_item, written_on,
    first_published_on, published_on, validity, validity_ended_on, created_at, updated_at)
    values (?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insVersion = db.prepare(`insert into publication_version (id, publication_id, agency_id, number, status, title, summary, body_html, publisher,
    document_number, written_on, formed_on, publish_by, topic, genre, article20_item, review_round, confidentiality_review_id, release_review_id,
    created_at, updated_at, published_at, published_on) values (?, ?, ?, 1, 'published', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`);
  const insDocument = db.prepare(`insert into search_document (id, item_id, version_id, agency_id, agency_path, title, title_key, document_number,
    document_number_key, index_number, publisher, topic, genre, article20_item, validity, year, written_on, published_on, summary, body_text,
    attachment_count, indexed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`);
  const insFts = db.prepare('insert into search_fts (rowid, title, title_words, meta, body, body_words, facets) values (?, ?, ?, ?, ?, ?, ?)');
  const nextSeq = new Map<number, number>();
  const names = new Map(corpusAgencies.map((a) => [a.key, a.name]));
  db.exec('begin');
  let n = 0;
  for (const item of generateCorpus(items, { seed: 20261129, idPrefix: 'bench-' })) {
    const agencyId = agencies.get(item.agencyKey)!;
    const path = paths.get(item.agencyKey)!;
    const publisher = names.get(item.agencyKey)!;
    const day = parseIsoDate(item.publishedOn)!;
    const seq = (nextSeq.get(day) ?? 0) + 1;
    nextSeq.set(day, seq);
    const rank = day * rankKeyStride + seq;
    const versionId = randomUUID();
    const year = Number(item.publishedOn.slice(0, 4));
    const ended = item.validity === 'valid' ? null : item.publishedOn;
    insPublication.run(item.id, agencyId, item.indexNumber, year, n + 1, versionId, `cr-${item.id}`, `rr-${item.id}`, item.title, item.documentNumber,
      item.topic, item.genre, item.article20Item, item.writtenOn, item.publishedOn, item.publishedOn, item.validity, ended, at, at);
    insVersion.run(versionId, item.id, agencyId, item.title, item.summary, `<p>${item.body}</p>`, publisher, item.documentNumber, item.writtenOn,
      item.writtenOn, item.publishedOn, item.topic, item.genre, item.article20Item, `cr-${item.id}`, `rr-${item.id}`, at, at, at, item.publishedOn);
    const tokens = indexTokens({
      title: item.title, documentNumber: item.documentNumber, indexNumber: item.indexNumber, publisher, summary: item.summary, bodyText: item.body,
      attachmentNames: [], agencyPath: path, topic: item.topic, genre: item.genre, year, validity: item.validity, article20Item: item.article20Item,
    });
    insDocument.run(rank, item.id, versionId, agencyId, path, item.title, titleKey(item.title), item.documentNumber, documentNumberKey(item.documentNumber),
      item.indexNumber, publisher, item.topic, item.genre, item.article20Item, item.validity, year, item.writtenOn, item.publishedOn, item.summary, item.body, at);
    insFts.run(rank, tokens.title, tokens.titleWords, tokens.meta, tokens.body, tokens.bodyWords, tokens.facets);
    n++;
    if (n % 100_000 === 0) say(`${n.toLocaleString('en-US')} items, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  db.exec('commit');
  say(`committed; optimising the full-text index… (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  db.exec("insert into search_fts (search_fts) values ('optimize')");
  db.exec('analyze');
  db.pragma('journal_mode = WAL');
  await handle.close();
  writeFileSync(marker, `${items} items, ${new Date().toISOString()}\n`);
  say(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { file, items, agencies };
}

/** Items of the bench (from an environment variable, default 1,000,000). */
export const benchItems = (): number => {
  const raw = process.env.SEARCH_BENCH_ITEMS;
  const n = raw ? Number(raw) : 1_000_000;
  if (!Number.isInteger(n) || n < 1000) throw new Error(`SEARCH_BENCH_ITEMS must be an integer ≥ 1000, got ${raw}`);
  return n;
};
