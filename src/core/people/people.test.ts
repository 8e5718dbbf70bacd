import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from './credit-code.js';
import { checkIdCard, idCardCheckChar } from './id-card.js';
import { checkIdNumber } from './id-documents.js';
import { maskAddress, maskEmail, maskIdNumber, maskPersonName, maskPhone } from './masking.js';

describe('身份证 (GB 11643)', () => {
  it('accepts the standard examples, including the X check character', () => {
    expect(checkIdCard('11010519491231002X')).toBeNull();
    expect(checkIdCard('440524188001010014')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkIdCard('110105194912310021')).toBe('checksum');
    expect(checkIdCard('110105194902300020')).toBe('birthDate'); // 30 February
    expect(checkIdCard('11010519491231002')).toBe('format');
    expect(checkIdCard('110105491231002')).toBe('legacy15');
    expect(checkIdCard('991105194912310021')).toBe('region');
    expect(checkIdCard('110105203001010013', '2026-03-02')).toBe('birthDate'); // born in the future
  });

  it('any single changed digit is caught by the checksum (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
      const base = '11010519491231002';
      const valid = base + idCardCheckChar(base);
      const digit = (Number(valid[pos]) + delta) % 10;
      const changed = valid.slice(0, pos) + String(digit) + valid.slice(pos + 1);
      expect(checkIdCard(changed)).not.toBeNull();
    }));
  });

  it('normalizes spaces and a lower-case x', () => {
    expect(checkIdNumber('residentId', ' 110105 19491231 002x ')).toEqual({ normalized: '11010519491231002X', problem: null });
    expect(checkIdNumber('residentId', '110105194912310021').problem).toContain('校验位');
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts a valid code and rejects a changed one', () => {
    const first17 = '91500155MA5U2XYZ0'.replace(/[IOSVZ]/g, '1');
    const code = first17 + creditCodeCheckChar(first17);
    expect(checkCreditCode(code)).toBeNull();
    const last = code[17] === '0' ? '1' : '0';
    expect(checkCreditCode(code.slice(0, 17) + last)).toBe('checksum');
    expect(checkCreditCode('91350100M000100Y43')).toBeNull(); // published example
    expect(checkCreditCode('9135010OM000100Y43')).toBe('format'); // the letter O is not used
  });
});

describe('masking', () => {
  it('hides the middle of ID numbers and phones, the local part of e-mail, the street of addresses', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('023-53221234')).toBe('023-******34');
    expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com');
    expect(maskAddress('重庆市梁平区双桂街道人民路12号3单元')).toBe('重庆市梁平区***');
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('欧阳修文')).toBe('欧阳**');
  });

  it('never returns the input unchanged for non-trivial values (property)', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{11,18}$/), (v) => {
      expect(maskIdNumber(v)).not.toBe(v);
      expect(maskPhone(v)).not.toBe(v);
    }));
  });
});
