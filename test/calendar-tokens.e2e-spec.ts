import { DemoApp, startDemoApp } from './support/demo-app';

const ISSUE = `mutation($input: IssueCalendarTokenInput!, $groupId: ID!) {
  issueCalendarToken(input: $input) { tokenId personId issuedAt token calendarUrl(groupId: $groupId) }
}`;
const REVOKE = `mutation($input: RevokeCalendarTokenInput!) {
  revokeCalendarToken(input: $input) { tokenId personId revokedAt }
}`;

describe('calendar tokens', () => {
  let seeded: DemoApp;
  let groupId: string;
  let sheila: string;

  beforeAll(async () => {
    seeded = await startDemoApp({ load: ['meetings'] });
    groupId = seeded.demo.groupId;
    sheila = await seeded.tokenOf('sheila-smith');
  });
  afterAll(() => seeded.api.stop());

  const issue = async (bearer: string | null, input: Record<string, unknown> = {}) =>
    seeded.api.graphql(ISSUE, { input, groupId }, bearer);
  const download = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${seeded.api.url}${path}`, { headers });
  const calendarOf = (group: string, token: string) =>
    download(`/groups/${group}/calendar.ics?token=${encodeURIComponent(token)}`);

  it("serves a representative's calendar to their calendar token until it is revoked", async () => {
    const { data, errors } = await issue(sheila);
    expect(errors).toBeUndefined();
    const issued = data?.issueCalendarToken;
    expect(issued.personId).toBe(seeded.demo.personIds['sheila-smith']);
    expect(issued.calendarUrl).toBe(`/groups/${groupId}/calendar.ics?token=${encodeURIComponent(issued.token)}`);

    const calendar = await download(issued.calendarUrl);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toMatch(/text\/calendar/);
    const body = await calendar.text();
    expect(body).toContain('DTSTART:20261210T100000Z');
    expect(body.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(5);

    const revoked = await seeded.api.graphql(REVOKE, { input: { tokenId: issued.tokenId } }, sheila);
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeCalendarToken).toMatchObject({ tokenId: issued.tokenId, personId: issued.personId });
    const refused = await download(issued.calendarUrl);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/revoked/);

    const again = await seeded.api.graphql(REVOKE, { input: { tokenId: issued.tokenId } }, sheila);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('is refused as a bearer token for the API', async () => {
    const { token } = (await issue(sheila)).data?.issueCalendarToken as { token: string };
    const { data, errors } = await seeded.api.graphql('{ me { personId } }', {}, token);
    expect(data?.me).toBeUndefined();
    expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(errors?.[0].message).toMatch(/only reads calendars/);
  });

  it('refuses an API token in the address, saying to use a calendar token; a bearer header still works', async () => {
    const inAddress = await calendarOf(groupId, sheila);
    expect(inAddress.status).toBe(401);
    expect(await inAddress.text()).toMatch(/calendar token, never an API token/);
    const inHeader = await download(`/groups/${groupId}/calendar.ics`, { authorization: `Bearer ${sheila}` });
    expect(inHeader.status).toBe(200);
    expect(await inHeader.text()).toMatch(/BEGIN:VCALENDAR/);
    expect((await download(`/groups/${groupId}/calendar.ics`)).status).toBe(401);
    expect((await calendarOf(groupId, 'cal_not-a-token-anyone-issued')).status).toBe(401);
  });

  it('answers 403 to a person who may not read the group, and 404 for a group that does not exist', async () => {
    const nobody = await seeded.api.registerPersonWithoutRoles('Nora Nobody');
    const theirs = (await issue(nobody)).data?.issueCalendarToken as { token: string };
    const forbidden = await calendarOf(groupId, theirs.token);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toMatch(/current representatives, administrators and auditors/);

    // An area business manager is not a member of the group (R43).
    const manager = await seeded.tokenOf('bristol-business-manager');
    const managers = (await issue(manager)).data?.issueCalendarToken as { token: string };
    expect((await calendarOf(groupId, managers.token)).status).toBe(403);

    const sheilas = (await issue(sheila)).data?.issueCalendarToken as { token: string };
    expect((await calendarOf('7d3c1a52-0000-4000-8000-000000000000', sheilas.token)).status).toBe(404);
  });

  it("lets an administrator issue anyone's token and the auditor read the calendar, but nobody else issue another's", async () => {
    const sheilaId = seeded.demo.personIds['sheila-smith'];
    const byAdmin = await issue(seeded.api.adminToken, { personId: sheilaId });
    expect(byAdmin.data?.issueCalendarToken.personId).toBe(sheilaId);

    const auditor = await seeded.tokenOf('auditor');
    const auditors = (await issue(auditor)).data?.issueCalendarToken as { token: string };
    expect((await calendarOf(groupId, auditors.token)).status).toBe(200);

    const byAuditor = await issue(auditor, { personId: sheilaId });
    expect(byAuditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const revokeOthers = await seeded.api.graphql(
      REVOKE,
      { input: { tokenId: byAdmin.data?.issueCalendarToken.tokenId } },
      auditor,
    );
    expect(revokeOthers.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('shows the secret only once: a retry with the same idempotency key is refused, not answered with another secret', async () => {
    const first = await issue(sheila, { idempotencyKey: 'calendar-phone-0001' });
    expect(first.errors).toBeUndefined();
    const retry = await issue(sheila, { idempotencyKey: 'calendar-phone-0001' });
    expect(retry.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(retry.errors?.[0].message).toMatch(/shown only once: revoke it and issue a new one/);
  });
});
