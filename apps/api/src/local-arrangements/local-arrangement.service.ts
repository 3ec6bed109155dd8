import { Injectable } from '@nestjs/common';
import { ActiveGroup, LocalArrangementCommand, localArrangementDecider, localArrangementStream } from '@app/domain';
import { newEntityId } from '@app/event-store';
import { Actors } from '../auth/actors';
import { AreaGroups } from '../common/area-groups';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { KnownEntities, unknownArea } from '../common/known-entities';
import { AreaInput } from './area.input';

/** What every area command carries besides its own fields. */
export type AreaContext = Readonly<{
  areaId: string;
  managedAreaIds: readonly string[];
  actor: PreparedCommand['actor'];
  now: string;
}>;

/** What an area command is built from on each attempt: who acts, when, and the area's group as its stream holds it. */
export type AreaAttempt = Readonly<{ area: AreaContext; group: ActiveGroup }>;

/**
 * The one path of every change to an area's own stream (L1-L6): the area id must name an area,
 * then on every attempt the group's stream must still hold it, and the facts the rules need (the
 * areas the person manages, the group) are read afresh before the area's decider decides. The
 * sub-contexts' services build their commands on it.
 */
@Injectable()
export class LocalArrangementService {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly actors: Actors,
    private readonly known: KnownEntities,
    private readonly areas: AreaGroups,
  ) {}

  /** The id of a new thing in the area's records, derived from the request's key so a retry records it once. */
  newId(kind: string, input: AreaInput, meta: RequestMeta): string {
    return newEntityId(kind, meta.identity.personId, input.idempotencyKey, localArrangementStream(input.areaId));
  }

  /** Answers the id of the area's group. */
  async change(
    operation: string,
    input: AreaInput,
    meta: RequestMeta,
    build: (attempt: AreaAttempt) => LocalArrangementCommand | Promise<LocalArrangementCommand>,
  ): Promise<string> {
    const { areaId } = input;
    // The group, so that a partner's representative (responding to scrutiny, recording a review) acts for that partner (R41).
    const groupId = this.known.area(areaId);
    await this.gateway.change(
      { operation, input, meta },
      groupId,
      localArrangementStream(areaId),
      localArrangementDecider,
      async ({ actor, now }) => {
        const group = await this.areas.groupOf(areaId);
        if (!group) throw unknownArea(areaId);
        const managedAreaIds = this.actors.managedAreaIds(await this.actors.access(), meta.identity.personId);
        return build({ area: { areaId, managedAreaIds, actor, now }, group });
      },
    );
    return groupId;
  }
}
