import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegisterRows, readCsvRows, type RegisterImportContext } from './register-import.js';
import { documentCountsIn, normalizeAmountWan, table2FromRegisters, type RegisterDocument } from './registers.js';

const date = (y: number, m = 6) => `${y}-${String(m).padStart(2, '0')}-15`;
const arbDoc: fc.Arbitrary<RegisterDocument> = fc
  .record({
    docType: fc.constantFrom('regulation' as const, 'normativeDocument' as const),
    start: fc.integer({ min: 2015, max: 2026 }),
    ended: fc.option(fc.integer({ min: -3, max: 8 }), { nil: null }),
    written: fc.boolean(),
  })
  .map(({ docType, start, ended, written }) => ({
    docType, writtenOn: written ? date(start) : null, firstPublishedOn: date(start, 9),
    // an end before the start (bad data) must not break the stock rule either
    validityEndedOn: ended === null ? null : date(start + ended, 11),
  }));

describe('table 二 from the registers', () => {
  it('T2-STOCK holds by construction: 现行有效(Y) = 现行有效(Y−1) + 本年制发(Y) − 本年废止(Y) (property)', () => {
    fc.assert(fc.property(fc.array(arbDoc, { maxLength: 40 }), fc.integer({ min: 2016, max: 2027 }), (docs, year) => {
      const now = table2FromRegisters('2021', year, docs, {}, {});
      const before = table2FromRegisters('2021', year - 1, docs, {}, {});
      for (const row of ['regulations', 'normativeDocs']) {
        const [made, repealed, inForce] = now[row] as number[];
        expect(inForce).toBe((before[row]![2] as number) + made! - repealed!);
        // T2-REPEAL too
        expect(repealed).toBeLessThanOrEqual((before[row]![2] as number) + made!);
      }
    }));
  });

  it('counts made, repealed and in force from the dates; 失效 and 废止 both end a document', () => {
    const docs: RegisterDocument[] = [
      { docType: 'normativeDocument', writtenOn: '2025-03-01', firstPublishedOn: '2025-03-10', validityEndedOn: null },
      { docType: 'normativeDocument', writtenOn: '2024-12-30', firstPublishedOn: '2025-01-05', validityEndedOn: '2025-08-01' },
      { docType: 'normativeDocument', writtenOn: '2025-02-01', firstPublishedOn: '2025-02-02', validityEndedOn: '2025-11-30' },
      { docType: 'regulation', writtenOn: null, firstPublishedOn: '2023-05-05', validityEndedOn: null },
    ];
    const t = table2FromRegisters('2021', 2025, docs, { licensing: { decisionCount: 120, itemCount: null, amountWan: null }, fees: { decisionCount: null, itemCount: null, amountWan: '12.35' } }, {});
    expect(t).toEqual({
      regulations: [0, 0, 1], normativeDocs: [2, 2, 1], licensing: [120], penalty: [0], enforcement: [0], feesWan: [12.35],
    });
    expect(documentCountsIn(docs[1]!, 'made', 2024)).toBe(true);
    // the 2019 format: 本年新制作 / 本年新公开 / 对外公开总数 and item counts against last year
    const t19 = table2FromRegisters('2019', 2025, docs, { licensing: { decisionCount: 5, itemCount: 30, amountWan: null } }, { licensing: { decisionCount: 1, itemCount: 34, amountWan: null } });
    expect(t19.normativeDocs).toEqual([2, 3, 3]);
    expect(t19.licensing).toEqual([34, -4, 5]);
    expect(t19.procurement).toEqual([0, 0]);
  });

  it('normalizes amounts in 万元', () => {
    expect(normalizeAmountWan('12.3500')).toBe('12.35');
    expect(normalizeAmountWan('1,234.5')).toBe('1234.5');
    expect(normalizeAmountWan('007')).toBe('7');
    expect(normalizeAmountWan('-1')).toBeNull();
    expect(normalizeAmountWan('1e5')).toBeNull();
    expect(normalizeAmountWan('1.1234567')).toBeNull();
  });
});

describe('register import rows', () => {
  const ctx: RegisterImportContext = {
    resolveAgency: (ref) => ({ 甲区教育委员会: 'a1', 甲区人民政府: 'a0' } as Record<string, string>)[ref] ?? null,
    currentYear: 2026,
    closed: new Set(['a0:2024']),
  };
  const csv = (text: string) => parseRegisterRows(readCsvRows(text).rows, ctx);

  it('reads a good file', () => {
    const r = csv('机关,年度,类别,处理决定数量,项目数量,金额（万元）,备注\n甲区教育委员会,2025,行政许可,120,,,\n甲区教育委员会,2025,行政事业性收费,,,"1,234.50",含补缴\n');
    expect(r.findings).toEqual([]);
    expect(r.figures).toEqual([
      { line: 2, agencyId: 'a1', year: 2025, kind: 'licensing', decisionCount: 120, itemCount: null, amountWan: null, note: '' },
      { line: 3, agencyId: 'a1', year: 2025, kind: 'fees', decisionCount: null, itemCount: null, amountWan: '1234.5', note: '含补缴' },
    ]);
  });

  it('reports every bad line with its reason and returns no figure at all', () => {
    const r = csv([
      '机关,年度,类别,处理决定数量,金额（万元）',
      '甲区教育委员会,2025,行政许可,12,', // good
      '不存在的局,2025,行政许可,1,',
      '甲区教育委员会,2030,行政处罚,1,',
      '甲区教育委员会,2025,行政审批,1,',
      '甲区教育委员会,2025,行政强制,-3,',
      '甲区教育委员会,2025,行政许可,4,', // duplicate of line 2
      '甲区教育委员会,2025,行政事业性收费,2,5',
      '甲区人民政府,2024,行政处罚,1,',
      '甲区教育委员会,2025,行政处罚,,',
    ].join('\r\n'));
    expect(r.figures).toEqual([]);
    expect(r.findings.map((f) => [f.at.line, f.code])).toEqual([
      [3, 'REG-AGENCY'], [4, 'REG-YEAR'], [5, 'REG-KIND'], [6, 'REG-NUMBER'], [7, 'REG-DUPLICATE'], [8, 'REG-FIELD'], [9, 'REG-CLOSED'], [10, 'REG-FIELD'],
    ]);
    expect(r.findings[4]!.params).toMatchObject({ firstLine: 2 });
  });

  it('checks the header and the CSV syntax', () => {
    expect(csv('名称,年度\n').findings.map((f) => f.code)).toContain('REG-FORMAT');
    expect(csv('').findings.map((f) => f.code)).toEqual(['REG-EMPTY']);
    expect(readCsvRows('a,"b\nc').unclosedQuoteLine).toBe(1);
    expect(readCsvRows('a,"多\n行",c\nd').rows).toEqual([{ line: 1, cells: ['a', '多\n行', 'c'] }, { line: 3, cells: ['d'] }]);
    const warn = csv('机关,年度,类别,金额（万元）\n甲区教育委员会,2025,行政事业性收费,2500000');
    expect(warn.findings.map((f) => [f.code, f.severity])).toEqual([['REG-UNIT', 'warning']]);
    expect(warn.figures).toHaveLength(1);
  });
});
