#!/usr/bin/env node
// Compiles src/ to dist/ (tsc), copies static assets, builds the staff console (Vite).
// Runs on `npm install` (prepare) and whenever `npm test` / `npm start` find sources newer than dist/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (msg) => process.stdout.write(`[build] ${msg}\n`);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(join(root, 'node_modules', 'typescript'))) {
  step('dependencies not installed yet; skipping (run `npm install`)');
  process.exit(0);
}
// Build into a staging folder and swap it in at the end, so a failed or concurrent build never
// leaves a half-empty dist/ behind for a running server or CLI.
const out = join(root, `.dist-build-${process.pid}`);
const dist = join(root, 'dist');
rmSync(out, { recursive: true, force: true });
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
step('tsc → dist/');
run([join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', out]);

// Non-TypeScript files under src/ (CSS, JSON schemas, templates, fonts) travel with the code.
const copyAssets = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    const rel = relative(join(root, 'src'), p);
    if (rel.startsWith('console')) continue;
    if (entry.isDirectory()) { copyAssets(p); continue; }
    if (/\.(ts|tsx)$/.test(entry.name)) continue;
    mkdirSync(dirname(join(out, rel)), { recursive: true });
    cpSync(p, join(out, rel));
  }
};
copyAssets(join(root, 'src'));

if (existsSync(join(root, 'src', 'console', 'index.html'))) {
  step('vite → dist/console/');
  run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/console/vite.config.ts', '--logLevel', 'warn', '--outDir', join(out, 'console'), '--emptyOutDir']);
}
writeFileSync(join(out, '.build-stamp'), new Date().toISOString());
const old = join(root, `.dist-old-${process.pid}`);
if (existsSync(dist)) renameSync(dist, old);
renameSync(out, dist);
rmSync(old, { recursive: true, force: true });
step('done');
