/**
 * gongkai — command line. Each command lives in commands/<verb>.ts and registers itself below.
 * One handler maps failures to a Chinese message and an exit code:
 * 0 ok · 1 error-level findings · 2 usage / unreadable input / config · 3 other failure.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { appErrorMessage, isAppError } from '../core/errors.js';
import { createCliContext, type CliContext } from './context.js';
import { commands } from './commands/index.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开平台：年度报告检查、生成，依申请公开办理')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand('help [command]', '显示命令帮助')
    .showHelpAfterError('（使用 gongkai --help 查看用法）')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });
  for (const register of commands) register(program, ctx);
  return program;
}

export async function runCli(argv: readonly string[], ctx: CliContext = createCliContext()): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    ctx.setExitCode(exitCodeFor(err, ctx));
  } finally {
    await ctx.dispose().catch(() => {});
  }
  return Number(process.exitCode ?? 0);
}

function exitCodeFor(err: unknown, ctx: CliContext): number {
  if (err instanceof CommanderError) {
    // help and version print and exit 0; anything else is a usage error
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof ConfigError) {
    ctx.stderr.write(`${err.message}\n`);
    return 2;
  }
  if (isAppError(err)) {
    ctx.stderr.write(`错误：${appErrorMessage(err.code, err.params)}（${err.code}）\n`);
    return ['USAGE', 'FILE_NOT_FOUND', 'FILE_UNREADABLE', 'FILE_TYPE_UNSUPPORTED', 'FILE_TOO_LARGE', 'REQUEST_INVALID', 'REPORT_INVALID'].includes(err.code) ? 2 : 3;
  }
  ctx.stderr.write(`错误：系统内部错误（${err instanceof Error ? err.message : String(err)}）\n`);
  if (err instanceof Error && err.stack) ctx.logger().error({ err }, 'cli command failed');
  return 3;
}
