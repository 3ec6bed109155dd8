import { Browser } from 'playwright-core';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/**
 * The Audit page names the area an event of a local arrangement is in, and links to the area's inbox
 * only for a reader who may read it (R43): an auditor may, an administrator may not.
 */
describeWithChromium('the Audit page’s links to an area’s inbox, in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp({ load: ['policies', 'localArrangements'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  /** The record cells of the local arrangements' events, and the addresses of their links. */
  const recordsSeenBy = async (who: string) => {
    const page = await openSignedIn(browser, app.api.url, who);
    await page.goto(`${app.api.url}/audit?kind=LOCAL_ARRANGEMENT`);
    const cells = page
      .locator('table', { hasText: 'Events, in the order recorded' })
      .locator('tbody tr td:nth-child(3)');
    const texts = await cells.allInnerTexts();
    const links = await cells.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    await page.context().close();
    return { texts, links };
  };

  it('links an auditor to the area’s inbox, and names it to an administrator without a link', async () => {
    const bristol = app.demo.areaIds.Bristol;
    const auditor = await recordsSeenBy('auditor');
    expect(auditor.texts.some((text) => text.startsWith('Local arrangement: Bristol'))).toBe(true);
    expect(auditor.links).toContain(`/areas/${bristol}/inbox`);

    const administrator = await recordsSeenBy('administrator');
    expect(administrator.texts).toEqual(auditor.texts);
    expect(administrator.links).toEqual([]);
  });
});
