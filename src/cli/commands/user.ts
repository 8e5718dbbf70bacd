/**
 * gongkai user add|passwd|list — staff accounts from the command line (e.g. the first administrator).
 * Passwords are generated and printed once, or read from standard input with --password-stdin.
 */
import { Option } from 'commander';
import { AppError } from '../../core/errors.js';
import { roleLabels, roles, type Role } from '../../core/accounts/roles.js';
import { createUser, findUserByUsername, listUsers, resetPassword } from '../../services/accounts.service.js';
import { findAgencyByIdOrName } from '../../services/agencies.service.js';
import { systemPrincipal } from '../../services/authorization.js';
import { randomDemoPassword } from '../../services/demo/accounts.js';
import type { AccountDeps } from '../../services/deps.js';
import type { CliContext } from '../context.js';
import type { RegisterCommand } from './index.js';

const actor = systemPrincipal('系统（命令行）');

async function depsOf(ctx: CliContext): Promise<AccountDeps> {
  return { db: (await ctx.database()).db, clock: ctx.clock, logger: ctx.logger(), auth: ctx.config().auth };
}

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (!password) throw new AppError('USAGE', { detail: '标准输入中没有密码' });
  return password;
}

const passwordFor = async (opts: { passwordStdin?: boolean }) =>
  opts.passwordStdin ? { password: await readPasswordFromStdin(), generated: false } : { password: randomDemoPassword(), generated: true };

export const registerUser: RegisterCommand = (program, ctx) => {
  const user = program.command('user').description('管理工作人员账号');

  user
    .command('add <username>')
    .description('新建账号（默认生成随机密码并显示一次）')
    .addOption(new Option('--role <role>', '角色：admin 系统管理员 · supervisor 主管部门 · handler 机关经办人 · head 机关负责人').choices(roles).makeOptionMandatory())
    .option('--agency <agency>', '所属机关（编号或全称；系统管理员可不填）')
    .option('--name <name>', '姓名（默认同用户名）')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (username: string, opts: { role: Role; agency?: string; name?: string; passwordStdin?: boolean }) => {
      const deps = await depsOf(ctx);
      let agencyId: string | null = null;
      if (opts.agency) {
        const agency = await findAgencyByIdOrName(deps, opts.agency);
        if (!agency) throw new AppError('NOT_FOUND', { what: `机关“${opts.agency}”` });
        agencyId = agency.id;
      }
      const { password, generated } = await passwordFor(opts);
      const created = await createUser(deps, actor, { username, displayName: opts.name ?? username, role: opts.role, agencyId, password });
      ctx.stdout.write(`已创建账号 ${created.username}（${roleLabels[created.role]}）。\n`);
      if (generated) ctx.stdout.write(`初始密码（只显示这一次）：${password}\n`);
    });

  user
    .command('passwd <username>')
    .description('重设密码（同时解除锁定、结束该账号全部会话；默认生成随机密码并显示一次）')
    .option('--password-stdin', '从标准输入读取密码')
    .action(async (username: string, opts: { passwordStdin?: boolean }) => {
      const deps = await depsOf(ctx);
      const target = await findUserByUsername(deps, username);
      if (!target) throw new AppError('NOT_FOUND', { what: `账号“${username}”` });
      const { password, generated } = await passwordFor(opts);
      await resetPassword(deps, actor, target.id, password);
      ctx.stdout.write(`已重设 ${target.username} 的密码。\n`);
      if (generated) ctx.stdout.write(`新密码（只显示这一次）：${password}\n`);
    });

  user
    .command('list')
    .description('列出全部账号')
    .action(async () => {
      const now = ctx.clock.now().toISOString();
      for (const u of await listUsers(await depsOf(ctx), actor)) {
        const locked = u.lockedUntil && u.lockedUntil > now ? `\t（锁定至 ${u.lockedUntil}）` : '';
        ctx.stdout.write(`${u.username}\t${roleLabels[u.role]}\t${u.displayName}${u.active ? '' : '\t（已停用）'}${locked}\n`);
      }
    });
};
