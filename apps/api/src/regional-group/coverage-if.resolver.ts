import { Inject } from '@nestjs/common';
import { Args, Field, ID, InputType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { coverageGapsIf, CoverageChangeIf, DomainError, regionalGroupDecider, regionalGroupStream } from '@app/domain';
import { EventStore, readState } from '@app/event-store';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';
import { IsDay, IsEntityId, IsShortText } from '../common/input-validators';
import { KnownEntities } from '../common/known-entities';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { CoverageGap } from './membership.types';

const KINDS = ['DEPARTURE', 'COVERAGE_CHANGE', 'NEW_AREA'] as const;
const CoverageChangeKind = Object.fromEntries(KINDS.map((k) => [k, k])) as Record<
  (typeof KINDS)[number],
  (typeof KINDS)[number]
>;
registerEnumType(CoverageChangeKind, { name: 'CoverageChangeKind' });

@InputType({
  description:
    'R3: a change nobody has recorded. DEPARTURE names partnerId; COVERAGE_CHANGE names partnerId and areaIds; NEW_AREA names name and coveringPartnerIds.',
})
class CoverageChangeInput {
  @Field(() => CoverageChangeKind)
  @IsIn(KINDS)
  kind!: (typeof KINDS)[number];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsEntityId()
  partnerId?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  areaIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsShortText()
  name?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsEntityId({ each: true })
  coveringPartnerIds?: string[] | null;

  @Field({ description: 'YYYY-MM-DD: the day the change would take effect.' })
  @IsDay()
  on!: string;
}

function toChange(input: CoverageChangeInput): CoverageChangeIf {
  const missing = (field: string) =>
    new DomainError('VALIDATION_FAILED', `A ${input.kind} change needs ${field}.`, { field });
  switch (input.kind) {
    case 'DEPARTURE':
      if (!input.partnerId) throw missing('partnerId');
      return { kind: input.kind, partnerId: input.partnerId, on: input.on };
    case 'COVERAGE_CHANGE':
      if (!input.partnerId) throw missing('partnerId');
      if (!input.areaIds) throw missing('areaIds');
      return { kind: input.kind, partnerId: input.partnerId, areaIds: input.areaIds, on: input.on };
    case 'NEW_AREA':
      if (!input.name) throw missing('name');
      return { kind: input.kind, name: input.name, coveringPartnerIds: input.coveringPartnerIds ?? [], on: input.on };
  }
}

/** R3's what-if: the gaps a change would make, from the group's own stream, recording nothing. */
@Resolver()
export class CoverageIfResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: ReadAccess,
    private readonly known: KnownEntities,
  ) {}

  @Query(() => [CoverageGap], {
    description:
      'R3: the coverage gaps a departure, a coverage change or a new area would make on its day, without recording it. For the group’s readers (R43).',
  })
  async coverageIf(
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('change') change: CoverageChangeInput,
    @CurrentIdentity() identity: Identity,
  ): Promise<CoverageGap[]> {
    this.known.group(groupId);
    await this.access.assertGroup(identity.personId, groupId);
    const group = await readState(this.store, regionalGroupStream(groupId), regionalGroupDecider);
    if (group.status !== 'active') throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
    return coverageGapsIf(group, toChange(change));
  }
}
