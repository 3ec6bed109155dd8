import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { EstablishRegionalGroup } from './regional-group.commands';
import { regionalGroupDecider } from './regional-group.decider';
import { RegionalGroupEstablished } from './regional-group.events';

const administrator: Actor = { personId: 'admin-1', partnerId: null, roles: ['ADMINISTRATOR'] };
const now = '2019-09-01T09:00:00.000Z';
const avonAndSomersetAreas = [
  'Bath and North East Somerset',
  'Bristol',
  'North Somerset',
  'Somerset',
  'South Gloucestershire',
].map((name, index) => ({ areaId: `area-${index + 1}`, name }));

const establish = (overrides: Partial<EstablishRegionalGroup['data']> = {}): EstablishRegionalGroup => ({
  type: 'EstablishRegionalGroup',
  data: {
    groupId: 'group-1',
    name: 'Avon and Somerset Strategic Safeguarding Partnership',
    areas: avonAndSomersetAreas,
    establishedOn: null,
    actor: administrator,
    now,
    ...overrides,
  },
});

const established: RegionalGroupEstablished = {
  type: 'RegionalGroupEstablished',
  data: {
    groupId: 'group-1',
    name: 'Avon and Somerset Strategic Safeguarding Partnership',
    areas: avonAndSomersetAreas,
    establishedAt: now,
    establishedOn: now.slice(0, 10),
  },
};

const spec = specification(regionalGroupDecider);

describe('Establishing a regional group (R1)', () => {
  it('records the group with its five local areas', () => {
    spec.given([]).when(establish()).then([established]);
  });

  it('tidies white space in the group and area names', () => {
    spec
      .given([])
      .when(establish({ name: '  Avon  and Somerset ', areas: [{ areaId: 'a', name: ' Bristol ' }] }))
      .then([
        {
          type: 'RegionalGroupEstablished',
          data: {
            groupId: 'group-1',
            name: 'Avon and Somerset',
            areas: [{ areaId: 'a', name: 'Bristol' }],
            establishedAt: now,
            establishedOn: now.slice(0, 10),
          },
        },
      ]);
  });

  it('is refused to anyone but an administrator', () => {
    spec
      .given([])
      .when(establish({ actor: { personId: 'rep-1', partnerId: 'police', roles: [] } }))
      .thenFails('FORBIDDEN', /administrator/);
  });

  it('is refused when the group already exists', () => {
    spec.given([established]).when(establish()).thenFails('ALREADY_EXISTS');
  });

  it('is refused without a name', () => {
    spec
      .given([])
      .when(establish({ name: '   ' }))
      .thenFails('VALIDATION_FAILED', /name/);
  });

  it('is refused without areas', () => {
    spec
      .given([])
      .when(establish({ areas: [] }))
      .thenFails('VALIDATION_FAILED', /at least one local area/);
  });

  it('is refused when two areas share a name, whatever their case', () => {
    spec
      .given([])
      .when(
        establish({
          areas: [
            { areaId: 'a', name: 'Bristol' },
            { areaId: 'b', name: 'BRISTOL ' },
          ],
        }),
      )
      .thenFails('VALIDATION_FAILED', /"BRISTOL" appears twice/);
  });

  it('is refused when an area has no name', () => {
    spec
      .given([])
      .when(establish({ areas: [{ areaId: 'a', name: ' ' }] }))
      .thenFails('VALIDATION_FAILED', /area needs a name/);
  });
});
