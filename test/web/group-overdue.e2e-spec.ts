import { Browser } from 'playwright-core';
import { TASK_AND_FINISH } from '../../apps/cli/src/demo/workstreams';
import { describeWithChromium, launchChromium, openPage, signIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/** More than the 100 tasks the API gives in one page, all overdue by the demo's day (23 November 2026). */
const RECENT = 101;

describeWithChromium('the group overview’s list of what is overdue, in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp({ load: ['meetings', 'workstreams', 'policies'] });
    const lead = await app.tokenOf(TASK_AND_FINISH.lead);
    const addTask = (title: string, dueDate: string) =>
      app.api.send(
        'mutation($i: AddTaskInput!) { addTask(input: $i) { id } }',
        {
          i: {
            workstreamId: app.workstreams.taskAndFinishId,
            title,
            ownerId: app.demo.personIds[TASK_AND_FINISH.lead],
            dueDate,
            // Entered after the fact: a task is set no later than the day it is due.
            addedOn: '2026-09-22',
          },
        },
        lead,
      );
    for (let n = 1; n <= RECENT; n += 1) await addTask(`Recent overdue task ${n}`, '2026-11-02');
    // Recorded last, so the API lists it after more than a page of others.
    await addTask('The oldest overdue task', '2026-10-01');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  it('lists every overdue task, however many pages the API gives them in, the oldest first', async () => {
    const page = await openPage(browser);
    await signIn(page, app.api.url, 'chair');
    await page.goto(`${app.api.url}/groups/${app.demo.groupId}`);
    const tasks = (await page.locator('h2:text-is("Overdue or late") + ul li').allInnerTexts()).filter((text) =>
      text.startsWith('Task “'),
    );
    // The demo's two overdue tasks, and every one added here.
    expect(tasks).toHaveLength(RECENT + 3);
    expect(tasks[0]).toBe(`Task “The oldest overdue task” in ${TASK_AND_FINISH.name} (due 1 October 2026, to do)`);
    await page.context().close();
  });

  it('names each task overdue today by its workstream on a day the workstream did not yet exist', async () => {
    const page = await openPage(browser);
    await signIn(page, app.api.url, 'chair');
    await page.goto(`${app.api.url}/groups/${app.demo.groupId}?asAt-day=30&asAt-month=6&asAt-year=2022`);
    await expect(page.locator('h2:text-is("Overdue or late") + p').innerText()).resolves.toContain(
      'tasks, reports and practice-review deadlines are those overdue today, each task in its workstream as it is today',
    );
    const oldest = page.locator('h2:text-is("Overdue or late") ~ ul li', { hasText: 'The oldest overdue task' });
    await expect(oldest.innerText()).resolves.toBe(
      `Task “The oldest overdue task” in ${TASK_AND_FINISH.name} (due 1 October 2026, to do)`,
    );
    await expect(oldest.getByRole('link').getAttribute('href')).resolves.toMatch(
      new RegExp(`^/groups/${app.demo.groupId}/workstreams/${app.workstreams.taskAndFinishId}#task-`),
    );
    await page.context().close();
  });
});
