import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_STREAM,
  AccessCommand,
  accessDecider,
  AccessEvent,
  regionalGroupDecider,
  regionalGroupStream,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { MembershipQueries } from '@app/read-models';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { RegisterPersonInput, RoleInput } from '../regional-group/membership.inputs';
import { RevokeCalendarTokenInput } from './calendar-token.types';

/**
 * The platform's people, their roles and calendar tokens (R41, R43), all on the one access
 * stream. A role for an area is decided on the area's group stream, read inside the retry loop.
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly membership: MembershipQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Answers the new person's id. */
  async registerPerson(input: RegisterPersonInput, meta: RequestMeta): Promise<string> {
    const personId = newEntityId('person', meta.identity.personId, input.idempotencyKey);
    await this.change('registerPerson', input, meta, ({ actor }) => ({
      type: 'RegisterPerson',
      data: { personId, name: input.name, email: input.email ?? null, subject: input.subject ?? null, actor },
    }));
    return personId;
  }

  /** AREA_BUSINESS_MANAGER is granted for one area, which must exist in its group's stream. */
  async grantRole(input: RoleInput, meta: RequestMeta): Promise<string> {
    await this.change('grantRole', input, meta, async ({ actor }) => ({
      type: 'GrantRole',
      data: {
        personId: input.personId,
        role: input.role,
        areaId: input.areaId ?? null,
        areaKnown: input.areaId ? await this.areaExists(input.areaId) : false,
        actor,
      },
    }));
    return input.personId;
  }

  async revokeRole(input: RoleInput, meta: RequestMeta): Promise<string> {
    await this.change('revokeRole', input, meta, ({ actor }) => ({
      type: 'RevokeRole',
      data: { personId: input.personId, role: input.role, areaId: input.areaId ?? null, actor },
    }));
    return input.personId;
  }

  /** Answers the revocation as recorded (or as first recorded, for a retry with the same key). */
  async revokeCalendarToken(input: RevokeCalendarTokenInput, meta: RequestMeta) {
    const [event] = await this.change('revokeCalendarToken', input, meta, ({ actor, now }) => ({
      type: 'RevokeCalendarToken',
      data: { tokenId: input.tokenId, actor, now },
    }));
    if (event.type !== 'CalendarTokenRevoked') throw new Error(`revokeCalendarToken recorded ${event.type}.`);
    return event.data;
  }

  private async change(
    operation: string,
    input: IdempotentInput,
    meta: RequestMeta,
    build: (context: PreparedCommand) => AccessCommand | Promise<AccessCommand>,
  ): Promise<readonly AccessEvent[]> {
    const outcome = await this.gateway.change({ operation, input, meta }, null, ACCESS_STREAM, accessDecider, build);
    return outcome.events;
  }

  /**
   * Whether the area stands in its group's own stream. The store keeps no index by area, so the
   * read model only says which group stream to read.
   */
  private async areaExists(areaId: string): Promise<boolean> {
    const groupId = this.membership.groupOfArea(areaId);
    if (!groupId) return false;
    const group = await readState(this.store, regionalGroupStream(groupId), regionalGroupDecider);
    return group.status === 'active' && group.areas.some((area) => area.areaId === areaId);
  }
}
