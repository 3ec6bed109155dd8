import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A role an administrator granted.' })
export class RoleGrant {
  @Field()
  role!: string;

  @Field(() => ID, { nullable: true, description: 'The area the role is limited to, for an area business manager.' })
  areaId!: string | null;
}

@ObjectType({ description: 'The signed-in person.' })
export class Me {
  @Field(() => ID, { description: 'Not the person’s id: Me and Person are cached apart.' })
  id!: string;

  @Field(() => ID)
  personId!: string;

  @Field()
  name!: string;

  @Field(() => [RoleGrant])
  roles!: RoleGrant[];
}

@ObjectType({ description: 'A person the platform knows, with the roles an administrator granted them.' })
export class Person {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The same as id: the name inputs such as grantRole use.' })
  personId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => [RoleGrant])
  roles!: RoleGrant[];
}
