import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { TASK_AND_FINISH } from '../../apps/cli/src/demo/workstreams';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

const SHOTS = join(__dirname, '..', '..', 'test-results', 'web');

const OVERDUE_TASK = 'Agree a shared data set on missing episodes';
const BLOCKED_TASK = 'Align police referral triggers';

describeWithChromium('the workstream pages, in Chromium, over the demo data (23 November 2026)', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp({ load: ['meetings', 'workstreams', 'policies'] });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const signedIn = (who: string): Promise<Page> => openSignedIn(browser, app.api.url, who);
  const listUrl = () => `${app.api.url}/groups/${app.demo.groupId}/workstreams`;
  const workstreamUrl = (query: Record<string, string> = {}) =>
    `${listUrl()}/${app.workstreams.taskAndFinishId}${Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : ''}`;
  /** No serious or critical accessibility violation, and one h1; a screenshot to look at. */
  const checkPage = async (page: Page, shot: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  };
  const row = (page: Page, name: string) => page.locator('table tbody tr', { hasText: name }).innerText();
  /** The titles of the task cards under each status heading, in the page's order. */
  const tasksByStatus = (page: Page) =>
    page
      .locator('main')
      .evaluate((main) =>
        [...main.querySelectorAll('h3.govuk-heading-s, .govuk-summary-card__title')].map((element) =>
          (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      );
  const summary = (page: Page) => page.locator('.govuk-error-summary').innerText();

  it('lists the group’s workstreams from its navigation, with kind, lead, latest status and task counts', async () => {
    const page = await signedIn('chair');
    await page.goto(`${app.api.url}/groups/${app.demo.groupId}`);
    await page
      .getByRole('navigation', { name: 'Pages of this group' })
      .getByRole('link', { name: 'Workstreams' })
      .click();
    expect(page.url()).toBe(listUrl());
    await expect(page.locator('table tbody tr').count()).resolves.toBe(8);
    await expect(row(page, TASK_AND_FINISH.name)).resolves.toBe(
      `${TASK_AND_FINISH.name}\tTask and finish\tJacqui Jensen, Bristol City Council\tAmber on 20 November 2026: Police referral work is blocked pending a data protection review.\tReported\t1 in progress, 1 to do, 1 blocked, 1 done, 1 cancelled`,
    );
    // Led for NHS BNSSG CCG since 2019: for the ICB that succeeded it, today (W1, R16).
    await expect(row(page, 'Performance and data analysis')).resolves.toContain(
      '\tJanet Baptiste-Grant, NHS Bristol, North Somerset and South Gloucestershire ICB\t',
    );
    // The one standing group that has not reported since the last meeting.
    await expect(row(page, 'Standing groups')).resolves.toBe(
      'Standing groups\tStanding\tChris Sivers, South Gloucestershire Council\tNot reported yet\tNot reported\tNo tasks',
    );
    await checkPage(page, 'workstreams');
    await page.getByRole('link', { name: TASK_AND_FINISH.name }).click();
    await expect(page.locator('h1').innerText()).resolves.toBe(TASK_AND_FINISH.name);
    await page.context().close();
  });

  it('shows an administrator the workstreams without their tasks, which are not theirs to read (R43)', async () => {
    const page = await signedIn('administrator');
    await page.goto(listUrl());
    await expect(page.locator('#tasks-not-shown').innerText()).resolves.toMatch(/^Tasks are not shown: A workstream/);
    await expect(row(page, TASK_AND_FINISH.name)).resolves.toMatch(/\tReported\tNot shown$/);
    await page.goto(workstreamUrl());
    await expect(page.locator('h1').innerText()).resolves.toBe(TASK_AND_FINISH.name);
    await expect(page.locator('#tasks-not-shown').count()).resolves.toBe(1);
    await expect(page.locator('.govuk-summary-card').count()).resolves.toBe(0);
    // No filter of tasks that are not shown; the day the workstream is seen as at still can be asked.
    await expect(page.locator('#status, #overdue').count()).resolves.toBe(0);
    await expect(page.getByRole('group', { name: 'Show the workstream as it stood on' }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('shows a workstream’s purpose, people, reports and tasks by status, the overdue tagged', async () => {
    const page = await signedIn('workstream member');
    await page.goto(workstreamUrl());
    const main = await page.locator('main').innerText();
    expect(main).toContain(
      'A common approach to return interviews for children who go missing, across the BNSSG areas.',
    );
    expect(main).toMatch(/Areas\s+Bristol, North Somerset, South Gloucestershire/);
    expect(main).toMatch(/Lead\s+Jacqui Jensen, Bristol City Council/);
    expect(main).toMatch(/Members\s+Chris Sivers, Janet Baptiste-Grant, Victoria Capel/);
    expect(main).toMatch(/Dates\s+15 September 2026 to 30 June 2027/);
    await expect(row(page, 'Police referral work')).resolves.toBe(
      '20 November 2026\tAmber\tPolice referral work is blocked pending a data protection review.',
    );
    await expect(tasksByStatus(page)).resolves.toEqual([
      'In progress',
      `${OVERDUE_TASK} Overdue`,
      'To do',
      'Draft the protocol',
      'Blocked',
      `${BLOCKED_TASK} Overdue`,
      'Done',
      'Map current return interview practice in each area',
      'Cancelled',
      'Survey young people on their experience',
    ]);
    const blocked = await page.locator('.govuk-summary-card', { hasText: BLOCKED_TASK }).innerText();
    expect(blocked).toMatch(/Owner\s+Victoria Capel/);
    expect(blocked).toMatch(/Due\s+20 November 2026/);
    expect(blocked).toMatch(/Blocked because\s+Waiting for the force data protection review\./);
    // A member changes only their own tasks, and both of Chris Sivers's are finished.
    await expect(page.locator('.govuk-summary-card button').count()).resolves.toBe(0);
    await checkPage(page, 'workstream');
    await page.context().close();
  });

  it('filters by status and overdue, and refuses a status or an "overdue" the form does not offer', async () => {
    const page = await signedIn('chair');
    await page.goto(workstreamUrl());
    await page.getByLabel('Tasks with the status').selectOption('BLOCKED');
    await page.getByLabel('Overdue tasks only').check();
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(tasksByStatus(page)).resolves.toEqual(['Blocked', `${BLOCKED_TASK} Overdue`]);
    await page.getByLabel('Tasks with the status').selectOption('');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page.locator('.govuk-summary-card__title').allInnerTexts()).resolves.toEqual([
      `${OVERDUE_TASK} Overdue`,
      `${BLOCKED_TASK} Overdue`,
    ]);

    const response = await page.goto(workstreamUrl({ status: 'LATE', overdue: 'maybe' }));
    expect(response?.status()).toBe(400);
    expect(await page.title()).toMatch(/^Error: /);
    await expect(summary(page)).resolves.toContain('Choose a status from the list');
    await expect(summary(page)).resolves.toContain('Tick “Overdue tasks only” or leave it unticked');
    // Nothing sent that the form does not offer: every task is listed.
    await expect(page.locator('.govuk-summary-card').count()).resolves.toBe(5);
    await checkPage(page, 'workstream-filter-refused');
    await page.context().close();
  });

  it('shows the workstream as it stood on a day, and refuses a day before it existed in the API’s words', async () => {
    const page = await signedIn('workstream lead (task and finish)');
    await page.goto(workstreamUrl());
    // The lead's page has the forms' dates too.
    const asAtFields = () => page.getByRole('group', { name: 'Show the workstream as it stood on' });
    const asAt = async (day: string, month: string, year: string) => {
      await asAtFields().getByLabel('Day').fill(day);
      await asAtFields().getByLabel('Month').fill(month);
      await asAtFields().getByLabel('Year').fill(year);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
    };
    await asAt('1', '9', '2026');
    expect(await page.title()).toMatch(/^Error: /);
    await expect(summary(page)).resolves.toContain(
      'The date must be the same as or after 15 September 2026, the first day the workstream can be shown as it stood',
    );
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.not.toContain('2026-09-15');
    await expect(asAtFields().getByLabel('Year').inputValue()).resolves.toBe('2026');
    await checkPage(page, 'workstream-as-at-refused');
    // Before the group existed too, the day offered is the workstream's first, not one refused again.
    await asAt('31', '5', '2019');
    await expect(summary(page)).resolves.toContain(
      'The date must be the same as or after 15 September 2026, the first day the workstream can be shown as it stood',
    );
    // A day to come is what is planned for it, not history.
    await asAt('1', '1', '2027');
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toBe(
      'Workstream as planned for 1 January 2027, from what is recorded today',
    );

    await asAt('20', '9', '2026');
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toBe(
      'Workstream as it stood on 20 September 2026',
    );
    // No report yet that day, and a day seen as at is not changed.
    await expect(page.locator('main').innerText()).resolves.toContain('The lead has not reported yet.');
    await expect(page.locator('.govuk-summary-card button').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^(Add task|Send status report)$/ }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('refuses the page to a reader who is neither of the group nor of the workstream, as other pages do', async () => {
    const page = await signedIn('area business manager (Bristol)');
    const response = await page.goto(workstreamUrl());
    expect(response?.status()).toBe(403);
    await expect(page.locator('h1').innerText()).resolves.toBe('You cannot see this page');
    await expect(page.locator('main').innerText()).resolves.toContain('A workstream is for its lead and members');
    await page.context().close();
  });

  it('answers "Page not found" for a workstream that is not the group’s, or none', async () => {
    const page = await signedIn('chair');
    const otherGroup = await page.goto(
      `${app.api.url}/groups/00000000-0000-4000-8000-000000000000/workstreams/${app.workstreams.taskAndFinishId}`,
    );
    expect(otherGroup?.status()).toBe(404);
    await expect(page.locator('main').innerText()).resolves.toContain(
      `${TASK_AND_FINISH.name} is not one of this group’s`,
    );
    const none = await page.goto(`${listUrl()}/00000000-0000-4000-8000-000000000000`);
    expect(none?.status()).toBe(404);
    await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
    await page.context().close();
  });

  it('changes a task only of the workstream its address names, and only by a change its forms offer', async () => {
    const lead = await signedIn('workstream lead (task and finish)');
    await lead.goto(workstreamUrl());
    const start = lead.locator('form', { has: lead.getByRole('button', { name: 'Start Draft the protocol' }) });
    /** Sends the start form of "Draft the protocol" to another address, its fields as the page wrote them. */
    const sendStartTo = (rewrite: (action: string) => string) =>
      Promise.all([
        lead.waitForNavigation(),
        start.evaluate(
          (form, to) => {
            form.setAttribute('action', to);
            (form as unknown as { submit: () => void }).submit();
          },
          rewrite(new URL(listUrl()).pathname + `/${app.workstreams.taskAndFinishId}`),
        ),
      ]);
    const taskId = (await start.getAttribute('action'))?.split('/').at(-2);
    // Under another workstream's address, the hidden field still naming this one: that one has no such task, and
    // its page no card for it, so no form is there, as a GET of the address finds.
    const [other] = await sendStartTo((base) =>
      base.replace(app.workstreams.taskAndFinishId, app.workstreams.standingIds[0]).concat(`/tasks/${taskId}/start`),
    );
    expect(other?.status()).toBe(404);
    await expect(lead.locator('h1').innerText()).resolves.toBe('Page not found');
    await lead.goto(workstreamUrl());
    await expect(tasksByStatus(lead)).resolves.toContain('Draft the protocol');
    await expect(lead.getByRole('button', { name: 'Start Draft the protocol' }).count()).resolves.toBe(1);

    const [constructor] = await sendStartTo((base) => `${base}/tasks/${taskId}/constructor`);
    expect(constructor?.status()).toBe(400);
    await expect(summary(lead)).resolves.toContain('That is not a change a task can have');
    await expect(lead.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe(`#task-${taskId}`);
    await lead.context().close();
  });

  it('offers the lead every task’s changes, and a member only their own, as /tasks does', async () => {
    const owner = await signedIn('task owner (overdue task)');
    await owner.goto(workstreamUrl());
    const buttons = await owner.locator('main .govuk-summary-card button[type=submit]').allInnerTexts();
    expect(buttons.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      `Mark as done ${OVERDUE_TASK}`,
      `Block task ${OVERDUE_TASK}`,
    ]);
    await owner.context().close();

    const lead = await signedIn('workstream lead (task and finish)');
    await lead.goto(workstreamUrl());
    await lead.getByRole('button', { name: 'Block task Draft the protocol' }).click();
    await expect(summary(lead)).resolves.toContain('Enter why the task is blocked');
    await checkPage(lead, 'workstream-lead');
    await lead.getByRole('button', { name: 'Start Draft the protocol' }).click();
    await expect(lead.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      '“Draft the protocol” is in progress.',
    );
    expect(new URL(lead.url()).hash).toMatch(/^#task-/);
    // The same page in another tab, its Unblock button gone once the task is unblocked here.
    const stale = await lead.context().newPage();
    await stale.goto(lead.url());
    await lead.getByRole('button', { name: `Unblock ${BLOCKED_TASK}` }).click();
    await expect(lead.locator('.govuk-summary-card', { hasText: BLOCKED_TASK }).innerText()).resolves.not.toContain(
      'Blocked because',
    );
    await expect(tasksByStatus(lead)).resolves.toEqual([
      'In progress',
      `${OVERDUE_TASK} Overdue`,
      `${BLOCKED_TASK} Overdue`,
      'Draft the protocol',
      'Done',
      'Map current return interview practice in each area',
      'Cancelled',
      'Survey young people on their experience',
    ]);
    // Sent from the stale tab, the refusal links to the task's card, for no Unblock button is there now.
    await stale.getByRole('button', { name: `Unblock ${BLOCKED_TASK}` }).click();
    const link = (await stale.locator('.govuk-error-summary a').getAttribute('href')) ?? '';
    expect(link).toMatch(/^#task-/);
    await expect(stale.locator(link).innerText()).resolves.toContain(BLOCKED_TASK);
    await lead.context().close();
  });

  it('sends a refused task form’s address, asked for again, to the page the form is on, at the task’s card', async () => {
    const lead = await signedIn('workstream lead (task and finish)');
    /** Blocks "Draft the protocol" with no reason on the page at `url`; answers the address the refusal is shown at. */
    const refusedOn = async (url: string) => {
      await lead.goto(url);
      await lead.getByRole('button', { name: 'Block task Draft the protocol' }).click();
      await expect(summary(lead)).resolves.toContain('Enter why the task is blocked');
      return new URL(lead.url());
    };
    /** Asks for `address` again as a GET (as pressing Enter in the address bar does); answers the redirect's status. */
    const askedAgain = async (address: URL) => {
      const response = await lead.goto(address.href);
      expect(response?.status()).toBe(200);
      return (await response?.request().redirectedFrom()?.response())?.status();
    };

    const onWorkstream = await refusedOn(workstreamUrl());
    expect(onWorkstream.pathname).toMatch(/\/tasks\/[^/]+\/block$/);
    const taskId = onWorkstream.pathname.split('/').at(-2);
    await expect(askedAgain(onWorkstream)).resolves.toBe(303);
    expect(lead.url()).toBe(`${workstreamUrl()}#task-${taskId}`);
    await expect(lead.locator('h1').innerText()).resolves.toBe(TASK_AND_FINISH.name);
    await expect(lead.locator(`#task-${taskId}`).innerText()).resolves.toContain('Draft the protocol');

    const onMyTasks = await refusedOn(`${app.api.url}/tasks`);
    expect(onMyTasks.pathname).toBe(`/tasks/${taskId}/block`);
    await expect(askedAgain(onMyTasks)).resolves.toBe(303);
    expect(lead.url()).toBe(`${app.api.url}/tasks#task-${taskId}`);
    await expect(lead.locator('h1').innerText()).resolves.toBe('My tasks');
    await expect(lead.locator(`#task-${taskId}`).innerText()).resolves.toContain('Draft the protocol');

    // Only a change a form sends has an address to come back from: anything else is no page.
    const none = '00000000-0000-4000-8000-000000000000';
    for (const address of [
      `${workstreamUrl()}/tasks/${taskId}/frobnicate`,
      `${workstreamUrl()}/tasks/${taskId}/constructor`,
      `${workstreamUrl().replace(app.workstreams.taskAndFinishId, none)}/tasks/${taskId}/block`,
      `${app.api.url}/groups/${none}/workstreams/${app.workstreams.taskAndFinishId}/tasks/${taskId}/block`,
      `${app.api.url}/tasks/${taskId}/frobnicate`,
      // A change a form sends, for a task with no card there: none, or another workstream's.
      `${workstreamUrl()}/tasks/${none}/block`,
      `${workstreamUrl().replace(app.workstreams.taskAndFinishId, app.workstreams.standingIds[0])}/tasks/${taskId}/block`,
      `${app.api.url}/tasks/${none}/block`,
    ]) {
      const response = await lead.goto(address);
      const redirect = await response?.request().redirectedFrom()?.response();
      expect([address, redirect?.status() ?? 'no redirect', response?.status()]).toEqual([address, 'no redirect', 404]);
      await expect(lead.locator('h1').innerText()).resolves.toBe('Page not found');
    }
    await lead.context().close();
  });

  it('flags no missing report once the workstream has closed', async () => {
    const lead = app.tokens['workstream lead (task and finish)'];
    const { taskAndFinishId } = app.workstreams;
    const send = async (query: string, variables: Record<string, unknown>) => {
      const { data, errors } = await app.api.graphql(query, variables, lead);
      expect(errors).toBeUndefined();
      return data;
    };
    const open = (await send(
      'query($id: ID!) { workstream(id: $id) { workstreamTasks(first: 100) { edges { node { id status } } } } }',
      { id: taskAndFinishId },
    )) as { workstream: { workstreamTasks: { edges: { node: { id: string; status: string } }[] } } };
    for (const { node } of open.workstream.workstreamTasks.edges.filter(({ node }) =>
      ['TO_DO', 'IN_PROGRESS', 'BLOCKED'].includes(node.status),
    ))
      await send('mutation($i: TaskReasonInput!) { cancelTask(input: $i) { id } }', {
        i: { workstreamId: taskAndFinishId, taskId: node.id, reason: 'Overtaken by the regional protocol.' },
      });
    await send('mutation($i: CloseWorkstreamInput!) { closeWorkstream(input: $i) { id } }', {
      i: { workstreamId: taskAndFinishId, outcomeReport: 'Folded into the regional protocol.' },
    });

    // Closed today, it shows closed today.
    const page = await signedIn('chair');
    await page.goto(workstreamUrl());
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/Status\s+Closed on/);
    expect(main).toMatch(/Since the group last met\s+No report due: closed/);
    await page.context().close();
  });

  it('shows a workstream closed on a day entered later as closed from that day, and open the day before', async () => {
    const chair = app.tokens.chair;
    const send = async <T>(query: string, i: Record<string, unknown>) => {
      const { data, errors } = await app.api.graphql<T>(query, { i }, chair);
      expect(errors).toBeUndefined();
      return data as T;
    };
    const { commissionWorkstream } = await send<{ commissionWorkstream: { id: string } }>(
      'mutation($i: CommissionWorkstreamInput!) { commissionWorkstream(input: $i) { id } }',
      {
        groupId: app.demo.groupId,
        name: 'Neglect strategy review',
        kind: 'TASK_AND_FINISH',
        purpose: 'Review the regional neglect strategy against the five areas’ practice.',
        leadPartnerId: app.demo.partnerIds.police,
        leadPersonId: app.demo.personIds['will-white'],
        areaIds: Object.values(app.demo.areaIds),
        startDate: '2022-06-01',
        endDate: '2027-03-31',
      },
    );
    await send('mutation($i: CloseWorkstreamInput!) { closeWorkstream(input: $i) { id } }', {
      workstreamId: commissionWorkstream.id,
      outcomeReport: 'Strategy revised.',
      closedOn: '2022-09-30',
    });

    const page = await signedIn('chair');
    await page.goto(`${listUrl()}/${commissionWorkstream.id}`);
    await expect(page.locator('main').innerText()).resolves.toMatch(
      /Status\s+Closed on 30 September 2022: Strategy revised\./,
    );
    await page.getByLabel('Day').fill('29');
    await page.getByLabel('Month').fill('9');
    await page.getByLabel('Year').fill('2022');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toBe(
      'Workstream as it stood on 29 September 2022',
    );
    const before = await page.locator('main').innerText();
    expect(before).toMatch(/Status\s+Active/);
    expect(before).not.toContain('Closed on');
    await checkPage(page, 'workstream-closed-later-as-at');
    await page.context().close();
  });
});
