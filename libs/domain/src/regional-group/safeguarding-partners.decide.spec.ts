import {
  actorFor,
  avonAndSomerset,
  command,
  REPRESENTATIVES,
  representativeActor,
  START,
  TODAY,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { SafeguardingPartnersNamed } from './delegation';
import { regionalGroupDecider } from './regional-group.decider';

const spec = specification(regionalGroupDecider);

/** The Wood review's case: the chief constable's delegate is a superintendent, head-of-service rank. */
const policeNaming = {
  partnerId: 'police',
  leadName: 'Sarah Crew',
  leadTitle: 'Chief Constable',
  delegateName: 'Will White',
  delegateTitle: 'Lead for safeguarding (Superintendent)',
  delegateSeniority: 'HEAD_OF_SERVICE' as const,
  from: '2019-09-01',
};
const policeNamed: SafeguardingPartnersNamed = {
  type: 'SafeguardingPartnersNamed',
  data: {
    partnerId: 'police',
    lead: { name: 'Sarah Crew', title: 'Chief Constable' },
    delegate: { name: 'Will White', title: 'Lead for safeguarding (Superintendent)', seniority: 'HEAD_OF_SERVICE' },
    from: '2019-09-01',
  },
};
const byPolice = actorFor(REPRESENTATIVES.willWhite);

describe('nameSafeguardingPartners (R17): each statutory partner’s lead and delegate, with dates', () => {
  it('given the group, when the police’s own representative names the chief constable and her delegate, then it is recorded', () =>
    spec
      .given(avonAndSomerset)
      .when(command('NameSafeguardingPartners', { ...policeNaming, actor: byPolice }))
      .then([policeNamed]));

  it('given the group, when an administrator records it without a day, then it is named from today', () =>
    spec
      .given(avonAndSomerset)
      .when(command('NameSafeguardingPartners', { ...policeNaming, from: null }))
      .then([{ ...policeNamed, data: { ...policeNamed.data, from: TODAY } }]));

  it('given the group, when a representative of another partner names the police’s, then FORBIDDEN', () =>
    spec
      .given(avonAndSomerset)
      .when(command('NameSafeguardingPartners', { ...policeNaming, actor: representativeActor }))
      .thenFails('FORBIDDEN'));

  it('given the group, when the day is before the partner joined, then OUT_OF_RANGE', () =>
    spec
      .given(avonAndSomerset)
      .when(command('NameSafeguardingPartners', { ...policeNaming, from: '2019-05-31' }))
      .thenFails('OUT_OF_RANGE'));

  it('given the group, when the day is after today, then VALIDATION_FAILED', () =>
    spec
      .given(avonAndSomerset)
      .when(command('NameSafeguardingPartners', { ...policeNaming, from: '2020-01-16' }))
      .thenFails('VALIDATION_FAILED', /future/));

  it('given the group, when a partner of no statutory type on the day names a delegate, then VALIDATION_FAILED', () =>
    spec
      .given([
        ...avonAndSomerset,
        {
          type: 'CorePartnerAdmitted',
          data: { partnerId: 'probation', name: 'Probation', agencyType: 'PROBATION', areaIds: [], admittedOn: START },
        },
      ])
      .when(command('NameSafeguardingPartners', { ...policeNaming, partnerId: 'probation' }))
      .thenFails('VALIDATION_FAILED', /not a statutory partner/));

  it('given the group, when the partner is not one of it, then NOT_FOUND', () =>
    spec
      .given(avonAndSomerset)
      .when(command('NameSafeguardingPartners', { ...policeNaming, partnerId: 'nobody' }))
      .thenFails('NOT_FOUND'));

  it('given the group, when the delegate has no name, then VALIDATION_FAILED', () =>
    spec
      .given(avonAndSomerset)
      .when(command('NameSafeguardingPartners', { ...policeNaming, delegateName: '  ' }))
      .thenFails('VALIDATION_FAILED'));

  it('given the group, when the delegate’s seniority is not one the platform knows, then VALIDATION_FAILED', () =>
    spec
      .given(avonAndSomerset)
      .when(command('NameSafeguardingPartners', { ...policeNaming, delegateSeniority: 'CONSTABLE' as never }))
      .thenFails('VALIDATION_FAILED', /seniority must be one of/));
});
