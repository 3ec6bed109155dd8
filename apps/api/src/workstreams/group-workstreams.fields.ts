import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { WorkstreamQueries } from '@app/read-models';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { Workstream } from './workstream.types';
import { toWorkstream } from './workstream.resolver';

@Resolver(() => RegionalGroup)
export class GroupWorkstreamFields {
  constructor(private readonly queries: WorkstreamQueries) {}

  @ResolveField(() => [Workstream], {
    description: 'Each with its latest status and whether it has reported since the last meeting.',
  })
  workstreams(@Parent() group: RegionalGroup): Workstream[] {
    return this.queries.workstreamsOfGroup(group.id).map(toWorkstream);
  }
}
