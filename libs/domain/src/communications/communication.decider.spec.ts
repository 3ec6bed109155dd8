import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { CommunicationIssued, communicationDecider, IssueRegionalCommunication } from './communication.decider';

const chair: Actor = { personId: 'chair', partnerId: 'north-somerset', roles: ['CHAIR', 'REPRESENTATIVE'] };
const areas = [
  { areaId: 'bristol', name: 'Bristol' },
  { areaId: 'somerset', name: 'Somerset' },
];
const issue = (overrides: Partial<IssueRegionalCommunication['data']> = {}): IssueRegionalCommunication => ({
  type: 'IssueRegionalCommunication',
  data: {
    communicationId: 'c-1',
    groupId: 'g',
    title: 'Safeguarding week',
    body: 'Please cascade to all practitioners.',
    areaIds: ['bristol'],
    cascadeBy: '2026-12-01',
    restricted: false,
    group: { areas, dissolved: false },
    actor: chair,
    now: '2026-11-23T09:00:00.000Z',
    ...overrides,
  },
});
const issued: CommunicationIssued = {
  type: 'CommunicationIssued',
  data: {
    communicationId: 'c-1',
    groupId: 'g',
    title: 'Safeguarding week',
    body: 'Please cascade to all practitioners.',
    areas: [areas[0]],
    cascadeBy: '2026-12-01',
    restricted: false,
  },
};
const spec = specification(communicationDecider);

describe('regional communications (D5)', () => {
  it('go to the audience areas, to cascade by a date', () => spec.given([]).when(issue()).then([issued]));
  it('may be marked restricted (R42), and the mark goes with them', () =>
    spec
      .given([])
      .when(issue({ restricted: true }))
      .then([{ ...issued, data: { ...issued.data, restricted: true } }]));
  it('are issued by an administrator, the chair or the deputy only', () =>
    spec
      .given([])
      .when(issue({ actor: { personId: 'r', partnerId: 'p', roles: ['REPRESENTATIVE'] } }))
      .thenFails('FORBIDDEN'));
  it('need a title, a body, a date not past, and areas of the group', () => {
    spec
      .given([])
      .when(issue({ title: ' ' }))
      .thenFails('VALIDATION_FAILED');
    spec
      .given([])
      .when(issue({ cascadeBy: '2026-11-01' }))
      .thenFails('VALIDATION_FAILED', /today or later/);
    // 30 June 2022 at 23:30 UTC is already 1 July in London (British Summer Time): 30 June is past.
    spec
      .given([])
      .when(issue({ cascadeBy: '2022-06-30', now: '2022-06-30T23:30:00.000Z' }))
      .thenFails('VALIDATION_FAILED', /today or later/);
    spec
      .given([])
      .when(issue({ areaIds: ['elsewhere'] }))
      .thenFails('NOT_FOUND');
    spec
      .given([])
      .when(issue({ areaIds: [] }))
      .thenFails('NOT_FOUND');
  });
  it('are refused for a dissolved group, and issued once', () => {
    spec
      .given([])
      .when(issue({ group: { areas, dissolved: true } }))
      .thenFails('GROUP_DISSOLVED');
    spec.given([issued]).when(issue()).thenFails('ALREADY_EXISTS');
  });
});
