/**
 * `gongkai` run from the TypeScript sources (node --import tsx test/support/gongkai-src.ts …): the
 * same entry as bin/gongkai.js, without a build, for tests that need a real process (standard
 * input, exit codes, terminal detection).
 */
import { runCli } from '../../src/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2));
