#!/usr/bin/env node
// `npm test`: sets up what a fresh machine lacks (dependencies, build, Chromium, PostgreSQL),
// then runs typecheck, lint and the whole Vitest suite (unit, integration on SQLite and
// PostgreSQL, browser tests). Extra arguments go to Vitest (e.g. `npm test -- src/core`).
import { ensureDependencies, ensureBuild, ensureChromium, ensurePostgres, run, say, root } from './setup.mjs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const quick = args.length > 0; // a filtered run skips typecheck and lint
ensureDependencies();
ensureBuild();
const chromium = ensureChromium();
const pg = await ensurePostgres();
const env = { ...process.env, TEST_DATABASE_URL: pg.url, CHROMIUM_PATH: chromium };
let failed = false;
try {
  if (!quick) {
    say('typecheck (tsc)');
    run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.check.json'], { env });
    say('lint (eslint, with the dependency rules between folders)');
    run(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings=0'], { env });
  }
  say('vitest');
  run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...args], { env });
} catch (err) {
  failed = true;
  process.stderr.write(`${err.message}\n`);
} finally {
  pg.stop();
}
process.exit(failed ? 1 : 0);
