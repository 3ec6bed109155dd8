import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mayChangeTask, mayManageMembers, mayReportStatus } from '@app/domain';
import { Actors } from '../auth/actors';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { GroupTimeViews } from '../common/group-time-views';
import { GraphqlContext } from '../graphql/graphql-context';
import { PeopleToday, workstreamPeopleToday } from './workstream-people-today';
import { Workstream, WorkstreamPerson } from './workstream.types';

/**
 * What the reader may do to the workstream today, answered by the rules its mutations are decided
 * by, with its lead and members of today, so a page offers only the forms that person can use.
 * Nothing for a workstream seen as at a day or a moment, which is history, nor for a closed one (W3).
 */
@Resolver(() => Workstream)
export class WorkstreamViewerMayFields {
  constructor(
    private readonly views: GroupTimeViews,
    private readonly actors: Actors,
  ) {}

  /** Today's lead and members; null for a workstream seen as history or closed today. */
  private peopleToday(workstream: Workstream, context: GraphqlContext): Promise<PeopleToday | null> {
    return workstream.asAt !== null ? Promise.resolve(null) : workstreamPeopleToday(this.views, context, workstream.id);
  }

  @ResolveField(() => [WorkstreamPerson], {
    description:
      'W2: whom the reader may add a task for today, the lead first: the lead any of its lead and members, a member themself, anyone else nobody. Empty for a closed workstream (W3), and for one seen as at a day or a moment.',
  })
  async viewerMayAddTasksFor(
    @Parent() workstream: Workstream,
    @Context() context: GraphqlContext,
    @CurrentIdentity() identity: Identity,
  ): Promise<WorkstreamPerson[]> {
    const today = await this.peopleToday(workstream, context);
    if (!today) return [];
    return today.named.filter((owner) => mayChangeTask(today.people, identity.personId, owner.personId));
  }

  @ResolveField(() => Boolean, {
    description:
      'W1: whether the reader may report the workstream’s status today (its lead). False for a closed workstream (W3), and for one seen as at a day or a moment.',
  })
  async viewerMayReportStatus(
    @Parent() workstream: Workstream,
    @Context() context: GraphqlContext,
    @CurrentIdentity() identity: Identity,
  ): Promise<boolean> {
    const today = await this.peopleToday(workstream, context);
    return today !== null && mayReportStatus(today.people, identity.personId);
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the reader may manage the workstream’s members today (removeWorkstreamMember, addWorkstreamMember): its lead, the group’s chair or an administrator. False for a closed workstream (W3), and for one seen as at a day or a moment.',
  })
  async viewerMayManageMembers(
    @Parent() workstream: Workstream,
    @Context() context: GraphqlContext,
    @CurrentIdentity() identity: Identity,
  ): Promise<boolean> {
    const today = await this.peopleToday(workstream, context);
    // The reader as a command from them would be decided with: their roles in the group today.
    return today !== null && mayManageMembers(today.people, await this.actors.actorFor(identity, workstream.groupId));
  }
}
