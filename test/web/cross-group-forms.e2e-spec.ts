import { ACCESS_STREAM } from '@app/domain';
import { Browser, Locator, Page, Response } from 'playwright-core';
import { TASK_AND_FINISH } from '../../apps/cli/src/demo/workstreams';
import { describeWithChromium, launchChromium, openSignedIn } from '../support/chromium';
import { DemoApp, startDemoApp } from '../support/demo-app';

// A real browser on a shared 2-core machine: each test gets more than Jest's default minute to finish.
jest.setTimeout(300_000);

const TO_DO_TASK = 'Draft the protocol';
const IN_PROGRESS_TASK = 'Agree a shared data set on missing episodes';
const BLOCKED_TASK = 'Align police referral triggers';

/**
 * A workstream's or meeting's forms sent under the address of a group it is not one of (an edited
 * address): no page is there, so the person is told "Page not found" and nothing is recorded; a
 * group's calendar form sent for a group the person may not read records nothing either.
 */
describeWithChromium('a form sent under another group’s address, in Chromium, over the demo data', () => {
  let app: DemoApp;
  let browser: Browser;
  let otherGroupId: string;
  let meetingId: string;

  beforeAll(async () => {
    app = await startDemoApp({ load: ['meetings', 'workstreams', 'policies'] });
    const admin = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const { data, errors } = await app.api.graphql<T>(query, variables);
      expect(errors).toBeUndefined();
      return data as T;
    };
    otherGroupId = (
      await admin<{ establishRegionalGroup: { id: string } }>(
        'mutation($i: EstablishRegionalGroupInput!) { establishRegionalGroup(input: $i) { id } }',
        { i: { name: 'Wessex Safeguarding Partnership', areas: [{ name: 'Dorset' }] } },
      )
    ).establishRegionalGroup.id;
    // The demo group's meeting of today, open, for its attendance and decision forms.
    meetingId = (
      await admin<{ scheduleMeeting: { id: string } }>(
        'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
        { i: { groupId: app.demo.groupId, startsAt: '2026-11-23T08:00:00.000Z', place: 'Bristol City Hall' } },
      )
    ).scheduleMeeting.id;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.api.stop();
  });

  const signedIn = (who: string): Promise<Page> => openSignedIn(browser, app.api.url, who);
  const underGroup = (groupId: string) => `/groups/${groupId}/`;

  /** Sends `form`, as the page wrote it and as filled, to its address under the other group instead. */
  const sentUnderOtherGroup = async (page: Page, form: Locator): Promise<Response | null> => {
    const [response] = await Promise.all([
      page.waitForNavigation(),
      form.evaluate(
        (element, [own, other]) => {
          element.setAttribute('action', (element.getAttribute('action') ?? '').replace(own, other));
          (element as unknown as { submit: () => void }).submit();
        },
        [underGroup(app.demo.groupId), underGroup(otherGroupId)],
      ),
    ]);
    return response;
  };
  const expectNotFound = async (page: Page, response: Response | null, sentence: string) => {
    expect(response?.status()).toBe(404);
    // Answered at the form's own address, not after a redirect a change would have made.
    expect(response?.request().redirectedFrom()).toBeNull();
    await expect(page.locator('h1').innerText()).resolves.toBe('Page not found');
    await expect(page.locator('main').innerText()).resolves.toContain(sentence);
  };

  it('records no task and no status report, and changes no task, of a workstream under another group', async () => {
    const lead = await signedIn('workstream lead (task and finish)');
    const workstreamUrl = `${app.api.url}/groups/${app.demo.groupId}/workstreams/${app.workstreams.taskAndFinishId}`;
    const notTheGroups = `The workstream ${TASK_AND_FINISH.name} is not one of this group’s.`;
    const card = (title: string) => lead.locator('.govuk-summary-card', { hasText: title });
    const formWith = (button: string) => lead.locator('form', { has: lead.getByRole('button', { name: button }) });
    await lead.goto(workstreamUrl);
    const before = await lead.locator('main').innerText();

    await lead.getByLabel('Title').fill('Brief the Dorset partners');
    await lead.getByLabel('Owner').selectOption({ index: 0 });
    const due = lead.getByRole('group', { name: 'Due date' });
    await due.getByLabel('Day').fill('1');
    await due.getByLabel('Month').fill('2');
    await due.getByLabel('Year').fill('2027');
    await expectNotFound(lead, await sentUnderOtherGroup(lead, formWith('Add task')), notTheGroups);

    await lead.goto(workstreamUrl);
    await lead.getByLabel('Red', { exact: true }).check();
    await lead.getByLabel('Note').fill('Reported under the wrong group.');
    await expectNotFound(lead, await sentUnderOtherGroup(lead, formWith('Send status report')), notTheGroups);

    for (const [button, fill] of [
      [`Start ${TO_DO_TASK}`, null],
      [`Block task ${TO_DO_TASK}`, `Reason for blocking “${TO_DO_TASK}”`],
      [`Mark as done ${IN_PROGRESS_TASK}`, null],
      [`Unblock ${BLOCKED_TASK}`, null],
    ] as const) {
      await lead.goto(workstreamUrl);
      if (fill) await lead.getByLabel(fill).fill('Blocked under the wrong group.');
      await expectNotFound(lead, await sentUnderOtherGroup(lead, formWith(button)), notTheGroups);
    }

    await lead.goto(workstreamUrl);
    await expect(lead.locator('main').innerText()).resolves.toBe(before);
    await expect(card('Brief the Dorset partners').count()).resolves.toBe(0);
    await expect(
      card(TO_DO_TASK)
        .getByRole('button', { name: `Start ${TO_DO_TASK}` })
        .count(),
    ).resolves.toBe(1);
    await expect(card(BLOCKED_TASK).innerText()).resolves.toContain('Blocked because');
    await lead.context().close();
  });

  it('opens no meeting and records no attendance or decision under another group, nor shows the meeting there', async () => {
    const chair = await signedIn('chair');
    const meetingUrl = `${app.api.url}/groups/${app.demo.groupId}/meetings/${meetingId}`;
    const notTheGroups = 'The meeting on 23 November 2026 is not one of this group’s.';
    const recorded = async () =>
      (
        await app.api.graphql<{ meeting: { status: string; attendance: { status: string | null }[]; decisions: [] } }>(
          'query($m: ID!) { meeting(id: $m) { status attendance { status } decisions { id } } }',
          { m: meetingId },
        )
      ).data?.meeting;

    await chair.goto(meetingUrl);
    await expectNotFound(chair, await sentUnderOtherGroup(chair, chair.locator('form[action$="/open"]')), notTheGroups);
    await expect(recorded()).resolves.toMatchObject({ status: 'SCHEDULED' });

    await chair.goto(meetingUrl);
    await chair.getByRole('button', { name: 'Open the meeting' }).click();
    // Quorate, so that a decision sent under the right group would be recorded.
    const appointmentIds = await chair
      .locator('#appointment option')
      .evaluateAll((all) => all.map((option) => option.getAttribute('value') ?? '').filter(Boolean));
    for (const appointmentId of appointmentIds.slice(0, 7)) {
      const { errors } = await app.api.graphql(
        'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
        { i: { meetingId, appointmentId, status: 'PRESENT' } },
      );
      expect(errors).toBeUndefined();
    }
    const before = await recorded();

    await chair.goto(meetingUrl);
    await chair.getByLabel('Representative').selectOption(appointmentIds[7]);
    await chair.getByLabel('Absent', { exact: true }).check();
    await expectNotFound(
      chair,
      await sentUnderOtherGroup(chair, chair.locator('form[action$="/attendance"]')),
      notTheGroups,
    );
    await chair.goto(meetingUrl);
    await chair.getByLabel('Decision').fill('Agree the Dorset partners’ joining plan.');
    await expectNotFound(
      chair,
      await sentUnderOtherGroup(chair, chair.locator('form[action$="/decisions"]')),
      notTheGroups,
    );
    await expect(recorded()).resolves.toEqual(before);
    expect(before?.decisions).toEqual([]);

    await chair.context().close();

    // An administrator reads both groups' pages: the meeting's is under its own group only.
    const administrator = await signedIn('administrator');
    const shown = await administrator.goto(`${app.api.url}/groups/${otherGroupId}/meetings/${meetingId}`);
    await expectNotFound(administrator, shown, notTheGroups);
    await expect(administrator.locator('main').innerText()).resolves.not.toContain('Bristol City Hall');
    await administrator.context().close();
  });

  it('issues no calendar address for a group the person may not read', async () => {
    const chair = await signedIn('chair');
    const issued = async () =>
      (await app.api.store.readStream(ACCESS_STREAM)).filter((event) => event.type === 'CalendarTokenIssued').length;
    const before = await issued();
    await chair.goto(`${app.api.url}/groups/${app.demo.groupId}/meetings`);
    const sent = await sentUnderOtherGroup(chair, chair.locator('form[action$="/calendar"]'));
    expect(sent?.status()).toBe(403);
    await expect(chair.locator('h1').innerText()).resolves.toBe('You cannot see this page');
    await expect(chair.locator('#calendar-url').count()).resolves.toBe(0);
    await expect(issued()).resolves.toBe(before);
    await chair.context().close();
  });
});
