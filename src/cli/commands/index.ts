/** Registered commands. One line per command file. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerBackup } from './backup.js';
import { registerCheck } from './check.js';
import { registerCalendar } from './calendar.js';
import { registerDeadline } from './deadline.js';
import { registerDemo } from './demo.js';
import { registerFee } from './fee.js';
import { registerMigrate } from './migrate.js';
import { registerRender } from './render.js';
import { registerReport } from './report.js';
import { registerSpec } from './spec.js';
import { registerUser } from './user.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const commands: readonly RegisterCommand[] = [registerCheck, registerRender, registerSpec, registerMigrate, registerBackup, registerDemo, registerUser, registerDeadline, registerFee, registerCalendar, registerReport];
