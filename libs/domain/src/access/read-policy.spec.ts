import { RegionalGroupEvent } from '../regional-group/regional-group.events';
import { regionalGroupDecider } from '../regional-group/regional-group.decider';
import { fold } from '../shared/decider';
import {
  ALL_AREA_IDS,
  appointmentEnded,
  AREAS,
  avonAndSomerset,
  REPRESENTATIVES,
  runningWorkstream,
  workstreamMemberRemoved,
} from '../testing/avon-and-somerset.fixture';
import { workstreamDecider } from '../workstreams/workstream.decider';
import { WorkstreamEvent } from '../workstreams/workstream.events';
import { peopleOf, Workstream } from '../workstreams/workstream.state';
import { accessDecider, AccessState } from './access.decider';
import {
  mayListAreaReports,
  mayReadAreaFeed,
  mayReadGroup,
  mayReadItem,
  mayReadWorkstream,
  Reader,
  readableAreasOf,
  readerOf,
} from './read-policy';

const jacqui = REPRESENTATIVES.jacquiJensen;
const reader = (personId: string, platformRoles: string[] = [], managedAreaIds: string[] = []): Reader => ({
  personId,
  platformRoles,
  managedAreaIds,
});
const representative = reader(jacqui.personId);
const nobody = reader('nobody');
const administrator = reader('admin', ['ADMINISTRATOR']);
const auditor = reader('auditor', ['AUDITOR']);
const bristolManager = reader('bristol-manager', ['AREA_BUSINESS_MANAGER'], [AREAS.bristol.areaId]);
const northSomersetManager = reader('ns-manager', ['AREA_BUSINESS_MANAGER'], [AREAS.northSomerset.areaId]);
const group = (events: readonly RegionalGroupEvent[]) => fold(regionalGroupDecider, events);

/** given(the group's events), when(a reader asks on a date), then(may they read the group's business). */
const given = (events: readonly RegionalGroupEvent[]) => ({
  when: (who: Reader, date: string) => ({
    then: (expected: boolean) => expect(mayReadGroup(group(events), who, date)).toBe(expected),
  }),
});

describe("who may read a group's business (R43)", () => {
  it("is open to the group's current representatives", () => {
    given(avonAndSomerset).when(representative, '2020-01-15').then(true);
  });

  it('is closed to someone with no role, and to an area business manager who represents no partner', () => {
    given(avonAndSomerset).when(nobody, '2020-01-15').then(false);
    given(avonAndSomerset).when(bristolManager, '2020-01-15').then(false);
  });

  it('is closed to a representative from the day their appointment ends, and before it starts', () => {
    const ended = [...avonAndSomerset, appointmentEnded(jacqui.appointmentId, '2020-02-01')];
    given(ended).when(representative, '2020-01-31').then(true);
    given(ended).when(representative, '2020-02-01').then(false);
    given(avonAndSomerset).when(representative, '2019-05-31').then(false);
  });

  it('is open to administrators and auditors, even for a group that does not exist yet', () => {
    given(avonAndSomerset).when(administrator, '2020-01-15').then(true);
    given(avonAndSomerset).when(auditor, '2020-01-15').then(true);
    given([]).when(auditor, '2020-01-15').then(true);
    given([]).when(representative, '2020-01-15').then(false);
  });
});

describe("who may read an area's feed, reports and acknowledgements (R43)", () => {
  const bristol = AREAS.bristol.areaId;
  const when = (who: Reader, areaId: string = bristol, date = '2020-01-15') => ({
    then: (expected: boolean) => expect(mayReadAreaFeed(group(avonAndSomerset), areaId, who, date)).toBe(expected),
  });

  it("is open to the area's business managers, and to no other area's", () => {
    when(bristolManager).then(true);
    when(northSomersetManager).then(false);
    when(northSomersetManager, AREAS.northSomerset.areaId).then(true);
  });

  it('is open to every current member of the group, whichever partner they represent, and to auditors', () => {
    when(reader(REPRESENTATIVES.sheilaSmith.personId)).then(true);
    when(auditor).then(true);
  });

  it('is closed to administrators, to nobody in particular, and to a representative before their appointment', () => {
    when(administrator).then(false);
    when(nobody).then(false);
    when(representative, bristol, '2019-05-31').then(false);
  });
});

