import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mayActForRegion, mayRunMeetings } from '@app/domain';
import { Actors } from '../auth/actors';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { RegionalGroup } from './regional-group.types';

/**
 * What the reader may do to the group today, answered by the rules its mutations are decided by and
 * for the same actor (the one the command gateway builds), so a page offers only the forms that
 * person can use. Today's, whatever day the group is seen on: a command is always decided today.
 */
@Resolver(() => RegionalGroup)
export class GroupViewerMayFields {
  constructor(private readonly actors: Actors) {}

  @ResolveField(() => Boolean, {
    description:
      "R11, R43: whether the reader may acknowledge what the group's areas send up and respond to and resolve their escalations today (a current representative of the group; an auditor or administrator reads but does not answer).",
  })
  async viewerMayAnswerAreas(@Parent() group: RegionalGroup, @CurrentIdentity() identity: Identity): Promise<boolean> {
    return mayActForRegion(await this.actors.actorFor(identity, group.id));
  }

  @ResolveField(() => Boolean, {
    description:
      "Whether the reader may schedule and open the group's meetings and record their attendance and business today (an administrator, the chair or the deputy chair).",
  })
  async viewerMayRunMeetings(@Parent() group: RegionalGroup, @CurrentIdentity() identity: Identity): Promise<boolean> {
    return mayRunMeetings(await this.actors.actorFor(identity, group.id));
  }
}
