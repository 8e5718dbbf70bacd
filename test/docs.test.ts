/**
 * Every code has a Chinese message (the catalogs are exhaustive by type) and a row in
 * docs/errors.md; the glossary and architecture documents exist and name the rooms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFindingCodes } from '../src/core/finding-codes.js';
import { appErrors } from '../src/core/errors.js';
import { findingMessages } from '../src/core/messages.zh-CN.js';

const root = join(import.meta.dirname, '..');
const errorsDoc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
const documented = new Set([...errorsDoc.matchAll(/^\|\s*`([A-Z0-9_-]+)`/gm)].map((m) => m[1] ?? ''));

describe('docs/errors.md', () => {
  it('has a row for every finding code', () => {
    expect(allFindingCodes.filter((c) => !documented.has(c))).toEqual([]);
  });

  it('has a row for every use-case error code', () => {
    expect(Object.keys(appErrors).filter((c) => !documented.has(c))).toEqual([]);
  });

  it('documents no code that does not exist', () => {
    const known = new Set<string>([...allFindingCodes, ...Object.keys(appErrors)]);
    expect([...documented].filter((c) => !known.has(c))).toEqual([]);
  });
});

describe('message catalogs', () => {
  it('give a non-empty Chinese sentence for every finding code, even without params', () => {
    for (const code of allFindingCodes) {
      const text = findingMessages[code]({});
      expect(text, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('give a Chinese message for every use-case error code', () => {
    for (const [code, def] of Object.entries(appErrors)) expect(def.message({}), code).toMatch(/[\u4e00-\u9fff]/);
  });
});
