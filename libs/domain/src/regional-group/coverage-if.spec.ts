import { AREAS, avonAndSomerset, groupAfter } from '../testing/avon-and-somerset.fixture';
import { coverageGapsIf } from './coverage-if';

const group = groupAfter(avonAndSomerset);

describe("R3's what-if: coverageGapsIf", () => {
  it('given the group, when the Somerset CCG would leave, then Somerset would have no health partner', () =>
    expect(coverageGapsIf(group, { kind: 'DEPARTURE', partnerId: 'somerset-ccg', on: '2027-11-23' })).toEqual([
      { areaId: AREAS.somerset.areaId, areaName: AREAS.somerset.name, agencyType: 'HEALTH' },
    ]));

  it('given the group, when the police would stop covering Bristol, then Bristol would have no police partner', () =>
    expect(
      coverageGapsIf(group, {
        kind: 'COVERAGE_CHANGE',
        partnerId: 'police',
        areaIds: ['banes', 'north-somerset', 'somerset', 'south-glos'],
        on: '2027-01-01',
      }),
    ).toEqual([{ areaId: 'bristol', areaName: 'Bristol', agencyType: 'POLICE' }]));

  it('given the group, when a new area would be covered by the police only, then it would lack a council and health', () =>
    expect(
      coverageGapsIf(group, {
        kind: 'NEW_AREA',
        name: 'New Unitary',
        coveringPartnerIds: ['police'],
        on: '2027-04-01',
      }).map((gap) => gap.agencyType),
    ).toEqual(['LOCAL_AUTHORITY', 'HEALTH']));

  it('given the group, when a new area would be covered by a council, a health body and the police, then no gap', () =>
    expect(
      coverageGapsIf(group, {
        kind: 'NEW_AREA',
        name: 'New Unitary',
        coveringPartnerIds: ['somerset-council', 'somerset-ccg', 'police'],
        on: '2027-04-01',
      }),
    ).toEqual([]));

  it('given the group, when the change names no partner of it, then NOT_FOUND', () =>
    expect(() => coverageGapsIf(group, { kind: 'DEPARTURE', partnerId: 'nobody', on: '2027-01-01' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    ));

  it('given the group, when the change is dated before it existed, then OUT_OF_RANGE', () =>
    expect(() => coverageGapsIf(group, { kind: 'DEPARTURE', partnerId: 'police', on: '2018-01-01' })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    ));

  it('given the group, when a coverage change names an area it does not have, then NOT_FOUND', () =>
    expect(() =>
      coverageGapsIf(group, { kind: 'COVERAGE_CHANGE', partnerId: 'police', areaIds: ['atlantis'], on: '2027-01-01' }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' })));

  it('given the group, when a proposed area has no name, then VALIDATION_FAILED', () =>
    expect(() =>
      coverageGapsIf(group, { kind: 'NEW_AREA', name: ' ', coveringPartnerIds: ['police'], on: '2027-01-01' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' })));
});
