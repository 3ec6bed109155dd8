import { REPRESENTATIVES } from '../apps/cli/src/demo/avon-and-somerset';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { startDemoApp } from './support/demo-app';
import { GraphqlResponse, TestApp } from './support/test-app';

/** An id in the platform's own format that names nothing. */
const UNKNOWN = '0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54';

describe('ids name something, and free text says something (references and input)', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let chair: string;
  let meetingId: string;

  /** A query or mutation that must succeed, typed by what the test reads from it. */
  async function ask<T>(query: string, variables: Record<string, unknown>, token: string = chair): Promise<T> {
    const { data, errors } = await api.graphql<T>(query, variables, token);
    if (errors || !data) throw new Error(`${errors?.[0].extensions?.code}: ${errors?.[0].message}`);
    return data;
  }
  const code = (response: GraphqlResponse) => response.errors?.[0].extensions?.code;
  const position = async () => (await api.store.lastPosition()) ?? 0;

  /** The mutation is refused with `expected` and nothing is recorded. */
  async function refusedWithoutWriting(
    mutation: string,
    inputType: string,
    input: Record<string, unknown>,
    expected: string,
    token: string = chair,
  ): Promise<GraphqlResponse> {
    const before = await position();
    const response = await api.graphql(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
      { input },
      token,
    );
    expect(code(response)).toBe(expected);
    expect(response.errors?.[0].message).toMatch(/^\S.*\.$/s);
    expect((response.data?.[mutation] as unknown) ?? null).toBeNull();
    expect(await position()).toBe(before);
    return response;
  }

  beforeAll(async () => {
    const app = await startDemoApp({ load: [] });
    ({ api, demo } = app);
    chair = await app.tokenOf('sheila-smith');
    const { scheduleMeeting } = await ask<{ scheduleMeeting: { id: string } }>(
      'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
      {
        i: { groupId: demo.groupId, startsAt: '2026-11-23T08:00:00Z', place: 'Constabulary Headquarters, Portishead' },
      },
      chair,
    );
    meetingId = scheduleMeeting.id;
  });
  afterAll(async () => api.stop());

  describe('a query or subscription asked about an id that names nothing is NOT_FOUND', () => {
    it.each([
      ['regionalGroup', 'query($id: ID!) { regionalGroup(id: $id) { id } }', /no regional group with id/],
      ['meeting', 'query($id: ID!) { meeting(id: $id) { id } }', /no meeting with id/],
      ['workstream', 'query($id: ID!) { workstream(id: $id) { id } }', /no workstream with id/],
      ['policy', 'query($id: ID!) { policy(id: $id) { id } }', /no policy with id/],
      ['areaFeed', 'query($id: ID!) { areaFeed(areaId: $id) { totalCount } }', /no area with id/],
      ['tasks by group', 'query($id: ID!) { tasks(groupId: $id) { totalCount } }', /no regional group with id/],
      ['tasks by workstream', 'query($id: ID!) { tasks(workstreamId: $id) { totalCount } }', /no workstream with id/],
      ['tasks by owner', 'query($id: ID!) { tasks(ownerId: $id) { totalCount } }', /knows nobody with person id/],
      ['recommendations', 'query($id: ID!) { recommendations(groupId: $id) { id } }', /no regional group with id/],
      [
        'policiesDueForReview',
        'query($id: ID!) { policiesDueForReview(groupId: $id) { id } }',
        /no regional group with id/,
      ],
      [
        'feedItemAcknowledgements',
        'query($id: ID!) { feedItemAcknowledgements(subjectId: $id) { areaId } }',
        /no minutes, workstream, policy, notice or communication with id/,
      ],
    ])('%s', async (_query, query, message) => {
      for (const id of [UNKNOWN, 'not-a-uuid']) {
        const response = await api.graphql(query, { id });
        expect(code(response)).toBe('NOT_FOUND');
        expect(response.errors?.[0].message).toMatch(message);
        expect(response.errors?.[0].message).toContain(id);
      }
    });

    it('recommendations to a partner the group does not have', async () => {
      const response = await api.graphql(
        'query($g: ID!, $p: ID!) { recommendations(groupId: $g, partnerId: $p) { id } }',
        {
          g: demo.groupId,
          p: UNKNOWN,
        },
      );
      expect(code(response)).toBe('NOT_FOUND');
      expect(response.errors?.[0].message).toBe(`The group has no core partner with id ${UNKNOWN}.`);
    });

    it('an area that exists answers, even with an empty feed', async () => {
      const { areaFeed } = await ask<{ areaFeed: { totalCount: number } }>(
        'query($a: ID!) { areaFeed(areaId: $a) { totalCount } }',
        {
          a: demo.areaIds.Bristol,
        },
      );
      expect(areaFeed.totalCount).toBeGreaterThanOrEqual(0);
    });

    it('the areaFeed subscription is refused when it starts, and the socket goes on serving other operations', async () => {
      const client = api.subscriptionClient();
      const run = (query: string, variables: Record<string, unknown>) =>
        new Promise<GraphqlResponse>((resolve) => {
          const stop = client.subscribe(
            { query, variables },
            {
              next: (result) => {
                stop();
                resolve({ status: 200, ...(result as object) });
              },
              error: (errors) => resolve({ status: 200, errors: Array.isArray(errors) ? errors : [] }),
              complete: () => undefined,
            },
          );
        });
      const refused = await run('subscription($a: ID!) { areaFeed(areaId: $a) { cursor } }', { a: UNKNOWN });
      expect(code(refused)).toBe('NOT_FOUND');
      expect(refused.errors?.[0].message).toBe(`There is no area with id ${UNKNOWN}.`);

      const after = await run('query($id: ID!) { regionalGroup(id: $id) { name } }', { id: demo.groupId });
      expect(after.errors).toBeUndefined();
      expect((after.data as { regionalGroup: { name: string } }).regionalGroup.name).toBe(
        'Avon and Somerset Strategic Safeguarding Partnership',
      );
    });
  });

  describe('draftPolicy names its owning workstream by a real workstream id', () => {
    const draft = (workstreamId: string) => ({
      groupId: demo.groupId,
      title: 'Regional escalation procedure',
      workstreamId,
      body: 'https://procedures.example/escalation',
    });

    it.each([[''], ['not-a-uuid']])(
      'refuses the malformed workstream id %j as NOT_FOUND, as the query of a workstream does',
      async (workstreamId) => {
        const response = await refusedWithoutWriting(
          'draftPolicy',
          'DraftPolicyInput',
          draft(workstreamId),
          'NOT_FOUND',
        );
        expect(response.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', field: 'workstreamId' });
        expect(response.errors?.[0].message).toMatch(/^workstreamId names nothing: it must be an id this API gave out/);
        const asked = await api.graphql('query($id: ID!) { workstream(id: $id) { id } }', { id: workstreamId }, chair);
        expect(code(asked)).toBe('NOT_FOUND');
      },
    );

    it('refuses a malformed workstream id with an empty title as VALIDATION_FAILED, naming both', async () => {
      const response = await refusedWithoutWriting(
        'draftPolicy',
        'DraftPolicyInput',
        { ...draft('not-a-uuid'), title: ' ' },
        'VALIDATION_FAILED',
      );
      expect(
        (response.errors?.[0].extensions?.problems as { field: string }[]).map((problem) => problem.field).sort(),
      ).toEqual(['title', 'workstreamId']);
    });

    it("refuses a meeting's id as NOT_FOUND: it names no workstream", async () => {
      const response = await refusedWithoutWriting('draftPolicy', 'DraftPolicyInput', draft(meetingId), 'NOT_FOUND');
      expect(response.errors?.[0].message).toBe(`There is no workstream with id ${meetingId}.`);
    });

    it('leaves the group without any policy', async () => {
      const { regionalGroup } = await ask<{ regionalGroup: { policies: unknown[] } }>(
        'query($id: ID!) { regionalGroup(id: $id) { policies { id } } }',
        {
          id: demo.groupId,
        },
      );
      expect(regionalGroup.policies).toEqual([]);
    });
  });

  describe('every other id an input names must name something of the right kind', () => {
    it.each([
      ['openMeeting', 'MeetingIdInput', () => ({ meetingId: UNKNOWN })],
      [
        'scheduleMeeting',
        'ScheduleMeetingInput',
        () => ({ groupId: UNKNOWN, startsAt: '2026-12-01T10:00:00Z', place: 'Portishead' }),
      ],
      ['retirePolicy', 'RetirePolicyInput', () => ({ policyId: UNKNOWN, reason: 'Superseded.' })],
      [
        'reportWorkstreamStatus',
        'ReportWorkstreamStatusInput',
        () => ({ workstreamId: UNKNOWN, rag: 'GREEN', note: 'On track.' }),
      ],
      ['grantRole', 'RoleInput', () => ({ personId: UNKNOWN, role: 'AUDITOR' })],
      [
        'appointRepresentative',
        'AppointRepresentativeInput',
        () => ({
          groupId: demo.groupId,
          personId: UNKNOWN,
          partnerId: demo.partnerIds.police,
          title: 'Detective Superintendent',
          role: 'DELEGATED_SAFEGUARDING_PARTNER',
          seniority: 'DIRECTOR',
          startDate: '2026-11-01',
        }),
      ],
      ['appointChair', 'AppointChairInput', () => ({ groupId: demo.groupId, appointmentId: meetingId })],
      ['approvePolicy', 'ApprovePolicyInput', () => ({ policyId: UNKNOWN, meetingId, decisionId: UNKNOWN })],
    ])('%s is refused with NOT_FOUND for an id that names nothing', async (mutation, inputType, input) => {
      await refusedWithoutWriting(mutation, inputType, input(), 'NOT_FOUND', api.adminToken as string);
    });

    it('a malformed id in a list names nothing, like any other', async () => {
      const response = await refusedWithoutWriting(
        'issueRegionalCommunication',
        'IssueRegionalCommunicationInput',
        {
          groupId: demo.groupId,
          title: 'Winter pressures',
          body: 'Read this.',
          areaIds: ['Bristol'],
          cascadeBy: '2026-12-01',
        },
        'NOT_FOUND',
      );
      expect(response.errors?.[0].message).toMatch(/areaIds names nothing: it must be an id this API gave out/);
    });
  });

  describe('free text is bounded and must say something', () => {
    beforeAll(async () => {
      await ask('mutation($i: MeetingIdInput!) { openMeeting(input: $i) { id } }', { i: { meetingId } }, chair);
      for (const rep of REPRESENTATIVES) {
        await ask(
          'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
          { i: { meetingId, appointmentId: demo.appointmentIds[rep.key], status: 'PRESENT' } },
          chair,
        );
      }
    });

    it('records a 5,000-character decision at a quorate meeting and refuses a 10,000-character one', async () => {
      const decided = await ask<{ recordDecision: { decisions: { text: string }[] } }>(
        'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decisions { text } } }',
        { i: { meetingId, text: 'Agreed. '.repeat(625) } },
        chair,
      );
      expect(decided.recordDecision.decisions[0].text).toHaveLength(4_999);
      const response = await refusedWithoutWriting(
        'recordDecision',
        'RecordDecisionInput',
        { meetingId, text: 'Agreed. '.repeat(1_250) },
        'VALIDATION_FAILED',
      );
      expect(response.errors?.[0].message).toBe('text must be at most 5000 characters long (it has 10000).');
    });

    it.each([
      [
        'a decision of zero-width spaces',
        'recordDecision',
        'RecordDecisionInput',
        () => ({ meetingId, text: '\u200b\u200b\u200b' }),
      ],
      [
        'a meeting place of word joiners',
        'scheduleMeeting',
        'ScheduleMeetingInput',
        () => ({ groupId: demo.groupId, startsAt: '2026-12-01T10:00:00Z', place: '\u2060\u2060' }),
      ],
      [
        'a policy title of Hangul fillers',
        'draftPolicy',
        'DraftPolicyInput',
        () => ({ groupId: demo.groupId, title: '\u3164', body: 'https://procedures.example/escalation' }),
      ],
      // Sent by an administrator, who may register people: anyone else is told only that they may not.
      [
        'a person named with a zero-width joiner',
        'registerPerson',
        'RegisterPersonInput',
        () => ({ name: '\u200d' }),
        () => api.adminToken as string,
      ],
    ])('refuses %s with VALIDATION_FAILED', async (_what, mutation, inputType, input, token = () => chair) => {
      const response = await refusedWithoutWriting(mutation, inputType, input(), 'VALIDATION_FAILED', token());
      expect(response.errors?.[0].message).toMatch(/must contain a visible character\.$/);
    });

    it('refuses a policy summary of invisible characters, though an empty one is fine', async () => {
      await refusedWithoutWriting(
        'draftPolicy',
        'DraftPolicyInput',
        {
          groupId: demo.groupId,
          title: 'Information sharing protocol',
          body: 'https://procedures.example/isp',
          summary: '\u200b',
        },
        'VALIDATION_FAILED',
      );
      const { draftPolicy } = await ask<{ draftPolicy: { draft: { summary: string } } }>(
        'mutation($i: DraftPolicyInput!) { draftPolicy(input: $i) { draft { summary } } }',
        {
          i: {
            groupId: demo.groupId,
            title: 'Information sharing protocol',
            body: 'https://procedures.example/isp',
            summary: '',
          },
        },
        chair,
      );
      expect(draftPolicy.draft.summary).toBe('');
    });
  });

  describe('input that is not Unicode is refused, not a crash', () => {
    it('an e-mail address holding a lone surrogate is VALIDATION_FAILED', async () => {
      const response = await refusedWithoutWriting(
        'registerPerson',
        'RegisterPersonInput',
        { name: 'Jo Bloggs', email: 'jo\ud800@example.org' },
        'VALIDATION_FAILED',
        api.adminToken as string,
      );
      expect(response.errors?.[0].message).toBe('email must be an e-mail address.');
    });

    it('a name holding a lone surrogate is VALIDATION_FAILED', async () => {
      const response = await refusedWithoutWriting(
        'registerPerson',
        'RegisterPersonInput',
        { name: 'Jo \udc00Bloggs' },
        'VALIDATION_FAILED',
        api.adminToken as string,
      );
      expect(response.errors?.[0].message).toMatch(/lone surrogate/);
    });
  });
});
