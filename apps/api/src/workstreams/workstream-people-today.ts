import { takesChanges, WorkstreamPeople } from '@app/domain';
import { WorkstreamQueries } from '@app/read-models';
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
 * or takes no changes today (closed), so nobody is offered a change it would refuse.
 */
export async function workstreamPeopleToday(
  { workstreams, views }: { readonly workstreams: WorkstreamQueries; readonly views: GroupTimeViews },
  context: GraphqlContext,
  workstreamId: string,
): Promise<PeopleToday | null> {
  const today = views.today();
  const row = workstreams.workstreamSeen(workstreamId, today);
  if (!row || !takesChanges(row.status)) return null;
  const members = await context.loaders.membersOfWorkstream.load({ id: workstreamId, args: { view: today } });
  return {
    people: { leadId: row.leadPersonId, memberIds: members.map((member) => member.personId) },
    named: [{ personId: row.leadPersonId, name: row.leadName }, ...members],
  };
}
