import { Inject, Injectable } from '@nestjs/common';
import { DomainError, GroupFacts, groupDateOf, groupFactsOn, IsoDate } from '@app/domain';
import { Clock } from '@app/platform';
import { Actors } from '../auth/actors';
import { CLOCK } from '../infrastructure/injection-tokens';

/** What a meeting command needs to know of its group on a date (today unless given), read from the group's own stream. */
@Injectable()
export class GroupFactsReader {
  constructor(
    private readonly actors: Actors,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async factsOf(groupId: string, date?: IsoDate): Promise<GroupFacts> {
    const group = await this.actors.group(groupId);
    if (group.status !== 'active') throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
    return groupFactsOn(group, date ?? groupDateOf(this.clock.now().toISOString()));
  }
}
