import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs; a downloaded browser is never used. */
const CHROMIUM = '/usr/bin/chromium';

/** `describe` where Chromium is installed; elsewhere the suite is skipped and says why. */
export const describeWithChromium: jest.Describe = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  process.stdout.write(
    `skipped: the web pages' browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`,
  );
}

/** Headless, and without the background connections this machine's closed network refuses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page of its own (its own cookies), with JavaScript on or off. */
export async function openPage(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled });
  return context.newPage();
}

/** The development sign-in: the role's radio, as its label reads ("Chair"), then back home. */
export async function signIn(page: Page, baseUrl: string, who: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(who.charAt(0).toUpperCase() + who.slice(1), { exact: true }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}

/** A page of its own, signed in as `who` and at home. */
export async function openSignedIn(browser: Browser, baseUrl: string, who: string): Promise<Page> {
  const page = await openPage(browser);
  await signIn(page, baseUrl, who);
  return page;
}
