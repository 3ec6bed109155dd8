import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphqlContext } from '../graphql/graphql-context';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { Workstream } from './workstream.types';
import { toWorkstream } from './workstream.resolver';

@Resolver(() => RegionalGroup)
export class GroupWorkstreamFields {
  @ResolveField(() => [Workstream], {
    description: 'Each with its latest status and whether it has reported since the last meeting.',
  })
  async workstreams(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<Workstream[]> {
    return (await context.loaders.workstreamsOfGroup.load(group.id)).map(toWorkstream);
  }
}
