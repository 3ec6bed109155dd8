import { localArrangementStream } from '@app/domain';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

const ARRANGEMENT = 'scrutinyActivities { scrutineerId examined on } scrutinyReports { scrutineerId title }';

/**
 * The one path of an area's commands over GraphQL: a scrutineer of the whole group working on an
 * area's arrangements (L6), and the group's facts read again when a concurrent write forces a retry.
 */
describe("an area's commands: the group's scrutineer and facts read on every attempt", () => {
  let api: TestApp;
  let demo: LoadedDemo;
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
    ({ api, demo } = app);
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
    const incident = (reference: string) => ({
      areaId: bristol,
      reference,
      awareOn: '2026-11-18',
      notifiedOn: '2026-11-19',
    });

    it("decides again on the group's coverage as it stands after a concurrent write to the area's stream", async () => {
      // The police covers every area, so its representative records Bristol's practice reviews.
      expect(codeOf(await call('notifySeriousIncident', incident('BRS-2026-11'), 'police', 'id'))).toBeUndefined();

      const store = api.store;
      const append = store.append.bind(store);
      let interposed = false;
      const spy = jest.spyOn(store, 'append').mockImplementation(async (streamId, events, options) => {
        if (
          !interposed &&
          streamId === localArrangementStream(bristol) &&
          events[0]?.type === 'SeriousIncidentNotified'
        ) {
          interposed = true;
          // Between this attempt's reads and its append: the police leaves Bristol, and Bristol writes to its stream.
          const areaIds = Object.values(demo.areaIds).filter((id) => id !== bristol);
          await api.send(
            `mutation($i: ChangePartnerCoverageInput!) { changePartnerCoverage(input: $i) { coverageGapsCreated { areaName } } }`,
            { i: { groupId: demo.groupId, partnerId: demo.partnerIds.police, areaIds, acceptCoverageGap: true } },
            token.chair,
          );
          const decision = await call(
            'shareLocalDecision',
            { areaId: bristol, title: 'Front door', decision: 'One front door for the city.' },
            'bristolManager',
            'id',
          );
          expect(decision.errors).toBeUndefined();
        }
        return append(streamId, events, options);
      });
      try {
        const refused = await call('notifySeriousIncident', incident('BRS-2026-12'), 'police', 'id');
        expect(interposed).toBe(true);
        expect(codeOf(refused)).toBe('FORBIDDEN');
      } finally {
        spy.mockRestore();
      }
      const recorded = (await api.store.readStream(localArrangementStream(bristol)))
        .filter((event) => event.type === 'SeriousIncidentNotified')
        .map((event) => (event.data as { reference: string }).reference);
      expect(recorded).toEqual(['BRS-2026-11']);
    });
  });
});
