import { Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { Me } from './access.types';
import { MeQuery } from './me.query';

@Resolver(() => Me)
export class AccessResolver {
  constructor(private readonly queries: QueryBus) {}

  @Query(() => Me, { description: 'Who the token names, and the roles they hold.' })
  me(@CurrentIdentity() identity: Identity): Promise<Me> {
    return this.queries.execute(new MeQuery(identity));
  }
}
