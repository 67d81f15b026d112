/**
 * The browser of the e2e suites: Debian's Chromium driven by playwright-core, headless, with the
 * flags this machine needs (no background networking: its connections are refused here), and the
 * web app as the Hosting emulator serves it.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const BASE_URL = process.env.HOSTING_URL ?? 'http://127.0.0.1:5050';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Port-shifted runs may put Firestore on a port Chromium blocks as unsafe (10080 at offset 2).
  `--explicitly-allowed-ports=${(process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080').split(':').pop()}`,
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * A browser with a profile on disk, as a person's is: an ordinary context is incognito, where
 * Chromium refuses to install an app ("in-incognito"), so the install suite needs this one.
 */
export function launchProfileBrowser(
  userDataDir: string,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: FLAGS, acceptDownloads: true, ...options });
}

/**
 * Every suite's teardown: its contexts (a context that already failed is no reason to stop), the
 * browser, then what the pages reported on the console, for the run's log.
 */
export async function closeBrowser(
  browser: Browser | undefined,
  contexts: readonly (BrowserContext | undefined)[],
  problems: readonly string[],
): Promise<void> {
  for (const c of contexts) await c?.close().catch(() => undefined);
  await browser?.close();
  if (problems.length) console.warn(`Browser messages:\n${problems.join('\n')}`);
}
