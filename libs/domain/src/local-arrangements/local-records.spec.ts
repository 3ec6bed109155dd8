import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { implementationOn } from './arrangements-implementation';
import { localArrangementDecider } from './local-arrangement.decider';
import { LocalRecordCommand, LocalRecordEvent } from './local-records';
import { participationGapsOn } from './participation';

const spec = specification(localArrangementDecider);
const now = '2026-11-23T09:00:00.000Z';
const bristolManager: Actor = { personId: 'bm-bristol', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] };
const regionAdministrator: Actor = { personId: 'admin', partnerId: null, roles: ['ADMINISTRATOR'] };
const KNOWN_TYPES = ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE', 'EDUCATION', 'PROBATION', 'OTHER'];

type DataOf<T extends LocalRecordCommand['type']> = Omit<
  Extract<LocalRecordCommand, { type: T }>['data'],
  'areaId' | 'managedAreaIds' | 'actor' | 'now'
> &
  Partial<Pick<LocalRecordCommand['data'], 'actor' | 'managedAreaIds'>>;
const send = <T extends LocalRecordCommand['type']>(type: T, data: DataOf<T>): LocalRecordCommand =>
  ({ type, data: { areaId: 'bristol', managedAreaIds: ['bristol'], actor: bristolManager, now, ...data } }) as never;

const school = (overrides: Partial<DataOf<'RecordRelevantAgency'>> = {}) =>
  send('RecordRelevantAgency', {
    agencyId: 'cotham',
    name: 'Cotham School',
    agencyType: 'EDUCATION',
    from: '2019-09-01',
    to: null,
    knownAgencyTypes: KNOWN_TYPES,
    ...overrides,
  });
const schoolRecorded: LocalRecordEvent = {
  type: 'RelevantAgencyRecorded',
  data: {
    areaId: 'bristol',
    agencyId: 'cotham',
    name: 'Cotham School',
    agencyType: 'EDUCATION',
    from: '2019-09-01',
    to: null,
  },
};
const published: LocalRecordEvent = {
  type: 'ArrangementsPublished',
  data: { areaId: 'bristol', version: '2024', publishedOn: '2024-09-27', secretaryOfStateNotifiedOn: null },
};

describe("An area's relevant agencies and own groups (L1)", () => {
  it('given nothing, when the business manager records a school, then it takes part from its date', () =>
    spec.given([]).when(school()).then([schoolRecorded]));
  it('given nothing, when the region records an agency for the area, then FORBIDDEN (R11)', () =>
    spec
      .given([])
      .when(school({ actor: regionAdministrator }))
      .thenFails('FORBIDDEN', /own business manager/));
  it("given nothing, when another area's business manager records one, then FORBIDDEN", () =>
    spec
      .given([])
      .when(school({ managedAreaIds: ['somerset'] }))
      .thenFails('FORBIDDEN'));
  it('given nothing, when the agency type is unknown to the group, then VALIDATION_FAILED', () =>
    spec
      .given([])
      .when(school({ agencyType: 'SCHOOLS' }))
      .thenFails('VALIDATION_FAILED'));
  it('given nothing, when it stops before it starts, then VALIDATION_FAILED', () =>
    spec
      .given([])
      .when(school({ to: '2019-08-31' }))
      .thenFails('VALIDATION_FAILED'));
  it('given the school, when it is recorded again, then ALREADY_EXISTS', () =>
    spec.given([schoolRecorded]).when(school()).thenFails('ALREADY_EXISTS'));
  it('given the school, when it stops taking part, then the day is recorded', () =>
    spec
      .given([schoolRecorded])
      .when(send('EndRelevantAgency', { agencyId: 'cotham', to: '2026-08-31' }))
      .then([{ type: 'RelevantAgencyEnded', data: { areaId: 'bristol', agencyId: 'cotham', to: '2026-08-31' } }]));
  it('given no such agency, when it is ended, then NOT_FOUND', () =>
    spec
      .given([])
      .when(send('EndRelevantAgency', { agencyId: 'cotham', to: '2026-08-31' }))
      .thenFails('NOT_FOUND'));

  const workingGroup = (overrides: Partial<DataOf<'RecordLocalGroup'>> = {}) =>
    send('RecordLocalGroup', {
      localGroupId: 'bristol-exploitation',
      name: 'Exploitation working group',
      kind: 'WORKING_GROUP',
      meetingsPerYear: 6,
      workstreamIds: ['ws-exploitation'],
      groupWorkstreamIds: ['ws-exploitation', 'ws-neglect'],
      ...overrides,
    });
  it("given the group's workstreams, when a working group is linked to one, then it is recorded with the link", () =>
    spec
      .given([])
      .when(workingGroup())
      .then([
        {
          type: 'LocalGroupRecorded',
          data: {
            areaId: 'bristol',
            localGroupId: 'bristol-exploitation',
            name: 'Exploitation working group',
            kind: 'WORKING_GROUP',
            meetingsPerYear: 6,
            workstreamIds: ['ws-exploitation'],
          },
        },
      ]));
  it('given the workstreams, when a link names no workstream of the group, then NOT_FOUND', () =>
    spec
      .given([])
      .when(workingGroup({ workstreamIds: ['ws-elsewhere'] }))
      .thenFails('NOT_FOUND'));
  it('given nothing, when an executive group is linked to a workstream, then VALIDATION_FAILED', () =>
    spec
      .given([])
      .when(workingGroup({ kind: 'GROUP' }))
      .thenFails('VALIDATION_FAILED'));
  it('given nothing, when a group meets no times a year, then VALIDATION_FAILED', () =>
    spec
      .given([])
      .when(workingGroup({ meetingsPerYear: 0 }))
      .thenFails('VALIDATION_FAILED'));
});

