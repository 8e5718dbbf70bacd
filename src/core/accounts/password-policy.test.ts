import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.js';

describe(checkPasswordPolicy.name, () => {
  it.each([
    ['short1!', '至少需要 10 个字符'],
    ['aaaaaaaaaaaa', '不能由过少的几个字符重复组成'],
    ['1234567890', '不能是连续的数字、字母或键盘序列'],
    ['0987654321', '不能是连续的数字、字母或键盘序列'],
    ['abcdefghijk', '不能是连续的数字、字母或键盘序列'],
    ['qwertyuiop', '不能是连续的数字、字母或键盘序列'],
    ['Password2024!', '不能使用常见密码'],
    ['!!Qwerty123456', '不能使用常见密码'],
    ['1231231234', '纯数字密码过于简单'],
  ])('rejects %s', (password, reason) => {
    expect(checkPasswordPolicy(password)).toBe(reason);
  });

  it('rejects a password containing the username', () => {
    expect(checkPasswordPolicy('zhangsan-2026-x', { username: 'ZhangSan' })).toBe('不能包含用户名');
    expect(checkPasswordPolicy('zhangsan-2026-x', { username: 'lisi' })).toBeNull();
  });

  it.each(['梁平区政务公开2026', 'correct horse battery', 'Tq7#mZ2!pL9x', '8491-2267-3350'])('accepts %s', (password) => {
    expect(checkPasswordPolicy(password)).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkPasswordPolicy('政府信息公开工作年报')).toBeNull();
    expect(checkPasswordPolicy('政府信息公开工作')).toBe('至少需要 10 个字符');
  });
});
