import { Browser, Page } from 'playwright-core';
import { IntegrityMonitor } from '../../apps/api/src/integrity/integrity-monitor';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/**
 * The Audit page as someone new to it meets it: the signed head's fingerprint and key id said in
 * words, partners and people picked from lists rather than typed as ids, and a history window
 * starting on a day still to come refused in the error summary.
 */
describeWithChromium('the Audit page’s words and choices for a new auditor, in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp({ load: ['policies'] });
    await app.api.app.get(IntegrityMonitor).signIfDue();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const auditor = (): Promise<Page> => openSignedIn(browser, app.api.url, 'auditor');
  const summary = (page: Page) => page.locator('.govuk-error-summary').innerText();
  const row = (page: Page, key: string) => page.locator('.govuk-summary-list__row', { hasText: key });

  it('says what the fingerprint and the signing key id are, keeps them to copy, and links the published key', async () => {
    const page = await auditor();
    await page.goto(`${app.api.url}/audit`);
    const head = (await (await page.request.get(`${app.api.url}/audit/head.json`)).json()) as {
      rootHash: string;
      keyId: string;
    };
    const fingerprint = row(page, 'Fingerprint of the history');
    await expect(fingerprint.locator('code').first().innerText()).resolves.toBe(head.rootHash);
    await fingerprint.getByText('What is the fingerprint?').click();
    await expect(fingerprint.locator('.govuk-details__text').innerText()).resolves.toContain(
      'If any of them were later altered, removed or reordered',
    );

    const key = row(page, 'Signing key id');
    await expect(key.locator('code').first().innerText()).resolves.toBe(head.keyId);
    await key.getByText('What is the signing key id?').click();
    const published = await key.getByRole('link', { name: 'the log’s public key' }).getAttribute('href');
    const jwk = (await (await page.request.get(`${app.api.url}${published}`)).json()) as { kid: string };
    expect(jwk.kid).toBe(head.keyId);
    await page.context().close();
  });

  it('says in each event’s Details what it is about: the partner admitted, the representative appointed', async () => {
    const page = await auditor();
    await page.goto(`${app.api.url}/audit?kind=REGIONAL_GROUP`);
    const events = page.locator('table', { hasText: 'Events, in the order recorded' });
    const details = (type: string) =>
      events
        .locator('tbody tr', { has: page.locator(`span[title="${type}"]`) })
        .locator('> :nth-child(4)')
        .allInnerTexts();
    await expect(details('CorePartnerAdmitted')).resolves.toContain('Avon and Somerset Police');
    const appointed = await details('RepresentativeAppointed');
    expect(appointed.some((text) => text.startsWith('Will White, '))).toBe(true);
    await page.context().close();
  });

  it('offers the group’s partners and people to pick, and keeps an id an address carries', async () => {
    const page = await auditor();
    await page.goto(`${app.api.url}/audit`);
    await page.getByLabel('Partner', { exact: true }).selectOption({ label: 'Avon and Somerset Police' });
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Sheila Smith, North Somerset Council' });
    await page.getByRole('button', { name: 'Show history' }).click();
    const asked = new URL(page.url()).searchParams;
    expect([asked.get('partnerId'), asked.get('personId')]).toEqual([
      app.demo.partnerIds.police,
      app.demo.personIds['sheila-smith'],
    ]);
    await expect(page.locator('main').innerText()).resolves.toMatch(/\d+ events? match/);
    const partners = await page.getByLabel('Partner', { exact: true }).locator('option').allInnerTexts();
    expect(partners.map((text) => text.trim())).toContain('NHS Somerset CCG (former partner)');

    // Someone who represents no partner is still found by the id a link carries.
    const manager = app.businessManagerIds.Bristol as string;
    const answer = await page.goto(`${app.api.url}/audit?personId=${manager}`);
    expect(answer?.status()).toBe(200);
    await expect(page.getByLabel('Person', { exact: true }).inputValue()).resolves.toBe(manager);
    await expect(page.locator('main').innerText()).resolves.toMatch(/\d+ events? match/);
    await page.context().close();
  });

  it('refuses a from date still to come in the error summary, and a to date before the from date', async () => {
    const page = await auditor();
    const events = page.locator('table', { hasText: 'Events, in the order recorded' });
    const tomorrow = await page.goto(`${app.api.url}/audit?from-day=24&from-month=11&from-year=2026`);
    expect(tomorrow?.status()).toBe(400);
    await expect(summary(page)).resolves.toContain('The from date must be today or in the past');
    await expect(page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#from');
    await expect(events.count()).resolves.toBe(0);
    const exported = await page.request.get(
      `${app.api.url}/audit/export.jsonl?from-day=24&from-month=11&from-year=2026`,
    );
    expect([exported.status(), exported.headers()['content-type']]).toEqual([400, 'text/html; charset=utf-8']);
    await expect(exported.text()).resolves.toContain('The from date must be today or in the past');

    const today = await page.goto(`${app.api.url}/audit?from-day=23&from-month=11&from-year=2026`);
    expect(today?.status()).toBe(200);

    await page.goto(`${app.api.url}/audit?from-day=2&from-month=11&from-year=2026&to-day=1&to-month=11&to-year=2026`);
    await expect(summary(page)).resolves.toContain(
      'The start date, 2 November 2026, is after the end date, 1 November 2026',
    );
    await page.context().close();
  });
});
