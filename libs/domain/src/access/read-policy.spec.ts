import { RegionalGroupEvent } from '../regional-group/regional-group.events';
import { regionalGroupDecider } from '../regional-group/regional-group.decider';
import { fold } from '../shared/decider';
import { appointmentEnded, avonAndSomerset, REPRESENTATIVES } from '../testing/avon-and-somerset.fixture';
import { mayReadGroup } from './read-policy';

/** given(the group's events), when(a person with these platform roles asks on a date), then(may they read it). */
const given = (events: readonly RegionalGroupEvent[]) => ({
  when: (personId: string, roles: readonly string[], date: string) => ({
    then: (expected: boolean) =>
      expect(mayReadGroup(fold(regionalGroupDecider, events), personId, roles, date)).toBe(expected),
  }),
});

describe("who may read a group's business (R43)", () => {
  const jacqui = REPRESENTATIVES.jacquiJensen;

  it("is open to the group's current representatives", () => {
    given(avonAndSomerset).when(jacqui.personId, [], '2020-01-15').then(true);
  });

  it('is closed to someone with no role, and to an area business manager who represents no partner', () => {
    given(avonAndSomerset).when('nobody', [], '2020-01-15').then(false);
    given(avonAndSomerset).when('manager', ['AREA_BUSINESS_MANAGER'], '2020-01-15').then(false);
  });

  it('is closed to a representative from the day their appointment ends, and before it starts', () => {
    const ended = [...avonAndSomerset, appointmentEnded(jacqui.appointmentId, '2020-02-01')];
    given(ended).when(jacqui.personId, [], '2020-01-31').then(true);
    given(ended).when(jacqui.personId, [], '2020-02-01').then(false);
    given(avonAndSomerset).when(jacqui.personId, [], '2019-05-31').then(false);
  });

  it('is open to administrators and auditors, even for a group that does not exist yet', () => {
    given(avonAndSomerset).when('admin', ['ADMINISTRATOR'], '2020-01-15').then(true);
    given(avonAndSomerset).when('auditor', ['AUDITOR'], '2020-01-15').then(true);
    given([]).when('auditor', ['AUDITOR'], '2020-01-15').then(true);
    given([]).when(jacqui.personId, [], '2020-01-15').then(false);
  });
});
