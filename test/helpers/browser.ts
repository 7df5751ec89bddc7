// Debian's chromium driven by playwright-core, which never downloads a browser: the executable is
// always given. Tests that need it skip, with the reason shown, where it is not installed.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const chromiumPath = process.env.CRISIS_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);
export const noChromiumReason = `chromium is not installed at ${chromiumPath} (apt-get install chromium, or set CRISIS_CHROMIUM)`;

/** A headless chromium with no background traffic of its own (so a network request is the page's). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}
