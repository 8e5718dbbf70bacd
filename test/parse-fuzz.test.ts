/**
 * The readers never throw on damaged input: real reports (../shared when present, the shipped
 * real fixtures always) and generated ones, truncated, with lines deleted or duplicated, random
 * characters inserted and digits swapped. An internal exception would surface as PARSE-UNREADABLE
 * (the guard in parse/index.ts), so its absence is asserted too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../src/core/report/generate.js';
import type { ParseResult } from '../src/core/report/parse/index.js';
import { parseReportHtml, parseReportMarkdown, parseReportText } from '../src/core/report/parse/index.js';
import { renderReport } from '../src/core/report/render/index.js';
import { shared } from './support/shared.js';

const real = fileURLToPath(new URL('./fixtures/reports/real/', import.meta.url));

type Kind = 'txt' | 'html' | 'md';
const parsers: Record<Kind, (s: string) => ParseResult> = { txt: parseReportText, html: parseReportHtml, md: parseReportMarkdown };
const kindOf = (file: string): Kind => (file.endsWith('.md') ? 'md' : /\.html?$/.test(file) ? 'html' : 'txt');

const inputs: { name: string; kind: Kind; text: string }[] = [];
for (const dir of [`${shared}corpus/raw/`, `${shared}seed/`, real]) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((x) => /\.(txt|md|html)$/.test(x))) inputs.push({ name: f, kind: kindOf(f), text: readFileSync(dir + f, 'utf8') });
}
for (const [i, format] of (['2021', '2019', '2021'] as const).entries()) {
  const report = generateReport({ seed: 100 + i, format, scale: [0, 60, 400][i]! });
  for (const kind of ['txt', 'html', 'md'] as const) inputs.push({ name: `generated-${format}-${i}.${kind}`, kind, text: renderReport(report, kind) });
}

type Mutation = (s: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((p): Mutation => (s) => s.slice(0, Math.floor(s.length * p))),
  fc.nat().map((n): Mutation => (s) => { const l = s.split('\n'); l.splice(n % Math.max(1, l.length), 1); return l.join('\n'); }),
  fc.nat().map((n): Mutation => (s) => { const l = s.split('\n'); const i = n % Math.max(1, l.length); l.splice(i, 0, l[i] ?? ''); return l.join('\n'); }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 40 })).map(([n, junk]): Mutation => (s) => { const i = n % (s.length + 1); return s.slice(0, i) + junk + s.slice(i); }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (s) => {
    const digits = [...s.matchAll(/\d/g)].map((m) => m.index);
    if (digits.length < 2) return s;
    const i = Math.min(digits[a % digits.length]!, digits[b % digits.length]!);
    const j = Math.max(digits[a % digits.length]!, digits[b % digits.length]!);
    return s.slice(0, i) + s[j]! + s.slice(i + 1, j) + s[i]! + s.slice(j + 1);
  }),
  fc.tuple(fc.nat(), fc.nat({ max: 2000 })).map(([n, len]): Mutation => (s) => { const i = n % (s.length + 1); return s.slice(0, i) + s.slice(i + len); }),
);

describe('readers never throw on damaged reports', () => {
  it.each(inputs.map((i) => [i.name, i] as const))('%s', (_name, input) => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
      const text = mutations.reduce((s, m) => m(s), input.text);
      const result = parsers[input.kind](text);
      expect(Array.isArray(result.findings)).toBe(true);
      expect(result.findings.filter((f) => f.code === 'PARSE-UNREADABLE'), JSON.stringify(result.findings[0])).toEqual([]);
    }), { numRuns: 40 });
  });

  it('on arbitrary text of any kind', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), fc.constantFrom<Kind>('txt', 'html', 'md'), (text, kind) => {
      const result = parsers[kind](text);
      expect(result.findings.filter((f) => f.code === 'PARSE-UNREADABLE')).toEqual([]);
    }), { numRuns: 300 });
  });
});
