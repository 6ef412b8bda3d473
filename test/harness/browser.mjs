// Debian's Chromium driven by playwright-core (its own browser download is unreachable here).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.SPACES_CHROMIUM ?? '/usr/bin/chromium';

/** `ignoreHTTPSErrors`: trust any certificate, such as a test's self-signed one on loopback. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 }, colorScheme, ignoreHTTPSErrors = false } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set SPACES_CHROMIUM)`);
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'spaces-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    colorScheme,
    ignoreHTTPSErrors,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the workbench has drawn its activity bar. */
export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench .activitybar').waitFor({ timeout: 60_000 });
}
