/**
 * Browser tests of the staff console: a real server (createTestApp on an in-memory SQLite database,
 * listening on a free port) serving the built console, Debian Chromium through playwright-core,
 * and axe-core. The console bundle is rebuilt first when its sources (src/console, src/core) are
 * newer than dist/console, holding /tmp/gk-build.lock exclusively (as `npm run build` users do);
 * while the tests run the lock is held shared, so no build empties dist/ under the browser.
 * The browser asks for reduced motion, as a user may: the console then shows dialogs, drawers and
 * dropdowns at once (no opacity/transform transition for axe to measure mid-way or a click to race),
 * and axe runs only once nothing on the page moves.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { sqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const buildLock = '/tmp/gk-build.lock';

/** True when dist/console was built after the last change to its sources (src/console, src/core). */
export function consoleBuildIsFresh(): boolean {
  const out = join(root, 'dist', 'console', 'index.html');
  if (!existsSync(out)) return false;
  const built = statSync(out).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = join(dir, e.name);
      return e.isDirectory() ? newer(p) : statSync(p).mtimeMs > built;
    });
  return !['src/console', 'src/core'].some((d) => newer(join(root, d)));
}

/** Builds the console bundle (production) while holding the build lock exclusively. */
function buildConsole(): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync('flock', [buildLock, process.execPath, vite, 'build', '--config', 'src/console/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`console build failed (${r.status ?? r.signal})`);
}

/**
 * Holds the build lock shared until the returned function is called, so no build (which empties
 * dist/) runs while the browser loads the console. The holder is a `flock -s … cat` child reading
 * our stdin pipe: it also lets go if this process dies.
 */
async function holdBuildLockShared(): Promise<() => Promise<void>> {
  const child = spawn('flock', ['-s', buildLock, 'sh', '-c', 'echo locked; exec cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`could not take ${buildLock} (exit ${code})`)));
  });
  // wait for the holder to exit: the caller may block the event loop next (spawnSync of a build)
  return async () => {
    child.stdin.destroy();
    await exited;
  };
}

/** Makes sure a fresh console bundle exists and stays in place until release() is called. */
export async function useFreshConsoleBuild(): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const release = await holdBuildLockShared();
    if (consoleBuildIsFresh()) return release;
    await release();
    buildConsole();
  }
  throw new Error('the console bundle stays stale after building it (clock skew?)');
}

export interface ConsoleServer {
  readonly t: TestApp;
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A fresh browser context (own cookies, prefers reduced motion) with a page open on /console/. */
  open(path?: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startConsoleServer(arrange?: (t: TestApp) => Promise<void>): Promise<ConsoleServer> {
  const releaseBuild = await useFreshConsoleBuild();
  const cleanups: (() => Promise<unknown>)[] = [releaseBuild];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  };
  try {
    const db = await sqliteTestDatabase.create();
    cleanups.push(() => db.close());
    const t = await createTestApp({ db });
    cleanups.push(() => t.close());
    await arrange?.(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no port');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    return {
      t,
      baseUrl,
      browser,
      open: async (path = '/console/') => {
        const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' });
        cleanups.push(() => context.close());
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        page.on('pageerror', (err) => pageErrors.set(page, [...(pageErrors.get(page) ?? []), err.message]));
        await page.goto(`${baseUrl}${path}`);
        return { context, page };
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

/** Uncaught errors of each page (a broken bundle shows up here rather than as a missing login form). */
const pageErrors = new WeakMap<Page, string[]>();

/** Signs in through the login screen and waits for the console frame. */
export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username).catch((err: Error) => {
    throw new Error(`${err.message}\npage errors: ${JSON.stringify(pageErrors.get(page) ?? [])}`);
  });
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
}

/**
 * Picks an option of the antd Select named `label` inside `scope`: a searchable one the way a
 * keyboard user does (type to filter, Enter), a plain one by clicking the option in its dropdown.
 */
export async function choose(scope: Page | Locator, label: string, text: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const byName = { name: label, exact: true } as const;
  const combobox = scope.getByRole('combobox', byName);
  await combobox.click();
  if (await combobox.isEditable()) {
    await combobox.fill(text);
    await combobox.press('Enter');
  } else {
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first().click();
  }
  // the select now shows the choice (an Enter on an empty filter would choose nothing);
  // `has` takes a locator relative to the candidate, hence one built from the page
  const select = scope.locator('.ant-select', { has: page.getByRole('combobox', byName) }).first();
  await expect.poll(() => select.innerText({ timeout: 2000 })).toContain(text);
}

/**
 * True in the page when nothing moves: no antd motion class (rc-motion's `…-enter`, `…-appear`,
 * `…-leave` with their `-active`/`-prepare`/`-start` steps) on any element, and no running CSS
 * transition or animation that has an end (an endless one, like a spinner, is no measuring hazard).
 */
const stillInPage = `(() => {
  const motion = /-(enter|appear|leave)(-(active|prepare|start))?$/;
  for (const el of document.querySelectorAll('[class]')) {
    for (const c of el.classList) if (c.startsWith('ant-') || c.startsWith('wave-')) { if (motion.test(c)) return false; }
  }
  return document.getAnimations().every((a) => a.playState !== 'running' || !Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
})()`;

/**
 * Waits until the page is still (see stillInPage) and every open dialog (modal, drawer) is visible,
 * so axe measures colours at rest and clicks do not race an opening motion.
 */
export async function waitForStillness(page: Page): Promise<void> {
  // polled with evaluate (CDP, which the CSP allows): waitForFunction evaluates its source with eval
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate(stillInPage))) {
    if (Date.now() > deadline) throw new Error('the page did not come to rest within 10 s');
    await page.waitForTimeout(30);
  }
  const dialogs = page.locator('.ant-modal-wrap:not([style*="display: none"]) [role="dialog"], .ant-drawer-open [role="dialog"]');
  for (const dialog of await dialogs.all()) await dialog.waitFor({ state: 'visible' });
}

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: string[] }

/**
 * Runs axe-core on the page once it is still (the source is evaluated in the page, so the CSP's
 * script-src 'self' is not in the way) and returns the serious and critical violations.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await waitForStillness(page);
  const loaded = await page.evaluate('typeof window.axe');
  if (loaded === 'undefined') {
    await page.evaluate(readFileSync(axeSource, 'utf8'));
  }
  const result = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ') + ' ' + n.html.slice(0, 160)) })))`,
  )) as AxeViolation[];
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `axe on ${screen}`).toEqual([]);
}
