import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCells, sumGroups } from './split.js';

const rowSum = sumGroups([{ total: 6, parts: [0, 1, 2, 3, 4, 5] }]);
const run = (text: string) => ({ text, atomic: false });

describe(splitCells.name, () => {
  it('splits a crawler row under its row sum (801000081 = 80,1,0,0,0,0,81)', () => {
    expect(splitCells([run('801000081')], { n: 7, check: rowSum }).candidates).toEqual([[80, 1, 0, 0, 0, 0, 81]]);
  });

  it('keeps spaces as cell boundaries ("200 000121" = 20,0,0,0,0,1,21)', () => {
    expect(splitCells([run('200'), run('000121')], { n: 7, check: rowSum }).candidates).toEqual([[20, 0, 0, 0, 0, 1, 21]]);
  });

  it('never reads a leading zero except "0", and returns every reading when there is no sum to decide', () => {
    const { candidates } = splitCells([run('13013')], { n: 3 });
    expect(candidates).toEqual(expect.arrayContaining([[13, 0, 13], [1, 30, 13], [1, 301, 3], [130, 1, 3]]));
    expect(candidates.every((c) => c.length === 3)).toBe(true);
    expect(candidates).not.toContainEqual([1, 3, 13]);
    expect(splitCells([run('0000000')], { n: 7 }).candidates).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('places decimals and negative numbers only where the column allows them', () => {
    const opts = { n: 2, allowNegative: (c: number) => c === 1, allowDecimal: (c: number) => c === 1 };
    expect(splitCells([run('35'), run('-15')], opts).candidates).toEqual([[35, -15]]);
    expect(splitCells([run('69.5')], opts).candidates).toEqual([[6, 9.5]]);
    expect(splitCells([run('-35'), run('15')], opts).candidates).toEqual([]);
  });

  it('treats atomic and null cells as one cell each', () => {
    const pieces = [{ text: '12', atomic: true }, { text: '', atomic: true, isNull: true }, run('305')];
    expect(splitCells(pieces, { n: 4 }).candidates).toEqual([[12, null, 30, 5]]);
  });

  it('stops at its budget on absurd inputs and says so', () => {
    const result = splitCells([run('1'.repeat(60))], { n: 15, budget: 1000 });
    expect(result.truncated).toBe(true);
  });

  it('property: a row that satisfies its sum is among the readings of its digits run together', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 120 }), { minLength: 6, maxLength: 6 }), (parts) => {
      const row = [...parts, parts.reduce((a, b) => a + b, 0)];
      const { candidates } = splitCells([run(row.join(''))], { n: 7, check: rowSum });
      expect(candidates).toContainEqual(row);
      for (const c of candidates) expect(c.slice(0, 6).reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(c[6]);
    }));
  });
});
