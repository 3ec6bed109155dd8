import { randomUUID } from 'node:crypto';
import { CLOCK, Clock } from '@app/platform';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { MARCH_2020_MEETING } from '../apps/cli/src/demo/avon-and-somerset';
import { loadPoliciesAndNotices } from '../apps/cli/src/demo/policies-and-notices';
import { startDemoApp } from './support/demo-app';
import { TestApp, waitUntil } from './support/test-app';

type Decision = { id: string; text: string; originalText: string; correction: { reason: string } | null };
type SeenMeeting = {
  id: string;
  startsAt: string;
  place: string;
  quorum: { required: number; present: number; isQuorate: boolean } | null;
  attendance: { name: string; status: string | null }[];
  decisions: Decision[];
};

const MEETING_FIELDS = `id startsAt place quorum { required present isQuorate } attendance { name status }
  decisions { id text originalText correction { reason } }`;
const MEETING = `query($id: ID!, $asRecordedAt: DateTime) { meeting(id: $id, asRecordedAt: $asRecordedAt) { ${MEETING_FIELDS} } }`;
const GROUP = `query($id: ID!, $asAt: String, $asRecordedAt: DateTime) {
  regionalGroup(id: $id, asAt: $asAt, asRecordedAt: $asRecordedAt) {
    meetings { id place decisions { text } }
    representatives { name partner { name } }
    quorum { representativeCount required }
    funding(financialYear: "2020/21") { amountPence partner { name } }
  } }`;
const HISTORY = `query($filter: HistoryFilter) { history(filter: $filter, first: 100) { edges { node { type reason data } } } }`;

/** An id of the form the API gives out, naming nothing. */
const UNKNOWN = randomUUID();
const ORIGINAL_DECISION = MARCH_2020_MEETING.decision;
const CORRECTED_DECISION =
  'Contributions for 2020/21 agreed as recorded, the police’s in kind; the Resources workstream to propose 2021/22.';
const REASON = 'The approved minutes record the police’s in-kind support as part of the agreement.';

/**
 * A7: corrections are new events with a reason; what the platform showed before stays readable,
 * in the history and as recorded at a moment before the correction. On the demo's seed history.
 */
