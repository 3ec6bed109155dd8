import { Browser, Page } from 'playwright-core';
import { IntegrityMonitor } from '../../apps/api/src/integrity/integrity-monitor';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/** What a new person meets walking through the demo: mistyped addresses, dates typed by hand, GraphiQL. */
describeWithChromium('the pages where a person types, in Chromium, over the demo data (23 November 2026)', () => {
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

  const signedIn = (who = 'Chair'): Promise<Page> => openSignedIn(browser, app.api.url, who);
  const groupUrl = () => `${app.api.url}/groups/${app.demo.groupId}`;
  const summary = (page: Page) => page.locator('.govuk-error-summary').innerText();
  const marked = (page: Page) =>
    page.locator('input.govuk-input--error').evaluateAll((inputs) => inputs.map((input) => input.id));

  it('answers a mistyped page address with the "Page not found" page, and a program’s address without a page', async () => {
    const page = await signedIn();
    const response = await page.goto(`${groupUrl()}/nope`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
    await expect(page.locator('main').innerText()).resolves.toContain(
      'If you typed the web address, check it is correct.',
    );
    await expect(page.locator('.app-signed-in').innerText()).resolves.toContain('Signed in as');

    const signedOut = await fetch(`${app.api.url}/nope`);
    expect([signedOut.status, signedOut.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);
    await expect(signedOut.text()).resolves.toContain('<h1 class="govuk-heading-l">Page not found</h1>');

    for (const [method, path] of [
      ['GET', '/health/nope'],
      ['GET', '/assets/images/nope.png'],
      ['GET', `/groups/${app.demo.groupId}/calendar.icz`],
      ['POST', '/nope'],
    ]) {
      const program = await fetch(`${app.api.url}${path}`, { method });
      expect([path, program.status]).toEqual([path, 404]);
      expect(program.headers.get('content-type') ?? '').not.toContain('text/html');
    }
    // GraphQL's own errors are untouched.
    const graphql = await app.api.graphql('{ regionalGroup(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(graphql.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers a page address with a broken percent-encoding with a 400 page, whatever the method, and GraphQL’s as before', async () => {
    const page = await signedIn();
    for (const path of ['/groups/%E0%A4%A', `/groups/${app.demo.groupId}/meetings/%E0%A4%A`, '/areas/%E0%A4%A/inbox']) {
      const response = await page.goto(`${app.api.url}${path}`);
      expect([path, response?.status()]).toEqual([path, 400]);
      await expect(page.locator('h1').innerText()).resolves.toBe('The web address is not valid');
      await expect(page.locator('.app-signed-in').innerText()).resolves.toContain('Signed in as');
    }
    const posted = await fetch(`${app.api.url}/groups/%E0%A4%A/inbox/acknowledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'itemId=x',
    });
    expect([posted.status, posted.headers.get('content-type')]).toEqual([400, 'text/html; charset=utf-8']);
    await expect(posted.text()).resolves.toContain('<h1 class="govuk-heading-l">The web address is not valid</h1>');
    const program = await fetch(`${app.api.url}/assets/%E0%A4%A`);
    expect(program.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('keeps the signed-in header on the page that refuses a form sent with a stale token', async () => {
    const page = await signedIn('Auditor');
    await page.goto(`${app.api.url}/audit`);
    await page
      .locator('form[action="/audit/witness"] input[name="_csrf"]')
      .evaluate((input) => input.setAttribute('value', 'stale'));
    await page.getByLabel('Check a head you kept').fill('{}');
    await page.getByRole('button', { name: 'Check the head' }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe('Your form could not be sent');
    await expect(page.locator('.app-signed-in').innerText()).resolves.toContain('Signed in as');
    await expect(page.locator('.govuk-service-navigation').innerText()).resolves.not.toContain('Sign in');
  });

  it('checks the overview’s "as at" fields on the page, with the Design System’s messages on the fields at fault', async () => {
    const page = await signedIn();
    await page.goto(groupUrl());
    const asAt = async (day: string, month: string, year: string) => {
      await page.getByLabel('Day').fill(day);
      await page.getByLabel('Month').fill(month);
      await page.getByLabel('Year').fill(year);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
    };

    await asAt('1', '', '2020');
    await expect(summary(page)).resolves.toContain('The date must include a month');
    await expect(marked(page)).resolves.toEqual(['asAt-month']);
    await expect(page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#asAt-month');
    await expect(page.getByLabel('Year').inputValue()).resolves.toBe('2020');

    await asAt('30', '2', '2024');
    await expect(summary(page)).resolves.toContain('The date must be a real date');
    await expect(marked(page)).resolves.toEqual(['asAt']);
    await expect(summary(page)).resolves.not.toContain('YYYY-MM-DD');

    await asAt('1', '3', '20');
    await expect(summary(page)).resolves.toContain('Year must include 4 numbers');
    await expect(marked(page)).resolves.toEqual(['asAt-year']);
  });

  it('words a day after the group’s today as what is planned, and today as it stands', async () => {
    const page = await signedIn();
    await page.goto(`${groupUrl()}?asAt-day=1&asAt-month=1&asAt-year=2029`);
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toBe(
      'Regional group as planned for 1 January 2029, from what is recorded today',
    );
    await page.goto(`${groupUrl()}?asAt-day=24&asAt-month=11&asAt-year=2026`);
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toBe(
      'Regional group as planned for 24 November 2026, from what is recorded today',
    );
    await page.goto(`${groupUrl()}?asAt-day=23&asAt-month=11&asAt-year=2026`);
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toBe(
      'Regional group as it stood on 23 November 2026',
    );
  });

  it('dates each organisation’s response to a recommendation by the day it answered, not the day it was recorded', async () => {
    const page = await signedIn();
    await page.goto(`${groupUrl()}/meetings/${app.year.meetingIds[0]}`);
    const responses = await page.locator('table', { hasText: 'Organisation' }).innerText();
    expect(responses).toContain('Avon and Somerset Police\tImplemented\t\t16 February 2026');
    expect(responses).toContain(
      'NHS Bristol, North Somerset and South Gloucestershire ICB\tImplemented\t\t23 February 2026',
    );
  });

  it('checks the audit filter’s dates and a pasted head on the page, in sentences a person understands', async () => {
    const page = await signedIn('Auditor');
    await page.goto(`${app.api.url}/audit?from-day=1&from-month=13&from-year=2026&to-day=&to-month=&to-year=2026`);
    const errors = await summary(page);
    expect(errors).toContain('The from date must be a real date');
    expect(errors).toContain('The to date must include a day and month');
    await expect(marked(page)).resolves.toEqual(['from-month', 'to', 'to-month']);
    const exported = await page.request.get(
      `${app.api.url}/audit/export.jsonl?from-day=1&from-month=13&from-year=2026`,
    );
    expect([exported.status(), exported.headers()['content-type']]).toEqual([400, 'text/html; charset=utf-8']);

    await page.goto(`${app.api.url}/audit?from-day=1&from-month=12&from-year=2026&to-day=1&to-month=1&to-year=2026`);
    await expect(summary(page)).resolves.toContain(
      'The start date, 1 December 2026, is after the end date, 1 January 2026',
    );
    await page.goto(`${app.api.url}/audit?entityId=not-an-id`);
    await expect(summary(page)).resolves.toContain('Enter the entity id as the platform shows it');
    await expect(marked(page)).resolves.toEqual(['entityId']);

    for (const [pasted, said] of [
      ['', 'Paste the signed head you kept: the head.json downloaded from this page'],
      ['not a head', 'Paste the signed head as the platform gave it (JSON)'],
    ]) {
      await page.getByLabel('Check a head you kept').fill(pasted);
      await page.getByRole('button', { name: 'Check the head' }).click();
      await expect(summary(page)).resolves.toContain(said);
      await expect(summary(page)).resolves.not.toContain('Unexpected');
    }
  });

  it('refuses on the audit page and in its export a kind of record the list does not offer, or a filter given twice', async () => {
    const page = await signedIn('Auditor');
    const events = page.locator('table', { hasText: 'Events, in the order recorded' });
    for (const [query, said, field] of [
      ['kind=BOGUS', 'Choose a kind of record from the list', 'kind'],
      ['kind=MEETING&kind=POLICY', 'Give the kind of record once: the address has it more than once', 'kind'],
      ['to-year=2025&to-year=2026', 'Give the to date once: the address has it more than once', 'to-year'],
      ['order=SIDEWAYS', 'Choose an order from the list', 'order'],
      ['order=RECORDED&order=HAPPENED', 'Give the order once: the address has it more than once', 'order'],
    ]) {
      const answer = await page.goto(`${app.api.url}/audit?${query}`);
      expect([query, answer?.status()]).toEqual([query, 400]);
      await expect(summary(page)).resolves.toContain(said);
      await expect(page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe(`#${field}`);
      // Nothing is shown rather than more than was asked for.
      await expect(events.count()).resolves.toBe(0);
      const exported = await page.request.get(`${app.api.url}/audit/export.jsonl?${query}`);
      expect([query, exported.status()]).toEqual([query, 400]);
      await expect(exported.text()).resolves.toContain(said);
    }
    // A kind the list offers filters as before.
    const meetings = await page.goto(`${app.api.url}/audit?kind=MEETING`);
    expect(meetings?.status()).toBe(200);
    await expect(events.count()).resolves.toBe(1);
    const exported = await page.request.get(`${app.api.url}/audit/export.jsonl?kind=MEETING`);
    expect(exported.status()).toBe(200);
    const kinds = (await exported.text())
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { kind: string }).kind);
    expect(new Set(kinds)).toEqual(new Set(['MEETING']));
  });

  it('shows the audit history as it happened when asked: the police admitted in 2019 before what it did in 2026, page after page', async () => {
    const page = await signedIn('Auditor');
    /** The Happened column of the events shown, as days to compare. */
    const days = async () =>
      (
        await page
          .locator('table tbody tr')
          .evaluateAll((rows) => rows.map((row) => row.children[4].textContent?.trim() ?? ''))
      ).map((day) => new Date(`${day} 12:00 UTC`).toISOString().slice(0, 10));
    const matching = async () => Number(/(\d+) events match/.exec(await page.locator('main').innerText())?.[1]);
    const inOrder = (list: string[]) => list.every((day, index) => index === 0 || list[index - 1] <= day);
    await page.goto(`${app.api.url}/audit`);
    await expect(page.getByLabel('As recorded').isChecked()).resolves.toBe(true);
    await page.getByLabel('Partner', { exact: true }).selectOption(app.demo.partnerIds.police);
    await page.getByRole('button', { name: 'Show history' }).click();
    await expect(page.locator('table caption').innerText()).resolves.toBe('Events, in the order recorded');
    // History entered years late, in the order recorded, reads a later day before an earlier one.
    const recorded = await days();
    expect(inOrder(recorded)).toBe(false);
    const recordedCount = await matching();
    expect(recordedCount).toBeGreaterThan(0);

    await page.getByLabel('As it happened').check();
    await page.getByRole('button', { name: 'Show history' }).click();
    expect(new URL(page.url()).searchParams.get('order')).toBe('HAPPENED');
    await expect(page.getByLabel('As it happened').isChecked()).resolves.toBe(true);
    await expect(page.locator('main').innerText()).resolves.toMatch(
      /\d+ events match, shown in the order they happened \(by the day each happened, then as recorded\)\./,
    );
    const happened = await days();
    expect(happened[0]).toBe('2019-06-01');
    expect(happened.at(-1)).toMatch(/^2026-/);
    expect(inOrder(happened)).toBe(true);
    // The same events, only in another order.
    expect(await matching()).toBe(recordedCount);

    // The whole log, as it happened: the next page goes on in that order.
    await page.getByLabel('Partner', { exact: true }).selectOption({ label: 'Any' });
    await page.getByRole('button', { name: 'Show history' }).click();
    const first = await days();
    expect(inOrder(first)).toBe(true);
    await page.getByRole('link', { name: 'Next events' }).click();
    expect(new URL(page.url()).searchParams.get('order')).toBe('HAPPENED');
    await expect(page.getByLabel('As it happened').isChecked()).resolves.toBe(true);
    const second = await days();
    expect(inOrder([...first, ...second])).toBe(true);

    // An edited address going on, as it happened, from a list shown as recorded is told so, on the order.
    await page.getByLabel('As recorded').check();
    await page.getByRole('button', { name: 'Show history' }).click();
    const recordedNext = new URL(
      (await page.getByRole('link', { name: 'Next events' }).getAttribute('href')) ?? '',
      app.api.url,
    );
    recordedNext.searchParams.set('order', 'HAPPENED');
    const refused = await page.goto(recordedNext.toString());
    expect(refused?.status()).toBe(400);
    await expect(summary(page)).resolves.toContain(
      'The address goes on from a list shown as recorded: show the history again to start from its first events',
    );
    await expect(page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#order');
  });

  it('links the area inbox’s signed heads to the audit page, where every reader of the inbox checks a kept head', async () => {
    // A signed head of the log flows down to every area, and the inbox says where a kept one is checked.
    await app.api.app.get(IntegrityMonitor).signIfDue();
    const bristolInbox = `${app.api.url}/areas/${app.demo.areaIds.Bristol}/inbox`;
    for (const who of ['area business manager (Bristol)', 'chair', 'auditor']) {
      const page = await signedIn(who);
      await page.goto(bristolInbox);
      await expect(page.locator('main').innerText()).resolves.toContain(
        'anyone signed in checks one on the audit page.',
      );
      await page.getByRole('link', { name: 'audit page' }).click();
      await expect(page.locator('h1').innerText()).resolves.toBe('Audit');
      await expect(page.getByRole('button', { name: 'Check the head' }).count()).resolves.toBe(1);
      await page.context().close();
    }
  });

  it('opens GraphiQL with no Authorization header, so the schema loads before a token is pasted', async () => {
    const page = await (await fetch(`${app.api.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    const options = JSON.parse(/id="graphiql-options">(.*?)<\/script>/s.exec(page)?.[1] ?? '{}') as {
      headers?: string;
    };
    expect(options.headers).toBe('');
    const introspection = await fetch(`${app.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(introspection.status).toBe(200);
    await expect(introspection.json()).resolves.toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
