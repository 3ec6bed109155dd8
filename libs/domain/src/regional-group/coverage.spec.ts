import {
  AREAS,
  avonAndSomerset,
  coverageChanged,
  established,
  groupAfter,
  partnersAdmitted,
  partnerSucceeded,
  START,
  termsAdopted,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { coverageOn, describeGaps, gapsCreated, gapsOn } from './coverage';
import { RegionalGroupEvent } from './regional-group.events';

const ALL_THREE = ['HEALTH', 'LOCAL_AUTHORITY', 'POLICE'];

const policeLeavesSomerset: RegionalGroupEvent = coverageChanged('police', [
  'banes',
  'bristol',
  'north-somerset',
  'south-glos',
]);

const somersetPoliceGap = { areaId: 'somerset', areaName: 'Somerset', agencyType: 'POLICE' };

describe('coverageOn (R3, A3)', () => {
  it('gives every Avon and Somerset area all three statutory types and nothing missing', () => {
    expect(coverageOn(groupAfter(avonAndSomerset), TODAY)).toEqual([
      { areaId: 'banes', areaName: 'Bath and North East Somerset', covered: ALL_THREE, missing: [] },
      { areaId: 'bristol', areaName: 'Bristol', covered: ALL_THREE, missing: [] },
      { areaId: 'north-somerset', areaName: 'North Somerset', covered: ALL_THREE, missing: [] },
      { areaId: 'somerset', areaName: 'Somerset', covered: ALL_THREE, missing: [] },
      { areaId: 'south-glos', areaName: 'South Gloucestershire', covered: ALL_THREE, missing: [] },
    ]);
    expect(gapsOn(groupAfter(avonAndSomerset), TODAY)).toEqual([]);
  });

  it('lists every required type as missing in a group with no partners yet', () => {
    const coverage = coverageOn(groupAfter([established, termsAdopted]), TODAY);
    expect(coverage).toHaveLength(5);
    for (const area of coverage) {
      expect(area.covered).toEqual([]);
      expect(area.missing).toEqual(['LOCAL_AUTHORITY', 'HEALTH', 'POLICE']);
    }
  });

  it('uses the statutory types of the platform defaults before terms are adopted', () => {
    const coverage = coverageOn(groupAfter([established, ...partnersAdmitted]), TODAY);
    expect(coverage.every((area) => area.missing.length === 0)).toBe(true);
    expect(coverageOn(groupAfter([established]), TODAY)[0].missing).toEqual(['LOCAL_AUTHORITY', 'HEALTH', 'POLICE']);
  });

  it('names the area and the type when the police stop covering Somerset', () => {
    const group = groupAfter([...avonAndSomerset, policeLeavesSomerset]);
    expect(coverageOn(group, TODAY).find((area) => area.areaId === 'somerset')).toEqual({
      areaId: 'somerset',
      areaName: 'Somerset',
      covered: ['HEALTH', 'LOCAL_AUTHORITY'],
      missing: ['POLICE'],
    });
    expect(gapsOn(group, TODAY)).toEqual([somersetPoliceGap]);
  });

  it('does not count a partner that has been succeeded', () => {
    const succeededWithoutSuccessorCoverage: RegionalGroupEvent = partnerSucceeded({ areaIds: [] });
    const group = groupAfter([...avonAndSomerset, succeededWithoutSuccessorCoverage]);
    expect(gapsOn(group, '2022-07-01')).toEqual([{ areaId: 'somerset', areaName: 'Somerset', agencyType: 'HEALTH' }]);
    // Before the succession took effect the CCG still covered Somerset (A3).
    expect(gapsOn(group, '2022-06-30')).toEqual([]);
  });

  it('lists a non-statutory partner among the covered types without it filling a statutory gap', () => {
    const educationAdmitted: RegionalGroupEvent = {
      type: 'CorePartnerAdmitted',
      data: {
        partnerId: 'schools',
        name: 'Somerset Schools Forum',
        agencyType: 'EDUCATION',
        areaIds: ['somerset'],
        admittedOn: START,
      },
    };
    const group = groupAfter([...avonAndSomerset, policeLeavesSomerset, educationAdmitted]);
    expect(coverageOn(group, TODAY).find((area) => area.areaId === 'somerset')).toEqual({
      areaId: 'somerset',
      areaName: 'Somerset',
      covered: ['EDUCATION', 'HEALTH', 'LOCAL_AUTHORITY'],
      missing: ['POLICE'],
    });
  });

  it('requires the types the terms in force list, education included when they add it', () => {
    const educationRequired: RegionalGroupEvent = {
      type: 'TermsOfReferenceAdopted',
      data: {
        ...termsAdopted.data,
        version: '2.0',
        statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE', 'EDUCATION'],
        gapsAccepted: [],
      },
    };
    const coverage = coverageOn(groupAfter([...avonAndSomerset, educationRequired]), TODAY);
    expect(coverage.map((area) => area.missing)).toEqual([
      ['EDUCATION'],
      ['EDUCATION'],
      ['EDUCATION'],
      ['EDUCATION'],
      ['EDUCATION'],
    ]);
  });
});

describe('gapsCreated (R3)', () => {
  it('finds no gap when nothing changes', () => {
    const group = groupAfter(avonAndSomerset);
    expect(gapsCreated(group, group, TODAY)).toEqual([]);
  });

  it('finds the gap a coverage change creates', () => {
    expect(
      gapsCreated(groupAfter(avonAndSomerset), groupAfter([...avonAndSomerset, policeLeavesSomerset]), TODAY),
    ).toEqual([somersetPoliceGap]);
  });

  it('does not report again a gap that was already there', () => {
    const before = groupAfter([...avonAndSomerset, policeLeavesSomerset]);
    const councilLeavesToo: RegionalGroupEvent = coverageChanged('somerset-council', ['bristol']);
    const after = groupAfter([...avonAndSomerset, policeLeavesSomerset, councilLeavesToo]);
    expect(gapsCreated(before, after, TODAY)).toEqual([
      { areaId: 'somerset', areaName: 'Somerset', agencyType: 'LOCAL_AUTHORITY' },
    ]);
  });

  it('finds no gap when a gap is closed', () => {
    const before = groupAfter([...avonAndSomerset, policeLeavesSomerset]);
    expect(gapsCreated(before, groupAfter(avonAndSomerset), TODAY)).toEqual([]);
  });

  it('finds one gap per area when the terms add a type nobody covers', () => {
    const educationRequired: RegionalGroupEvent = {
      type: 'TermsOfReferenceAdopted',
      data: { ...termsAdopted.data, version: '2.0', statutoryTypesPerArea: ['EDUCATION', 'HEALTH'], gapsAccepted: [] },
    };
    expect(
      gapsCreated(groupAfter(avonAndSomerset), groupAfter([...avonAndSomerset, educationRequired]), TODAY),
    ).toEqual(
      Object.values(AREAS).map((area) => ({ areaId: area.areaId, areaName: area.name, agencyType: 'EDUCATION' })),
    );
  });
});

describe('describeGaps', () => {
  it('names each area and type in words', () => {
    expect(
      describeGaps([
        somersetPoliceGap,
        { areaId: 'banes', areaName: 'Bath and North East Somerset', agencyType: 'LOCAL_AUTHORITY' },
      ]),
    ).toBe('Somerset would have no police partner; Bath and North East Somerset would have no local authority partner');
  });
});
