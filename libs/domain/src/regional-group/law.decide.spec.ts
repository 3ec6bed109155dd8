import {
  ALL_AREA_IDS,
  AREAS,
  avonAndSomerset,
  command,
  groupAfter,
  representativeActor,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { gapsOn } from './coverage';
import { agencyTypesOn, AgencyTypeRequired, requiredTypesOn } from './law';
import { regionalGroupDecider } from './regional-group.decider';
import { RegionalGroupEvent } from './regional-group.events';

const spec = specification(regionalGroupDecider);
const EDUCATION_FROM = '2027-04-01';

const educationRequired = (scope: 'PARTNERS' | 'PARTICIPANTS', gaps = true): AgencyTypeRequired => ({
  type: 'AgencyTypeRequired',
  data: {
    code: 'EDUCATION',
    inForceFrom: EDUCATION_FROM,
    scope,
    gapsAccepted:
      scope === 'PARTNERS' && gaps
        ? Object.values(AREAS).map((area) => ({ areaId: area.areaId, areaName: area.name, agencyType: 'EDUCATION' }))
        : [],
  },
});

describe('The law as data: which agency types are required, from when (R2, R3, L1)', () => {
  describe('requiredTypesOn', () => {
    const terms = { statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE'] };
    const requirements = [
      { code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'PARTICIPANTS' as const },
      { code: 'PROBATION', inForceFrom: '2020-01-01', scope: 'PARTNERS' as const },
    ];

    it('given a participant requirement from 1 April 2027, when asked the day before, then it is not required', () => {
      expect(requiredTypesOn(terms, requirements, 'PARTICIPANTS', '2027-03-31')).toEqual([]);
    });

    it('given a participant requirement from 1 April 2027, when asked on that day, then it is required', () => {
      expect(requiredTypesOn(terms, requirements, 'PARTICIPANTS', EDUCATION_FROM)).toEqual(['EDUCATION']);
    });

    it('given the terms and a partner requirement in force, then partners need both', () => {
      expect(requiredTypesOn(terms, requirements, 'PARTNERS', '2026-12-01')).toEqual([
        'LOCAL_AUTHORITY',
        'HEALTH',
        'POLICE',
        'PROBATION',
      ]);
    });
  });

  describe('agencyTypesOn', () => {
    const terms = { statutoryTypesPerArea: ['LOCAL_AUTHORITY', 'HEALTH', 'POLICE'] };
    const requirements = [{ code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'PARTNERS' as const }];
    const statutory = (date: string, defined = [{ code: 'CAFCASS', name: 'Cafcass' }]) =>
      agencyTypesOn(terms, defined, requirements, date)
        .filter((type) => type.statutory)
        .map((type) => type.code);

    it('given education required of partners from 1 April 2027, when asked the day before, then only the three partners are statutory', () =>
      expect(statutory('2027-03-31')).toEqual(['LOCAL_AUTHORITY', 'HEALTH', 'POLICE']));

    it('given education required of partners from 1 April 2027, when asked on that day, then education is statutory too', () =>
      expect(statutory(EDUCATION_FROM)).toEqual(['LOCAL_AUTHORITY', 'HEALTH', 'POLICE', 'EDUCATION']));

    it('given a type the group defined, then it is listed after the platform’s, statutory only when required', () =>
      expect(agencyTypesOn(terms, [{ code: 'CAFCASS', name: 'Cafcass' }], requirements, EDUCATION_FROM).at(-1)).toEqual(
        { code: 'CAFCASS', name: 'Cafcass', statutory: false },
      ));
  });

  describe('requireAgencyType', () => {
    it('given the group, when education is required of partners from a future commencement, then it is accepted with the gaps it will make', () => {
      spec
        .given(avonAndSomerset)
        .when(command('RequireAgencyType', { code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'PARTNERS' }))
        .then([educationRequired('PARTNERS')]);
    });

    it('given education required of partners from 1 April 2027, then the gaps appear from that day only', () => {
      const group = groupAfter([...avonAndSomerset, educationRequired('PARTNERS')]);
      expect(gapsOn(group, '2027-03-31')).toEqual([]);
      expect(gapsOn(group, EDUCATION_FROM).map((gap) => gap.areaId)).toEqual(ALL_AREA_IDS);
    });

    it('given the group, when education is required of participants, then no partner coverage gap is recorded', () => {
      spec
        .given(avonAndSomerset)
        .when(command('RequireAgencyType', { code: 'EDUCATION', inForceFrom: EDUCATION_FROM, scope: 'PARTICIPANTS' }))
        .then([educationRequired('PARTICIPANTS')]);
    });

    it('given a requirement already recorded, when it is required again for the same scope, then ALREADY_EXISTS', () => {
      spec
        .given([...avonAndSomerset, educationRequired('PARTICIPANTS')])
        .when(command('RequireAgencyType', { code: 'EDUCATION', inForceFrom: '2027-09-01', scope: 'PARTICIPANTS' }))
        .thenFails('ALREADY_EXISTS');
    });

    it('given the group, when an unknown type is required, then NOT_FOUND', () => {
      spec
        .given(avonAndSomerset)
        .when(command('RequireAgencyType', { code: 'CAFCASS', inForceFrom: EDUCATION_FROM, scope: 'PARTICIPANTS' }))
        .thenFails('NOT_FOUND', /define it first/);
    });

    it('given the group, when a scope is neither partners nor participants, then VALIDATION_FAILED', () => {
      spec
        .given(avonAndSomerset)
        .when(
          command('RequireAgencyType', {
            code: 'EDUCATION',
            inForceFrom: EDUCATION_FROM,
            scope: 'EVERYONE' as 'PARTNERS',
          }),
        )
        .thenFails('VALIDATION_FAILED');
    });

    it('given the group, when a requirement is dated before the group existed, then OUT_OF_RANGE', () => {
      spec
        .given(avonAndSomerset)
        .when(command('RequireAgencyType', { code: 'EDUCATION', inForceFrom: '2018-01-01', scope: 'PARTNERS' }))
        .thenFails('OUT_OF_RANGE');
    });

    it('given a representative who is not the chair, when they require a type, then FORBIDDEN', () => {
      spec
        .given(avonAndSomerset)
        .when(
          command('RequireAgencyType', {
            code: 'EDUCATION',
            inForceFrom: EDUCATION_FROM,
            scope: 'PARTNERS',
            actor: representativeActor,
          }),
        )
        .thenFails('FORBIDDEN');
    });
  });

  describe('defineAgencyType', () => {
    const cafcass: RegionalGroupEvent = {
      type: 'AgencyTypeDefined',
      data: { code: 'CAFCASS', name: 'Children and Family Court Advisory and Support Service', definedOn: TODAY },
    };

    it('given the group, when a new type is defined, then it is recorded and can be required', () => {
      spec
        .given(avonAndSomerset)
        .when(
          command('DefineAgencyType', {
            code: 'CAFCASS',
            name: ' Children and Family Court Advisory and Support Service ',
            definedOn: null,
          }),
        )
        .then([cafcass]);
      spec
        .given([...avonAndSomerset, cafcass])
        .when(command('RequireAgencyType', { code: 'CAFCASS', inForceFrom: TODAY, scope: 'PARTICIPANTS' }))
        .then([
          {
            type: 'AgencyTypeRequired',
            data: { code: 'CAFCASS', inForceFrom: TODAY, scope: 'PARTICIPANTS', gapsAccepted: [] },
          },
        ]);
    });

    it('given a type the platform already knows, when it is defined again, then ALREADY_EXISTS', () => {
      spec
        .given(avonAndSomerset)
        .when(command('DefineAgencyType', { code: 'EDUCATION', name: 'Education', definedOn: null }))
        .thenFails('ALREADY_EXISTS');
    });

    it('given the group, when a code is not in capitals, then VALIDATION_FAILED', () => {
      spec
        .given(avonAndSomerset)
        .when(command('DefineAgencyType', { code: 'cafcass', name: 'Cafcass', definedOn: null }))
        .thenFails('VALIDATION_FAILED');
    });

    it('given the group, when a type is defined with no name, then VALIDATION_FAILED', () => {
      spec
        .given(avonAndSomerset)
        .when(command('DefineAgencyType', { code: 'CAFCASS', name: '  ', definedOn: null }))
        .thenFails('VALIDATION_FAILED', /needs a name/);
    });

    it('given the group, when a type is dated before the group existed, then OUT_OF_RANGE', () => {
      spec
        .given(avonAndSomerset)
        .when(command('DefineAgencyType', { code: 'CAFCASS', name: 'Cafcass', definedOn: '2000-01-01' }))
        .thenFails('OUT_OF_RANGE');
    });

    it('given a defined type, when a partner of that type is admitted, then it is accepted', () => {
      const events = regionalGroupDecider.decide(
        command('AdmitCorePartner', {
          partnerId: 'cafcass',
          name: 'Cafcass',
          agencyType: 'CAFCASS',
          areaIds: ['bristol'],
          admittedOn: TODAY,
        }),
        groupAfter([...avonAndSomerset, cafcass]),
      );
      expect(events.map((event) => event.type)).toEqual(['CorePartnerAdmitted']);
    });
  });
});
