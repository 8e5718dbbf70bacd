/** Registered commands. One line per command file. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const commands: readonly RegisterCommand[] = [];
