import { avonAndSomerset, command, representativeActor } from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { regionalGroupDecider } from './regional-group.decider';
import { RegionalGroupEvent } from './regional-group.events';

const spec = specification(regionalGroupDecider);
const appoint = (data: Partial<{ name: string; from: string; to: string | null }> = {}) =>
  command('AppointGroupScrutineer', {
    scrutineerId: 's-1',
    name: 'Independent Scrutineer',
    from: '2019-09-29',
    to: null,
    ...data,
  });

describe('appointGroupScrutineer (L6): a scrutineer for the whole group', () => {
  it('given the group, when the administrator appoints a scrutineer from a day, then it is recorded', () =>
    spec
      .given(avonAndSomerset)
      .when(appoint({ to: '2022-09-29' }))
      .then([
        {
          type: 'GroupScrutineerAppointed',
          data: { scrutineerId: 's-1', name: 'Independent Scrutineer', from: '2019-09-29', to: '2022-09-29' },
        },
      ]));

  it('given the group, when a representative who is not the chair appoints one, then FORBIDDEN', () =>
    spec
      .given(avonAndSomerset)
      .when({ ...appoint(), data: { ...appoint().data, actor: representativeActor } })
      .thenFails('FORBIDDEN'));

  it('given the group, when the appointment starts before the group existed, then OUT_OF_RANGE', () =>
    spec
      .given(avonAndSomerset)
      .when(appoint({ from: '2019-05-31' }))
      .thenFails('OUT_OF_RANGE'));

  it('given the group, when the appointment ends before it starts or has no name, then VALIDATION_FAILED', () => {
    spec
      .given(avonAndSomerset)
      .when(appoint({ to: '2019-09-29' }))
      .thenFails('VALIDATION_FAILED', /ends/);
    spec
      .given(avonAndSomerset)
      .when(appoint({ name: ' ' }))
      .thenFails('VALIDATION_FAILED');
  });

  it("given an appointment, then the group's state holds its days, for the rules of its areas' scrutiny (L6)", () => {
    const appointed: RegionalGroupEvent = {
      type: 'GroupScrutineerAppointed',
      data: { scrutineerId: 's-1', name: 'Independent Scrutineer', from: '2019-09-29', to: '2022-09-29' },
    };
    const group = [...avonAndSomerset, appointed].reduce(
      (state, event) => regionalGroupDecider.evolve(state, event),
      regionalGroupDecider.initialState,
    );
    expect(group.status === 'active' && group.scrutineers).toEqual({ 's-1': { from: '2019-09-29', to: '2022-09-29' } });
  });
});
