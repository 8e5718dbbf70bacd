#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts (one process each, so figures do not disturb each
// other) and prints their figures and target ratios. `npm run bench -- clock` runs matching files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, ensureBuild, run, root, say } from './setup.mjs';

ensureDependencies();
ensureBuild();
const filter = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
let failed = 0;
for (const f of files) {
  say(`bench/${f}`);
  try {
    run(process.execPath, ['--import', 'tsx', '--expose-gc', join(root, 'bench', f)]);
  } catch (err) {
    failed++;
    process.stderr.write(`${err.message}\n`);
  }
}
process.exit(failed ? 1 : 0);
