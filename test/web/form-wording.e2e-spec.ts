import AxeBuilder from '@axe-core/playwright';
import { Browser, Locator, Page } from 'playwright-core';
import { describeWithChromium, launchChromium, openPage, signIn as signInAs } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/** Text the API refuses as identifying a child (R40): a name with a child's age. */
const A_CHILD = 'Waiting on Jayden Smith, aged 7';

/**
 * Every form with free text words the API's refusals as the GOV.UK error summary pattern asks: each
 * message names the field as the page labels it, and links to that field, never to another.
 */
describeWithChromium('the forms’ error summaries, in Chromium, over the demo data', () => {
  let app: DemoApp;
  let browser: Browser;
  let meetingId: string;
  let southGloucestershireToken: string;

  beforeAll(async () => {
    app = await startDemoApp();
    // A meeting that has happened and is not yet open, for the chair to open through the page.
    meetingId = (
      await app.api.graphql<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        { i: { groupId: app.demo.groupId, startsAt: '2026-11-23T08:00:00.000Z', place: 'Bristol City Hall' } },
      )
    ).data!.scheduleMeeting.id;
    // South Gloucestershire has yet to decide on the regional escalation procedure.
    southGloucestershireToken = await app.businessManager('South Gloucestershire', 'Sam Gloucester');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const open = () => openPage(browser, true);
  const signIn = (page: Page, who: string) => signInAs(page, app.api.url, who);
  const groupUrl = () => `${app.api.url}/groups/${app.demo.groupId}`;

  /** The error summary's messages, each with where it links. */
  const summaryOf = async (page: Page) =>
    page
      .locator('.govuk-error-summary a')
      .evaluateAll((links) => links.map((link) => [link.textContent?.trim(), link.getAttribute('href')]));

  const hrefOf = async (field: Locator) => `#${await field.getAttribute('id')}`;

  /** No serious or critical accessibility violation, errors shown included. */
  const accessible = async (page: Page) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  };

  it('words a blocked task’s refused reason with its label and links to it', async () => {
    const page = await open();
    await signIn(page, 'task owner (overdue task)');
    await page.goto(`${app.api.url}/tasks`);
    const title = 'Agree a shared data set on missing episodes';
    const card = () => page.locator('.govuk-summary-card', { hasText: title });
    const reason = () => card().getByLabel(`Reason for blocking “${title}”`);
    const target = await hrefOf(reason());

    await reason().fill(A_CHILD);
    await card()
      .getByRole('button', { name: /Block task/ })
      .click();
    expect(await summaryOf(page)).toEqual([
      [
        `Reason for blocking “${title}” must not identify a child or family: it looks like it holds a name given as a child’s or a family’s`,
        target,
      ],
    ]);
    await expect(reason().inputValue()).resolves.toBe(A_CHILD);

    await reason().fill('x'.repeat(6000));
    await card()
      .getByRole('button', { name: /Block task/ })
      .click();
    expect(await summaryOf(page)).toEqual([
      [`Reason for blocking “${title}” must be at most 5000 characters long (it has 6000).`, target],
    ]);
  });

  it('words the region’s refused response to an escalation with its label and links to it', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(`${groupUrl()}/inbox?kind=ESCALATION`);
    const form = page.locator('form[action$="/inbox/respond"]').first();
    const response = form.locator('textarea');
    const target = await hrefOf(response);
    await response.fill(A_CHILD);
    await form.getByRole('button').click();
    expect(await summaryOf(page)).toEqual([
      [
        'The region’s response must not identify a child or family: it looks like it holds a name given as a child’s or a family’s',
        target,
      ],
    ]);
  });

  it('words a meeting’s refused decision and attendance with the page’s labels and links to the field at fault', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(`${groupUrl()}/meetings/${meetingId}`);
    await page.getByRole('button', { name: 'Open the meeting' }).click();

    await page.getByLabel('Decision').fill(A_CHILD);
    await page.getByRole('button', { name: 'Record decision' }).click();
    expect(await summaryOf(page)).toEqual([
      [
        'Decision must not identify a child or family: it looks like it holds a name given as a child’s or a family’s',
        '#decision',
      ],
    ]);

    const representative = (await page.locator('#appointment option').allInnerTexts())[1];
    await page.getByLabel('Representative').selectOption({ label: representative });
    await page.getByLabel('Present', { exact: true }).check();
    await page.getByText('A substitute attended for them').click();
    await page.getByLabel('Substitute’s name').fill('Pat Deputy');
    await page.getByLabel('Substitute’s organisation').fill('Bristol City Council');
    await page.getByRole('button', { name: 'Record attendance' }).click();
    expect(await summaryOf(page)).toEqual([
      [
        'Select Sent apologies or Absent: a representative a substitute attended for was not present',
        '#attendance-status',
      ],
    ]);
    await expect(page.locator('table', { hasText: 'Attendance' }).innerText()).resolves.not.toContain('Pat Deputy');
  });

  it('words an area’s refused policy decision with its labels, links to the field, and records the day it was decided', async () => {
    const page = await open();
    await page.goto(`${app.api.url}/sign-in`);
    await page.getByLabel('Or paste a token').fill(southGloucestershireToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Area inbox' }).click();
    const form = () =>
      page.locator('form[action$="/policy-decision"]', { hasText: 'Regional escalation procedure' }).first();
    const variation = () => form().getByLabel('Local variation', { exact: true });
    const day = () => form().getByLabel('Day', { exact: true });
    const month = () => form().getByLabel('Month', { exact: true });
    const year = () => form().getByLabel('Year', { exact: true });
    // The service's day is 23 November 2026: the date is today's until the person changes it.
    await expect(Promise.all([day().inputValue(), month().inputValue(), year().inputValue()])).resolves.toEqual([
      '23',
      '11',
      '2026',
    ]);

    await form().getByLabel('Adopted with a local variation', { exact: true }).check();
    await variation().fill(A_CHILD);
    await form().getByRole('button', { name: 'Record decision' }).click();
    expect(await summaryOf(page)).toEqual([
      [
        'Local variation must not identify a child or family: it looks like it holds a name given as a child’s or a family’s',
        await hrefOf(variation()),
      ],
    ]);

    await variation().fill('Bristol’s out-of-hours team takes escalations at weekends.');
    await day().fill('24');
    await form().getByRole('button', { name: 'Record decision' }).click();
    expect(await summaryOf(page)).toEqual([['Date of the decision must be today or in the past', await hrefOf(day())]]);
    await month().fill('');
    await form().getByRole('button', { name: 'Record decision' }).click();
    expect(await summaryOf(page)).toEqual([['Date of the decision must include a month', await hrefOf(month())]]);
    await accessible(page);

    // Before the version was published to the area: refused on the date, saying the first day it may be.
    await day().fill('1');
    await month().fill('1');
    await year().fill('2016');
    await form().getByRole('button', { name: 'Record decision' }).click();
    const [[beforePublication, onField]] = await summaryOf(page);
    expect(beforePublication).toMatch(
      /^The date of the decision \(1 January 2016\) is before version 1's publication \(\d{1,2} \w+ \d{4}\)\.$/,
    );
    expect(onField).toBe(await hrefOf(day()));

    await day().fill('20');
    await month().fill('11');
    await year().fill('2026');
    await form().getByRole('button', { name: 'Record decision' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('decision is recorded');
    await expect(
      page.locator('h3', { hasText: 'Regional escalation procedure' }).locator('+ .govuk-summary-list').innerText(),
    ).resolves.toMatch(/Adopted with a local variation\s+Decided\s+20 November 2026/);
  });
});