describe('participation gaps (L1)', () => {
  const participants = [
    { agencyType: 'LOCAL_AUTHORITY', from: '2019-06-01', to: null },
    { agencyType: 'EDUCATION', from: '2019-09-01', to: '2027-06-01' },
  ];
  it('given a school until 1 June 2027 and education required from 1 April 2027, then no gap in May 2027', () =>
    expect(participationGapsOn(['EDUCATION'], participants, '2027-05-31')).toEqual([]));
  it('given the school gone on 1 June 2027, then the gap shows from that day', () =>
    expect(participationGapsOn(['EDUCATION'], participants, '2027-06-01')).toEqual(['EDUCATION']));
});

describe('published arrangements (L4)', () => {
  const publish = (overrides: Partial<DataOf<'PublishArrangements'>> = {}) =>
    send('PublishArrangements', {
      version: '2024',
      publishedOn: '2024-09-27',
      secretaryOfStateNotifiedOn: null,
      ...overrides,
    });
  it('given nothing, when a version is published, then it is recorded', () =>
    spec.given([]).when(publish()).then([published]));
  it('given nothing, when the publication date is in the future, then VALIDATION_FAILED', () =>
    spec
      .given([])
      .when(publish({ publishedOn: '2026-12-01' }))
      .thenFails('VALIDATION_FAILED'));
  it('given nothing, when the Secretary of State was notified before publication, then OUT_OF_RANGE', () =>
    spec
      .given([])
      .when(publish({ secretaryOfStateNotifiedOn: '2024-09-01' }))
      .thenFails('OUT_OF_RANGE'));
  it('given nothing, when the region records it, then FORBIDDEN (R11)', () =>
    spec
      .given([])
      .when(publish({ actor: regionAdministrator }))
      .thenFails('FORBIDDEN'));
  it('given the version, when it is published again, then ALREADY_EXISTS', () =>
    spec.given([published]).when(publish()).thenFails('ALREADY_EXISTS'));
  it('given the version, when the Secretary of State is notified, then the day is recorded', () =>
    spec
      .given([published])
      .when(send('RecordSecretaryOfStateNotified', { version: '2024', notifiedOn: '2024-10-01' }))
      .then([
        { type: 'SecretaryOfStateNotified', data: { areaId: 'bristol', version: '2024', notifiedOn: '2024-10-01' } },
      ]));
  it('given the version, when it is implemented, then the day is recorded', () =>
    spec
      .given([published])
      .when(send('RecordArrangementsImplemented', { version: '2024', implementedOn: '2024-12-01' }))
      .then([
        { type: 'ArrangementsImplemented', data: { areaId: 'bristol', version: '2024', implementedOn: '2024-12-01' } },
      ]));
  it('given no such version, when it is implemented, then NOT_FOUND', () =>
    spec
      .given([])
      .when(send('RecordArrangementsImplemented', { version: '2024', implementedOn: '2024-12-01' }))
      .thenFails('NOT_FOUND'));
  it('given the version, when implemented before it was published, then OUT_OF_RANGE', () =>
    spec
      .given([published])
      .when(send('RecordArrangementsImplemented', { version: '2024', implementedOn: '2024-09-01' }))
      .thenFails('OUT_OF_RANGE'));

  describe('implementation due within 3 months', () => {
    it('given published on 27 September 2024 and not implemented, then due until 27 December 2024', () =>
      expect(implementationOn('2024-09-27', null, '2024-12-27')).toEqual({ dueOn: '2024-12-27', status: 'DUE' }));
    it('given not implemented by the day after, then overdue', () =>
      expect(implementationOn('2024-09-27', null, '2024-12-28')).toEqual({ dueOn: '2024-12-27', status: 'OVERDUE' }));
    it('given implemented on 1 December 2024, then done from that day, due before it', () => {
      expect(implementationOn('2024-09-27', '2024-12-01', '2024-12-01').status).toBe('DONE');
      expect(implementationOn('2024-09-27', '2024-12-01', '2024-11-30').status).toBe('DUE');
    });
    it('given published on 30 November, then due on the last day of February', () =>
      expect(implementationOn('2026-11-30', null, '2027-03-01')).toEqual({ dueOn: '2027-02-28', status: 'OVERDUE' }));
  });
});
