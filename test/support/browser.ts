/**
 * Debian's Chromium driven by playwright-core for browser tests (never a downloaded browser).
 * `npm test` installs it with apt-get when missing and passes CHROMIUM_PATH.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: run the suite with \`npm test\`, which installs it`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}
