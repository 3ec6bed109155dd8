import { Browser } from 'playwright-core';
import { describeWithChromium, launchChromium, openPage, signIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

describeWithChromium('a meeting’s written views on its page, in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    // The policies part registers the people the development sign-in offers.
    app = await startDemoApp({ load: ['meetings', 'policies'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  it('shows the day the absent representative sent them, entered after the meeting', async () => {
    const page = await openPage(browser);
    await signIn(page, app.api.url, 'chair');
    // The demo's inquorate meeting of 11 June 2026, entered on 23 November with Somerset's views of 9 June.
    await page.goto(`${app.api.url}/groups/${app.demo.groupId}/meetings/${app.year.meetingIds[2]}`);
    const section = page.locator('h2:text-is("Written views") ~ p.govuk-body-s').first();
    await expect(section.innerText()).resolves.toBe('Sent 9 June 2026');
    await page.context().close();
  });
});
