import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError } from '@app/domain';
import { PeopleQueries } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { requestMeta } from '../common/command-gateway';
import { GraphqlContext } from '../graphql/graphql-context';
import { RegisterPersonInput, RoleInput } from '../regional-group/membership.inputs';
import { Person } from './access.types';
import { AccessService } from './access.service';

/** People and the roles an administrator grants them (R41). */
@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly service: AccessService,
    private readonly people: PeopleQueries,
  ) {}

  private read(personId: string): Person {
    const person = this.people.byId(personId);
    if (!person) throw new DomainError('NOT_FOUND', `The platform knows nobody with person id ${personId}.`);
    return {
      id: person.personId,
      personId: person.personId,
      name: person.name,
      email: person.email,
      roles: this.people.rolesOf(person.personId),
    };
  }

  @Mutation(() => Person, {
    description: 'Administrators only. Someone who can then be appointed, granted roles and given a token.',
  })
  async registerPerson(
    @Args('input') input: RegisterPersonInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Person> {
    return this.read(await this.service.registerPerson(input, requestMeta(identity, context)));
  }

  @Mutation(() => Person, { description: 'Administrators only. AREA_BUSINESS_MANAGER is granted for one area.' })
  async grantRole(
    @Args('input') input: RoleInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Person> {
    return this.read(await this.service.grantRole(input, requestMeta(identity, context)));
  }

  @Mutation(() => Person, { description: 'Administrators only. The platform keeps at least one administrator.' })
  async revokeRole(
    @Args('input') input: RoleInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ): Promise<Person> {
    return this.read(await this.service.revokeRole(input, requestMeta(identity, context)));
  }
}
