import { Inject, Injectable } from '@nestjs/common';
import { ACCESS_STREAM, accessDecider, Actor, AccessEvent, fold, rolesOf } from '@app/domain';
import { EventStore } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { Identity } from './identity';

/**
 * What a person may do follows from the platform's own events, read from the streams at the
 * moment a command is handled rather than from a possibly lagging read model.
 */
@Injectable()
export class Actors {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async actorFor(identity: Identity): Promise<Actor> {
    const access = fold(accessDecider, (await this.store.readStream(ACCESS_STREAM)) as unknown as AccessEvent[]);
    return { personId: identity.personId, partnerId: null, roles: rolesOf(access, identity.personId) };
  }
}
