import { Browser, Page } from 'playwright-core';
import { openQuorateMeeting } from '../../apps/cli/src/demo/policies-and-notices';
import { describeWithChromium, launchChromium, openPage, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

/** The demo's restricted escalation from Bristol, which the region answered and never acknowledged. */
const BRISTOL_ESCALATION = 'Out-of-hours paediatric cover for child protection medicals';
const BRISTOL_RESPONSE = 'Raised with the integrated care board’s medical director; a weekend rota is being drawn up.';

/** The recommendation the demo's meeting of 12 March 2026 made, overdue by the demo's day (23 November 2026). */
const SHARED_TEXT = 'Share multi-agency risk assessment data with every local arrangement each quarter.';

/** What a new user met walking the demo's pages, each in the page it was met on. */
describeWithChromium('the demo’s pages, as a new user walks them, in Chromium', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp();
    // A later meeting makes the same recommendation again, and it too is overdue.
    const chair = app.tokens.chair;
    const meetingId = await openQuorateMeeting(app.api.send, app.demo, chair, '2026-10-08T09:00:00Z', 'Bristol');
    await app.api.send(
      'mutation($i: MakeRecommendationInput!) { makeRecommendation(input: $i) { id } }',
      { i: { meetingId, text: SHARED_TEXT, targetPartnerIds: [app.demo.partnerIds.police], dueDate: '2026-11-13' } },
      chair,
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const signedIn = (who: string): Promise<Page> => openSignedIn(browser, app.api.url, who);
  const groupUrl = () => `${app.api.url}/groups/${app.demo.groupId}`;
  const overdueItems = (page: Page) => page.locator('h2:text-is("Overdue or late") + ul li');
  const itemCount = async (page: Page) =>
    Number(/^(\d+) items?$/.exec((await page.locator('table caption').innerText()).trim())?.[1] ?? 0);

  it('offers in the region inbox only the statuses what the areas sent can have, and refuses the others in words', async () => {
    const page = await signedIn('chair');
    await page.goto(`${groupUrl()}/inbox`);
    const offered = await page.getByLabel('Status').locator('option').allInnerTexts();
    expect(offered.map((text) => text.trim())).toEqual(['Any', 'Late', 'Received']);
    // Every item is one or the other: the statuses offered account for the whole inbox.
    const all = await itemCount(page);
    const counts = [];
    for (const label of ['Late', 'Received']) {
      await page.goto(`${groupUrl()}/inbox`);
      await page.getByLabel('Status').selectOption({ label });
      await page.getByRole('button', { name: 'Filter' }).click();
      counts.push(await itemCount(page));
    }
    expect(counts.every((count) => count > 0)).toBe(true);
    expect(counts[0] + counts[1]).toBe(all);

    // Nothing sent is still due: an address asking for it is told so, not shown an empty list.
    const answer = await page.goto(`${groupUrl()}/inbox?status=DUE`);
    expect(answer?.status()).toBe(400);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Choose a status from the list, Late or Received',
    );
    await expect(itemCount(page)).resolves.toBe(all);
    await page.context().close();
  });

  it('links each area on the group overview to its inbox for those who may read it, and no one else', async () => {
    const chair = await signedIn('chair');
    await chair.goto(groupUrl());
    const coverage = chair.locator('table', { hasText: 'Coverage by area' });
    const links = coverage.locator('a');
    expect((await links.allInnerTexts()).sort()).toEqual(Object.keys(app.demo.areaIds).sort());
    await coverage.getByRole('link', { name: 'Bristol' }).click();
    expect(await chair.title()).toBe('Area inbox – Bristol – Safeguarding partnerships');
    expect(chair.url()).toBe(`${app.api.url}/areas/${app.demo.areaIds.Bristol}/inbox`);
    await chair.context().close();

    // An administrator reads the group but no area's reports (R43): the areas are named, not linked.
    const administrator = await signedIn('administrator');
    await administrator.goto(groupUrl());
    const adminCoverage = administrator.locator('table', { hasText: 'Coverage by area' });
    await expect(adminCoverage.locator('a').count()).resolves.toBe(0);
    await expect(adminCoverage.innerText()).resolves.toContain('Bristol');
    const refused = await administrator.goto(`${app.api.url}/areas/${app.demo.areaIds.Bristol}/inbox`);
    expect(refused?.status()).toBe(403);
    await administrator.context().close();
  });

  it('links what is overdue to the page it is read on, a recommendation to the meeting that made it', async () => {
    const chair = await signedIn('chair');
    await chair.goto(groupUrl());
    const items = overdueItems(chair);
    const recommendations = items.filter({ hasText: /^Recommendation “/ });
    // Two meetings made the same recommendation: each line says which, and opens that meeting.
    await expect(recommendations.allInnerTexts()).resolves.toEqual([
      `Recommendation “${SHARED_TEXT}” made at the meeting of 12 March 2026 (due 30 September 2026)`,
      `Recommendation “${SHARED_TEXT}” made at the meeting of 8 October 2026 (due 13 November 2026)`,
    ]);
    await recommendations.last().getByRole('link').click();
    expect(chair.url()).toMatch(new RegExp(`/groups/${app.demo.groupId}/meetings/[^/]+$`));
    await expect(chair.locator('h1').innerText()).resolves.toContain('8 October 2026');

    // A late report opens the region inbox on that report alone.
    await chair.goto(groupUrl());
    const late = items.filter({ hasText: 'Yearly report 2025-26 from Somerset' });
    await late.getByRole('link').click();
    const rows = chair.locator('table tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toMatch(/^Yearly report 2025-26\tSomerset\tYearly report\t/);
    // A review of a policy opens the group's policies.
    await chair.goto(groupUrl());
    const policy = items.filter({ hasText: /^Review of the policy “/ }).first();
    await expect(policy.getByRole('link').getAttribute('href')).resolves.toBe(`/groups/${app.demo.groupId}/policies`);
    // A task opens its card on its workstream's page, which whoever the API lists the task to may read.
    await chair.goto(groupUrl());
    await items.filter({ hasText: 'Agree a shared data set on missing episodes' }).getByRole('link').click();
    expect(chair.url()).toMatch(new RegExp(`/groups/${app.demo.groupId}/workstreams/[^/#]+#task-`));
    const target = decodeURIComponent(new URL(chair.url()).hash);
    await expect(chair.locator(target).innerText()).resolves.toContain('Agree a shared data set on missing episodes');
    await chair.context().close();
  });

  it('shows Bristol the region’s response after its restricted escalation, tagged restricted and not waiting', async () => {
    const manager = await signedIn('area business manager (Bristol)');
    await manager.goto(`${app.api.url}/areas/${app.demo.areaIds.Bristol}/inbox`);
    const row = manager
      .locator('table', { hasText: 'What Bristol sent up' })
      .locator('tr', { hasText: BRISTOL_ESCALATION });
    await expect(row.locator('.govuk-tag', { hasText: 'Restricted' }).count()).resolves.toBe(1);
    const region = (await row.locator('td').last().innerText()).trim();
    expect(region).not.toContain('Not acknowledged yet');
    expect(region).toBe(`Response (10 November 2025): ${BRISTOL_RESPONSE}`);
    // What the area sent and not yet answered still says it waits.
    const waiting = manager.locator('table', { hasText: 'What Bristol sent up' }).locator('tr', {
      hasText: 'Not acknowledged yet',
    });
    await expect(waiting.count()).resolves.toBeGreaterThan(0);
    await expect(waiting.allInnerTexts()).resolves.not.toContainEqual(expect.stringContaining('Response ('));
    // Its restricted practice review is tagged in the table of deadlines too.
    const review = manager.locator('table', { hasText: 'practice reviews' }).locator('tr', { hasText: 'BRS-2025-11' });
    await expect(review.locator('.govuk-tag', { hasText: 'Restricted' }).count()).resolves.toBe(1);
    await manager.context().close();

    // The region's inbox tags it as the area's does.
    const chair = await signedIn('chair');
    await chair.goto(`${groupUrl()}/inbox?kind=ESCALATION`);
    const regionRow = chair.locator('table tbody tr', { hasText: BRISTOL_ESCALATION });
    await expect(regionRow.locator('.govuk-tag', { hasText: 'Restricted' }).count()).resolves.toBe(1);
    await chair.context().close();
  });

  it('returns a person who signs in to the page they asked for, and never to another site', async () => {
    const page = await openPage(browser);
    const policies = `/groups/${app.demo.groupId}/policies?asAt-day=1&asAt-month=7&asAt-year=2026`;
    await page.goto(`${app.api.url}${policies}`);
    expect(page.url()).toBe(`${app.api.url}/sign-in?returnTo=${encodeURIComponent(policies)}`);
    // A refused attempt keeps the page asked for.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.govuk-error-summary').count()).resolves.toBe(1);
    await page.getByLabel('Chair', { exact: true }).check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${app.api.url}${policies}`);
    await expect(page.title()).resolves.toMatch(/^Policies – /);
    await page.context().close();

    for (const outside of ['https://elsewhere.example/groups', '//elsewhere.example/groups', '/\\elsewhere.example']) {
      const visitor = await openPage(browser);
      await visitor.goto(`${app.api.url}/sign-in?returnTo=${encodeURIComponent(outside)}`);
      await visitor.getByLabel('Chair', { exact: true }).check();
      await visitor.getByRole('button', { name: 'Sign in' }).click();
      await visitor.waitForURL(`${app.api.url}/`);
      await visitor.context().close();
    }
  });

  it('offers an area’s business manager their area’s inbox from the home page, and each reader the areas they may read', async () => {
    const areaLinks = (page: Page) =>
      page
        .locator('#area-inboxes a')
        .evaluateAll((anchors) => anchors.map((anchor) => [anchor.textContent?.trim(), anchor.getAttribute('href')]));
    const manager = await signedIn('area business manager (North Somerset)');
    await expect(manager.locator('main').innerText()).resolves.toContain('There are no regional groups you can see.');
    await expect(areaLinks(manager)).resolves.toEqual([
      ['North Somerset', `/areas/${app.demo.areaIds['North Somerset']}/inbox`],
    ]);
    await manager.getByRole('link', { name: 'North Somerset', exact: true }).click();
    await manager.waitForURL(`${app.api.url}/areas/${app.demo.areaIds['North Somerset']}/inbox`);
    await expect(manager.locator('h1').innerText()).resolves.toBe('Area inbox');
    await manager.context().close();

    // A representative reads every area of the group; an administrator reads none (R43).
    const chair = await signedIn('chair');
    await expect(areaLinks(chair)).resolves.toEqual(
      Object.entries(app.demo.areaIds).map(([name, id]) => [name, `/areas/${id}/inbox`]),
    );
    await chair.context().close();
    const administrator = await signedIn('administrator');
    await expect(administrator.locator('#area-inboxes').count()).resolves.toBe(0);
    await administrator.context().close();
  });
});
