import AxeBuilder from '@axe-core/playwright';
import { Browser, Page } from 'playwright-core';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

const LEAD = 'workstream lead (task and finish)';
const DATA_SET = 'Agree a shared data set on missing episodes';

/**
 * Removing a member of the demo's task-and-finish group (Jacqui Jensen leading; Chris Sivers, Janet
 * Baptiste-Grant and Victoria Capel members) from the workstream's page, on 23 November 2026.
 */
describeWithChromium('the page removing a member from a workstream, in Chromium (23 November 2026)', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp({ load: ['meetings', 'workstreams', 'policies'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const signedIn = (who: string): Promise<Page> => openSignedIn(browser, app.api.url, who);
  const workstreamUrl = (id = app.workstreams.taskAndFinishId) =>
    `${app.api.url}/groups/${app.demo.groupId}/workstreams/${id}`;
  const removalUrl = (person: string, id?: string) =>
    `${workstreamUrl(id)}/members/${app.demo.personIds[person]}/remove`;
  const removeLinks = (page: Page) =>
    page.locator('main a', { hasText: 'Remove' }).evaluateAll((links) => links.map((link) => link.textContent?.trim()));
  const summaryLinks = (page: Page) =>
    page
      .locator('.govuk-error-summary a')
      .evaluateAll((links) => links.map((link) => [link.getAttribute('href'), (link.textContent ?? '').trim()]));
  const membersRow = async (page: Page) => {
    await page.goto(workstreamUrl());
    return page.locator('.govuk-summary-list__row', { hasText: 'Members' }).innerText();
  };
  /** Types the day they left and sends the form; the page's response. */
  const removeOn = async (page: Page, name: string, [day, month, year]: readonly string[]) => {
    await page.getByLabel('Day').fill(day);
    await page.getByLabel('Month').fill(month);
    await page.getByLabel('Year').fill(year);
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: `Remove ${name}` }).click(),
    ]);
    return response;
  };

  it('offers a “Remove” link by each member to the lead and the chair, and none to a member, who may not open the page', async () => {
    for (const who of [LEAD, 'chair']) {
      const page = await signedIn(who);
      await page.goto(workstreamUrl());
      await expect(removeLinks(page)).resolves.toEqual([
        'Remove Chris Sivers',
        'Remove Janet Baptiste-Grant',
        'Remove Victoria Capel',
      ]);
      await page.context().close();
    }
    const member = await signedIn('workstream member');
    await member.goto(workstreamUrl());
    await expect(removeLinks(member)).resolves.toEqual([]);
    const forbidden = await member.goto(removalUrl('janet-baptiste-grant'));
    expect(forbidden?.status()).toBe(403);
    await member.context().close();
  });

  it('refuses removing a member who owns an open task, listing it linked to its card, and removes nobody', async () => {
    const lead = await signedIn(LEAD);
    await lead.goto(workstreamUrl());
    await lead.getByRole('link', { name: 'Remove Janet Baptiste-Grant' }).click();
    expect(lead.url()).toBe(removalUrl('janet-baptiste-grant'));
    // The day starts at today's.
    await expect(lead.getByLabel('Day').inputValue()).resolves.toBe('23');
    const refused = await removeOn(lead, 'Janet Baptiste-Grant', ['23', '11', '2026']);
    expect(refused?.status()).toBe(400);
    await expect(summaryLinks(lead)).resolves.toEqual([
      [
        '#member',
        `Janet Baptiste-Grant owns 1 open task; reassign it first: “${DATA_SET}”, theirs since 22 September 2026.`,
      ],
    ]);
    const task = lead.locator('#member li');
    await expect(task.innerText()).resolves.toBe(`${DATA_SET}, theirs since 22 September 2026, open still`);
    await expect(lead.getByLabel('Year').inputValue()).resolves.toBe('2026');
    const { violations } = await new AxeBuilder({ page: lead }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await task.getByRole('link', { name: DATA_SET }).click();
    expect(lead.url()).toBe(`${workstreamUrl()}#task-${app.workstreams.taskIds.data}`);
    await expect(lead.locator(`#task-${app.workstreams.taskIds.data}`).innerText()).resolves.toContain(DATA_SET);
    await expect(membersRow(lead)).resolves.toContain('Janet Baptiste-Grant');
    await lead.context().close();
  });

  it('refuses a date that is no date before sending anything, and one before the workstream began in the API’s words', async () => {
    const lead = await signedIn(LEAD);
    await lead.goto(removalUrl('chris-sivers'));
    const impossible = await removeOn(lead, 'Chris Sivers', ['31', '2', '2026']);
    expect(impossible?.status()).toBe(400);
    await expect(summaryLinks(lead)).resolves.toEqual([['#removed-on', 'The date they left must be a real date']]);
    await expect(lead.getByLabel('Day').inputValue()).resolves.toBe('31');

    const early = await removeOn(lead, 'Chris Sivers', ['1', '9', '2026']);
    expect(early?.status()).toBe(400);
    await expect(summaryLinks(lead)).resolves.toEqual([
      [
        '#removed-on',
        "The day the member was removed (1 September 2026) is before the workstream's first day (15 September 2026).",
      ],
    ]);
    await expect(membersRow(lead)).resolves.toContain('Chris Sivers');
    await lead.context().close();
  });

  it('removes a member on the day given, back on the workstream’s page with a banner', async () => {
    const lead = await signedIn(LEAD);
    await lead.goto(removalUrl('chris-sivers'));
    const done = await removeOn(lead, 'Chris Sivers', ['23', '11', '2026']);
    expect(done?.status()).toBe(200);
    expect(lead.url()).toBe(workstreamUrl());
    await expect(lead.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'Chris Sivers is removed from the workstream on 23 November 2026.',
    );
    await expect(removeLinks(lead)).resolves.toEqual(['Remove Janet Baptiste-Grant', 'Remove Victoria Capel']);
    // No longer a member, he has no removal page.
    await expect(lead.goto(removalUrl('chris-sivers')).then((page) => page?.status())).resolves.toBe(404);
    await lead.context().close();
  });

  it('has no page for a member of another workstream under one they are not in, and sends nothing from it', async () => {
    const lead = await signedIn(LEAD);
    // Jacqui Jensen also leads the standing "Task and finish activity" group, which Janet Baptiste-Grant is not in.
    const [, , , standing] = app.workstreams.standingIds;
    const shown = await lead.goto(removalUrl('janet-baptiste-grant', standing));
    expect(shown?.status()).toBe(404);
    await expect(lead.locator('h1').innerText()).resolves.toBe('Page not found');
    await lead.goto(workstreamUrl());
    const sent = await lead.request.post(removalUrl('janet-baptiste-grant', standing), {
      form: {
        _csrf: await lead.locator('input[name="_csrf"]').first().inputValue(),
        'removedOn-day': '23',
        'removedOn-month': '11',
        'removedOn-year': '2026',
        idempotencyKey: 'forged-removal-1',
      },
      maxRedirects: 0,
    });
    // Sent, the API would have refused it as the form's error ("not a member"), not as no page.
    expect(sent.status()).toBe(404);
    await expect(sent.text()).resolves.toContain('Page not found');
    await lead.context().close();
  });
});
