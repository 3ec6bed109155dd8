import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GroupTimeViews } from '../common/group-time-views';
import { GraphqlContext } from '../graphql/graphql-context';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { Workstream } from './workstream.types';
import { toWorkstream } from './workstream.resolver';

@Resolver(() => RegionalGroup)
export class GroupWorkstreamFields {
  constructor(private readonly views: GroupTimeViews) {}

  @ResolveField(() => [Workstream], {
    description:
      'Each with its latest status and whether it has reported since the last meeting; under asAt or asRecordedAt, those that existed then, each as it stood (A3).',
  })
  async workstreams(@Parent() group: RegionalGroup, @Context() context: GraphqlContext): Promise<Workstream[]> {
    const view = group.view ?? this.views.today();
    const rows = await context.loaders.workstreamsOfGroup.load({ id: group.id, args: { view } });
    return rows.map((row) => toWorkstream(row, view, group));
  }
}
