import AxeBuilder from '@axe-core/playwright';
import { Browser, Page } from 'playwright-core';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

const LEAD = 'workstream lead (task and finish)';

describeWithChromium(
  'the workstream page’s forms to add a task and report the status, in Chromium (23 November 2026)',
  () => {
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
    const workstreamUrl = () =>
      `${app.api.url}/groups/${app.demo.groupId}/workstreams/${app.workstreams.taskAndFinishId}`;
    const summary = (page: Page) => page.locator('.govuk-error-summary').innerText();
    const cards = (page: Page, title: string) => page.locator('.govuk-summary-card', { hasText: title }).count();
    const addTaskForm = (page: Page) => page.locator('form', { has: page.getByRole('button', { name: 'Add task' }) });
    const reportForm = (page: Page) =>
      page.locator('form', { has: page.getByRole('button', { name: 'Send status report' }) });
    /** The owners the add-task form offers, as they read. */
    const owners = async (page: Page) =>
      (await addTaskForm(page).getByLabel('Owner').locator('option').allInnerTexts()).map((text) => text.trim());
    /** Fills the add-task form; the day, month and year of its due date as typed. */
    const fillTask = async (page: Page, title: string, owner: string, [day, month, year]: readonly string[]) => {
      const form = addTaskForm(page);
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Owner').selectOption({ label: owner });
      await form.getByLabel('Day').fill(day);
      await form.getByLabel('Month').fill(month);
      await form.getByLabel('Year').fill(year);
    };
    /**
     * Sends a form the page does not offer, as a forger would: the sign-out form, carrying the session's
     * own CSRF token, sent to the form's address with its fields.
     */
    const forge = async (page: Page, path: string, fields: Record<string, string>) => {
      const inputs = Object.entries(fields)
        .map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/[&"<]/g, '')}">`)
        .join('');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.locator('form.app-signed-in').evaluate(
          (form, [action, added]) => {
            const element = form as unknown as {
              setAttribute: (name: string, value: string) => void;
              insertAdjacentHTML: (where: string, markup: string) => void;
              submit: () => void;
            };
            element.setAttribute('action', action);
            element.insertAdjacentHTML('beforeend', added);
            element.submit();
          },
          [`${workstreamUrl()}/${path}`, inputs] as const,
        ),
      ]);
      return response;
    };

    it('adds a task as the workstream’s lead, for a member, and shows it on the page', async () => {
      const lead = await signedIn(LEAD);
      await lead.goto(workstreamUrl());
      await expect(owners(lead)).resolves.toEqual([
        'Jacqui Jensen',
        'Chris Sivers',
        'Janet Baptiste-Grant',
        'Victoria Capel',
      ]);
      await fillTask(lead, 'Agree the return interview template', 'Chris Sivers', ['15', '1', '2027']);
      await addTaskForm(lead).getByLabel('Reason').fill('Agreed at the November working session.');
      await addTaskForm(lead).getByRole('button', { name: 'Add task' }).click();
      expect(lead.url()).toBe(workstreamUrl());
      await expect(lead.locator('.govuk-notification-banner').innerText()).resolves.toContain(
        'The task “Agree the return interview template” is added.',
      );
      const card = await lead
        .locator('.govuk-summary-card', { hasText: 'Agree the return interview template' })
        .innerText();
      expect(card).toMatch(/Owner\s+Chris Sivers/);
      expect(card).toMatch(/Due\s+15 January 2027/);
      const { violations } = await new AxeBuilder({ page: lead }).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await lead.context().close();
    });

    it('refuses an empty title and a past due date in the error summary, keeping what was typed, recording nothing', async () => {
      const lead = await signedIn(LEAD);
      await lead.goto(workstreamUrl());
      const before = await lead.locator('.govuk-summary-card').count();

      await fillTask(lead, '', 'Janet Baptiste-Grant', ['15', '1', '2027']);
      const [empty] = await Promise.all([
        lead.waitForNavigation(),
        addTaskForm(lead).getByRole('button', { name: 'Add task' }).click(),
      ]);
      expect(empty?.status()).toBe(400);
      await expect(summary(lead)).resolves.toContain('Title must not be empty');
      await expect(lead.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#task-title');
      await expect(lead.locator('#task-title-error').innerText()).resolves.toContain('Title must not be empty');
      await expect(addTaskForm(lead).getByLabel('Year').inputValue()).resolves.toBe('2027');
      await expect(addTaskForm(lead).getByLabel('Owner').inputValue()).resolves.toBe(
        app.demo.personIds['janet-baptiste-grant'],
      );

      await fillTask(lead, 'Chase the ICB’s data lead', 'Janet Baptiste-Grant', ['1', '11', '2026']);
      const [past] = await Promise.all([
        lead.waitForNavigation(),
        addTaskForm(lead).getByRole('button', { name: 'Add task' }).click(),
      ]);
      expect(past?.status()).toBe(400);
      await expect(summary(lead)).resolves.toContain(
        'The due date (1 November 2026) is before the day the task was added (23 November 2026).',
      );
      await expect(lead.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#task-due-date');
      await expect(addTaskForm(lead).getByLabel('Title').inputValue()).resolves.toBe('Chase the ICB’s data lead');
      // The refusal's address asked for again (a reload) is the workstream's page, at its tasks.
      expect(new URL(lead.url()).pathname).toBe(`${new URL(workstreamUrl()).pathname}/tasks`);
      const reload = await lead.goto(lead.url());
      expect((await reload?.request().redirectedFrom()?.response())?.status()).toBe(303);
      expect(lead.url()).toBe(`${workstreamUrl()}#tasks`);

      await lead.goto(workstreamUrl());
      await expect(lead.locator('.govuk-summary-card').count()).resolves.toBe(before);
      await expect(cards(lead, 'Chase the ICB’s data lead')).resolves.toBe(0);
      await lead.context().close();
    });

    it('names every field at fault at once: an empty title with a missing, then a wrong, due date', async () => {
      const lead = await signedIn(LEAD);
      await lead.goto(workstreamUrl());
      const before = await lead.locator('.govuk-summary-card').count();
      const send = async (day: string, month: string, year: string) => {
        await fillTask(lead, '', 'Janet Baptiste-Grant', [day, month, year]);
        const [response] = await Promise.all([
          lead.waitForNavigation(),
          addTaskForm(lead).getByRole('button', { name: 'Add task' }).click(),
        ]);
        expect(response?.status()).toBe(400);
        return lead
          .locator('.govuk-error-summary a')
          .evaluateAll((links) => links.map((link) => [link.getAttribute('href'), (link.textContent ?? '').trim()]));
      };

      await expect(send('', '', '')).resolves.toEqual([
        ['#task-title', 'Title must not be empty.'],
        ['#task-due-date', 'Enter the date the task is due'],
      ]);
      await expect(send('30', '2', '2027')).resolves.toEqual([
        ['#task-title', 'Title must not be empty.'],
        ['#task-due-date', 'The due date must be a real date'],
      ]);
      await expect(addTaskForm(lead).getByLabel('Day').inputValue()).resolves.toBe('30');

      await lead.goto(workstreamUrl());
      await expect(lead.locator('.govuk-summary-card').count()).resolves.toBe(before);
      await lead.context().close();
    });

    it('records a task once when its form is sent twice', async () => {
      const lead = await signedIn(LEAD);
      await lead.goto(workstreamUrl());
      await fillTask(lead, 'Book the January workshop', 'Jacqui Jensen', ['20', '1', '2027']);
      const fields = Object.fromEntries(
        await addTaskForm(lead)
          .locator('input, select, textarea')
          .evaluateAll((elements) =>
            elements.map((element) => {
              const field = element as unknown as { name: string; value: string };
              return [field.name, field.value];
            }),
          ),
      ) as Record<string, string>;
      const send = () => lead.request.post(`${workstreamUrl()}/tasks`, { form: fields, maxRedirects: 0 });
      const [first, second] = [await send(), await send()];
      expect([first.status(), second.status()]).toEqual([303, 303]);
      await lead.goto(workstreamUrl());
      await expect(cards(lead, 'Book the January workshop')).resolves.toBe(1);
      await lead.context().close();
    });

    it('reports the status as the lead, and refuses a report with no status on the status', async () => {
      const lead = await signedIn(LEAD);
      await lead.goto(workstreamUrl());
      const form = reportForm(lead);
      // The day starts at today's.
      await expect(form.getByLabel('Day').inputValue()).resolves.toBe('23');
      await form.getByLabel('Note').fill('Template drafted; police data review still pending.');
      await form.getByRole('button', { name: 'Send status report' }).click();
      await expect(summary(lead)).resolves.toContain('Select red, amber or green');
      await expect(reportForm(lead).getByLabel('Note').inputValue()).resolves.toBe(
        'Template drafted; police data review still pending.',
      );
      await reportForm(lead).getByLabel('Green').check();
      await reportForm(lead).getByRole('button', { name: 'Send status report' }).click();
      await expect(lead.locator('.govuk-notification-banner').innerText()).resolves.toContain(
        'The workstream’s status is reported: Green.',
      );
      await expect(lead.locator('table tbody tr').first().innerText()).resolves.toBe(
        '23 November 2026\tGreen\tTemplate drafted; police data review still pending.',
      );
      await lead.context().close();
    });

    it('offers a member a task for themself only and no report; the chair neither, and refuses what they forge in the API’s words', async () => {
      const member = await signedIn('workstream member');
      await member.goto(workstreamUrl());
      await expect(owners(member)).resolves.toEqual(['Chris Sivers']);
      await expect(reportForm(member).count()).resolves.toBe(0);
      const reports = await member.locator('table tbody tr').count();
      const report = await forge(member, 'status-reports', {
        rag: 'RED',
        note: 'Forged',
        idempotencyKey: 'forged-report-1',
      });
      expect(report?.status()).toBe(400);
      await expect(summary(member)).resolves.toContain("The workstream's status is reported by its lead.");
      await expect(member.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#status-reports');
      await member.goto(workstreamUrl());
      await expect(member.locator('table tbody tr').count()).resolves.toBe(reports);
      await member.context().close();

      const chair = await signedIn('chair');
      await chair.goto(workstreamUrl());
      await expect(addTaskForm(chair).count()).resolves.toBe(0);
      await expect(reportForm(chair).count()).resolves.toBe(0);
      const before = await chair.locator('.govuk-summary-card').count();
      const task = await forge(chair, 'tasks', {
        title: 'Forged task',
        ownerId: app.demo.personIds['janet-baptiste-grant'],
        'dueDate-day': '1',
        'dueDate-month': '2',
        'dueDate-year': '2027',
        idempotencyKey: 'forged-task-1',
      });
      expect(task?.status()).toBe(400);
      await expect(summary(chair)).resolves.toContain("Only the workstream's lead and members change its tasks.");
      await expect(chair.locator('.govuk-error-summary a').getAttribute('href')).resolves.toBe('#tasks');
      await chair.goto(workstreamUrl());
      await expect(chair.locator('.govuk-summary-card').count()).resolves.toBe(before);
      await expect(cards(chair, 'Forged task')).resolves.toBe(0);

      // Forged with no due date, the chair is told they may not add tasks, not what the date lacks (as the API does).
      const undated = await forge(chair, 'tasks', {
        title: 'Forged task',
        ownerId: app.demo.personIds['janet-baptiste-grant'],
        idempotencyKey: 'forged-task-2',
      });
      expect(undated?.status()).toBe(400);
      await expect(
        chair
          .locator('.govuk-error-summary a')
          .evaluateAll((links) => links.map((link) => [link.getAttribute('href'), (link.textContent ?? '').trim()])),
      ).resolves.toEqual([['#tasks', "Only the workstream's lead and members change its tasks."]]);
      await chair.goto(workstreamUrl());
      await expect(cards(chair, 'Forged task')).resolves.toBe(0);
      await chair.context().close();
    });
  },
);
