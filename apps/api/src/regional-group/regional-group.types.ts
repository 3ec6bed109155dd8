import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TimeView } from '@app/read-models';
import { Connection } from '../common/connection';

@ObjectType({ description: 'A local authority area covered by a regional group (R1).' })
export class LocalArea {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD: the day it joined the group (R1); given where the group lists its areas.',
  })
  addedOn?: string | null;
}

@ObjectType({ description: 'A regional group coordinating the safeguarding arrangements of its local areas.' })
export class RegionalGroup {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Date)
  establishedAt!: Date;

  @Field({ description: 'YYYY-MM-DD: the day the group came into being; asAt before it is OUT_OF_RANGE.' })
  establishedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The day the membership fields are seen on when asked asAt; null for today.',
  })
  asAt!: string | null;

  @Field(() => Date, { nullable: true, description: 'The moment they are seen as recorded at, when asked.' })
  asRecordedAt!: Date | null;

  /** The rows its fields see: today, recorded now, unless asked otherwise. */
  view?: TimeView;
}

@ObjectType()
export class RegionalGroupConnection extends Connection(RegionalGroup) {}
