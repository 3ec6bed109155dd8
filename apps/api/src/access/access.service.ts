import { Injectable } from '@nestjs/common';
import { ACCESS_STREAM, AccessCommand, accessDecider, AccessEvent } from '@app/domain';
import { newEntityId } from '@app/event-store';
import { AreaGroups } from '../common/area-groups';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
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
    private readonly areas: AreaGroups,
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
        areaKnown: input.areaId ? (await this.areas.groupOf(input.areaId)) !== null : false,
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
}
