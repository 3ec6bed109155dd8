import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'L6: an independent scrutineer of the area’s arrangements.' })
export class Scrutineer {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  from!: string;

  @Field(() => String, { nullable: true, description: 'The first day no longer appointed.' })
  to!: string | null;

  @Field({ description: 'Whether appointed on the day seen on.' })
  current!: boolean;
}

@ObjectType({ description: 'L6: what a scrutineer examined, and when.' })
export class ScrutinyActivity {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  scrutineerId!: string;

  @Field()
  examined!: string;

  @Field()
  on!: string;
}

@ObjectType({ description: 'R9 as L6 tracks it: one target partner’s response.' })
export class ScrutinyResponse {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  partnerId!: string;

  @Field({ description: 'ACCEPTED, DECLINED or IMPLEMENTED.' })
  response!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  respondedOn!: string;
}

@ObjectType()
export class ScrutinyRecommendation {
  @Field(() => ID)
  id!: string;

  @Field()
  text!: string;

  @Field(() => [ID])
  targetPartnerIds!: string[];

  @Field()
  dueDate!: string;

  @Field({ description: 'R9 on the day seen on: past due while a target has yet to implement or decline it.' })
  overdue!: boolean;

  @Field(() => [ScrutinyResponse], { description: 'Every response given by the day seen on, in order.' })
  responses!: ScrutinyResponse[];
}

@ObjectType({ description: 'L6: a scrutiny report and its recommendations.' })
export class ScrutinyReport {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  scrutineerId!: string;

  @Field()
  title!: string;

  @Field()
  publishedOn!: string;

  @Field(() => [ScrutinyRecommendation])
  recommendations!: ScrutinyRecommendation[];
}
