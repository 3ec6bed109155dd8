import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../common/connection';

@ObjectType({ description: 'A local authority area covered by a regional group (R1).' })
export class LocalArea {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType({ description: 'A regional group coordinating the safeguarding arrangements of its local areas.' })
export class RegionalGroup {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Date)
  establishedAt!: Date;
}

@ObjectType()
export class RegionalGroupConnection extends Connection(RegionalGroup) {}
