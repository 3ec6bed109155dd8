import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import {
  ACCESS_STREAM,
  AccessCommand,
  accessDecider,
  DomainError,
  regionalGroupDecider,
  regionalGroupStream,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { MembershipQueries, PeopleQueries } from '@app/read-models';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { PreparedCommand } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { GraphqlContext } from '../graphql/graphql-context';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { RegisterPersonInput, RoleInput } from '../regional-group/membership.inputs';
import { Person } from './access.types';
import { ChangeStreamCommand } from '../common/change-stream.command';

/** People and the roles an administrator grants them (R41). */
@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly people: PeopleQueries,
    private readonly membership: MembershipQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  private async change(
    operation: string,
    input: IdempotentInput,
    identity: Identity,
    context: GraphqlContext,
    personId: string,
    build: (prepared: PreparedCommand) => AccessCommand | Promise<AccessCommand>,
  ): Promise<Person> {
    await this.commands.execute(
      new ChangeStreamCommand(
        ACCESS_STREAM,
        accessDecider,
        null,
        operation,
        input,
        { identity, correlationId: context.correlationId },
        build,
      ),
    );
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

  /** Read from the area's own group stream, so a role is never granted for an area that does not exist. */
  private async areaExists(areaId: string): Promise<boolean> {
    const groupId = this.membership.groupOfArea(areaId);
    if (!groupId) return false;
    const group = await readState(this.store, regionalGroupStream(groupId), regionalGroupDecider);
    return group.status === 'active' && group.areas.some((area) => area.areaId === areaId);
  }

  @Mutation(() => Person, {
    description: 'Administrators only. Someone who can then be appointed, granted roles and given a token.',
  })
  registerPerson(
    @Args('input') input: RegisterPersonInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    const personId = newEntityId('person', identity.personId, input.idempotencyKey);
    return this.change('registerPerson', input, identity, context, personId, ({ actor }) => ({
      type: 'RegisterPerson',
      data: { personId, name: input.name, email: input.email ?? null, subject: input.subject ?? null, actor },
    }));
  }

  @Mutation(() => Person, { description: 'Administrators only. AREA_BUSINESS_MANAGER is granted for one area.' })
  grantRole(
    @Args('input') input: RoleInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('grantRole', input, identity, context, input.personId, async ({ actor }) => ({
      type: 'GrantRole',
      data: {
        personId: input.personId,
        role: input.role,
        areaId: input.areaId ?? null,
        areaKnown: input.areaId ? await this.areaExists(input.areaId) : false,
        actor,
      },
    }));
  }

  @Mutation(() => Person, { description: 'Administrators only. The platform keeps at least one administrator.' })
  revokeRole(
    @Args('input') input: RoleInput,
    @CurrentIdentity() identity: Identity,
    @Context() context: GraphqlContext,
  ) {
    return this.change('revokeRole', input, identity, context, input.personId, ({ actor }) => ({
      type: 'RevokeRole',
      data: { personId: input.personId, role: input.role, areaId: input.areaId ?? null, actor },
    }));
  }
}
