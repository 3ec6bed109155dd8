import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImplementationStatus, LOCAL_GROUP_KINDS, LocalGroupKind } from '@app/domain';
import { TimeView } from '@app/read-models';
import { LocalArea } from '../regional-group/regional-group.types';

export const LocalGroupKindEnum = Object.fromEntries(LOCAL_GROUP_KINDS.map((k) => [k, k])) as Record<
  LocalGroupKind,
  LocalGroupKind
>;
registerEnumType(LocalGroupKindEnum, { name: 'LocalGroupKind' });
export const ImplementationStatusEnum = { DUE: 'DUE', OVERDUE: 'OVERDUE', DONE: 'DONE' } as const satisfies Record<
  ImplementationStatus,
  ImplementationStatus
>;
registerEnumType(ImplementationStatusEnum, {
  name: 'ImplementationStatus',
  description: 'L4: implementation is due within 3 months of publishing.',
});

@ObjectType({ description: 'L1: an organisation taking part in an area’s arrangement besides its statutory partners.' })
export class RelevantAgency {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'An agency type code (EDUCATION for schools and childcare).' })
  agencyType!: string;

  @Field()
  from!: string;

  @Field(() => String, { nullable: true, description: 'The first day it no longer takes part.' })
  to!: string | null;

  @Field({ description: 'Whether it takes part on the day seen on.' })
  current!: boolean;
}

@ObjectType({ description: 'L1: one of the area’s own groups, and the regional workstreams a working group works to.' })
export class LocalGroup {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => LocalGroupKindEnum)
  kind!: LocalGroupKind;

  @Field(() => Int)
  meetingsPerYear!: number;

  @Field(() => [ID])
  workstreamIds!: string[];
}

@ObjectType({ description: 'L4: one version of the area’s published arrangements.' })
export class PublishedArrangements {
  @Field(() => ID)
  id!: string;

  @Field()
  version!: string;

  @Field()
  publishedOn!: string;

  @Field(() => String, { nullable: true })
  secretaryOfStateNotifiedOn!: string | null;

  @Field(() => String, { nullable: true })
  implementedOn!: string | null;

  @Field()
  implementationDueOn!: string;

  @Field(() => ImplementationStatusEnum, { description: 'On the day seen on.' })
  implementationStatus!: ImplementationStatus;
}

@ObjectType({
  description: 'An area’s own arrangement (L1, L4), recorded by its business manager, read by the region.',
})
export class LocalArrangement {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalArea)
  area!: LocalArea;

  @Field({ description: 'The day seen on.' })
  asAt!: string;

  @Field(() => ID, { description: 'The regional group the area belongs to.' })
  groupId!: string;

  view!: TimeView;
}
