import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

/**
 * Real-world dates, kept apart from recording times (A3): the demo enters the partnership's
 * history since 2019 in November 2026, and a date that is in the future, or before the thing it
 * is about existed, is refused and writes nothing.
 */
describe('business dates entered after the fact', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  const TODAY = '2026-11-23';

  const lastPosition = async () => api.store.lastPosition();
  const refused = async (mutation: string, inputType: string, input: Record<string, unknown>, selection = 'id') => {
    const before = await lastPosition();
    const { errors } = await api.graphql(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} } }`,
      {
        input,
      },
    );
    expect(await lastPosition()).toBe(before);
    return { code: errors?.[0].extensions?.code, message: errors?.[0].message };
  };
  const groupChange = (mutation: string, inputType: string, input: Record<string, unknown>) =>
    refused(mutation, inputType, { groupId: demo.groupId, ...input }, 'group { id }');

  beforeAll(async () => {
    ({ api, demo } = await startDemoApp({ clockNow: `${TODAY}T09:00:00.000Z`, load: [] }));
  });
  afterAll(async () => api.stop());

  it('records the March 2020 meeting on the membership of 12 March 2020: CCG seats, quorum 7, quorate with 8', async () => {
    const { data } = await api.graphql<{
      meeting: { quorum: object; attendance: { name: string; partnerName: string; status: string }[] };
    }>(
      `query($id: ID!) { meeting(id: $id) { status quorum { required present isQuorate }
         attendance { name partnerName status } decisions { text } } }`,
      { id: demo.march2020MeetingId },
    );
    expect(data?.meeting.quorum).toEqual({ required: 7, present: 8, isQuorate: true });
    expect(data?.meeting.attendance).toHaveLength(10);
    expect(data?.meeting.attendance).toContainEqual({
      name: 'Lisa Harvey',
      partnerName: 'NHS BANES CCG',
      status: 'APOLOGIES',
    });
    expect(data?.meeting.attendance.map((seat) => seat.partnerName)).not.toContain('NHS Somerset ICB');
  });

  it('refuses a chair taking up the post tomorrow (VALIDATION_FAILED)', async () => {
    const refusal = await groupChange('appointChair', 'AppointChairInput', {
      appointmentId: demo.appointmentIds['jacqui-jensen'],
      from: '2026-11-24',
    });
    expect(refusal).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The date the chair takes up the post (2026-11-24) is in the future; record it once it has happened.',
    });
  });

  it('refuses a chair from before their appointment began (OUT_OF_RANGE)', async () => {
    const refusal = await groupChange('appointDeputyChair', 'AppointChairInput', {
      appointmentId: demo.appointmentIds['lisa-harvey'],
      from: '2019-05-31',
    });
    expect(refusal.code).toBe('OUT_OF_RANGE');
    expect(refusal.message).toMatch(/before Lisa Harvey's appointment began \(2019-06-01\)/);
  });

  it('refuses a representative appointed before their partner was admitted (OUT_OF_RANGE)', async () => {
    const { data } = await api.graphql<{ registerPerson: { personId: string } }>(
      'mutation { registerPerson(input: { name: "Pat Early" }) { personId } }',
    );
    const refusal = await groupChange('appointRepresentative', 'AppointRepresentativeInput', {
      personId: data?.registerPerson.personId,
      partnerId: demo.partnerIds['banes-icb'],
      title: 'Director of Nursing',
      role: 'MEMBER',
      seniority: 'DIRECTOR',
      startDate: '2022-06-30',
    });
    expect(refusal.code).toBe('OUT_OF_RANGE');
    expect(refusal.message).toMatch(/The start date \(2022-06-30\) is before .* ICB was admitted \(2022-07-01\)/);
  });

  it('refuses a partner admitted before the group was established (OUT_OF_RANGE)', async () => {
    const refusal = await groupChange('admitCorePartner', 'AdmitCorePartnerInput', {
      name: 'Avon Fire and Rescue',
      agencyType: 'LOCAL_AUTHORITY',
      areaIds: [demo.areaIds.Bristol],
      admittedOn: '2019-05-01',
    });
    expect(refusal.code).toBe('OUT_OF_RANGE');
  });

  it('refuses a contribution agreed in the future, or before its partner was admitted', async () => {
    const input = { partnerId: demo.partnerIds['banes-icb'], financialYear: '2022/23', amountPence: 100 };
    expect(
      (await groupChange('agreeFundingContribution', 'FundingContributionInput', { ...input, on: '2027-01-01' })).code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await groupChange('agreeFundingContribution', 'FundingContributionInput', { ...input, on: '2022-03-01' })).code,
    ).toBe('OUT_OF_RANGE');
  });

  it.each([
    ['30/11/2020', 'must be a date written YYYY-MM-DD'],
    ['2021-02-29', '(2021-02-29) is not a real date'],
    ['2020-13-01', '(2020-13-01) is not a real date'],
  ])(
    'refuses a day given as %j, naming the field and saying what is wrong (VALIDATION_FAILED)',
    async (day, problem) => {
      const input = { partnerId: demo.partnerIds['banes-icb'], financialYear: '2022/23', amountPence: 100, on: day };
      expect(await groupChange('agreeFundingContribution', 'FundingContributionInput', input)).toEqual({
        code: 'VALIDATION_FAILED',
        message: `on ${problem}.`,
      });
      expect(
        await groupChange('recordTermsOfReferenceReview', 'RecordTermsOfReferenceReviewInput', {
          reviewedOn: day,
          notes: 'Reviewed.',
        }),
      ).toEqual({ code: 'VALIDATION_FAILED', message: `reviewedOn ${problem}.` });
    },
  );

  it('refuses a review of the terms dated in the future', async () => {
    const refusal = await groupChange('recordTermsOfReferenceReview', 'RecordTermsOfReferenceReviewInput', {
      reviewedOn: '2026-12-01',
      notes: 'Not yet.',
    });
    expect(refusal.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a meeting before the group was established (OUT_OF_RANGE)', async () => {
    const refusal = await refused('scheduleMeeting', 'ScheduleMeetingInput', {
      groupId: demo.groupId,
      startsAt: '2019-03-14T10:00:00Z',
      place: 'Portishead',
    });
    expect(refusal.code).toBe('OUT_OF_RANGE');
  });

  it('refuses to open a meeting whose day has not come (VALIDATION_FAILED)', async () => {
    const { data } = await api.graphql<{ scheduleMeeting: { id: string } }>(
      'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
      {
        i: { groupId: demo.groupId, startsAt: '2026-12-10T10:00:00Z', place: 'Portishead' },
      },
    );
    const meetingId = data?.scheduleMeeting.id;
    const mayOpen = async (id: string | undefined) =>
      (await api.graphql<{ meeting: { mayOpen: boolean } }>('query($id: ID!) { meeting(id: $id) { mayOpen } }', { id }))
        .data?.meeting.mayOpen;
    await expect(mayOpen(meetingId)).resolves.toBe(false);
    const refusal = await refused('openMeeting', 'MeetingIdInput', { meetingId });
    expect(refusal).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'The meeting’s date (2026-12-10) is in the future; record it once it has happened.',
    });
    const held = await api.graphql<{ scheduleMeeting: { id: string } }>(
      'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
      { i: { groupId: demo.groupId, startsAt: `${TODAY}T08:00:00Z`, place: 'Portishead' } },
    );
    await expect(mayOpen(held.data?.scheduleMeeting.id)).resolves.toBe(true);
  });

  it('refuses a group established in the future', async () => {
    const refusal = await refused('establishRegionalGroup', 'EstablishRegionalGroupInput', {
      name: 'Future Partnership',
      areas: [{ name: 'Somewhere' }],
      establishedOn: '2027-04-01',
    });
    expect(refusal.code).toBe('VALIDATION_FAILED');
  });

  it('dates a change sent without a date today in London', async () => {
    const { data } = await api.graphql<{ agreeFundingContribution: { group: { id: string } } }>(
      `mutation($input: FundingContributionInput!) { agreeFundingContribution(input: $input) { group { id } } }`,
      { input: { groupId: demo.groupId, partnerId: demo.partnerIds.police, financialYear: '2026/27', amountPence: 1 } },
    );
    expect(data?.agreeFundingContribution.group.id).toBe(demo.groupId);
    const [last] = (await api.store.readStream(`regional-group-${demo.groupId}`)).slice(-1);
    expect(last.data).toMatchObject({ financialYear: '2026/27', agreedOn: TODAY });
  });
});
