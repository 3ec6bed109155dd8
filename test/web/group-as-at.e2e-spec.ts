import AxeBuilder from '@axe-core/playwright';
import { Browser, Page } from 'playwright-core';
import { TASK_AND_FINISH } from '../../apps/cli/src/demo/workstreams';
import { describeWithChromium, launchChromium, openPage, signIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

const GROUP = 'Avon and Somerset Strategic Safeguarding Partnership';
const JULY_2026 = 'asAt-day=1&asAt-month=7&asAt-year=2026';

/** The group's pages read on one day, over the demo's meetings and policies (today 23 November 2026). */
describeWithChromium('a group’s pages seen as at one day, in Chromium', () => {
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

  const groupPath = () => `/groups/${app.demo.groupId}`;
  const chair = async (): Promise<Page> => {
    const page = await openPage(browser);
    await signIn(page, app.api.url, 'chair');
    return page;
  };
  const navigation = (page: Page) => page.getByRole('navigation', { name: 'Pages of this group' });
  const links = (page: Page) =>
    navigation(page)
      .getByRole('link')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
  const caption = (page: Page) => page.locator('.govuk-caption-l').innerText();
  /** Every tab of the group as GOV.UK heads a page within a larger whole: what it is in the caption, its name the h1. */
  const headedAsTheGroup = async (page: Page, day: string) => {
    await expect(caption(page)).resolves.toBe(`Regional group as it stood on ${day}`);
    await expect(page.locator('h1').innerText()).resolves.toBe(GROUP);
  };

  it('carries the overview’s day to Meetings, Policies and the inbox, each showing it or saying it cannot', async () => {
    const page = await chair();
    await page.goto(`${app.api.url}${groupPath()}?${JULY_2026}`);
    const onTheDay = ['', '/meetings', '/policies', '/workstreams', '/inbox'].map(
      (page) => `${groupPath()}${page}?${JULY_2026}`,
    );
    await expect(links(page)).resolves.toEqual(onTheDay);

    await navigation(page).getByRole('link', { name: 'Meetings' }).click();
    await headedAsTheGroup(page, '1 July 2026');
    // Those booked or held by then: September's, booked at June's, but not December's, booked at September's.
    const meetings = await page.locator('table tbody tr').allInnerTexts();
    expect(meetings.map((row) => row.split('\t')[0].replace(/ at .*$/, ''))).toEqual([
      '12 March 2020',
      '12 December 2024',
      '11 December 2025',
      '12 March 2026',
      '11 June 2026',
      '10 September 2026',
    ]);
    await expect(page.locator('#as-at-limits').innerText()).resolves.toContain(
      'Each meeting’s status, quorum and decisions are as they stand today',
    );
    await expect(page.getByLabel('Year').inputValue()).resolves.toBe('2026');
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))).toEqual([]);
    await expect(links(page)).resolves.toEqual(onTheDay);

    await navigation(page).getByRole('link', { name: 'Policies' }).click();
    await headedAsTheGroup(page, '1 July 2026');
    // The escalation procedure was approved in November 2026; the protocol was published in December 2024.
    await expect(page.locator('main h2').allInnerTexts()).resolves.toEqual(['Information sharing protocol']);
    await expect(links(page)).resolves.toEqual(onTheDay);

    // The task-and-finish group began on 15 September 2026; the standing groups had not reported by July.
    await navigation(page).getByRole('link', { name: 'Workstreams' }).click();
    await headedAsTheGroup(page, '1 July 2026');
    const workstreams = await page.locator('table tbody tr').allInnerTexts();
    expect(workstreams.map((row) => row.split('\t')[0])).not.toContain(TASK_AND_FINISH.name);
    expect(workstreams.map((row) => row.split('\t')[3])).toEqual(workstreams.map(() => 'Not reported yet'));
    await expect(links(page)).resolves.toEqual(onTheDay);

    await navigation(page).getByRole('link', { name: 'Region inbox' }).click();
    await expect(page.locator('#as-at-limits').innerText()).resolves.toBe(
      'The region inbox shows what the areas sent as it stands today: the platform cannot show it as at 1 July 2026.',
    );
    // A filter keeps the day, as the navigation does.
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(links(page)).resolves.toEqual(onTheDay);

    await navigation(page).getByRole('link', { name: 'Overview' }).click();
    await headedAsTheGroup(page, '1 July 2026');

    // Without a day, today's: both policies, every meeting, nothing said of a day, links for today.
    await page.goto(`${app.api.url}${groupPath()}/policies`);
    await expect(caption(page)).resolves.toBe('Regional group');
    await expect(page.locator('main h2').allInnerTexts()).resolves.toEqual([
      'Regional escalation procedure',
      'Information sharing protocol',
    ]);
    await expect(links(page)).resolves.toEqual(
      ['', '/meetings', '/policies', '/workstreams', '/inbox'].map((page) => `${groupPath()}${page}`),
    );
    await page.goto(`${app.api.url}${groupPath()}/meetings`);
    await expect(page.locator('#as-at-limits').count()).resolves.toBe(0);
    await expect(page.locator('table tbody tr').count()).resolves.toBe(8);
    await page.context().close();
  });

  it('names as the overview’s next meeting on a day only one its Meetings page lists for that day', async () => {
    const page = await chair();
    const nextMeeting = () => page.locator('.govuk-summary-list__row', { hasText: 'Next meeting' }).innerText();
    const listed = async () => (await page.locator('table tbody tr').allInnerTexts()).map((row) => row.split('\t')[0]);

    // The extraordinary December 2024 meeting was called a fortnight ahead: on 1 January 2022 nothing was booked.
    const january2022 = 'asAt-day=1&asAt-month=1&asAt-year=2022';
    await page.goto(`${app.api.url}${groupPath()}?${january2022}`);
    await expect(nextMeeting()).resolves.toBe('Next meeting\tNone booked');
    await page.goto(`${app.api.url}${groupPath()}/meetings?${january2022}`);
    await expect(listed()).resolves.toEqual(['12 March 2020 at 10am']);

    // Between two quarterly meetings, entered late, the next one is named: it was booked at the one before.
    const july2026 = 'asAt-day=1&asAt-month=7&asAt-year=2026';
    await page.goto(`${app.api.url}${groupPath()}?${july2026}`);
    await expect(nextMeeting()).resolves.toMatch(/^Next meeting\t10 September 2026 at /);
    await page.goto(`${app.api.url}${groupPath()}/meetings?${july2026}`);
    await expect(listed()).resolves.toContainEqual(expect.stringMatching(/^10 September 2026 at /));

    // December's meeting, booked at September's, is next as planned for 1 December 2026, and listed for that day.
    const december2026 = 'asAt-day=1&asAt-month=12&asAt-year=2026';
    await page.goto(`${app.api.url}${groupPath()}?${december2026}`);
    await expect(nextMeeting()).resolves.toMatch(/^Next meeting\t10 December 2026 at /);
    await page.goto(`${app.api.url}${groupPath()}/meetings?${december2026}`);
    await expect(listed()).resolves.toContainEqual(expect.stringMatching(/^10 December 2026 at /));
    await page.context().close();
  });

  it('shows the first review of the terms due in December 2019, as the terms say, and overdue until held', async () => {
    const page = await chair();
    const terms = async (day: number, month: number, year: number) => {
      await page.goto(`${app.api.url}${groupPath()}?asAt-day=${day}&asAt-month=${month}&asAt-year=${year}`);
      return page.locator('.govuk-summary-list__row', { hasText: 'Terms of reference' }).innerText();
    };
    const first = 'Terms of reference\tVersion 1.0, adopted 1 June 2019. Next review due 1 December 2019.';
    await expect(terms(30, 11, 2019)).resolves.toBe(`${first} Due`);
    await expect(terms(5, 12, 2019)).resolves.toBe(`${first} Overdue`);
    await expect(terms(10, 12, 2019)).resolves.toMatch(/Next review due 10 December 2020\. Not due$/);
    await page.context().close();
  });

  it('shows the workstreams as they stood on a day, each one’s page on that day with the day kept', async () => {
    const page = await chair();
    const october = 'asAt-day=2&asAt-month=10&asAt-year=2026';
    const row = (name: string) => page.locator('table tbody tr', { hasText: name });
    await page.goto(`${app.api.url}${groupPath()}/workstreams`);
    // Today (23 November 2026): reported on 20 November, its tasks moved on since they were added.
    await expect(row(TASK_AND_FINISH.name).locator('td').allInnerTexts()).resolves.toEqual([
      'Task and finish',
      'Jacqui Jensen, Bristol City Council',
      'Amber on 20 November 2026: Police referral work is blocked pending a data protection review.',
      'Reported',
      '1 in progress, 1 to do, 1 blocked, 1 done, 1 cancelled',
    ]);

    await page.getByLabel('Day').fill('2');
    await page.getByLabel('Month').fill('10');
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(new URL(page.url()).search).toBe(`?${october}`);
    await expect(page.title()).resolves.toContain(`Workstreams – ${GROUP} as at 2 October 2026`);
    await expect(page.locator('#as-at-limits').innerText()).resolves.toContain('as they stood that day');
    // On 2 October nothing was reported yet and the four tasks added by then were all to do.
    await expect(row(TASK_AND_FINISH.name).locator('td').allInnerTexts()).resolves.toEqual([
      'Task and finish',
      'Jacqui Jensen, Bristol City Council',
      'Not reported yet',
      'Not reported',
      '4 to do',
    ]);
    await expect(links(page)).resolves.toContainEqual(`${groupPath()}/workstreams?${october}`);

    await page.getByRole('link', { name: TASK_AND_FINISH.name }).click();
    await expect(caption(page)).resolves.toBe('Workstream as it stood on 2 October 2026');
    await expect(links(page)).resolves.toEqual(
      ['', '/meetings', '/policies', '/workstreams', '/inbox'].map((path) => `${groupPath()}${path}?${october}`),
    );
    await page.context().close();
  });

  it('refuses on Meetings, Policies and Workstreams a mistyped day, or one before the group, in the error summary as the overview does', async () => {
    const page = await chair();
    // Each page's caption for today: every tab is headed by the group's name, as the overview is.
    const todayCaption = { meetings: 'Regional group', policies: 'Regional group', workstreams: 'Regional group' };
    for (const [path, todays] of Object.entries(todayCaption)) {
      const before = await page.goto(`${app.api.url}${groupPath()}/${path}?asAt-day=31&asAt-month=5&asAt-year=2019`);
      expect([path, before?.status()]).toEqual([path, 400]);
      await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
        'The date must be the same as or after 1 June 2019, when the group was established',
      );
      await expect(page.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#asAt');
      // Today's page under the summary, and its links for today.
      await expect(caption(page)).resolves.toBe(todays);
      await expect(links(page)).resolves.not.toContainEqual(expect.stringContaining('asAt'));

      const impossible = await page.goto(
        `${app.api.url}${groupPath()}/${path}?asAt-day=30&asAt-month=2&asAt-year=2024`,
      );
      expect([path, impossible?.status()]).toEqual([path, 400]);
      await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('The date must be a real date');
      await expect(page.getByLabel('Day').inputValue()).resolves.toBe('30');
    }
    await page.context().close();
  });
});
