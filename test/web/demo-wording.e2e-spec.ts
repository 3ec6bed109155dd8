import { Browser, Page } from 'playwright-core';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/** The demo's policy that South Gloucestershire has not decided, published to the areas on 19 November 2026. */
const ESCALATION_PROCEDURE = 'Regional escalation procedure, version 1';

/** What people met on the demo's pages that was written for programs, each in the page it was met on. */
describeWithChromium('the demo’s pages in the words of the people who read them, in Chromium', () => {
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

  const signedIn = (who: string): Promise<Page> => openSignedIn(browser, app.api.url, who);
  const inboxUrl = (area: string) => `${app.api.url}/areas/${app.demo.areaIds[area]}/inbox`;
  const summary = (page: Page) => page.locator('.govuk-error-summary').innerText();
  const markAsDone = (page: Page) =>
    page.locator('form', { has: page.getByRole('button', { name: /^Mark as done/ }) }).first();
  /** The first Mark as done form of My tasks as the page wrote it, its token valid, sent to another address. */
  const sendMarkAsDoneTo = async (page: Page, address: string) => {
    await page.goto(`${app.api.url}/tasks`);
    const [response] = await Promise.all([
      page.waitForNavigation(),
      markAsDone(page).evaluate((form, to) => {
        form.setAttribute('action', to);
        (form as unknown as { submit: () => void }).submit();
      }, address),
    ]);
    return response;
  };

  it('offers the demo’s South Gloucestershire business manager the decision on a version the area has not decided', async () => {
    const page = await signedIn('area business manager (South Gloucestershire)');
    await page.goto(inboxUrl('South Gloucestershire'));
    const form = page.locator('form', { hasText: ESCALATION_PROCEDURE });
    await expect(form.getByRole('button', { name: /^Record decision/ }).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('words the days of a refused decision as the page writes days, not as the API does', async () => {
    const page = await signedIn('area business manager (South Gloucestershire)');
    await page.goto(inboxUrl('South Gloucestershire'));
    const form = page.locator('form', { hasText: ESCALATION_PROCEDURE });
    await form.getByLabel('Adopted', { exact: true }).check();
    await form.getByLabel('Day').fill('1');
    await form.getByLabel('Month').fill('11');
    await form.getByLabel('Year').fill('2026');
    await form.getByRole('button', { name: /^Record decision/ }).click();
    const said = await summary(page);
    expect(said).toContain(
      "The date of the decision (1 November 2026) is before version 1's publication (19 November 2026).",
    );
    expect(said).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expect(page.locator('.govuk-error-message').innerText()).resolves.toContain('(1 November 2026)');
    await page.context().close();
  });

  it('words Bristol’s rapid review decision to start a local review, on the area’s inbox and the region’s', async () => {
    const decided = 'Rapid review decision on BRS-2025-11: local child safeguarding practice review';
    const manager = await signedIn('area business manager (Bristol)');
    await manager.goto(inboxUrl('Bristol'));
    const sent = await manager.locator('table', { hasText: 'What Bristol sent up' }).innerText();
    expect(sent).toContain(decided);
    expect(sent).not.toContain('LCSPR');
    await manager.context().close();

    const chair = await signedIn('chair');
    await chair.goto(`${app.api.url}/groups/${app.demo.groupId}/inbox`);
    const inbox = await chair.locator('table').first().innerText();
    expect(inbox).toContain(decided);
    expect(inbox).not.toContain('LCSPR');
    await chair.context().close();
  });

  it('marks in the history export, as the history query does, each event whose content is withheld from the reader', async () => {
    const page = await signedIn('administrator');
    const exported = await page.request.get(`${app.api.url}/audit/export.jsonl?kind=WORKSTREAM`);
    expect(exported.status()).toBe(200);
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; data: string; withheld?: boolean });
    type Page = {
      history: {
        edges: { node: { id: string; withheld: boolean } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const history: { id: string; withheld: boolean }[] = [];
    let after: string | null = null;
    do {
      const { history: page }: Page = await app.api.send<Page>(
        `query($after: String) { history(filter: { kinds: [WORKSTREAM] }, first: 100, after: $after) {
          edges { node { id withheld } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        app.tokens.administrator,
      );
      history.push(...page.edges.map(({ node }) => node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null);
    // An administrator reads no workstream's tasks (R43): some of the workstreams' events are withheld.
    expect(history.some((event) => event.withheld)).toBe(true);
    expect(lines.map(({ id, withheld }) => ({ id, withheld }))).toEqual(history);
    expect(lines.filter((line) => line.withheld).every((line) => line.data === '{}')).toBe(true);
    await page.context().close();
  });

  it('answers a form sent to an address whose id names nothing with "Page not found", as a mistyped address', async () => {
    const page = await signedIn('task owner (overdue task)');
    await page.goto(`${app.api.url}/tasks`);
    const [taskId] = ((await markAsDone(page).getAttribute('action')) ?? '').split('/').slice(-2);
    const { groupId } = app.demo;
    const workstreamId = app.workstreams.taskAndFinishId;
    const none = '00000000-0000-4000-8000-000000000000';
    for (const address of [
      '/tasks/nope/complete',
      `/groups/${groupId}/workstreams/nope/tasks/${taskId}/complete`,
      `/groups/nope/workstreams/${workstreamId}/tasks/${taskId}/complete`,
      `/groups/${groupId}/workstreams/${none}/tasks/${taskId}/complete`,
      `/groups/${groupId}/meetings/nope/open`,
      `/groups/${groupId}/meetings/${none}/open`,
      '/areas/nope/inbox/escalation',
      `/areas/${none}/inbox/escalation`,
    ]) {
      const response = await sendMarkAsDoneTo(page, address);
      expect([address, response?.status()]).toEqual([address, 404]);
      await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
      await expect(page.locator('main').innerText()).resolves.not.toContain('names nothing');
      await expect(page.locator('.app-signed-in').innerText()).resolves.toContain('Signed in as');
    }
    await page.context().close();
  });

  it('answers a task form’s address naming a task there is none of with "Page not found", sent or asked for again', async () => {
    const page = await signedIn('task owner (overdue task)');
    const none = '00000000-0000-4000-8000-000000000000';
    const workstream = `/groups/${app.demo.groupId}/workstreams/${app.workstreams.taskAndFinishId}`;
    for (const address of [`/tasks/${none}/complete`, `${workstream}/tasks/${none}/complete`]) {
      const sent = await sendMarkAsDoneTo(page, address);
      expect(['POST', address, sent?.status()]).toEqual(['POST', address, 404]);
      await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
      const asked = await page.goto(`${app.api.url}${address}`);
      expect(['GET', address, asked?.status()]).toEqual(['GET', address, 404]);
      await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
    }
    await page.context().close();
  });

  it('words each event’s type on the audit page for an auditor, its exact type kept beside the words', async () => {
    const page = await signedIn('auditor');
    await page.goto(`${app.api.url}/audit?kind=ACCESS`);
    const events = page.locator('table', { hasText: 'Events, in the order recorded' });
    const types = await events.locator('tbody tr > :nth-child(2)').allInnerTexts();
    expect(types).toContain('Person registered');
    expect(types.filter((type) => /^[A-Z][a-z]+[A-Z]/.test(type))).toEqual([]);
    await expect(events.locator('span[title="PersonRegistered"]').first().innerText()).resolves.toBe(
      'Person registered',
    );
    await page.context().close();
  });

  it('names on the audit page the record each event is in, linked to its page, its stream id kept to cite', async () => {
    const page = await signedIn('auditor');
    const workstreamId = app.workstreams.taskAndFinishId;
    await page.goto(`${app.api.url}/audit?kind=WORKSTREAM&entityId=${workstreamId}`);
    const records = page
      .locator('table', { hasText: 'Events, in the order recorded' })
      .locator('tbody tr > :nth-child(3)');
    await expect(records.first().innerText()).resolves.toBe(
      `Workstream: Missing children return interviews (BNSSG)\nworkstream-${workstreamId}`,
    );
    await records.first().getByRole('link', { name: 'Missing children return interviews (BNSSG)' }).click();
    expect(page.url()).toBe(`${app.api.url}/groups/${app.demo.groupId}/workstreams/${workstreamId}`);
    await expect(page.locator('h1').innerText()).resolves.toBe('Missing children return interviews (BNSSG)');

    // A meeting has no name of its own: it is known by its day, as its own page heads it.
    await page.goto(`${app.api.url}/audit?kind=MEETING`);
    const meeting = page
      .locator('table', { hasText: 'Events, in the order recorded' })
      .locator('tbody tr > :nth-child(3)');
    const link = meeting.first().getByRole('link', { name: /^Meeting on \d{1,2} [A-Z][a-z]+ \d{4}$/ });
    const heading = await link.innerText();
    await link.click();
    await expect(page.locator('h1').innerText()).resolves.toBe(heading);
    await page.context().close();
  });
});