describe('corrections of decisions, appointments, funding and meetings', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let lisaHarvey: string;
  let decisionId: string;
  let tokenFor: (personId: string) => Promise<string>;
  const now = () => api.app.get<Clock>(CLOCK).now();

  /** A moment before what follows is recorded: the clock has moved past it. */
  const momentBefore = async () => {
    const moment = now();
    await waitUntil(() => now().getTime() > moment.getTime());
    return moment.toISOString();
  };
  const meeting = async (asRecordedAt?: string) => {
    const { data, errors } = await api.graphql<{ meeting: SeenMeeting }>(MEETING, {
      id: demo.march2020MeetingId,
      asRecordedAt,
    });
    expect(errors).toBeUndefined();
    return data?.meeting as SeenMeeting;
  };
  type SeenGroup = {
    meetings: { id: string; place: string; decisions: { text: string }[] }[];
    representatives: { name: string; partner: { name: string } }[];
    quorum: { representativeCount: number; required: number };
    funding: { amountPence: number; partner: { name: string } }[];
  };
  const group = async (variables: { asAt?: string; asRecordedAt?: string }) => {
    const { data, errors } = await api.graphql<{ regionalGroup: SeenGroup }>(GROUP, { id: demo.groupId, ...variables });
    expect(errors).toBeUndefined();
    return data?.regionalGroup as SeenGroup;
  };
  const history = async (entityId: string, types: string[]) => {
    const { data, errors } = await api.graphql<{
      history: { edges: { node: { type: string; reason: string | null; data: string } }[] };
    }>(HISTORY, { filter: { entityId, types } });
    expect(errors).toBeUndefined();
    return data?.history.edges.map((edge) => edge.node) ?? [];
  };
  /** Sends a mutation and returns its first error's code and message. */
  const refusal = async (mutation: string, inputType: string, input: Record<string, unknown>, token?: string) => {
    const { errors, status } = await api.graphql(
      `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename } }`,
      { input },
      token,
    );
    expect(status).not.toBe(500);
    return { code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message };
  };

  beforeAll(async () => {
    const app = await startDemoApp({ load: [] });
    ({ api, demo, mint: tokenFor } = app);
    lisaHarvey = await app.tokenOf('lisa-harvey');
    decisionId = (await meeting()).decisions[0].id;
  });
  afterAll(async () => api.stop());

  describe('correctDecision', () => {
    const CORRECT = 'CorrectDecisionInput';
    const input = (overrides: Record<string, unknown> = {}) => ({
      meetingId: demo.march2020MeetingId,
      decisionId,
      text: CORRECTED_DECISION,
      reason: REASON,
      ...overrides,
    });

    it('refuses an unknown decision or meeting, a missing or empty reason and a representative, changing nothing', async () => {
      const before = await history(demo.march2020MeetingId, ['DecisionCorrected']);
      expect(await refusal('correctDecision', CORRECT, input({ decisionId: UNKNOWN }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await refusal('correctDecision', CORRECT, input({ meetingId: UNKNOWN }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await refusal('correctDecision', CORRECT, input({ reason: undefined }))).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'The reason for the correction must not be empty.',
      });
      expect(await refusal('correctDecision', CORRECT, input({ reason: '  ' }))).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(await refusal('correctDecision', CORRECT, input(), lisaHarvey)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await history(demo.march2020MeetingId, ['DecisionCorrected'])).toEqual(before);
      expect((await meeting()).decisions[0]).toMatchObject({ text: ORIGINAL_DECISION, correction: null });
    });

    it('shows a corrected decision both ways: corrected now, the original in its history and as recorded before', async () => {
      const before = await momentBefore();
      const { errors } = await api.graphql(
        `mutation($input: CorrectDecisionInput!) { correctDecision(input: $input) { id } }`,
        { input: input() },
      );
      expect(errors).toBeUndefined();

      expect((await meeting()).decisions).toEqual([
        { id: decisionId, text: CORRECTED_DECISION, originalText: ORIGINAL_DECISION, correction: { reason: REASON } },
      ]);
      expect((await meeting(before)).decisions).toEqual([
        { id: decisionId, text: ORIGINAL_DECISION, originalText: ORIGINAL_DECISION, correction: null },
      ]);
      const shownBefore = await group({ asRecordedAt: before });
      expect(shownBefore.meetings.find((m) => m.id === demo.march2020MeetingId)?.decisions).toEqual([
        { text: ORIGINAL_DECISION },
      ]);
      const shownNow = await group({});
      expect(shownNow.meetings.find((m) => m.id === demo.march2020MeetingId)?.decisions).toEqual([
        { text: CORRECTED_DECISION },
      ]);
      const events = await history(demo.march2020MeetingId, ['DecisionRecorded', 'DecisionCorrected']);
      expect(events.map(({ type, reason }) => ({ type, reason }))).toEqual([
        { type: 'DecisionRecorded', reason: null },
        { type: 'DecisionCorrected', reason: REASON },
      ]);
      expect(JSON.parse(events[0].data)).toMatchObject({ text: ORIGINAL_DECISION });
      expect(JSON.parse(events[1].data)).toMatchObject({ text: CORRECTED_DECISION, reason: REASON });
    });
  });

  describe('correctAppointmentDates', () => {
    const CORRECT = 'CorrectAppointmentDatesInput';
    const input = (overrides: Record<string, unknown> = {}) => ({
      groupId: demo.groupId,
      appointmentId: demo.appointmentIds['lisa-harvey'],
      startDate: '2020-04-01',
      reason: 'Lisa Harvey’s appointment letter takes effect on 1 April 2020.',
      ...overrides,
    });

    it('refuses an unknown appointment, a missing reason, a day out of range or in the future and a representative', async () => {
      expect(await refusal('correctAppointmentDates', CORRECT, input({ appointmentId: UNKNOWN }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await refusal('correctAppointmentDates', CORRECT, input({ reason: '' }))).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(await refusal('correctAppointmentDates', CORRECT, input({ startDate: '2019-05-31' }))).toMatchObject({
        code: 'OUT_OF_RANGE',
      });
      expect(await refusal('correctAppointmentDates', CORRECT, input({ startDate: '2026-11-24' }))).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(await refusal('correctAppointmentDates', CORRECT, input(), lisaHarvey)).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await group({ asAt: '2020-03-01' })).representatives).toHaveLength(10);
    });

    it('changes the days the seat held, and keeps what was shown before the correction', async () => {
      const before = await momentBefore();
      const { errors } = await api.graphql(
        `mutation($input: CorrectAppointmentDatesInput!) { correctAppointmentDates(input: $input) { group { id } } }`,
        { input: input() },
      );
      expect(errors).toBeUndefined();
      const march = await group({ asAt: '2020-03-01' });
      expect(march.representatives.map((r) => r.name)).not.toContain('Lisa Harvey');
      expect(march.quorum).toEqual({ representativeCount: 9, required: 6 });
      const august2022 = await group({ asAt: '2022-08-01' });
      expect(august2022.representatives.find((r) => r.name === 'Lisa Harvey')?.partner.name).toBe(
        'NHS Bath and North East Somerset, Swindon and Wiltshire ICB',
      );
      const shownBefore = await group({ asAt: '2020-03-01', asRecordedAt: before });
      expect(shownBefore.representatives.find((r) => r.name === 'Lisa Harvey')?.partner.name).toBe('NHS BANES CCG');
      expect(shownBefore.quorum).toEqual({ representativeCount: 10, required: 7 });
    });
  });

  describe('correctMeetingDetails', () => {
    const CORRECT = 'CorrectMeetingDetailsInput';
    const input = (overrides: Record<string, unknown> = {}) => ({
      meetingId: demo.march2020MeetingId,
      startsAt: '2020-03-12T14:00:00Z',
      place: 'Bristol City Hall',
      reason: 'The meeting moved to the afternoon at City Hall; the invitation shows the morning.',
      ...overrides,
    });

    it('refuses an unknown meeting, a missing reason, a day before the group, a day to come and a representative', async () => {
      expect(await refusal('correctMeetingDetails', CORRECT, input({ meetingId: UNKNOWN }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await refusal('correctMeetingDetails', CORRECT, input({ reason: null }))).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(
        await refusal('correctMeetingDetails', CORRECT, input({ startsAt: '2019-05-01T10:00:00Z' })),
      ).toMatchObject({ code: 'OUT_OF_RANGE' });
      expect(
        await refusal('correctMeetingDetails', CORRECT, input({ startsAt: '2026-12-01T10:00:00Z' })),
      ).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await refusal('correctMeetingDetails', CORRECT, input(), lisaHarvey)).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await meeting()).toMatchObject({ startsAt: MARCH_2020_MEETING.startsAt, quorum: { required: 7 } });
    });

    it('moves the meeting and counts its quorum again from the membership of the corrected day (R7)', async () => {
      const before = await momentBefore();
      const { errors } = await api.graphql(
        `mutation($input: CorrectMeetingDetailsInput!) { correctMeetingDetails(input: $input) { id } }`,
        { input: input() },
      );
      expect(errors).toBeUndefined();
      // Lisa Harvey's appointment now begins in April 2020: the meeting of 12 March counts nine, eight present.
      const corrected = await meeting();
      expect(corrected).toMatchObject({
        startsAt: '2020-03-12T14:00:00.000Z',
        place: 'Bristol City Hall',
        quorum: { required: 6, present: 8, isQuorate: true },
      });
      expect(corrected.attendance.map((a) => a.name)).not.toContain('Lisa Harvey');
      expect(corrected.attendance).toHaveLength(9);
      expect(await meeting(before)).toMatchObject({
        startsAt: MARCH_2020_MEETING.startsAt,
        place: 'Avon and Somerset Constabulary Headquarters, Portishead',
      });
    });
  });

  describe('correctFundingContribution', () => {
    const CORRECT = 'CorrectFundingContributionInput';
    const input = (overrides: Record<string, unknown> = {}) => ({
      groupId: demo.groupId,
      partnerId: demo.partnerIds.police,
      financialYear: '2020/21',
      amountPence: 1_250_000,
      inKind: 'Meeting bookings, arranging dates, circulating papers; hosting at Constabulary Headquarters',
      reason: 'The agreement of 12 March 2020 records £12,500 from the police.',
      ...overrides,
    });
    const police = (seen: SeenGroup) => seen.funding.find((f) => f.partner.name === 'Avon and Somerset Police');

    it('refuses an unknown partner or year, a missing reason and a representative, changing nothing', async () => {
      expect(await refusal('correctFundingContribution', CORRECT, input({ partnerId: UNKNOWN }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await refusal('correctFundingContribution', CORRECT, input({ financialYear: '2019/20' }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await refusal('correctFundingContribution', CORRECT, input({ reason: '' }))).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(await refusal('correctFundingContribution', CORRECT, input(), lisaHarvey)).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(police(await group({ asAt: '2020-06-01' }))?.amountPence).toBe(1_500_000);
    });

    it('shows the corrected amount on every day it held, and the amount shown before the correction', async () => {
      const before = await momentBefore();
      const { errors } = await api.graphql(
        `mutation($input: CorrectFundingContributionInput!) { correctFundingContribution(input: $input) { group { id } } }`,
        { input: input() },
      );
      expect(errors).toBeUndefined();
      expect(police(await group({ asAt: '2020-06-01' }))?.amountPence).toBe(1_250_000);
      expect(police(await group({ asAt: '2020-06-01', asRecordedAt: before }))?.amountPence).toBe(1_500_000);
      const [event] = await history(demo.partnerIds.police, ['FundingContributionCorrected']);
      expect(event.reason).toBe('The agreement of 12 March 2020 records £12,500 from the police.');
    });
  });

  describe('correctPolicyAdoption', () => {
    const CORRECT = 'CorrectPolicyAdoptionInput';
    const VARIATION = 'Bristol escalations go first to the Bristol front door.';
    const WHY = 'Bristol’s board adopted the procedure with its own first point of escalation.';
    let policyId: string;
    let bristolManager: string;
    const input = (overrides: Record<string, unknown> = {}) => ({
      policyId,
      areaId: demo.areaIds.Bristol,
      version: 1,
      decision: 'ADOPTED_WITH_VARIATION',
      variation: VARIATION,
      reason: WHY,
      ...overrides,
    });
    type Adoption = { areaId: string; decision: string; variation: string | null };
    const bristol = async (asRecordedAt?: string) => {
      const { data, errors } = await api.graphql<{ policy: { adoption: Adoption[] } }>(
        'query($id: ID!, $t: DateTime) { policy(id: $id, asRecordedAt: $t) { adoption { areaId decision variation } } }',
        { id: policyId, t: asRecordedAt },
      );
      expect(errors).toBeUndefined();
      return data?.policy.adoption.find((a) => a.areaId === demo.areaIds.Bristol);
    };

    beforeAll(async () => {
      const context = { send: api.send, administratorToken: api.adminToken as string, tokenFor };
      await loadPoliciesAndNotices(context, demo, now().toISOString().slice(0, 10));
      const { data } = await api.graphql<{ regionalGroup: { policies: { id: string; title: string }[] } }>(
        'query($id: ID!) { regionalGroup(id: $id) { policies { id title } } }',
        { id: demo.groupId },
      );
      policyId = data?.regionalGroup.policies.find((p) => p.title === 'Regional escalation procedure')?.id as string;
      bristolManager = await tokenFor(demo.personIds['bristol-business-manager']);
    });

    it('refuses an unknown policy or undecided version, a missing reason and anyone but the area’s manager', async () => {
      expect(
        await refusal('correctPolicyAdoption', CORRECT, input({ policyId: UNKNOWN }), bristolManager),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refusal('correctPolicyAdoption', CORRECT, input({ version: 2 }), bristolManager)).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await refusal('correctPolicyAdoption', CORRECT, input({ reason: null }), bristolManager)).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(await refusal('correctPolicyAdoption', CORRECT, input())).toMatchObject({ code: 'FORBIDDEN' });
      expect(await refusal('correctPolicyAdoption', CORRECT, input(), lisaHarvey)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await bristol()).toMatchObject({ decision: 'ADOPTED', variation: null });
    });

    it('shows the corrected decision now and the original as recorded before', async () => {
      const before = await momentBefore();
      const { data, errors } = await api.graphql(
        `mutation($input: CorrectPolicyAdoptionInput!) {
          correctPolicyAdoption(input: $input) { policyId adoption { areaId decision variation } policy { adoption { areaId } } }
        }`,
        { input: input() },
        bristolManager,
      );
      expect(errors).toBeUndefined();
      // R43: Bristol's business manager may not read the group's policy, so no other area's decision comes back.
      expect(data?.correctPolicyAdoption).toEqual({
        policyId,
        adoption: { areaId: demo.areaIds.Bristol, decision: 'ADOPTED_WITH_VARIATION', variation: VARIATION },
        policy: null,
      });
      expect(await bristol()).toMatchObject({ decision: 'ADOPTED_WITH_VARIATION', variation: VARIATION });
      expect(await bristol(before)).toMatchObject({ decision: 'ADOPTED', variation: null });
    });
  });
});
