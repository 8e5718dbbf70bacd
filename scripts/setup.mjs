// Brings a fresh machine to the point where the suite can run, and says what it did.
// Used by `npm test` (scripts/test.mjs) and `npm run bench`; plain Node, no dependencies.
import { execFileSync, spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const say = (msg) => process.stdout.write(`[setup] ${msg}\n`);

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

/** Installs npm dependencies when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(join(root, 'package-lock.json'))) return;
  say('node_modules missing or stale: running `npm ci` (this builds the project too)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Builds dist/ and the console when a source file is newer than the last build. */
export function ensureBuild() {
  const stamp = join(root, 'dist', '.build-stamp');
  const newest = newestMtime(join(root, 'src'));
  if (existsSync(stamp) && mtime(stamp) >= newest) return;
  say('sources changed since the last build: building');
  run(process.execPath, [join(root, 'scripts', 'build.mjs')]);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : mtime(p));
  }
  return newest;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function aptInstall(packages) {
  if (!isRoot()) throw new Error(`please install ${packages.join(' ')} (apt-get install -y ${packages.join(' ')}); not root, cannot do it here`);
  say(`installing ${packages.join(', ')} with apt-get`);
  run('apt-get', ['update', '-q'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Debian's Chromium (never a downloaded browser) and Chinese fonts for it to print reports with. */
export function ensureChromium() {
  const bin = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const missing = [];
  if (!existsSync(bin)) { say(`Chromium not found at ${bin}`); missing.push('chromium'); }
  if (!hasCjkFont()) { say('no Chinese (CJK) font found for Chromium'); missing.push('fonts-noto-cjk'); }
  if (missing.length) aptInstall(missing);
  return bin;
}

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout.trim().length > 0;
  return ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/wqy', '/usr/share/fonts/truetype/arphic'].some((d) => existsSync(d));
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.setTimeout(2000);
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
    s.once('timeout', () => { s.destroy(); resolve(false); });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.once('error', reject);
  });
}

function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

/**
 * Returns a PostgreSQL URL for the tests: TEST_DATABASE_URL when set (it must answer), else a
 * throwaway server started here in a temporary directory (installed with apt-get when missing).
 * The returned stop() shuts the throwaway server down and deletes its files.
 */
export async function ensurePostgres() {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    const u = new URL(given);
    if (!(await canConnect(u.hostname || '127.0.0.1', Number(u.port || 5432)))) {
      throw new Error(`TEST_DATABASE_URL=${given} does not answer`);
    }
    say(`PostgreSQL: using TEST_DATABASE_URL (${u.host})`);
    return { url: given, stop: () => {} };
  }
  let bin = postgresBinDir();
  if (!bin) { say('PostgreSQL server binaries not found'); aptInstall(['postgresql']); bin = postgresBinDir(); }
  if (!bin) throw new Error('PostgreSQL installation failed: no initdb under /usr/lib/postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const asUser = isRoot() ? ['runuser', '-u', 'postgres', '--'] : [];
  const exec = (cmd, args) => run(asUser[0] ?? cmd, asUser.length ? [...asUser.slice(1), cmd, ...args] : args, { stdio: 'ignore' });
  say(`PostgreSQL: TEST_DATABASE_URL not set, starting a throwaway server on port ${port} in ${dir}`);
  exec(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  exec(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => {
    try { exec(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']); } catch { /* already down */ }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

export { execFileSync, spawn, readFileSync };
