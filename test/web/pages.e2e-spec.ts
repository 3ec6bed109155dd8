import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { IntegrityMonitor } from '../../apps/api/src/integrity/integrity-monitor';
import { describeWithChromium, launchChromium, openPage, signIn as signInAs } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

const SHOTS = join(__dirname, '..', '..', 'test-results', 'web');
/** The two screenshots the README shows. */
const README_SHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

async function streamText(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describeWithChromium('the pages, in Chromium, over the demo data', () => {
  let app: DemoApp;
  let browser: Browser;
  let pastMeetingId: string;
  let anotherMeetingId: string;
  let southGloucestershireToken: string;
  let bathToken: string;

  beforeAll(async () => {
    app = await startDemoApp();
    // A meeting that has happened and is not yet open, for the chair to record through the page.
    const schedule = async (startsAt: string) =>
      (
        await app.api.graphql<{ scheduleMeeting: { id: string } }>(
          'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
          { i: { groupId: app.demo.groupId, startsAt, place: 'Bristol City Hall' } },
        )
      ).data!.scheduleMeeting.id;
    // Business managers who sign in by pasting a token.
    southGloucestershireToken = await app.businessManager('South Gloucestershire', 'Sam Gloucester');
    // Bath and North East Somerset has yet to decide on the information sharing protocol.
    bathToken = await app.businessManager('Bath and North East Somerset', 'Bea Bath');
    pastMeetingId = await schedule('2026-11-23T08:00:00.000Z');
    anotherMeetingId = await schedule('2026-11-22T08:00:00.000Z');
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    mkdirSync(README_SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const open = (javaScriptEnabled = true) => openPage(browser, javaScriptEnabled);

  const signIn = (page: Page, who: string) => signInAs(page, app.api.url, who);

  /** No serious or critical accessibility violation, and the page's own basics. */
  const checkPage = async (page: Page, shot: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(await page.title()).toMatch(/ – Safeguarding partnerships$/);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await expect(page.locator('a.govuk-skip-link').getAttribute('href')).resolves.toBe('#main-content');
    await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
  };

  const groupUrl = () => `${app.api.url}/groups/${app.demo.groupId}`;

  /** The accessible names of the page's buttons whose names match, as a screen reader lists them. */
  const buttonNames = async (page: Page, name: RegExp) =>
    Promise.all(
      (await page.getByRole('button', { name }).all()).map(async (button) =>
        (await button.evaluate((element) => element.textContent ?? '')).replace(/\s+/g, ' ').trim(),
      ),
    );

  it('sends visitors to the development sign-in page, asks them to choose, and signs out for good', async () => {
    const page = await open();
    await page.goto(`${app.api.url}/`);
    expect(page.url()).toBe(`${app.api.url}/sign-in`);
    await checkPage(page, 'sign-in');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Choose who to sign in as, or paste a token',
    );
    await page.getByLabel('Or paste a token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'That token was not accepted. The token could not be verified.',
    );

    await signIn(page, 'chair');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'sp_session', httpOnly: true, sameSite: 'Lax' });
    await checkPage(page, 'groups');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('You have signed out.');
    // The old session id is worth nothing now.
    const replay = await fetch(`${app.api.url}/`, {
      headers: { cookie: `sp_session=${cookie.value}` },
      redirect: 'manual',
    });
    expect([replay.status, replay.headers.get('location')]).toEqual([303, '/sign-in']);
  });

  it.each([
    ['chair', 'Sheila Smith', ['Groups', 'My tasks', 'Audit'], true],
    ['area business manager (Bristol)', 'Bristol', ['Groups', 'My tasks', 'Area inbox', 'Audit'], false],
    ['auditor', '', ['Groups', 'My tasks', 'Audit'], true],
    ['administrator', 'Test Administrator', ['Groups', 'My tasks', 'Audit'], true],
    ['workstream member', 'Chris Sivers', ['Groups', 'My tasks', 'Audit'], true],
  ])('signs in as the %s and shows the pages that role leads to, and no more', async (who, name, nav, member) => {
    const session = await open();
    await signIn(session, who);
    await expect(session.locator('.govuk-notification-banner').innerText()).resolves.toContain(`signed in as ${name}`);
    await expect(session.locator('.govuk-service-navigation__link').allInnerTexts()).resolves.toEqual(nav);
    await expect(
      session.getByRole('link', { name: 'Avon and Somerset Strategic Safeguarding Partnership' }).count(),
    ).resolves.toBe(member ? 1 : 0);
    if (!member) {
      // R43: the group's business is for its members; the page says so in the GOV.UK pattern, with no stack trace.
      await expect(session.locator('main').innerText()).resolves.toContain('There are no regional groups you can see.');
      for (const path of ['', '/meetings', '/policies']) {
        const answer = await session.goto(`${groupUrl()}${path}`);
        expect(answer?.status()).toBe(403);
        await expect(session.locator('h1').innerText()).resolves.toBe('You cannot see this page');
        await expect(session.locator('main').innerText()).resolves.toContain(
          "A group's business is for its current representatives, administrators and auditors.",
        );
      }
      await checkPage(session, 'forbidden');
    }
    await session.context().close();
  });

  it('refuses a form sent without the session’s CSRF token', async () => {
    const page = await open();
    await signIn(page, 'chair');
    const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await fetch(`${groupUrl()}/meetings/${pastMeetingId}/open`, {
      method: 'POST',
      headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=not-the-token',
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Your form could not be sent');
  });

  it('shows the group overview: officers, quorum, coverage, notices with their consequences and what is overdue', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(groupUrl());
    const main = await page.locator('main').innerText();
    expect(main).toContain('Sheila Smith, North Somerset Council (local authority)');
    expect(main).toContain('Will White, Avon and Somerset Police (police)');
    expect(main).toContain('7 of 10 representatives (66%, rounded up)');
    expect(main).toContain('10 December 2026');
    expect(main).toMatch(/Leaves without cover:\s+Bath and North East Somerset \(health\)\./);
    expect(main).toContain('Quorum becomes 6 of 9 representatives.');
    expect(main).toContain('Review of the policy “Information sharing protocol” (due 1 January 2026)');
    expect(main).toContain('Task “Align police referral triggers”');
    await expect(page.locator('table', { hasText: 'Representatives' }).locator('tbody tr').count()).resolves.toBe(10);
    const coverage = page.locator('table', { hasText: 'Coverage by area' });
    await expect(coverage.locator('thead th').allInnerTexts()).resolves.toEqual([
      'Area',
      'Agency types covered',
      'Agency types missing',
    ]);
    const gaps = await coverage.locator('tbody tr td:last-child').allInnerTexts();
    expect(gaps).toContain('None');
    expect(gaps.every((cell) => cell === 'None' || cell.startsWith('Gap'))).toBe(true);
    await checkPage(page, 'group-overview');
    await page.screenshot({ path: join(README_SHOTS, 'group-overview.png') });
  });

  it('lists what is overdue oldest due day first, whatever kind it is and whenever it was recorded', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(groupUrl());
    const overdue = await page
      .locator('h2:has-text("Overdue") + ul > li')
      .allInnerTexts()
      .then((items) => items.map((item) => item.replace(/\s+/g, ' ')));
    const dueDays = overdue.map((item) => Date.parse(`${/\(due (\d{1,2} \w+ \d{4})/.exec(item)?.[1]} 12:00 UTC`));
    expect(dueDays.length).toBeGreaterThan(2);
    expect(dueDays.every((day) => !Number.isNaN(day))).toBe(true);
    expect(dueDays).toEqual([...dueDays].sort((a, b) => a - b));
    await page.context().close();
  });

  it('says plainly that a group with neither terms of reference nor representatives has no quorum to count', async () => {
    const { data, errors } = await app.api.graphql<{ establishRegionalGroup: { id: string } }>(
      'mutation($i: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $i) { id } }',
      { i: { name: 'Wessex Safeguarding Partnership', areas: [{ name: 'Dorset' }] } },
    );
    expect(errors).toBeUndefined();
    const page = await open();
    await signIn(page, 'administrator');
    await page.goto(`${app.api.url}/groups/${data!.establishRegionalGroup.id}`);
    const quorum = await page.locator('.govuk-summary-list__row', { hasText: 'Quorum' }).innerText();
    expect(quorum).toContain(
      'No terms of reference or representatives are recorded yet, so there is no quorum to count. Until the group adopts terms, the platform’s default is 66% of the representatives, rounded up.',
    );
    expect(quorum).not.toContain('0 of 0');

    /** The quorum row once the group has adopted, today, a version of terms of its own at this share. */
    const quorumOnceAdopted = async (version: string, quorumPercentage: number) => {
      const adopted = await app.api.graphql(
        'mutation($i: AdoptTermsOfReferenceInput!) { adoptTermsOfReference(input: $i) { group { id } } }',
        {
          i: {
            groupId: data!.establishRegionalGroup.id,
            version,
            summary: `Terms, version ${version}.`,
            quorumPercentage,
            adoptedOn: '2026-11-23',
            acceptCoverageGap: true,
          },
        },
      );
      expect(adopted.errors).toBeUndefined();
      await page.reload();
      return page.locator('.govuk-summary-list__row', { hasText: 'Quorum' }).innerText();
    };
    // Terms of its own at the default's figure: the API says they are the group's, and so does the page.
    const own = await quorumOnceAdopted('1.0', 66);
    expect(own).toContain(
      'No representatives are recorded yet, so there is no quorum to count. The terms of reference set 66% of the representatives, rounded up.',
    );
    expect(own).not.toContain('default');
    // A later version at a figure of its own: the sentence gives the terms' share, no longer the default's.
    await expect(quorumOnceAdopted('1.1', 75)).resolves.toContain(
      'No representatives are recorded yet, so there is no quorum to count. The terms of reference set 75% of the representatives, rounded up.',
    );
    await page.context().close();
  });

  it('shows the group as it stood on an earlier day, and refuses a day before the group existed', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(groupUrl());
    const partners = () => page.locator('table', { hasText: 'Core partners' }).innerText();
    await expect(partners()).resolves.not.toContain('NHS BANES CCG');
    await expect(partners()).resolves.toContain('NHS Somerset ICB\tHealth (integrated care board)\tSomerset');
    const lisaHarvey = () =>
      page.locator('table', { hasText: 'Representatives' }).locator('tr', { hasText: 'Lisa Harvey' }).innerText();
    // For the ICB since it took over the CCG's seat, which she has held since 2019.
    await expect(lisaHarvey()).resolves.toMatch(/ICB\t.*\t1 July 2022 \(in the seat since 1 June 2019\)$/);
    const asAt = async (day: string, month: string, year: string) => {
      await page.getByLabel('Day').fill(day);
      await page.getByLabel('Month').fill(month);
      await page.getByLabel('Year').fill(year);
      await page.getByRole('button', { name: 'Show', exact: true }).click();
    };
    await asAt('1', '3', '2020');
    await expect(page.locator('.govuk-caption-l').innerText()).resolves.toBe(
      'Regional group as it stood on 1 March 2020',
    );
    // The health partners named as the law named them that day, before the integrated care boards.
    await expect(partners()).resolves.toContain('NHS BANES CCG\tHealth (clinical commissioning group)\tBath');
    await expect(partners()).resolves.not.toContain('integrated care board');
    await expect(lisaHarvey()).resolves.toMatch(/NHS BANES CCG\t.*\t1 June 2019$/);
    await expect(page.locator('main').innerText()).resolves.toContain('Version 1.0, adopted');
    // The March 2020 meeting, entered years later with the day it was booked in December 2019, was next.
    await expect(page.locator('main').innerText()).resolves.toMatch(/Next meeting\s+12 March 2020 at 10am/);
    await checkPage(page, 'group-overview-as-at');

    await asAt('31', '5', '2019');
    expect(await page.title()).toMatch(/^Error: /);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('There is a problem');
    // The API's refusal worded for people, its day written as GOV.UK writes dates, in the summary and above the field.
    const beforeEstablished = 'The date must be the same as or after 1 June 2019, when the group was established';
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(beforeEstablished);
    await expect(page.locator('.govuk-error-message').innerText()).resolves.toContain(beforeEstablished);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.not.toContain('2019-06-01');
    await expect(page.getByLabel('Year').inputValue()).resolves.toBe('2019');
    await checkPage(page, 'group-overview-refused-date');
  });

  it('offers to open a meeting only once its day has come, and says from when', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(`${groupUrl()}/meetings/${app.year.nextMeetingId}`);
    await expect(page.getByRole('button', { name: 'Open the meeting' }).count()).resolves.toBe(0);
    await expect(page.locator('#opens-on').innerText()).resolves.toBe(
      'This meeting can be opened from 10 December 2026.',
    );
    await page.goto(`${groupUrl()}/meetings/${pastMeetingId}`);
    await expect(page.getByRole('button', { name: 'Open the meeting' }).count()).resolves.toBe(1);
    await expect(page.locator('#opens-on').count()).resolves.toBe(0);
    // The API opens it with the membership of the meeting's own day, however late it is opened.
    await expect(page.locator('#opening-membership').innerText()).resolves.toBe(
      'Opening takes the membership as it stood on 23 November 2026, the meeting’s day, from which the quorum is counted for ever after.',
    );
    await checkPage(page, 'meeting-in-the-future');
    await page.context().close();

    // The same page by the API's viewerMayRunMeetings (the deciders' rule): the administrator, who is no
    // officer of the group, is offered the form as the chair is; an auditor and a representative who is
    // not the chair or deputy read the meeting with no form at all.
    for (const [who, runsMeetings] of [
      ['administrator', true],
      ['auditor', false],
      ['representative (health)', false],
    ] as const) {
      const reader = await open();
      await signIn(reader, who);
      await reader.goto(`${groupUrl()}/meetings/${pastMeetingId}`);
      await expect(reader.locator('h1').innerText()).resolves.toContain('Meeting on');
      await expect(reader.locator('main h2').allInnerTexts()).resolves.toContain('Minutes');
      const offered = { who, forms: await reader.locator('main form[method="post"]').count() };
      expect(offered).toEqual({ who, forms: runsMeetings ? 1 : 0 });
      await expect(reader.getByRole('button', { name: 'Open the meeting' }).count()).resolves.toBe(
        runsMeetings ? 1 : 0,
      );
      await expect(reader.locator('#opens-on').count()).resolves.toBe(0);
      await reader.context().close();
    }
  });

  it('lets the chair open a meeting and record attendance; a decision at an inquorate meeting is refused with the domain’s sentence; quorate, it is recorded', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(`${groupUrl()}/meetings`);
    await page.getByRole('button', { name: 'Get a calendar address' }).click();
    const calendarUrl = await page.locator('#calendar-url').innerText();
    expect(calendarUrl).toMatch(new RegExp(`^${app.api.url}/groups/${app.demo.groupId}/calendar\\.ics\\?`));
    const calendar = await fetch(calendarUrl);
    expect(calendar.status).toBe(200);
    await expect(calendar.text()).resolves.toContain('BEGIN:VCALENDAR');
    await checkPage(page, 'meetings');
    await page.goto(`${groupUrl()}/meetings/${pastMeetingId}`);
    await page.getByRole('button', { name: 'Open the meeting' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('The meeting is open.');

    const options = await page.locator('#appointment option').allInnerTexts();
    const record = async (representative: string, status: string, substitute?: [string, string]) => {
      await page.getByLabel('Representative').selectOption({ label: representative });
      await page.getByLabel(status, { exact: true }).check();
      if (substitute) {
        await page.getByText('A substitute attended for them').click();
        await page.getByLabel('Substitute’s name').fill(substitute[0]);
        await page.getByLabel('Substitute’s organisation').fill(substitute[1]);
      }
      await page.getByRole('button', { name: 'Record attendance' }).click();
      await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Attendance recorded.');
    };
    const people = options.slice(1);
    await record(people[0], 'Present');
    await record(people[1], 'Sent apologies', ['Pat Deputy', 'Bristol City Council']);

    await page.getByLabel('Decision').fill('Agree the regional escalation procedure review plan.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    const summary = await page.locator('.govuk-error-summary').innerText();
    expect(summary).toContain('There is a problem');
    expect(summary).toMatch(/quorate/);
    expect(await page.title()).toMatch(/^Error: /);
    await expect(page.getByLabel('Decision').inputValue()).resolves.toBe(
      'Agree the regional escalation procedure review plan.',
    );
    await expect(page.locator('table', { hasText: 'Attendance' }).innerText()).resolves.toContain(
      'Pat Deputy (Bristol City Council) Does not count',
    );
    await checkPage(page, 'meeting-refused-decision');
  });

  it('records the decision once the meeting is quorate', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(`${groupUrl()}/meetings/${pastMeetingId}`);

    // Six more present, through the API: the form's part is proven above.
    const appointmentIds = await page
      .locator('#appointment option')
      .evaluateAll((all) => all.map((option) => option.getAttribute('value') ?? ''));
    for (const appointmentId of appointmentIds.slice(3, 9)) {
      const { errors } = await app.api.graphql(
        'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
        { i: { meetingId: pastMeetingId, appointmentId, status: 'PRESENT' } },
      );
      expect(errors).toBeUndefined();
    }
    await page.goto(`${groupUrl()}/meetings/${pastMeetingId}`);
    await expect(page.locator('main').innerText()).resolves.toContain('7 present, 7 needed');
    await page.getByLabel('Decision').fill('Agree the regional escalation procedure review plan.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('Decision recorded.');
    await expect(page.locator('main ol').innerText()).resolves.toContain(
      'Agree the regional escalation procedure review plan.',
    );
    // Who agreed it, by name: a director asks who decided, not how many.
    const { data } = await app.api.graphql<{ meeting: { attendance: { name: string; status: string }[] } }>(
      'query($m: ID!) { meeting(id: $m) { attendance { name status } } }',
      { m: pastMeetingId },
    );
    const present = (data?.meeting.attendance ?? []).filter((a) => a.status === 'PRESENT').map((a) => a.name);
    expect(present).toHaveLength(7);
    const agreed = await page
      .locator('main ol li', { hasText: 'Agree the regional escalation procedure review plan.' })
      .innerText();
    expect(agreed).toContain('agreed by 7:');
    for (const name of present) expect(agreed).toContain(name);
    await checkPage(page, 'meeting');
  });

  it('shows the members the adoption table; an area business manager records the area’s decision from the inbox', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(`${groupUrl()}/policies`);
    const table = page.locator('table', { hasText: 'Adoption of Regional escalation procedure by area' });
    const row = (area: string) =>
      table.locator('tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${area}$`) }) });
    await expect(row('Somerset').innerText()).resolves.toContain('Adopted with variation');
    await expect(row('South Gloucestershire').innerText()).resolves.toContain('Undecided');
    // The shot starts at the policy's own heading, so the README shows whose adoption the table is.
    await page
      .getByRole('heading', { name: 'Regional escalation procedure', exact: true })
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(README_SHOTS, 'adoption-table.png') });
    await checkPage(page, 'policies');

    const manager = await open();
    await signIn(manager, 'area business manager (Bristol)');
    await manager.getByRole('link', { name: 'Area inbox' }).click();
    const formFor = (within: Page) =>
      within.locator('form[action$="/policy-decision"]', { hasText: 'Regional escalation procedure' }).first();
    const decisionOf = (within: Page) =>
      within.locator('h3', { hasText: 'Regional escalation procedure' }).locator('+ .govuk-summary-list');
    // Bristol decided on both policies already: each shows what and when, and no form is offered.
    await expect(manager.locator('form[action$="/policy-decision"]').count()).resolves.toBe(0);
    await expect(decisionOf(manager).innerText()).resolves.toMatch(
      /Decision on version 1\s+Adopted\s+Decided\s+23 November 2026/,
    );
    await checkPage(manager, 'inbox-decided');

    // South Gloucestershire has not: its business manager signs in with a pasted token and records it.
    await manager.getByRole('button', { name: 'Sign out' }).click();
    await manager.getByLabel('Or paste a token').fill(southGloucestershireToken);
    await manager.getByRole('button', { name: 'Sign in' }).click();
    await manager.getByRole('link', { name: 'Area inbox' }).click();
    await formFor(manager).getByLabel('Not adopted', { exact: true }).check();
    await formFor(manager).getByRole('button', { name: 'Record decision' }).click();
    await expect(manager.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Give the reason the area did not adopt it',
    );
    await formFor(manager)
      .getByLabel('Reason', { exact: true })
      .fill('South Gloucestershire follows the national procedure from April.');
    await formFor(manager).getByRole('button', { name: 'Record decision' }).click();
    await expect(manager.locator('.govuk-notification-banner').innerText()).resolves.toContain('decision is recorded');
    await expect(formFor(manager).count()).resolves.toBe(0);
    await expect(decisionOf(manager).innerText()).resolves.toMatch(
      /Not adopted\s+Decided\s+23 November 2026\s+Reason\s+South Gloucestershire follows the national procedure from April\./,
    );

    await page.reload();
    await expect(row('South Gloucestershire').innerText()).resolves.toContain(
      'South Gloucestershire follows the national procedure from April.',
    );
  });

  it('shows an area’s inbox with unacknowledged items first and acknowledges one', async () => {
    // A signed head of the log flows down to every area; the inbox must not present it as work.
    await app.api.app.get(IntegrityMonitor).signIfDue();
    const page = await open();
    await signIn(page, 'area business manager (Bristol)');
    await page.getByRole('link', { name: 'Area inbox' }).click();
    const rows = page.locator('table', { hasText: 'What flowed down' }).locator('tbody tr');
    const flowedDown = await page.locator('table', { hasText: 'What flowed down' }).innerText();
    // Titles are worded for people: no ISO day, no code; the API keeps them exact for systems.
    expect(flowedDown).toContain('Minutes of the meeting of 12 March 2026');
    expect(flowedDown).toContain('Safeguarding adolescents week (cascade by 5 December 2026)');
    expect(flowedDown).not.toMatch(/\d{4}-\d{2}-\d{2}|[A-Z]+_[A-Z]+|Signed tree head/);
    // Entered on the demo's day, the minutes still say the day they were published, beside when they were recorded.
    await expect(
      page.locator('table', { hasText: 'What flowed down' }).locator('thead th').allInnerTexts(),
    ).resolves.toEqual(['Item', 'Kind', 'Happened', 'Recorded', 'Acknowledged']);
    await expect(rows.filter({ hasText: 'Minutes of the meeting of 12 March 2026' }).innerText()).resolves.toMatch(
      /^Minutes of the meeting of 12 March 2026\tMinutes published\t30 March 2026\t23 November 2026 at \S+\t/,
    );
    await expect(page.locator('main').innerText()).resolves.toMatch(
      /The platform also sent Bristol \d+ signed heads? of its log, the latest on \d+ \w+ 2026 covering the first \d+ records\./,
    );
    const first = await rows.first().innerText();
    await expect(rows.last().innerText()).resolves.toContain('Acknowledged');
    const before = await page.locator('main p').first().innerText();
    const acknowledgeNames = await buttonNames(page, /^Acknowledge /);
    expect(acknowledgeNames.length).toBeGreaterThan(1);
    expect(new Set(acknowledgeNames).size).toBe(acknowledgeNames.length);
    await rows.first().getByRole('button').click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain('is acknowledged');
    const title = first.split('\t')[0];
    await expect(page.locator('tr', { hasText: title }).first().innerText()).resolves.toContain('Acknowledged');
    expect(await page.locator('main p').nth(1).innerText()).not.toEqual(before);
    await checkPage(page, 'inbox');
  });

  it('names the area in the region inbox’s repeated buttons, for those who hear the page', async () => {
    const page = await open();
    await signIn(page, 'chair');
    await page.goto(`${groupUrl()}/inbox`);
    const names = await buttonNames(page, /^Acknowledge /);
    expect(names).toContain('Acknowledge Yearly report 2025-26 from Somerset');
    expect(names).toContain('Acknowledge Yearly report 2025-26 from North Somerset');
    expect(new Set(names).size).toBe(names.length);
    await checkPage(page, 'region-inbox');
  });

  it('lists my tasks by status with the overdue marked, and starts and completes one', async () => {
    const page = await open();
    await signIn(page, 'workstream lead (task and finish)');
    await page.getByRole('link', { name: 'My tasks' }).click();
    await checkPage(page, 'tasks');
    await page.getByRole('button', { name: /^Start.*Draft the protocol$/ }).click();
    await expect(page.locator('.govuk-notification-banner').innerText()).resolves.toContain(
      '“Draft the protocol” is in progress.',
    );
    await page.getByRole('button', { name: /^Mark as done.*Draft the protocol$/ }).click();
    await expect(page.locator('h2', { hasText: 'Done' }).count()).resolves.toBe(1);
    await expect(page.locator('.govuk-summary-card', { hasText: 'Draft the protocol' }).count()).resolves.toBe(1);

    // The demo's own tokens for the owners of the overdue and the blocked task.
    const overdueOwner = await open();
    await signIn(overdueOwner, 'task owner (overdue task)');
    await overdueOwner.getByRole('link', { name: 'My tasks' }).click();
    await expect(
      overdueOwner.locator('.govuk-summary-card', { hasText: 'Agree a shared data set' }).innerText(),
    ).resolves.toContain('Overdue');
    const blockedOwner = await open();
    await signIn(blockedOwner, 'task owner (blocked task)');
    await blockedOwner.getByRole('link', { name: 'My tasks' }).click();
    const blocked = await blockedOwner
      .locator('.govuk-summary-card', { hasText: 'Align police referral triggers' })
      .innerText();
    expect(blocked).toContain('Overdue');
    expect(blocked).toContain('Waiting for the force data protection review.');
  });

  it('shows auditors the verified signed head and the history by filter, and downloads it', async () => {
    const page = await open();
    await signIn(page, 'auditor');
    await page.getByRole('link', { name: 'Audit' }).click();
    await expect(page.locator('h2').allInnerTexts()).resolves.toContain('Integrity of the history');
    await expect(page.locator('.govuk-summary-list').innerText()).resolves.toContain('Verified');
    await checkPage(page, 'audit');

    await page.getByLabel('Entity id').fill(pastMeetingId);
    await page.getByRole('button', { name: 'Show history' }).click();
    const events = page.locator('table', { hasText: 'Events, in the order recorded' });
    // Each event's type in words, the exact type kept beside them for matching the export.
    await expect(events.innerText()).resolves.toContain('Meeting scheduled');
    await expect(events.innerText()).resolves.toContain('Decision recorded');
    await expect(events.innerText()).resolves.not.toContain('MeetingScheduled');
    await expect(events.locator('span[title="MeetingScheduled"]').first().innerText()).resolves.toBe(
      'Meeting scheduled',
    );
    const matching = Number(/(\d+) events? match/.exec(await page.locator('main').innerText())?.[1]);
    expect(matching).toBeGreaterThan(3);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download them all (JSON Lines)' }).click(),
    ]);
    const lines = (await streamText(await download.createReadStream())).trim().split('\n');
    expect(lines).toHaveLength(matching);
    expect(lines.map((line) => (JSON.parse(line) as { streamId: string }).streamId)).toEqual(
      Array(matching).fill(`meeting-${pastMeetingId}`),
    );

    // The head downloaded now, checked later on the same page: it holds; altered, it does not.
    const [headFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the signed head (JSON)' }).click(),
    ]);
    const kept = await streamText(await headFile.createReadStream());
    await page.getByRole('button', { name: 'Check the head' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Paste the signed head you kept: the head.json downloaded from this page',
    );
    await page.getByLabel('Check a head you kept').fill(kept);
    await page.getByRole('button', { name: 'Check the head' }).click();
    await expect(page.locator('#witness-verdict').innerText()).resolves.toMatch(
      /^The history you kept holds: the first \d+ of \d+ events still have root [0-9a-f]{64}\.$/,
    );
    const altered = { ...(JSON.parse(kept) as { rootHash: string }), rootHash: 'f'.repeat(64) };
    await page.getByLabel('Check a head you kept').fill(JSON.stringify(altered));
    await page.getByRole('button', { name: 'Check the head' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'The head was not signed by this log',
    );

    await page.getByLabel('Entity id').fill('no-such-entity');
    await page.getByRole('button', { name: 'Show history' }).click();
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain('There is a problem');
    await checkPage(page, 'audit-refused-filter');
  });

  it('submits every kind of form with JavaScript off', async () => {
    const page = await open(false);
    await signIn(page, 'representative (health)');
    await page.goto(`${app.api.url}/tasks`);
    const card = page.locator('.govuk-summary-card', { hasText: 'Agree a shared data set' });
    await card
      .getByLabel('Reason for blocking “Agree a shared data set on missing episodes”')
      .fill('Waiting for the police data.');
    await card.getByRole('button', { name: /Block task/ }).click();
    await expect(
      page.locator('.govuk-summary-card', { hasText: 'Agree a shared data set' }).innerText(),
    ).resolves.toContain('Waiting for the police data.');

    const manager = await open(false);
    await manager.goto(`${app.api.url}/sign-in`);
    await manager.getByLabel('Or paste a token').fill(bathToken);
    await manager.getByRole('button', { name: 'Sign in' }).click();
    await manager.getByRole('link', { name: 'Area inbox' }).click();
    await manager
      .locator('table', { hasText: 'What flowed down' })
      .locator('tbody tr')
      .first()
      .getByRole('button')
      .click();
    await expect(manager.locator('.govuk-notification-banner').innerText()).resolves.toContain('is acknowledged');
    await manager.locator('form[action$="/policy-decision"]').first().getByRole('button').click();
    await expect(manager.locator('.govuk-error-summary').innerText()).resolves.toContain('Select the area’s decision');

    const chair = await open(false);
    await signIn(chair, 'chair');
    await chair.goto(`${groupUrl()}/meetings/${anotherMeetingId}`);
    await chair.getByRole('button', { name: 'Open the meeting' }).click();
    await chair.getByRole('button', { name: 'Record decision' }).click();
    await expect(chair.locator('.govuk-error-summary').innerText()).resolves.toContain('Enter the decision');
    await chair.goto(groupUrl());
    await chair.getByLabel('Day').fill('1');
    await chair.getByLabel('Month').fill('3');
    await chair.getByLabel('Year').fill('2020');
    await chair.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(chair.locator('.govuk-caption-l').innerText()).resolves.toContain('1 March 2020');
    await chair.getByRole('button', { name: 'Sign out' }).click();
    await expect(chair.locator('h1').innerText()).resolves.toBe('Sign in');
  });
});
