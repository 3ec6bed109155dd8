import { Browser, Page } from 'playwright-core';
import { IntegrityMonitor } from '../../apps/api/src/integrity/integrity-monitor';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/** What a second walk of the demo found, each where a business manager, an auditor or the chair met it. */
describeWithChromium('the demo’s pages, as the second walk met them, in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp();
    await app.api.app.get(IntegrityMonitor).signIfDue();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const signedIn = (who: string): Promise<Page> => openSignedIn(browser, app.api.url, who);
  const main = (page: Page) => page.locator('main').innerText();

  it('lets a business manager keep and check the signed head on /audit, and keeps the history for auditors', async () => {
    const manager = await signedIn('area business manager (North Somerset)');
    await manager.getByRole('link', { name: 'Audit' }).click();
    expect(manager.url()).toBe(`${app.api.url}/audit`);
    await expect(manager.locator('h1').innerText()).resolves.toBe('Audit');
    await expect(manager.locator('.govuk-summary-list').innerText()).resolves.toContain('Verified');
    const kept = await (await manager.request.get(`${app.api.url}/audit/head.json`)).text();
    await manager.getByLabel('Check a head you kept').fill(kept);
    await manager.getByRole('button', { name: 'Check the head' }).click();
    await expect(manager.locator('#witness-verdict').innerText()).resolves.toMatch(/^The history you kept holds/);
    await expect(main(manager)).resolves.toContain(
      'The history of every change, with who made it and why, is for auditors and administrators',
    );
    await expect(manager.getByRole('button', { name: 'Show history' }).count()).resolves.toBe(0);
    const exported = await manager.request.get(`${app.api.url}/audit/export.jsonl`);
    expect(exported.status()).toBe(403);
    await manager.context().close();

    const auditor = await signedIn('auditor');
    await auditor.goto(`${app.api.url}/audit`);
    await expect(auditor.getByRole('button', { name: 'Show history' }).count()).resolves.toBe(1);
    await expect(main(auditor)).resolves.toMatch(/\d+ events match/);
    await expect(main(auditor)).resolves.not.toContain('is for auditors and administrators');
    await auditor.context().close();
  });

  it('names the version once in the accessible name of each button that records an area’s decision', async () => {
    const page = await signedIn('area business manager (South Gloucestershire)');
    await page.goto(`${app.api.url}/areas/${app.demo.areaIds['South Gloucestershire']}/inbox`);
    const names = await page
      .getByRole('button', { name: /^Record decision/ })
      .evaluateAll((buttons) => buttons.map((button) => button.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect([name, name.match(/version/g)?.length]).toEqual([name, 1]);
    await page.context().close();
  });

  it('says a workstream had no tasks yet on a day before its first, and that none matches only when filtered', async () => {
    const page = await signedIn('chair');
    const workstream = `${app.api.url}/groups/${app.demo.groupId}/workstreams/${app.workstreams.taskAndFinishId}`;
    const tasks = () => page.locator('h2:text-is("Tasks") + p').innerText();
    // Begun on 15 September 2026, its first tasks added on the 22nd.
    await page.goto(`${workstream}?asAt-day=16&asAt-month=9&asAt-year=2026`);
    await expect(tasks()).resolves.toBe('The workstream had no tasks yet on 16 September 2026.');
    await page.goto(`${workstream}?asAt-day=16&asAt-month=9&asAt-year=2026&status=DONE`);
    await expect(tasks()).resolves.toBe('No task matches.');
    await page.context().close();
  });

  it('words a notice’s consequences as done on a day planned for after it takes effect, and as to come before', async () => {
    const page = await signedIn('chair');
    const notices = () => page.locator('h2:text-is("Notices to leave") ~ dl').first().innerText();
    // The demo's notice, given on 23 November 2026, takes effect thirteen months later.
    await page.goto(`${app.api.url}/groups/${app.demo.groupId}?asAt-day=1&asAt-month=1&asAt-year=2028`);
    await expect(notices()).resolves.toMatch(/Took effect\s+23 December 2027/);
    await expect(notices()).resolves.toContain('Quorum became 6 of 9 representatives.');
    await page.goto(`${app.api.url}/groups/${app.demo.groupId}`);
    await expect(notices()).resolves.toMatch(/Takes effect\s+23 December 2027/);
    await expect(notices()).resolves.toContain('Quorum becomes 6 of 9 representatives.');
    await page.context().close();
  });
});
