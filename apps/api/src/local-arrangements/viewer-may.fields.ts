import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mayActForArea } from '@app/domain';
import { Actors } from '../auth/actors';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { LocalArrangement } from './local-arrangement.types';

/**
 * What the reader may do for the area today, answered by the rule the area's mutations are decided
 * by, for the actor and managed areas the command path reads, so a page offers only the forms that
 * person can use. Today's, whatever day the arrangement is seen on: a command is always decided today.
 */
@Resolver(() => LocalArrangement)
export class AreaViewerMayFields {
  constructor(private readonly actors: Actors) {}

  @ResolveField(() => Boolean, {
    description:
      "L3, R41: whether the reader may act for the area today: acknowledge its feed, record its decisions on the region's policies, send its reports and escalations up (its own business manager only).",
  })
  async viewerMayActForArea(
    @Parent() arrangement: LocalArrangement,
    @CurrentIdentity() identity: Identity,
  ): Promise<boolean> {
    const [actor, access] = await Promise.all([
      this.actors.actorFor(identity, arrangement.groupId),
      this.actors.access(),
    ]);
    return mayActForArea(actor, arrangement.area.id, this.actors.managedAreaIds(access, identity.personId));
  }
}
