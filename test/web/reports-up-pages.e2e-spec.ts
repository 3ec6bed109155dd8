import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { describeWithChromium, launchChromium, openPage, signIn as signInAs } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

const SHOTS = join(__dirname, '..', '..', 'test-results', 'web');

/** The demo's restricted escalation from Bristol, which the region answered. */
const BRISTOL_ESCALATION = 'Out-of-hours paediatric cover for child protection medicals';

describeWithChromium('the pages for what areas report up, in Chromium, over the demo data', () => {
  let app: DemoApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startDemoApp();
    // A serious incident Bristol knew of on Monday 2 November 2026 and has not notified to the panel:
    // due 5 working days later, so missed by the demo's day (23 November).
    const { errors } = await app.api.graphql(
      'mutation($i: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $i) { id } }',
      { i: { areaId: app.demo.areaIds.Bristol, reference: 'BRS-2026-07', awareOn: '2026-11-02' } },
      app.tokens['area business manager (Bristol)'],
    );
    expect(errors).toBeUndefined();
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const open = (javaScriptEnabled = true) => openPage(browser, javaScriptEnabled);
  const signIn = (page: Page, who: string) => signInAs(page, app.api.url, who);
  const checkPage = async (page: Page, shot: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(await page.title()).toMatch(/ – Safeguarding partnerships$/);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  };
  const groupUrl = () => `${app.api.url}/groups/${app.demo.groupId}`;
  const inboxUrl = (area: string) => `${app.api.url}/areas/${app.demo.areaIds[area]}/inbox`;
  const tableText = (page: Page, caption: string) => page.locator('table', { hasText: caption }).innerText();
  /** The table's "Sent" days (its `column`th cell, the row header counted), as times to compare. */
  const sentDays = async (page: Page, caption: string, column: number) =>
    (await page.locator('table', { hasText: caption }).locator(`tbody tr > :nth-child(${column})`).allInnerTexts()).map(
      (day) => Date.parse(`${day} 12:00 UTC`),
    );
  const ascending = (days: number[]) => [...days].sort((a, b) => a - b);

  it('shows Bristol’s business manager its reports up and practice-review deadlines, no other area’s, and raises an escalation', async () => {
    const page = await open();
    await signIn(page, 'area business manager (Bristol)');
    await page.getByRole('link', { name: 'Area inbox' }).click();
    expect(await page.title()).toBe('Area inbox – Bristol – Safeguarding partnerships');
    const reports = await tableText(page, 'What Bristol sent up');
    expect(reports).toMatch(/Yearly report 2025-26\tYearly report\t.*\tReceived/);
    // Oldest first by the day sent: the escalation of November 2025 was entered after the reports of 2026.
    const bristolSent = await sentDays(page, 'What Bristol sent up', 3);
    expect(bristolSent).toEqual(ascending(bristolSent));
    expect(bristolSent[0]).toBe(Date.parse('3 November 2025 12:00 UTC'));
    expect(reports).toContain(BRISTOL_ESCALATION);
    const review = (reference: string) =>
      page
        .locator('table', { hasText: 'Deadlines of Bristol’s practice reviews' })
        .locator('tr', { hasText: reference });
    // Known and notified on 19 December 2025, over Christmas: every deadline met.
    await expect(review('BRS-2025-11').innerText()).resolves.toMatch(
      /Notifying the national panel: Met due .*, done 19 December 2025\nThe rapid review’s decision: Met due/,
    );
    await expect(review('BRS-2026-07').innerText()).resolves.toContain(
      'Notifying the national panel: Missed due 9 November 2026',
    );
    await expect(page.locator('main').innerText()).resolves.not.toContain('SOM-2025-04');
    await checkPage(page, 'inbox-reports-up');

    // Refused: a home address is identifying data (R40), worded with the field's label; the fields kept.
    const detailRefused =
      'What the region should know must not identify a child or family: it looks like it holds a home address';
    await page.getByLabel('Title', { exact: true }).fill('Placement out of area');
    await page.getByLabel('What the region should know').fill('The family lives at 12 Acacia Avenue, Bristol BS1 4ST.');
    await page.getByRole('button', { name: 'Send to the region' }).click();
    expect(await page.title()).toMatch(/^Error: /);
    // The summary links to the field the API named.
    const summaryLinks = page.locator('.govuk-error-summary a');
    await expect(summaryLinks.allInnerTexts()).resolves.toEqual([detailRefused]);
    await expect(summaryLinks.getAttribute('href')).resolves.toBe('#escalation-detail');
    await expect(page.getByLabel('What the region should know').inputValue()).resolves.toContain('Acacia Avenue');
    await checkPage(page, 'inbox-refused-escalation');

    // Too long: worded with the field's label, as the form's own errors are.
    await page.getByLabel('Title', { exact: true }).fill('x'.repeat(600));
    await page.getByLabel('What the region should know').fill('Rota cover is short in December.');
    await page.getByRole('button', { name: 'Send to the region' }).click();
    await expect(summaryLinks.allInnerTexts()).resolves.toEqual([
      'Title must be at most 200 characters long (it has 600).',
    ]);
    await page.getByLabel('What the region should know').fill('The family lives at 12 Acacia Avenue, Bristol BS1 4ST.');

    // An address in both fields: one entry for each, linked to it, its message above it too, in the form's words.
    await page.getByLabel('Title', { exact: true }).fill('Placement at 12 Acacia Avenue, Bristol BS1 4ST');
    await page.getByRole('button', { name: 'Send to the region' }).click();
    const titleRefused = 'Title must not identify a child or family: it looks like it holds a home address';
    await expect(summaryLinks.allInnerTexts()).resolves.toEqual([titleRefused, detailRefused]);
    await expect(summaryLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).resolves.toEqual([
      '#escalation-title',
      '#escalation-detail',
    ]);
    const inline = await page.locator('.govuk-error-message').allInnerTexts();
    expect(inline.map((text) => text.replace(/^Error:\s*/, ''))).toEqual([titleRefused, detailRefused]);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.not.toMatch(/R40|\btitle\b|\bdetail\b/);
    await checkPage(page, 'inbox-refused-escalation-both-fields');

    // A date of birth and an address without a postcode in one field: both named.
    await page.getByLabel('Title', { exact: true }).fill('Placement out of area');
    await page
      .getByLabel('What the region should know')
      .fill('Born on 1 February 2015; placed at 12 Acacia Avenue, Bristol.');
    await page.getByRole('button', { name: 'Send to the region' }).click();
    await expect(summaryLinks.allInnerTexts()).resolves.toEqual([
      'What the region should know must not identify a child or family: it looks like it holds a date of birth and a home address',
    ]);

    await page.getByLabel('Title', { exact: true }).fill('Capacity of the regional child protection medical rota');
    await page.getByLabel('What the region should know').fill('Two paediatricians leave the rota in January.');
    await page.getByLabel('Restricted').check();
    await page.getByRole('button', { name: 'Send to the region' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      'The escalation “Capacity of the regional child protection medical rota” is sent to the region.',
    );
    await expect(tableText(page, 'What Bristol sent up')).resolves.toMatch(
      /Capacity of the regional child protection medical rota Restricted\tEscalation\t.*\tNo due day\tReceived\tNot acknowledged yet/,
    );

    // The region's inbox is the group's business, not the area's (R43).
    const answer = await page.goto(`${groupUrl()}/inbox`);
    expect(answer?.status()).toBe(403);
    // Nor another area's inbox.
    expect((await page.goto(inboxUrl('Somerset')))?.status()).toBe(403);
    await page.context().close();
  });

  it('tells each reader what they may do, by the rule the mutations are decided by', async () => {
    const ask = async (who: string, areaId: string) => {
      const { data, errors } = await app.api.graphql<{
        regionalGroup: { viewerMayAnswerAreas: boolean; viewerMayRunMeetings: boolean };
        localArrangement: { viewerMayActForArea: boolean };
      }>(
        `query($groupId: ID!, $areaId: ID!) {
          regionalGroup(id: $groupId) { viewerMayAnswerAreas viewerMayRunMeetings }
          localArrangement(areaId: $areaId) { viewerMayActForArea }
        }`,
        { groupId: app.demo.groupId, areaId },
        app.tokens[who],
      );
      expect(errors).toBeUndefined();
      return { ...data!.regionalGroup, ...data!.localArrangement };
    };
    const northSomerset = app.demo.areaIds['North Somerset'];
    expect(await ask('auditor', northSomerset)).toEqual({
      viewerMayAnswerAreas: false,
      viewerMayRunMeetings: false,
      viewerMayActForArea: false,
    });
    expect(await ask('chair', northSomerset)).toEqual({
      viewerMayAnswerAreas: true,
      viewerMayRunMeetings: true,
      viewerMayActForArea: false,
    });
    expect(await ask('representative (health)', northSomerset)).toEqual({
      viewerMayAnswerAreas: true,
      viewerMayRunMeetings: false,
      viewerMayActForArea: false,
    });
    // North Somerset's business manager represents no partner: it acts for its area, not for the region.
    const manager = await app.api.graphql<{ localArrangement: { viewerMayActForArea: boolean } }>(
      'query($areaId: ID!) { localArrangement(areaId: $areaId) { viewerMayActForArea } }',
      { areaId: northSomerset },
      app.tokens['area business manager (North Somerset)'],
    );
    expect(manager.data?.localArrangement.viewerMayActForArea).toBe(true);
  });

  it('offers the auditor, who reads but does not act, no form on either inbox, and says who acts', async () => {
    const auditor = await open();
    await signIn(auditor, 'auditor');
    await auditor.goto(`${groupUrl()}/inbox`);
    await expect(auditor.getByRole('button', { name: /^Acknowledge/ }).count()).resolves.toBe(0);
    await expect(auditor.getByRole('button', { name: /^Send the response/ }).count()).resolves.toBe(0);
    // The escalation Bristol raised in the first test is open, and read without a form to answer it.
    await expect(auditor.locator('h3', { hasText: BRISTOL_ESCALATION }).count()).resolves.toBe(1);
    await expect(auditor.locator('#answers-by-members').innerText()).resolves.toContain(
      'The group’s current representatives acknowledge these items and respond to escalations',
    );
    await checkPage(auditor, 'region-inbox-auditor');

    await auditor.goto(inboxUrl('North Somerset'));
    await expect(auditor.locator('main form[method="post"]').count()).resolves.toBe(0);
    await expect(tableText(auditor, 'What flowed down')).resolves.toContain('Not yet');
    await expect(auditor.locator('#acts-for-area').innerText()).resolves.toContain(
      'Only North Somerset’s business manager acknowledges what flowed down',
    );
    await expect(auditor.locator('main').innerText()).resolves.toContain(
      'Only North Somerset’s business manager raises an escalation for the area.',
    );
    await checkPage(auditor, 'inbox-auditor');
    await auditor.context().close();

    // A member of the group reads the area's inbox as the auditor does: the area's business is its manager's.
    const chair = await open();
    await signIn(chair, 'chair');
    await chair.goto(inboxUrl('North Somerset'));
    await expect(chair.locator('main form[method="post"]').count()).resolves.toBe(0);
    // The region's inbox is the chair's to answer.
    await chair.goto(`${groupUrl()}/inbox?kind=ESCALATION`);
    await expect(
      chair.getByRole('button', { name: `Send the response to “${BRISTOL_ESCALATION}”` }).count(),
    ).resolves.toBe(1);
    await expect(chair.locator('#answers-by-members').count()).resolves.toBe(0);
    await chair.context().close();

    // North Somerset's business manager has the forms, and they work.
    const manager = await open();
    await signIn(manager, 'area business manager (North Somerset)');
    await manager.goto(inboxUrl('North Somerset'));
    await expect(manager.locator('#acts-for-area').count()).resolves.toBe(0);
    await expect(manager.getByRole('button', { name: 'Send to the region' }).count()).resolves.toBe(1);
    const unacknowledged = manager.locator('table', { hasText: 'What flowed down' }).locator('tbody tr').first();
    const title = (await unacknowledged.innerText()).split('\t')[0];
    await unacknowledged.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect(manager.locator('.govuk-notification-banner').innerText()).resolves.toContain('is acknowledged');
    await expect(manager.locator('tr', { hasText: title }).first().innerText()).resolves.toContain('Acknowledged');
    await manager.context().close();
  });

  it('adds missed practice-review deadlines and late reports to what is overdue, for readers allowed', async () => {
    const chair = await open();
    await signIn(chair, 'chair');
    await chair.goto(groupUrl());
    const overdue = await chair.locator('main ul.govuk-list--bullet').innerText();
    expect(overdue).toContain(
      'Practice review BRS-2026-07 in Bristol: notifying the national panel (due 9 November 2026, not done)',
    );
    // Somerset's review missed both deadlines but has taken both steps since: nothing is overdue in it now.
    expect(overdue).not.toContain('SOM-2025-04 in Somerset');
    expect(overdue).not.toContain('BRS-2025-11');
    expect(overdue).toContain('Yearly report 2025-26 from Somerset (due 26 September 2026, received 13 November 2026)');
    // A practice review is restricted unless said otherwise (R42), and says so here as in the inbox; a yearly report is not.
    const line = (text: string) => chair.locator('main ul.govuk-list--bullet li', { hasText: text });
    await expect(
      line('Practice review BRS-2026-07').locator('.govuk-tag', { hasText: 'Restricted' }).count(),
    ).resolves.toBe(1);
    await expect(line('Yearly report 2025-26 from Somerset').locator('.govuk-tag').count()).resolves.toBe(0);
    // The decision is worded for people, as the area inbox words what flowed down; the API keeps its code.
    expect(overdue).toContain('Rapid review decision on SOM-2025-04: national panel referral from Somerset');
    expect(overdue).not.toContain('NATIONAL_PANEL_REFERRAL');
    await checkPage(chair, 'group-overview-reports-up');
    await chair.context().close();

    // An administrator runs the platform and reads no area's reports (R43): neither appears.
    const administrator = await open();
    await signIn(administrator, 'administrator');
    await administrator.goto(groupUrl());
    const main = await administrator.locator('main').innerText();
    expect(main).not.toContain('Practice review');
    expect(main).not.toContain('Yearly report 2025-26');
    // Its region inbox says why it is empty, not that no item matches a filter nobody chose.
    await administrator.goto(`${groupUrl()}/inbox`);
    const inbox = await administrator.locator('main').innerText();
    expect(inbox).toContain('administrators run the platform but do not read what the areas send up');
    expect(inbox).not.toContain('No item matches');
    await administrator.context().close();
  });

  it('shows the region’s inbox with filters, acknowledges an item and answers an escalation', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(groupUrl());
    await page.getByRole('link', { name: 'Region inbox' }).click();
    const all = Number(/^(\d+) items/.exec(await page.locator('table caption').innerText())?.[1]);
    // 2 measures' figures and a yearly report from each of 5 areas, Somerset's earlier report, an escalation, a decision,
    // 2 rapid review decisions, and the escalation Bristol raised in the first test.
    expect(all).toBe(5 * 3 + 1 + 1 + 1 + 2 + 1);
    const inbox = await tableText(page, `${all} items`);
    // A restricted item is tagged so, beside its title.
    expect(inbox).toContain('Rapid review decision on SOM-2025-04: national panel referral Restricted\tSomerset');
    expect(inbox).not.toContain('NATIONAL_PANEL_REFERRAL');
    const sent = await sentDays(page, `${all} items`, 4);
    expect(sent).toHaveLength(all);
    expect(sent).toEqual(ascending(sent));
    await checkPage(page, 'region-inbox');

    await page.getByLabel('Kind').selectOption({ label: 'Yearly report' });
    await page.getByLabel('Status').selectOption({ label: 'Late' });
    await page.getByLabel('Area').selectOption({ label: 'Somerset' });
    await page.getByRole('button', { name: 'Filter' }).click();
    const rows = page.locator('table tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().innerText()).resolves.toMatch(
      /^Yearly report 2025-26\tSomerset\tYearly report\t13 November 2026\t26 September 2026\tLate\t/,
    );
    await expect(page.getByLabel('Kind').inputValue()).resolves.toBe('YEARLY_REPORT');

    await page.goto(`${groupUrl()}/inbox?kind=YEARLY_REPORT&areaId=${app.demo.areaIds['North Somerset']}`);
    const report = page.locator('table tbody tr').first();
    await expect(report.innerText()).resolves.toContain('North Somerset');
    await report.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      '“Yearly report 2025-26” is acknowledged.',
    );
    await page.goto(`${groupUrl()}/inbox?kind=YEARLY_REPORT&areaId=${app.demo.areaIds['North Somerset']}`);
    await expect(page.locator('table tbody tr').first().getByRole('button').count()).resolves.toBe(0);

    const response = page.getByLabel(`The region’s response to “${BRISTOL_ESCALATION}”`);
    await page.goto(`${groupUrl()}/inbox?kind=ESCALATION`);
    await page.getByRole('button', { name: `Send the response to “${BRISTOL_ESCALATION}”` }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Enter the region’s response');
    await response.fill('The integrated care board funds a second rota from February.');
    await page.getByRole('button', { name: `Send the response to “${BRISTOL_ESCALATION}”` }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      `The response to “${BRISTOL_ESCALATION}” is recorded.`,
    );
    await expect(page.locator('main').innerText()).resolves.toContain(
      'The integrated care board funds a second rota from February.',
    );

    await page.goto(`${groupUrl()}/inbox?status=SOON`);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Choose a status from the list');
    await checkPage(page, 'region-inbox-refused-filter');
    // An area the group does not have, whether an id or not: named in the error summary, the other filters kept.
    await page.goto(`${groupUrl()}/inbox?kind=YEARLY_REPORT`);
    const yearly = await page.locator('table caption').innerText();
    for (const areaId of ['zzz', '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54']) {
      const refused = await page.goto(`${groupUrl()}/inbox?kind=YEARLY_REPORT&areaId=${areaId}`);
      expect(refused?.status()).toBe(400);
      await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('Choose an area from the list');
      await expect(page.locator('table caption').innerText()).resolves.toBe(yearly);
    }
  });

  it('submits the escalation, acknowledgement and response forms with JavaScript off', async () => {
    const manager = await open(false);
    await signIn(manager, 'area business manager (Bristol)');
    await manager.goto(inboxUrl('Bristol'));
    await manager.getByLabel('Title', { exact: true }).fill('Delays in strategy discussions out of hours');
    await manager.getByLabel('What the region should know').fill('Strategy discussions wait for the morning.');
    await manager.getByRole('button', { name: 'Send to the region' }).click();
    await expect(manager.locator('.govuk-notification-banner').innerText()).resolves.toContain('is sent to the region');

    const chair = await open(false);
    await signIn(chair, 'chair');
    await chair.goto(`${groupUrl()}/inbox?kind=ESCALATION&areaId=${app.demo.areaIds.Bristol}`);
    const row = chair.locator('tr', { hasText: 'Delays in strategy discussions out of hours' });
    await row.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect(chair.locator('.govuk-notification-banner').innerText()).resolves.toContain('is acknowledged');
    await chair
      .getByLabel('The region’s response to “Delays in strategy discussions out of hours”')
      .fill('The region asks each area for its out-of-hours figures.');
    await chair
      .locator('form', { hasText: 'Delays in strategy discussions out of hours' })
      .getByRole('button', { name: 'Send the response' })
      .click();
    await expect(chair.locator('.govuk-notification-banner').innerText()).resolves.toContain('is recorded');
  });

  it('words only what the platform added to a title, never what a person typed', async () => {
    const manager = await open();
    await signIn(manager, 'area business manager (Bristol)');
    await manager.goto(inboxUrl('Bristol'));
    // A code and a day a person typed, the day at the end where the platform puts its own, which
    // the page must not reword.
    const typed = 'CP_MEDICALS rota down to one paediatrician since 2026-01-05';
    await manager.getByLabel('Title', { exact: true }).fill(typed);
    await manager.getByLabel('What the region should know').fill('Out-of-hours medicals wait for the morning.');
    await manager.getByRole('button', { name: 'Send to the region' }).click();
    await expect(manager.locator('.govuk-notification-banner').innerText()).resolves.toContain('is sent to the region');
    await expect(tableText(manager, 'What Bristol sent up')).resolves.toContain(typed);
    await manager.context().close();

    const chair = await open();
    await signIn(chair, 'chair');
    await chair.goto(`${groupUrl()}/inbox`);
    const inbox = await chair.locator('table').first().innerText();
    expect(inbox).toContain(typed);
    await expect(chair.locator('h3', { hasText: 'CP_MEDICALS' }).innerText()).resolves.toBe(`${typed} (Bristol)`);
    // The decision the platform added to a title it built is still worded.
    expect(inbox).toContain('Rapid review decision on SOM-2025-04: national panel referral');
    await chair.context().close();
  });

  it('offers no acknowledgement of an escalation the region answered, on its inbox as on the area’s', async () => {
    const chair = await open();
    await signIn(chair, 'chair');
    await chair.goto(`${groupUrl()}/inbox?kind=ESCALATION&areaId=${app.demo.areaIds.Bristol}`);
    const answered = chair.locator('table tbody tr', { hasText: BRISTOL_ESCALATION });
    // Responded to and never acknowledged: the response stands for the acknowledgement.
    await expect(answered.getByRole('button').count()).resolves.toBe(0);
    await expect(answered.innerText()).resolves.toMatch(/\tAnswered$/);

    const manager = await open();
    await signIn(manager, 'area business manager (Bristol)');
    await manager.goto(inboxUrl('Bristol'));
    const sent = manager
      .locator('table', { hasText: 'What Bristol sent up' })
      .locator('tr', { hasText: BRISTOL_ESCALATION });
    await expect(sent.innerText()).resolves.not.toContain('Not acknowledged yet');
    await chair.context().close();
    await manager.context().close();
  });
});
