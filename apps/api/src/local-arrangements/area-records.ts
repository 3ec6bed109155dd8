import { Inject, Injectable } from '@nestjs/common';
import {
  LocalRecordCommand,
  localArrangementDecider,
  localArrangementStream,
  regionalGroupDecider,
  regionalGroupStream,
} from '@app/domain';
import { EventStore, readState } from '@app/event-store';
import { MembershipQueries, RegionalGroupQueries, TimeView } from '@app/read-models';
import { Actors } from '../auth/actors';
import { Identity } from '../auth/identity';
import { CommandGateway, PreparedCommand, requestMeta } from '../common/command-gateway';
import { derivedId } from '../common/derived-id';
import { GroupTimeViews } from '../common/group-time-views';
import { KnownEntities } from '../common/known-entities';
import { GraphqlContext } from '../graphql/graphql-context';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { AreaInput } from './area.input';
import { LocalArrangement } from './local-arrangement.types';

/** What every area command carries besides its own fields. */
export type AreaContext = { areaId: string; managedAreaIds: string[]; actor: PreparedCommand['actor']; now: string };

/** The path every change to an area's own records takes (L1, L4, L6), and the arrangement it answers with. */
@Injectable()
export class AreaRecords {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly actors: Actors,
    private readonly known: KnownEntities,
    private readonly views: GroupTimeViews,
    private readonly membership: MembershipQueries,
    private readonly groups: RegionalGroupQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  arrangement(areaId: string, view: TimeView): LocalArrangement {
    const groupId = this.membership.groupOfArea(areaId) as string;
    const area = this.groups.areas([areaId]).get(areaId);
    return {
      id: derivedId('LocalArrangement', areaId),
      area: { id: areaId, name: area?.name ?? areaId },
      asAt: view.on,
      view,
      groupId,
    };
  }

  async change(
    operation: string,
    input: AreaInput,
    identity: Identity,
    context: GraphqlContext,
    build: (area: AreaContext, groupId: string) => LocalRecordCommand | Promise<LocalRecordCommand>,
  ): Promise<LocalArrangement> {
    this.known.area(input.areaId);
    const groupId = this.membership.groupOfArea(input.areaId) as string;
    await this.gateway.change(
      { operation, input, meta: requestMeta(identity, context) },
      // The group, so that a partner's representative responding to scrutiny acts for that partner (R41).
      groupId,
      localArrangementStream(input.areaId),
      localArrangementDecider,
      async ({ actor, now }) =>
        build(
          {
            areaId: input.areaId,
            managedAreaIds: this.actors.managedAreaIds(await this.actors.access(), identity.personId),
            actor,
            now,
          },
          groupId,
        ),
    );
    return this.arrangement(input.areaId, this.views.today());
  }

  /** The group as its own stream holds it now, for the facts a rule needs. */
  async group(groupId: string) {
    const group = await readState(this.store, regionalGroupStream(groupId), regionalGroupDecider);
    return group.status === 'active' ? group : null;
  }
}
