import {
  avonAndSomerset,
  command,
  coverageChanged,
  groupAfter,
  partnersAdmitted,
  representativeActor,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { coverageGapsIf } from './coverage-if';
import { gapsOn } from './coverage';
import { regionalGroupDecider } from './regional-group.decider';
import { AreaAdded, RegionalGroupEvent } from './regional-group.events';
import { groupAreasOn } from './regional-group.state';

const spec = specification(regionalGroupDecider);
const JOINED = '2019-10-01';
const policeAreas = partnersAdmitted.find((p) => p.data.partnerId === 'police')?.data.areaIds ?? [];
const addNewUnitary = (coveringPartnerIds: string[], addedOn = JOINED) =>
  command('AddArea', { areaId: 'new-unitary', name: 'New Unitary', addedOn, coveringPartnerIds });
const newUnitaryAdded = (coveringPartnerIds: string[], missing: string[]): AreaAdded => ({
  type: 'AreaAdded',
  data: {
    areaId: 'new-unitary',
    name: 'New Unitary',
    addedOn: JOINED,
    coveringPartnerIds,
    gapsAccepted: missing.map((agencyType) => ({ areaId: 'new-unitary', areaName: 'New Unitary', agencyType })),
  },
});

describe('addArea (R1-R3): a group adds an area from the day it joined, with its gaps', () => {
  it('given the group, when an area covered by the police only is added, then it is added with the police covering it and its council and health gaps', () =>
    spec
      .given(avonAndSomerset)
      .when(addNewUnitary(['police']))
      .then([
        newUnitaryAdded(['police'], ['LOCAL_AUTHORITY', 'HEALTH']),
        coverageChanged('police', [...policeAreas, 'new-unitary'], [], JOINED),
      ]));

  it('given the group, when an area is added, then its gaps are the ones coverageIf answers for it', () => {
    const [added] = regionalGroupDecider.decide(addNewUnitary(['police', 'somerset-ccg']), groupAfter(avonAndSomerset));
    const proposed = coverageGapsIf(groupAfter(avonAndSomerset), {
      kind: 'NEW_AREA',
      name: 'New Unitary',
      coveringPartnerIds: ['police', 'somerset-ccg'],
      on: JOINED,
    });
    expect((added as AreaAdded).data.gapsAccepted.map((gap) => gap.agencyType)).toEqual(
      proposed.map((gap) => gap.agencyType),
    );
  });

  it('given an area added on 1 October 2019, then the group has it, and its gaps, from that day only', () => {
    const events: RegionalGroupEvent[] = [...avonAndSomerset, newUnitaryAdded([], [])];
    const group = groupAfter(events);
    expect(groupAreasOn(group, '2019-09-30').map((area) => area.areaId)).not.toContain('new-unitary');
    expect(groupAreasOn(group, JOINED).map((area) => area.areaId)).toContain('new-unitary');
    expect(gapsOn(group, '2019-09-30')).toEqual([]);
    expect(gapsOn(group, JOINED).map((gap) => gap.areaId)).toEqual(['new-unitary', 'new-unitary', 'new-unitary']);
  });

  it('given the group, when the area is dated before the group existed, then OUT_OF_RANGE', () =>
    spec.given(avonAndSomerset).when(addNewUnitary([], '2019-05-31')).thenFails('OUT_OF_RANGE'));

  it('given the group, when the area is dated after today, then VALIDATION_FAILED', () =>
    spec
      .given(avonAndSomerset)
      .when(addNewUnitary([], '2020-01-16'))
      .thenFails('VALIDATION_FAILED', /future/));

  it('given the group, when an area of the same name is added, then ALREADY_EXISTS', () =>
    spec
      .given(avonAndSomerset)
      .when(command('AddArea', { areaId: 'x', name: ' bristol ', addedOn: TODAY, coveringPartnerIds: [] }))
      .thenFails('ALREADY_EXISTS'));

  it('given the group, when the area names no name, then VALIDATION_FAILED', () =>
    spec
      .given(avonAndSomerset)
      .when(command('AddArea', { areaId: 'x', name: '  ', addedOn: TODAY, coveringPartnerIds: [] }))
      .thenFails('VALIDATION_FAILED'));

  it('given the group, when a covering partner is not one of it, then NOT_FOUND', () =>
    spec
      .given(avonAndSomerset)
      .when(addNewUnitary(['nobody']))
      .thenFails('NOT_FOUND'));

  it('given the group, when a representative who is not the chair adds an area, then FORBIDDEN', () =>
    spec
      .given(avonAndSomerset)
      .when({ ...addNewUnitary([]), data: { ...addNewUnitary([]).data, actor: representativeActor } })
      .thenFails('FORBIDDEN'));
});
