import { agencyTypeOn, INTEGRATED_CARE_BOARDS_FROM, platformAgencyTypesOn } from './agency-types';

describe('agencyTypeOn: the health partner named as the law named it on the day (R16)', () => {
  it.each([
    ['the day the group was established', '2019-06-01', 'Health (clinical commissioning group)'],
    ['the last day of the clinical commissioning groups', '2022-06-30', 'Health (clinical commissioning group)'],
    ['the day integrated care boards took over', '2022-07-01', 'Health (integrated care board)'],
    ['a later day', '2026-11-23', 'Health (integrated care board)'],
  ])('given the health type, when seen on %s (%s), then it reads %j', (_, date, name) => {
    expect(agencyTypeOn('HEALTH', date)).toEqual({ code: 'HEALTH', name, statutory: true });
  });

  it('given the boards took over on 1 July 2022, then that is the day the name changes', () => {
    expect(INTEGRATED_CARE_BOARDS_FROM).toBe('2022-07-01');
  });

  it.each([['2020-03-01'], ['2026-11-23']])(
    'given the other types, when seen on %s, then their names do not change',
    (date) => {
      expect(platformAgencyTypesOn(date).filter((type) => type.code !== 'HEALTH')).toEqual([
        { code: 'LOCAL_AUTHORITY', name: 'Local authority', statutory: true },
        { code: 'POLICE', name: 'Police', statutory: true },
        { code: 'EDUCATION', name: 'Education and childcare', statutory: false },
        { code: 'PROBATION', name: 'Probation service', statutory: false },
        { code: 'OTHER', name: 'Other relevant agency', statutory: false },
      ]);
    },
  );

  it('given a code the platform does not have, when asked, then there is none', () => {
    expect(agencyTypeOn('CAFCASS', '2026-11-23')).toBeUndefined();
  });
});
