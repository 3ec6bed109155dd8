import { randomUUID } from 'node:crypto';
import { Browser, Page } from 'playwright-core';
import { describeWithChromium, launchChromium, openPage, signIn as signInAs } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/** The forms an area's business manager sends reports up with, on the area's inbox, over the demo (23 November 2026). */
describeWithChromium('the report-up forms of an area’s inbox, in Chromium, over the demo data', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const inboxUrl = (area: string) => `${app.api.url}/areas/${app.demo.areaIds[area]}/inbox`;
  const signedIn = async (who: string): Promise<Page> => {
    const page = await openPage(browser, true);
    await signInAs(page, app.api.url, who);
    return page;
  };
  const summary = (page: Page) => page.locator('.govuk-error-summary').innerText();
  const summaryLinks = (page: Page) =>
    page.locator('.govuk-error-summary a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const sentUp = (page: Page) => page.locator('table', { hasText: 'What Bristol sent up' }).innerText();
  const reportsUp = async (area: string) => {
    const { data, errors } = await app.api.graphql<{ reportsUp: { edges: { node: { kind: string } }[] } }>(
      'query($a: ID!) { reportsUp(areaId: $a, first: 100) { edges { node { kind } } } }',
      { a: app.demo.areaIds[area] },
      app.tokens['auditor'],
    );
    expect(errors).toBeUndefined();
    return data!.reportsUp.edges.length;
  };

  it('sends Bristol’s yearly report up, after saying what is missing and what the API refused, on its fields', async () => {
    const page = await signedIn('area business manager (Bristol)');
    await page.goto(inboxUrl('Bristol'));
    const before = await reportsUp('Bristol');
    await page.getByRole('button', { name: 'Send the yearly report' }).click();
    await expect(summary(page)).resolves.toMatch(
      /Enter the reporting year, like 2025-26\nEnter the date published\nEnter the web address of the report/,
    );
    await expect(summaryLinks(page)).resolves.toEqual(['#yearly-period', '#yearly-published-on', '#yearly-link']);
    // The dates of sending start at today; what was typed is kept.
    const form = page.locator('form[action$="/yearly-report"]');
    await form.getByLabel('Reporting year').fill('2026-27');
    await form.locator('#yearly-published-on').fill('20');
    await form.locator('#yearly-published-on-month').fill('11');
    await form.locator('#yearly-published-on-year').fill('2026');
    await form.getByLabel('Web address of the published report').fill('not a web address');
    await form.getByRole('button', { name: 'Send the yearly report' }).click();
    // The API refuses the address, on its field, in the words of its label.
    await expect(summaryLinks(page)).resolves.toEqual(['#yearly-link']);
    await expect(page.locator('#yearly-period').inputValue()).resolves.toBe('2026-27');
    expect(await reportsUp('Bristol')).toBe(before);

    await page
      .locator('#yearly-link')
      .fill('https://bristol.example/safeguarding-partnership/yearly-report-2026-27.pdf');
    await page.getByRole('button', { name: 'Send the yearly report' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'The yearly report for 2026-27 is sent to the region.',
    );
    await expect(sentUp(page)).resolves.toContain('Yearly report 2026-27');
    expect(await reportsUp('Bristol')).toBe(before + 1);
  });

  it('sends a quarter’s figures for a measure the group asks for, and refuses a count that is not a whole number', async () => {
    const page = await signedIn('area business manager (Bristol)');
    await page.goto(inboxUrl('Bristol'));
    const form = page.locator('form[action$="/figures"]');
    const options = (await form.getByLabel('Measure').locator('option').allInnerTexts()).map((text) => text.trim());
    expect(options).toEqual(['Choose a measure', 'Rapid reviews held', 'Referrals to children’s social care']);
    await form.getByLabel('Quarter').fill('2026-Q3');
    await form.getByLabel('Count').fill('twelve');
    await form.getByRole('button', { name: 'Send the figures' }).click();
    await expect(summary(page)).resolves.toMatch(/Select the measure\nEnter the count as a whole number, like 12/);
    await expect(page.locator('#figures-period').inputValue()).resolves.toBe('2026-Q3');

    const before = await reportsUp('Bristol');
    await page.locator('#figures-measure').selectOption({ label: 'Rapid reviews held' });
    // A quarter not written as the API reads one is refused on its field, in the words of its label.
    await page.locator('#figures-period').fill('Q4 2025');
    await page.locator('#figures-count').fill('3');
    await page.getByRole('button', { name: 'Send the figures' }).click();
    await expect(summaryLinks(page)).resolves.toEqual(['#figures-period']);
    await expect(summary(page)).resolves.toContain('Quarter is a calendar quarter written like 2026-Q3');
    expect(await reportsUp('Bristol')).toBe(before);

    await page.locator('#figures-period').fill('2025-Q4');
    await page.locator('#figures-count').fill('3');
    await page.getByRole('button', { name: 'Send the figures' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'The figures for 2025-Q4 are sent to the region.',
    );
    expect(await reportsUp('Bristol')).toBe(before + 1);
  });

  it('shares a decision the area took, refusing a child’s details on the field that holds them', async () => {
    const page = await signedIn('area business manager (Bristol)');
    await page.goto(inboxUrl('Bristol'));
    const before = await reportsUp('Bristol');
    const form = page.locator('form[action$="/local-decision"]');
    await form.getByLabel('Title of the decision').fill('Neglect strategy refreshed');
    await form.getByLabel('What the area decided').fill('Agreed after the review of the child born 12/03/2019.');
    await form.getByRole('button', { name: 'Share with the region' }).click();
    await expect(summaryLinks(page)).resolves.toEqual(['#local-decision-text']);
    await expect(summary(page)).resolves.toContain('What the area decided must not identify a child or family');
    expect(await reportsUp('Bristol')).toBe(before);

    await page
      .locator('#local-decision-text')
      .fill('The partnership adopts the refreshed neglect strategy and its graded care profile from January.');
    await page.getByRole('button', { name: 'Share with the region' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'The decision “Neglect strategy refreshed” is shared with the region.',
    );
    await expect(sentUp(page)).resolves.toContain('Neglect strategy refreshed');
    expect(await reportsUp('Bristol')).toBe(before + 1);
  });

  it('lets a representative resolve an escalation on the region’s inbox, after which it awaits nothing', async () => {
    const page = await signedIn('chair');
    await page.goto(`${app.api.url}/groups/${app.demo.groupId}/inbox`);
    const escalation = 'Out-of-hours paediatric cover for child protection medicals';
    const resolve = page.locator('form[action$="/inbox/resolve"]', { hasText: escalation });
    const itemId = await resolve.locator('input[name="itemId"]').inputValue();
    const csrf = await resolve.locator('input[name="_csrf"]').inputValue();
    await resolve.getByRole('button', { name: /^Resolve the escalation/ }).click();
    await expect(summary(page)).resolves.toContain('Enter how the region resolved the escalation');
    await page
      .locator('form[action$="/inbox/resolve"]', { hasText: escalation })
      .getByRole('textbox')
      .fill('The ICB has commissioned an out-of-hours rota from January; the region will review it in March.');
    await page
      .locator('form[action$="/inbox/resolve"]', { hasText: escalation })
      .getByRole('button', { name: /^Resolve the escalation/ })
      .click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      `“${escalation}” is resolved.`,
    );
    await expect(page.locator('form[action$="/inbox/resolve"]', { hasText: escalation }).count()).resolves.toBe(0);
    await expect(page.locator('h3', { hasText: escalation }).count()).resolves.toBe(0);
    // Resolved again from a tab left open: the API's refusal, on the page, and nothing recorded.
    const again = await page.request.post(`${app.api.url}/groups/${app.demo.groupId}/inbox/resolve`, {
      form: { _csrf: csrf, itemId, resolution: 'Resolved twice.', idempotencyKey: randomUUID() },
    });
    expect(again.status()).toBe(400);
    await expect(again.text()).resolves.toContain('That escalation was resolved on 23 November 2026.');
    // The auditor reads the inbox with no form to resolve anything.
    const auditor = await signedIn('auditor');
    await auditor.goto(`${app.api.url}/groups/${app.demo.groupId}/inbox`);
    await expect(auditor.locator('form[action$="/inbox/resolve"]').count()).resolves.toBe(0);
  });

  it('offers the forms to the area’s own business manager only, and records nothing posted by anyone else', async () => {
    const auditor = await signedIn('auditor');
    await auditor.goto(inboxUrl('Bristol'));
    await expect(auditor.locator('form[action$="/yearly-report"]').count()).resolves.toBe(0);
    await expect(auditor.locator('main').innerText()).resolves.toContain(
      'Only Bristol’s business manager sends the yearly report, figures and the area’s own decisions up to the region.',
    );
    // Another area's business manager, posting Bristol's form by hand, is refused and records nothing.
    const other = await signedIn('area business manager (North Somerset)');
    await other.goto(inboxUrl('North Somerset'));
    const csrf = await other.locator('form[action$="/local-decision"] input[name="_csrf"]').inputValue();
    const before = await reportsUp('Bristol');
    const response = await other.request.post(`${inboxUrl('Bristol')}/local-decision`, {
      form: { _csrf: csrf, decisionTitle: 'Not ours', decisionText: 'Sent for another area.' },
    });
    expect(response.status()).toBe(403);
    expect(await reportsUp('Bristol')).toBe(before);
  });
});