describe("who may ask for a list of the group's areas' reports (R43)", () => {
  /** given(the group's events), when(a reader asks on a date), then(answered or not, with the areas they may read). */
  const given = (events: readonly RegionalGroupEvent[]) => ({
    when: (who: Reader, date = '2020-01-15') => ({
      then: (expected: boolean, areaIds: readonly string[] = []) => {
        expect(mayListAreaReports(group(events), who, date)).toBe(expected);
        expect(readableAreasOf(group(events), who, date)).toEqual(areaIds);
      },
    }),
  });

  it("answers the group's members and auditors with every area, and administrators with none", () => {
    given(avonAndSomerset).when(representative).then(true, ALL_AREA_IDS);
    given(avonAndSomerset).when(auditor).then(true, ALL_AREA_IDS);
    given(avonAndSomerset).when(administrator).then(true, []);
  });

  it("answers an area's business manager, who reads only that area's reports", () => {
    given(avonAndSomerset).when(bristolManager).then(true, [AREAS.bristol.areaId]);
  });

  it("refuses someone who reads neither the group nor any of its areas, and a manager of another group's area", () => {
    given(avonAndSomerset).when(nobody).then(false);
    given(avonAndSomerset)
      .when(reader('elsewhere', ['AREA_BUSINESS_MANAGER'], ['another-groups-area']))
      .then(false);
    given(avonAndSomerset).when(representative, '2019-05-31').then(false);
  });
});

describe("who may read a workstream's tasks (R43)", () => {
  const person = (personId: string) => reader(personId);
  const given = (events: readonly WorkstreamEvent[]) => ({
    when: (who: Reader, date = '2020-04-01') => ({
      then: (expected: boolean) =>
        expect(
          mayReadWorkstream(peopleOf(fold(workstreamDecider, events) as Workstream), group(avonAndSomerset), who, date),
        ).toBe(expected),
    }),
  });
  const practitioner = person('practitioner');
  const withPractitioner: WorkstreamEvent[] = [
    ...runningWorkstream,
    {
      type: 'WorkstreamMemberAdded',
      data: { personId: practitioner.personId, name: 'A Practitioner', addedOn: '2020-02-01' },
    },
  ];

  it('is open to its members and lead, even when they represent no partner of the group', () => {
    given(withPractitioner).when(practitioner).then(true);
    given(runningWorkstream).when(person(REPRESENTATIVES.willWhite.personId)).then(true);
  });

  it('is closed to a member once removed, if they are not in the group', () => {
    const removed: WorkstreamEvent[] = [...withPractitioner, workstreamMemberRemoved(practitioner.personId)];
    given(removed).when(practitioner).then(false);
  });

  it("is open to the group's members and auditors, closed to administrators and area business managers", () => {
    given(runningWorkstream).when(representative).then(true);
    given(runningWorkstream).when(auditor).then(true);
    given(runningWorkstream).when(administrator).then(false);
    given(runningWorkstream).when(bristolManager).then(false);
  });
});

describe('who may read a restricted item (R42)', () => {
  const communication = { restricted: true, areaIds: [AREAS.bristol.areaId, AREAS.somerset.areaId] };
  const when = (who: Reader, item = communication, date = '2020-01-15') => ({
    then: (expected: boolean) => expect(mayReadItem(item, group(avonAndSomerset), who, date)).toBe(expected),
  });

  it("is open to the group's members, the business managers of the areas it concerns, and auditors", () => {
    when(representative).then(true);
    when(bristolManager).then(true);
    when(auditor).then(true);
  });

  it("is closed to other areas' business managers, administrators, and former representatives", () => {
    when(northSomersetManager).then(false);
    when(administrator).then(false);
    when(nobody).then(false);
    when(representative, communication, '2019-05-31').then(false);
  });

  it('leaves an item not marked restricted to whoever may read the view', () => {
    when(northSomersetManager, { ...communication, restricted: false }).then(true);
    when(nobody, { ...communication, restricted: false }).then(true);
  });
});

describe('a reader, from the access stream', () => {
  it('carries their platform roles and the areas they manage, and nobody else’s', () => {
    const access: AccessState = fold(accessDecider, [
      { type: 'RoleGranted', data: { personId: 'p', role: 'AREA_BUSINESS_MANAGER', areaId: 'bristol' } },
      { type: 'RoleGranted', data: { personId: 'p', role: 'AUDITOR', areaId: null } },
      { type: 'RoleGranted', data: { personId: 'q', role: 'AREA_BUSINESS_MANAGER', areaId: 'somerset' } },
    ]);
    expect(readerOf(access, 'p')).toEqual({
      personId: 'p',
      platformRoles: ['AREA_BUSINESS_MANAGER', 'AUDITOR'],
      managedAreaIds: ['bristol'],
    });
  });
});
