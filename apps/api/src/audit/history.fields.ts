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

/** A `history` field on `type`: the events concerning the object, by the id `idOf` gives. */
function historyField<T>(type: Type<T>, idOf: (parent: T) => string): Type<unknown> {
  @Resolver(() => type)
  class HistoryField {
    constructor(@Inject(HistoryReader) private readonly reader: HistoryReader) {}

    @ResolveField(() => HistoryEventConnection, {
      nullable: true,
      description: `Every recorded event concerning this ${type.name}, for auditors and administrators (FORBIDDEN, and null, otherwise).`,
    })
    history(
      @Parent() parent: T,
      @Args() { filter, first, after }: EntityHistoryArgs,
      @CurrentIdentity() identity: Identity,
    ) {
      return this.reader.read(identity, { ...filter, entityId: idOf(parent) }, first, after ?? null);
    }
  }
  return HistoryField;
}

export const HISTORY_FIELDS = [
  historyField(RegionalGroup, (group) => group.id),
  historyField(CorePartner, (partner) => partner.id),
  historyField(Representative, (representative) => representative.appointmentId),
  historyField(Meeting, (meeting) => meeting.id),
  historyField(Policy, (policy) => policy.id),
  historyField(Workstream, (workstream) => workstream.id),
  historyField(Task, (task) => task.id),
];
