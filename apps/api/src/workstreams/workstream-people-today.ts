import { takesChanges, WorkstreamPeople } from '@app/domain';
import { GroupTimeViews } from '../common/group-time-views';
import { GraphqlContext } from '../graphql/graphql-context';
import { WorkstreamPerson } from './workstream.types';

/** A workstream's lead and members today, for the rules a change is decided by today; `named`, the lead first. */
export interface PeopleToday {
  readonly people: WorkstreamPeople;
  readonly named: readonly WorkstreamPerson[];
}

/**
 * Who is on the workstream today, whatever day it is seen on: a command is always decided today,
 * so what the reader may do is answered with today's lead and members. Null when it does not exist,
 * or takes no changes today (closed), so nobody is offered a change it would refuse. Read through the
 * request's loaders, so every workstream and task of a list asking this costs one read of rows and one
 * of members between them.
 */
export async function workstreamPeopleToday(
  views: GroupTimeViews,
  { loaders }: GraphqlContext,
  workstreamId: string,
): Promise<PeopleToday | null> {
  const today = views.today();
  const row = await loaders.workstream.load({ id: workstreamId, args: { view: today } });
  if (!row || !takesChanges(row.status)) return null;
  const members = await loaders.membersOfWorkstream.load({ id: workstreamId, args: { view: today } });
  return {
    people: { leadId: row.leadPersonId, memberIds: members.map((member) => member.personId) },
    named: [{ personId: row.leadPersonId, name: row.leadName }, ...members],
  };
}
