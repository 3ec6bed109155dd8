import { Inject, Type } from '@nestjs/common';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { Meeting } from '../meetings/meeting.types';
import { Policy } from '../policies/policy.types';
import { CorePartner, Representative } from '../regional-group/membership.types';
import { RegionalGroup } from '../regional-group/regional-group.types';
import { Task, Workstream } from '../workstreams/workstream.types';
import { HistoryReader } from './history-reader';
import { EntityHistoryArgs, HistoryEventConnection } from './history.types';

const description = (typeName: string) =>
  `Every recorded event concerning this ${typeName}, for auditors and administrators (FORBIDDEN, and null, otherwise).`;

function entityHistory(reader: HistoryReader, identity: Identity, entityId: string, args: EntityHistoryArgs) {
  return reader.read(identity, { ...args.filter, entityId }, args.first, args.after ?? null, args.order);
}

/** A `history` field on `type`: the recorded events concerning the object, by the id `idOf` gives. */
function historyField<T>(type: Type<T>, idOf: (parent: T) => string): Type<unknown> {
  @Resolver(() => type)
  class HistoryField {
    constructor(@Inject(HistoryReader) private readonly reader: HistoryReader) {}

    @ResolveField(() => HistoryEventConnection, { nullable: true, description: description(type.name) })
    history(@Parent() parent: T, @Args() args: EntityHistoryArgs, @CurrentIdentity() identity: Identity) {
      return entityHistory(this.reader, identity, idOf(parent), args);
    }
  }
  return HistoryField;
}

/** A task's `history` is already its own list of changes, for every reader of tasks: its audit trail has its own name. */
@Resolver(() => Task)
export class TaskAuditHistoryField {
  constructor(private readonly reader: HistoryReader) {}

  @ResolveField(() => HistoryEventConnection, { nullable: true, description: description('Task') })
  auditHistory(@Parent() task: Task, @Args() args: EntityHistoryArgs, @CurrentIdentity() identity: Identity) {
    return entityHistory(this.reader, identity, task.id, args);
  }
}

export const HISTORY_FIELDS = [
  historyField(RegionalGroup, (group) => group.id),
  historyField(CorePartner, (partner) => partner.id),
  historyField(Representative, (representative) => representative.appointmentId),
  historyField(Meeting, (meeting) => meeting.id),
  historyField(Policy, (policy) => policy.id),
  historyField(Workstream, (workstream) => workstream.id),
  TaskAuditHistoryField,
];
