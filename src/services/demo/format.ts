/** The text printed after a demo fill (by `npm start` and `gongkai demo`). */
import type { DemoResult } from './index.js';

export function formatDemoAccounts(result: Pick<DemoResult, 'createdAccounts'>, opts: { readonly fixedPassword: boolean }): string {
  if (result.createdAccounts.length === 0) return '';
  const header = opts.fixedPassword
    ? '演示账号（密码为 GONGKAI_DEMO_PASSWORD 所设）：'
    : '演示账号（密码随机生成，只显示这一次，请妥善保存；忘记时可运行 gongkai user passwd <用户名> 重设）：';
  const width = Math.max(...result.createdAccounts.map((a) => a.username.length));
  const lines = result.createdAccounts.map(
    (a) => `  ${a.username.padEnd(width)}  ${opts.fixedPassword ? '' : `${a.password}  `}${a.roleLabel} · ${a.displayName}${a.agencyName ? ` · ${a.agencyName}` : ''}`,
  );
  return [header, ...lines].join('\n');
}
