import { AREAS } from '../apps/cli/src/demo/avon-and-somerset';
import { DemoApp, startDemoApp } from './support/demo-app';

/** The demo's local arrangements as `npm run demo` loads them, read back as an auditor on the seed's clock. */
describe('the demo: every area’s arrangement, published arrangements and scrutiny (L1, L4, L6)', () => {
  let seeded: DemoApp;
  let arrangements: Record<string, Record<string, any>>;

  beforeAll(async () => {
    seeded = await startDemoApp({ load: ['meetings', 'policies', 'localArrangements'] });
    const { api, demo } = seeded;
    const auditor = await seeded.tokenOf('auditor');
    arrangements = {};
    for (const area of AREAS) {
      arrangements[area] = (
        await api.send(
          `query($a: ID!) { localArrangement(areaId: $a) {
            relevantAgencies { agencyType current }
            publishedArrangements { version implementationStatus }
            scrutineers { current } scrutinyActivities { on }
            scrutinyReports { recommendations { targetPartnerIds overdue } }
          } }`,
          { a: demo.areaIds[area] },
          auditor,
        )
      ).localArrangement;
    }
  });
  afterAll(async () => seeded.api.stop());

  it('gives every area a current education body among its relevant agencies', () => {
    for (const area of AREAS)
      expect(arrangements[area].relevantAgencies).toContainEqual({ agencyType: 'EDUCATION', current: true });
  });

  it("shows Somerset's 2026 arrangements overdue for implementation, South Gloucestershire's due, the rest done", () => {
    const statuses = Object.fromEntries(
      AREAS.map((area) => [area, arrangements[area].publishedArrangements.map((p: any) => p.implementationStatus)]),
    );
    expect(statuses).toEqual({
      'Bath and North East Somerset': ['DONE', 'DONE'],
      Bristol: ['DONE', 'DONE'],
      'North Somerset': ['DONE', 'DONE'],
      Somerset: ['DONE', 'OVERDUE'],
      'South Gloucestershire': ['DONE', 'DUE'],
    });
  });

  it('gives every area a current scrutineer, an activity and a report with a recommendation to two partners', () => {
    for (const area of AREAS) {
      expect(arrangements[area].scrutineers).toEqual([{ current: true }]);
      expect(arrangements[area].scrutinyActivities).toEqual([{ on: '2026-02-10' }]);
      expect(arrangements[area].scrutinyReports[0].recommendations).toEqual([
        { targetPartnerIds: [expect.any(String), seeded.demo.partnerIds.police], overdue: false },
      ]);
    }
  });

  it('names the councils’ and the police’s lead and delegated safeguarding partners, the police delegate at head of service (R17)', async () => {
    const { api, demo } = seeded;
    const { regionalGroup } = await api.send<{ regionalGroup: { safeguardingPartners: any[] } }>(
      `query($id: ID!) { regionalGroup(id: $id) { safeguardingPartners { partnerId name seniority lead { title } from } } }`,
      { id: demo.groupId },
      await seeded.tokenOf('auditor'),
    );
    expect(regionalGroup.safeguardingPartners).toHaveLength(6);
    expect(regionalGroup.safeguardingPartners).toContainEqual({
      partnerId: demo.partnerIds.police,
      name: 'Victoria Capel',
      seniority: 'HEAD_OF_SERVICE',
      lead: { title: 'Chief Constable' },
      from: '2019-09-29',
    });
  });
});
