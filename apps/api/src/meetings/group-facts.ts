import { Injectable } from '@nestjs/common';
import { DomainError, GroupFacts, groupFactsOn, IsoDate } from '@app/domain';
import { Actors } from '../auth/actors';
import { GroupTimeViews } from '../common/group-time-views';

/** What a meeting command needs to know of its group on a date (today unless given), read from the group's own stream. */
@Injectable()
export class GroupFactsReader {
  constructor(
    private readonly actors: Actors,
    private readonly views: GroupTimeViews,
  ) {}

  async factsOf(groupId: string, date?: IsoDate): Promise<GroupFacts> {
    const group = await this.actors.group(groupId);
    if (group.status !== 'active') throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
    return groupFactsOn(group, date ?? this.views.today().on);
  }

  /** The day the group records an appointment starting; null when it knows no such appointment. */
  async appointmentStartOf(groupId: string, appointmentId: string): Promise<IsoDate | null> {
    const group = await this.actors.group(groupId);
    return group.status === 'active' ? (group.appointments.get(appointmentId)?.startDate ?? null) : null;
  }
}
