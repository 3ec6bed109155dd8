import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { PeopleQueries } from '@app/read-models';
import { Identity } from '../auth/identity';
import { derivedId } from '../common/derived-id';
import { Me } from './access.types';

export class MeQuery extends Query<Me> {
  constructor(readonly identity: Identity) {
    super();
  }
}

@QueryHandler(MeQuery)
export class MeHandler implements IQueryHandler<MeQuery> {
  constructor(private readonly people: PeopleQueries) {}

  execute({ identity }: MeQuery): Promise<Me> {
    return Promise.resolve({
      id: derivedId('Me', identity.personId),
      personId: identity.personId,
      name: identity.name,
      roles: this.people.rolesOf(identity.personId),
    });
  }
}
