import { avonAndSomerset, command, representativeActor, TODAY } from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { delegationBelowMinimum } from './delegation';
import { regionalGroupDecider } from './regional-group.decider';

const spec = specification(regionalGroupDecider);
const directorFrom2020 = [{ seniority: 'DIRECTOR', from: '2020-01-01' }];

describe('delegation below the seniority the group sets (R17)', () => {
  it('given a director minimum, when the police delegate a head of service (the superintendent case), then it is flagged', () =>
    expect(delegationBelowMinimum('HEAD_OF_SERVICE', directorFrom2020, '2020-06-01')).toBe(true));
  it('given a director minimum, when a director is delegated, then it is not flagged', () =>
    expect(delegationBelowMinimum('DIRECTOR', directorFrom2020, '2020-06-01')).toBe(false));
  it('given a minimum from 2020, when asked of a day before it, then nothing is flagged', () =>
    expect(delegationBelowMinimum('HEAD_OF_SERVICE', directorFrom2020, '2019-12-31')).toBe(false));
  it('given a later, lower minimum, then the latest in force decides', () =>
    expect(
      delegationBelowMinimum(
        'HEAD_OF_SERVICE',
        [...directorFrom2020, { seniority: 'HEAD_OF_SERVICE', from: '2021-01-01' }],
        '2021-06-01',
      ),
    ).toBe(false));

  it('given the group, when the administrator sets a minimum, then it is recorded from today', () =>
    spec
      .given(avonAndSomerset)
      .when(command('SetDelegateMinimumSeniority', { seniority: 'DIRECTOR', from: null }))
      .then([{ type: 'DelegateMinimumSenioritySet', data: { seniority: 'DIRECTOR', from: TODAY } }]));
  it('given the group, when a representative who is not the chair sets it, then FORBIDDEN', () =>
    spec
      .given(avonAndSomerset)
      .when(command('SetDelegateMinimumSeniority', { seniority: 'DIRECTOR', from: null, actor: representativeActor }))
      .thenFails('FORBIDDEN'));
  it('given the group, when the seniority is unknown, then VALIDATION_FAILED', () =>
    spec
      .given(avonAndSomerset)
      .when(command('SetDelegateMinimumSeniority', { seniority: 'GENERAL' as 'DIRECTOR', from: null }))
      .thenFails('VALIDATION_FAILED'));
  it('given the group, when the partnership chair is recorded, then the name and title are kept', () =>
    spec
      .given(avonAndSomerset)
      .when(
        command('RecordPartnershipChair', {
          name: ' Jane  Doe ',
          title: 'Independent partnership chair',
          from: '2024-04-01',
        }),
      )
      .then([
        {
          type: 'PartnershipChairRecorded',
          data: { name: 'Jane Doe', title: 'Independent partnership chair', from: '2024-04-01' },
        },
      ]));
  it('given the group, when the chair is dated before the group existed, then OUT_OF_RANGE', () =>
    spec
      .given(avonAndSomerset)
      .when(command('RecordPartnershipChair', { name: 'Jane Doe', title: '', from: '2010-01-01' }))
      .thenFails('OUT_OF_RANGE'));
});
