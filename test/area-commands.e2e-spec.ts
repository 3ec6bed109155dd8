import { localArrangementStream } from '@app/domain';
import { REPRESENTATIVES } from '../apps/cli/src/demo/avon-and-somerset';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { DemoApp, startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const ARRANGEMENT = 'scrutinyActivities { scrutineerId examined on } scrutinyReports { scrutineerId title }';

/**
 * The one path of an area's commands over GraphQL: a scrutineer of the whole group working on an
 * area's arrangements (L6), and the facts (the group's coverage, who manages which area) read again
 * when a concurrent write forces a retry, for the area's own records, its policy decisions and its feed.
 */
describe("an area's commands: the group's scrutineer and facts read on every attempt", () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let mint: DemoApp['mint'];
  let bristol: string;
  let somerset: string;
  const token: Record<string, string> = {};
  const call = (mutation: string, input: Record<string, unknown>, as: string, select = ARRANGEMENT) =>
    api.graphql(
      `mutation($i: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { ${select} } }`,
      { i: input },
      token[as],
    );
  const codeOf = (response: Awaited<ReturnType<TestApp['graphql']>>) => response.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    const app = await startDemoApp({ load: [] });
    ({ api, demo, mint } = app);
    bristol = demo.areaIds.Bristol;
    somerset = demo.areaIds.Somerset;
    token.admin = api.adminToken as string;
    token.chair = await app.tokenOf('sheila-smith');
    token.police = await app.tokenOf('victoria-capel');
    token.bristolManager = await app.tokenOf('bristol-business-manager');
    token.somersetManager = await app.businessManager('Somerset', 'Somerset business manager');
  });
  afterAll(async () => api.stop());

  describe("a scrutineer of the whole group scrutinises each area's arrangements (L6)", () => {
    let groupScrutineerId: string;
    let somersetScrutineerId: string;

    beforeAll(async () => {
      const appointed = await api.send<{ appointGroupScrutineer: { group: { scrutineers: { id: string }[] } } }>(
        `mutation($i: AppointGroupScrutineerInput!) { appointGroupScrutineer(input: $i) { group { scrutineers { id } } } }`,
        { i: { groupId: demo.groupId, name: 'Regional Independent Scrutineer', from: '2025-04-01' } },
        token.chair,
      );
      groupScrutineerId = appointed.appointGroupScrutineer.group.scrutineers[0].id;
      const somersetOwn = await call(
        'appointScrutineer',
        { areaId: somerset, name: 'Somerset Scrutineer', from: '2025-04-01' },
        'somersetManager',
        'scrutineers { id }',
      );
      somersetScrutineerId = somersetOwn.data?.appointScrutineer.scrutineers[0].id;
    });

    it("records the group scrutineer's activity and report for an area by the area's business manager", async () => {
      const activity = await call(
        'recordScrutinyActivity',
        {
          areaId: bristol,
          scrutineerId: groupScrutineerId,
          examined: 'Regional audit of the front door',
          on: '2026-03-10',
        },
        'bristolManager',
      );
      expect(activity.errors).toBeUndefined();
      expect(activity.data?.recordScrutinyActivity.scrutinyActivities).toEqual([
        { scrutineerId: groupScrutineerId, examined: 'Regional audit of the front door', on: '2026-03-10' },
      ]);
      const report = await call(
        'publishScrutinyReport',
        {
          areaId: bristol,
          scrutineerId: groupScrutineerId,
          title: 'Regional scrutiny of the Bristol arrangements',
          publishedOn: '2026-06-30',
          recommendations: [
            { text: 'Publish the training offer.', targetPartnerIds: [demo.partnerIds.police], dueDate: '2026-12-31' },
          ],
        },
        'bristolManager',
      );
      expect(report.errors).toBeUndefined();
      expect(report.data?.publishScrutinyReport.scrutinyReports).toEqual([
        { scrutineerId: groupScrutineerId, title: 'Regional scrutiny of the Bristol arrangements' },
      ]);
    });

    it('refuses, writing nothing, a day before the appointment, the region recording for the area, and another area’s scrutineer', async () => {
      const before = await api.store.lastPosition();
      const activity = (scrutineerId: string, on: string) => ({
        areaId: bristol,
        scrutineerId,
        examined: 'Audit of neglect referrals',
        on,
      });
      expect(
        codeOf(await call('recordScrutinyActivity', activity(groupScrutineerId, '2025-03-31'), 'bristolManager')),
      ).toBe('OUT_OF_RANGE');
      expect(codeOf(await call('recordScrutinyActivity', activity(groupScrutineerId, '2026-03-11'), 'chair'))).toBe(
        'FORBIDDEN',
      );
      const foreign = await call(
        'recordScrutinyActivity',
        activity(somersetScrutineerId, '2026-03-11'),
        'bristolManager',
      );
      expect(codeOf(foreign)).toBe('NOT_FOUND');
      expect(foreign.errors?.[0].message).toMatch(/Neither the area nor its group/);
      expect(await api.store.lastPosition()).toBe(before);
    });
  });

  describe('facts read again on a retry', () => {
    /**
     * Sends a command with `between` run after its first attempt has read its facts and before that
     * attempt appends `eventType` to Bristol's stream; `between` writes to the stream, so the attempt
     * is refused by the store and the command tries again.
     */
    const interposed = async <T>(eventType: string, between: () => Promise<void>, send: () => Promise<T>) => {
      const store = api.store;
      const append = store.append.bind(store);
      let done = false;
      const spy = jest.spyOn(store, 'append').mockImplementation(async (streamId, events, options) => {
        if (!done && streamId === localArrangementStream(bristol) && events[0]?.type === eventType) {
          done = true;
          await between();
        }
        return append(streamId, events, options);
      });
      try {
        const result = await send();
        expect(done).toBe(true);
        return result;
      } finally {
        spy.mockRestore();
      }
    };
    const bristolWrites = async () => {
      const decision = await call(
        'shareLocalDecision',
        { areaId: bristol, title: 'Front door', decision: 'One front door for the city.' },
        'bristolManager',
        'id',
      );
      expect(decision.errors).toBeUndefined();
    };
    const bristolEvents = async (type: string) =>
      (await api.store.readStream(localArrangementStream(bristol))).filter((event) => event.type === type);

    const incident = (reference: string) => ({
      areaId: bristol,
      reference,
      awareOn: '2026-11-18',
      notifiedOn: '2026-11-19',
    });

    it("decides again on the group's coverage as it stands after a concurrent write to the area's stream", async () => {
      // The police covers every area, so its representative records Bristol's practice reviews.
      expect(codeOf(await call('notifySeriousIncident', incident('BRS-2026-11'), 'police', 'id'))).toBeUndefined();

      const refused = await interposed(
        'SeriousIncidentNotified',
        async () => {
          // The police leaves Bristol, and Bristol writes to its stream.
          const areaIds = Object.values(demo.areaIds).filter((id) => id !== bristol);
          await api.send(
            `mutation($i: ChangePartnerCoverageInput!) { changePartnerCoverage(input: $i) { coverageGapsCreated { areaName } } }`,
            { i: { groupId: demo.groupId, partnerId: demo.partnerIds.police, areaIds, acceptCoverageGap: true } },
            token.chair,
          );
          await bristolWrites();
        },
        () => call('notifySeriousIncident', incident('BRS-2026-12'), 'police', 'id'),
      );
      expect(codeOf(refused)).toBe('FORBIDDEN');
      const recorded = (await bristolEvents('SeriousIncidentNotified')).map(
        (event) => (event.data as { reference: string }).reference,
      );
      expect(recorded).toEqual(['BRS-2026-11']);
    });

    describe("an area's decisions on a regional policy and its feed, by a business manager whose role ends meanwhile", () => {
      let policyId: string;
      let cursor: string;
      /** A second business manager for Bristol, and the revocation of that role. */
      const newBristolManager = async (name: string) => {
        const { registerPerson } = await api.send<{ registerPerson: { personId: string } }>(
          'mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { personId } }',
          { i: { name } },
          token.admin,
        );
        const role = { personId: registerPerson.personId, role: 'AREA_BUSINESS_MANAGER', areaId: bristol };
        await api.send('mutation($i: RoleInput!) { grantRole(input: $i) { personId } }', { i: role }, token.admin);
        token[name] = await mint(role.personId);
        return async () => {
          await api.send('mutation($i: RoleInput!) { revokeRole(input: $i) { personId } }', { i: role }, token.admin);
          await bristolWrites();
        };
      };

      beforeAll(async () => {
        const policy = (mutation: string, input: Record<string, unknown>) =>
          api.send<Record<string, { id: string }>>(
            `mutation($i: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { id } }`,
            { i: input },
            token.chair,
          );
        policyId = (
          await policy('draftPolicy', {
            groupId: demo.groupId,
            title: 'Regional escalation procedure',
            body: 'https://procedures.example/escalation',
          })
        ).draftPolicy.id;
        const { scheduleMeeting } = await api.send<{ scheduleMeeting: { id: string } }>(
          'mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }',
          { i: { groupId: demo.groupId, startsAt: '2026-11-23T08:00:00Z', place: 'Portishead' } },
          token.chair,
        );
        const meetingId = scheduleMeeting.id;
        await api.send(
          'mutation($i: MeetingIdInput!) { openMeeting(input: $i) { id } }',
          { i: { meetingId } },
          token.chair,
        );
        for (const { key } of REPRESENTATIVES) {
          await api.send(
            'mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }',
            { i: { meetingId, appointmentId: demo.appointmentIds[key], status: 'PRESENT' } },
            token.chair,
          );
        }
        const { recordDecision } = await api.send<{ recordDecision: { decisions: { id: string }[] } }>(
          'mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { decisions { id } } }',
          { i: { meetingId, text: 'Approved the regional escalation procedure.' } },
          token.chair,
        );
        await policy('approvePolicy', { policyId, meetingId, decisionId: recordDecision.decisions[0].id });
        await policy('publishPolicyVersion', { policyId, effectiveOn: '2026-12-01', reviewOn: '2027-12-01' });
        type Page = {
          edges: { node: { cursor: string; subjectId: string } }[];
          pageInfo: { endCursor: string | null };
        };
        for (let after: string | null = null; !cursor;) {
          const { areaFeed }: { areaFeed: Page } = await api.send(
            'query($a: ID!, $after: String) { areaFeed(areaId: $a, first: 100, after: $after) { edges { node { cursor subjectId } } pageInfo { endCursor } } }',
            { a: bristol, after },
            token.bristolManager,
          );
          cursor = areaFeed.edges.find((edge) => edge.node.subjectId === policyId)?.node.cursor as string;
          after = areaFeed.pageInfo.endCursor;
          if (!cursor && after === null) throw new Error('The published policy did not reach the Bristol feed.');
        }
      });

      const adoption = (extra: Record<string, unknown> = {}) => ({
        policyId,
        areaId: bristol,
        version: 1,
        decision: 'ADOPTED',
        ...extra,
      });

      it('refuses, on the retry, to acknowledge the item', async () => {
        const revoke = await newBristolManager('Bristol acknowledging manager');
        const refused = await interposed('FeedItemAcknowledged', revoke, () =>
          call('acknowledgeFeedItem', { areaId: bristol, cursor }, 'Bristol acknowledging manager', 'id'),
        );
        expect(codeOf(refused)).toBe('FORBIDDEN');
        expect(await bristolEvents('FeedItemAcknowledged')).toEqual([]);
      });

      it("refuses, on the retry, to record the area's decision", async () => {
        const revoke = await newBristolManager('Bristol deciding manager');
        const refused = await interposed('PolicyAdoptionRecorded', revoke, () =>
          call('recordPolicyAdoption', adoption(), 'Bristol deciding manager', 'policyId'),
        );
        expect(codeOf(refused)).toBe('FORBIDDEN');
        expect(await bristolEvents('PolicyAdoptionRecorded')).toEqual([]);
      });

      it("refuses, on the retry, to correct the area's decision", async () => {
        expect(codeOf(await call('recordPolicyAdoption', adoption(), 'bristolManager', 'policyId'))).toBeUndefined();
        const revoke = await newBristolManager('Bristol correcting manager');
        const correction = adoption({
          decision: 'NOT_ADOPTED',
          notAdoptedReason: 'Local procedure',
          reason: 'Misread',
        });
        const refused = await interposed('PolicyAdoptionCorrected', revoke, () =>
          call('correctPolicyAdoption', correction, 'Bristol correcting manager', 'policyId'),
        );
        expect(codeOf(refused)).toBe('FORBIDDEN');
        expect(await bristolEvents('PolicyAdoptionCorrected')).toEqual([]);
      });
    });
  });
});
